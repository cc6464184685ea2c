import Foundation
import Testing

/// The extractor the reference tests cut declarations out of generated files with.
@Suite("Declaration extractor")
struct DeclarationExtractorTests {
    static let source = #"""
        import Foundation

        /// A pet.
        ///
        /// With two paragraphs.
        @available(*, deprecated, message: "Use Animal.")
        public struct Pet: Sendable {
            /// The name.
            public var name: String

            public init(name: String) {
                self.name = name
            }
        }

        // A comment that belongs to nothing.

        extension Pet: Unconstrained {}

        extension Pet: CustomStringConvertible {
            public var description: String { "Pet { \(name.map { "\($0)" }) }" }
            public static let template = "/pets/{id}" /* a { block /* nested } */ comment */
            public static let raw = #"a " } quote"#
            public func greet(
                loudly: Bool
            ) -> String {
                let text = """
                    } a brace in a multi-line string {
                    """
                return text // }
            }
            public func greet() -> String { greet(loudly: false) }
        }

        public indirect enum `Protocol`: Sendable {
            case `default`
            case ok(Pet)
        }

        public protocol PetHandler {
            func greet(_ pet: Pet) async throws -> String
        }

        extension PetHandler {
            public func greet(_ pet: Pet) async throws -> String { pet.name }
        }
        """#

    let extractor = DeclarationExtractor(source: Self.source)

    @Test func aDottedSelectorAlsoFindsTopLevelExtensionsOfTheNestedType() {
        let source = """
            public enum Output {
                public struct Headers {}
            }

            extension Output.Headers: Unconstrained {}

            extension Output {}
            """
        let found = DeclarationExtractor(source: source).declarations("Output.Headers").map(\.text)
        #expect(found == ["public struct Headers {}", "extension Output.Headers: Unconstrained {}"])
    }

    @Test func topLevelDeclarationsAreFoundWithTheirCommentsAndAttributes() {
        #expect(extractor.topLevelNames == ["Foundation", "Pet", "Pet", "Pet", "Protocol", "PetHandler", "PetHandler"])
        let pets = extractor.declarations("Pet").map(\.text)
        #expect(pets.count == 3)
        #expect(pets.first?.hasPrefix("/// A pet.\n///\n/// With two paragraphs.\n@available(") == true)
        #expect(pets.first?.hasSuffix("        self.name = name\n    }\n}") == true)
        #expect(pets.dropFirst().first == "extension Pet: Unconstrained {}")
        #expect(pets.last?.hasSuffix("greet(loudly: false) }\n}") == true)
    }

    @Test func bracesInStringsAndCommentsDoNotCount() {
        let greet = extractor.declarations("Pet.greet").map(\.text)
        #expect(greet.count == 2)
        #expect(greet.first?.hasPrefix("public func greet(\n    loudly: Bool\n) -> String {") == true)
        #expect(greet.first?.hasSuffix("    return text // }\n}") == true)
        #expect(extractor.declarations("Pet.template").count == 1)
        #expect(extractor.declarations("Pet.raw").map(\.text) == [##"public static let raw = #"a " } quote"#"##])
        #expect(
            extractor.declarations("Pet.description").map(\.text) == [
                ##"public var description: String { "Pet { \(name.map { "\($0)" }) }" }"##
            ])
    }

    @Test func membersAreFoundInEveryDeclarationOfTheirType() {
        #expect(
            extractor.declarations("PetHandler.greet").map(\.text) == [
                "func greet(_ pet: Pet) async throws -> String",
                "public func greet(_ pet: Pet) async throws -> String { pet.name }",
            ])
        #expect(
            extractor.declarations("Pet.init").map(\.text) == ["public init(name: String) {\n    self.name = name\n}"])
        #expect(extractor.declarations("Pet.name").map(\.text) == ["/// The name.\npublic var name: String"])
    }

    @Test func backtickedNamesAndModifiersAreSeenThrough() {
        #expect(extractor.declarations("Protocol").count == 1)
        #expect(extractor.declarations("Protocol.default").map(\.text) == ["case `default`"])
        #expect(extractor.declarations("Protocol.ok").map(\.text) == ["case ok(Pet)"])
    }

    /// On every generated file in the repository, the extractor accounts for every line: each is in
    /// a declaration it can name, or blank, or a comment between declarations; and the same inside
    /// every type, protocol and extension. So a selector sees everything the generator writes.
    @Test(arguments: ["Generated", "Tests/Fixtures/Generated"])
    func everyLineOfTheGeneratedFilesIsInANamedDeclaration(directory: String) throws {
        let files = TestSupport.snapshot(TestSupport.path(directory)).filter { $0.key.hasSuffix(".swift") }
        #expect(files.count >= 5)
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            let extractor = DeclarationExtractor(source: String(decoding: data, as: UTF8.self))
            #expect(extractor.isBalanced, "\(path)")
            var unnamed: [Int] = []
            var stray: [Int] = []
            var declarations = 0
            func check(_ outline: [DeclarationExtractor.Outline], in range: Range<Int>) {
                var covered = Set<Int>()
                for declaration in outline {
                    declarations += 1
                    if declaration.name == nil { unnamed.append(declaration.lines.lowerBound + 1) }
                    covered.formUnion(declaration.lines)
                    if let body = declaration.body { check(declaration.members, in: body) }
                }
                for line in range where !covered.contains(line) {
                    let text = extractor.lines[line].drop(while: \.isWhitespace)
                    if !text.isEmpty && !text.hasPrefix("//") { stray.append(line + 1) }
                }
            }
            check(extractor.outline, in: 0..<extractor.lines.count)
            #expect(declarations > 3, "\(directory)/\(path)")
            #expect(unnamed == [], "\(directory)/\(path): declarations without a name, at these lines")
            #expect(stray == [], "\(directory)/\(path): lines outside every declaration")
        }
    }

    @Test func unknownNamesFindNothing() {
        #expect(extractor.declarations("Dog").isEmpty)
        #expect(extractor.declarations("Pet.age").isEmpty)
        #expect(extractor.declarations("Pet.greet.missing").isEmpty)
        // A comment followed by a blank line is not a declaration, and not part of the next one.
        #expect(extractor.declarations("Pet").allSatisfy { !$0.text.contains("belongs to nothing") })
    }
}

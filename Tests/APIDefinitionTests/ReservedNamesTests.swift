import APIDefinition
import Foundation
import Testing

/// The checker's list of APIRuntime's type names is the runtime's: read from its sources, so that
/// a public type added to the runtime cannot be shadowed by a definition's type unnoticed.
@Suite("Reserved names")
struct ReservedNamesTests {
    static let runtimeDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/APIRuntime")

    /// The top-level public (or `@_spi`) type names declared in APIRuntime's sources.
    static func runtimeTypeNames() throws -> Set<String> {
        let files = try FileManager.default.contentsOfDirectory(atPath: runtimeDirectory.path).filter {
            $0.hasSuffix(".swift")
        }
        var names = Set<String>()
        let declaration = try NSRegularExpression(
            pattern:
                #"^(?:@\w+(?:\([^)]*\))?\s+)*public\s+(?:final\s+|indirect\s+)*(?:struct|enum|class|protocol|typealias|actor)\s+(\w+)"#,
            options: .anchorsMatchLines)
        for file in files {
            let text = try String(contentsOf: runtimeDirectory.appendingPathComponent(file), encoding: .utf8)
            for match in declaration.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { names.insert(String(text[range])) }
            }
        }
        return names
    }

    @Test func theListIsAPIRuntimesPublicTypes() throws {
        let declared = try Self.runtimeTypeNames()
        #expect(declared.count >= 30)
        #expect(declared.subtracting(ReservedNames.runtimeTypeNames).sorted() == [], "missing from ReservedNames")
        #expect(ReservedNames.runtimeTypeNames.subtracting(declared).sorted() == [], "not in APIRuntime (any more)")
    }

    /// Every reserved name is refused as a type name, with a located diagnostic.
    @Test func reservedTypeNamesAreRefused() throws {
        for name in ReservedNames.typeNames.sorted() {
            let text = """
                {
                  "formatVersion": 1,
                  "service": { "name": "Demo", "baseURL": "https://demo.test/v1" },
                  "types": [{ "name": "\(name)", "kind": "object", "fields": [] }],
                  "operations": []
                }
                """
            do {
                _ = try DefinitionLoader.load(data: Data(text.utf8), file: "demo.json")
                Issue.record("'\(name)' was accepted as a type name")
            } catch {
                #expect(
                    error.diagnostics.map(\.description).contains {
                        $0.hasPrefix("demo.json:4:") && $0.contains("types[0].name")
                    }, "\(name): \(error.diagnostics)")
            }
        }
    }
}

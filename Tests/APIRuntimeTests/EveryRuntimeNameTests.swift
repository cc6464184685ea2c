import Foundation
import Testing

/// `Integrations/RuntimeNames/EveryRuntimeName.swift`, which the server and client adapters compile next to
/// their frameworks to prove that no name clashes, names every public (non-SPI) top-level type of
/// APIRuntime, and nothing else.
@Suite("Every runtime name")
struct EveryRuntimeNameTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The public top-level types declared in APIRuntime's sources, without those under `@_spi`.
    static func publicTypeNames() throws -> Set<String> {
        let directory = root.appendingPathComponent("Sources/APIRuntime")
        let declaration = try NSRegularExpression(
            pattern:
                #"^((?:@\w+(?:\([^)]*\))?\s+)*)public\s+(?:final\s+|indirect\s+)*(?:struct|enum|class|protocol|typealias|actor)\s+(\w+)"#,
            options: .anchorsMatchLines)
        var names = Set<String>()
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            for match in declaration.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let attributes = Range(match.range(at: 1), in: text), let name = Range(match.range(at: 2), in: text)
                else { continue }
                if !text[attributes].contains("@_spi") { names.insert(String(text[name])) }
            }
        }
        return names
    }

    /// The names the list uses: `Name.self`, `Name<…>.self` and `(any Name).self`.
    static func listedNames() throws -> [String] {
        let text = try String(
            contentsOf: root.appendingPathComponent("Integrations/RuntimeNames/EveryRuntimeName.swift"), encoding: .utf8)
        let body = try #require(text.range(of: "func everyRuntimeName()")).upperBound
        let use = try NSRegularExpression(pattern: #"(?:\(any\s+(\w+)\)|\b(\w+)(?:<[^>]*>)?)\.self\b"#)
        let list = String(text[body...])
        return use.matches(in: list, range: NSRange(list.startIndex..., in: list)).compactMap { match in
            (Range(match.range(at: 1), in: list) ?? Range(match.range(at: 2), in: list)).map { String(list[$0]) }
        }
    }

    @Test func theListNamesEveryPublicTypeOfAPIRuntimeAndNothingElse() throws {
        let declared = try Self.publicTypeNames()
        let listed = try Self.listedNames()
        #expect(declared.count >= 30)
        #expect(declared.contains("APIRequest") && !declared.contains("ClientSupport"), "the @_spi types are left out")
        #expect(declared.subtracting(listed).sorted() == [], "public in APIRuntime, missing from the list")
        #expect(Set(listed).subtracting(declared).sorted() == [], "in the list, not public in APIRuntime")
        #expect(listed.count == Set(listed).count, "named twice")
    }
}

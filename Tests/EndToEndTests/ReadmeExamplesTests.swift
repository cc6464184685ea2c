import Foundation
import Testing

/// README.md's examples of generated APIs are the code `ReadmeExamples.swift` compiles.
@Suite("README examples")
struct ReadmeExamplesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The Swift code blocks of the README section `heading`, without `import` lines and the blank
    /// lines around them.
    static func readmeBlocks(under heading: String) throws -> [String] {
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "\n## \(heading)\n"), "README has no section '\(heading)'")
        let rest = readme[start.upperBound...]
        let section = rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)]
        return section.components(separatedBy: "```swift\n").dropFirst().map { block in
            let code = block.components(separatedBy: "```")[0]
            let lines = code.split(separator: "\n", omittingEmptySubsequences: false).filter {
                !$0.hasPrefix("import ")
            }
            return lines.joined(separator: "\n").trimmingCharacters(in: .newlines)
        }
    }

    /// The code between each pair of `// README: begin` and `// README: end` markers, dedented.
    static func compiledExamples() throws -> [String] {
        let text = try String(
            contentsOf: root.appendingPathComponent("Tests/EndToEndTests/ReadmeExamples.swift"), encoding: .utf8)
        return text.components(separatedBy: "// README: begin\n").dropFirst().map { part in
            let code = part.components(separatedBy: "// README: end")[0]
            return code.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasPrefix("        ") ? String($0.dropFirst(8)) : String($0) }
                .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    @Test func readmeExamplesAreTheCompiledOnes() throws {
        let blocks = try Self.readmeBlocks(under: "Using a generated API")
        #expect(blocks.count == 3)
        #expect(blocks.contains { $0.contains("TeamUpClient(baseURL:") && $0.contains("do throws(ClientError)") })
        #expect(blocks == (try Self.compiledExamples()))
    }
}

import APIGenVapor
import APIRuntime
import Foundation
import SFOXAPI
import TeamUpAPI
import Testing
import Vapor

/// The README's "Serving with Vapor" example, compiled here (not run: `execute()` serves until stopped).
enum ReadmeExample {
    struct MySFOX: SFOXPartialHandler {}
    struct MyTeamUp: TeamUpPartialHandler {}

    static func serve() async throws {
        // README: begin
        let app = try await Application.make(.detect())
        app.mount(MySFOX())                                   // POST /v1/enterprise/users/send-verification/:user_id
        app.grouped("teamup").mount(MyTeamUp(), basePath: "", limits: ServerLimits(maxBodyBytes: 1 << 20))
        try await app.execute()
        // README: end
    }
}

@Suite("README example")
struct ReadmeExampleTests {
    /// apigen's README, two directories up while the adapter lives in apigen's repository.
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("../../README.md").standardizedFileURL

    @Test(.enabled(if: FileManager.default.fileExists(atPath: readme.path), "inside apigen's repository"))
    func theReadmeShowsTheCompiledExample() throws {
        let readme = try String(contentsOf: Self.readme, encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "\n## Serving with Vapor\n").dropFirst().first)
        let block = try #require(section.components(separatedBy: "```swift\n").dropFirst().first)
        let shown = block.components(separatedBy: "```")[0].split(separator: "\n").filter { !$0.hasPrefix("import ") }
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let compiled = source.components(separatedBy: "// README: begin\n")[1].components(separatedBy: "        // README: end")[0]
            .split(separator: "\n").map { $0.dropFirst(8) }
        #expect(shown.map(String.init) == compiled.map(String.init))
        #expect(shown.count <= 10)
    }
}

import APIDefinition
import APIGenerator
import Foundation
import Testing

/// The committed output must be exactly what the generator produces.
///
/// Re-record after an intended change with `APIGEN_RECORD=1 swift test --filter GoldenTests`
/// (it rewrites `Generated/` and `Tests/Fixtures/Generated/` through the same writer as `apigen generate`).
@Suite("Golden files")
struct GoldenTests {
    /// (definitions directory, committed output directory), relative to the package root.
    static let pairs = [
        ("Definitions", "Generated"),
        ("Tests/Fixtures/Definitions", "Tests/Fixtures/Generated"),
    ]

    @Test(arguments: pairs)
    func committedOutputMatchesTheGenerator(definitions: String, output: String) throws {
        // Load with the same relative paths `apigen generate` prints into file headers.
        let root = TestSupport.packageRoot.path
        let files = try GenerationPlan.definitionFiles(in: TestSupport.path(definitions)).map {
            definitions + "/" + ($0 as NSString).lastPathComponent
        }
        let plan = GenerationPlan(files: files, relativeTo: root)
        #expect(!plan.hasErrors, "\(plan.diagnostics.map(\.description).joined(separator: "\n"))")
        #expect(!plan.files.isEmpty)
        let writer = OutputWriter(outputDirectory: TestSupport.path(output))
        let report = try writer.write(plan.files, dryRun: !TestSupport.recording)
        if TestSupport.recording {
            print("recorded \(output): \(report.written.count) written, \(report.removed.count) removed")
            return
        }
        #expect(
            report.isUpToDate,
            "\(output) differs from the generator's output; re-record with `APIGEN_RECORD=1 swift test --filter GoldenTests` if the change is intended:\n\(report.diffs.joined())"
        )
    }

    @Test func everyGeneratedFileStartsWithTheHeader() throws {
        let plan = GenerationPlan(files: try GenerationPlan.definitionFiles(in: TestSupport.path("Definitions")))
        for file in plan.files {
            #expect(file.contents.hasPrefix(Generator.headerMarker + " from "), "\(file.path)")
            #expect(!file.contents.contains("\r"), "\(file.path) must use LF line endings")
            #expect(file.contents.hasSuffix("\n") && !file.contents.hasSuffix("\n\n"), "\(file.path)")
        }
    }

    @Test func oneFilePerArtifactPerService() throws {
        let plan = GenerationPlan(files: try GenerationPlan.definitionFiles(in: TestSupport.path("Definitions")))
        let sfox = plan.files.map(\.path).filter { $0.hasPrefix("SFOX/") }
        #expect(
            sfox == [
                "SFOX/Models.swift", "SFOX/JSONCoding.swift", "SFOX/Operations.swift", "SFOX/Client.swift",
                "SFOX/Server.swift",
            ])
    }
}

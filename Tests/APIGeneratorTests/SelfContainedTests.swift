import Foundation
import Testing

/// A fresh clone needs nothing beside it: `.ci/check-paths.py` (which `.ci/run` runs) finds no path
/// outside the repository, and it does find the kinds of reference that once broke fresh clones.
@Suite("Self-contained repository")
struct SelfContainedTests {
    func checkPaths(root: String? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TestSupport.path(".ci/check-paths.py")] + (root.map { [$0] } ?? [])
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test func theRepositoryNamesNoPathOutsideIt() throws {
        let result = try checkPaths()
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("no file names a path outside the repository"))
    }

    @Test func theCheckFindsReferencesOutsideTheRepository() throws {
        let root = try TestSupport.scratchDirectory()
        let files = FileManager.default
        try files.createDirectory(atPath: root + "/Tests/Support", withIntermediateDirectories: true)
        try files.createDirectory(atPath: root + "/Benchmarks", withIntermediateDirectories: true)
        try files.createDirectory(atPath: root + "/Definitions", withIntermediateDirectories: true)
        // Spelled in pieces, so that this file does not name what it plants.
        let parent = ".."
        let shared = "sha" + "red"
        let lines = [
            "let script = \"\(parent)/\(shared)/bench/gen_synthetic_spec.py\"",
            "let work = \"/\("work")/\(shared)/x\"",
            "let up = \"\(parent)/\(parent)/\(parent)\"",
            "let fine = \"\(parent)/\(parent)/Definitions\"",  // Tests/Support → the root's Definitions: inside
            "let scratch = \".package(path: \\\"\(parent)/apigen\\\")\"",  // the scratch packages' link
        ]
        try lines.joined(separator: "\n").write(
            toFile: root + "/Tests/Support/Paths.swift", atomically: true, encoding: .utf8)
        try "SYNTHETIC = os.path.join(os.path.dirname(ROOT), \"\(shared)\", \"x.py\")\n".write(
            toFile: root + "/Benchmarks/bench.py", atomically: true, encoding: .utf8)
        try files.createSymbolicLink(atPath: root + "/Tests/outside", withDestinationPath: "\(parent)/\(parent)")
        try files.createSymbolicLink(atPath: root + "/Tests/inside", withDestinationPath: parent)
        let result = try checkPaths(root: root)
        #expect(result.status == 1, "\(result.output)")
        #expect(
            result.output.contains("Tests/Support/Paths.swift:1: '\(parent)/\(shared)/bench/gen_synthetic_spec.py'"))
        #expect(result.output.contains("Tests/Support/Paths.swift:2: "))
        #expect(result.output.contains("Tests/Support/Paths.swift:3: '\(parent)/\(parent)/\(parent)'"))
        #expect(!result.output.contains("Paths.swift:4:"), "\(result.output)")
        #expect(!result.output.contains("Paths.swift:5:"), "\(result.output)")
        #expect(result.output.contains("Benchmarks/bench.py:1: "))
        #expect(result.output.contains("Tests/outside: a link to \(parent)/\(parent), outside the repository"))
        #expect(!result.output.contains("Tests/inside"))
        #expect(result.output.contains("error: 6 reference(s) to paths outside the repository"), "\(result.output)")
    }
}

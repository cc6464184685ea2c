import APIGenerator
import Foundation
import Testing

/// Generated code is `swift format`-clean: formatting it (with the package's `.swift-format`) changes nothing.
@Suite("Generated code formatting")
struct FormatTests {
    @Test(arguments: ["Generated", "Tests/Fixtures/Generated"])
    func generatedCodeIsAFixedPointOfSwiftFormat(directory: String) throws {
        let scratch = try TestSupport.scratchDirectory()
        try FileManager.default.copyItem(
            atPath: TestSupport.path(".swift-format"), toPath: scratch + "/.swift-format")
        try FileManager.default.copyItem(atPath: TestSupport.path(directory), toPath: scratch + "/code")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "format", "format", "--in-place", "--recursive", scratch + "/code"]
        process.currentDirectoryURL = URL(fileURLWithPath: scratch)
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "swift format failed")
        let original = TestSupport.snapshot(TestSupport.path(directory))
        let formatted = TestSupport.snapshot(scratch + "/code")
        #expect(original.keys.sorted() == formatted.keys.sorted())
        for (path, bytes) in original.sorted(by: { $0.key < $1.key }) {
            let after = formatted[path] ?? Data()
            #expect(
                bytes == after,
                "\(directory)/\(path) is not swift-format clean:\n\(UnifiedDiffText.of(bytes, after, path))")
        }
    }
}

enum UnifiedDiffText {
    static func of(_ old: Data, _ new: Data, _ path: String) -> String {
        UnifiedDiff.diff(
            old: String(decoding: old, as: UTF8.self), new: String(decoding: new, as: UTF8.self), oldName: "a/\(path)",
            newName: "formatted/\(path)")
    }
}

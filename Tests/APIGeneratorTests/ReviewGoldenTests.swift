import APIDefinition
import APIGenerator
import Foundation
import Testing

/// Reviewing an API change: `apigen diff` classifies it, and the generated code changes only where
/// it must. Golden files live in `Tests/Fixtures/Diff/<case>/` (re-record with
/// `APIGEN_RECORD=1 swift test --filter GoldenTests`, like every golden file).
@Suite("Reviewing API changes")
struct ReviewGoldenTests {
    static let cases = ["one-field-edit", "breaking-wire", "breaking-source", "additive", "unchanged"]

    func load(_ file: String) throws -> Definition {
        // Both versions carry the same display path, as two commits of one file would.
        try DefinitionLoader.load(path: TestSupport.path(file), displayPath: "Definitions/sfox.json")
    }

    /// Compares `actual` with the committed file, or writes it in record mode.
    func expectGolden(_ actual: String, _ file: String) throws {
        let path = TestSupport.path(file)
        if TestSupport.recording {
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        #expect(
            actual == expected,
            "\(file) differs; re-record with `APIGEN_RECORD=1 swift test --filter GoldenTests`:\n\(UnifiedDiff.diff(old: expected, new: actual, oldName: file, newName: "actual"))"
        )
    }

    @Test(arguments: cases)
    func changesAreClassified(_ name: String) throws {
        let directory = "Tests/Fixtures/Diff/\(name)"
        let changes = DefinitionDiff(old: try load("\(directory)/old.json"), new: try load("\(directory)/new.json"))
        try expectGolden(changes.text(oldName: "old.json", newName: "new.json"), "\(directory)/expected.txt")
        try expectGolden(changes.json(oldName: "old.json", newName: "new.json"), "\(directory)/expected.json")
        let impacts = Set(changes.changes.map(\.impact))
        switch name {
        case "breaking-wire": #expect(impacts == [.breakingWire])
        case "breaking-source": #expect(impacts == [.breakingSource])
        case "additive", "one-field-edit": #expect(impacts == [.additive])
        default: #expect(impacts.isEmpty)
        }
    }

    @Test func aOneFieldEditChangesOnlyTheLinesThatMust() throws {
        let directory = "Tests/Fixtures/Diff/one-field-edit"
        let old = Generator.generate(try load("\(directory)/old.json"))
        let new = Generator.generate(try load("\(directory)/new.json"))
        #expect(old.map(\.path) == new.map(\.path))
        var diff = ""
        for (before, after) in zip(old, new) {
            diff += UnifiedDiff.diff(
                old: before.contents, new: after.contents, oldName: "a/\(before.path)", newName: "b/\(after.path)")
        }
        try expectGolden(diff, "\(directory)/expected-generated.diff")
        // The new field touches the model and its coding, nothing else.
        #expect(diff.contains("+++ b/SFOX/Models.swift"))
        #expect(diff.contains("+++ b/SFOX/JSONCoding.swift"))
        #expect(!diff.contains("Client.swift") && !diff.contains("Server.swift") && !diff.contains("Operations.swift"))
        let removed = diff.split(separator: "\n").filter { $0.hasPrefix("-") && !$0.hasPrefix("---") }
        // Only the initializer's signature line is replaced; everything else is added.
        #expect(removed.count == 1, "\(removed)")
    }

    @Test func theCommandGatesOnBreakingChanges() throws {
        func run(_ name: String, _ options: [String]) throws -> TestSupport.Result {
            try TestSupport.runApigen(
                ["diff", "Tests/Fixtures/Diff/\(name)/old.json", "Tests/Fixtures/Diff/\(name)/new.json"] + options,
                in: TestSupport.packageRoot.path)
        }
        #expect(try run("breaking-wire", ["--fail-on", "breaking"]).status == 1)
        #expect(try run("breaking-source", ["--fail-on", "breaking"]).status == 1)
        #expect(try run("breaking-source", ["--fail-on", "wire"]).status == 0)
        #expect(try run("additive", ["--fail-on", "breaking"]).status == 0)
        #expect(try run("breaking-wire", []).status == 0)
        let json = try run("breaking-source", ["--format", "json"])
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((decoded?["summary"] as? [String: Int])?["breaking-source"] == 5)
        #expect(try run("additive", ["--format", "yaml"]).status == 64)
    }
}

import APIDefinition
import Foundation
import TestSupport
import Testing

@testable import APIGenerator

/// The access level of generated code: `public` by default (committed `Generated/`), `internal` for
/// the build plugin, the definition's `service.access` when it states one, `--access` over both. Code
/// generated at each level type-checks without warnings and says no other level.
@Suite("Access level of generated code")
struct AccessLevelTests {
    static func definition(_ path: String) throws -> Definition {
        try DefinitionLoader.load(path: TestSupport.path(path))
    }

    /// A definition whose service says `"access": <access>`; `null` leaves the key out.
    static func stating(_ access: String) -> Data {
        let member = access == "null" ? "" : ", \"access\": \(access)"
        return Data(
            """
            {"formatVersion": 1, "service": {"name": "Shop"\(member)}, "operations": []}
            """.utf8)
    }

    @Test func theDefinitionStatesItsAccessLevel() throws {
        for level in AccessLevel.allCases {
            let loaded = try DefinitionLoader.load(data: Self.stating("\"\(level.rawValue)\""), file: "shop.json")
            #expect(loaded.service.access == level)
        }
        let unstated = try Self.definition("Tests/Fixtures/Definitions/awkward.json")
        #expect(unstated.service.access == nil)
    }

    @Test func aBadAccessLevelIsALocatedError() throws {
        let (misspelled, found) = DefinitionLoader.loadWithWarnings(
            data: Self.stating("\"interal\""), file: "shop.json")
        #expect(misspelled == nil)
        let error = try #require(found.first { $0.severity == .error })
        #expect(error.path == "service.access")
        #expect(error.message.contains("unknown access level 'interal'"), "\(error.message)")
        #expect(error.message.contains("did you mean 'internal'?"), "\(error.message)")
        #expect(error.line == 1)

        let (_, wrongType) = DefinitionLoader.loadWithWarnings(data: Self.stating("true"), file: "shop.json")
        #expect(wrongType.contains { $0.path == "service.access" && $0.message.contains("expected a string") })
    }

    @Test func theLevelIsChosenInOrder() throws {
        var definition = try Self.definition("Tests/Fixtures/Definitions/awkward.json")
        #expect(Generator.accessLevel(definition) == .public)
        #expect(Generator.accessLevel(definition, forBuildPlugin: true) == .internal)
        #expect(Generator.accessLevel(definition, override: .package, forBuildPlugin: true) == .package)
        definition.service.access = .public
        #expect(Generator.accessLevel(definition, forBuildPlugin: true) == .public)
        #expect(Generator.accessLevel(definition, override: .internal) == .internal)
    }

    /// Lines of code (not comments) that say an access level other than `level`.
    static func otherLevels(_ files: [EmittedFile], _ level: AccessLevel) -> [String] {
        let others = AccessLevel.allCases.filter { $0 != level && $0 != .internal }.map(\.keyword)
        return files.flatMap { file in
            file.contents.split(separator: "\n").filter { line in
                let code = line.trimmingCharacters(in: .whitespaces)
                return !code.hasPrefix("//") && others.contains { code.hasPrefix($0) || code.contains(" " + $0) }
            }.map { "\(file.path): \($0)" }
        }
    }

    @Test(arguments: [AccessLevel.internal, .package])
    func everyDeclarationHasTheLevel(_ level: AccessLevel) throws {
        for path in ["Tests/Fixtures/Definitions/awkward.json", "Definitions/sfox.json"] {
            let files = Generator.generate(try Self.definition(path), access: level)
            #expect(Self.otherLevels(files, level).isEmpty, "\(Self.otherLevels(files, level))")
            let declared = files.map(\.contents).joined().components(separatedBy: "\n").filter {
                $0.trimmingCharacters(in: .whitespaces).hasPrefix(level.keyword)
            }
            #expect(declared.count > 20, "\(path)")
        }
        // The plugin's default, and the committed output's.
        let awkward = try Self.definition("Tests/Fixtures/Definitions/awkward.json")
        #expect(Self.otherLevels(Generator.generate(awkward, forBuildPlugin: true), .internal).isEmpty)
        #expect(Generator.generate(awkward).contains { $0.contents.contains("\npublic struct ") })
    }

    /// `swiftc -typecheck` of the awkward fixture and sFOX generated at `level`, with a file of the
    /// same module that uses them; no error and no warning. For `package`, the module gets a package name.
    @Test(arguments: [AccessLevel.internal, .package])
    func codeAtTheLevelCompilesWithoutWarnings(_ level: AccessLevel) throws {
        let apigen = try #require(TestSupport.apigenExecutable, "the test run builds apigen")
        let modules = URL(fileURLWithPath: apigen).deletingLastPathComponent().appendingPathComponent("Modules").path
        let directory = try TestSupport.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var sources: [String] = []
        for path in ["Tests/Fixtures/Definitions/awkward.json", "Definitions/sfox.json"] {
            for file in Generator.generate(try Self.definition(path), access: level) {
                let target = directory + "/" + file.path.replacingOccurrences(of: "/", with: "_")
                try file.contents.write(toFile: target, atomically: true, encoding: .utf8)
                sources.append(target)
            }
        }
        let use = directory + "/Use.swift"
        try """
        import APIRuntime
        import Foundation

        \(level.rawValue) func clients(_ transport: any ClientTransport) -> (AwkwardClient, SFOXClient) {
            (AwkwardClient(transport: transport), SFOXClient(transport: transport))
        }
        """.write(toFile: use, atomically: true, encoding: .utf8)
        let packageName = level == .package ? ["-package-name", "consumer"] : []
        let run = try ScratchPackage.run(
            [
                "swiftc", "-typecheck", "-swift-version", "6", "-parse-as-library", "-module-name", "Consumer", "-I",
                modules,
            ]
                + packageName + sources + [use],
            in: directory)
        #expect(run.status == 0, "\(run.output)")
        #expect(!run.output.contains("warning:"), "\(run.output)")
    }

    @Test func diffSaysWhatAnAccessChangeDoes() throws {
        func changes(_ old: String, _ new: String) throws -> [String] {
            let before = try DefinitionLoader.load(data: Self.stating(old), file: "a.json")
            let after = try DefinitionLoader.load(data: Self.stating(new), file: "b.json")
            return DefinitionDiff(old: before, new: after).changes.map {
                "\($0.impact.rawValue) \($0.path): \($0.message)"
            }
        }
        #expect(
            try changes("\"public\"", "\"internal\"") == [
                "breaking-source service.access: access level changed from public to internal (code outside the module no longer sees it)"
            ])
        #expect(
            try changes("null", "\"package\"") == [
                "breaking-source service.access: access level changed from public to package (code outside the package no longer sees it)"
            ])
        #expect(
            try changes("\"internal\"", "\"package\"") == [
                "additive service.access: access level changed from internal to package"
            ])
        #expect(try changes("\"public\"", "null").isEmpty)
    }
}

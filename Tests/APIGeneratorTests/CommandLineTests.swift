import APIGenerator
import Foundation
import Testing

/// `apigen` as a user runs it: separate processes, real files.
@Suite("apigen command line")
struct CommandLineTests {
    /// A scratch package layout with a copy of the sFOX definition.
    func scratchProject() throws -> String {
        let root = try TestSupport.scratchDirectory()
        try FileManager.default.createDirectory(atPath: root + "/Definitions", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: TestSupport.path("Definitions/sfox.json"), toPath: root + "/Definitions/sfox.json")
        return root
    }

    @Test func twoProcessesProduceIdenticalBytes() throws {
        let root = try TestSupport.scratchDirectory()
        try FileManager.default.createDirectory(atPath: root + "/Definitions", withIntermediateDirectories: true)
        var sources = try GenerationPlan.definitionFiles(in: TestSupport.path("Definitions"))
        sources.append(TestSupport.path("Tests/Fixtures/Definitions/awkward.json"))
        for source in sources {
            try FileManager.default.copyItem(
                atPath: source, toPath: root + "/Definitions/" + (source as NSString).lastPathComponent)
        }
        let first = try TestSupport.runApigen(["generate", "--output", "One"], in: root)
        let second = try TestSupport.runApigen(["generate", "--output", "Two"], in: root)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(second.status == 0, "\(second.stderr)")
        let one = TestSupport.snapshot(root + "/One")
        let two = TestSupport.snapshot(root + "/Two")
        // Every service of Definitions/ plus the fixture: five or six files each.
        #expect(one.count == GenerationPlan(files: sources).files.count)
        #expect(one.count >= 26)
        #expect(one == two)
    }

    @Test func generateWritesOnlyWhatChangesAndCheckDetectsStaleness() throws {
        let root = try scratchProject()
        #expect(try TestSupport.runApigen(["generate"], in: root).status == 0)
        let models = root + "/Generated/SFOX/Models.swift"
        let before = try FileManager.default.attributesOfItem(atPath: models)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.05)

        let again = try TestSupport.runApigen(["generate"], in: root)
        #expect(again.stdout.contains("0 written, 5 unchanged"), "\(again.stdout)")
        let after = try FileManager.default.attributesOfItem(atPath: models)[.modificationDate] as? Date
        #expect(before == after)

        let upToDate = try TestSupport.runApigen(["generate", "--check"], in: root)
        #expect(upToDate.status == 0)

        // A hand edit makes the output stale: --check fails with a diff and writes nothing.
        let edited = try String(contentsOfFile: models, encoding: .utf8) + "// hand edit\n"
        try edited.write(toFile: models, atomically: true, encoding: .utf8)
        let stale = try TestSupport.runApigen(["generate", "--check"], in: root)
        #expect(stale.status == 1)
        #expect(stale.stdout.contains("-// hand edit"), "\(stale.stdout)")
        #expect(stale.stderr.contains("is stale"))
        #expect(try String(contentsOfFile: models, encoding: .utf8) == edited)
    }

    @Test func removesOnlyFilesItGenerated() throws {
        let root = try scratchProject()
        #expect(try TestSupport.runApigen(["generate"], in: root).status == 0)
        let mine = root + "/Generated/SFOX/Extensions.swift"
        try "// written by a person\n".write(toFile: mine, atomically: true, encoding: .utf8)
        let stale = root + "/Generated/Old/Models.swift"
        try FileManager.default.createDirectory(atPath: root + "/Generated/Old", withIntermediateDirectories: true)
        try "\(Generator.headerMarker) from Definitions/old.json. Do not edit.\n".write(
            toFile: stale, atomically: true, encoding: .utf8)

        let result = try TestSupport.runApigen(["generate"], in: root)
        #expect(result.status == 0)
        #expect(result.stdout.contains("removed Generated/Old/Models.swift"))
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: mine))
    }

    @Test func anErrorWritesNothing() throws {
        let root = try scratchProject()
        try
            #"{"formatVersion": 1, "service": {"name": "Broken", "baseURL": "https://x.test"}, "operations": [{"name": "a", "method": "GET", "path": "/a", "responses": [{"status": 200, "type": "Strng"}]}]}"#
            .write(toFile: root + "/Definitions/broken.json", atomically: true, encoding: .utf8)
        let result = try TestSupport.runApigen(["generate"], in: root)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "Definitions/broken.json:1:180: error: operations[0].responses[0].type: unknown type 'Strng' (did you mean 'string'?)"
            ),
            "\(result.stderr)")
        #expect(result.stderr.contains("nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: root + "/Generated"))
    }

    @Test func lintReportsEveryProblemWithLocation() throws {
        let root = try TestSupport.scratchDirectory()
        let file = root + "/bad.json"
        try """
        {
          "formatVersion": 1,
          "servce": {},
          "operations": [
            {"name": "x", "method": "POST", "path": "/u/{id}", "responses": [], "auth": ["jwt"]}
          ]
        }
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try TestSupport.runApigen(["lint", "bad.json"], in: root)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(
            lines.contains(
                "bad.json:3:3: error: servce: unknown key 'servce' in the definition (did you mean 'service'?)"),
            "\(lines)")
        #expect(lines.contains("bad.json:1:1: error: missing required key 'service' in the definition"), "\(lines)")

        let good = try TestSupport.runApigen(["lint", TestSupport.path("Definitions/sfox.json")], in: root)
        #expect(good.status == 0, "\(good.stderr)")
    }

    @Test func helpAndUsageErrors() throws {
        let root = try TestSupport.scratchDirectory()
        let help = try TestSupport.runApigen(["--help"], in: root)
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: apigen <subcommand>"))
        let generateHelp = try TestSupport.runApigen(["help", "generate"], in: root)
        #expect(generateHelp.stdout.contains("--check"))
        let unknown = try TestSupport.runApigen(["generat"], in: root)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("did you mean 'generate'?"))
        let missingDirectory = try TestSupport.runApigen(["generate"], in: root)
        #expect(missingDirectory.status == 64)
        #expect(missingDirectory.stderr.contains("run from the package root or pass --definitions"))
    }

    /// What the APIGen build plugin runs, in both option forms, through the real executable.
    @Test func emitAsThePluginRunsIt() throws {
        let root = try TestSupport.scratchDirectory()
        let definition = TestSupport.path("Definitions/sfox.json")
        let spaced = try TestSupport.runApigen(["emit", definition, "--output", root + "/a"], in: root)
        #expect(spaced.status == 0, "\(spaced.stderr)")
        let joined = try TestSupport.runApigen(["emit", "--output=" + root + "/b", "--", definition], in: root)
        #expect(joined.status == 0, "\(joined.stderr)")
        let files = TestSupport.snapshot(root + "/a")
        #expect(files.keys.sorted().first == "sfox.Client.swift", "\(files.keys.sorted())")
        #expect(files.count == 6)
        #expect(files == TestSupport.snapshot(root + "/b"))
        // The plugin's output is internal unless the definition or `--access` says otherwise.
        let client = try #require(files["sfox.Client.swift"]).utf8String
        #expect(client.contains("\ninternal struct SFOXClient: Sendable {"))
        let explicit = try TestSupport.runApigen(["emit", definition, "--output", root + "/c", "--access=public"], in: root)
        #expect(explicit.status == 0, "\(explicit.stderr)")
        let publicClient = try #require(TestSupport.snapshot(root + "/c")["sfox.Client.swift"]).utf8String
        #expect(publicClient.contains("\npublic struct SFOXClient: Sendable {"))
    }

    @Test func aUsageErrorFromTheExecutableExits64() throws {
        let root = try TestSupport.scratchDirectory()
        let result = try TestSupport.runApigen(["emit", "x.json", "--ouptut", "dir"], in: root)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr
                == """
                error: unknown option '--ouptut' for emit (did you mean '--output'?)
                usage: apigen emit <definition.json> --output <dir> [--access <level>]
                see `apigen help emit`

                """)
    }
}

extension Data {
    fileprivate var utf8String: String { String(decoding: self, as: UTF8.self) }
}

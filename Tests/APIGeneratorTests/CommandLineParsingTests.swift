import APIGenCLI
import Foundation
import Testing

/// The command line in process: parsing against each subcommand's table, usage errors and their
/// exit status, and help that comes from the same table.
@Suite("apigen command line in process")
struct CommandLineParsingTests {
    /// What one in-process run printed and returned.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Collects what a run prints.
    final class Sink {
        var text = ""
    }

    /// Runs `apigen` in process.
    static func apigen(_ arguments: [String]) -> Run {
        let out = Sink()
        let err = Sink()
        let status = CommandLineTool.run(
            arguments: arguments, stdout: { out.text += $0 }, stderr: { err.text += $0 })
        return Run(status: status, stdout: out.text, stderr: err.text)
    }

    /// A parse that should succeed: the values and positionals it should give.
    struct Accepted: Sendable, CustomTestStringConvertible {
        var spec: CommandSpec
        var arguments: [String]
        var values: [String: String]
        var positionals: [String]
        var testDescription: String { "\(spec.name) \(arguments)" }
    }

    static let accepted: [Accepted] = [
        Accepted(
            spec: Subcommands.generate, arguments: [], values: ["output": "Generated", "definitions": "Definitions"],
            positionals: []),
        Accepted(
            spec: Subcommands.generate, arguments: ["--output", "Out"], values: ["output": "Out"], positionals: []),
        Accepted(spec: Subcommands.generate, arguments: ["--output=Out"], values: ["output": "Out"], positionals: []),
        Accepted(spec: Subcommands.generate, arguments: ["--output=a=b"], values: ["output": "a=b"], positionals: []),
        Accepted(spec: Subcommands.generate, arguments: ["--output="], values: ["output": ""], positionals: []),
        Accepted(spec: Subcommands.generate, arguments: ["--output=-x"], values: ["output": "-x"], positionals: []),
        Accepted(
            spec: Subcommands.generate, arguments: ["--definitions", "D", "--check", "-q"],
            values: ["definitions": "D", "output": "Generated"], positionals: []),
        Accepted(
            spec: Subcommands.generate, arguments: ["--access", "internal"],
            values: ["access": "internal", "output": "Generated"], positionals: []),
        Accepted(
            spec: Subcommands.generate, arguments: ["--access=package"],
            values: ["access": "package", "output": "Generated"], positionals: []),
        Accepted(
            spec: Subcommands.emit, arguments: ["d.json", "--output", "out", "--access=public"],
            values: ["output": "out", "access": "public"], positionals: ["d.json"]),
        Accepted(
            spec: Subcommands.openapi, arguments: ["a.json", "-o", "x.json"], values: ["output": "x.json"],
            positionals: ["a.json"]),
        Accepted(
            spec: Subcommands.openapi, arguments: ["-o=x.json", "a.json"], values: ["output": "x.json"],
            positionals: ["a.json"]),
        Accepted(spec: Subcommands.openapi, arguments: ["--", "-a.json"], values: [:], positionals: ["-a.json"]),
        Accepted(spec: Subcommands.openapi, arguments: ["-"], values: [:], positionals: ["-"]),
        Accepted(
            spec: Subcommands.importOpenAPI, arguments: ["in.json", "--name=Pets", "--output", "o.json"],
            values: ["name": "Pets", "output": "o.json"], positionals: ["in.json"]),
        Accepted(
            spec: Subcommands.emit, arguments: ["d.json", "--output", "out"], values: ["output": "out"],
            positionals: ["d.json"]),
        Accepted(
            spec: Subcommands.emit, arguments: ["--output=out", "--", "d.json"], values: ["output": "out"],
            positionals: ["d.json"]),
        Accepted(
            spec: Subcommands.diff, arguments: ["a", "b", "--format=json", "--fail-on", "wire"],
            values: ["format": "json", "fail-on": "wire"], positionals: ["a", "b"]),
        Accepted(spec: Subcommands.diff, arguments: ["a", "b"], values: ["format": "text"], positionals: ["a", "b"]),
        Accepted(spec: Subcommands.lint, arguments: ["a", "b", "c"], values: [:], positionals: ["a", "b", "c"]),
        Accepted(
            spec: Subcommands.lint, arguments: ["a", "--", "--b", "-c"], values: [:], positionals: ["a", "--b", "-c"]),
        Accepted(spec: Subcommands.help, arguments: [], values: [:], positionals: []),
        Accepted(spec: Subcommands.help, arguments: ["diff"], values: [:], positionals: ["diff"]),
    ]

    @Test(arguments: accepted)
    func parses(_ example: Accepted) throws {
        let parsed = try ArgumentParser.parse(example.arguments, for: example.spec)
        #expect(!parsed.wantsHelp)
        #expect(parsed.positionals == example.positionals)
        for (name, value) in example.values {
            #expect(parsed.value(name) == value, "--\(name)")
        }
    }

    @Test func flagsAreSetOnlyWhenGiven() throws {
        let given = try ArgumentParser.parse(["--check", "-q"], for: Subcommands.generate)
        #expect(given.flag("check") && given.flag("quiet"))
        let absent = try ArgumentParser.parse([], for: Subcommands.generate)
        #expect(!absent.flag("check") && !absent.flag("quiet"))
        #expect(absent.value("fail-on") == nil)
    }

    @Test func aRepeatableOptionKeepsEveryValueInOrder() throws {
        let spec = CommandSpec(
            name: "probe", abstract: "A table for the parser alone.",
            options: [
                .value("include", short: "I", valueName: "dir", help: "A directory.", repeatable: true),
                .value("only", valueName: "x", help: "Once."),
            ])
        let parsed = try ArgumentParser.parse(["-I", "a", "--include=b", "--include", "c", "-I=d"], for: spec)
        #expect(parsed.all("include") == ["a", "b", "c", "d"])
        #expect(parsed.value("include") == "d")
        #expect(throws: UsageError.self) { try ArgumentParser.parse(["--only", "a", "--only=b"], for: spec) }
        #expect(spec.helpText.contains("May be repeated."))
        #expect(spec.synopsis == "apigen probe [--include <dir>]... [--only <x>]")
    }

    /// A parse that should fail: the words its message must hold.
    struct Rejected: Sendable, CustomTestStringConvertible {
        var spec: CommandSpec
        var arguments: [String]
        var message: String
        var testDescription: String { "\(spec.name) \(arguments)" }
    }

    static let rejected: [Rejected] = [
        Rejected(
            spec: Subcommands.generate, arguments: ["--outptu", "x"],
            message: "unknown option '--outptu' for generate (did you mean '--output'?)"),
        Rejected(
            spec: Subcommands.generate, arguments: ["--outptu=x"],
            message: "unknown option '--outptu' for generate (did you mean '--output'?)"),
        Rejected(
            spec: Subcommands.generate, arguments: ["-output", "x"],
            message: "unknown option '-output' for generate (did you mean '--output'?)"),
        Rejected(
            spec: Subcommands.generate, arguments: ["--access", "internl"],
            message:
                "option '--access' of generate takes public, package or internal, not 'internl' (did you mean 'internal'?)"
        ),
        Rejected(
            spec: Subcommands.generate, arguments: ["--acces=public"],
            message: "unknown option '--acces' for generate (did you mean '--access'?)"),
        Rejected(
            spec: Subcommands.generate, arguments: ["--chek"],
            message: "unknown option '--chek' for generate (did you mean '--check'?)"),
        Rejected(
            spec: Subcommands.generate, arguments: ["--zzzzzzzz"], message: "unknown option '--zzzzzzzz' for generate"),
        Rejected(spec: Subcommands.generate, arguments: ["-x"], message: "unknown option '-x' for generate"),
        Rejected(
            spec: Subcommands.generate, arguments: ["--output"],
            message: "option '--output' of generate needs a value: --output <dir>"),
        Rejected(
            spec: Subcommands.generate, arguments: ["--output", "--check"],
            message:
                "option '--output' of generate needs a value: --output <dir> (for a value starting with '-', write --output=<value>)"
        ),
        Rejected(
            spec: Subcommands.generate, arguments: ["--check=yes"],
            message: "option '--check' of generate takes no value"),
        Rejected(
            spec: Subcommands.generate, arguments: ["--check", "--check"],
            message: "option '--check' given more than once for generate"),
        Rejected(
            spec: Subcommands.generate, arguments: ["--output", "a", "--output=b"],
            message: "option '--output' given more than once for generate"),
        Rejected(spec: Subcommands.generate, arguments: ["stray"], message: "unexpected argument 'stray' for generate"),
        Rejected(
            spec: Subcommands.generate, arguments: ["--", "--check"],
            message: "unexpected argument '--check' for generate"),
        Rejected(spec: Subcommands.emit, arguments: ["d.json"], message: "emit needs the option '--output <dir>'"),
        Rejected(
            spec: Subcommands.emit, arguments: ["--output", "o"], message: "emit needs the argument <definition.json>"),
        Rejected(
            spec: Subcommands.emit, arguments: ["a.json", "b.json", "--output", "o"],
            message: "unexpected argument 'b.json' for emit"),
        Rejected(spec: Subcommands.emit, arguments: ["-o", "o", "a.json"], message: "unknown option '-o' for emit"),
        Rejected(spec: Subcommands.diff, arguments: ["a"], message: "diff needs the argument <new.json>"),
        Rejected(spec: Subcommands.diff, arguments: ["a", "b", "c"], message: "unexpected argument 'c' for diff"),
        Rejected(
            spec: Subcommands.diff, arguments: ["a", "b", "--format", "jsno"],
            message: "option '--format' of diff takes text or json, not 'jsno' (did you mean 'json'?)"),
        Rejected(
            spec: Subcommands.diff, arguments: ["a", "b", "--fail-on=all"],
            message: "option '--fail-on' of diff takes breaking or wire, not 'all'"),
        Rejected(spec: Subcommands.lint, arguments: [], message: "lint needs at least one <file.json>"),
        Rejected(
            spec: Subcommands.openapi, arguments: ["a.json", "--name", "X"],
            message: "unknown option '--name' for openapi"),
        Rejected(spec: Subcommands.importOpenAPI, arguments: [], message: "import needs the argument <openapi.json>"),
        Rejected(spec: Subcommands.help, arguments: ["a", "b"], message: "unexpected argument 'b' for help"),
    ]

    @Test(arguments: rejected)
    func rejects(_ example: Rejected) {
        #expect {
            try ArgumentParser.parse(example.arguments, for: example.spec)
        } throws: { error in
            guard let error = error as? UsageError else { return false }
            return error.message.hasPrefix(example.message)
        }
    }

    @Test(arguments: rejected)
    func aUsageErrorExits64WithUsageAndAPointerToHelp(_ example: Rejected) {
        let run = Self.apigen([example.spec.name] + example.arguments)
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("error: " + example.message) == true, "\(lines)")
        #expect(lines.contains("usage: \(example.spec.synopsis)"), "\(lines)")
        #expect(lines.last == "see `apigen help \(example.spec.name)`", "\(lines)")
    }

    @Test func hostileArgumentsNeitherForgeLinesNorFloodTheMessage() {
        let hostile = [
            "--" + String(repeating: "x", count: 100_000), String(repeating: "y", count: 100_000), "a\nerror: forged",
            "--x\r\nforged", "b\rforged", "c\u{85}d", "e\u{2028}f", "g\u{2029}h", "\u{202E}gpj.exe", "nul\0",
            "--format=\u{0B}",
        ]
        let newlines: Set<Unicode.Scalar> = ["\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]
        for argument in hostile {
            for arguments in [["generate", argument], [argument], ["diff", "a", "b", "--format", argument]] {
                let run = Self.apigen(arguments)
                #expect(run.status == 64, "\(arguments.map { $0.prefix(20) })")
                #expect(run.stderr.count < 1_000, "\(arguments.map { $0.prefix(20) })")
                let lines = run.stderr.unicodeScalars.filter { newlines.contains($0) }.count
                // An unknown subcommand is one line; a subcommand's usage error is three.
                #expect(
                    lines == (arguments.count == 1 && !argument.hasPrefix("-") ? 1 : 3), "\(run.stderr.prefix(300))")
                #expect(!run.stderr.unicodeScalars.contains("\u{202E}") && !run.stderr.unicodeScalars.contains("\0"))
            }
        }
    }

    @Test func helpWinsOverEveryOtherMistakeBeforeDoubleDash() throws {
        #expect(try ArgumentParser.parse(["--bogus", "x", "y", "--help"], for: Subcommands.emit).wantsHelp)
        #expect(try ArgumentParser.parse(["-h"], for: Subcommands.lint).wantsHelp)
        let afterDash = try ArgumentParser.parse(["--", "--help"], for: Subcommands.lint)
        #expect(!afterDash.wantsHelp)
        #expect(afterDash.positionals == ["--help"])
    }

    @Test func exitStatuses() throws {
        let root = try TestSupport.scratchDirectory()
        let broken = root + "/broken.json"
        try #"{"formatVersion": 1}"#.write(toFile: broken, atomically: true, encoding: .utf8)
        let sfox = TestSupport.path("Definitions/sfox.json")
        let cases: [([String], Int32)] = [
            (["--help"], 0), (["-h"], 0), (["--version"], 0), (["help"], 0), (["help", "help"], 0),
            (["lint", sfox], 0), (["lint", "--", sfox], 0), (["lint", broken], 1), (["lint", sfox, broken], 1),
            (["lint", root + "/missing.json"], 1), (["openapi", broken], 1),
            (["emit", broken, "--output", root + "/e"], 1),
            (["diff", sfox, broken], 1), (["diff", sfox, sfox, "--fail-on", "breaking"], 0),
            (["generat"], 64), (["help", "nope"], 64), (["lint"], 64), (["lint", "--bogus", sfox], 64),
            (["--bogus"], 64), (["diff", sfox], 64),
        ]
        for (arguments, status) in cases {
            let run = Self.apigen(arguments)
            #expect(run.status == status, "\(arguments): \(run.stderr)")
        }
        let unknown = Self.apigen(["lnit"])
        #expect(unknown.stderr == "error: unknown subcommand 'lnit' (did you mean 'lint'?); see `apigen --help`\n")
        let help = Self.apigen(["help", "genrate"])
        #expect(help.stderr.hasPrefix("error: unknown subcommand 'genrate' for help (did you mean 'generate'?)"))
        #expect(Self.apigen(["--version"]).stdout == CommandLineTool.version + "\n")
    }

    @Test func bothOptionFormsWriteTheSameFile() throws {
        let root = try TestSupport.scratchDirectory()
        let sfox = TestSupport.path("Definitions/sfox.json")
        let forms = [
            ["-o", root + "/a.json"], ["-o=" + root + "/b.json"], ["--output", root + "/c.json"],
            ["--output=" + root + "/d.json"],
        ]
        for form in forms {
            let run = Self.apigen(["openapi", sfox] + form)
            #expect(run.status == 0, "\(form): \(run.stderr)")
        }
        let documents = try ["a", "b", "c", "d"].map {
            try Data(contentsOf: URL(fileURLWithPath: root + "/\($0).json"))
        }
        #expect(!documents[0].isEmpty)
        #expect(Set(documents).count == 1)
        let standardOutput = Self.apigen(["openapi", sfox])
        #expect(Data(standardOutput.stdout.utf8) == documents[0])
    }

    @Test(arguments: Subcommands.all.map(\.name))
    func helpComesFromTheTable(_ name: String) throws {
        let spec = try #require(Subcommands.named(name))
        let viaHelp = Self.apigen(["help", name])
        #expect(viaHelp.status == 0)
        #expect(viaHelp.stderr.isEmpty)
        #expect(Self.apigen([name, "--help"]).stdout == viaHelp.stdout)
        #expect(Self.apigen([name, "-h"]).stdout == viaHelp.stdout)
        let text = viaHelp.stdout
        #expect(text.hasPrefix("OVERVIEW: \(spec.abstract)\n"))
        #expect(text.contains("USAGE: \(spec.synopsis)\n"))
        for option in spec.options {
            let label = (option.shortSpelling.map { "\($0), " } ?? "") + option.longSpelling
            #expect(text.contains("  " + label), "\(name): \(label)")
            // The first words of its help follow it.
            let words = option.help.split(separator: " ").prefix(3).joined(separator: " ")
            #expect(text.contains(words), "\(name): \(option.longSpelling) help")
            if let value = option.defaultValue { #expect(text.contains("(default: \(value))")) }
            for allowed in option.allowedValues ?? [] { #expect(text.contains(allowed)) }
        }
        for argument in spec.arguments {
            #expect(text.contains("<\(argument.name)>"), "\(name): <\(argument.name)>")
        }
        for line in text.split(separator: "\n") where !line.hasPrefix("  ") {
            #expect(line.count <= 100, "\(name): \(line)")
        }
    }

    @Test func theOverviewListsEverySubcommand() {
        let overview = Self.apigen(["--help"]).stdout
        #expect(overview == Self.apigen(["help"]).stdout)
        #expect(overview.contains("USAGE: apigen <subcommand> [options]"))
        for spec in Subcommands.all {
            #expect(overview.contains("  \(spec.name) ") && overview.contains(spec.abstract.prefix(40)), "\(spec.name)")
        }
    }

    @Test(arguments: Subcommands.all.map(\.name))
    func noTwoOptionsShareASpelling(_ name: String) throws {
        let spec = try #require(Subcommands.named(name))
        let spellings = spec.options.flatMap { [$0.longSpelling] + ($0.shortSpelling.map { [$0] } ?? []) }
        #expect(Set(spellings).count == spellings.count, "\(spellings)")
        #expect(Set(spec.arguments.map(\.name)).count == spec.arguments.count)
        for option in spec.options {
            #expect(
                !option.name.hasPrefix("-") && !option.name.contains("=") && !option.name.contains(" "),
                "\(option.name)")
            #expect(!option.help.isEmpty)
            if let allowed = option.allowedValues, let value = option.defaultValue { #expect(allowed.contains(value)) }
        }
        // Only the last positional may be optional or variadic, or parsing would be ambiguous.
        for argument in spec.arguments.dropLast() { #expect(!argument.isOptional && !argument.isVariadic) }
    }

    @Test func subcommandNamesAreUnique() {
        let names = Subcommands.all.map(\.name)
        #expect(Set(names).count == names.count)
    }

    @Test func readmeCommandLineSectionMatchesTheTables() throws {
        let readme = try String(contentsOfFile: TestSupport.path("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## Command line\n\n```\n"))
        let rest = readme[section.upperBound...]
        let end = try #require(rest.range(of: "```"))
        #expect(String(rest[..<end.lowerBound]) == Subcommands.synopsis + "\n")
    }
}

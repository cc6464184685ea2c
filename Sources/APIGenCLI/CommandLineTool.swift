import APIDefinition
import APIGenerator
import APIOpenAPI
import Foundation

/// The `apigen` command line, runnable in process: parsing and dispatch come from `Subcommands`,
/// and everything it prints goes to the two given sinks.
public struct CommandLineTool {
    /// The version `apigen --version` prints (it never appears in generated output).
    public static let version = "0.1.0"

    /// Exit status of success.
    public static let success: Int32 = 0
    /// Exit status when a definition (or a file) has an error.
    public static let failure: Int32 = 1
    /// Exit status of a command line the user got wrong (EX_USAGE).
    public static let usage: Int32 = 64

    /// Receives standard output text.
    let standardOutput: (String) -> Void
    /// Receives standard error text.
    let standardError: (String) -> Void

    /// A tool that writes to the two sinks.
    public init(stdout: @escaping (String) -> Void, stderr: @escaping (String) -> Void) {
        self.standardOutput = stdout
        self.standardError = stderr
    }

    /// Runs `arguments` (without the program name) and returns the exit status.
    public static func run(
        arguments: [String], stdout: @escaping (String) -> Void, stderr: @escaping (String) -> Void
    ) -> Int32 {
        CommandLineTool(stdout: stdout, stderr: stderr).run(arguments)
    }

    /// Runs `arguments` (without the program name) and returns the exit status.
    public func run(_ arguments: [String]) -> Int32 {
        guard let first = arguments.first else { return run(Subcommands.generate, []) }
        switch first {
        case "-h", "--help":
            output(Subcommands.overview)
            return Self.success
        case "--version":
            output(Self.version)
            return Self.success
        case let option where option.hasPrefix("-") && option != "-":
            // generate is the default subcommand: `apigen --check` is `apigen generate --check`.
            return run(Subcommands.generate, arguments)
        default:
            guard let spec = Subcommands.named(first) else {
                let suggestion = NameSuggestion.closest(to: first, in: Subcommands.all.map(\.name))
                error(
                    "error: unknown subcommand '\(ArgumentParser.shown(first))'"
                        + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
                        + "; see `apigen --help`")
                return Self.usage
            }
            return run(spec, Array(arguments.dropFirst()))
        }
    }

    /// Parses `arguments` for `spec`, then runs the subcommand.
    func run(_ spec: CommandSpec, _ arguments: [String]) -> Int32 {
        let parsed: ParsedArguments
        do {
            parsed = try ArgumentParser.parse(arguments, for: spec)
        } catch {
            return usageError(error, spec: spec)
        }
        if parsed.wantsHelp {
            output(spec.helpText)
            return Self.success
        }
        switch spec.name {
        case "generate": return generate(parsed)
        case "lint": return lint(parsed)
        case "emit": return emit(parsed)
        case "diff": return diff(parsed)
        case "openapi": return exportOpenAPI(parsed)
        case "import": return importOpenAPI(parsed)
        default: return help(parsed)
        }
    }

    /// `apigen help [<subcommand>]`.
    func help(_ parsed: ParsedArguments) -> Int32 {
        guard let name = parsed.positionals.first else {
            output(Subcommands.overview)
            return Self.success
        }
        guard let spec = Subcommands.named(name) else {
            let suggestion = NameSuggestion.closest(to: name, in: Subcommands.all.map(\.name))
            return usageError(
                UsageError(
                    message: "unknown subcommand '\(ArgumentParser.shown(name))' for help"
                        + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")),
                spec: Subcommands.help)
        }
        output(spec.helpText)
        return Self.success
    }

    /// Prints a usage error with the subcommand's usage line and where its help is; returns 64.
    func usageError(_ usageError: UsageError, spec: CommandSpec) -> Int32 {
        error("error: \(usageError.message)")
        error("usage: \(spec.synopsis)")
        error("see `apigen help \(spec.name)`")
        return Self.usage
    }

    /// Prints a usage error that is not about one option (a missing directory); returns 64.
    func usageError(_ message: String) -> Int32 {
        error("error: \(message)")
        return Self.usage
    }

    /// Writes a line to standard output.
    func output(_ text: String, terminator: String = "\n") {
        standardOutput(text + terminator)
    }

    /// Writes a line to standard error.
    func error(_ text: String) {
        standardError(text + "\n")
    }
}

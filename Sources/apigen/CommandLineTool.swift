import APIDefinition
import APIGenerator
import APIOpenAPI
import Foundation

enum CommandLineTool {
    static let version = "0.1.0"

    static let overview = """
        OVERVIEW: Generate Swift models, coders, clients and servers from JSON API definitions.

        USAGE: apigen <subcommand> [options]

        SUBCOMMANDS:
          generate      Regenerate Generated/ from Definitions/ (the default subcommand).
          lint          Check definition files and print every problem found.
          emit          Generate one definition's files into a directory (what the build plugin runs).
          diff          Classify the API changes between two versions of a definition.
          openapi       Export a definition as an OpenAPI 3.1 document.
          import        Convert an OpenAPI 3.0 or 3.1 document (JSON) into a definition.
          help          Show help for a subcommand.

        OPTIONS:
          -h, --help    Show this help.
          --version     Show the version.

        Start with `apigen generate` from the package root; `apigen help generate` lists its options.
        """

    static let generateHelp = """
        OVERVIEW: Regenerate the Swift sources of every definition.

        Reads every *.json file in the definitions directory (except *.schema.json), checks them all,
        and writes <output>/<Service>/*.swift. Nothing is written when any definition has an error.
        Files whose bytes do not change are left alone; stale files are removed only when they carry
        apigen's generated-file header.

        USAGE: apigen generate [--definitions <dir>] [--output <dir>] [--check] [--quiet]

        OPTIONS:
          --definitions <dir>  Where the definitions are (default: Definitions).
          --output <dir>       Where the generated sources go (default: Generated).
          --check              Write nothing; exit 1 and print a unified diff when the output is stale.
                               Use it in CI to keep the committed code honest.
          --quiet              Print only problems.
          -h, --help           Show this help.

        EXAMPLES:
          swift run apigen generate
          swift run apigen generate --check
        """

    static let emitHelp = """
        OVERVIEW: Generate the Swift files of one definition into a directory.

        This is what the APIGen build plugin runs for each definition file in a target. The file set
        depends only on the definition's file name and its numbers of types and operations, so a
        build system can know it in advance: <name>.Models.swift, <name>.JSONCoding.swift,
        <name>.TextTreeCoding.swift, <name>.Operations.swift, <name>.Client.swift and
        <name>.Server.swift, for <name>.json; with more than 100 types or 50 operations, also
        <name>.Models+2.swift and so on, one part per 100 types (models and coders) or 50
        operations (operations, client, server). Files whose bytes do not change are left alone.

        A target that applies the plugin needs at least one Swift file of its own: SwiftPM skips a
        target without one, and never runs the plugin for it (`no such module` where it is imported).

        USAGE: apigen emit <definition.json> --output <dir>

        OPTIONS:
          --output <dir>  Where the files go (created when missing).
          -h, --help      Show this help.
        """

    static let diffHelp = """
        OVERVIEW: Print the API changes between two versions of a definition, each classified:
          breaking-wire    requests or responses that worked before fail now (a removed operation or
                           field, a field that became required, a narrowed constraint or enum, a
                           changed type or path)
          breaking-source  the wire is compatible but Swift code written against the old output no
                           longer compiles (a new documented status is a new enum case, a Swift name
                           changed with the same wire name)
          additive         something was added or relaxed

        USAGE: apigen diff <old.json> <new.json> [--format text|json] [--fail-on breaking|wire]

        OPTIONS:
          --format <format>   text (default, for terminals) or json (for tools).
          --fail-on <impact>  Exit 1 when there is a change that breaks: `breaking` (wire or Swift
                              source) or `wire` (wire only). Without it, the exit status is 0.
          -h, --help          Show this help.

        Exit status: 0, or 1 for --fail-on; 1 when a definition has errors (printed as diagnostics).

        EXAMPLE (a CI gate):
          git show origin/main:Definitions/teamup.json > /tmp/old.json
          apigen diff /tmp/old.json Definitions/teamup.json --fail-on breaking
        """

    static let openAPIHelp = """
        OVERVIEW: Export a definition as an OpenAPI 3.1 document (JSON).

        The document says everything the definition says: servers, security schemes, every operation
        with its parameters, request content types and responses, schemas with their constraints,
        required versus nullable, oneOf with its discriminator, the XML dialect where OpenAPI's `xml`
        object can say it, and docs as descriptions. What OpenAPI cannot say travels in `x-apigen-*`
        extensions, which `apigen import` reads back.

        USAGE: apigen openapi <definition.json> [-o <file>]

        OPTIONS:
          -o, --output <file>  Where to write the document (default: standard output).
          -h, --help           Show this help.
        """

    static let importHelp = """
        OVERVIEW: Convert an OpenAPI 3.0 or 3.1 document (JSON) into a definition.

        Every construct the definition format can express is mapped; the rest gets the most
        faithful mapping it has (allOf of objects → merged fields, a free-form object → json, a map
        → {T}) and a located warning on standard error; nothing is dropped silently.

        USAGE: apigen import <openapi.json> [-o <definition.json>] [--name <ServiceName>]

        OPTIONS:
          -o, --output <file>  Where to write the definition (default: standard output).
          --name <name>        The service's Swift name (default: from info.title).
          -h, --help           Show this help.
        """

    static let lintHelp = """
        OVERVIEW: Check definition files and print every problem, as file:line:column: error: message.

        USAGE: apigen lint <file.json>...

        Exits 0 when every file is valid (warnings allowed), 1 when any has an error.
        """

    static func run(_ arguments: [String]) -> Int32 {
        var arguments = arguments
        if arguments.isEmpty { arguments = ["generate"] }
        switch arguments[0] {
        case "-h", "--help":
            print(overview)
            return 0
        case "--version":
            print(version)
            return 0
        case "help":
            switch arguments.dropFirst().first {
            case nil: print(overview)
            case "generate": print(generateHelp)
            case "lint": print(lintHelp)
            case "emit": print(emitHelp)
            case "diff": print(diffHelp)
            case "openapi": print(openAPIHelp)
            case "import": print(importHelp)
            case let other?:
                return usageError("unknown subcommand '\(other)'; see `apigen --help`")
            }
            return 0
        case "generate":
            return generate(Array(arguments.dropFirst()))
        case "lint":
            return lint(Array(arguments.dropFirst()))
        case "emit":
            return emit(Array(arguments.dropFirst()))
        case "diff":
            return diff(Array(arguments.dropFirst()))
        case "openapi":
            return exportOpenAPI(Array(arguments.dropFirst()))
        case "import":
            return importOpenAPI(Array(arguments.dropFirst()))
        case let other where other.hasPrefix("-"):
            return generate(arguments)
        case let other:
            let suggestion = ["generate", "lint", "emit", "diff", "openapi", "import", "help"].first {
                $0.hasPrefix(String(other.prefix(2)))
            }
            return usageError(
                "unknown subcommand '\(other)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
                    + "; see `apigen --help`")
        }
    }

    static func usageError(_ message: String) -> Int32 {
        printError("error: \(message)")
        return 64
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static func generate(_ arguments: [String]) -> Int32 {
        var definitionsDirectory = "Definitions"
        var outputDirectory = "Generated"
        var check = false
        var quiet = false
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "-h", "--help":
                print(generateHelp)
                return 0
            case "--check": check = true
            case "--quiet", "-q": quiet = true
            case "--definitions", "--output":
                guard index + 1 < arguments.count else { return usageError("\(argument) needs a directory") }
                if argument == "--definitions" {
                    definitionsDirectory = arguments[index + 1]
                } else {
                    outputDirectory = arguments[index + 1]
                }
                index += 1
            default:
                return usageError("unknown option '\(argument)' for generate; see `apigen help generate`")
            }
            index += 1
        }
        let start = Date()
        let paths: [String]
        do {
            paths = try GenerationPlan.definitionFiles(in: definitionsDirectory)
        } catch {
            return usageError(
                "cannot read the definitions directory '\(definitionsDirectory)'; run from the package root or pass --definitions <dir>"
            )
        }
        if paths.isEmpty {
            printError("warning: no definitions (*.json) in '\(definitionsDirectory)'")
        }
        let plan = GenerationPlan(files: paths)
        for diagnostic in plan.diagnostics { printError(diagnostic.description) }
        if plan.hasErrors {
            let count = plan.diagnostics.filter { $0.severity == .error }.count
            printError("apigen: \(count) error\(count == 1 ? "" : "s"); nothing was written")
            return 1
        }
        let writer = OutputWriter(outputDirectory: outputDirectory)
        let report: OutputWriter.Report
        do {
            report = try writer.write(plan.files, dryRun: check)
        } catch {
            printError("error: \(error)")
            return 1
        }
        let milliseconds = Int(Date().timeIntervalSince(start) * 1000)
        if check {
            if report.isUpToDate {
                if !quiet { print("apigen: \(outputDirectory) is up to date (\(plan.files.count) files)") }
                return 0
            }
            print(report.diffs.joined())
            printError(
                "apigen: \(outputDirectory) is stale: \(report.written.count) file(s) differ, \(report.removed.count) stale; run `swift run apigen generate`"
            )
            return 1
        }
        if !quiet {
            for path in report.written { print("wrote \(outputDirectory)/\(path)") }
            for path in report.removed { print("removed \(outputDirectory)/\(path)") }
            print(
                "apigen: \(plan.definitions.count) definition(s), \(report.written.count) written, \(report.unchanged.count) unchanged, \(report.removed.count) removed in \(milliseconds) ms"
            )
            printMissingTargets(plan.definitions, outputDirectory: outputDirectory)
        }
        return 0
    }

    /// Tells what is left to do when a generated service has no library target in Package.swift
    /// (no target, whatever its name, compiles `Generated/<Service>`).
    static func printMissingTargets(_ definitions: [Definition], outputDirectory: String) {
        guard outputDirectory == "Generated",
            let manifest = try? String(contentsOfFile: "Package.swift", encoding: .utf8)
        else { return }
        for definition in definitions {
            let target = Generator.targetName(definition)
            guard
                !PackageManifest.hasTarget(
                    named: target, forDirectory: Generator.serviceDirectory(definition),
                    outputDirectory: outputDirectory,
                    in: manifest)
            else { continue }
            print(
                """
                note: \(definition.file) has no target yet. Add this line to `services` in Package.swift:
                    ("\(target)", "\(Generator.serviceDirectory(definition))"),
                then `import \(target)` where you use it.
                """)
        }
    }

    static func emit(_ arguments: [String]) -> Int32 {
        if arguments.contains("-h") || arguments.contains("--help") {
            print(emitHelp)
            return 0
        }
        var definition: String?
        var output: String?
        var index = 0
        while index < arguments.count {
            switch arguments[index] {
            case "--output":
                guard index + 1 < arguments.count else { return usageError("--output needs a directory") }
                output = arguments[index + 1]
                index += 1
            case let argument where argument.hasPrefix("-"):
                return usageError("unknown option '\(argument)' for emit; see `apigen help emit`")
            case let argument:
                guard definition == nil else { return usageError("emit takes one definition file") }
                definition = argument
            }
            index += 1
        }
        guard let definition, let output else {
            return usageError("usage: apigen emit <definition.json> --output <dir>")
        }
        let name = (definition as NSString).lastPathComponent
        let stem = (name as NSString).deletingPathExtension
        let loaded: Definition
        do {
            loaded = try DefinitionLoader.load(path: definition, displayPath: name)
        } catch {
            // Print with the full path so that IDEs can jump to the problem.
            for diagnostic in error.diagnostics {
                var located = diagnostic
                located.file = definition
                printError(located.description)
            }
            return 1
        }
        let files = Generator.generate(loaded, forBuildPlugin: true).map { file in
            EmittedFile(path: "\(stem).\((file.path as NSString).lastPathComponent)", contents: file.contents)
        }
        do {
            _ = try OutputWriter(outputDirectory: output).write(files, dryRun: false)
        } catch {
            printError("error: \(error)")
            return 1
        }
        return 0
    }

    static func diff(_ arguments: [String]) -> Int32 {
        if arguments.contains("-h") || arguments.contains("--help") {
            print(diffHelp)
            return 0
        }
        var files: [String] = []
        var format = "text"
        var failOn: String?
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--format", "--fail-on":
                guard index + 1 < arguments.count else { return usageError("\(argument) needs a value") }
                let value = arguments[index + 1]
                if argument == "--format" {
                    guard ["text", "json"].contains(value) else {
                        return usageError("--format takes text or json, not '\(value)'")
                    }
                    format = value
                } else {
                    guard ["breaking", "wire"].contains(value) else {
                        return usageError("--fail-on takes breaking or wire, not '\(value)'")
                    }
                    failOn = value
                }
                index += 1
            case let option where option.hasPrefix("-"):
                return usageError("unknown option '\(option)' for diff; see `apigen help diff`")
            default:
                files.append(argument)
            }
            index += 1
        }
        guard files.count == 2 else { return usageError("diff takes two definition files: <old.json> <new.json>") }
        var definitions: [Definition] = []
        for file in files {
            do {
                definitions.append(try DefinitionLoader.load(path: file))
            } catch {
                for diagnostic in error.diagnostics { printError(diagnostic.description) }
                return 1
            }
        }
        let changes = DefinitionDiff(old: definitions[0], new: definitions[1])
        let output =
            format == "json"
            ? changes.json(oldName: files[0], newName: files[1]) : changes.text(oldName: files[0], newName: files[1])
        print(output, terminator: "")
        switch failOn {
        case "breaking" where changes.hasBreakingChanges: return 1
        case "wire" where changes.hasWireBreakingChanges: return 1
        default: return 0
        }
    }

    /// Parses `<file> [-o <file>] [--name <name>]`; `nil` after printing a usage error.
    static func fileAndOptions(
        _ arguments: [String], command: String, allowName: Bool
    ) -> (input: String, output: String?, name: String?)? {
        var input: String?
        var output: String?
        var name: String?
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "-o", "--output", "--name":
                if argument == "--name", !allowName {
                    _ = usageError("unknown option '--name' for \(command); see `apigen help \(command)`")
                    return nil
                }
                guard index + 1 < arguments.count else {
                    _ = usageError("\(argument) needs a value")
                    return nil
                }
                if argument == "--name" { name = arguments[index + 1] } else { output = arguments[index + 1] }
                index += 1
            case let option where option.hasPrefix("-"):
                _ = usageError("unknown option '\(option)' for \(command); see `apigen help \(command)`")
                return nil
            default:
                guard input == nil else {
                    _ = usageError("\(command) takes one input file")
                    return nil
                }
                input = argument
            }
            index += 1
        }
        guard let input else {
            _ = usageError("\(command) needs an input file; see `apigen help \(command)`")
            return nil
        }
        return (input, output, name)
    }

    /// Writes `text` to `path` atomically, or to standard output.
    static func emitText(_ text: String, to path: String?) -> Int32 {
        guard let path else {
            print(text, terminator: "")
            return 0
        }
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return 0
        } catch {
            printError("error: cannot write \(path): \(error.localizedDescription)")
            return 1
        }
    }

    static func exportOpenAPI(_ arguments: [String]) -> Int32 {
        if arguments.contains("-h") || arguments.contains("--help") {
            print(openAPIHelp)
            return 0
        }
        guard let options = fileAndOptions(arguments, command: "openapi", allowName: false) else { return 64 }
        do {
            let definition = try DefinitionLoader.load(path: options.input)
            return emitText(OpenAPIExporter.text(definition), to: options.output)
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            return 1
        }
    }

    static func importOpenAPI(_ arguments: [String]) -> Int32 {
        if arguments.contains("-h") || arguments.contains("--help") {
            print(importHelp)
            return 0
        }
        guard let options = fileAndOptions(arguments, command: "import", allowName: true) else { return 64 }
        guard let data = FileManager.default.contents(atPath: options.input) else {
            printError("\(options.input): error: cannot read the file")
            return 1
        }
        do {
            let (definition, warnings) = try OpenAPIImporter.convert(
                data, file: options.input, serviceName: options.name)
            for warning in warnings { printError("\(options.input): \(warning)") }
            return emitText(DefinitionWriter.text(definition), to: options.output)
        } catch {
            printError("\(options.input): error: \(error)")
            return 1
        }
    }

    static func lint(_ arguments: [String]) -> Int32 {
        if arguments.contains("-h") || arguments.contains("--help") {
            print(lintHelp)
            return 0
        }
        guard !arguments.isEmpty else {
            return usageError("lint needs at least one definition file; see `apigen help lint`")
        }
        // A shell glob such as Definitions/*.json also names the JSON Schema; it is not a definition.
        let files = arguments.filter { !$0.hasSuffix(".schema.json") }
        let plan = GenerationPlan(files: files)
        for diagnostic in plan.diagnostics { printError(diagnostic.description) }
        if plan.hasErrors { return 1 }
        print("apigen: \(files.count) definition(s) valid")
        return 0
    }
}

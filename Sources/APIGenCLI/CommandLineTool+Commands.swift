import APIDefinition
import APIGenerator
import APIOpenAPI
import Foundation

/// What each subcommand does once its arguments are parsed.
extension CommandLineTool {
    /// `apigen generate`.
    func generate(_ parsed: ParsedArguments) -> Int32 {
        let definitionsDirectory = parsed.value("definitions") ?? "Definitions"
        let outputDirectory = parsed.value("output") ?? "Generated"
        let check = parsed.flag("check")
        let quiet = parsed.flag("quiet")
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
            error("warning: no definitions (*.json) in '\(definitionsDirectory)'")
        }
        let plan = GenerationPlan(files: paths, access: parsed.value("access").flatMap(AccessLevel.init(rawValue:)))
        for diagnostic in plan.diagnostics { error(diagnostic.description) }
        if plan.hasErrors {
            let count = plan.diagnostics.filter { $0.severity == .error }.count
            error("apigen: \(count) error\(count == 1 ? "" : "s"); nothing was written")
            return Self.failure
        }
        let writer = OutputWriter(outputDirectory: outputDirectory)
        let report: OutputWriter.Report
        do {
            report = try writer.write(plan.files, dryRun: check)
        } catch {
            self.error("error: \(error)")
            return Self.failure
        }
        let milliseconds = Int(Date().timeIntervalSince(start) * 1000)
        if check {
            if report.isUpToDate {
                if !quiet { output("apigen: \(outputDirectory) is up to date (\(plan.files.count) files)") }
                return Self.success
            }
            output(report.diffs.joined())
            error(
                "apigen: \(outputDirectory) is stale: \(report.written.count) file(s) differ, \(report.removed.count) stale; run `swift run apigen generate`"
            )
            return Self.failure
        }
        if !quiet {
            for path in report.written { output("wrote \(outputDirectory)/\(path)") }
            for path in report.removed { output("removed \(outputDirectory)/\(path)") }
            output(
                "apigen: \(plan.definitions.count) definition(s), \(report.written.count) written, \(report.unchanged.count) unchanged, \(report.removed.count) removed in \(milliseconds) ms"
            )
            printMissingTargets(plan.definitions, outputDirectory: outputDirectory)
        }
        return Self.success
    }

    /// Tells what is left to do when a generated service has no library target in Package.swift
    /// (no target, whatever its name, compiles `Generated/<Service>`).
    func printMissingTargets(_ definitions: [Definition], outputDirectory: String) {
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
            output(
                """
                note: \(definition.file) has no target yet. Add this line to `services` in Package.swift:
                    ("\(target)", "\(Generator.serviceDirectory(definition))"),
                then `import \(target)` where you use it.
                """)
        }
    }

    /// `apigen emit`.
    func emit(_ parsed: ParsedArguments) -> Int32 {
        let definition = parsed.positionals[0]
        let output = parsed.value("output") ?? "."
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
                self.error(located.description)
            }
            return Self.failure
        }
        let access = parsed.value("access").flatMap(AccessLevel.init(rawValue:))
        let files = Generator.generate(loaded, forBuildPlugin: true, access: access).map { file in
            EmittedFile(path: "\(stem).\((file.path as NSString).lastPathComponent)", contents: file.contents)
        }
        do {
            _ = try OutputWriter(outputDirectory: output).write(files, dryRun: false)
        } catch {
            self.error("error: \(error)")
            return Self.failure
        }
        return Self.success
    }

    /// `apigen diff`.
    func diff(_ parsed: ParsedArguments) -> Int32 {
        let files = parsed.positionals
        var definitions: [Definition] = []
        for file in files {
            do {
                definitions.append(try DefinitionLoader.load(path: file))
            } catch {
                for diagnostic in error.diagnostics { self.error(diagnostic.description) }
                return Self.failure
            }
        }
        let changes = DefinitionDiff(old: definitions[0], new: definitions[1])
        let text =
            parsed.value("format") == "json"
            ? changes.json(oldName: files[0], newName: files[1]) : changes.text(oldName: files[0], newName: files[1])
        output(text, terminator: "")
        switch parsed.value("fail-on") {
        case "breaking" where changes.hasBreakingChanges: return Self.failure
        case "wire" where changes.hasWireBreakingChanges: return Self.failure
        default: return Self.success
        }
    }

    /// Writes `text` to `path` atomically, or to standard output.
    func write(_ text: String, to path: String?) -> Int32 {
        guard let path else {
            output(text, terminator: "")
            return Self.success
        }
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return Self.success
        } catch {
            self.error("error: cannot write \(path): \(error.localizedDescription)")
            return Self.failure
        }
    }

    /// `apigen openapi`.
    func exportOpenAPI(_ parsed: ParsedArguments) -> Int32 {
        do {
            let definition = try DefinitionLoader.load(path: parsed.positionals[0])
            return write(OpenAPIExporter.text(definition), to: parsed.value("output"))
        } catch {
            for diagnostic in error.diagnostics { self.error(diagnostic.description) }
            return Self.failure
        }
    }

    /// `apigen import`.
    func importOpenAPI(_ parsed: ParsedArguments) -> Int32 {
        let input = parsed.positionals[0]
        guard let data = FileManager.default.contents(atPath: input) else {
            error("\(input): error: cannot read the file")
            return Self.failure
        }
        do {
            let (definition, warnings) = try OpenAPIImporter.convert(
                data, file: input, serviceName: parsed.value("name"))
            for warning in warnings { self.error("\(input): \(warning)") }
            return write(DefinitionWriter.text(definition), to: parsed.value("output"))
        } catch {
            self.error("\(input): error: \(error)")
            return Self.failure
        }
    }

    /// `apigen lint`.
    func lint(_ parsed: ParsedArguments) -> Int32 {
        // A shell glob such as Definitions/*.json also names the JSON Schema; it is not a definition.
        let files = parsed.positionals.filter { !$0.hasSuffix(".schema.json") }
        let plan = GenerationPlan(files: files)
        for diagnostic in plan.diagnostics { error(diagnostic.description) }
        if plan.hasErrors { return Self.failure }
        output("apigen: \(files.count) definition(s) valid")
        return Self.success
    }
}

import APIDefinition
import Foundation

/// Every definition in a directory, loaded and checked, and the files they generate.
public struct GenerationPlan: Sendable {
    /// The definitions, in file-name order.
    public var definitions: [Definition]
    /// The files to write, relative to the output directory, in a fixed order.
    public var files: [EmittedFile]
    /// Errors and warnings from every definition.
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The definition files in `directory`: `*.json` except JSON Schemas (`*.schema.json`), sorted by name.
    public static func definitionFiles(in directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") }
            .sorted()
            .map { directory == "." ? $0 : (directory as NSString).appendingPathComponent($0) }
    }

    /// Loads, checks and generates the given definition files. A file that fails to load
    /// contributes diagnostics and no files.
    /// - Parameters:
    ///   - paths: The definition files, as they are printed in diagnostics and file headers.
    ///   - root: The directory `paths` are relative to, when it is not the current directory.
    ///   - access: The access level of every generated declaration (`--access`), overriding each
    ///     definition's `service.access`.
    public init(files paths: [String], relativeTo root: String? = nil, access: AccessLevel? = nil) {
        definitions = []
        files = []
        diagnostics = []
        var directories: [String: String] = [:]
        for path in paths {
            let data = FileManager.default.contents(
                atPath: root.map { ($0 as NSString).appendingPathComponent(path) } ?? path)
            guard let data else {
                diagnostics.append(
                    Diagnostic(file: path, line: nil, column: nil, path: "", message: "cannot read the file"))
                continue
            }
            let (definition, found) = DefinitionLoader.loadWithWarnings(data: data, file: path)
            diagnostics += found
            guard let definition, !found.contains(where: { $0.severity == .error }) else { continue }
            // Case-insensitive file systems (macOS's default) would put `Shop` and `shop` in one directory.
            let directory = Generator.serviceDirectory(definition).lowercased()
            if let other = directories[directory] {
                diagnostics.append(
                    Diagnostic(
                        file: path, line: nil, column: nil, path: "service.name",
                        message:
                            "service '\(definition.service.name)' is also defined by \(other); each service needs its own name"
                    ))
                continue
            }
            directories[directory] = path
            definitions.append(definition)
            files += Generator.generate(definition, access: access)
        }
    }
}

import Foundation
import PackagePlugin

/// The apigen build-tool plugin: for every definition file (`*.json`, not `*.schema.json`) in a
/// target, `swift build` generates the target's models, coders, client and server into the build
/// directory. The outputs are declared up front (they depend only on the file name and the numbers
/// of types and operations, see `FileParts`), so an unchanged definition causes no regeneration
/// and no recompilation. The generated declarations are `internal` (they are compiled into the
/// target and do not become its public API) unless the definition states `service.access`.
@main
struct APIGenPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let tool = try context.tool(named: "apigen")
        return target.sourceFiles(withSuffix: ".json")
            .map(\.url)
            .filter { !$0.lastPathComponent.hasSuffix(".schema.json") }
            .sorted { $0.path < $1.path }
            .map { definition in
                let stem = definition.deletingPathExtension().lastPathComponent
                let output = context.pluginWorkDirectoryURL.appending(path: stem)
                return .buildCommand(
                    displayName: "apigen: generating Swift for \(definition.lastPathComponent)",
                    executable: tool.url,
                    arguments: ["emit", definition.path, "--output", output.path],
                    inputFiles: [definition],
                    outputFiles: Self.outputNames(definition).map { output.appending(path: "\(stem).\($0)") })
            }
    }

    /// The files `apigen emit` writes for a definition. A definition that does not parse gets the
    /// one-part names; apigen then fails the build with its located errors.
    static func outputNames(_ definition: URL) -> [String] {
        let object = (try? Data(contentsOf: definition)).flatMap { try? JSONSerialization.jsonObject(with: $0) }
        let members = object as? [String: Any]
        return FileParts.standard.emittedFileNames(
            types: (members?["types"] as? [Any])?.count ?? 0,
            operations: (members?["operations"] as? [Any])?.count ?? 0)
    }
}

import Foundation
import PackagePlugin

/// The apigen build-tool plugin: for every definition file (`*.json`, not `*.schema.json`) in a
/// target, `swift build` generates the target's models, coders, client and server into the build
/// directory. The outputs are declared up front (they depend only on the file name), so an
/// unchanged definition causes no regeneration and no recompilation.
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
                    outputFiles: Self.artifacts.map { output.appending(path: "\(stem).\($0)") })
            }
    }

    /// The files `apigen emit` writes for `<stem>.json` (see `Generator.artifactNames`).
    static let artifacts = [
        "Models.swift", "JSONCoding.swift", "TextTreeCoding.swift", "Operations.swift", "Client.swift", "Server.swift",
    ]
}

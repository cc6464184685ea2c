import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-apis [--check]`: regenerates the
/// package's committed `Generated/` from `Definitions/`, exactly as `swift run apigen generate`.
@main
struct GenerateAPIsPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "apigen")
        let process = Process()
        process.executableURL = tool.url
        process.arguments = ["generate"] + arguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            Diagnostics.error("apigen generate failed (exit status \(process.terminationStatus))")
            throw GenerateError.failed(process.terminationStatus)
        }
    }

    enum GenerateError: Error {
        case failed(Int32)
    }
}

import APIGenCLI
import Foundation

/// The `apigen` command line; `APIGenCLI` parses and runs it (the root package has no dependencies).
let exitCode = CommandLineTool.run(
    arguments: Array(CommandLine.arguments.dropFirst()),
    stdout: { FileHandle.standardOutput.write(Data($0.utf8)) },
    stderr: { FileHandle.standardError.write(Data($0.utf8)) })
exit(exitCode)

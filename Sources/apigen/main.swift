import APIDefinition
import APIGenerator
import Foundation

/// The `apigen` command line: parses arguments by hand (the root package has no dependencies).
let exitCode = CommandLineTool.run(Array(CommandLine.arguments.dropFirst()))
exit(exitCode)

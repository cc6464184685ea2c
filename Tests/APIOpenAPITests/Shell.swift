import Foundation

/// Commands the OpenAPI tests run (building the scratch package that imported code compiles in).
enum Shell {
    /// Runs `command` (looked up on the `PATH`) in `directory`, and returns its exit status and its
    /// standard output and error, interleaved.
    static func run(_ command: [String], in directory: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}

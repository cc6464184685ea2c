import Foundation
import TwoFactorServer
import TwoFactorServices

// two-factor-server [--host H] [--port N]: serves TeamUp, smsend, AuthEndpoints and sFOX with the
// demo accounts, and prints its base URL (then each service's) once it listens.

let usage = "usage: two-factor-server [--host <address>] [--port <n>]   (defaults: 127.0.0.1, 8080; 0 picks a free port)"
var host = "127.0.0.1"
var port = 8080
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--host":
        guard let value = arguments.popFirst(), !value.isEmpty else {
            FileHandle.standardError.write(Data("error: --host needs an address\n\(usage)\n".utf8))
            exit(64)
        }
        host = value
    case "--port":
        guard let value = arguments.popFirst(), let number = Int(value), (0...65535).contains(number) else {
            FileHandle.standardError.write(Data("error: --port needs a number from 0 to 65535\n\(usage)\n".utf8))
            exit(64)
        }
        port = number
    case "-h", "--help":
        print(usage)
        exit(0)
    default:
        FileHandle.standardError.write(Data("error: unknown argument (see --help)\n\(usage)\n".utf8))
        exit(64)
    }
}

let directory = ServiceDirectory(DemoServices())
let server = TwoFactorHTTPServer(directory: directory, host: host, port: port)
try await server.run { url in
    var lines = [url.absoluteString]
    for mount in directory.mounts.reversed() { lines.append("  \(mount.name): \(url.absoluteString)\(mount.basePath)") }
    // Written straight to the file descriptor, so that a script reading a pipe sees it at once.
    FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
}

// socket-bench: the servers of the socket benchmarks, each on 127.0.0.1 until interrupted.
// `Benchmarks/Sockets/run.sh` drives it; by hand:
//   socket-bench serve hand --port N    a hand-written Hummingbird route
//   socket-bench serve sog --port N     swift-openapi-generator's code on swift-openapi-hummingbird
import Foundation

/// A command line that cannot be run.
struct UsageError: Error, CustomStringConvertible {
    var message: String
    var description: String { "socket-bench: \(message) (usage: socket-bench serve hand|sog --port N)" }
}

do {
    let arguments = Array(CommandLine.arguments.dropFirst())
    guard arguments.count == 4, arguments[0] == "serve", arguments[2] == "--port", let port = Int(arguments[3]),
        (0...65535).contains(port)
    else { throw UsageError(message: "unexpected arguments") }
    switch arguments[1] {
    case "hand": try await HandWrittenServer.run(port: port)
    case "sog": try await SOGServer.run(port: port)
    default: throw UsageError(message: "unknown server \(arguments[1])")
    }
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}

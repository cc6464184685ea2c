// socket-clients: the clients of the socket benchmarks that need AsyncHTTPClient, against a server
// socket-bench runs. `Benchmarks/Sockets/run.sh` drives it; by hand:
//   socket-clients events sog --port N [--events E]    read one stream of E server-sent events
// Each run prints one JSON line: {"count", "failures", "rate", "seconds"}.
import BenchSupport
import Foundation

do {
    let arguments = try Arguments(Array(CommandLine.arguments.dropFirst()))
    let baseURL = URL(string: "http://127.0.0.1:\(arguments.port)/v1")!
    switch (arguments.command, arguments.variant) {
    case ("events", "sog"):
        print(try await SOGEventStream.run(baseURL: baseURL, count: arguments.events).line())
    default:
        throw UsageError(message: "unknown command \(arguments.command) \(arguments.variant)")
    }
} catch {
    FileHandle.standardError.write(Data("socket-clients: \(error)\n".utf8))
    exit(1)
}

// socket-bench: the servers of the socket benchmarks, each on 127.0.0.1 until interrupted, and the
// generated sFOX client over URLSession. `Benchmarks/Sockets/run.sh` drives it; by hand:
//   socket-bench serve apigen --port N    the generated sFOX handler mounted by APIGenHummingbird
//   socket-bench serve sog --port N       swift-openapi-generator's code on swift-openapi-hummingbird
//   socket-bench serve hand --port N      a hand-written Hummingbird route
//   socket-bench client urlsession --port N [--calls C] [--concurrency K]
//       C calls of the generated sFOX client to 127.0.0.1:N from K tasks; prints one JSON line
//       {"count", "failures", "rate", "seconds"}
//   socket-bench events sog --port N [--events E]
//       read one stream of E server-sent events from the SOG server over URLSession (buffered)
import APIRuntime
import BenchSupport
import Foundation

do {
    let arguments = try Arguments(Array(CommandLine.arguments.dropFirst()))
    switch (arguments.command, arguments.variant) {
    case ("serve", "apigen"): try await ApigenServer.run(port: arguments.port)
    case ("serve", "sog"): try await SOGServer.run(port: arguments.port)
    case ("serve", "hand"): try await HandWrittenServer.run(port: arguments.port)
    case ("client", "urlsession"):
        let measurement = try await ClientCalls.run(
            transport: URLSessionTransport(), baseURL: URL(string: "http://127.0.0.1:\(arguments.port)/v1")!,
            calls: arguments.calls, concurrency: arguments.concurrency)
        print(try measurement.line())
    case ("events", "sog"):
        let baseURL = URL(string: "http://127.0.0.1:\(arguments.port)/v1")!
        print(try await SOGEventStreamURLSession.run(baseURL: baseURL, count: arguments.events).line())
    default:
        throw UsageError(message: "unknown command \(arguments.command) \(arguments.variant)")
    }
} catch {
    FileHandle.standardError.write(Data("socket-bench: \(error)\n".utf8))
    exit(1)
}

// socket-bench: the servers of the socket benchmarks, each on 127.0.0.1 until interrupted, and the
// generated sFOX client over URLSession. `Benchmarks/Sockets/run.sh` drives it; by hand:
//   socket-bench serve apigen --port N    the generated sFOX handler mounted by APIGenHummingbird
//   socket-bench serve sog --port N       swift-openapi-generator's code on swift-openapi-hummingbird
//   socket-bench serve hand --port N      a hand-written Hummingbird route
//   socket-bench serve apigen-events --port N
//       the generated BenchEvents handler (a stream of server-sent events) mounted by APIGenHummingbird
//   socket-bench client urlsession --port N [--calls C] [--concurrency K]
//       C calls of the generated sFOX client to 127.0.0.1:N from K tasks; prints one JSON line
//       {"count", "failures", "peak_rss_kib", "rate", "seconds"}
//   socket-bench events sog --port N [--events E]
//       read one stream of E server-sent events from the SOG server over URLSession (buffered)
//   socket-bench events apigen-urlsession --port N [--events E]
//       read one stream of E server-sent events from `serve apigen-events` with the generated BenchEvents
//       client through URLSessionTransport (buffered)
// The clients over AsyncHTTPClient are in socket-clients.
import APIRuntime
import BenchEvents
import BenchSupport
import Foundation

do {
    let arguments = try Arguments(Array(CommandLine.arguments.dropFirst()))
    switch (arguments.command, arguments.variant) {
    case ("serve", "apigen"): try await ApigenServer.run(port: arguments.port)
    case ("serve", "sog"): try await SOGServer.run(port: arguments.port)
    case ("serve", "hand"): try await HandWrittenServer.run(port: arguments.port)
    case ("serve", "apigen-events"): try await ApigenEventsServer.run(port: arguments.port)
    case ("client", "urlsession"):
        let measurement = try await ClientCalls.run(
            transport: URLSessionTransport(), baseURL: URL(string: "http://127.0.0.1:\(arguments.port)/v1")!,
            calls: arguments.calls, concurrency: arguments.concurrency)
        print(try measurement.line())
    case ("events", "sog"):
        let baseURL = URL(string: "http://127.0.0.1:\(arguments.port)/v1")!
        print(try await SOGEventStreamURLSession.run(baseURL: baseURL, count: arguments.events).line())
    case ("events", "apigen-urlsession"):
        let measurement = try await ApigenEventStream.run(
            transport: URLSessionTransport(), baseURL: URL(string: "http://127.0.0.1:\(arguments.port)/v1")!,
            count: arguments.events)
        print(try measurement.line())
    default:
        throw UsageError(message: "unknown command \(arguments.command) \(arguments.variant)")
    }
} catch {
    FileHandle.standardError.write(Data("socket-bench: \(error)\n".utf8))
    exit(1)
}

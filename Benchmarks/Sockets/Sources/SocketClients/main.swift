// socket-clients: the clients of the socket benchmarks over AsyncHTTPClient, in a process of their own
// (socket-bench has the servers and the URLSession clients). `Benchmarks/Sockets/run.sh` drives it; by hand:
//   socket-clients client ahc --port N [--calls C] [--concurrency K]
//       C calls of the generated sFOX client through APIGenAsyncHTTPClient's transport to
//       127.0.0.1:N from K tasks; prints one JSON line {"count", "failures", "peak_rss_kib", "rate", "seconds"}
//   socket-clients events apigen-ahc --port N [--events E]
//       read one stream of E server-sent events from `socket-bench serve apigen-events` with the
//       generated BenchEvents client through APIGenAsyncHTTPClient's transport (streamed)
//   socket-clients events sog-ahc --port N [--events E]
//       read one stream of E server-sent events from `socket-bench serve sog` with swift-openapi-generator's
//       client through swift-openapi-async-http-client (streamed)
import BenchEvents
import BenchSupport
import Foundation

do {
    let arguments = try Arguments(Array(CommandLine.arguments.dropFirst()))
    let baseURL = URL(string: "http://127.0.0.1:\(arguments.port)/v1")!
    switch (arguments.command, arguments.variant) {
    case ("client", "ahc"):
        let measurement = try await ClientCalls.run(
            transport: ApigenTransport.make(), baseURL: baseURL, calls: arguments.calls,
            concurrency: arguments.concurrency)
        print(try measurement.line())
    case ("events", "apigen-ahc"):
        let measurement = try await ApigenEventStream.run(
            transport: ApigenTransport.make(), baseURL: baseURL, count: arguments.events)
        print(try measurement.line())
    case ("events", "sog-ahc"):
        print(try await SOGEventStreamAsyncHTTPClient.run(baseURL: baseURL, count: arguments.events).line())
    default:
        throw UsageError(message: "unknown command \(arguments.command) \(arguments.variant)")
    }
} catch {
    FileHandle.standardError.write(Data("socket-clients: \(error)\n".utf8))
    exit(1)
}

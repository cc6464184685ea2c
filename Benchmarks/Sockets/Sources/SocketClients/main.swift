// socket-clients: the clients of the socket benchmarks, against a server socket-bench runs.
// `Benchmarks/Sockets/run.sh` drives it; by hand:
//   socket-clients client urlsession|ahc --port N [--calls C] [--concurrency K]
//       C calls of the generated sFOX client to 127.0.0.1:N from K tasks
//   socket-clients events sog --port N [--events E]
//       read one stream of E server-sent events
// Each run prints one JSON line: {"count", "failures", "rate", "seconds"}.
import APIRuntime
import Foundation

/// The command line, parsed.
struct Arguments {
    var command: String
    var variant: String
    var port = 8080
    var calls = 10_000
    var concurrency = 1
    var events = 100_000

    init(_ arguments: [String]) throws {
        guard arguments.count >= 2 else { throw UsageError(message: "expected a command and what to run") }
        command = arguments[0]
        variant = arguments[1]
        var rest = arguments.dropFirst(2).makeIterator()
        while let option = rest.next() {
            guard let text = rest.next(), let value = Int(text), value >= 0 else {
                throw UsageError(message: "\(option) needs a number")
            }
            switch option {
            case "--port": port = value
            case "--calls": calls = value
            case "--concurrency": concurrency = value
            case "--events": events = value
            default: throw UsageError(message: "unknown option \(option)")
            }
        }
    }
}

/// A command line that cannot be run.
struct UsageError: Error, CustomStringConvertible {
    var message: String
    var description: String { "socket-clients: \(message) (see the top of main.swift)" }
}

do {
    let arguments = try Arguments(Array(CommandLine.arguments.dropFirst()))
    let baseURL = URL(string: "http://127.0.0.1:\(arguments.port)/v1")!
    switch (arguments.command, arguments.variant) {
    case ("client", "urlsession"):
        let measurement = try await ClientCalls.run(
            transport: URLSessionTransport(), baseURL: baseURL, calls: arguments.calls,
            concurrency: arguments.concurrency)
        print(try measurement.line())
    case ("events", "sog"):
        print(try await SOGEventStream.run(baseURL: baseURL, count: arguments.events).line())
    default:
        throw UsageError(message: "unknown command \(arguments.command) \(arguments.variant)")
    }
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}

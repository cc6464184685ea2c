import APIRuntime
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A Hummingbird application listening on 127.0.0.1 at a port the system picks, for the length of one test.
enum LiveServer {
    /// Builds a router with `configure`, serves it on a real socket, and runs `body` with the server's URL
    /// (`http://127.0.0.1:<port>`); the server shuts down when `body` returns or throws.
    static func run<Value: Sendable>(
        _ configure: (Router<BasicRequestContext>) -> Void,
        _ body: @Sendable (URL) async throws -> Value
    ) async throws -> Value {
        let router = Router()
        configure(router)
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "APIGenHummingbirdTests")
        logger.logLevel = .critical
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger)
        let services = ServiceGroup(
            configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else {
                await services.triggerGracefulShutdown()
                throw URLError(.cannotConnectToHost)
            }
            do {
                let value = try await body(URL(string: "http://127.0.0.1:\(port)")!)
                await services.triggerGracefulShutdown()
                return value
            } catch {
                await services.triggerGracefulShutdown()
                throw error
            }
        }
    }

    /// A transport with a session of its own (no cookies, no cache), so that tests do not share state.
    static func transport() -> URLSessionTransport {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 60
        return URLSessionTransport(session: URLSession(configuration: configuration))
    }
}

extension APIResponse {
    /// The body's bytes (buffered: URLSessionTransport reads whole bodies).
    var data: Data { body.bufferedData ?? Data() }
    /// The body as UTF-8 text.
    var text: String { String(decoding: data, as: UTF8.self) }
}

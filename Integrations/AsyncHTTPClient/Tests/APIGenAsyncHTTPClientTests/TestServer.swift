import APIRuntime
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A small HTTP/1.1 server on 127.0.0.1, port 0, that hands each request to a function taking an
/// `APIRequest` (an `APIRouter`'s `handle`, say). Bodies stream both ways: the request's chunks reach the
/// function as they arrive, and the response's chunks are written as its body produces them, with the
/// channel's back-pressure. Each connection carries one exchange.
enum TestServer {
    typealias Handle = @Sendable (APIRequest) async -> APIResponse

    /// Runs `body` with the base URL of a server answering with `handle`, then stops the server.
    /// `sendBuffer` sets each connection's kernel send buffer (`SO_SNDBUF`, bytes) instead of letting the
    /// system grow it (to 4 MiB on Linux by default). `gauge`, when given, counts the open connections.
    static func with<T>(
        _ handle: @escaping Handle, basePath: String = "", sendBuffer: Int32? = nil, gauge: ConnectionGauge? = nil,
        _ body: (URL) async throws -> T
    ) async throws -> T {
        var bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
        if let sendBuffer {
            bootstrap = bootstrap.childChannelOption(.socketOption(.so_sndbuf), value: SocketOptionValue(sendBuffer))
        }
        let server = try await bootstrap
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(
                        wrappingChannelSynchronously: channel)
                }
            }
        let port = try require(server.channel.localAddress?.port)
        let url = URL(string: "http://127.0.0.1:\(port)\(basePath)")!
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await withThrowingDiscardingTaskGroup { connections in
                    try await server.executeThenClose { inbound in
                        for try await connection in inbound {
                            gauge?.opened()
                            connections.addTask {
                                defer { gauge?.closed() }
                                try? await serve(connection, handle)
                            }
                        }
                    }
                }
            }
            defer {
                server.channel.close(promise: nil)
                group.cancelAll()
            }
            return try await body(url)
        }
    }

    private static func serve(
        _ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, _ handle: @escaping Handle
    ) async throws {
        try await connection.executeThenClose { inbound, outbound in
            var chunks: AsyncThrowingStream<Data, any Error>.Continuation?
            var answer: Task<APIResponse, Never>?
            for try await part in inbound {
                switch part {
                case .head(let head):
                    let (stream, continuation) = AsyncThrowingStream<Data, any Error>.makeStream()
                    chunks = continuation
                    let request = apiRequest(head, body: stream)
                    answer = Task { await handle(request) }
                case .body(let buffer):
                    chunks?.yield(Data(buffer.readableBytesView))
                case .end:
                    chunks?.finish()
                    guard let answer else { continue }
                    // Stopping the server cancels a handler that is still working.
                    let response = await withTaskCancellationHandler {
                        await answer.value
                    } onCancel: {
                        answer.cancel()
                    }
                    // One exchange per connection ("Connection: close"): the client closes it once it has read
                    // the answer, which ends this loop (returning here could close before the writes flush).
                    try await write(response, to: outbound)
                }
            }
            chunks?.finish(throwing: CancellationError())
        }
    }

    private static func apiRequest(_ head: HTTPRequestHead, body: AsyncThrowingStream<Data, any Error>) -> APIRequest {
        let target = head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var headers = HeaderFields()
        for (name, value) in head.headers { headers.add(name, value) }
        let length = head.headers.first(name: "Content-Length").flatMap { Int($0) }
        let chunked = head.headers.first(name: "Transfer-Encoding")?.lowercased().contains("chunked") ?? false
        let query = target.count > 1 ? URLComponents(string: "http://h/?" + String(target[1]))?.queryItems ?? [] : []
        return APIRequest(
            method: RequestMethod(rawValue: head.method.rawValue), path: String(target[0]), query: query,
            headers: headers, body: chunked || (length ?? 0) > 0 ? APIBody(stream: body, length: length) : nil)
    }

    private static func write(
        _ response: APIResponse, to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
    ) async throws {
        var head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: response.status))
        for field in response.headers where field.name.lowercased() != "content-length" {
            head.headers.add(name: field.name, value: field.value)
        }
        head.headers.replaceOrAdd(name: "Connection", value: "close")
        if let length = response.body.length {
            head.headers.replaceOrAdd(name: "Content-Length", value: String(length))
        } else {
            head.headers.replaceOrAdd(name: "Transfer-Encoding", value: "chunked")
        }
        try await outbound.write(.head(head))
        for try await chunk in response.body where !chunk.isEmpty {
            try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: chunk))))
        }
        try await outbound.write(.end(nil))
    }
}

/// How many of a ``TestServer``'s connections are open: counted when one is accepted, and again when
/// the server is done with it (its exchange has ended and the channel is closed).
final class ConnectionGauge: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    /// The connections accepted and not yet closed.
    var open: Int { lock.withLock { count } }
    func opened() { lock.withLock { count += 1 } }
    func closed() { lock.withLock { count -= 1 } }
}

/// `#require` without the Testing macro, for the server's setup.
private func require<T>(_ value: T?) throws -> T {
    guard let value else { throw URLError(.cannotConnectToHost) }
    return value
}

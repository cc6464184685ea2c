import APIRuntime
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A ``ClientTransport`` over AsyncHTTPClient's `HTTPClient`: for servers on Linux where URLSession is
/// not wanted. Bodies stream both ways: a streamed request body is sent as its chunks come (with
/// `Content-Length` when its length is known, chunked otherwise), and the response's body is a streamed
/// ``APIBody`` over the bytes as they arrive, so a multi-gigabyte download never has to fit in memory.
///
/// ```swift
/// let client = SFOXClient(credentials: credentials, transport: AsyncHTTPClientTransport())
/// ```
public struct AsyncHTTPClientTransport: ClientTransport {
    /// The client that sends the requests.
    public let client: HTTPClient
    /// The deadline AsyncHTTPClient gives each exchange, from sending the request to the end of the
    /// response's body; `nil` for none. For a limit on the wait for the answer alone, leave it `nil` and use
    /// a `TimeoutMiddleware`.
    public var timeout: Duration?

    /// Creates a transport sending through `client`, by default AsyncHTTPClient's shared one.
    public init(client: HTTPClient = .shared, timeout: Duration? = nil) {
        self.client = client
        self.timeout = timeout
    }

    public func send(_ request: APIRequest, baseURL: URL) async throws -> APIResponse {
        let base = baseURL.absoluteString
        var outgoing = HTTPClientRequest(url: (base.hasSuffix("/") ? String(base.dropLast()) : base) + request.target)
        outgoing.method = HTTPMethod(rawValue: request.method.rawValue)
        for field in request.headers { outgoing.headers.add(name: field.name, value: field.value) }
        if let body = request.body {
            if let data = body.bufferedData {
                outgoing.body = .bytes(ByteBuffer(bytes: data))
            } else {
                let length = body.length.map { HTTPClientRequest.Body.Length.known(Int64($0)) } ?? .unknown
                outgoing.body = .stream(ByteBuffers(body: body), length: length)
            }
        }
        let deadline = timeout.map { NIODeadline.now() + .nanoseconds(Self.nanoseconds($0)) } ?? .distantFuture
        let response = try await client.execute(outgoing, deadline: deadline)

        var headers = HeaderFields()
        for (name, value) in response.headers { headers.add(name, value) }
        // A HEAD answer's or a 204's/304's Content-Length describes a body that is not sent.
        let hasBody = request.method != .head && response.status.code != 204 && response.status.code != 304
        let length = hasBody ? response.headers.first(name: "Content-Length").flatMap { Int($0) } : 0
        return APIResponse(
            status: Int(response.status.code), headers: headers,
            body: APIBody(stream: Chunks(body: response.body), length: length))
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : whole.addingReportingOverflow(attoseconds / 1_000_000_000).partialValue
    }
}

/// A request body's chunks as the `ByteBuffer`s AsyncHTTPClient sends.
struct ByteBuffers: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let body: APIBody

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(chunks: body.makeAsyncIterator()) }

    struct AsyncIterator: AsyncIteratorProtocol {
        var chunks: APIBody.AsyncIterator
        mutating func next() async throws -> ByteBuffer? {
            try await chunks.next().map { ByteBuffer(bytes: $0) }
        }
    }
}

/// A response body's `ByteBuffer`s as the `Data` chunks of an ``APIBody``.
struct Chunks: AsyncSequence, Sendable {
    typealias Element = Data
    let body: HTTPClientResponse.Body

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(buffers: body.makeAsyncIterator()) }

    struct AsyncIterator: AsyncIteratorProtocol {
        var buffers: HTTPClientResponse.Body.AsyncIterator
        mutating func next() async throws -> Data? {
            try await buffers.next().map { Data($0.readableBytesView) }
        }
    }
}

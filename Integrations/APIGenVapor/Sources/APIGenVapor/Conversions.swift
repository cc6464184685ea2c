import APIRuntime
import Foundation
import Vapor

extension APIRequest {
    /// The runtime's view of a Vapor request: method, percent-encoded path, query items, header fields in
    /// order, and the body as it streams in (its length from `Content-Length`, when sent).
    init(_ request: Request) {
        var headers = HeaderFields()
        for (name, value) in request.headers { headers.add(name, value) }
        self.init(
            method: RequestMethod(rawValue: request.method.rawValue), path: request.url.path,
            query: Self.queryItems(request.url.query), headers: headers, body: Self.body(of: request))
    }

    /// A request's body: buffered when Vapor already collected it, streamed otherwise, `nil` when the request
    /// has none (neither `Content-Length` nor `Transfer-Encoding`).
    private static func body(of request: Request) -> APIBody? {
        if let buffer = request.body.data { return APIBody(Data(buffer.readableBytesView)) }
        let length = request.headers.first(name: .contentLength).flatMap { Int($0) }
        if length == 0 || (length == nil && !request.headers.contains(name: .transferEncoding)) { return nil }
        return APIBody(stream: RequestBodyChunks(body: request.body), length: length)
    }

    /// Query items from a percent-encoded query, in order. A name or value whose percent-encoding is broken
    /// is kept as sent, so that parameter conversion reports it.
    private static func queryItems(_ query: String?) -> [URLQueryItem] {
        guard let query, !query.isEmpty else { return [] }
        return query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in text.removingPercentEncoding ?? String(text) }
            return URLQueryItem(name: decode(parts[0]), value: parts.count > 1 ? decode(parts[1]) : nil)
        }
    }
}

/// A Vapor request body's chunks as `Data`, read as they arrive.
struct RequestBodyChunks: AsyncSequence, Sendable {
    typealias Element = Data
    let body: Request.Body

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(base: body.makeAsyncIterator()) }

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: Request.Body.AsyncIterator

        mutating func next() async throws -> Data? {
            try await base.next().map { Data($0.readableBytesView) }
        }
    }
}

extension Response {
    /// A Vapor response for the runtime's: a buffered body in one buffer, a streamed one chunk by chunk
    /// (with its length when known, chunked otherwise). Vapor writes `Content-Length` and
    /// `Transfer-Encoding` itself.
    convenience init(_ response: APIResponse) {
        var headers = HTTPHeaders()
        for field in response.headers
        where field.name.lowercased() != "content-length" && field.name.lowercased() != "transfer-encoding" {
            headers.add(name: field.name, value: field.value)
        }
        let body: Response.Body
        if let data = response.body.bufferedData {
            body = Response.Body(data: data)
        } else {
            let chunks = response.body
            body = Response.Body(
                managedAsyncStream: { writer in
                    for try await chunk in chunks { try await writer.writeBuffer(ByteBuffer(bytes: chunk)) }
                }, count: chunks.length ?? -1)
        }
        self.init(status: HTTPResponseStatus(statusCode: response.status), headers: headers, body: body)
    }
}

import APIGenAsyncHTTPClient
import APIRuntime
import Foundation
import Testing

/// `count` copies of one chunk, produced as they are read: a body that is never in memory whole.
struct RepeatedChunks: AsyncSequence, Sendable {
    typealias Element = Data
    let chunk: Data
    let count: Int

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(chunk: chunk, left: count) }

    struct AsyncIterator: AsyncIteratorProtocol {
        let chunk: Data
        var left: Int
        mutating func next() async throws -> Data? {
            guard left > 0 else { return nil }
            left -= 1
            return chunk
        }
    }
}

/// The process's resident memory, in bytes (Linux; `nil` elsewhere).
func residentBytes() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
    else { return nil }
    return line.split(separator: " ").compactMap { Int($0) }.first.map { $0 * 1024 }
}

@Suite("Streaming over AsyncHTTPClient", .serialized)
struct StreamingTests {
    static let mebibyte = Data(repeating: 0x5A, count: 1 << 20)
    let transport = AsyncHTTPClientTransport()

    @Test func aLargeDownloadIsReadChunkByChunkInBoundedMemory() async throws {
        let size = 256  // MiB
        let download: TestServer.Handle = { _ in
            APIResponse(
                status: 200, headers: ["Content-Type": "application/octet-stream"],
                body: APIBody(stream: RepeatedChunks(chunk: Self.mebibyte, count: size), length: size << 20))
        }
        try await TestServer.with(download) { url in
            let response = try await transport.send(APIRequest(method: .get, path: "/download"), baseURL: url)
            #expect(response.status == 200)
            #expect(response.body.length == size << 20)
            #expect(response.body.bufferedData == nil)
            let before = residentBytes()
            var peak = before ?? 0
            var bytes = 0
            var chunks = 0
            var allZ = true
            for try await chunk in response.body {
                bytes += chunk.count
                chunks += 1
                allZ = allZ && chunk.first == 0x5A && chunk.last == 0x5A
                if chunks % 64 == 0, let now = residentBytes() { peak = max(peak, now) }
            }
            #expect(bytes == size << 20)
            #expect(chunks > 16)  // chunks as they came, not one buffer
            #expect(allZ)
            if let before {
                let growth = peak - before
                print("download of \(size) MiB in \(chunks) chunks: resident memory grew by \(growth >> 20) MiB")
                #expect(growth < 64 << 20, "resident memory grew by \(growth >> 20) MiB")
            }
        }
    }

    @Test(arguments: [true, false])
    func aStreamedUploadArrivesAsItIsSent(knownLength: Bool) async throws {
        let size = 64  // MiB
        let upload: TestServer.Handle = { request in
            var bytes = 0
            var chunks = 0
            do {
                for try await chunk in request.body ?? APIBody() {
                    bytes += chunk.count
                    chunks += 1
                }
            } catch {
                return APIResponse(status: 500)
            }
            let framing = request.headers["Content-Length"] ?? request.headers["Transfer-Encoding"] ?? "none"
            return APIResponse(status: 200, body: Data("\(bytes) \(chunks > 1) \(framing)".utf8))
        }
        try await TestServer.with(upload) { url in
            let body = APIBody(
                stream: RepeatedChunks(chunk: Self.mebibyte, count: size), length: knownLength ? size << 20 : nil)
            let response = try await transport.send(
                APIRequest(
                    method: .put, path: "/upload", headers: ["Content-Type": "application/octet-stream"], body: body),
                baseURL: url)
            let text = String(decoding: try await response.body.collect(upTo: 1024), as: UTF8.self)
            #expect(response.status == 200)
            #expect(text == "\(size << 20) true \(knownLength ? String(size << 20) : "chunked")")
        }
    }

    @Test func aBufferedBodyAndTheTargetArriveIntact() async throws {
        let echo: TestServer.Handle = { request in
            let body = (try? await request.body?.collect(upTo: 1 << 20)) ?? Data()
            let query = request.query.map { "\($0.name)=\($0.value ?? "")" }.joined(separator: "&")
            return APIResponse(
                status: 201,
                headers: ["X-Echo-Path": request.path, "X-Echo-Query": query, "X-Method": request.method.rawValue],
                body: body)
        }
        try await TestServer.with(echo, basePath: "/base/") { url in
            let response = try await transport.send(
                APIRequest(
                    method: .patch, path: "/items/a%20b", query: [URLQueryItem(name: "q", value: "x y&z")],
                    body: Data("hello".utf8)),
                baseURL: url)
            #expect(response.status == 201)
            #expect(response.headers["X-Echo-Path"] == "/base/items/a%20b")
            #expect(response.headers["X-Echo-Query"] == "q=x y&z")
            #expect(response.headers["X-Method"] == "PATCH")
            #expect(try await response.body.collect(upTo: 100) == Data("hello".utf8))
        }
    }
}

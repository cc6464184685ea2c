import APIGenHummingbird
import APIRuntime
import Foundation
import Hummingbird
import SFOXAPI
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Bodies stream through the adapter: an upload reaches the handler in the chunks Hummingbird reads, and a
/// download leaves as the handler's sequence produces it (proven by a download that cannot finish unless
/// the client has received its first chunk before the server produces the second).
@Suite("Hummingbird: streamed bodies")
struct StreamingTests {
    static let mebibyte = 1 << 20
    static let size = 50 * mebibyte

    /// Routes of the test's own on the adapter's registrar, with a body limit the 50 MiB fit in.
    static func mount(_ router: Router<BasicRequestContext>, gate: Gate) {
        var registrar = HummingbirdRegistrar(
            router: router, basePath: "/stream", limits: ServerLimits(maxBodyBytes: 2 * size))
        registrar.register(OperationInfo(id: "upload", method: .post, pathTemplate: "/upload")) { request in
            var chunks = 0
            var total = 0
            var largest = 0
            var checksum = 0
            do {
                for try await chunk in request.http.body ?? APIBody() {
                    chunks += 1
                    total += chunk.count
                    largest = max(largest, chunk.count)
                    for byte in chunk { checksum = (checksum &+ Int(byte)) % 1_000_003 }
                }
            } catch {
                return APIResponse(status: 500)
            }
            let buffered = request.http.body?.bufferedData != nil
            let length = request.http.body?.length ?? -1
            return APIResponse(
                status: 200,
                body: Data("\(chunks) \(total) \(largest) \(checksum) \(buffered) \(length)".utf8))
        }
        registrar.register(OperationInfo(id: "download", method: .get, pathTemplate: "/download/{chunks}")) {
            request in
            guard let count = Int(request.pathParameters["chunks"] ?? "") else { return APIResponse(status: 400) }
            return APIResponse(
                status: 200, headers: ["Content-Type": "application/octet-stream"],
                body: APIBody(stream: GatedChunks(count: count, size: mebibyte, gate: gate)))
        }
        router.mount(TestSFOX(), basePath: "/small", limits: ServerLimits(maxBodyBytes: 1024))
    }

    static func pattern(_ index: Int) -> UInt8 { UInt8(index % 251) }

    @Test func aFiftyMebibyteUploadReachesTheHandlerInChunks() async throws {
        var upload = Data(count: Self.size)
        upload.withUnsafeMutableBytes { bytes in
            for index in bytes.indices { bytes[index] = Self.pattern(index) }
        }
        let expectedChecksum = upload.reduce(0) { ($0 &+ Int($1)) % 1_000_003 }
        let body = upload
        let answer = try await LiveServer.run({ Self.mount($0, gate: Gate()) }) { server in
            try await LiveServer.transport().send(
                APIRequest(method: .post, path: "/stream/upload", body: body), baseURL: server)
        }
        #expect(answer.status == 200)
        let fields = answer.text.split(separator: " ").map(String.init)
        try #require(fields.count == 6, "\(answer.text)")
        let (chunks, total, largest) = (Int(fields[0]) ?? 0, Int(fields[1]) ?? 0, Int(fields[2]) ?? 0)
        print("upload: \(total) bytes in \(chunks) chunks, the largest \(largest) bytes")
        #expect(total == Self.size)
        #expect(Int(fields[3]) == expectedChecksum)
        #expect(fields[4] == "false", "the handler got a buffered body")
        #expect(fields[5] == "\(Self.size)", "the length comes from Content-Length")
        #expect(chunks >= 50, "\(chunks) chunks")
        #expect(largest <= 4 * Self.mebibyte)
    }

    @Test func aFiftyMebibyteDownloadLeavesAsItIsProduced() async throws {
        let gate = Gate()
        let received = try await LiveServer.run({ Self.mount($0, gate: gate) }) { server in
            try await StreamingReceiver.get(URL(string: server.absoluteString + "/stream/download/50")!, gate: gate)
        }
        print("download: \(received.bytes) bytes in \(received.chunks) chunks")
        #expect(received.status == 200)
        #expect(received.bytes == Self.size)
        #expect(received.checksum == (0..<50).reduce(0) { ($0 + Int(Self.pattern($1)) * Self.mebibyte) % 1_000_003 })
        #expect(received.chunks >= 50)
    }

    @Test func aChunkedUploadOverTheLimitIs413() async throws {
        let status = try await LiveServer.run({ Self.mount($0, gate: Gate()) }) { server in
            var request = URLRequest(url: URL(string: server.absoluteString + "/small/enterprise/users/send-verification/ann")!)
            request.httpMethod = "POST"
            request.setValue("Bearer \(TestSFOX.key)", forHTTPHeaderField: "Authorization")
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            // A stream of unknown length goes chunked: the limit applies as the body is collected.
            request.httpBodyStream = InputStream(data: Data((#"{"type":"email"}"# + String(repeating: " ", count: 4096)).utf8))
            let (_, response) = try await URLSession(configuration: .ephemeral).data(for: request)
            return (response as? HTTPURLResponse)?.statusCode ?? 0
        }
        #expect(status == 413)
    }
}

/// Opens once; a download's second chunk waits for it.
final class Gate: @unchecked Sendable {
    private let lock = NSLock()
    private var isOpen = false

    func open() { lock.withLock { isOpen = true } }

    /// Waits until the gate is open; throws after `seconds`.
    func wait(seconds: Double = 20) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while !lock.withLock({ isOpen }) {
            guard Date() < deadline else { throw CancellationError() }
            try await Task.sleep(nanoseconds: 5_000_000)
        }
    }
}

/// `count` chunks of `size` bytes, made as they are asked for; the second waits for `gate`.
struct GatedChunks: AsyncSequence, Sendable {
    typealias Element = Data
    let count: Int
    let size: Int
    let gate: Gate

    struct AsyncIterator: AsyncIteratorProtocol {
        let sequence: GatedChunks
        var index = 0

        mutating func next() async throws -> Data? {
            guard index < sequence.count else { return nil }
            if index == 1 { try await sequence.gate.wait() }
            defer { index += 1 }
            return Data(repeating: StreamingTests.pattern(index), count: sequence.size)
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(sequence: self) }
}

/// A GET whose body is counted as it arrives; the first bytes open `gate`.
final class StreamingReceiver: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    struct Received: Sendable {
        var status = 0
        var chunks = 0
        var bytes = 0
        var checksum = 0
    }

    private let lock = NSLock()
    private let gate: Gate
    private var received = Received()
    private var continuation: CheckedContinuation<Received, any Error>?

    private init(gate: Gate) { self.gate = gate }

    static func get(_ url: URL, gate: Gate) async throws -> Received {
        let receiver = StreamingReceiver(gate: gate)
        let session = URLSession(configuration: .ephemeral, delegate: receiver, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        return try await withCheckedThrowingContinuation { continuation in
            receiver.lock.withLock { receiver.continuation = continuation }
            session.dataTask(with: url).resume()
        }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        lock.withLock { received.status = (response as? HTTPURLResponse)?.statusCode ?? 0 }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.withLock {
            received.chunks += 1
            received.bytes += data.count
            for byte in data { received.checksum = (received.checksum + Int(byte)) % 1_000_003 }
        }
        gate.open()
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let (continuation, received) = lock.withLock {
            defer { self.continuation = nil }
            return (self.continuation, self.received)
        }
        if let error { continuation?.resume(throwing: error) } else { continuation?.resume(returning: received) }
    }
}

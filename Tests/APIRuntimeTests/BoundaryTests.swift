@_spi(Generated) import APIRuntime
import Foundation
import Synchronization
import Testing

/// Chunks produced one at a time, counting how many were asked for.
private struct CountedChunks: AsyncSequence, Sendable {
    let chunks: [Data]
    let pulled: Counter

    struct AsyncIterator: AsyncIteratorProtocol {
        var remaining: ArraySlice<Data>
        let pulled: Counter
        mutating func next() async throws -> Data? {
            guard let chunk = remaining.popFirst() else { return nil }
            pulled.increment()
            return chunk
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(remaining: chunks[...], pulled: pulled) }
}

final class Counter: Sendable {
    private let storage = Mutex(0)
    func increment() { storage.withLock { $0 += 1 } }
    var value: Int { storage.withLock { $0 } }
}


@Suite("APIBody")
struct APIBodyTests {
    @Test func bufferedBodiesAreReadAnyNumberOfTimes() async throws {
        let body = APIBody(Data("hello".utf8))
        #expect(body.length == 5)
        #expect(body.bufferedData == Data("hello".utf8))
        for _ in 0..<2 {
            var chunks: [Data] = []
            for try await chunk in body { chunks.append(chunk) }
            #expect(chunks == [Data("hello".utf8)])
        }
        #expect(try await APIBody().collect(upTo: 0) == Data())
        var empty: [Data] = []
        for try await chunk in APIBody() { empty.append(chunk) }
        #expect(empty.isEmpty)
    }

    @Test func streamedBodiesArriveChunkByChunk() async throws {
        let counter = Counter()
        let chunks = (0..<100).map { Data(repeating: UInt8($0), count: 1000) }
        let body = APIBody(stream: CountedChunks(chunks: chunks, pulled: counter), length: 100_000)
        #expect(body.bufferedData == nil)
        #expect(body.length == 100_000)
        var seen = 0
        for try await chunk in body {
            seen += 1
            // Nothing is read ahead: the consumer holds one chunk at a time.
            #expect(counter.value == seen)
            #expect(chunk.count == 1000)
        }
        #expect(seen == 100)
    }

    @Test func collectStopsAtTheLimit() async throws {
        let counter = Counter()
        let chunks = (0..<100).map { _ in Data(count: 1000) }
        let unknownLength = APIBody(stream: CountedChunks(chunks: chunks, pulled: counter))
        await #expect(throws: APIBody.TooLarge(limit: 5_500)) { try await unknownLength.collect(upTo: 5_500) }
        // It stopped reading at the chunk that crossed the limit.
        #expect(counter.value == 6)

        let known = APIBody(stream: CountedChunks(chunks: chunks, pulled: Counter()), length: 100_000)
        await #expect(throws: APIBody.TooLarge(limit: 99_999)) { try await known.collect(upTo: 99_999) }
        let exact = APIBody(stream: CountedChunks(chunks: chunks, pulled: Counter()), length: 100_000)
        #expect(try await exact.collect(upTo: 100_000).count == 100_000)
        await #expect(throws: APIBody.TooLarge(limit: 4)) { try await APIBody(Data("hello".utf8)).collect(upTo: 4) }
    }

    @Test func descriptionsNeverShowTheBytes() {
        #expect("\(APIBody(Data("secret-token".utf8)))" == "APIBody(12 bytes)")
        #expect(
            "\(APIBody(stream: CountedChunks(chunks: [], pulled: Counter())))" == "APIBody(streamed, length unknown)")
    }
}

/// Records what passes through it, in order, under a name.
private struct Recording: ClientMiddleware, ServerMiddleware {
    let name: String
    let log: Log

    func intercept(
        _ request: APIRequest, baseURL: URL, next: @Sendable (APIRequest, URL) async throws -> APIResponse
    ) async throws -> APIResponse {
        log.append("\(name) > \(request.operation?.id ?? "none")")
        var request = request
        request.headers.add("X-Through", name)
        let response = try await next(request, baseURL)
        log.append("\(name) < \(response.status)")
        return response
    }

    func intercept(
        _ request: ServerRequest, next: @Sendable (ServerRequest) async throws -> APIResponse
    ) async throws -> APIResponse {
        log.append("\(name) > \(request.http.operation?.description ?? "none")")
        let response = try await next(request)
        log.append("\(name) < \(response.status)")
        return response
    }
}

final class Log: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

/// A transport that answers every request itself and keeps the last one.
private struct Answering: ClientTransport {
    let log: Log
    func send(_ request: APIRequest, baseURL: URL) async throws -> APIResponse {
        log.append("transport \(request.operation?.id ?? "none") via \(request.headers.fields.map(\.value))")
        return APIResponse(status: 204)
    }
}

@Suite("Middlewares and registration")
struct MiddlewareTests {
    let operation = OperationInfo(id: "getUser", method: .get, pathTemplate: "/users/{id}")

    @Test func clientMiddlewaresRunInOrderAroundTheTransport() async throws {
        let log = Log()
        let request = APIRequest(operation: operation, path: "/users/7")
        let response = try await ClientSupport.send(
            request, baseURL: URL(string: "https://example.com")!, transport: Answering(log: log),
            middlewares: [Recording(name: "a", log: log), Recording(name: "b", log: log)])
        #expect(response.status == 204)
        #expect(log.all == ["a > getUser", "b > getUser", "transport getUser via [\"a\", \"b\"]", "b < 204", "a < 204"])
    }

    @Test func aMiddlewareThatThrowsBecomesATransportError() async {
        struct Refusing: ClientMiddleware {
            func intercept(
                _ request: APIRequest, baseURL: URL, next: @Sendable (APIRequest, URL) async throws -> APIResponse
            ) async throws -> APIResponse { throw CancellationError() }
        }
        await #expect {
            _ = try await ClientSupport.send(
                APIRequest(operation: operation, path: "/users/7"), baseURL: URL(string: "https://example.com")!,
                transport: Answering(log: Log()), middlewares: [Refusing()])
        } throws: { error in
            guard case .transport(let underlying) = error as? ClientError else { return false }
            return underlying is CancellationError
        }
    }

    @Test func registeredOperationsCarryTheirIdentityThroughServerMiddlewares() async {
        let log = Log()
        var router = APIRouter(basePath: "/v1")
        router.register(
            operation,
            handler: ServerSupport.handler(
                operation, middlewares: [Recording(name: "outer", log: log), Recording(name: "inner", log: log)]
            ) { request in
                log.append("handler \(try request.pathParameter("id"))")
                return APIResponse(status: 200)
            })
        let response = await router.handle(APIRequest(method: .get, path: "/v1/users/a%2Fb"))
        #expect(response.status == 200)
        #expect(
            log.all == [
                "outer > getUser (GET /users/{id})", "inner > getUser (GET /users/{id})", "handler a/b",
                "inner < 200", "outer < 200",
            ])
        // The router still answers 405 and 404 itself.
        #expect(await router.handle(APIRequest(method: .post, path: "/v1/users/1")).status == 405)
        #expect(await router.handle(APIRequest(method: .get, path: "/v1/nothing")).status == 404)
    }

    @Test func errorsFromMiddlewaresAndHandlersBecomeResponses() async {
        struct Gate: ServerMiddleware {
            func intercept(
                _ request: ServerRequest, next: @Sendable (ServerRequest) async throws -> APIResponse
            ) async throws -> APIResponse {
                guard request.http.headers["X-Pass"] != nil else { throw ServerError(status: 403, message: "no") }
                return try await next(request)
            }
        }
        let handler = ServerSupport.handler(operation, middlewares: [Gate()]) { _ in
            throw CocoaError(.fileNoSuchFile)
        }
        let request = ServerRequest(http: APIRequest(method: .get, path: "/users/1"), pathParameters: ["id": "1"])
        #expect(await handler(request).status == 403)
        var passing = request
        passing.http.headers["X-Pass"] = "1"
        let failed = await handler(passing)
        #expect(failed.status == 500)
        #expect(!String(decoding: failed.body.bytes, as: UTF8.self).contains("fileNoSuchFile"))
    }

    @Test func streamedRequestBodiesAreCollectedWithinTheLimit() async throws {
        let chunks = (0..<10).map { _ in Data(count: 1000) }
        var limits = ServerLimits()
        limits.maxBodyBytes = 5000
        let streamed = APIRequest(
            method: .post, path: "/", body: APIBody(stream: CountedChunks(chunks: chunks, pulled: Counter())))
        // A body of unknown length passes the up-front check…
        #expect(limits.violation(streamed) == nil)
        // …and is refused with 413 when it is collected.
        await #expect(throws: ServerError(status: 413, message: "the body is larger than 5000 bytes")) {
            _ = try await ServerRequest(http: streamed, pathParameters: [:], limits: limits).collectingBody()
        }
        // A known length over the limit is refused before anything is read.
        let known = APIRequest(
            method: .post, path: "/",
            body: APIBody(stream: CountedChunks(chunks: chunks, pulled: Counter()), length: 10_000))
        #expect(limits.violation(known)?.status == 413)
        limits.maxBodyBytes = 10_000
        let collected = try await ServerRequest(http: streamed, pathParameters: [:], limits: limits).collectingBody()
        #expect(collected.http.body?.bufferedData?.count == 10_000)
    }
}

import APIRuntime
import Foundation
import Testing

/// A transport that answers from a script, one entry per attempt, and records what it was sent.
final class ScriptedTransport: ClientTransport, @unchecked Sendable {
    enum Step {
        case answer(APIResponse)
        case fail(any Error)
    }

    private let lock = NSLock()
    private var steps: [Step]
    private var sent: [APIRequest] = []

    init(_ steps: [Step]) { self.steps = steps }

    var requests: [APIRequest] { lock.withLock { sent } }

    func send(_ request: APIRequest, baseURL: URL) async throws -> APIResponse {
        let step = lock.withLock {
            sent.append(request)
            return steps.isEmpty ? Step.answer(APIResponse(status: 200)) : steps.removeFirst()
        }
        switch step {
        case .answer(let response): return response
        case .fail(let error): throw error
        }
    }

    /// Sends `request` through `middlewares` to this transport, the way a generated client does.
    func call(_ request: APIRequest, through middlewares: [any ClientMiddleware]) async throws -> APIResponse {
        try await Self.run(middlewares[...], request, self)
    }

    private static func run(
        _ chain: ArraySlice<any ClientMiddleware>, _ request: APIRequest, _ transport: ScriptedTransport
    ) async throws -> APIResponse {
        let baseURL = URL(string: "https://api.example.com/v1")!
        guard let first = chain.first else { return try await transport.send(request, baseURL: baseURL) }
        return try await first.intercept(request, baseURL: baseURL) { request, _ in
            try await run(chain.dropFirst(), request, transport)
        }
    }
}

/// Collects what a middleware sleeps for or logs, instead of sleeping or printing.
final class Recorder<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Value] = []
    var values: [Value] { lock.withLock { recorded } }
    func record(_ value: Value) { lock.withLock { recorded.append(value) } }
}

let getUser = OperationInfo(id: "getUser", method: .get, pathTemplate: "/users/{user_id}")
let createUser = OperationInfo(id: "createUser", method: .post, pathTemplate: "/users")

@Suite("LoggingMiddleware")
struct LoggingMiddlewareTests {
    @Test func logsTheTemplateStatusAndDurationButNoValue() async throws {
        let lines = Recorder<String>()
        let secrets = ["s3cr3t-bearer", "u-8812-private", "sensitive-query-value", "hidden-header", "body-password"]
        var request = APIRequest(
            method: .get, path: "/v1/users/u-8812-private",
            query: [URLQueryItem(name: "api_key", value: "sensitive-query-value")],
            headers: ["Authorization": "Bearer s3cr3t-bearer", "X-Trace": "hidden-header"],
            body: Data(#"{"password":"body-password"}"#.utf8), operation: getUser)
        request.headers.add("Cookie", "session=s3cr3t-bearer")
        let transport = ScriptedTransport([.answer(APIResponse(status: 404, headers: ["Set-Cookie": "hidden-header"]))])
        let response = try await transport.call(request, through: [LoggingMiddleware { lines.record($0) }])

        #expect(response.status == 404)
        let line = try #require(lines.values.first)
        #expect(lines.values.count == 1)
        #expect(line.hasPrefix("apigen: getUser GET /users/{user_id} -> 404 ("))
        #expect(line.hasSuffix(" ms)"))
        for secret in secrets { #expect(!line.contains(secret), "the line shows \(secret)") }
    }

    @Test func logsTheErrorKindOnFailureAndRethrows() async throws {
        let lines = Recorder<String>()
        let transport = ScriptedTransport([.fail(URLError(.cannotConnectToHost))])
        let request = APIRequest(method: .post, path: "/v1/users", body: Data("token=abc".utf8), operation: createUser)
        await #expect(throws: URLError.self) {
            try await transport.call(request, through: [LoggingMiddleware(prefix: "billing") { lines.record($0) }])
        }
        let line = try #require(lines.values.first)
        #expect(line.hasPrefix("billing: createUser POST /users failed: URLError ("))
        #expect(!line.contains("abc"))
    }

    @Test func namesARequestWithoutAnOperationByItsMethodOnly() async throws {
        let lines = Recorder<String>()
        let transport = ScriptedTransport([])
        _ = try await transport.call(
            APIRequest(method: .delete, path: "/v1/users/42"), through: [LoggingMiddleware { lines.record($0) }])
        let line = try #require(lines.values.first)
        #expect(line.hasPrefix("apigen: <no operation> DELETE -> 200 ("))
        #expect(!line.contains("42 ") && !line.contains("/users"))
    }
}

@Suite("RetryMiddleware")
struct RetryMiddlewareTests {
    /// A retry middleware that records its waits instead of sleeping, with a fixed "random" number.
    func retry(
        maxAttempts: Int = 4, random: Double = 0.5, methods: Set<RequestMethod> = RetryMiddleware.idempotentMethods,
        now: Date = Date(timeIntervalSince1970: 1_700_000_000), sleeps: Recorder<Duration>
    ) -> RetryMiddleware {
        RetryMiddleware(
            maxAttempts: maxAttempts, baseDelay: .milliseconds(100), maxDelay: .milliseconds(1000),
            maxRetryAfter: .seconds(30), retryableMethods: methods, random: { random },
            sleep: { sleeps.record($0) }, now: { now })
    }

    func status(_ code: Int, _ headers: HeaderFields = [:]) -> ScriptedTransport.Step {
        .answer(APIResponse(status: code, headers: headers))
    }

    @Test func retriesServerErrorsWithJitteredExponentialBackoff() async throws {
        let sleeps = Recorder<Duration>()
        let transport = ScriptedTransport([status(500), status(502), status(504), status(200)])
        let response = try await transport.call(
            APIRequest(operation: getUser, path: "/users/1"), through: [retry(sleeps: sleeps)])
        #expect(response.status == 200)
        #expect(transport.requests.count == 4)
        // Ceilings 100, 200, 400 ms; the jitter draws half of each.
        #expect(sleeps.values == [.milliseconds(50), .milliseconds(100), .milliseconds(200)])
    }

    @Test func theBackoffIsCappedAndDrawnFromZeroToTheCeiling() {
        let sleeps = Recorder<Duration>()
        #expect(retry(random: 0.999_999, sleeps: sleeps).backoff(afterAttempt: 10) < .milliseconds(1000))
        #expect(retry(random: 0.999_999, sleeps: sleeps).backoff(afterAttempt: 10) > .milliseconds(999))
        #expect(retry(random: 0, sleeps: sleeps).backoff(afterAttempt: 3) == .zero)
        #expect(retry(random: 0.25, sleeps: sleeps).backoff(afterAttempt: 3) == .milliseconds(100))
        #expect(retry(random: 0.5, sleeps: sleeps).backoff(afterAttempt: 1000) == .milliseconds(500))
    }

    @Test func stopsAfterMaxAttemptsAndReturnsTheLastAnswer() async throws {
        let sleeps = Recorder<Duration>()
        let transport = ScriptedTransport([status(503), status(503), status(500), status(200)])
        let response = try await transport.call(
            APIRequest(operation: getUser, path: "/users/1"), through: [retry(maxAttempts: 3, sleeps: sleeps)])
        #expect(response.status == 500)
        #expect(transport.requests.count == 3)
        #expect(sleeps.values.count == 2)
    }

    @Test func retriesTransportErrorsAndRethrowsTheLast() async throws {
        let sleeps = Recorder<Duration>()
        let transport = ScriptedTransport([
            .fail(URLError(.networkConnectionLost)), .fail(URLError(.timedOut)), .fail(URLError(.cannotFindHost)),
        ])
        await #expect(throws: URLError(.cannotFindHost)) {
            try await transport.call(
                APIRequest(operation: getUser, path: "/users/1"), through: [retry(maxAttempts: 3, sleeps: sleeps)])
        }
        #expect(transport.requests.count == 3)

        let recovered = ScriptedTransport([.fail(URLError(.networkConnectionLost)), status(204)])
        let response = try await recovered.call(
            APIRequest(method: .delete, path: "/users/1"), through: [retry(sleeps: sleeps)])
        #expect(response.status == 204)
        #expect(recovered.requests.count == 2)
    }

    @Test func doesNotRetryPostUnlessConfigured() async throws {
        let sleeps = Recorder<Duration>()
        let request = APIRequest(
            method: .post, path: "/users", headers: ["Content-Type": "application/json"], body: Data("{}".utf8),
            operation: createUser)
        let once = ScriptedTransport([status(503), status(200)])
        #expect(try await once.call(request, through: [retry(sleeps: sleeps)]).status == 503)
        #expect(once.requests.count == 1)
        let failing = ScriptedTransport([.fail(URLError(.networkConnectionLost)), status(200)])
        await #expect(throws: URLError.self) { try await failing.call(request, through: [retry(sleeps: sleeps)]) }
        #expect(failing.requests.count == 1)
        #expect(sleeps.values.isEmpty)

        let configured = ScriptedTransport([status(503), status(201)])
        let response = try await configured.call(
            request, through: [retry(methods: RetryMiddleware.idempotentMethods.union([.post]), sleeps: sleeps)])
        #expect(response.status == 201)
        // The buffered body is sent again, whole.
        #expect(configured.requests.map { $0.body?.bufferedData } == [Data("{}".utf8), Data("{}".utf8)])
    }

    @Test func doesNotRetryClientErrorsOrSuccesses() async throws {
        let sleeps = Recorder<Duration>()
        for code in [200, 201, 400, 401, 404, 422, 501] {
            let transport = ScriptedTransport([status(code), status(200)])
            let response = try await transport.call(
                APIRequest(operation: getUser, path: "/users/1"), through: [retry(sleeps: sleeps)])
            #expect(response.status == code)
            #expect(transport.requests.count == 1)
        }
        #expect(sleeps.values.isEmpty)
    }

    @Test func honoursRetryAfterInSecondsAndAsAnHTTPDate() async throws {
        let sleeps = Recorder<Duration>()
        let now = Date(timeIntervalSince1970: 1_700_000_000)  // Tue, 14 Nov 2023 22:13:20 GMT
        let transport = ScriptedTransport([
            status(429, ["Retry-After": "7"]), status(503, ["Retry-After": "Tue, 14 Nov 2023 22:13:32 GMT"]),
            status(503, ["Retry-After": "Tuesday, 14-Nov-23 22:13:21 GMT"]),
            status(503, ["Retry-After": "Tue Nov 14 22:13:10 2023"]),  // in the past: no wait
            status(429, ["Retry-After": "soon"]),  // unreadable: the backoff
            status(200),
        ])
        let response = try await transport.call(
            APIRequest(operation: getUser, path: "/users/1"), through: [retry(maxAttempts: 6, now: now, sleeps: sleeps)]
        )
        #expect(response.status == 200)
        // The unreadable one waits the backoff after attempt 5: half of min(1000, 100 × 2⁴) ms.
        #expect(sleeps.values == [.seconds(7), .seconds(12), .seconds(1), .zero, .milliseconds(500)])
    }

    @Test func aRetryAfterBeyondTheCapReturnsTheAnswer() async throws {
        let sleeps = Recorder<Duration>()
        for value in ["31", "99999999999999999999999", "Wed, 15 Nov 2023 22:13:20 GMT"] {
            let transport = ScriptedTransport([status(503, ["Retry-After": value]), status(200)])
            let response = try await transport.call(
                APIRequest(operation: getUser, path: "/users/1"), through: [retry(sleeps: sleeps)])
            #expect(response.status == 503, "Retry-After: \(value)")
            #expect(transport.requests.count == 1)
        }
        #expect(sleeps.values.isEmpty)
    }

    @Test func aStreamedBodyIsSentOnce() async throws {
        let sleeps = Recorder<Duration>()
        let chunks = AsyncStream<Data> { continuation in
            continuation.yield(Data("part".utf8))
            continuation.finish()
        }
        let request = APIRequest(method: .put, path: "/files/1", body: APIBody(stream: chunks, length: 4))
        let transport = ScriptedTransport([status(503), status(200)])
        #expect(try await transport.call(request, through: [retry(sleeps: sleeps)]).status == 503)
        #expect(transport.requests.count == 1)
        #expect(sleeps.values.isEmpty)
    }

    @Test func cancellationIsNotRetried() async throws {
        let transport = ScriptedTransport([.fail(CancellationError()), status(200)])
        await #expect(throws: CancellationError.self) {
            try await transport.call(
                APIRequest(operation: getUser, path: "/users/1"), through: [retry(sleeps: Recorder<Duration>())])
        }
        #expect(transport.requests.count == 1)
    }
}

@Suite("TimeoutMiddleware")
struct TimeoutMiddlewareTests {
    /// A transport that never answers until it is cancelled, and records that it was.
    final class Silent: ClientTransport, @unchecked Sendable {
        let cancelled = Recorder<Bool>()
        func send(_ request: APIRequest, baseURL: URL) async throws -> APIResponse {
            do {
                try await Task.sleep(for: .seconds(3600))
            } catch {
                cancelled.record(true)
                throw error
            }
            return APIResponse(status: 200)
        }
    }

    @Test func aSilentTransportTimesOutAndIsCancelled() async throws {
        let transport = Silent()
        let middleware = TimeoutMiddleware(timeout: .milliseconds(50))
        let start = ContinuousClock.now
        await #expect(throws: ClientTimeout(timeout: .milliseconds(50), operation: getUser)) {
            try await middleware.intercept(
                APIRequest(operation: getUser, path: "/users/1"), baseURL: URL(string: "https://a.example")!
            ) { request, baseURL in try await transport.send(request, baseURL: baseURL) }
        }
        // Not a timing claim: only that the call ended rather than waiting for the hour.
        #expect(ContinuousClock.now - start < .seconds(600))
        #expect(transport.cancelled.values == [true])
    }

    @Test func anAnswerInTimeIsReturned() async throws {
        let transport = ScriptedTransport([.answer(APIResponse(status: 202, body: Data("ok".utf8)))])
        let response = try await transport.call(
            APIRequest(operation: getUser, path: "/users/1"), through: [TimeoutMiddleware(timeout: .seconds(60))])
        #expect(response.status == 202)
        #expect(response.body.bufferedData == Data("ok".utf8))
    }

    @Test func transportErrorsPassThrough() async throws {
        let transport = ScriptedTransport([.fail(URLError(.cannotConnectToHost))])
        await #expect(throws: URLError(.cannotConnectToHost)) {
            try await transport.call(
                APIRequest(operation: getUser, path: "/users/1"), through: [TimeoutMiddleware(timeout: .seconds(60))])
        }
    }

    @Test func theTimeoutDescribesTheOperationAndNoValue() {
        let timeout = ClientTimeout(timeout: .seconds(5), operation: getUser)
        #expect(timeout.description == "no answer within 5.0 seconds for getUser (GET /users/{user_id})")
        #expect("\(ClientError.transport(timeout))".hasPrefix("transport failed ("))
    }
}

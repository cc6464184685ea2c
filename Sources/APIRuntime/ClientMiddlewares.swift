import Foundation

/// Logs one line per call: the operation's id, method and path **template**, the status and the duration
/// in milliseconds, or the kind of error that ended the call.
///
/// The line never holds the concrete path (it may hold ids), a query or header value, a body, or a
/// credential: only what ``OperationInfo`` names, the status, the time and the error's type name. A
/// request without an operation is logged as `<no operation>` with its method.
///
/// ```
/// apigen: sendVerification POST /enterprise/users/send-verification/{user_id} -> 200 (12.4 ms)
/// apigen: sendVerification POST /enterprise/users/send-verification/{user_id} failed: ClientTimeout (5000.1 ms)
/// ```
///
/// The duration runs until the response's head arrives; a streamed body is read later, by the caller.
public struct LoggingMiddleware: ClientMiddleware {
    /// Receives each line, without a line break.
    public var sink: @Sendable (String) -> Void
    /// Starts each line, for example the program's or the service's name.
    public var prefix: String

    /// Creates a logging middleware writing to `sink`; by default each line goes to standard error, which
    /// a server's process supervisor (systemd, a container runtime) collects.
    public init(prefix: String = "apigen", sink: @escaping @Sendable (String) -> Void = LoggingMiddleware.standardError)
    {
        self.prefix = prefix
        self.sink = sink
    }

    /// Writes `line` and a line break to standard error.
    public static let standardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    public func intercept(
        _ request: APIRequest, baseURL: URL,
        next: @Sendable (APIRequest, URL) async throws -> APIResponse
    ) async throws -> APIResponse {
        let name =
            request.operation.map { "\($0.id) \($0.method) \($0.pathTemplate)" } ?? "<no operation> \(request.method)"
        let start = ContinuousClock.now
        do {
            let response = try await next(request, baseURL)
            sink("\(prefix): \(name) -> \(response.status) (\(Self.milliseconds(since: start)))")
            return response
        } catch {
            sink("\(prefix): \(name) failed: \(type(of: error)) (\(Self.milliseconds(since: start)))")
            throw error
        }
    }

    private static func milliseconds(since start: ContinuousClock.Instant) -> String {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return String(format: "%.1f ms", milliseconds)
    }
}

/// Sends a request again when it failed in a way that another attempt may fix: a transport error, or a
/// status in ``retryableStatuses`` (by default 429, 500, 502, 503, 504), for a method in
/// ``retryableMethods`` (by default the idempotent ones: GET, HEAD, PUT, DELETE, OPTIONS; add POST or
/// PATCH only for operations the server makes idempotent).
///
/// Attempt *n* (from 1) waits a random time between zero and `min(maxDelay, baseDelay × 2ⁿ⁻¹)` before
/// the next ("full jitter"). A 429 or 503 answer with `Retry-After` (seconds or an HTTP date) waits that
/// long instead; if it asks for more than ``maxRetryAfter``, the answer is returned without retrying.
///
/// Only a request without a body or with a buffered one (``APIBody/bufferedData``, what generated
/// clients send) is retried: a streamed body is read by the first attempt and cannot be replayed, so such
/// a request is sent once. Cancellation is never retried. When the attempts run out, the last answer is
/// returned or the last error thrown.
public struct RetryMiddleware: ClientMiddleware {
    /// The most attempts per call, the first included (at least 1).
    public var maxAttempts: Int
    /// The backoff's first ceiling; it doubles with each attempt.
    public var baseDelay: Duration
    /// The backoff's largest ceiling.
    public var maxDelay: Duration
    /// The longest `Retry-After` honoured; a longer one returns the answer.
    public var maxRetryAfter: Duration
    /// The methods retried.
    public var retryableMethods: Set<RequestMethod>
    /// The statuses retried.
    public var retryableStatuses: Set<Int>
    /// A random number in `0..<1`, for the jitter.
    public var random: @Sendable () -> Double
    /// Waits between attempts (throws when cancelled).
    public var sleep: @Sendable (Duration) async throws -> Void
    /// The current time, to read a `Retry-After` date.
    public var now: @Sendable () -> Date

    /// The idempotent methods: GET, HEAD, PUT, DELETE, OPTIONS.
    public static let idempotentMethods: Set<RequestMethod> = [.get, .head, .put, .delete, .options]

    /// Creates a retry middleware; `random`, `sleep` and `now` are there for tests.
    public init(
        maxAttempts: Int = 3,
        baseDelay: Duration = .milliseconds(100),
        maxDelay: Duration = .seconds(10),
        maxRetryAfter: Duration = .seconds(60),
        retryableMethods: Set<RequestMethod> = RetryMiddleware.idempotentMethods,
        retryableStatuses: Set<Int> = [429, 500, 502, 503, 504],
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
        self.retryableMethods = retryableMethods
        self.retryableStatuses = retryableStatuses
        self.random = random
        self.sleep = sleep
        self.now = now
    }

    public func intercept(
        _ request: APIRequest, baseURL: URL,
        next: @Sendable (APIRequest, URL) async throws -> APIResponse
    ) async throws -> APIResponse {
        let replayable = request.body == nil || request.body?.bufferedData != nil
        guard replayable, retryableMethods.contains(request.method) else { return try await next(request, baseURL) }
        var attempt = 1
        while true {
            let delay: Duration
            do {
                let response = try await next(request, baseURL)
                guard attempt < maxAttempts, retryableStatuses.contains(response.status) else { return response }
                if let retryAfter = retryAfter(response) {
                    guard retryAfter <= maxRetryAfter else { return response }
                    delay = retryAfter
                } else {
                    delay = backoff(afterAttempt: attempt)
                }
            } catch {
                if error is CancellationError || Task.isCancelled || attempt >= maxAttempts { throw error }
                delay = backoff(afterAttempt: attempt)
            }
            try await sleep(delay)
            attempt += 1
        }
    }

    /// The jittered wait after failed attempt `attempt` (from 1): random in `0...min(maxDelay, baseDelay × 2ⁿ⁻¹)`.
    public func backoff(afterAttempt attempt: Int) -> Duration {
        let ceiling = min(maxDelay, baseDelay * (1 << min(max(attempt - 1, 0), 30)))
        let nanoseconds = Double(ceiling.components.seconds) * 1e9 + Double(ceiling.components.attoseconds) / 1e9
        return .nanoseconds(Int64((nanoseconds * min(max(random(), 0), 1)).rounded(.down)))
    }

    /// The wait a 429 or 503 answer asks for with `Retry-After`; `nil` for other statuses or an unreadable value.
    public func retryAfter(_ response: APIResponse) -> Duration? {
        guard response.status == 429 || response.status == 503,
            let value = response.headers["Retry-After"]?.trimmingCharacters(in: .whitespaces)
        else { return nil }
        if !value.isEmpty, value.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            // Digits only; any number of more than 2⁴⁰ seconds is longer than any cap.
            guard let seconds = Int(value), seconds < 1 << 40 else { return .seconds(1 << 40) }
            return .seconds(seconds)
        }
        guard let date = Self.httpDate(value) else { return nil }
        return .milliseconds(max(0, Int((date.timeIntervalSince(now()) * 1000).rounded(.up))))
    }

    /// Parses an HTTP date (RFC 9110: IMF-fixdate, or the obsolete RFC 850 and asctime forms).
    static func httpDate(_ text: String) -> Date? {
        for format in ["EEE, dd MMM yyyy HH:mm:ss 'GMT'", "EEEE, dd-MMM-yy HH:mm:ss 'GMT'", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}

/// Fails a call that has no answer within ``timeout``: the request is cancelled and the call throws
/// ``ClientTimeout`` (which a generated client reports as ``ClientError/transport(_:)``).
///
/// The time runs until the response's head arrives (for a transport that buffers, such as
/// `URLSessionTransport`, until the whole body has). The transport must honour task cancellation, as
/// `URLSessionTransport` and `AsyncHTTPClientTransport` do (`InProcessTransport` when the handler does):
/// the call ends when the cancelled request does. Put it after a ``RetryMiddleware`` for a limit per attempt, before one for a
/// limit per call.
public struct TimeoutMiddleware: ClientMiddleware {
    /// The longest a call may wait for its answer.
    public var timeout: Duration

    /// Creates a timeout middleware.
    public init(timeout: Duration) { self.timeout = timeout }

    public func intercept(
        _ request: APIRequest, baseURL: URL,
        next: @Sendable (APIRequest, URL) async throws -> APIResponse
    ) async throws -> APIResponse {
        let timeout = timeout
        // The task group ends only when both of its tasks have, so `next` does not outlive this call.
        return try await withoutActuallyEscaping(next) { next in
            try await withThrowingTaskGroup(of: APIResponse?.self) { group in
                group.addTask { try await next(request, baseURL) }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let response = first else {
                    throw ClientTimeout(timeout: timeout, operation: request.operation)
                }
                return response
            }
        }
    }
}

/// A call had no answer within a ``TimeoutMiddleware``'s time.
public struct ClientTimeout: Error, Sendable, Hashable, CustomStringConvertible {
    /// The time allowed.
    public var timeout: Duration
    /// The operation called, if the request named one.
    public var operation: OperationInfo?

    /// Creates the error.
    public init(timeout: Duration, operation: OperationInfo?) {
        self.timeout = timeout
        self.operation = operation
    }

    public var description: String {
        "no answer within \(timeout)" + (operation.map { " for \($0.id) (\($0.method) \($0.pathTemplate))" } ?? "")
    }
}

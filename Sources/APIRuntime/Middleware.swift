import Foundation

/// Code that runs around every request a generated client sends: logging, retries, timeouts, tracing,
/// headers. A client's middlewares run in order, the first outermost; the last one calls the transport.
///
/// The request carries its operation's identity (``APIRequest/operation``), so a middleware names an
/// operation without parsing the path. Its body may be streamed: a middleware that reads it must pass on
/// a body that can still be read (``RetryMiddleware`` resends only buffered bodies, and sends a request
/// with a streamed body once).
public protocol ClientMiddleware: Sendable {
    /// Handles `request`, calling `next` (the rest of the chain, then the transport) zero or more times.
    func intercept(
        _ request: APIRequest, baseURL: URL,
        next: @Sendable (APIRequest, URL) async throws -> APIResponse
    ) async throws -> APIResponse
}

/// Code that runs around every request a generated server answers, after routing and before the
/// handler: logging, metrics, tracing, authentication policies. A registration's middlewares run in
/// order, the first outermost. ``ServerRequest/http``'s `operation` names the operation.
///
/// A middleware may throw a ``ServerError`` (answered with its status) or any error (500).
public protocol ServerMiddleware: Sendable {
    /// Handles `request`, calling `next` (the rest of the chain, then the operation) at most once.
    func intercept(
        _ request: ServerRequest,
        next: @Sendable (ServerRequest) async throws -> APIResponse
    ) async throws -> APIResponse
}

extension Array where Element == any ClientMiddleware {
    /// Sends `request` through every middleware, then `transport`.
    func send(
        _ request: APIRequest, baseURL: URL, transport: any ClientTransport
    ) async throws -> APIResponse {
        try await Self.run(self[...], request, baseURL, transport)
    }

    private static func run(
        _ chain: ArraySlice<any ClientMiddleware>, _ request: APIRequest, _ baseURL: URL,
        _ transport: any ClientTransport
    ) async throws -> APIResponse {
        guard let first = chain.first else { return try await transport.send(request, baseURL: baseURL) }
        let rest = chain.dropFirst()
        return try await first.intercept(request, baseURL: baseURL) { request, baseURL in
            try await run(rest, request, baseURL, transport)
        }
    }
}

extension Array where Element == any ServerMiddleware {
    /// Runs `request` through every middleware, then `handler`.
    func run(
        _ request: ServerRequest, handler: @escaping @Sendable (ServerRequest) async throws -> APIResponse
    ) async throws -> APIResponse {
        try await Self.run(self[...], request, handler)
    }

    private static func run(
        _ chain: ArraySlice<any ServerMiddleware>, _ request: ServerRequest,
        _ handler: @escaping @Sendable (ServerRequest) async throws -> APIResponse
    ) async throws -> APIResponse {
        guard let first = chain.first else { return try await handler(request) }
        let rest = chain.dropFirst()
        return try await first.intercept(request) { request in try await run(rest, request, handler) }
    }
}

/// What generated servers use to register operations.
@_spi(Generated) public enum ServerSupport {
    /// The handler a registrar receives for `operation`: it stamps the request with the operation,
    /// runs `middlewares` around `body`, and turns errors into responses.
    /// - Parameter errors: How the errors become responses: the service's ``APIService/errorResponse(for:)``
    ///   when its definition names an `errorBody`.
    public static func handler(
        _ operation: OperationInfo, middlewares: [any ServerMiddleware],
        errors: @escaping ServerErrorResponder = { $0.response },
        _ body: @escaping @Sendable (ServerRequest) async throws -> APIResponse
    ) -> OperationHandler {
        { request in
            var request = request
            request.http.operation = operation
            return await answer(request, errors: errors) { try await middlewares.run($0, handler: body) }
        }
    }
}

extension ServerSupport {
    /// The status a handler chose for an output case that covers a range (`4XX`) or is `default`:
    /// `status` when the case covers it, else a ``ServerError`` (500) that says why, so that a wrong
    /// status never goes on the wire.
    /// - Parameters:
    ///   - status: The status the handler put in the case.
    ///   - name: The case's name, for the error's message.
    ///   - range: The statuses the case covers on its own (`400...499`; `100...599` for `default`).
    ///   - documented: The statuses in `range` that other cases of the output document.
    ///   - documentedRanges: The ranges other cases document (for `default`).
    public static func status(
        _ status: Int, case name: String, in range: ClosedRange<Int>, documented: [Int] = [],
        documentedRanges: [ClosedRange<Int>] = []
    ) throws(ServerError) -> Int {
        let reason: String
        if !range.contains(status) {
            reason = "\(status) is not in \(range.lowerBound)...\(range.upperBound)"
        } else if documented.contains(status) || documentedRanges.contains(where: { $0.contains(status) }) {
            reason = "\(status) has its own case"
        } else {
            return status
        }
        throw ServerError(status: 500, message: "the handler answered .\(name) with status \(status): \(reason)")
    }

    /// Calls `body`, answering a ``ServerError`` with its status and any other error with 500.
    static func answer(
        _ request: ServerRequest, errors: ServerErrorResponder = { $0.response },
        _ body: (ServerRequest) async throws -> APIResponse
    ) async -> APIResponse {
        do {
            return try await body(request)
        } catch let error as ServerError {
            return errors(error)
        } catch {
            return errors(ServerError(status: 500, message: "internal server error"))
        }
    }
}

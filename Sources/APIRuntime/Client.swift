import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Sends a request to a server and returns its response.
public protocol ClientTransport: Sendable {
    /// Sends `request` to the server at `baseURL` (the request's path is appended to its path).
    func send(_ request: APIRequest, baseURL: URL) async throws -> APIResponse
}

/// Why a generated client call failed before it had a documented answer.
///
/// Its ``description`` never contains a credential, the value of a sensitive field or parameter, or any
/// value taken from the request or the response: validation reasons name the field and the rule, and a
/// transport failure shows only its error's domain and code (the error itself is in the case).
public enum ClientError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The request breaks the definition's constraints; nothing was sent.
    case invalidRequest(ValidationErrors)
    /// A credential the operation needs was not configured on the client.
    case missingCredential(scheme: String)
    /// The server's answer for a documented status did not decode or validate.
    case invalidResponse(status: Int, ValidationErrors)
    /// The transport could not complete the exchange.
    case transport(any Error)
    /// The server answered an error status the operation does not document with the service's error
    /// body (its definition's `errorBody`): `catch .serviceError(let status, let body as TwilioError)`.
    case serviceError(status: Int, body: any ServiceErrorBody)

    public var description: String {
        switch self {
        case .invalidRequest(let errors): "invalid request: \(errors)"
        case .missingCredential(let scheme): "missing credential for the auth scheme '\(scheme)'"
        case .invalidResponse(let status, let errors): "invalid response body for status \(status): \(errors)"
        case .transport(let error):
            // Only the error's domain and code: a transport's own description can carry the request's URL
            // (with its query) or headers, and with them a credential or a sensitive parameter.
            "transport failed (\((error as NSError).domain) error \((error as NSError).code))"
        // The body's type only: its values came from the server.
        case .serviceError(let status, let body): "the server answered \(status) with its error body (\(type(of: body)))"
        }
    }

    public var debugDescription: String { description }

    /// `dump` shows the description only: the transport's error may hold the request's URL or headers.
    public var customMirror: Mirror { Mirror(self, children: ["description": description], displayStyle: .enum) }
}

/// A transport over `URLSession` (FoundationNetworking on Linux).
public struct URLSessionTransport: ClientTransport {
    public let session: URLSession

    public init(session: URLSession = .shared) { self.session = session }

    public func send(_ request: APIRequest, baseURL: URL) async throws -> APIResponse {
        guard let url = URL(string: baseURL.absoluteString.trimmingSuffix("/") + request.target) else {
            throw URLError(.badURL)
        }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method.rawValue
        for field in request.headers { urlRequest.addValue(field.value, forHTTPHeaderField: field.name) }
        if let body = request.body {
            // FoundationNetworking has no streaming upload from an async sequence: the body is collected.
            urlRequest.httpBody = try await body.collect(upTo: .max)
        }
        let (data, response) = try await session.data(for: urlRequest)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var headers = HeaderFields()
        for (name, value) in http.allHeaderFields {
            headers.add(String(describing: name), String(describing: value))
        }
        return APIResponse(status: http.statusCode, headers: headers, body: APIBody(data))
    }
}

/// A transport that hands each request to a server ``APIRouter`` in the same process: no sockets,
/// the same bytes a network would carry. For tests, previews and embedding.
public struct InProcessTransport: ClientTransport {
    public let router: APIRouter

    public init(router: APIRouter) { self.router = router }

    public func send(_ request: APIRequest, baseURL: URL) async throws -> APIResponse {
        var routed = request
        let basePath = baseURL.path.trimmingSuffix("/")
        routed.path = basePath + request.path
        return await router.handle(routed)
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}

/// What generated clients use to build requests and read responses.
@_spi(Generated) public enum ClientSupport {
    /// The largest response body a generated client collects to decode a typed body (64 MiB), unless the
    /// client sets its own `maxResponseBodyBytes`.
    public static let defaultMaxResponseBodyBytes = 64 << 20

    /// Validates a request value; throws ``ClientError/invalidRequest(_:)`` before any I/O.
    public static func validate(_ value: some Constrained, path: String = "") throws(ClientError) {
        var validator = ConstraintChecker(direction: .request)
        if path.isEmpty { value.validate(&validator) } else { validator.nested(value, path) }
        if !validator.errors.isEmpty { throw .invalidRequest(ValidationErrors(validator.errors)) }
    }

    /// Encodes a JSON request body and sets `Content-Type`.
    public static func setJSONBody(_ value: some Encodable, on request: inout APIRequest) throws(ClientError) {
        do {
            request.body = APIBody(try JSONCoding.encode(value))
        } catch {
            throw .invalidRequest(
                ValidationErrors([ValidationError(path: "", reason: "could not be encoded: \(error)")]))
        }
        request.headers["Content-Type"] = MediaType.json
    }

    /// Decodes and validates a JSON response body for a documented status.
    public static func decodeJSON<T: Decodable>(_ type: T.Type, from response: APIResponse) throws(ClientError) -> T {
        do {
            return try JSONCoding.decode(T.self, from: response.body.bufferedData ?? Data(), direction: .response)
        } catch {
            throw .invalidResponse(status: response.status, error)
        }
    }

    /// The body of a response whose status or schema the definition does not document.
    public static func rawBody(of response: APIResponse) -> RawBody {
        RawBody(contentType: response.headers["Content-Type"], data: response.body.bufferedData ?? Data())
    }

    /// Sends through `middlewares` and `transport`, wrapping their failures in ``ClientError/transport(_:)``,
    /// and collects the response body (at most `maxBodyBytes`; more is an ``ClientError/invalidResponse(status:_:)``)
    /// for the decoders, which read buffered bodies. The body of an answer whose status is in
    /// `streamingStatuses` (an event stream) is left to stream. With a `tokenProvider`, a
    /// ``TokenRefreshMiddleware`` runs after `middlewares`, closest to the transport.
    public static func send(
        _ request: APIRequest, baseURL: URL, transport: any ClientTransport,
        middlewares: [any ClientMiddleware] = [], tokenProvider: (any AccessTokenProvider)? = nil,
        maxBodyBytes: Int = defaultMaxResponseBodyBytes, streamingStatuses: [Int] = []
    ) async throws(ClientError) -> APIResponse {
        var response: APIResponse
        let chain = tokenProvider.map { middlewares + [TokenRefreshMiddleware(provider: $0)] } ?? middlewares
        do {
            response = try await chain.send(request, baseURL: baseURL, transport: transport)
        } catch let error as ClientError {
            throw error
        } catch {
            throw .transport(error)
        }
        if response.body.bufferedData == nil, !streamingStatuses.contains(response.status) {
            do {
                response.body = APIBody(try await response.body.collect(upTo: maxBodyBytes))
            } catch is APIBody.TooLarge {
                throw .invalidResponse(
                    status: response.status,
                    ValidationErrors([
                        ValidationError(path: "", reason: "the body is larger than \(maxBodyBytes) bytes")
                    ]))
            } catch {
                throw .transport(error)
            }
        }
        return response
    }
}

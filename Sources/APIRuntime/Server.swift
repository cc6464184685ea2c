import Foundation

/// An error a route answers with instead of calling the handler: a status and a JSON body
/// `{"error": message, "fields": [{"path": …, "reason": …}]}`.
public struct ServerError: Error, Sendable, Hashable, CustomStringConvertible {
    public var status: Int
    public var message: String
    public var fields: [ValidationError]
    public var headers: HeaderFields

    public init(status: Int, message: String, fields: [ValidationError] = [], headers: HeaderFields = [:]) {
        self.status = status
        self.message = message
        self.fields = fields
        self.headers = headers
    }

    /// 400: the request does not satisfy the definition.
    public static func badRequest(_ message: String, fields: [ValidationError] = []) -> ServerError {
        ServerError(status: 400, message: message, fields: fields)
    }

    /// 401 with a `WWW-Authenticate` challenge.
    public static func unauthorized(_ message: String, challenge: String = "Bearer") -> ServerError {
        ServerError(status: 401, message: message, headers: ["WWW-Authenticate": challenge])
    }

    /// 501: the handler does not implement this operation yet.
    public static func notImplemented(_ operation: String) -> ServerError {
        ServerError(status: 501, message: "operation '\(operation)' is not implemented")
    }

    /// The response that carries this error.
    public var response: APIResponse {
        struct Body: Encodable {
            var error: String
            var fields: [ValidationError]?
        }
        let body = (try? JSONCoding.encode(Body(error: message, fields: fields.isEmpty ? nil : fields))) ?? Data()
        var headers = self.headers
        headers["Content-Type"] = MediaType.json
        return APIResponse(status: status, headers: headers, body: APIBody(body))
    }

    public var description: String { "\(status) \(message)" + (fields.isEmpty ? "" : ": \(ValidationErrors(fields))") }
}

/// A request matched to a route, with its path parameters (percent-decoded).
public struct ServerRequest: Sendable {
    public var http: APIRequest
    public var pathParameters: [String: String]
    /// The router's limits; bodies are decoded within them.
    public var limits: ServerLimits

    public init(http: APIRequest, pathParameters: [String: String], limits: ServerLimits = .default) {
        self.http = http
        self.pathParameters = pathParameters
        self.limits = limits
    }

    /// A path parameter the route template declares.
    public func pathParameter(_ name: String) throws(ServerError) -> String {
        guard let value = pathParameters[name] else {
            throw .badRequest("missing path parameter", fields: [ValidationError(path: name, reason: "required")])
        }
        return value
    }

    /// The token of an `Authorization: Bearer <token>` header; 401 when it is missing or malformed.
    public func bearerToken() throws(ServerError) -> String {
        guard let value = http.headers["Authorization"] else {
            throw .unauthorized("missing Authorization header")
        }
        if let token = ASCIIFastPaths.bearerToken(value) { return token }
        let parts = value.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].caseInsensitiveCompare("Bearer") == .orderedSame,
            !parts[1].trimmingCharacters(in: .whitespaces).isEmpty
        else {
            throw .unauthorized("malformed Authorization header: expected 'Bearer <token>'")
        }
        return String(parts[1]).trimmingCharacters(in: .whitespaces)
    }

}

@_spi(Generated) extension ServerRequest {
    /// This request with its body collected into memory, within ``limits``' `maxBodyBytes` (413 when it is
    /// larger). Generated code calls it before it decodes a typed body.
    public func collectingBody() async throws(ServerError) -> ServerRequest {
        guard let body = http.body, body.bufferedData == nil else { return self }
        var collected = self
        do {
            collected.http.body = APIBody(try await body.collect(upTo: limits.maxBodyBytes))
        } catch is APIBody.TooLarge {
            throw ServerError(status: 413, message: "the body is larger than \(limits.maxBodyBytes) bytes")
        } catch {
            throw .badRequest("the request body could not be read")
        }
        return collected
    }

    /// Decodes a JSON body; 400 naming the field and the reason when it does not decode,
    /// 415 when the body is not JSON. Validation happens once the whole input is built
    /// (``validate(_:)``).
    public func decodeJSONBody<T: Decodable>(_ type: T.Type) throws(ServerError) -> T {
        if let contentType = http.headers["Content-Type"], MediaType.essence(of: contentType) != MediaType.json {
            throw ServerError(
                status: 415, message: "unsupported content type '\(contentType)'; expected \(MediaType.json)")
        }
        guard let body = http.body?.bufferedData, !body.isEmpty else {
            throw .badRequest("a request body is required")
        }
        do {
            return try JSONCoding.decode(T.self, from: body, validate: false)
        } catch {
            throw .badRequest("invalid request body", fields: error.errors)
        }
    }

    /// Decodes an optional JSON body: `nil` when the request has none (no body, or an empty one, whatever
    /// its `Content-Type`); otherwise as ``decodeJSONBody(_:)``.
    public func decodeJSONBodyIfPresent<T: Decodable>(_ type: T.Type) throws(ServerError) -> T? {
        guard hasBody else { return nil }
        return try decodeJSONBody(T.self)
    }

    /// Whether the collected request carries a body of at least one byte.
    var hasBody: Bool { !(http.body?.bufferedData?.isEmpty ?? true) }

    /// A path parameter converted to its type; 400 when it does not convert.
    public func pathParameter<T: ParameterValue>(_ name: String, as type: T.Type) throws(ServerError) -> T {
        try convert(try pathParameter(name), name)
    }

    /// An optional query parameter; 400 when present but not convertible.
    public func query<T: ParameterValue>(_ name: String, as type: T.Type) throws(ServerError) -> T? {
        guard let text = http.queryValue(name) else { return nil }
        return try convert(text, name)
    }

    /// A required query parameter; 400 when missing or not convertible.
    public func requiredQuery<T: ParameterValue>(_ name: String, as type: T.Type) throws(ServerError) -> T {
        guard let value = try query(name, as: T.self) else {
            throw .badRequest("missing query parameter", fields: [ValidationError(path: name, reason: "required")])
        }
        return value
    }

    /// An optional header parameter; 400 when present but not convertible.
    public func header<T: ParameterValue>(_ name: String, as type: T.Type) throws(ServerError) -> T? {
        guard let text = http.headers[name] else { return nil }
        return try convert(text, name)
    }

    /// A required header parameter; 400 when missing or not convertible.
    public func requiredHeader<T: ParameterValue>(_ name: String, as type: T.Type) throws(ServerError) -> T {
        guard let value = try header(name, as: T.self) else {
            throw .badRequest("missing header", fields: [ValidationError(path: name, reason: "required")])
        }
        return value
    }

    private func convert<T: ParameterValue>(_ text: String, _ name: String) throws(ServerError) -> T {
        guard let value = T(parameterValue: text) else {
            throw .badRequest(
                "invalid parameter",
                fields: [ValidationError(path: name, reason: "is not \(TextTreeReader.describe(T.self))")]
            )
        }
        return value
    }

    /// Validates the assembled input; 400 listing every field path and reason.
    public func validate(_ input: some Constrained) throws(ServerError) {
        let errors = input.validationErrors(direction: .request)
        if !errors.isEmpty { throw .badRequest("invalid request", fields: errors) }
    }
}

@_spi(Generated) extension APIResponse {
    /// A JSON response with `Content-Type: application/json`.
    public static func json(status: Int, _ value: some Encodable) throws -> APIResponse {
        APIResponse(status: status, headers: ["Content-Type": MediaType.json], body: try JSONCoding.encode(value))
    }

    /// A response with a body the definition does not document.
    public static func raw(status: Int, _ body: RawBody) -> APIResponse {
        var headers = HeaderFields()
        if let contentType = body.contentType { headers["Content-Type"] = contentType }
        return APIResponse(status: status, headers: headers, body: body.data)
    }
}

/// Serves a generated service's operations: a server framework's router, or the built-in ``APIRouter``.
///
/// A generated handler's `register(on:middlewares:)` calls ``register(_:handler:)`` once per operation,
/// with its method and path template (`/users/{user_id}`, relative to the service's base path) in
/// ``OperationInfo``. A conformer routes the method and the template its own way, and for a matched
/// request calls the handler with a ``ServerRequest`` holding the path parameters it extracted,
/// percent-decoded, by the names in the template. The handler answers every request: errors are already
/// responses, and the server middlewares already ran.
public protocol OperationRegistrar {
    /// Adds one operation.
    mutating func register(_ operation: OperationInfo, handler: @escaping OperationHandler)
}

/// Answers one matched request of an operation; never fails (errors are responses).
public typealias OperationHandler = @Sendable (ServerRequest) async -> APIResponse

/// Matches requests to routes by method and path template (`/users/{user_id}`), and turns
/// errors into responses: 404 for an unknown path, 405 with `Allow` for a known path with another
/// method, the status of a ``ServerError``, and 500 for anything else.
///
/// The built-in ``OperationRegistrar``: hand it requests with ``handle(_:)``, in process
/// (``InProcessTransport``) or from any server.
public struct APIRouter: Sendable, OperationRegistrar {
    /// Answers one matched request of a route added with ``add(_:_:handler:)``.
    public typealias Handler = @Sendable (ServerRequest) async throws -> APIResponse

    /// A path prefix every route sits under, for example `/v1`.
    public var basePath: String
    /// What a request may be: checked before routing, answered with 413, 414 or 431 (``ServerLimits``).
    public var limits: ServerLimits
    /// How the router answers the errors it produces itself (limits, 404, 405, and the ``ServerError``s of
    /// routes added with ``add(_:_:handler:)``): ``ServerError/response`` unless a service's `makeRouter`
    /// sets its own (a definition's `errorBody`).
    public var errorResponse: ServerErrorResponder = { $0.response }
    private var root = Node()

    public init(basePath: String = "", limits: ServerLimits = .default) {
        self.basePath = basePath.trimmingSuffix("/")
        self.limits = limits
    }

    private struct Node: Sendable {
        var literals: [String: Node] = [:]
        var parameterName: String?
        var parameter: [Node] = []  // zero or one child; an array keeps the recursive value type simple
        var handlers: [RequestMethod: Handler] = [:]
    }

    /// Adds an operation (``OperationRegistrar``).
    public mutating func register(_ operation: OperationInfo, handler: @escaping OperationHandler) {
        add(operation.method, operation.pathTemplate) { request in await handler(request) }
    }

    /// Adds a route. Templates use `{name}` for a whole path segment.
    public mutating func add(_ method: RequestMethod, _ template: String, handler: @escaping Handler) {
        let segments = template.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        Self.insert(method, segments[...], handler, into: &root)
    }

    private static func insert(
        _ method: RequestMethod, _ segments: ArraySlice<String>, _ handler: @escaping Handler, into node: inout Node
    ) {
        guard let first = segments.first else {
            node.handlers[method] = handler
            return
        }
        let rest = segments.dropFirst()
        if first.hasPrefix("{"), first.hasSuffix("}") {
            node.parameterName = String(first.dropFirst().dropLast())
            if node.parameter.isEmpty { node.parameter = [Node()] }
            insert(method, rest, handler, into: &node.parameter[0])
        } else {
            insert(method, rest, handler, into: &node.literals[first, default: Node()])
        }
    }

    /// Answers a request; never throws. A request over ``limits`` is answered before it is routed.
    public func handle(_ request: APIRequest) async -> APIResponse {
        if let violation = limits.violation(request) { return errorResponse(violation) }
        var path = request.path
        if !basePath.isEmpty {
            guard path == basePath || path.hasPrefix(basePath + "/") else {
                return errorResponse(ServerError(status: 404, message: "no route for this path"))
            }
            path = String(path.dropFirst(basePath.count))
        }
        var parameters: [String: String] = [:]
        guard let node = Self.match(path.split(separator: "/", omittingEmptySubsequences: true)[...], root, &parameters)
        else {
            return errorResponse(ServerError(status: 404, message: "no route for this path"))
        }
        guard let handler = node.handlers[request.method] else {
            let allow = node.handlers.keys.sorted().map(\.rawValue).joined(separator: ", ")
            return errorResponse(
                ServerError(
                    status: 405, message: "method \(request.method) not allowed; allowed: \(allow)",
                    headers: ["Allow": allow]))
        }
        return await ServerSupport.answer(
            ServerRequest(http: request, pathParameters: parameters, limits: limits), errors: errorResponse
        ) {
            try await handler($0)
        }
    }

    private static func match(
        _ segments: ArraySlice<Substring>, _ node: Node, _ parameters: inout [String: String]
    ) -> Node? {
        guard let first = segments.first else { return node.handlers.isEmpty ? nil : node }
        let rest = segments.dropFirst()
        if let child = node.literals[String(first)], let found = match(rest, child, &parameters) {
            return found
        }
        if let name = node.parameterName, let child = node.parameter.first,
            let value = PercentEncoding.decodePathSegment(first)
        {
            parameters[name] = value
            if let found = match(rest, child, &parameters) { return found }
            parameters[name] = nil
        }
        return nil
    }
}

/// A generated service's handler, as a server mounts it: every `<Service>Handler` protocol refines this
/// one, and its extension implements both requirements. Server adapters take any `APIService`.
public protocol APIService: Sendable {
    /// The path prefix of the service's operations: the path of the definition's base URL (`/v1`), or `""`.
    var defaultBasePath: String { get }

    /// Adds every operation of the service to `registrar`, each behind `middlewares` (in order).
    func register(on registrar: inout some OperationRegistrar, middlewares: [any ServerMiddleware])

    /// The response to an error the server answers by itself: ``ServerError/response``, or the body the
    /// definition's `errorBody` names. A server adapter answers its own errors (limits, 405) with it.
    func errorResponse(for error: ServerError) -> APIResponse
}

// What Tests/Fixtures/Reference/error-body-drf.json generates: FieldErrors, DemoClient.ping, DemoHandler, DemoHandler.errorResponse.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: FieldErrors
/// Django REST framework's errors: {"field": ["message"]}, and the messages about no one field.
public struct FieldErrors: Sendable, Hashable {
    public var nonFieldErrors: [String]?

    /// The members beside the fields, by name.
    ///
    /// A name a field takes is refused by validation and never encoded.
    public var additionalProperties: [String: AnyJSON]

    /// Creates a `FieldErrors`.
    ///
    /// - Parameters:
    ///   - additionalProperties: The members beside the fields, by name.
    public init(nonFieldErrors: [String]? = nil, additionalProperties: [String: AnyJSON] = [:]) {
        self.nonFieldErrors = nonFieldErrors
        self.additionalProperties = additionalProperties
    }
}

// Models.swift: FieldErrors
extension FieldErrors: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.rest(self.additionalProperties, declared: Self.declaredMembers)
    }
}

// Models.swift: FieldErrors
extension FieldErrors {
    /// The wire names the fields take; every other member goes to `additionalProperties`.
    static let declaredMembers: Set<String> = ["non_field_errors"]
}

// JSONCoding.swift: FieldErrors
extension FieldErrors: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.nonFieldErrors = try container.decodeIfPresent([String].self, forKey: "non_field_errors")
        self.additionalProperties = try container.decodeRest(AnyJSON.self, declared: Self.declaredMembers)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(self.nonFieldErrors, forKey: "non_field_errors")
        try container.encodeRest(self.additionalProperties, declared: Self.declaredMembers)
    }
}

// Client.swift: FieldErrors
/// The body of the errors the server answers by itself: see ``ClientError/serviceError(status:body:)``.
extension FieldErrors: ServiceErrorBody {}

// Client.swift: DemoClient.ping
/// `GET /ping`
///
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport, or
///   `serviceError` with a `FieldErrors` for an undocumented error status).
public func ping() async throws(ClientError) -> PingOutput {
    try await ping(PingInput())
}

// Client.swift: DemoClient.ping
/// Calls `GET /ping`. Takes the input as one value.
///
/// - Parameter input: The parameters and body.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport, or
///   `serviceError` with a `FieldErrors` for an undocumented error status).
public func ping(_ input: PingInput) async throws(ClientError) -> PingOutput {
    try ClientSupport.validate(input)
    let request = APIRequest(operation: PingInput.operation, path: "/ping")
    let response = try await ClientSupport.send(
        request,
        baseURL: baseURL,
        transport: transport,
        middlewares: middlewares,
        maxBodyBytes: maxResponseBodyBytes)
    switch response.status {
    case 204:
        return .noContent(ClientSupport.rawBody(of: response))
    default:
        try ClientSupport.throwServiceError(FieldErrors.self, from: response)
        return .undocumented(status: response.status, body: ClientSupport.rawBody(of: response))
    }
}

// Server.swift: DemoHandler
/// Serves Demo API: implement every operation.
///
/// An operation added to the definition, or one whose signature changes, is a compile error
/// until the handler follows. To serve only some operations, adopt
/// ``DemoPartialHandler`` instead: the others answer 501 Not Implemented.
public protocol DemoHandler: APIService {
    /// `GET /ping`
    ///
    /// - Parameter input: The parameters and body, already validated.
    /// - Returns: The answer to encode.
    /// - Throws: A ``ServerError`` to answer with its status; any other error answers 500.
    func ping(_ input: PingInput) async throws -> PingOutput

    /// The body of every error the server answers by itself (a request that does not satisfy the
    /// definition, auth, routing, content negotiation, limits, a thrown ``ServerError``), written
    /// as JSON with the error's status and headers (`WWW-Authenticate`, `Allow`).
    ///
    /// - Parameter error: What went wrong: the status, a message, and the field paths and reasons.
    /// - Returns: The body to answer with.
    func errorBody(for error: ServerError) -> FieldErrors
}

// Server.swift: DemoHandler
extension DemoHandler {
    /// The path of the definition's base URL (`/v1`), under which a server mounts the operations.
    public var defaultBasePath: String { DemoClient.defaultBaseURL.path }

    /// A router that serves every operation of Demo API with this handler.
    ///
    /// - Parameters:
    ///   - basePath: The path prefix of every route; by default the path of the
    ///     definition's base URL (`/v1`).
    ///   - limits: What a request may be.
    ///   - middlewares: What every request passes through, in order, before the handler.
    /// - Returns: A router to hand requests to, for example through ``InProcessTransport``.
    public func makeRouter(
        basePath: String? = nil,
        limits: ServerLimits = .default,
        middlewares: [any ServerMiddleware] = []
    ) -> APIRouter {
        var router = APIRouter(basePath: basePath ?? defaultBasePath, limits: limits)
        router.errorResponse = { self.errorResponse(for: $0) }
        register(on: &router, middlewares: middlewares)
        return router
    }

    /// Adds every operation of Demo API to `registrar`: the built-in ``APIRouter`` or a server framework's.
    ///
    /// - Parameters:
    ///   - registrar: Where the operations go; their path templates are relative to the base path.
    ///   - middlewares: What every request passes through, in order, before the handler.
    public func register(on registrar: inout some OperationRegistrar, middlewares: [any ServerMiddleware] = []) {
        let errors: ServerErrorResponder = { self.errorResponse(for: $0) }
        registrar.register(
            PingInput.operation,
            handler: ServerSupport.handler(PingInput.operation, middlewares: middlewares, errors: errors) { request in
                let input = PingInput()
                try request.validate(input)
                switch try await self.ping(input) {
                case .noContent(let body):
                    return .raw(status: 204, body)
                case .undocumented(let status, let body):
                    return .raw(status: status, body)
                }
            })
    }

    /// The response to an error the server answers by itself: ``errorBody(for:)`` as JSON.
    public func errorResponse(for error: ServerError) -> APIResponse {
        ServerSupport.errorResponse(error, body: errorBody(for: error))
    }
}

// Server.swift: DemoHandler.errorResponse
/// The response to an error the server answers by itself: ``errorBody(for:)`` as JSON.
public func errorResponse(for error: ServerError) -> APIResponse {
    ServerSupport.errorResponse(error, body: errorBody(for: error))
}

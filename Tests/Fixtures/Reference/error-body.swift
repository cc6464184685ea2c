// What Tests/Fixtures/Reference/error-body.json generates: Problem, DemoClient.getItem, DemoHandler, DemoHandler.makeRouter, DemoHandler.register, DemoHandler.errorResponse.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Problem
/// Twilio's error body.
public struct Problem: Sendable, Hashable {
    public var code: Int

    public var message: String

    public var moreInfo: String?

    public var status: Int

    /// Creates a `Problem`.
    public init(code: Int, message: String, moreInfo: String? = nil, status: Int) {
        self.code = code
        self.message = message
        self.moreInfo = moreInfo
        self.status = status
    }
}

// Models.swift: Problem
extension Problem: Unconstrained {}

// JSONCoding.swift: Problem
extension Problem: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.code = try container.decode(Int.self, forKey: "code")
        self.message = try container.decode(String.self, forKey: "message")
        self.moreInfo = try container.decodeIfPresent(String.self, forKey: "more_info")
        self.status = try container.decode(Int.self, forKey: "status")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.code, forKey: "code")
        try container.encode(self.message, forKey: "message")
        try container.encodeIfPresent(self.moreInfo, forKey: "more_info")
        try container.encode(self.status, forKey: "status")
    }
}

// Client.swift: Problem
/// The body of the errors the server answers by itself: see ``ClientError/serviceError(status:body:)``.
extension Problem: ServiceErrorBody {}

// Client.swift: DemoClient.getItem
/// `GET /items/{id}`
///
/// - Parameters:
///   - id:
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport, or
///   `serviceError` with a `Problem` for an undocumented error status).
public func getItem(id: String) async throws(ClientError) -> GetItemOutput {
    try await getItem(GetItemInput(id: id))
}

// Client.swift: DemoClient.getItem
/// Calls `GET /items/{id}`. Takes the input as one value.
///
/// - Parameter input: The parameters and body.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport, or
///   `serviceError` with a `Problem` for an undocumented error status).
public func getItem(_ input: GetItemInput) async throws(ClientError) -> GetItemOutput {
    try ClientSupport.validate(input)
    var request = APIRequest(operation: GetItemInput.operation, path: PathTemplate.expand("/items/{id}", input.id))
    request.headers["Accept"] = MediaType.json
    let response = try await ClientSupport.send(
        request,
        baseURL: baseURL,
        transport: transport,
        middlewares: middlewares,
        maxBodyBytes: maxResponseBodyBytes)
    switch response.status {
    case 200:
        return .ok(try ClientSupport.decodeJSON(Item.self, from: response))
    default:
        try ClientSupport.throwServiceError(Problem.self, from: response)
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
    /// `GET /items/{id}`
    ///
    /// - Parameter input: The parameters and body, already validated.
    /// - Returns: The answer to encode.
    /// - Throws: A ``ServerError`` to answer with its status; any other error answers 500.
    func getItem(_ input: GetItemInput) async throws -> GetItemOutput

    /// The body of every error the server answers by itself (a request that does not satisfy the
    /// definition, auth, routing, content negotiation, limits, a thrown ``ServerError``), written
    /// as JSON with the error's status and headers (`WWW-Authenticate`, `Allow`).
    ///
    /// - Parameter error: What went wrong: the status, a message, and the field paths and reasons.
    /// - Returns: The body to answer with.
    func errorBody(for error: ServerError) -> Problem
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
            GetItemInput.operation,
            handler: ServerSupport.handler(GetItemInput.operation, middlewares: middlewares, errors: errors) {
                request in
                try request.checkAccept([.json])
                let input = GetItemInput(id: try request.pathParameter("id", as: String.self))
                try request.validate(input)
                switch try await self.getItem(input) {
                case .ok(let body):
                    return try .json(status: 200, body)
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

// Server.swift: DemoHandler.makeRouter
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

// Server.swift: DemoHandler.register
/// Adds every operation of Demo API to `registrar`: the built-in ``APIRouter`` or a server framework's.
///
/// - Parameters:
///   - registrar: Where the operations go; their path templates are relative to the base path.
///   - middlewares: What every request passes through, in order, before the handler.
public func register(on registrar: inout some OperationRegistrar, middlewares: [any ServerMiddleware] = []) {
    let errors: ServerErrorResponder = { self.errorResponse(for: $0) }
    registrar.register(
        GetItemInput.operation,
        handler: ServerSupport.handler(GetItemInput.operation, middlewares: middlewares, errors: errors) {
            request in
            try request.checkAccept([.json])
            let input = GetItemInput(id: try request.pathParameter("id", as: String.self))
            try request.validate(input)
            switch try await self.getItem(input) {
            case .ok(let body):
                return try .json(status: 200, body)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })
}

// Server.swift: DemoHandler.errorResponse
/// The response to an error the server answers by itself: ``errorBody(for:)`` as JSON.
public func errorResponse(for error: ServerError) -> APIResponse {
    ServerSupport.errorResponse(error, body: errorBody(for: error))
}

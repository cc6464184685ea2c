// What Tests/Fixtures/Reference/access-internal.json generates: Item, GetItemInput, DemoClient.getItem, DemoHandler.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Item
/// An item.
internal struct Item: Sendable, Hashable {
    internal var id: String

    internal var title: String?

    /// Creates an `Item`.
    internal init(id: String, title: String? = nil) {
        self.id = id
        self.title = title
    }
}

// Models.swift: Item
extension Item: Unconstrained {}

// JSONCoding.swift: Item
extension Item: Codable {
    internal init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.id = try container.decode(String.self, forKey: "id")
        self.title = try container.decodeIfPresent(String.self, forKey: "title")
    }

    internal func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.id, forKey: "id")
        try container.encodeIfPresent(self.title, forKey: "title")
    }
}

// Operations.swift: GetItemInput
/// The parameters and body of `getItem`.
internal struct GetItemInput: Sendable, Hashable {
    /// The operation's identity, which every request of it carries (`APIRequest.operation`).
    internal static let operation = OperationInfo(id: "getItem", method: .get, pathTemplate: "/items/{id}")

    internal var id: String

    /// Creates the input of `getItem`.
    internal init(id: String) {
        self.id = id
    }
}

// Operations.swift: GetItemInput
extension GetItemInput: Unconstrained {}

// Client.swift: DemoClient.getItem
/// `GET /items/{id}`
///
/// - Parameters:
///   - id:
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
internal func getItem(id: String) async throws(ClientError) -> GetItemOutput {
    try await getItem(GetItemInput(id: id))
}

// Client.swift: DemoClient.getItem
/// Calls `GET /items/{id}`. Takes the input as one value.
///
/// - Parameter input: The parameters and body.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
internal func getItem(_ input: GetItemInput) async throws(ClientError) -> GetItemOutput {
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
        return .undocumented(status: response.status, body: ClientSupport.rawBody(of: response))
    }
}

// Server.swift: DemoHandler
/// Serves Demo: implement every operation.
///
/// An operation added to the definition, or one whose signature changes, is a compile error
/// until the handler follows. To serve only some operations, adopt
/// ``DemoPartialHandler`` instead: the others answer 501 Not Implemented.
internal protocol DemoHandler: APIService {
    /// `GET /items/{id}`
    ///
    /// - Parameter input: The parameters and body, already validated.
    /// - Returns: The answer to encode.
    /// - Throws: A ``ServerError`` to answer with its status; any other error answers 500.
    func getItem(_ input: GetItemInput) async throws -> GetItemOutput
}

// Server.swift: DemoHandler
extension DemoHandler {
    /// The path of the definition's base URL (`/v1`), under which a server mounts the operations.
    internal var defaultBasePath: String { DemoClient.defaultBaseURL.path }

    /// A router that serves every operation of Demo with this handler.
    ///
    /// - Parameters:
    ///   - basePath: The path prefix of every route; by default the path of the
    ///     definition's base URL (`/v1`).
    ///   - limits: What a request may be.
    ///   - middlewares: What every request passes through, in order, before the handler.
    /// - Returns: A router to hand requests to, for example through ``InProcessTransport``.
    internal func makeRouter(
        basePath: String? = nil,
        limits: ServerLimits = .default,
        middlewares: [any ServerMiddleware] = []
    ) -> APIRouter {
        var router = APIRouter(basePath: basePath ?? defaultBasePath, limits: limits)
        register(on: &router, middlewares: middlewares)
        return router
    }

    /// Adds every operation of Demo to `registrar`: the built-in ``APIRouter`` or a server framework's.
    ///
    /// - Parameters:
    ///   - registrar: Where the operations go; their path templates are relative to the base path.
    ///   - middlewares: What every request passes through, in order, before the handler.
    internal func register(on registrar: inout some OperationRegistrar, middlewares: [any ServerMiddleware] = []) {
        registrar.register(
            GetItemInput.operation,
            handler: ServerSupport.handler(GetItemInput.operation, middlewares: middlewares) { request in
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
}

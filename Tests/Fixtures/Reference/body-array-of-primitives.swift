// What Tests/Fixtures/Reference/body-array-of-primitives.json generates: TagItemInput, DemoClient.tagItem, DemoHandler.tagItem, DemoHandler.register, TagItemOutput.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Operations.swift: TagItemInput
/// The parameters and body of `tagItem`.
public struct TagItemInput: Sendable, Hashable {
    /// The operation's identity, which every request of it carries (`APIRequest.operation`).
    public static let operation = OperationInfo(id: "tagItem", method: .post, pathTemplate: "/items/{id}/tags")

    public var id: String

    /// The tags to add.
    public var body: [String]

    /// Creates the input of `tagItem`.
    public init(id: String, body: [String]) {
        self.id = id
        self.body = body
    }
}

// Operations.swift: TagItemInput
extension TagItemInput: Unconstrained {}

// Client.swift: DemoClient.tagItem
/// `POST /items/{id}/tags`
///
/// - Parameters:
///   - id:
///   - body: The tags to add.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func tagItem(id: String, body: [String]) async throws(ClientError) -> TagItemOutput {
    try await tagItem(TagItemInput(id: id, body: body))
}

// Client.swift: DemoClient.tagItem
/// Calls `POST /items/{id}/tags`. Takes the input as one value.
///
/// - Parameter input: The parameters and body.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func tagItem(_ input: TagItemInput) async throws(ClientError) -> TagItemOutput {
    try ClientSupport.validate(input)
    var request = APIRequest(
        operation: TagItemInput.operation,
        path: PathTemplate.expand("/items/{id}/tags", input.id))
    request.headers["Accept"] = MediaType.json
    try ClientSupport.setJSONBody(input.body, on: &request)
    let response = try await ClientSupport.send(
        request,
        baseURL: baseURL,
        transport: transport,
        middlewares: middlewares,
        maxBodyBytes: maxResponseBodyBytes)
    switch response.status {
    case 200:
        return .ok(try ClientSupport.decodeJSON([Double].self, from: response))
    default:
        return .undocumented(status: response.status, body: ClientSupport.rawBody(of: response))
    }
}

// Server.swift: DemoHandler.tagItem
/// `POST /items/{id}/tags`
///
/// - Parameter input: The parameters and body, already validated.
/// - Returns: The answer to encode.
/// - Throws: A ``ServerError`` to answer with its status; any other error answers 500.
func tagItem(_ input: TagItemInput) async throws -> TagItemOutput

// Server.swift: DemoHandler.register
/// Adds every operation of Demo API to `registrar`: the built-in ``APIRouter`` or a server framework's.
///
/// - Parameters:
///   - registrar: Where the operations go; their path templates are relative to the base path.
///   - middlewares: What every request passes through, in order, before the handler.
public func register(on registrar: inout some OperationRegistrar, middlewares: [any ServerMiddleware] = []) {
    registrar.register(
        TagItemInput.operation,
        handler: ServerSupport.handler(TagItemInput.operation, middlewares: middlewares) { request in
            try request.checkAccept([.json])
            let request = try await request.collectingBody()
            let input = TagItemInput(
                id: try request.pathParameter("id", as: String.self),
                body: try request.decodeJSONBody([String].self))
            try request.validate(input)
            switch try await self.tagItem(input) {
            case .ok(let body):
                return try .json(status: 200, body)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })
}

// Operations.swift: TagItemOutput
/// The answers of `tagItem`: one case per documented status.
public indirect enum TagItemOutput: Sendable, Hashable {
    /// The item's scores.
    case ok([Double])
    /// A status the definition does not document, with the body as it came.
    case undocumented(status: Int, body: RawBody)
}

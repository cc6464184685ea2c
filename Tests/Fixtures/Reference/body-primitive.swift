// What Tests/Fixtures/Reference/body-primitive.json generates: RenameItemInput, DemoClient.renameItem, DemoHandler.renameItem, DemoHandler.register, RenameItemOutput.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Operations.swift: RenameItemInput
/// The parameters and body of `renameItem`.
public struct RenameItemInput: Sendable, Hashable {
    /// The operation's identity, which every request of it carries (`APIRequest.operation`).
    public static let operation = OperationInfo(id: "renameItem", method: .put, pathTemplate: "/items/{id}/name")

    public var id: String

    /// The new name, a bare JSON string.
    public var body: String

    /// Creates the input of `renameItem`.
    public init(id: String, body: String) {
        self.id = id
        self.body = body
    }
}

// Operations.swift: RenameItemInput
extension RenameItemInput: Unconstrained {}

// Client.swift: DemoClient.renameItem
/// `PUT /items/{id}/name`
///
/// - Parameters:
///   - id:
///   - body: The new name, a bare JSON string.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func renameItem(id: String, body: String) async throws(ClientError) -> RenameItemOutput {
    try await renameItem(RenameItemInput(id: id, body: body))
}

// Client.swift: DemoClient.renameItem
/// Calls `PUT /items/{id}/name`. Takes the input as one value.
///
/// - Parameter input: The parameters and body.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func renameItem(_ input: RenameItemInput) async throws(ClientError) -> RenameItemOutput {
    try ClientSupport.validate(input)
    var request = APIRequest(
        operation: RenameItemInput.operation,
        path: PathTemplate.expand("/items/{id}/name", input.id))
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
        return .ok(try ClientSupport.decodeJSON(Int.self, from: response))
    default:
        return .undocumented(status: response.status, body: ClientSupport.rawBody(of: response))
    }
}

// Server.swift: DemoHandler.renameItem
/// `PUT /items/{id}/name`
///
/// - Parameter input: The parameters and body, already validated.
/// - Returns: The answer to encode.
/// - Throws: A ``ServerError`` to answer with its status; any other error answers 500.
func renameItem(_ input: RenameItemInput) async throws -> RenameItemOutput

// Server.swift: DemoHandler.register
/// Adds every operation of Demo API to `registrar`: the built-in ``APIRouter`` or a server framework's.
///
/// - Parameters:
///   - registrar: Where the operations go; their path templates are relative to the base path.
///   - middlewares: What every request passes through, in order, before the handler.
public func register(on registrar: inout some OperationRegistrar, middlewares: [any ServerMiddleware] = []) {
    registrar.register(
        RenameItemInput.operation,
        handler: ServerSupport.handler(RenameItemInput.operation, middlewares: middlewares) { request in
            try request.checkAccept([.json])
            let request = try await request.collectingBody()
            let input = RenameItemInput(
                id: try request.pathParameter("id", as: String.self),
                body: try request.decodeJSONBody(String.self))
            try request.validate(input)
            switch try await self.renameItem(input) {
            case .ok(let body):
                return try .json(status: 200, body)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })
}

// Operations.swift: RenameItemOutput
/// The answers of `renameItem`: one case per documented status.
public indirect enum RenameItemOutput: Sendable, Hashable {
    /// The item's new version.
    case ok(Int)
    /// A status the definition does not document, with the body as it came.
    case undocumented(status: Int, body: RawBody)
}

// What Tests/Fixtures/Reference/path-parameters.json generates: GetItemInput, DemoClient.getItem, DemoHandler.getItem, DemoHandler.register.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Operations.swift: GetItemInput
/// The parameters and body of `getItem`.
public struct GetItemInput: Sendable, Hashable {
    /// The operation's identity, which every request of it carries (`APIRequest.operation`).
    public static let operation = OperationInfo(
        id: "getItem",
        method: .get,
        pathTemplate: "/shops/{shop_id}/items/{id}")

    public var shopID: Int

    public var id: String

    /// Creates the input of `getItem`.
    public init(shopID: Int, id: String) {
        self.shopID = shopID
        self.id = id
    }
}

// Operations.swift: GetItemInput
extension GetItemInput: Unconstrained {}

// Client.swift: DemoClient.getItem
/// `GET /shops/{shop_id}/items/{id}`
///
/// - Parameters:
///   - shopID:
///   - id:
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func getItem(shopID: Int, id: String) async throws(ClientError) -> GetItemOutput {
    try await getItem(GetItemInput(shopID: shopID, id: id))
}

// Client.swift: DemoClient.getItem
/// Calls `GET /shops/{shop_id}/items/{id}`. Takes the input as one value.
///
/// - Parameter input: The parameters and body.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func getItem(_ input: GetItemInput) async throws(ClientError) -> GetItemOutput {
    try ClientSupport.validate(input)
    var request = APIRequest(
        operation: GetItemInput.operation,
        path: PathTemplate.expand("/shops/{shop_id}/items/{id}", input.shopID, input.id))
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

// Server.swift: DemoHandler.getItem
/// `GET /shops/{shop_id}/items/{id}`
///
/// - Parameter input: The parameters and body, already validated.
/// - Returns: The answer to encode.
/// - Throws: A ``ServerError`` to answer with its status; any other error answers 500.
func getItem(_ input: GetItemInput) async throws -> GetItemOutput

// Server.swift: DemoHandler.register
/// Adds every operation of Demo API to `registrar`: the built-in ``APIRouter`` or a server framework's.
///
/// - Parameters:
///   - registrar: Where the operations go; their path templates are relative to the base path.
///   - middlewares: What every request passes through, in order, before the handler.
public func register(on registrar: inout some OperationRegistrar, middlewares: [any ServerMiddleware] = []) {
    registrar.register(
        GetItemInput.operation,
        handler: ServerSupport.handler(GetItemInput.operation, middlewares: middlewares) { request in
            try request.checkAccept([.json])
            let input = GetItemInput(
                shopID: try request.pathParameter("shop_id", as: Int.self),
                id: try request.pathParameter("id", as: String.self))
            try request.validate(input)
            switch try await self.getItem(input) {
            case .ok(let body):
                return try .json(status: 200, body)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })
}

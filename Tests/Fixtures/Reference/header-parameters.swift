// What Tests/Fixtures/Reference/header-parameters.json generates: GetItemInput, DemoClient.getItem, DemoHandler.getItem, DemoHandler.register.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Operations.swift: GetItemInput
/// The parameters and body of `getItem`.
public struct GetItemInput: Sendable, Hashable {
    /// The operation's identity, which every request of it carries (`APIRequest.operation`).
    public static let operation = OperationInfo(id: "getItem", method: .get, pathTemplate: "/item")

    public var xRequestID: UUID

    public var ifNoneMatch: String?

    /// Creates the input of `getItem`.
    public init(xRequestID: UUID, ifNoneMatch: String? = nil) {
        self.xRequestID = xRequestID
        self.ifNoneMatch = ifNoneMatch
    }
}

// Operations.swift: GetItemInput
extension GetItemInput: Unconstrained {}

// Client.swift: DemoClient.getItem
/// `GET /item`
///
/// - Parameters:
///   - xRequestID:
///   - ifNoneMatch:
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func getItem(xRequestID: UUID, ifNoneMatch: String? = nil) async throws(ClientError) -> GetItemOutput {
    try await getItem(GetItemInput(xRequestID: xRequestID, ifNoneMatch: ifNoneMatch))
}

// Client.swift: DemoClient.getItem
/// Calls `GET /item`. Takes the input as one value.
///
/// - Parameter input: The parameters and body.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func getItem(_ input: GetItemInput) async throws(ClientError) -> GetItemOutput {
    try ClientSupport.validate(input)
    var request = APIRequest(operation: GetItemInput.operation, path: "/item")
    request.setHeader("X-Request-ID", input.xRequestID)
    request.setHeader("If-None-Match", input.ifNoneMatch)
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
/// `GET /item`
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
                xRequestID: try request.requiredHeader("X-Request-ID", as: UUID.self),
                ifNoneMatch: try request.header("If-None-Match", as: String.self))
            try request.validate(input)
            switch try await self.getItem(input) {
            case .ok(let body):
                return try .json(status: 200, body)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })
}

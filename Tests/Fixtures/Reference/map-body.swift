// What Tests/Fixtures/Reference/map-body.json generates: ReplaceItemsInput, DemoClient.replaceItems, DemoHandler.replaceItems, DemoHandler.register.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Operations.swift: ReplaceItemsInput
/// The parameters and body of `replaceItems`.
public struct ReplaceItemsInput: Sendable, Hashable {
    /// The operation's identity, which every request of it carries (`APIRequest.operation`).
    public static let operation = OperationInfo(id: "replaceItems", method: .put, pathTemplate: "/items")

    public var body: [String: Item]

    /// Creates the input of `replaceItems`.
    public init(body: [String: Item]) {
        self.body = body
    }
}

// Operations.swift: ReplaceItemsInput
extension ReplaceItemsInput: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.each(self.body, "body")
    }
}

// Client.swift: DemoClient.replaceItems
/// `PUT /items`
///
/// - Parameters:
///   - body:
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func replaceItems(body: [String: Item]) async throws(ClientError) -> ReplaceItemsOutput {
    try await replaceItems(ReplaceItemsInput(body: body))
}

// Client.swift: DemoClient.replaceItems
/// Calls `PUT /items`. Takes the input as one value.
///
/// - Parameter input: The parameters and body.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func replaceItems(_ input: ReplaceItemsInput) async throws(ClientError) -> ReplaceItemsOutput {
    try ClientSupport.validate(input)
    var request = APIRequest(operation: ReplaceItemsInput.operation, path: "/items")
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
        return .ok(try ClientSupport.decodeJSON([String: Item].self, from: response))
    default:
        return .undocumented(status: response.status, body: ClientSupport.rawBody(of: response))
    }
}

// Server.swift: DemoHandler.replaceItems
/// `PUT /items`
///
/// - Parameter input: The parameters and body, already validated.
/// - Returns: The answer to encode.
/// - Throws: A ``ServerError`` to answer with its status; any other error answers 500.
func replaceItems(_ input: ReplaceItemsInput) async throws -> ReplaceItemsOutput

// Server.swift: DemoHandler.register
/// Adds every operation of Demo API to `registrar`: the built-in ``APIRouter`` or a server framework's.
///
/// - Parameters:
///   - registrar: Where the operations go; their path templates are relative to the base path.
///   - middlewares: What every request passes through, in order, before the handler.
public func register(on registrar: inout some OperationRegistrar, middlewares: [any ServerMiddleware] = []) {
    registrar.register(
        ReplaceItemsInput.operation,
        handler: ServerSupport.handler(ReplaceItemsInput.operation, middlewares: middlewares) { request in
            try request.checkAccept([.json])
            let request = try await request.collectingBody()
            let input = ReplaceItemsInput(body: try request.decodeJSONBody([String: Item].self))
            try request.validate(input)
            switch try await self.replaceItems(input) {
            case .ok(let body):
                return try .json(status: 200, body)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })
}

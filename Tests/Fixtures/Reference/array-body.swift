// What Tests/Fixtures/Reference/array-body.json generates: CreateItemsInput, DemoClient.createItems, DemoHandler.createItems, DemoHandler.register.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Operations.swift: CreateItemsInput
/// The parameters and body of `createItems`.
public struct CreateItemsInput: Sendable, Hashable {
    /// The operation's identity, which every request of it carries (`APIRequest.operation`).
    public static let operation = OperationInfo(id: "createItems", method: .post, pathTemplate: "/items")

    public var body: [Item]

    /// Creates the input of `createItems`.
    public init(body: [Item]) {
        self.body = body
    }
}

// Operations.swift: CreateItemsInput
extension CreateItemsInput: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.each(self.body, "body")
    }
}

// Client.swift: DemoClient.createItems
/// `POST /items`
///
/// - Parameters:
///   - body:
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func createItems(body: [Item]) async throws(ClientError) -> CreateItemsOutput {
    try await createItems(CreateItemsInput(body: body))
}

// Client.swift: DemoClient.createItems
/// Calls `POST /items`. Takes the input as one value.
///
/// - Parameter input: The parameters and body.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func createItems(_ input: CreateItemsInput) async throws(ClientError) -> CreateItemsOutput {
    try ClientSupport.validate(input)
    var request = APIRequest(operation: CreateItemsInput.operation, path: "/items")
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
        return .ok(try ClientSupport.decodeJSON([Item].self, from: response))
    default:
        return .undocumented(status: response.status, body: ClientSupport.rawBody(of: response))
    }
}

// Server.swift: DemoHandler.createItems
/// `POST /items`
///
/// - Parameter input: The parameters and body, already validated.
/// - Returns: The answer to encode.
/// - Throws: A ``ServerError`` to answer with its status; any other error answers 500.
func createItems(_ input: CreateItemsInput) async throws -> CreateItemsOutput

// Server.swift: DemoHandler.register
/// Adds every operation of Demo API to `registrar`: the built-in ``APIRouter`` or a server framework's.
///
/// - Parameters:
///   - registrar: Where the operations go; their path templates are relative to the base path.
///   - middlewares: What every request passes through, in order, before the handler.
public func register(on registrar: inout some OperationRegistrar, middlewares: [any ServerMiddleware] = []) {
    registrar.register(
        CreateItemsInput.operation,
        handler: ServerSupport.handler(CreateItemsInput.operation, middlewares: middlewares) { request in
            try request.checkAccept([.json])
            let request = try await request.collectingBody()
            let input = CreateItemsInput(body: try request.decodeJSONBody([Item].self))
            try request.validate(input)
            switch try await self.createItems(input) {
            case .ok(let body):
                return try .json(status: 200, body)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })
}

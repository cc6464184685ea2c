// What Tests/Fixtures/Reference/parameter-array-query.json generates: ListItemsInput, DemoClient.listItems, DemoHandler.listItems, DemoHandler.register.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Operations.swift: ListItemsInput
/// The parameters and body of `listItems`.
public struct ListItemsInput: Sendable, Hashable {
    /// The operation's identity, which every request of it carries (`APIRequest.operation`).
    public static let operation = OperationInfo(id: "listItems", method: .get, pathTemplate: "/items")

    /// Exploded: id=1&id=2.
    ///
    /// Constraints: at least 1 items, at most 10 items.
    public var id: [Int]

    /// One item: tag=a,b.
    public var tag: [String]?

    /// Creates the input of `listItems`.
    public init(id: [Int], tag: [String]? = nil) {
        self.id = id
        self.tag = tag
    }
}

// Operations.swift: ListItemsInput
extension ListItemsInput: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.check(self.id, "id", minItems: 1, maxItems: 10)
    }
}

// Client.swift: DemoClient.listItems
/// `GET /items`
///
/// - Parameters:
///   - id: Exploded: id=1&id=2.
///   - tag: One item: tag=a,b.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func listItems(id: [Int], tag: [String]? = nil) async throws(ClientError) -> ListItemsOutput {
    try await listItems(ListItemsInput(id: id, tag: tag))
}

// Client.swift: DemoClient.listItems
/// Calls `GET /items`. Takes the input as one value.
///
/// - Parameter input: The parameters and body.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func listItems(_ input: ListItemsInput) async throws(ClientError) -> ListItemsOutput {
    try ClientSupport.validate(input)
    var request = APIRequest(operation: ListItemsInput.operation, path: "/items")
    request.addQueryArray("id", input.id, delimiter: nil)
    request.addQueryArray("tag", input.tag, delimiter: ",")
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
        return .undocumented(status: response.status, body: ClientSupport.rawBody(of: response))
    }
}

// Server.swift: DemoHandler.listItems
/// `GET /items`
///
/// - Parameter input: The parameters and body, already validated.
/// - Returns: The answer to encode.
/// - Throws: A ``ServerError`` to answer with its status; any other error answers 500.
func listItems(_ input: ListItemsInput) async throws -> ListItemsOutput

// Server.swift: DemoHandler.register
/// Adds every operation of Demo API to `registrar`: the built-in ``APIRouter`` or a server framework's.
///
/// - Parameters:
///   - registrar: Where the operations go; their path templates are relative to the base path.
///   - middlewares: What every request passes through, in order, before the handler.
public func register(on registrar: inout some OperationRegistrar, middlewares: [any ServerMiddleware] = []) {
    registrar.register(
        ListItemsInput.operation,
        handler: ServerSupport.handler(ListItemsInput.operation, middlewares: middlewares) { request in
            let input = ListItemsInput(
                id: try request.requiredQueryArray("id", as: Int.self, delimiter: nil),
                tag: try request.queryArray("tag", as: String.self, delimiter: ","))
            try request.validate(input)
            switch try await self.listItems(input) {
            case .noContent(let body):
                return .raw(status: 204, body)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })
}

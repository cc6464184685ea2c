// What Tests/Fixtures/Reference/deprecated-parameter.json generates: ListItemsInput, DemoClient.listItems, DemoHandler.listItems, DemoHandler.register.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Operations.swift: ListItemsInput
/// The parameters and body of `listItems`.
public struct ListItemsInput: Sendable, Hashable {
    /// The operation's identity, which every request of it carries (`APIRequest.operation`).
    public static let operation = OperationInfo(id: "listItems", method: .get, pathTemplate: "/items")

    @available(*, deprecated)
    public var q: String? {
        get { _q }
        set { _q = newValue }
    }
    var _q: String?

    /// Creates the input of `listItems`.
    public init(q: String? = nil) {
        self._q = q
    }
}

// Operations.swift: ListItemsInput
extension ListItemsInput: Unconstrained {}

// Operations.swift: ListItemsInput
extension ListItemsInput: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { Redacted.describe("ListItemsInput", redactedFields) }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Redacted.mirror(self, redactedFields) }

    private var redactedFields: KeyValuePairs<String, Any> {
        ["q": self._q as Any]
    }
}

// Client.swift: DemoClient.listItems
/// `GET /items`
///
/// - Parameters:
///   - q:
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func listItems(q: String? = nil) async throws(ClientError) -> ListItemsOutput {
    try await listItems(ListItemsInput(q: q))
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
    request.addQuery("q", input._q)
    request.headers["Accept"] = MediaType.json
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
            try request.checkAccept([.json])
            let input = ListItemsInput(q: try request.query("q", as: String.self))
            try request.validate(input)
            switch try await self.listItems(input) {
            case .ok(let body):
                return try .json(status: 200, body)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })
}

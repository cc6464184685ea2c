// What Tests/Fixtures/Reference/parameter-cookie.json generates: ListItemsInput, DemoClient.listItems, DemoHandler.listItems, DemoHandler.register.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Operations.swift: ListItemsInput
/// The parameters and body of `listItems`.
public struct ListItemsInput: Sendable, Hashable {
    /// The operation's identity, which every request of it carries (`APIRequest.operation`).
    public static let operation = OperationInfo(id: "listItems", method: .get, pathTemplate: "/items")

    public var session: String

    public var prefs: [String]?

    /// Creates the input of `listItems`.
    public init(session: String, prefs: [String]? = nil) {
        self.session = session
        self.prefs = prefs
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
        ["session": Redacted.placeholder, "prefs": self.prefs as Any]
    }
}

// Client.swift: DemoClient.listItems
/// `GET /items`
///
/// - Parameters:
///   - session:
///   - prefs:
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func listItems(session: String, prefs: [String]? = nil) async throws(ClientError) -> ListItemsOutput {
    try await listItems(ListItemsInput(session: session, prefs: prefs))
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
    request.addCookie("session", input.session)
    request.addCookieArray("prefs", input.prefs)
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
                session: try request.requiredCookie("session", as: String.self),
                prefs: try request.cookieArray("prefs", as: String.self))
            try request.validate(input)
            switch try await self.listItems(input) {
            case .noContent(let body):
                return .raw(status: 204, body)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })
}

// What Tests/Fixtures/Reference/parameter-styles.json generates: ListItemsInput, DemoClient.listItems, DemoHandler.listItems, DemoHandler.register.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Operations.swift: ListItemsInput
/// The parameters and body of `listItems`.
public struct ListItemsInput: Sendable, Hashable {
    /// The operation's identity, which every request of it carries (`APIRequest.operation`).
    public static let operation = OperationInfo(id: "listItems", method: .get, pathTemplate: "/items/{ids}")

    /// simple: /items/1,2.
    public var ids: [Int64]

    public var word: [String]?

    public var color: [Color]?

    /// simple: X-Trace: a,b.
    public var xTrace: [String]?

    /// Creates the input of `listItems`.
    public init(ids: [Int64], word: [String]? = nil, color: [Color]? = nil, xTrace: [String]? = nil) {
        self.ids = ids
        self.word = word
        self.color = color
        self.xTrace = xTrace
    }
}

// Operations.swift: ListItemsInput
extension ListItemsInput: Unconstrained {}

// Client.swift: DemoClient.listItems
/// `GET /items/{ids}`
///
/// - Parameters:
///   - ids: simple: /items/1,2.
///   - word:
///   - color:
///   - xTrace: simple: X-Trace: a,b.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func listItems(
    ids: [Int64],
    word: [String]? = nil,
    color: [Color]? = nil,
    xTrace: [String]? = nil
) async throws(ClientError) -> ListItemsOutput {
    try await listItems(ListItemsInput(ids: ids, word: word, color: color, xTrace: xTrace))
}

// Client.swift: DemoClient.listItems
/// Calls `GET /items/{ids}`. Takes the input as one value.
///
/// - Parameter input: The parameters and body.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func listItems(_ input: ListItemsInput) async throws(ClientError) -> ListItemsOutput {
    try ClientSupport.validate(input)
    var request = APIRequest(
        operation: ListItemsInput.operation,
        path: PathTemplate.expand("/items/{ids}", EncodedPathSegment(input.ids)))
    request.addQueryArray("word", input.word, delimiter: " ")
    request.addQueryArray("color", input.color, delimiter: "|")
    request.setHeaderArray("X-Trace", input.xTrace)
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
/// `GET /items/{ids}`
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
                ids: try request.pathArray("ids", as: Int64.self),
                word: try request.queryArray("word", as: String.self, delimiter: " "),
                color: try request.queryArray("color", as: Color.self, delimiter: "|"),
                xTrace: try request.headerArray("X-Trace", as: String.self))
            try request.validate(input)
            switch try await self.listItems(input) {
            case .noContent(let body):
                return .raw(status: 204, body)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })
}

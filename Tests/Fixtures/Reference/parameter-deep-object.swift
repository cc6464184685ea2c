// What Tests/Fixtures/Reference/parameter-deep-object.json generates: Filter, ListItemsInput, DemoClient.listItems, DemoHandler.listItems, DemoHandler.register.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Filter
/// Query filters.
public struct Filter: Sendable, Hashable {
    public var name: String?

    /// Constraints: ≥ 0.
    public var minPrice: Double?

    public var inStock: Bool

    /// Creates a `Filter`.
    public init(name: String? = nil, minPrice: Double? = nil, inStock: Bool) {
        self.name = name
        self.minPrice = minPrice
        self.inStock = inStock
    }
}

// Models.swift: Filter
extension Filter: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.check(self.minPrice, "min_price", minimum: 0.0)
    }
}

// JSONCoding.swift: Filter
extension Filter: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.name = try container.decodeIfPresent(String.self, forKey: "name")
        self.minPrice = try container.decodeIfPresent(Double.self, forKey: "min_price")
        self.inStock = try container.decode(Bool.self, forKey: "in_stock")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(self.name, forKey: "name")
        try container.encodeIfPresent(self.minPrice, forKey: "min_price")
        try container.encode(self.inStock, forKey: "in_stock")
    }
}

// TextTreeCoding.swift: Filter
extension Filter: TextTreeCodable {
    public init(textTree reader: TextTreeReader) throws(ValidationErrors) {
        let members = try reader.object()
        self.name = try members.decodeIfPresent("name")
        self.minPrice = try members.decodeIfPresent("min_price")
        self.inStock = try members.decode("in_stock")
    }

    public func textTree() -> TextTree {
        var tree = TextTreeObjectBuilder()
        tree.encodeIfPresent(self.name, "name")
        tree.encodeIfPresent(self.minPrice, "min_price")
        tree.encode(self.inStock, "in_stock")
        return tree.tree
    }
}

// Operations.swift: ListItemsInput
/// The parameters and body of `listItems`.
public struct ListItemsInput: Sendable, Hashable {
    /// The operation's identity, which every request of it carries (`APIRequest.operation`).
    public static let operation = OperationInfo(id: "listItems", method: .get, pathTemplate: "/items")

    /// filter[name]=x&filter[in_stock]=true.
    public var filter: Filter?

    /// Creates the input of `listItems`.
    public init(filter: Filter? = nil) {
        self.filter = filter
    }
}

// Operations.swift: ListItemsInput
extension ListItemsInput: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.nested(self.filter, "filter")
    }
}

// Client.swift: DemoClient.listItems
/// `GET /items`
///
/// - Parameters:
///   - filter: filter[name]=x&filter[in_stock]=true.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func listItems(filter: Filter? = nil) async throws(ClientError) -> ListItemsOutput {
    try await listItems(ListItemsInput(filter: filter))
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
    request.addDeepObject("filter", input.filter)
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
            let input = ListItemsInput(filter: try request.deepObject("filter", as: Filter.self))
            try request.validate(input)
            switch try await self.listItems(input) {
            case .noContent(let body):
                return .raw(status: 204, body)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })
}

// What Tests/Fixtures/Reference/body-form.json generates: Item, CreateItemInput, DemoClient.createItem, DemoHandler.createItem, DemoHandler.register.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Item
/// An item.
public struct Item: Sendable, Hashable {
    public var id: String

    public var title: String

    /// Creates an `Item`.
    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }
}

// Models.swift: Item
extension Item: Unconstrained {}

// JSONCoding.swift: Item
extension Item: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.id = try container.decode(String.self, forKey: "id")
        self.title = try container.decode(String.self, forKey: "title")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.id, forKey: "id")
        try container.encode(self.title, forKey: "title")
    }
}

// TextTreeCoding.swift: Item
extension Item: TextTreeCodable {
    public init(textTree reader: TextTreeReader) throws(ValidationErrors) {
        let members = try reader.object()
        self.id = try members.decode("id")
        self.title = try members.decode("title")
    }

    public func textTree() -> TextTree {
        var tree = TextTreeObjectBuilder()
        tree.encode(self.id, "id")
        tree.encode(self.title, "title")
        return tree.tree
    }
}

// Operations.swift: CreateItemInput
/// The parameters and body of `createItem`.
public struct CreateItemInput: Sendable, Hashable {
    /// The operation's identity, which every request of it carries (`APIRequest.operation`).
    public static let operation = OperationInfo(id: "createItem", method: .post, pathTemplate: "/items")

    /// An item.
    public var body: Item

    /// Creates the input of `createItem`.
    public init(body: Item) {
        self.body = body
    }
}

// Operations.swift: CreateItemInput
extension CreateItemInput: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        self.body.validate(&validator)
    }
}

// Client.swift: DemoClient.createItem
/// `POST /items`
///
/// - Parameters:
///   - body: An item.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func createItem(body: Item) async throws(ClientError) -> CreateItemOutput {
    try await createItem(CreateItemInput(body: body))
}

// Client.swift: DemoClient.createItem
/// Calls `POST /items`. Takes the input as one value.
///
/// - Parameter input: The parameters and body.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func createItem(_ input: CreateItemInput) async throws(ClientError) -> CreateItemOutput {
    try ClientSupport.validate(input)
    var request = APIRequest(operation: CreateItemInput.operation, path: "/items")
    request.headers["Accept"] = MediaType.json
    try ClientSupport.setBody(
        input.body,
        format: .formURLEncoded,
        allowed: [.formURLEncoded],
        dialect: .demo,
        on: &request)
    let response = try await ClientSupport.send(
        request,
        baseURL: baseURL,
        transport: transport,
        middlewares: middlewares,
        maxBodyBytes: maxResponseBodyBytes)
    switch response.status {
    case 201:
        return .created(try ClientSupport.decodeJSON(Item.self, from: response))
    default:
        return .undocumented(status: response.status, body: ClientSupport.rawBody(of: response))
    }
}

// Server.swift: DemoHandler.createItem
/// `POST /items`
///
/// - Parameter input: The parameters and body, already validated.
/// - Returns: The answer to encode.
/// - Throws: A ``ServerError`` to answer with its status; any other error answers 500.
func createItem(_ input: CreateItemInput) async throws -> CreateItemOutput

// Server.swift: DemoHandler.register
/// Adds every operation of Demo API to `registrar`: the built-in ``APIRouter`` or a server framework's.
///
/// - Parameters:
///   - registrar: Where the operations go; their path templates are relative to the base path.
///   - middlewares: What every request passes through, in order, before the handler.
public func register(on registrar: inout some OperationRegistrar, middlewares: [any ServerMiddleware] = []) {
    registrar.register(
        CreateItemInput.operation,
        handler: ServerSupport.handler(CreateItemInput.operation, middlewares: middlewares) { request in
            try request.checkAccept([.json])
            let request = try await request.collectingBody()
            let input = CreateItemInput(
                body: try request.decodeBody(Item.self, formats: [.formURLEncoded], dialect: .demo))
            try request.validate(input)
            switch try await self.createItem(input) {
            case .created(let body):
                return try .json(status: 201, body)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })
}

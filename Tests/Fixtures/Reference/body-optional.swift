// What Tests/Fixtures/Reference/body-optional.json generates: Item, UpdateItemInput, DemoClient.updateItem, DemoHandler.updateItem, DemoHandler.register.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Item
/// An item.
public struct Item: Sendable, Hashable {
    public var id: String

    /// Constraints: non-empty.
    public var title: String

    /// Creates an `Item`.
    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }
}

// Models.swift: Item
extension Item: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.check(self.title, "title", minLength: 1)
    }
}

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

// Operations.swift: UpdateItemInput
/// The parameters and body of `updateItem`.
public struct UpdateItemInput: Sendable, Hashable {
    /// The operation's identity, which every request of it carries (`APIRequest.operation`).
    public static let operation = OperationInfo(id: "updateItem", method: .patch, pathTemplate: "/items")

    /// An item.
    public var body: Item?

    /// Creates the input of `updateItem`.
    public init(body: Item? = nil) {
        self.body = body
    }
}

// Operations.swift: UpdateItemInput
extension UpdateItemInput: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        self.body?.validate(&validator)
    }
}

// Client.swift: DemoClient.updateItem
/// `PATCH /items`
///
/// - Parameters:
///   - body: An item.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func updateItem(body: Item? = nil) async throws(ClientError) -> UpdateItemOutput {
    try await updateItem(UpdateItemInput(body: body))
}

// Client.swift: DemoClient.updateItem
/// Calls `PATCH /items`. Takes the input as one value.
///
/// - Parameter input: The parameters and body.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func updateItem(_ input: UpdateItemInput) async throws(ClientError) -> UpdateItemOutput {
    try ClientSupport.validate(input)
    var request = APIRequest(operation: UpdateItemInput.operation, path: "/items")
    request.headers["Accept"] = MediaType.json
    if let body = input.body {
        try ClientSupport.setJSONBody(body, on: &request)
    }
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

// Server.swift: DemoHandler.updateItem
/// `PATCH /items`
///
/// - Parameter input: The parameters and body, already validated.
/// - Returns: The answer to encode.
/// - Throws: A ``ServerError`` to answer with its status; any other error answers 500.
func updateItem(_ input: UpdateItemInput) async throws -> UpdateItemOutput

// Server.swift: DemoHandler.register
/// Adds every operation of Demo API to `registrar`: the built-in ``APIRouter`` or a server framework's.
///
/// - Parameters:
///   - registrar: Where the operations go; their path templates are relative to the base path.
///   - middlewares: What every request passes through, in order, before the handler.
public func register(on registrar: inout some OperationRegistrar, middlewares: [any ServerMiddleware] = []) {
    registrar.register(
        UpdateItemInput.operation,
        handler: ServerSupport.handler(UpdateItemInput.operation, middlewares: middlewares) { request in
            try request.checkAccept([.json])
            let request = try await request.collectingBody()
            let input = UpdateItemInput(body: try request.decodeJSONBodyIfPresent(Item.self))
            try request.validate(input)
            switch try await self.updateItem(input) {
            case .ok(let body):
                return try .json(status: 200, body)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })
}

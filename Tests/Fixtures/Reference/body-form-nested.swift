// What Tests/Fixtures/Reference/body-form-nested.json generates: Order, Line, CreateOrderInput, DemoClient.createOrder, DemoHandler.createOrder, DemoHandler.register.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Order
/// A form body in bracket notation.
public struct Order: Sendable, Hashable {
    public var address: Address

    public var lines: [Line]

    public var metadata: [String: String]?

    /// Creates an `Order`.
    public init(address: Address, lines: [Line], metadata: [String: String]? = nil) {
        self.address = address
        self.lines = lines
        self.metadata = metadata
    }
}

// Models.swift: Order
extension Order: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.nested(self.address, "address")
        validator.each(self.lines, "lines")
    }
}

// JSONCoding.swift: Order
extension Order: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.address = try container.decode(Address.self, forKey: "address")
        self.lines = try container.decode([Line].self, forKey: "lines")
        self.metadata = try container.decodeIfPresent([String: String].self, forKey: "metadata")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.address, forKey: "address")
        try container.encode(self.lines, forKey: "lines")
        try container.encodeIfPresent(self.metadata, forKey: "metadata")
    }
}

// TextTreeCoding.swift: Order
extension Order: TextTreeCodable {
    public init(textTree reader: TextTreeReader) throws(ValidationErrors) {
        let members = try reader.object()
        self.address = try members.decode("address")
        self.lines = try members.decode("lines")
        self.metadata = try members.decodeIfPresent("metadata")
    }

    public func textTree() -> TextTree {
        var tree = TextTreeObjectBuilder()
        tree.encode(self.address, "address")
        tree.encode(self.lines, "lines")
        tree.encodeIfPresent(self.metadata, "metadata")
        return tree.tree
    }
}

// Models.swift: Line
/// Sent as lines[0][price]=….
public struct Line: Sendable, Hashable {
    /// Constraints: ≥ 0.
    public var price: Int

    /// Creates a `Line`.
    public init(price: Int) {
        self.price = price
    }
}

// Models.swift: Line
extension Line: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.check(self.price, "price", minimum: 0)
    }
}

// JSONCoding.swift: Line
extension Line: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.price = try container.decode(Int.self, forKey: "price")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.price, forKey: "price")
    }
}

// TextTreeCoding.swift: Line
extension Line: TextTreeCodable {
    public init(textTree reader: TextTreeReader) throws(ValidationErrors) {
        let members = try reader.object()
        self.price = try members.decode("price")
    }

    public func textTree() -> TextTree {
        var tree = TextTreeObjectBuilder()
        tree.encode(self.price, "price")
        return tree.tree
    }
}

// Operations.swift: CreateOrderInput
/// The parameters and body of `createOrder`.
public struct CreateOrderInput: Sendable, Hashable {
    /// The operation's identity, which every request of it carries (`APIRequest.operation`).
    public static let operation = OperationInfo(id: "createOrder", method: .post, pathTemplate: "/orders")

    /// A form body in bracket notation.
    public var body: Order

    /// Creates the input of `createOrder`.
    public init(body: Order) {
        self.body = body
    }
}

// Operations.swift: CreateOrderInput
extension CreateOrderInput: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        self.body.validate(&validator)
    }
}

// Client.swift: DemoClient.createOrder
/// `POST /orders`
///
/// - Parameters:
///   - body: A form body in bracket notation.
///   - bodyFormat: The request body's content type: one of `.formURLEncoded`, `.multipart`.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func createOrder(
    body: Order,
    bodyFormat: BodyFormat = .formURLEncoded
) async throws(ClientError) -> CreateOrderOutput {
    try await createOrder(CreateOrderInput(body: body), bodyFormat: bodyFormat)
}

// Client.swift: DemoClient.createOrder
/// Calls `POST /orders`. Takes the input as one value.
///
/// - Parameters:
///   - input: The parameters and body.
///   - bodyFormat: The request body's content type: one of `.formURLEncoded`, `.multipart`.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func createOrder(
    _ input: CreateOrderInput,
    bodyFormat: BodyFormat = .formURLEncoded
) async throws(ClientError) -> CreateOrderOutput {
    try ClientSupport.validate(input)
    var request = APIRequest(operation: CreateOrderInput.operation, path: "/orders")
    try ClientSupport.setBody(
        input.body,
        format: bodyFormat,
        allowed: [.formURLEncoded, .multipart],
        dialect: .demo,
        on: &request)
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

// Server.swift: DemoHandler.createOrder
/// `POST /orders`
///
/// - Parameter input: The parameters and body, already validated.
/// - Returns: The answer to encode.
/// - Throws: A ``ServerError`` to answer with its status; any other error answers 500.
func createOrder(_ input: CreateOrderInput) async throws -> CreateOrderOutput

// Server.swift: DemoHandler.register
/// Adds every operation of Demo API to `registrar`: the built-in ``APIRouter`` or a server framework's.
///
/// - Parameters:
///   - registrar: Where the operations go; their path templates are relative to the base path.
///   - middlewares: What every request passes through, in order, before the handler.
public func register(on registrar: inout some OperationRegistrar, middlewares: [any ServerMiddleware] = []) {
    registrar.register(
        CreateOrderInput.operation,
        handler: ServerSupport.handler(CreateOrderInput.operation, middlewares: middlewares) { request in
            let request = try await request.collectingBody()
            let input = CreateOrderInput(
                body: try request.decodeBody(Order.self, formats: [.formURLEncoded, .multipart], dialect: .demo))
            try request.validate(input)
            switch try await self.createOrder(input) {
            case .noContent(let body):
                return .raw(status: 204, body)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })
}

// What Tests/Fixtures/Reference/several-answers.json generates: PutItemOutput, DemoClient.putItem, DemoHandler.register.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Operations.swift: PutItemOutput
/// The answers of `putItem`: one case per documented status.
public indirect enum PutItemOutput: Sendable, Hashable {
    /// Replaced.
    case ok(Item)
    /// Created.
    case created(Item)
    /// Nothing changed.
    case noContent(RawBody)
    /// Status 409.
    case conflict(Problem)
    /// A status the definition does not document, with the body as it came.
    case undocumented(status: Int, body: RawBody)
}

// Client.swift: DemoClient.putItem
/// `PUT /item`
///
/// - Parameters:
///   - body: An item.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func putItem(body: Item) async throws(ClientError) -> PutItemOutput {
    try await putItem(PutItemInput(body: body))
}

// Client.swift: DemoClient.putItem
/// Calls `PUT /item`. Takes the input as one value.
///
/// - Parameter input: The parameters and body.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func putItem(_ input: PutItemInput) async throws(ClientError) -> PutItemOutput {
    try ClientSupport.validate(input)
    var request = APIRequest(operation: PutItemInput.operation, path: "/item")
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
        return .ok(try ClientSupport.decodeJSON(Item.self, from: response))
    case 201:
        return .created(try ClientSupport.decodeJSON(Item.self, from: response))
    case 204:
        return .noContent(ClientSupport.rawBody(of: response))
    case 409:
        return .conflict(try ClientSupport.decodeJSON(Problem.self, from: response))
    default:
        return .undocumented(status: response.status, body: ClientSupport.rawBody(of: response))
    }
}

// Server.swift: DemoHandler.register
/// Adds every operation of Demo API to `registrar`: the built-in ``APIRouter`` or a server framework's.
///
/// - Parameters:
///   - registrar: Where the operations go; their path templates are relative to the base path.
///   - middlewares: What every request passes through, in order, before the handler.
public func register(on registrar: inout some OperationRegistrar, middlewares: [any ServerMiddleware] = []) {
    registrar.register(
        PutItemInput.operation,
        handler: ServerSupport.handler(PutItemInput.operation, middlewares: middlewares) { request in
            try request.checkAccept([.json])
            let request = try await request.collectingBody()
            let input = PutItemInput(body: try request.decodeJSONBody(Item.self))
            try request.validate(input)
            switch try await self.putItem(input) {
            case .ok(let body):
                return try .json(status: 200, body)
            case .created(let body):
                return try .json(status: 201, body)
            case .noContent(let body):
                return .raw(status: 204, body)
            case .conflict(let body):
                return try .json(status: 409, body)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })
}

// What Tests/Fixtures/Reference/body-several-formats.json generates: DemoClient.createItem, DemoHandler.register.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Client.swift: DemoClient.createItem
/// `POST /items`
///
/// - Parameters:
///   - body: An item.
///   - bodyFormat: The request body's content type: one of `.json`, `.formURLEncoded`.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func createItem(body: Item, bodyFormat: BodyFormat = .json) async throws(ClientError) -> CreateItemOutput {
    try await createItem(CreateItemInput(body: body), bodyFormat: bodyFormat)
}

// Client.swift: DemoClient.createItem
/// Calls `POST /items`. Takes the input as one value.
///
/// - Parameters:
///   - input: The parameters and body.
///   - bodyFormat: The request body's content type: one of `.json`, `.formURLEncoded`.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func createItem(
    _ input: CreateItemInput,
    bodyFormat: BodyFormat = .json
) async throws(ClientError) -> CreateItemOutput {
    try ClientSupport.validate(input)
    var request = APIRequest(operation: CreateItemInput.operation, path: "/items")
    request.headers["Accept"] = MediaType.json
    try ClientSupport.setBody(
        input.body,
        format: bodyFormat,
        allowed: [.json, .formURLEncoded],
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
                body: try request.decodeBody(Item.self, formats: [.json, .formURLEncoded], dialect: .demo))
            try request.validate(input)
            switch try await self.createItem(input) {
            case .created(let body):
                return try .json(status: 201, body)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })
}

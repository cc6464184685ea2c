// What Tests/Fixtures/Reference/response-json-or-xml.json generates: DemoClient.getItem, DemoHandler.register.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Client.swift: DemoClient.getItem
/// `GET /item`
///
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func getItem() async throws(ClientError) -> GetItemOutput {
    try await getItem(GetItemInput())
}

// Client.swift: DemoClient.getItem
/// Calls `GET /item`. Takes the input as one value.
///
/// - Parameter input: The parameters and body.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func getItem(_ input: GetItemInput) async throws(ClientError) -> GetItemOutput {
    try ClientSupport.validate(input)
    var request = APIRequest(operation: GetItemInput.operation, path: "/item")
    request.headers["Accept"] = ContentNegotiation.acceptHeader([.json, .xml], preferred: nil)
    let response = try await ClientSupport.send(
        request,
        baseURL: baseURL,
        transport: transport,
        middlewares: middlewares,
        maxBodyBytes: maxResponseBodyBytes)
    switch response.status {
    case 200:
        return .ok(try ClientSupport.decode(Item.self, from: response, dialect: .demo))
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
        GetItemInput.operation,
        handler: ServerSupport.handler(GetItemInput.operation, middlewares: middlewares) { request in
            let format = try request.responseFormat([.json, .xml])
            let input = GetItemInput()
            try request.validate(input)
            switch try await self.getItem(input) {
            case .ok(let body):
                return try .encode(status: 200, body, format: format, dialect: .demo)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })
}

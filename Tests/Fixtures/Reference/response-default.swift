// What Tests/Fixtures/Reference/response-default.json generates: GetItemOutput, PingOutput, DemoClient.getItem, DemoClient.ping, DemoHandler.register.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Operations.swift: GetItemOutput
/// The answers of `getItem`: one case per documented status.
public indirect enum GetItemOutput: Sendable, Hashable {
    /// Status 200.
    case ok(Item)
    /// Anything else.
    ///
    /// Any status that no other case documents, with the status as it came.
    case `default`(status: Int, body: Failure)
    /// A status the definition does not document, with the body as it came.
    case undocumented(status: Int, body: RawBody)
}

// Operations.swift: PingOutput
/// The answers of `ping`: one case per documented status.
public indirect enum PingOutput: Sendable, Hashable {
    /// Any other status.
    ///
    /// Any status that no other case documents, with the status as it came.
    case `default`(status: Int, body: RawBody)
    /// A status the definition does not document, with the body as it came.
    case undocumented(status: Int, body: RawBody)
}

// Client.swift: DemoClient.getItem
/// `GET /item`
///
/// - Returns: The documented answer; `.default` for any status no other case documents.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func getItem() async throws(ClientError) -> GetItemOutput {
    try await getItem(GetItemInput())
}

// Client.swift: DemoClient.getItem
/// Calls `GET /item`. Takes the input as one value.
///
/// - Parameter input: The parameters and body.
/// - Returns: The documented answer; `.default` for any status no other case documents.
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
        return .`default`(
            status: response.status,
            body: try ClientSupport.decode(Failure.self, from: response, dialect: .demo))
    }
}

// Client.swift: DemoClient.ping
/// `GET /ping`
///
/// - Returns: The documented answer; `.default` for any status no other case documents.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func ping() async throws(ClientError) -> PingOutput {
    try await ping(PingInput())
}

// Client.swift: DemoClient.ping
/// Calls `GET /ping`. Takes the input as one value.
///
/// - Parameter input: The parameters and body.
/// - Returns: The documented answer; `.default` for any status no other case documents.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func ping(_ input: PingInput) async throws(ClientError) -> PingOutput {
    try ClientSupport.validate(input)
    let request = APIRequest(operation: PingInput.operation, path: "/ping")
    let response = try await ClientSupport.send(
        request,
        baseURL: baseURL,
        transport: transport,
        middlewares: middlewares,
        maxBodyBytes: maxResponseBodyBytes)
    switch response.status {
    default:
        return .`default`(status: response.status, body: ClientSupport.rawBody(of: response))
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
            case .`default`(let answered, let body):
                let status = try ServerSupport.status(answered, case: "default", in: 100...599, documented: [200])
                return try .encode(status: status, body, format: format, dialect: .demo)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })

    registrar.register(
        PingInput.operation,
        handler: ServerSupport.handler(PingInput.operation, middlewares: middlewares) { request in
            let input = PingInput()
            try request.validate(input)
            switch try await self.ping(input) {
            case .`default`(let answered, let body):
                let status = try ServerSupport.status(answered, case: "default", in: 100...599)
                return .raw(status: status, body)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })
}

// What Tests/Fixtures/Reference/body-any-json.json generates: PutSettingsInput, DemoClient.putSettings, DemoHandler.putSettings, DemoHandler.register, PutSettingsOutput.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Operations.swift: PutSettingsInput
/// The parameters and body of `putSettings`.
public struct PutSettingsInput: Sendable, Hashable {
    /// The operation's identity, which every request of it carries (`APIRequest.operation`).
    public static let operation = OperationInfo(id: "putSettings", method: .put, pathTemplate: "/items/{id}/settings")

    public var id: String

    /// Any JSON value, kept as it came.
    public var body: AnyJSON

    /// Creates the input of `putSettings`.
    public init(id: String, body: AnyJSON) {
        self.id = id
        self.body = body
    }
}

// Operations.swift: PutSettingsInput
extension PutSettingsInput: Unconstrained {}

// Client.swift: DemoClient.putSettings
/// `PUT /items/{id}/settings`
///
/// - Parameters:
///   - id:
///   - body: Any JSON value, kept as it came.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func putSettings(id: String, body: AnyJSON) async throws(ClientError) -> PutSettingsOutput {
    try await putSettings(PutSettingsInput(id: id, body: body))
}

// Client.swift: DemoClient.putSettings
/// Calls `PUT /items/{id}/settings`. Takes the input as one value.
///
/// - Parameter input: The parameters and body.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func putSettings(_ input: PutSettingsInput) async throws(ClientError) -> PutSettingsOutput {
    try ClientSupport.validate(input)
    var request = APIRequest(
        operation: PutSettingsInput.operation,
        path: PathTemplate.expand("/items/{id}/settings", input.id))
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
        return .ok(try ClientSupport.decodeJSON([String: AnyJSON].self, from: response))
    default:
        return .undocumented(status: response.status, body: ClientSupport.rawBody(of: response))
    }
}

// Server.swift: DemoHandler.putSettings
/// `PUT /items/{id}/settings`
///
/// - Parameter input: The parameters and body, already validated.
/// - Returns: The answer to encode.
/// - Throws: A ``ServerError`` to answer with its status; any other error answers 500.
func putSettings(_ input: PutSettingsInput) async throws -> PutSettingsOutput

// Server.swift: DemoHandler.register
/// Adds every operation of Demo API to `registrar`: the built-in ``APIRouter`` or a server framework's.
///
/// - Parameters:
///   - registrar: Where the operations go; their path templates are relative to the base path.
///   - middlewares: What every request passes through, in order, before the handler.
public func register(on registrar: inout some OperationRegistrar, middlewares: [any ServerMiddleware] = []) {
    registrar.register(
        PutSettingsInput.operation,
        handler: ServerSupport.handler(PutSettingsInput.operation, middlewares: middlewares) { request in
            try request.checkAccept([.json])
            let request = try await request.collectingBody()
            let input = PutSettingsInput(
                id: try request.pathParameter("id", as: String.self),
                body: try request.decodeJSONBody(AnyJSON.self))
            try request.validate(input)
            switch try await self.putSettings(input) {
            case .ok(let body):
                return try .json(status: 200, body)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })
}

// Operations.swift: PutSettingsOutput
/// The answers of `putSettings`: one case per documented status.
public indirect enum PutSettingsOutput: Sendable, Hashable {
    /// Every item's settings by id.
    case ok([String: AnyJSON])
    /// A status the definition does not document, with the body as it came.
    case undocumented(status: Int, body: RawBody)
}

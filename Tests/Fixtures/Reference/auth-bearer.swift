// What Tests/Fixtures/Reference/auth-bearer.json generates: DemoCredentials, DemoClient.getItem, DemoHandler.register.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Operations.swift: DemoCredentials
/// Credentials for the auth schemes of Demo API.
///
/// Their values never appear in descriptions, dumps or errors.
public struct DemoCredentials: Sendable, Hashable {
    /// A JWT.
    public var token: String?

    /// Creates credentials; give the ones the operations you call need.
    public init(token: String? = nil) {
        self.token = token
    }
}

// Operations.swift: DemoCredentials
extension DemoCredentials: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { Redacted.describe("DemoCredentials", redactedFields) }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Redacted.mirror(self, redactedFields) }

    private var redactedFields: KeyValuePairs<String, Any> {
        ["token": self.token.map { _ in Redacted.placeholder } as Any]
    }
}

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
    request.headers["Accept"] = MediaType.json
    try ClientSupport.authorize(
        &request,
        oneOf: [[.bearer("token", token: credentials.token, provider: tokenProvider)]])
    let response = try await ClientSupport.send(
        request,
        baseURL: baseURL,
        transport: transport,
        middlewares: middlewares,
        tokenProvider: tokenProvider,
        maxBodyBytes: maxResponseBodyBytes)
    switch response.status {
    case 200:
        return .ok(try ClientSupport.decodeJSON(Item.self, from: response))
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
            let found = try request.authenticate(oneOf: [[.bearer("token")]])
            let credentials = DemoCredentials(token: found["token"])
            try request.checkAccept([.json])
            let input = GetItemInput()
            try request.validate(input)
            switch try await self.getItem(input, credentials: credentials) {
            case .ok(let body):
                return try .json(status: 200, body)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })
}

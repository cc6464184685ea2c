// What Tests/Fixtures/Reference/auth-oauth2.json generates: DemoCredentials, GetItemInput, DemoClient.getItem, DemoHandler.register.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Operations.swift: DemoCredentials
/// Credentials for the auth schemes of Demo API.
///
/// Their values never appear in descriptions, dumps or errors.
public struct DemoCredentials: Sendable, Hashable {
    /// OAuth 2.
    ///
    /// An OAuth 2 access token, sent as `Authorization: Bearer`. Flows:
    /// - authorizationCode: authorization https://auth.example.com/authorize, token https://auth.example.com/token, refresh https://auth.example.com/refresh; scopes: items:read (Read items.), items:write (Change items.)
    /// - clientCredentials: token https://auth.example.com/token; scopes: items:read
    public var oauth: String?

    /// An OpenID Connect access token, sent as `Authorization: Bearer`; discovery: https://auth.example.com/.well-known/openid-configuration
    public var oidc: String?

    /// Creates credentials; give the ones the operations you call need.
    public init(oauth: String? = nil, oidc: String? = nil) {
        self.oauth = oauth
        self.oidc = oidc
    }
}

// Operations.swift: DemoCredentials
extension DemoCredentials: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { Redacted.describe("DemoCredentials", redactedFields) }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Redacted.mirror(self, redactedFields) }

    private var redactedFields: KeyValuePairs<String, Any> {
        [
            "oauth": self.oauth.map { _ in Redacted.placeholder } as Any,
            "oidc": self.oidc.map { _ in Redacted.placeholder } as Any,
        ]
    }
}

// Operations.swift: GetItemInput
/// The parameters and body of `getItem`.
public struct GetItemInput: Sendable, Hashable {
    /// The operation's identity, which every request of it carries (`APIRequest.operation`).
    public static let operation = OperationInfo(id: "getItem", method: .get, pathTemplate: "/item")

    /// The scopes the request's token must carry, by auth scheme. The server does not check them: the handler does.
    public static let requiredScopes: [String: [String]] = ["oauth": ["items:read"], "oidc": ["openid", "profile"]]

    /// Creates the input of `getItem`.
    public init() {
    }
}

// Operations.swift: GetItemInput
extension GetItemInput: Unconstrained {}

// Client.swift: DemoClient.getItem
/// `GET /item`
///
/// Requires the scopes items:read (oauth); or openid, profile (oidc); the server does not check them, the handler does.
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
        oneOf: [
            [.bearer("oauth", token: credentials.oauth, provider: tokenProvider)],
            [.bearer("oidc", token: credentials.oidc, provider: tokenProvider)],
        ])
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
            let found = try request.authenticate(oneOf: [[.bearer("oauth")], [.bearer("oidc")]])
            let credentials = DemoCredentials(oauth: found["oauth"], oidc: found["oidc"])
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

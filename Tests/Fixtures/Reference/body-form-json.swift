// What Tests/Fixtures/Reference/body-form-json.json generates: Settings, Channel, UpdateSettingsInput, DemoClient.updateSettings, DemoHandler.updateSettings, DemoHandler.register.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Settings
/// A form body with free-form JSON fields: each is its JSON text in one value.
public struct Settings: Sendable, Hashable {
    public var rateLimits: AnyJSON

    public var channels: [AnyJSON]

    public var metadata: [String: AnyJSON]?

    public var channel: Channel?

    /// Creates a `Settings`.
    public init(rateLimits: AnyJSON, channels: [AnyJSON], metadata: [String: AnyJSON]? = nil, channel: Channel? = nil) {
        self.rateLimits = rateLimits
        self.channels = channels
        self.metadata = metadata
        self.channel = channel
    }
}

// Models.swift: Settings
extension Settings: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.nested(self.channel, "channel")
    }
}

// JSONCoding.swift: Settings
extension Settings: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.rateLimits = try container.decode(AnyJSON.self, forKey: "RateLimits")
        self.channels = try container.decode([AnyJSON].self, forKey: "Channels")
        self.metadata = try container.decodeIfPresent([String: AnyJSON].self, forKey: "Metadata")
        self.channel = try container.decodeIfPresent(Channel.self, forKey: "channel")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.rateLimits, forKey: "RateLimits")
        try container.encode(self.channels, forKey: "Channels")
        try container.encodeIfPresent(self.metadata, forKey: "Metadata")
        try container.encodeIfPresent(self.channel, forKey: "channel")
    }
}

// TextTreeCoding.swift: Settings
extension Settings: TextTreeCodable {
    public init(textTree reader: TextTreeReader) throws(ValidationErrors) {
        let members = try reader.object()
        self.rateLimits = try members.decode("RateLimits")
        self.channels = try members.decode("Channels")
        self.metadata = try members.decodeIfPresent("Metadata")
        self.channel = try members.decodeIfPresent("channel")
    }

    public func textTree() -> TextTree {
        var tree = TextTreeObjectBuilder()
        tree.encode(self.rateLimits, "RateLimits")
        tree.encode(self.channels, "Channels")
        tree.encodeIfPresent(self.metadata, "Metadata")
        tree.encodeIfPresent(self.channel, "channel")
        return tree.tree
    }
}

// Models.swift: Channel
/// Sent as channel[config]={"sid":"…"}.
public struct Channel: Sendable, Hashable {
    public var config: AnyJSON

    /// Creates a `Channel`.
    public init(config: AnyJSON) {
        self.config = config
    }
}

// Models.swift: Channel
extension Channel: Unconstrained {}

// JSONCoding.swift: Channel
extension Channel: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.config = try container.decode(AnyJSON.self, forKey: "config")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.config, forKey: "config")
    }
}

// TextTreeCoding.swift: Channel
extension Channel: TextTreeCodable {
    public init(textTree reader: TextTreeReader) throws(ValidationErrors) {
        let members = try reader.object()
        self.config = try members.decode("config")
    }

    public func textTree() -> TextTree {
        var tree = TextTreeObjectBuilder()
        tree.encode(self.config, "config")
        return tree.tree
    }
}

// Operations.swift: UpdateSettingsInput
/// The parameters and body of `updateSettings`.
public struct UpdateSettingsInput: Sendable, Hashable {
    /// The operation's identity, which every request of it carries (`APIRequest.operation`).
    public static let operation = OperationInfo(id: "updateSettings", method: .post, pathTemplate: "/settings")

    /// A form body with free-form JSON fields: each is its JSON text in one value.
    public var body: Settings

    /// Creates the input of `updateSettings`.
    public init(body: Settings) {
        self.body = body
    }
}

// Operations.swift: UpdateSettingsInput
extension UpdateSettingsInput: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        self.body.validate(&validator)
    }
}

// Client.swift: DemoClient.updateSettings
/// `POST /settings`
///
/// - Parameters:
///   - body: A form body with free-form JSON fields: each is its JSON text in one value.
///   - bodyFormat: The request body's content type: one of `.formURLEncoded`, `.multipart`.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func updateSettings(
    body: Settings,
    bodyFormat: BodyFormat = .formURLEncoded
) async throws(ClientError) -> UpdateSettingsOutput {
    try await updateSettings(UpdateSettingsInput(body: body), bodyFormat: bodyFormat)
}

// Client.swift: DemoClient.updateSettings
/// Calls `POST /settings`. Takes the input as one value.
///
/// - Parameters:
///   - input: The parameters and body.
///   - bodyFormat: The request body's content type: one of `.formURLEncoded`, `.multipart`.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func updateSettings(
    _ input: UpdateSettingsInput,
    bodyFormat: BodyFormat = .formURLEncoded
) async throws(ClientError) -> UpdateSettingsOutput {
    try ClientSupport.validate(input)
    var request = APIRequest(operation: UpdateSettingsInput.operation, path: "/settings")
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

// Server.swift: DemoHandler.updateSettings
/// `POST /settings`
///
/// - Parameter input: The parameters and body, already validated.
/// - Returns: The answer to encode.
/// - Throws: A ``ServerError`` to answer with its status; any other error answers 500.
func updateSettings(_ input: UpdateSettingsInput) async throws -> UpdateSettingsOutput

// Server.swift: DemoHandler.register
/// Adds every operation of Demo API to `registrar`: the built-in ``APIRouter`` or a server framework's.
///
/// - Parameters:
///   - registrar: Where the operations go; their path templates are relative to the base path.
///   - middlewares: What every request passes through, in order, before the handler.
public func register(on registrar: inout some OperationRegistrar, middlewares: [any ServerMiddleware] = []) {
    registrar.register(
        UpdateSettingsInput.operation,
        handler: ServerSupport.handler(UpdateSettingsInput.operation, middlewares: middlewares) { request in
            let request = try await request.collectingBody()
            let input = UpdateSettingsInput(
                body: try request.decodeBody(Settings.self, formats: [.formURLEncoded, .multipart], dialect: .demo))
            try request.validate(input)
            switch try await self.updateSettings(input) {
            case .noContent(let body):
                return .raw(status: 204, body)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })
}

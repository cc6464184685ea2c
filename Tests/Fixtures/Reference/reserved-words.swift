// What Tests/Fixtures/Reference/reserved-words.json generates: Record, Visibility, GetRecordInput, DemoClient.getRecord.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Record
public struct Record: Sendable, Hashable {
    public var `default`: String

    public var `class`: String

    public var _self: Int

    public var type: Bool

    public var _2fa: Bool

    /// Creates a `Record`.
    public init(default: String, class: String, _self: Int, type: Bool, _2fa: Bool) {
        self.default = `default`
        self.class = `class`
        self._self = _self
        self.type = type
        self._2fa = _2fa
    }
}

// Models.swift: Record
extension Record: Unconstrained {}

// JSONCoding.swift: Record
extension Record: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.default = try container.decode(String.self, forKey: "default")
        self.class = try container.decode(String.self, forKey: "class")
        self._self = try container.decode(Int.self, forKey: "self")
        self.type = try container.decode(Bool.self, forKey: "Type")
        self._2fa = try container.decode(Bool.self, forKey: "2fa")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.default, forKey: "default")
        try container.encode(self.class, forKey: "class")
        try container.encode(self._self, forKey: "self")
        try container.encode(self.type, forKey: "Type")
        try container.encode(self._2fa, forKey: "2fa")
    }
}

// Models.swift: Visibility
public enum Visibility: String, Sendable, Hashable, CaseIterable, ParameterValue {
    case `private` = "private"
    case `public` = "public"
    case `in` = "in"
}

// JSONCoding.swift: Visibility
extension Visibility: Codable {
    public init(from decoder: any Decoder) throws {
        self = try decoder.decodeStringEnum(Self.self)
    }
}

// Operations.swift: GetRecordInput
/// The parameters and body of `getRecord`.
public struct GetRecordInput: Sendable, Hashable {
    /// The operation's identity, which every request of it carries (`APIRequest.operation`).
    public static let operation = OperationInfo(id: "getRecord", method: .get, pathTemplate: "/records")

    public var `in`: Visibility

    /// Creates the input of `getRecord`.
    public init(in: Visibility) {
        self.in = `in`
    }
}

// Operations.swift: GetRecordInput
extension GetRecordInput: Unconstrained {}

// Client.swift: DemoClient.getRecord
/// `GET /records`
///
/// - Parameters:
///   - in:
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func getRecord(in: Visibility) async throws(ClientError) -> GetRecordOutput {
    try await getRecord(GetRecordInput(in: `in`))
}

// Client.swift: DemoClient.getRecord
/// Calls `GET /records`. Takes the input as one value.
///
/// - Parameter input: The parameters and body.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func getRecord(_ input: GetRecordInput) async throws(ClientError) -> GetRecordOutput {
    try ClientSupport.validate(input)
    var request = APIRequest(operation: GetRecordInput.operation, path: "/records")
    request.addQuery("in", input.in)
    request.headers["Accept"] = MediaType.json
    let response = try await ClientSupport.send(
        request,
        baseURL: baseURL,
        transport: transport,
        middlewares: middlewares,
        maxBodyBytes: maxResponseBodyBytes)
    switch response.status {
    case 200:
        return .ok(try ClientSupport.decodeJSON(Record.self, from: response))
    default:
        return .undocumented(status: response.status, body: ClientSupport.rawBody(of: response))
    }
}

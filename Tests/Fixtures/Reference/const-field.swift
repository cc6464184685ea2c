// What Tests/Fixtures/Reference/const-field.json generates: PendingLogin.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: PendingLogin
public struct PendingLogin: Sendable, Hashable {
    /// Always `"pending_login"`.
    public var object: String { "pending_login" }

    public var token: String

    /// Creates a `PendingLogin`.
    public init(token: String) {
        self.token = token
    }
}

// Models.swift: PendingLogin
extension PendingLogin: Unconstrained {}

// JSONCoding.swift: PendingLogin
extension PendingLogin: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        _ = try container.decodeConstant("pending_login", forKey: "object")
        self.token = try container.decode(String.self, forKey: "token")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.object, forKey: "object")
        try container.encode(self.token, forKey: "token")
    }
}

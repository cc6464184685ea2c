// What Tests/Fixtures/Reference/sensitive.json generates: Login.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Login
public struct Login: Sendable, Hashable {
    public var username: String

    /// Sensitive: never shown in descriptions, dumps or errors.
    public var password: String

    /// Creates a `Login`.
    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }
}

// Models.swift: Login
extension Login: Unconstrained {}

// Models.swift: Login
extension Login: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { Redacted.describe("Login", redactedFields) }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Redacted.mirror(self, redactedFields) }

    private var redactedFields: KeyValuePairs<String, Any> {
        ["username": self.username, "password": Redacted.placeholder]
    }
}

// JSONCoding.swift: Login
extension Login: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.username = try container.decode(String.self, forKey: "username")
        self.password = try container.decode(String.self, forKey: "password")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.username, forKey: "username")
        try container.encode(self.password, forKey: "password")
    }
}

// What Tests/Fixtures/Reference/string-constraints.json generates: Account.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Account
public struct Account: Sendable, Hashable {
    /// Constraints: 3 to 20 characters, matches `^[a-z0-9_]+$`.
    public var username: String

    /// Creates an `Account`.
    public init(username: String) {
        self.username = username
    }
}

// Models.swift: Account
extension Account: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.check(self.username, "username", minLength: 3, maxLength: 20, pattern: "^[a-z0-9_]+$")
    }
}

// JSONCoding.swift: Account
extension Account: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.username = try container.decode(String.self, forKey: "username")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.username, forKey: "username")
    }
}

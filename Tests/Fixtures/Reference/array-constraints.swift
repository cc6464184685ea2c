// What Tests/Fixtures/Reference/array-constraints.json generates: Team.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Team
public struct Team: Sendable, Hashable {
    /// Constraints: at least 1 items, at most 10 items.
    public var members: [String]

    /// Creates a `Team`.
    public init(members: [String]) {
        self.members = members
    }
}

// Models.swift: Team
extension Team: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.check(self.members, "members", minItems: 1, maxItems: 10)
    }
}

// JSONCoding.swift: Team
extension Team: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.members = try container.decode([String].self, forKey: "members")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.members, forKey: "members")
    }
}

// What Tests/Fixtures/Reference/swift-names.json generates: Rating, Sign.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Rating
public struct Rating: Sendable, Hashable {
    public var plusOne: Int

    public var userID: String

    /// Creates a `Rating`.
    public init(plusOne: Int, userID: String) {
        self.plusOne = plusOne
        self.userID = userID
    }
}

// Models.swift: Rating
extension Rating: Unconstrained {}

// JSONCoding.swift: Rating
extension Rating: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.plusOne = try container.decode(Int.self, forKey: "+1")
        self.userID = try container.decode(String.self, forKey: "user-id")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.plusOne, forKey: "+1")
        try container.encode(self.userID, forKey: "user-id")
    }
}

// Models.swift: Sign
public enum Sign: String, Sendable, Hashable, CaseIterable, ParameterValue {
    case plus = "+"
    case minus = "-"
}

// JSONCoding.swift: Sign
extension Sign: Codable {
    public init(from decoder: any Decoder) throws {
        self = try decoder.decodeStringEnum(Self.self)
    }
}

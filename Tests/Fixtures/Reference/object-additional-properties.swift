// What Tests/Fixtures/Reference/object-additional-properties.json generates: Scores.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Scores
/// Named fields plus a score for every other member.
public struct Scores: Sendable, Hashable {
    public var player: String

    public var round: Int?

    /// The members beside the fields, by name.
    ///
    /// A name a field takes is refused by validation and never encoded.
    public var additionalProperties: [String: Score]

    /// Creates a `Scores`.
    ///
    /// - Parameters:
    ///   - additionalProperties: The members beside the fields, by name.
    public init(player: String, round: Int? = nil, additionalProperties: [String: Score] = [:]) {
        self.player = player
        self.round = round
        self.additionalProperties = additionalProperties
    }
}

// Models.swift: Scores
extension Scores: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.rest(self.additionalProperties, declared: Self.declaredMembers)
        validator.eachMember(self.additionalProperties)
    }
}

// Models.swift: Scores
extension Scores {
    /// The wire names the fields take; every other member goes to `additionalProperties`.
    static let declaredMembers: Set<String> = ["player", "round"]
}

// JSONCoding.swift: Scores
extension Scores: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.player = try container.decode(String.self, forKey: "player")
        self.round = try container.decodeIfPresent(Int.self, forKey: "round")
        self.additionalProperties = try container.decodeRest(Score.self, declared: Self.declaredMembers)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.player, forKey: "player")
        try container.encodeIfPresent(self.round, forKey: "round")
        try container.encodeRest(self.additionalProperties, declared: Self.declaredMembers)
    }
}

// What Tests/Fixtures/Reference/number-constraints.json generates: Reading.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Reading
public struct Reading: Sendable, Hashable {
    /// Constraints: ≥ 0, ≤ 100.
    public var percent: Int

    /// Constraints: ≥ -5.
    public var level: Int32

    /// Constraints: ≥ 0.5, ≤ 1.5.
    public var ratio: Double

    /// Creates a `Reading`.
    public init(percent: Int, level: Int32, ratio: Double) {
        self.percent = percent
        self.level = level
        self.ratio = ratio
    }
}

// Models.swift: Reading
extension Reading: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.check(self.percent, "percent", minimum: 0, maximum: 100)
        validator.check(self.level, "level", minimum: -5)
        validator.check(self.ratio, "ratio", minimum: 0.5, maximum: 1.5)
    }
}

// JSONCoding.swift: Reading
extension Reading: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.percent = try container.decode(Int.self, forKey: "percent")
        self.level = try container.decode(Int32.self, forKey: "level")
        self.ratio = try container.decode(Double.self, forKey: "ratio")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.percent, forKey: "percent")
        try container.encode(self.level, forKey: "level")
        try container.encode(self.ratio, forKey: "ratio")
    }
}

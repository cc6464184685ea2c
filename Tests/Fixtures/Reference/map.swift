// What Tests/Fixtures/Reference/map.json generates: Inventory.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Inventory
public struct Inventory: Sendable, Hashable {
    public var counts: [String: Int]

    public var items: [String: Item]

    /// Creates an `Inventory`.
    public init(counts: [String: Int], items: [String: Item]) {
        self.counts = counts
        self.items = items
    }
}

// Models.swift: Inventory
extension Inventory: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.each(self.items, "items")
    }
}

// JSONCoding.swift: Inventory
extension Inventory: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.counts = try container.decode([String: Int].self, forKey: "counts")
        self.items = try container.decode([String: Item].self, forKey: "items")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.counts, forKey: "counts")
        try container.encode(self.items, forKey: "items")
    }
}

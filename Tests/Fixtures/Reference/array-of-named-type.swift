// What Tests/Fixtures/Reference/array-of-named-type.json generates: Order.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Order
public struct Order: Sendable, Hashable {
    public var items: [Item]

    /// Creates an `Order`.
    public init(items: [Item]) {
        self.items = items
    }
}

// Models.swift: Order
extension Order: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.each(self.items, "items")
    }
}

// JSONCoding.swift: Order
extension Order: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.items = try container.decode([Item].self, forKey: "items")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.items, forKey: "items")
    }
}

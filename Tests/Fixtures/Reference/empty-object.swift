// What Tests/Fixtures/Reference/empty-object.json generates: Empty.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Empty
/// An object without fields.
public struct Empty: Sendable, Hashable {
    /// Creates an `Empty`.
    public init() {}
}

// Models.swift: Empty
extension Empty: Unconstrained {}

// JSONCoding.swift: Empty
extension Empty: Codable {
    public init(from decoder: any Decoder) throws {
        try decoder.requireObject()
    }

    public func encode(to encoder: any Encoder) throws {
        _ = encoder.container(keyedBy: AnyCodingKey.self)
    }
}

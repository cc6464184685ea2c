// What Tests/Fixtures/Reference/closed-enum.json generates: Color.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Color
/// A color.
public enum Color: String, Sendable, Hashable, CaseIterable, ParameterValue {
    case red = "red"
    /// Go.
    case green = "green"
    case darkBlue = "dark-blue"
}

// JSONCoding.swift: Color
extension Color: Codable {
    public init(from decoder: any Decoder) throws {
        self = try decoder.decodeStringEnum(Self.self)
    }
}

// What Tests/Fixtures/Reference/enum-number-open.json generates: Ratio.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Ratio
/// A number enum that keeps values it does not list.
public enum Ratio: Sendable, Hashable, RawRepresentable, ParameterValue {
    case _0_5
    case _1
    case twoAndAHalf
    case minus0_25
    /// A value this definition does not list, kept as it came.
    case unknown(Double)

    /// The case for `rawValue`; values the definition does not list become `.unknown`.
    public init(rawValue: Double) {
        switch rawValue {
        case 0.5: self = ._0_5
        case 1.0: self = ._1
        case 2.5: self = .twoAndAHalf
        case -0.25: self = .minus0_25
        default: self = .unknown(rawValue)
        }
    }

    /// The value as the API spells it.
    public var rawValue: Double {
        switch self {
        case ._0_5: 0.5
        case ._1: 1.0
        case .twoAndAHalf: 2.5
        case .minus0_25: -0.25
        case .unknown(let value): value
        }
    }
}

// JSONCoding.swift: Ratio
extension Ratio: Codable {
    public init(from decoder: any Decoder) throws {
        self = try decoder.decodeOpenNumericEnum(Self.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

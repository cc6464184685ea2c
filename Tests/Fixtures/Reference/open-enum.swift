// What Tests/Fixtures/Reference/open-enum.json generates: Channel.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Channel
public enum Channel: Sendable, Hashable, RawRepresentable, ParameterValue {
    case email
    case sms
    /// A value this definition does not list, kept as it came.
    case unknown(String)

    /// The case for `rawValue`; values the definition does not list become `.unknown`.
    public init(rawValue: String) {
        switch rawValue {
        case "email": self = .email
        case "sms": self = .sms
        default: self = .unknown(rawValue)
        }
    }

    /// The value as the API spells it.
    public var rawValue: String {
        switch self {
        case .email: "email"
        case .sms: "sms"
        case .unknown(let value): value
        }
    }
}

// JSONCoding.swift: Channel
extension Channel: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

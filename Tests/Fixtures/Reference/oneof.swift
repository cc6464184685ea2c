// What Tests/Fixtures/Reference/oneof.json generates: Shape.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Shape
/// One of: ``Circle``, ``Square``.
public enum Shape: Sendable, Hashable {
    case circle(Circle)
    case square(Square)
}

// Models.swift: Shape
extension Shape {
    /// How a payload is matched to an alternative: by constants first, then by required fields.
    static let oneOfCandidates: [OneOfCandidate] = [
        OneOfCandidate("Circle", required: ["radius"]),
        OneOfCandidate("Square", required: ["side"]),
    ]
}

// Models.swift: Shape
extension Shape: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        switch self {
        case .circle(let value): value.validate(&validator)
        case .square(let value): value.validate(&validator)
        }
    }
}

// JSONCoding.swift: Shape
extension Shape: Codable {
    public init(from decoder: any Decoder) throws {
        switch try OneOfDecision.choose(Self.oneOfCandidates, decoder: decoder) {
        case 0: self = .circle(try Circle(from: decoder))
        default: self = .square(try Square(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .circle(let value): try value.encode(to: encoder)
        case .square(let value): try value.encode(to: encoder)
        }
    }
}

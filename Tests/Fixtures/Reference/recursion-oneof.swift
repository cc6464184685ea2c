// What Tests/Fixtures/Reference/recursion-oneof.json generates: Expr, Sum.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Expr
/// An arithmetic expression.
///
/// One of: ``Literal``, ``Sum``.
public enum Expr: Sendable, Hashable {
    case literal(Literal)
    case sum(Sum)
}

// Models.swift: Expr
extension Expr {
    /// How a payload is matched to an alternative: by constants first, then by required fields.
    static let oneOfCandidates: [OneOfCandidate] = [
        OneOfCandidate("Literal", required: ["value"]),
        OneOfCandidate("Sum", required: ["left", "right"]),
    ]
}

// Models.swift: Expr
extension Expr: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        switch self {
        case .literal(let value): value.validate(&validator)
        case .sum(let value): value.validate(&validator)
        }
    }
}

// JSONCoding.swift: Expr
extension Expr: Codable {
    public init(from decoder: any Decoder) throws {
        switch try OneOfDecision.choose(Self.oneOfCandidates, decoder: decoder) {
        case 0: self = .literal(try Literal(from: decoder))
        default: self = .sum(try Sum(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .literal(let value): try value.encode(to: encoder)
        case .sum(let value): try value.encode(to: encoder)
        }
    }
}

// Models.swift: Sum
public struct Sum: Sendable, Hashable {
    public var left: Expr {
        get { _left.value }
        set { _left = Indirect(newValue) }
    }
    var _left: Indirect<Expr>

    public var right: Expr {
        get { _right.value }
        set { _right = Indirect(newValue) }
    }
    var _right: Indirect<Expr>

    /// Creates a `Sum`.
    public init(left: Expr, right: Expr) {
        self._left = Indirect(left)
        self._right = Indirect(right)
    }
}

// Models.swift: Sum
extension Sum: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.nested(self.left, "left")
        validator.nested(self.right, "right")
    }
}

// Models.swift: Sum
extension Sum: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { Redacted.describe("Sum", redactedFields) }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Redacted.mirror(self, redactedFields) }

    private var redactedFields: KeyValuePairs<String, Any> {
        ["left": self.left, "right": self.right]
    }
}

// JSONCoding.swift: Sum
extension Sum: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self._left = Indirect(try container.decode(Expr.self, forKey: "left"))
        self._right = Indirect(try container.decode(Expr.self, forKey: "right"))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.left, forKey: "left")
        try container.encode(self.right, forKey: "right")
    }
}

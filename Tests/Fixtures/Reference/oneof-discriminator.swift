// What Tests/Fixtures/Reference/oneof-discriminator.json generates: Pet, Cat.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Pet
/// One of: ``Cat``, ``Dog``.
public enum Pet: Sendable, Hashable {
    case cat(Cat)
    /// A dog, called a hound in Swift.
    case hound(Dog)
}

// Models.swift: Pet
extension Pet {
    /// How a payload is matched to an alternative: by constants first, then by required fields.
    static let oneOfCandidates: [OneOfCandidate] = [
        OneOfCandidate("Cat", required: ["kind", "lives"], constants: [.init("kind", "cat"), .init("kind", "cat")]),
        OneOfCandidate("Dog", required: ["kind", "good"], constants: [.init("kind", "dog"), .init("kind", "dog")]),
    ]
}

// Models.swift: Pet
extension Pet: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        switch self {
        case .cat(let value):
            value.validate(&validator)
            validator.expect(value.kind, "kind", equals: "cat")
        case .hound(let value):
            value.validate(&validator)
            validator.expect(value.kind, "kind", equals: "dog")
        }
    }
}

// JSONCoding.swift: Pet
extension Pet: Codable {
    public init(from decoder: any Decoder) throws {
        switch try OneOfDecision.choose(Self.oneOfCandidates, decoder: decoder) {
        case 0: self = .cat(try Cat(from: decoder))
        default: self = .hound(try Dog(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .cat(let value): try value.encode(to: encoder)
        case .hound(let value): try value.encode(to: encoder)
        }
    }
}

// Models.swift: Cat
public struct Cat: Sendable, Hashable {
    /// Always `"cat"`.
    public var kind: String { "cat" }

    public var lives: Int

    /// Creates a `Cat`.
    public init(lives: Int) {
        self.lives = lives
    }
}

// Models.swift: Cat
extension Cat: Unconstrained {}

// JSONCoding.swift: Cat
extension Cat: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        _ = try container.decodeConstant("cat", forKey: "kind")
        self.lives = try container.decode(Int.self, forKey: "lives")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.kind, forKey: "kind")
        try container.encode(self.lives, forKey: "lives")
    }
}

// What Tests/Fixtures/Reference/anyof-form.json generates: AddressOrUnset, Payment, Customer.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: AddressOrUnset
/// Sent as address[city]=…, or address= to unset it.
///
/// Any of: `Address`, `Unset`. Every alternative the value is valid as is set; at least one is.
public struct AddressOrUnset: Sendable, Hashable {
    public var address: Address?

    public var unset: Unset?

    /// Creates an `AddressOrUnset`; set at least one alternative.
    public init(address: Address? = nil, unset: Unset? = nil) {
        self.address = address
        self.unset = unset
    }
}

// Models.swift: AddressOrUnset
extension AddressOrUnset: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.anyOf([("Address", self.address != nil, true), ("Unset", self.unset != nil, false)])
        self.address?.validate(&validator)
    }
}

// JSONCoding.swift: AddressOrUnset
extension AddressOrUnset: Codable {
    public init(from decoder: any Decoder) throws {
        var attempt = AnyOfAttempt(decoder)
        self.address = attempt.decode(Address.self, "Address")
        self.unset = attempt.decode(Unset.self, "Unset")
        try attempt.finish()
    }

    public func encode(to encoder: any Encoder) throws {
        if self.address != nil {
            try self.address?.encode(to: encoder)
        } else if let value = self.unset {
            try value.encode(to: encoder)
        } else {
            throw AnyOfEncoding.noAlternative(self, encoder)
        }
    }
}

// TextTreeCoding.swift: AddressOrUnset
extension AddressOrUnset: TextTreeCodable {
    public init(textTree reader: TextTreeReader) throws(ValidationErrors) {
        var attempt = AnyOfTextTreeAttempt(reader)
        self.unset = attempt.decode(Unset.self, "Unset")
        self.address = attempt.decodeObject(Address.self, "Address")
        try attempt.finish()
    }

    public func textTree() -> TextTree {
        if let value = self.address { return value.textTree() }
        if let value = self.unset { return value.textTree() }
        return .null
    }
}

// Models.swift: Payment
/// Sent as payment[type]=card&payment[number]=….
///
/// One of: ``Card``, ``Bank``.
public enum Payment: Sendable, Hashable {
    case card(Card)
    case bank(Bank)
}

// Models.swift: Payment
extension Payment {
    /// How a payload is matched to an alternative: by constants first, then by required fields.
    static let oneOfCandidates: [OneOfCandidate] = [
        OneOfCandidate("Card", required: ["type", "number"], constants: [.init("type", "card"), .init("type", "card")]),
        OneOfCandidate("Bank", required: ["type", "iban"], constants: [.init("type", "bank"), .init("type", "bank")]),
    ]
}

// Models.swift: Payment
extension Payment: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        switch self {
        case .card(let value):
            value.validate(&validator)
            validator.expect(value.type, "type", equals: "card")
        case .bank(let value):
            value.validate(&validator)
            validator.expect(value.type, "type", equals: "bank")
        }
    }
}

// JSONCoding.swift: Payment
extension Payment: Codable {
    public init(from decoder: any Decoder) throws {
        switch try OneOfDecision.choose(Self.oneOfCandidates, decoder: decoder) {
        case 0: self = .card(try Card(from: decoder))
        default: self = .bank(try Bank(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .card(let value): try value.encode(to: encoder)
        case .bank(let value): try value.encode(to: encoder)
        }
    }
}

// TextTreeCoding.swift: Payment
extension Payment: TextTreeCodable {
    public init(textTree reader: TextTreeReader) throws(ValidationErrors) {
        switch try OneOfDecision.choose(Self.oneOfCandidates, reader: reader) {
        case 0: self = .card(try Card(textTree: reader))
        default: self = .bank(try Bank(textTree: reader))
        }
    }

    public func textTree() -> TextTree {
        switch self {
        case .card(let value): value.textTree()
        case .bank(let value): value.textTree()
        }
    }
}

// Models.swift: Customer
/// A form body with an anyOf and a oneOf.
public struct Customer: Sendable, Hashable {
    public var address: AddressOrUnset?

    public var payment: Payment

    /// Creates a `Customer`.
    public init(address: AddressOrUnset? = nil, payment: Payment) {
        self.address = address
        self.payment = payment
    }
}

// Models.swift: Customer
extension Customer: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.nested(self.address, "address")
        validator.nested(self.payment, "payment")
    }
}

// JSONCoding.swift: Customer
extension Customer: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.address = try container.decodeIfPresent(AddressOrUnset.self, forKey: "address")
        self.payment = try container.decode(Payment.self, forKey: "payment")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(self.address, forKey: "address")
        try container.encode(self.payment, forKey: "payment")
    }
}

// TextTreeCoding.swift: Customer
extension Customer: TextTreeCodable {
    public init(textTree reader: TextTreeReader) throws(ValidationErrors) {
        let members = try reader.object()
        self.address = try members.decodeAnyOfIfPresent("address")
        self.payment = try members.decode("payment")
    }

    public func textTree() -> TextTree {
        var tree = TextTreeObjectBuilder()
        tree.encodeIfPresent(self.address, "address")
        tree.encode(self.payment, "payment")
        return tree.tree
    }
}

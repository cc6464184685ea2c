// What Tests/Fixtures/Reference/anyof-map-variant.json generates: Metadata, TaxRates, Funding.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Metadata
/// Key-value pairs, or the empty string to unset them.
///
/// Any of: `{string}`, `Unset`. Every alternative the value is valid as is set; at least one is.
public struct Metadata: Sendable, Hashable {
    public var entries: [String: String]?

    public var unset: Unset?

    /// Creates a `Metadata`; set at least one alternative.
    public init(entries: [String: String]? = nil, unset: Unset? = nil) {
        self.entries = entries
        self.unset = unset
    }
}

// Models.swift: Metadata
extension Metadata: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.anyOf([("{string}", self.entries != nil, true), ("Unset", self.unset != nil, false)])
    }
}

// JSONCoding.swift: Metadata
extension Metadata: Codable {
    public init(from decoder: any Decoder) throws {
        var attempt = AnyOfAttempt(decoder)
        self.entries = attempt.decode([String: String].self, "{string}")
        self.unset = attempt.decode(Unset.self, "Unset")
        try attempt.finish()
    }

    public func encode(to encoder: any Encoder) throws {
        if let value = self.entries {
            try AnyOfEncoding.encodeMembers(value, to: encoder)
        } else if let value = self.unset {
            try value.encode(to: encoder)
        } else {
            throw AnyOfEncoding.noAlternative(self, encoder)
        }
    }
}

// TextTreeCoding.swift: Metadata
extension Metadata: TextTreeCodable {
    public init(textTree reader: TextTreeReader) throws(ValidationErrors) {
        var attempt = AnyOfTextTreeAttempt(reader)
        self.unset = attempt.decode(Unset.self, "Unset")
        self.entries = attempt.decodeContainer([String: String].self, "{string}")
        try attempt.finish()
    }

    public func textTree() -> TextTree {
        if let value = self.entries { return value.textTree() }
        if let value = self.unset { return value.textTree() }
        return .null
    }
}

// Models.swift: TaxRates
/// Tax rate IDs, or the empty string to unset them.
///
/// Any of: `[string]`, `Unset`. Every alternative the value is valid as is set; at least one is.
public struct TaxRates: Sendable, Hashable {
    public var stringArray: [String]?

    public var unset: Unset?

    /// Creates a `TaxRates`; set at least one alternative.
    public init(stringArray: [String]? = nil, unset: Unset? = nil) {
        self.stringArray = stringArray
        self.unset = unset
    }
}

// Models.swift: TaxRates
extension TaxRates: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.anyOf(shaped: [("[string]", self.stringArray != nil, .array), ("Unset", self.unset != nil, .value)])
    }
}

// JSONCoding.swift: TaxRates
extension TaxRates: Codable {
    public init(from decoder: any Decoder) throws {
        var attempt = AnyOfAttempt(decoder)
        self.stringArray = attempt.decode([String].self, "[string]")
        self.unset = attempt.decode(Unset.self, "Unset")
        try attempt.finish()
    }

    public func encode(to encoder: any Encoder) throws {
        if let value = self.stringArray {
            try value.encode(to: encoder)
        } else if let value = self.unset {
            try value.encode(to: encoder)
        } else {
            throw AnyOfEncoding.noAlternative(self, encoder)
        }
    }
}

// TextTreeCoding.swift: TaxRates
extension TaxRates: TextTreeCodable {
    public init(textTree reader: TextTreeReader) throws(ValidationErrors) {
        var attempt = AnyOfTextTreeAttempt(reader)
        self.unset = attempt.decode(Unset.self, "Unset")
        self.stringArray = attempt.decodeContainer([String].self, "[string]")
        try attempt.finish()
    }

    public func textTree() -> TextTree {
        if let value = self.stringArray { return value.textTree() }
        if let value = self.unset { return value.textTree() }
        return .null
    }
}

// Models.swift: Funding
/// Cards by name (a map of objects that validate themselves) merged with a card, or an account ID.
///
/// Any of: `{Card}`, `Card`, `string`. Every alternative the value is valid as is set; at least one is.
public struct Funding: Sendable, Hashable {
    public var cardMap: [String: Card]?

    public var card: Card?

    public var account: String?

    /// Creates a `Funding`; set at least one alternative.
    public init(cardMap: [String: Card]? = nil, card: Card? = nil, account: String? = nil) {
        self.cardMap = cardMap
        self.card = card
        self.account = account
    }
}

// Models.swift: Funding
extension Funding: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.anyOf([
            ("{Card}", self.cardMap != nil, true),
            ("Card", self.card != nil, true),
            ("string", self.account != nil, false),
        ])
        if let value = self.cardMap { validator.eachHere(value) }
        self.card?.validate(&validator)
    }
}

// JSONCoding.swift: Funding
extension Funding: Codable {
    public init(from decoder: any Decoder) throws {
        var attempt = AnyOfAttempt(decoder)
        self.cardMap = attempt.decode([String: Card].self, "{Card}")
        self.card = attempt.decode(Card.self, "Card")
        self.account = attempt.decode(String.self, "string")
        try attempt.finish()
    }

    public func encode(to encoder: any Encoder) throws {
        if self.cardMap != nil || self.card != nil {
            let merged = AnyOfEncoding.merging(encoder)
            if let value = self.cardMap { try AnyOfEncoding.encodeMembers(value, to: merged) }
            try self.card?.encode(to: merged)
        } else if let value = self.account {
            try value.encode(to: encoder)
        } else {
            throw AnyOfEncoding.noAlternative(self, encoder)
        }
    }
}

// TextTreeCoding.swift: Funding
extension Funding: TextTreeCodable {
    public init(textTree reader: TextTreeReader) throws(ValidationErrors) {
        var attempt = AnyOfTextTreeAttempt(reader)
        self.account = attempt.decode(String.self, "string")
        self.cardMap = attempt.decodeContainer([String: Card].self, "{Card}")
        self.card = attempt.decodeObject(Card.self, "Card")
        try attempt.finish()
    }

    public func textTree() -> TextTree {
        if self.cardMap != nil || self.card != nil {
            return AnyOfTextTree.merged([self.cardMap?.textTree(), self.card?.textTree()])
        }
        if let value = self.account { return value.textTree() }
        return .null
    }
}

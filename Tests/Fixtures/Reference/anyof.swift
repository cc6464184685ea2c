// What Tests/Fixtures/Reference/anyof.json generates: PaymentSource.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: PaymentSource
/// A card, an account ID, or an empty string to unset it.
///
/// Any of: `Card`, `string`, `Unset`. Every alternative the value is valid as is set; at least one is.
public struct PaymentSource: Sendable, Hashable {
    public var card: Card?

    /// The ID of a saved account.
    public var accountID: String?

    public var unset: Unset?

    /// Creates a `PaymentSource`; set at least one alternative.
    public init(card: Card? = nil, accountID: String? = nil, unset: Unset? = nil) {
        self.card = card
        self.accountID = accountID
        self.unset = unset
    }
}

// Models.swift: PaymentSource
extension PaymentSource: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.anyOf([
            ("Card", self.card != nil, true),
            ("string", self.accountID != nil, false),
            ("Unset", self.unset != nil, false),
        ])
        self.card?.validate(&validator)
    }
}

// JSONCoding.swift: PaymentSource
extension PaymentSource: Codable {
    public init(from decoder: any Decoder) throws {
        var attempt = AnyOfAttempt(decoder)
        self.card = attempt.decode(Card.self, "Card", constants: [.init("object", "card")])
        self.accountID = attempt.decode(String.self, "string")
        self.unset = attempt.decode(Unset.self, "Unset")
        try attempt.finish()
    }

    public func encode(to encoder: any Encoder) throws {
        if self.card != nil {
            try self.card?.encode(to: encoder)
        } else if let value = self.accountID {
            try value.encode(to: encoder)
        } else if let value = self.unset {
            try value.encode(to: encoder)
        } else {
            throw AnyOfEncoding.noAlternative(self, encoder)
        }
    }
}

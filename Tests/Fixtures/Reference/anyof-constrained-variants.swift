// What Tests/Fixtures/Reference/anyof-constrained-variants.json generates: CustomerRef, TrialEnd, Created.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: CustomerRef
/// An expandable field: the customer's ID, or the customer.
///
/// Any of: `string`, `Customer`. Every alternative the value is valid as is set; at least one is.
public struct CustomerRef: Sendable, Hashable {
    /// Constraints: at most 5000 characters, matches `^cus_`.
    public var id: String?

    public var customer: Customer?

    /// Creates a `CustomerRef`; set at least one alternative.
    public init(id: String? = nil, customer: Customer? = nil) {
        self.id = id
        self.customer = customer
    }
}

// Models.swift: CustomerRef
extension CustomerRef: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.anyOf([("string", self.id != nil, false), ("Customer", self.customer != nil, true)])
        validator.check(self.id, "", maxLength: 5000, pattern: "^cus_")
        self.customer?.validate(&validator)
    }
}

// JSONCoding.swift: CustomerRef
extension CustomerRef: Codable {
    public init(from decoder: any Decoder) throws {
        var attempt = AnyOfAttempt(decoder)
        self.id = attempt.decode(String.self, "string", checks: { $0.check($1, "", maxLength: 5000, pattern: "^cus_") })
        self.customer = attempt.decode(Customer.self, "Customer", constants: [.init("object", "customer")])
        try attempt.finish()
    }

    public func encode(to encoder: any Encoder) throws {
        if self.customer != nil {
            try self.customer?.encode(to: encoder)
        } else if let value = self.id {
            try value.encode(to: encoder)
        } else {
            throw AnyOfEncoding.noAlternative(self, encoder)
        }
    }
}

// TextTreeCoding.swift: CustomerRef
extension CustomerRef: TextTreeCodable {
    public init(textTree reader: TextTreeReader) throws(ValidationErrors) {
        var attempt = AnyOfTextTreeAttempt(reader)
        self.id = attempt.decode(String.self, "string", checks: { $0.check($1, "", maxLength: 5000, pattern: "^cus_") })
        self.customer = attempt.decodeObject(Customer.self, "Customer", constants: [.init("object", "customer")])
        try attempt.finish()
    }

    public func textTree() -> TextTree {
        if let value = self.customer { return value.textTree() }
        if let value = self.id { return value.textTree() }
        return .null
    }
}

// Models.swift: TrialEnd
/// "now", or a moment in unix-time seconds.
///
/// Any of: `string`, `integer`, `unix-time`. Every alternative the value is valid as is set; at least one is.
public struct TrialEnd: Sendable, Hashable {
    /// Constraints: 3 to 3 characters.
    public var keyword: String?

    /// Constraints: ≥ 0, ≤ 100.
    public var count: Int?

    public var unixTime: Date?

    /// Creates a `TrialEnd`; set at least one alternative.
    public init(keyword: String? = nil, count: Int? = nil, unixTime: Date? = nil) {
        self.keyword = keyword
        self.count = count
        self.unixTime = unixTime
    }
}

// Models.swift: TrialEnd
extension TrialEnd: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.anyOf([
            ("string", self.keyword != nil, false),
            ("integer", self.count != nil, false),
            ("unix-time", self.unixTime != nil, false),
        ])
        validator.check(self.keyword, "", minLength: 3, maxLength: 3)
        validator.check(self.count, "", minimum: 0, maximum: 100)
    }
}

// JSONCoding.swift: TrialEnd
extension TrialEnd: Codable {
    public init(from decoder: any Decoder) throws {
        var attempt = AnyOfAttempt(decoder)
        self.keyword = attempt.decode(String.self, "string", checks: { $0.check($1, "", minLength: 3, maxLength: 3) })
        self.count = attempt.decode(Int.self, "integer", checks: { $0.check($1, "", minimum: 0, maximum: 100) })
        self.unixTime = attempt.decode(Coded<UnixTimeCoding>.self, "unix-time")?.value
        try attempt.finish()
    }

    public func encode(to encoder: any Encoder) throws {
        if let value = self.keyword {
            try value.encode(to: encoder)
        } else if let value = self.count {
            try value.encode(to: encoder)
        } else if let value = self.unixTime {
            try Coded<UnixTimeCoding>(value).encode(to: encoder)
        } else {
            throw AnyOfEncoding.noAlternative(self, encoder)
        }
    }
}

// TextTreeCoding.swift: TrialEnd
extension TrialEnd: TextTreeCodable {
    public init(textTree reader: TextTreeReader) throws(ValidationErrors) {
        var attempt = AnyOfTextTreeAttempt(reader)
        self.keyword = attempt.decode(String.self, "string", checks: { $0.check($1, "", minLength: 3, maxLength: 3) })
        self.count = attempt.decode(Int.self, "integer", checks: { $0.check($1, "", minimum: 0, maximum: 100) })
        self.unixTime = attempt.decode(Coded<UnixTimeCoding>.self, "unix-time")?.value
        try attempt.finish()
    }

    public func textTree() -> TextTree {
        if let value = self.keyword { return value.textTree() }
        if let value = self.count { return value.textTree() }
        if let value = self.unixTime { return UnixTimeCoding.textTree(value) }
        return .null
    }
}

// Models.swift: Created
/// A moment, an ID or a day.
///
/// Any of: `date-time`, `uuid`, `date`, `bytes`, `decimal`, `uri`, `number`. Every alternative the value is valid as is set; at least one is.
public struct Created: Sendable, Hashable {
    public var dateTime: Date?

    public var uuid: UUID?

    public var date: CalendarDate?

    public var bytes: Data?

    public var decimal: Decimal?

    public var uri: URL?

    public var number: Double?

    /// Creates a `Created`; set at least one alternative.
    public init(
        dateTime: Date? = nil,
        uuid: UUID? = nil,
        date: CalendarDate? = nil,
        bytes: Data? = nil,
        decimal: Decimal? = nil,
        uri: URL? = nil,
        number: Double? = nil
    ) {
        self.dateTime = dateTime
        self.uuid = uuid
        self.date = date
        self.bytes = bytes
        self.decimal = decimal
        self.uri = uri
        self.number = number
    }
}

// Models.swift: Created
extension Created: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.anyOf([
            ("date-time", self.dateTime != nil, false),
            ("uuid", self.uuid != nil, false),
            ("date", self.date != nil, false),
            ("bytes", self.bytes != nil, false),
            ("decimal", self.decimal != nil, false),
            ("uri", self.uri != nil, false),
            ("number", self.number != nil, false),
        ])
    }
}

// JSONCoding.swift: Created
extension Created: Codable {
    public init(from decoder: any Decoder) throws {
        var attempt = AnyOfAttempt(decoder)
        self.dateTime = attempt.decode(Coded<DateTimeCoding>.self, "date-time")?.value
        self.uuid = attempt.decode(Coded<UUIDCoding>.self, "uuid")?.value
        self.date = attempt.decode(CalendarDate.self, "date")
        self.bytes = attempt.decode(Coded<BytesCoding>.self, "bytes")?.value
        self.decimal = attempt.decode(Coded<DecimalCoding>.self, "decimal")?.value
        self.uri = attempt.decode(Coded<URICoding>.self, "uri")?.value
        self.number = attempt.decode(Double.self, "number")
        try attempt.finish()
    }

    public func encode(to encoder: any Encoder) throws {
        if let value = self.dateTime {
            try Coded<DateTimeCoding>(value).encode(to: encoder)
        } else if let value = self.uuid {
            try Coded<UUIDCoding>(value).encode(to: encoder)
        } else if let value = self.date {
            try value.encode(to: encoder)
        } else if let value = self.bytes {
            try Coded<BytesCoding>(value).encode(to: encoder)
        } else if let value = self.decimal {
            try Coded<DecimalCoding>(value).encode(to: encoder)
        } else if let value = self.uri {
            try Coded<URICoding>(value).encode(to: encoder)
        } else if let value = self.number {
            try value.encode(to: encoder)
        } else {
            throw AnyOfEncoding.noAlternative(self, encoder)
        }
    }
}

// TextTreeCoding.swift: Created
extension Created: TextTreeCodable {
    public init(textTree reader: TextTreeReader) throws(ValidationErrors) {
        var attempt = AnyOfTextTreeAttempt(reader)
        self.dateTime = attempt.decode(Coded<DateTimeCoding>.self, "date-time")?.value
        self.uuid = attempt.decode(Coded<UUIDCoding>.self, "uuid")?.value
        self.date = attempt.decode(CalendarDate.self, "date")
        self.bytes = attempt.decode(Coded<BytesCoding>.self, "bytes")?.value
        self.decimal = attempt.decode(Coded<DecimalCoding>.self, "decimal")?.value
        self.uri = attempt.decode(Coded<URICoding>.self, "uri")?.value
        self.number = attempt.decode(Double.self, "number")
        try attempt.finish()
    }

    public func textTree() -> TextTree {
        if let value = self.dateTime { return DateTimeCoding.textTree(value) }
        if let value = self.uuid { return UUIDCoding.textTree(value) }
        if let value = self.date { return value.textTree() }
        if let value = self.bytes { return BytesCoding.textTree(value) }
        if let value = self.decimal { return DecimalCoding.textTree(value) }
        if let value = self.uri { return URICoding.textTree(value) }
        if let value = self.number { return value.textTree() }
        return .null
    }
}

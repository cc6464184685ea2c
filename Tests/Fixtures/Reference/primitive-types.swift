// What Tests/Fixtures/Reference/primitive-types.json generates: Sample.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Sample
public struct Sample: Sendable, Hashable {
    public var text: String

    public var count: Int

    public var small: Int32

    public var big: Int64

    public var ratio: Double

    public var flag: Bool

    public var id: UUID

    public var at: Date

    public var extra: AnyJSON

    /// Creates a `Sample`.
    public init(
        text: String,
        count: Int,
        small: Int32,
        big: Int64,
        ratio: Double,
        flag: Bool,
        id: UUID,
        at: Date,
        extra: AnyJSON
    ) {
        self.text = text
        self.count = count
        self.small = small
        self.big = big
        self.ratio = ratio
        self.flag = flag
        self.id = id
        self.at = at
        self.extra = extra
    }
}

// Models.swift: Sample
extension Sample: Unconstrained {}

// JSONCoding.swift: Sample
extension Sample: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.text = try container.decode(String.self, forKey: "text")
        self.count = try container.decode(Int.self, forKey: "count")
        self.small = try container.decode(Int32.self, forKey: "small")
        self.big = try container.decode(Int64.self, forKey: "big")
        self.ratio = try container.decode(Double.self, forKey: "ratio")
        self.flag = try container.decode(Bool.self, forKey: "flag")
        self.id = try container.decodeUUID(forKey: "id")
        self.at = try container.decodeDateTime(forKey: "at")
        self.extra = try container.decode(AnyJSON.self, forKey: "extra")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.text, forKey: "text")
        try container.encode(self.count, forKey: "count")
        try container.encode(self.small, forKey: "small")
        try container.encode(self.big, forKey: "big")
        try container.encode(self.ratio, forKey: "ratio")
        try container.encode(self.flag, forKey: "flag")
        try container.encodeUUID(self.id, forKey: "id")
        try container.encodeDateTime(self.at, forKey: "at")
        try container.encode(self.extra, forKey: "extra")
    }
}

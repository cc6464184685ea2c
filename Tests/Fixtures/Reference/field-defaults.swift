// What Tests/Fixtures/Reference/field-defaults.json generates: Settings.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Settings
public struct Settings: Sendable, Hashable {
    /// Default: 20, used when the field is absent.
    public var pageSize: Int

    /// Default: "light", used when the field is absent.
    public var theme: String

    /// Default: true, used when the field is absent.
    public var notify: Bool

    /// Default: 1.5, used when the field is absent.
    public var ratio: Double

    /// Default: "2024-01-01T00:00:00Z", used when the field is absent.
    public var since: Date

    /// Creates a `Settings`.
    public init(
        pageSize: Int = 20,
        theme: String = "light",
        notify: Bool = true,
        ratio: Double = 1.5,
        since: Date = Date(timeIntervalSince1970: 1704067200.0)
    ) {
        self.pageSize = pageSize
        self.theme = theme
        self.notify = notify
        self.ratio = ratio
        self.since = since
    }
}

// Models.swift: Settings
extension Settings: Unconstrained {}

// JSONCoding.swift: Settings
extension Settings: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.pageSize = try container.decodeIfPresent(Int.self, forKey: "page_size") ?? 20
        self.theme = try container.decodeIfPresent(String.self, forKey: "theme") ?? "light"
        self.notify = try container.decodeIfPresent(Bool.self, forKey: "notify") ?? true
        self.ratio = try container.decodeIfPresent(Double.self, forKey: "ratio") ?? 1.5
        self.since = try container.decodeDateTimeIfPresent(forKey: "since") ?? Date(timeIntervalSince1970: 1704067200.0)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.pageSize, forKey: "page_size")
        try container.encode(self.theme, forKey: "theme")
        try container.encode(self.notify, forKey: "notify")
        try container.encode(self.ratio, forKey: "ratio")
        try container.encodeDateTime(self.since, forKey: "since")
    }
}

// What Tests/Fixtures/Reference/deprecated-field.json generates: Profile.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Profile
public struct Profile: Sendable, Hashable {
    public var name: String

    @available(*, deprecated, message: "Use name.")
    public var nick: String? {
        get { _nick }
        set { _nick = newValue }
    }
    var _nick: String?

    /// Creates a `Profile`.
    public init(name: String, nick: String? = nil) {
        self.name = name
        self._nick = nick
    }
}

// Models.swift: Profile
extension Profile: Unconstrained {}

// Models.swift: Profile
extension Profile: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { Redacted.describe("Profile", redactedFields) }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Redacted.mirror(self, redactedFields) }

    private var redactedFields: KeyValuePairs<String, Any> {
        ["name": self.name, "nick": self._nick as Any]
    }
}

// JSONCoding.swift: Profile
extension Profile: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.name = try container.decode(String.self, forKey: "name")
        self._nick = try container.decodeIfPresent(String.self, forKey: "nick")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.name, forKey: "name")
        try container.encodeIfPresent(self._nick, forKey: "nick")
    }
}

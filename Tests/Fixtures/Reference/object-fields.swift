// What Tests/Fixtures/Reference/object-fields.json generates: Profile.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Profile
/// A user profile.
public struct Profile: Sendable, Hashable {
    /// Required: always present.
    public var id: String

    /// Optional: may be absent.
    public var nickname: String?

    /// Required but nullable: present, maybe null.
    ///
    /// Required, but may be `nil` (sent as `null`).
    public var avatarURL: String?

    /// Optional and nullable.
    public var bio: String?

    /// Creates a `Profile`.
    ///
    /// - Parameters:
    ///   - id: Required: always present.
    ///   - nickname: Optional: may be absent.
    ///   - avatarURL: Required but nullable: present, maybe null.
    ///   - bio: Optional and nullable.
    public init(id: String, nickname: String? = nil, avatarURL: String?, bio: String? = nil) {
        self.id = id
        self.nickname = nickname
        self.avatarURL = avatarURL
        self.bio = bio
    }
}

// Models.swift: Profile
extension Profile: Unconstrained {}

// JSONCoding.swift: Profile
extension Profile: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.id = try container.decode(String.self, forKey: "id")
        self.nickname = try container.decodeIfPresent(String.self, forKey: "nickname")
        self.avatarURL = try container.decodeNullable(String.self, forKey: "avatar_url")
        self.bio = try container.decodeIfPresent(String.self, forKey: "bio")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.id, forKey: "id")
        try container.encodeIfPresent(self.nickname, forKey: "nickname")
        try container.encodeNullable(self.avatarURL, forKey: "avatar_url")
        try container.encodeIfPresent(self.bio, forKey: "bio")
    }
}

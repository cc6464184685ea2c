// What Tests/Fixtures/Reference/field-read-write-only.json generates: User.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: User
public struct User: Sendable, Hashable {
    /// Assigned by the server.
    ///
    /// Read-only: required in responses, may be absent in requests.
    public var id: UUID?

    /// Write-only: required in requests, may be absent in responses.
    /// Constraints: at least 8 characters.
    /// Sensitive: never shown in descriptions, dumps or errors.
    public var password: String?

    /// Read-only: sent by the server.
    public var createdAt: Date?

    /// Required in answers; XML writes an empty list as an empty element, which reads back as [].
    ///
    /// Read-only: required in responses, may be absent in requests.
    public var roles: [String]?

    public var name: String

    /// Creates a `User`.
    ///
    /// - Parameters:
    ///   - id: Assigned by the server.
    ///   - roles: Required in answers; XML writes an empty list as an empty element, which reads back as [].
    public init(
        id: UUID? = nil,
        password: String? = nil,
        createdAt: Date? = nil,
        roles: [String]? = nil,
        name: String
    ) {
        self.id = id
        self.password = password
        self.createdAt = createdAt
        self.roles = roles
        self.name = name
    }
}

// Models.swift: User
extension User: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.require(self.id, "id", in: .response)
        validator.require(self.password, "password", in: .request)
        validator.check(self.password, "password", minLength: 8)
        validator.require(self.roles, "roles", in: .response)
    }
}

// Models.swift: User
extension User: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { Redacted.describe("User", redactedFields) }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Redacted.mirror(self, redactedFields) }

    private var redactedFields: KeyValuePairs<String, Any> {
        [
            "id": self.id as Any,
            "password": Redacted.placeholder,
            "createdAt": self.createdAt as Any,
            "roles": self.roles as Any,
            "name": self.name,
        ]
    }
}

// JSONCoding.swift: User
extension User: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.id = try container.decodeUUIDIfPresent(forKey: "id")
        self.password = try container.decodeIfPresent(String.self, forKey: "password")
        self.createdAt = try container.decodeDateTimeIfPresent(forKey: "created_at")
        self.roles = try container.decodeIfPresent([String].self, forKey: "roles")
        self.name = try container.decode(String.self, forKey: "name")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeUUIDIfPresent(self.id, forKey: "id")
        try container.encodeIfPresent(self.password, forKey: "password")
        try container.encodeDateTimeIfPresent(self.createdAt, forKey: "created_at")
        try container.encodeIfPresent(self.roles, forKey: "roles")
        try container.encode(self.name, forKey: "name")
    }
}

// TextTreeCoding.swift: User
extension User: TextTreeCodable {
    public init(textTree reader: TextTreeReader) throws(ValidationErrors) {
        let members = try reader.object()
        self.id = try members.decodeOneWay("id")
        self.password = try members.decodeOneWay("password")
        self.createdAt = try members.decodeIfPresent("created_at")
        self.roles = try members.decodeOneWay("roles")
        self.name = try members.decode("name")
    }

    public func textTree() -> TextTree {
        var tree = TextTreeObjectBuilder()
        tree.encodeIfPresent(self.id, "id")
        tree.encodeIfPresent(self.password, "password")
        tree.encodeIfPresent(self.createdAt, "created_at")
        tree.encodeIfPresent(self.roles, "roles")
        tree.encode(self.name, "name")
        return tree.tree
    }
}

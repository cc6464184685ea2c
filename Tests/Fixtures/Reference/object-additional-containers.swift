// What Tests/Fixtures/Reference/object-additional-containers.json generates: Roster, Sightings, FieldMessages.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Roster
/// A team plus, for every other member, a player's scores.
public struct Roster: Sendable, Hashable {
    public var team: String

    /// The members beside the fields, by name.
    ///
    /// A name a field takes is refused by validation and never encoded.
    public var additionalProperties: [String: [Score]]

    /// Creates a `Roster`.
    ///
    /// - Parameters:
    ///   - additionalProperties: The members beside the fields, by name.
    public init(team: String, additionalProperties: [String: [Score]] = [:]) {
        self.team = team
        self.additionalProperties = additionalProperties
    }
}

// Models.swift: Roster
extension Roster: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.rest(self.additionalProperties, declared: Self.declaredMembers)
        validator.eachMemberNested(self.additionalProperties)
    }
}

// Models.swift: Roster
extension Roster {
    /// The wire names the fields take; every other member goes to `additionalProperties`.
    static let declaredMembers: Set<String> = ["team"]
}

// JSONCoding.swift: Roster
extension Roster: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.team = try container.decode(String.self, forKey: "team")
        self.additionalProperties = try container.decodeRest([Score].self, declared: Self.declaredMembers)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.team, forKey: "team")
        try container.encodeRest(self.additionalProperties, declared: Self.declaredMembers)
    }
}

// TextTreeCoding.swift: Roster
extension Roster: TextTreeCodable {
    public init(textTree reader: TextTreeReader) throws(ValidationErrors) {
        let members = try reader.object()
        self.team = try members.decode("team")
        self.additionalProperties = try members.decodeRest([Score].self, declared: Self.declaredMembers)
    }

    public func textTree() -> TextTree {
        var tree = TextTreeObjectBuilder()
        tree.encode(self.team, "team")
        tree.encodeRest(self.additionalProperties, declared: Self.declaredMembers)
        return tree.tree
    }
}

// Models.swift: Sightings
/// A place plus, for every other member, when it was seen (converted scalars keep their wire form).
public struct Sightings: Sendable, Hashable {
    public var place: String

    /// The members beside the fields, by name.
    ///
    /// A name a field takes is refused by validation and never encoded.
    public var additionalProperties: [String: [String: Date]]

    /// Creates a `Sightings`.
    ///
    /// - Parameters:
    ///   - additionalProperties: The members beside the fields, by name.
    public init(place: String, additionalProperties: [String: [String: Date]] = [:]) {
        self.place = place
        self.additionalProperties = additionalProperties
    }
}

// Models.swift: Sightings
extension Sightings: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.rest(self.additionalProperties, declared: Self.declaredMembers)
    }
}

// Models.swift: Sightings
extension Sightings {
    /// The wire names the fields take; every other member goes to `additionalProperties`.
    static let declaredMembers: Set<String> = ["place"]
}

// JSONCoding.swift: Sightings
extension Sightings: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.place = try container.decode(String.self, forKey: "place")
        self.additionalProperties = try container.decodeRest(
            MapCoding<DateTimeCoding>.self,
            declared: Self.declaredMembers)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.place, forKey: "place")
        try container.encodeRest(
            self.additionalProperties,
            as: MapCoding<DateTimeCoding>.self,
            declared: Self.declaredMembers)
    }
}

// TextTreeCoding.swift: Sightings
extension Sightings: TextTreeCodable {
    public init(textTree reader: TextTreeReader) throws(ValidationErrors) {
        let members = try reader.object()
        self.place = try members.decode("place")
        self.additionalProperties = try members.decodeRest(
            MapCoding<DateTimeCoding>.self,
            declared: Self.declaredMembers)
    }

    public func textTree() -> TextTree {
        var tree = TextTreeObjectBuilder()
        tree.encode(self.place, "place")
        tree.encodeRest(self.additionalProperties, as: MapCoding<DateTimeCoding>.self, declared: Self.declaredMembers)
        return tree.tree
    }
}

// Models.swift: FieldMessages
/// Django REST framework's error body: the errors not tied to a field, and each field's messages.
public struct FieldMessages: Sendable, Hashable {
    public var nonFieldErrors: [String]?

    /// The members beside the fields, by name.
    ///
    /// A name a field takes is refused by validation and never encoded.
    public var additionalProperties: [String: [String]]

    /// Creates a `FieldMessages`.
    ///
    /// - Parameters:
    ///   - additionalProperties: The members beside the fields, by name.
    public init(nonFieldErrors: [String]? = nil, additionalProperties: [String: [String]] = [:]) {
        self.nonFieldErrors = nonFieldErrors
        self.additionalProperties = additionalProperties
    }
}

// Models.swift: FieldMessages
extension FieldMessages: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.rest(self.additionalProperties, declared: Self.declaredMembers)
    }
}

// Models.swift: FieldMessages
extension FieldMessages {
    /// The wire names the fields take; every other member goes to `additionalProperties`.
    static let declaredMembers: Set<String> = ["non_field_errors"]
}

// JSONCoding.swift: FieldMessages
extension FieldMessages: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.nonFieldErrors = try container.decodeIfPresent([String].self, forKey: "non_field_errors")
        self.additionalProperties = try container.decodeRest([String].self, declared: Self.declaredMembers)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(self.nonFieldErrors, forKey: "non_field_errors")
        try container.encodeRest(self.additionalProperties, declared: Self.declaredMembers)
    }
}

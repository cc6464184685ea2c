import Foundation

// The members of an object beside its fields (`additionalProperties` in a definition): decoded into a
// map, encoded after the fields in sorted name order, validated so that no name a field takes is used.
// JSON, XML, forms and multipart alike: in a text tree the members are the children the fields do not take.

@_spi(Generated) extension KeyedDecodingContainer where Key == AnyCodingKey {
    /// Every member whose name is not in `declared`, decoded as `T`. A value that is not a `T` fails
    /// with the member's name in the coding path.
    public func decodeRest<T: Decodable>(_ type: T.Type, declared: Set<String>) throws -> [String: T] {
        var rest: [String: T] = [:]
        for key in allKeys where !declared.contains(key.stringValue) {
            rest[key.stringValue] = try decode(T.self, forKey: key)
        }
        return rest
    }
}

@_spi(Generated) extension KeyedEncodingContainer where Key == AnyCodingKey {
    /// Writes the members in sorted name order (deterministic output), leaving out any name in
    /// `declared`: a field owns it (validation refuses such a name before a value is sent).
    public mutating func encodeRest<T: Encodable>(_ rest: [String: T], declared: Set<String>) throws {
        for name in rest.keys.sorted() where !declared.contains(name) {
            if let value = rest[name] { try encode(value, forKey: AnyCodingKey(stringValue: name)) }
        }
    }
}

extension ConstraintChecker {
    /// Refuses a member beside the fields whose name a field takes (`declared`), in name order.
    public mutating func rest<T>(_ values: [String: T], declared: Set<String>) {
        for name in values.keys.sorted() where declared.contains(name) {
            fail(name, "is a field's name; set the field, not a member beside the fields")
        }
    }

    /// Validates each member beside the fields under its own name, in name order.
    public mutating func eachMember(_ values: [String: some Constrained]) {
        for name in values.keys.sorted() { nested(values[name], name) }
    }
}

@_spi(Generated) extension KeyedDecodingContainer where Key == AnyCodingKey {
    /// Every member whose name is not in `declared`, decoded through `coding` (a converted scalar or a
    /// container of them, `{[date-time]}`), so that each keeps its exact wire form.
    public func decodeRest<C: ValueCoding>(_ coding: C.Type, declared: Set<String>) throws -> [String: C.Value] {
        var rest: [String: C.Value] = [:]
        for key in allKeys where !declared.contains(key.stringValue) {
            rest[key.stringValue] = try decode(Coded<C>.self, forKey: key).value
        }
        return rest
    }
}

@_spi(Generated) extension KeyedEncodingContainer where Key == AnyCodingKey {
    /// Writes the members through `coding`, in sorted name order, leaving out any name in `declared`.
    public mutating func encodeRest<C: ValueCoding>(
        _ rest: [String: C.Value], as coding: C.Type, declared: Set<String>
    ) throws {
        for name in rest.keys.sorted() where !declared.contains(name) {
            if let value = rest[name] { try encode(Coded<C>(value), forKey: AnyCodingKey(stringValue: name)) }
        }
    }
}

@_spi(Generated) extension TextTreeObject {
    /// Every member (an XML child element, a form field or bracketed name) whose name is not in
    /// `declared`, read as `T` at `path.name`. A name sent twice keeps its first value, as fields do; an
    /// empty element is the empty value of a type that has one (`""`, `[]`, `[:]`).
    public func decodeRest<T: TextTreeCodable>(_ type: T.Type, declared: Set<String>) throws(ValidationErrors)
        -> [String: T]
    {
        var rest: [String: T] = [:]
        for member in members where !declared.contains(member.name) && rest[member.name] == nil {
            let reader = TextTreeReader(
                member.value, path: path.isEmpty ? member.name : "\(path).\(member.name)", anyJSON: anyJSON)
            if member.value == .null, let empty = Self.emptyValue(T.self) {
                rest[member.name] = empty
            } else {
                rest[member.name] = try T(textTree: reader)
            }
        }
        return rest
    }

    /// Every member not in `declared`, read through `coding` (`[date-time]`, `unix-time`).
    public func decodeRest<C: ValueCoding>(_ coding: C.Type, declared: Set<String>) throws(ValidationErrors)
        -> [String: C.Value]
    {
        try decodeRest(Coded<C>.self, declared: declared).mapValues(\.value)
    }
}

@_spi(Generated) extension TextTreeObjectBuilder {
    /// Appends the members beside the fields after them, in sorted name order, leaving out any name in
    /// `declared` (a field owns it; validation refuses such a name before a value is sent).
    public mutating func encodeRest(_ rest: [String: some TextTreeCodable], declared: Set<String>) {
        for name in rest.keys.sorted() where !declared.contains(name) {
            if let value = rest[name] { encode(value, name) }
        }
    }

    /// Appends the members through `coding`, in sorted name order, leaving out any name in `declared`.
    public mutating func encodeRest<C: ValueCoding>(
        _ rest: [String: C.Value], as coding: C.Type, declared: Set<String>
    ) {
        for name in rest.keys.sorted() where !declared.contains(name) {
            if let value = rest[name] { encode(Coded<C>(value), name) }
        }
    }
}

extension ConstraintChecker {
    /// Validates the objects inside each member beside the fields when the members are containers
    /// (`{[Point]}` as `additionalProperties`), each in place: `alice[1].x`, in name order.
    @_spi(Generated) public mutating func eachMemberNested<Value>(_ values: [String: Value]) {
        for name in values.keys.sorted() {
            if let value = values[name] { nestedElement(value, at: prefix.isEmpty ? name : "\(prefix).\(name)") }
        }
    }
}

import Foundation

// The members of an object beside its fields (`additionalProperties` in a definition): decoded into a
// map, encoded after the fields in sorted name order, validated so that no name a field takes is used.

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

import Foundation

/// Any JSON value, kept as it came: what a definition's `json` type (an OpenAPI free-form object)
/// becomes. Objects keep their members in order.
public indirect enum AnyJSON: Sendable, Hashable, Codable, TextTreeCodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([AnyJSON])
    case object([Member])

    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: AnyJSON

        public init(_ key: String, _ value: AnyJSON) {
            self.key = key
            self.value = value
        }
    }

    public init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: AnyCodingKey.self) {
            // Keyed containers do not keep document order; sort for a stable value.
            self = .object(
                try object.allKeys.sorted { $0.stringValue < $1.stringValue }.map {
                    Member($0.stringValue, try object.decode(AnyJSON.self, forKey: $0))
                })
            return
        }
        if var array = try? decoder.unkeyedContainer() {
            var values: [AnyJSON] = []
            while !array.isAtEnd { values.append(try array.decode(AnyJSON.self)) }
            self = .array(values)
            return
        }
        let value = try decoder.singleValueContainer()
        if value.decodeNil() {
            self = .null
        } else if let flag = try? value.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? value.decode(Double.self) {
            self = .number(number)
        } else {
            self = .string(try value.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let flag):
            var container = encoder.singleValueContainer()
            try container.encode(flag)
        case .number(let number):
            var container = encoder.singleValueContainer()
            if number.rounded() == number, abs(number) < 1e15 {
                try container.encode(Int(number))
            } else {
                try container.encode(number)
            }
        case .string(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .array(let values):
            var container = encoder.unkeyedContainer()
            for value in values { try container.encode(value) }
        case .object(let members):
            var container = encoder.container(keyedBy: AnyCodingKey.self)
            for member in members { try container.encode(member.value, forKey: AnyCodingKey(stringValue: member.key)) }
        }
    }

    /// From a text tree every leaf is text: numbers and booleans come back as strings.
    public init(textTree reader: TextTreeReader) throws(ValidationErrors) {
        self = Self(reader.tree)
    }

    private init(_ tree: TextTree) {
        switch tree {
        case .text(let text): self = .string(text)
        case .boolean(let flag): self = .bool(flag)
        case .null: self = .null
        case .list(let items): self = .array(items.map(Self.init))
        case .object(let members): self = .object(members.map { Member($0.name, Self($0.value)) })
        case .file(let part): self = .string(String(decoding: part.data, as: UTF8.self))
        }
    }

    public func textTree() -> TextTree {
        switch self {
        case .null: .null
        case .bool(let flag): .boolean(flag)
        case .number(let number):
            .text(number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number))
        case .string(let text): .text(text)
        case .array(let values): .list(values.map { $0.textTree() })
        case .object(let members): .object(members.map { TextTree.Member($0.key, $0.value.textTree()) })
        }
    }
}

extension Dictionary: TextTreeCodable where Key == String, Value: TextTreeCodable {
    /// Reads an object's members as the map's entries; null (and empty text, as a form writes an empty
    /// map: `metadata=`) is an empty map.
    public init(textTree reader: TextTreeReader) throws(ValidationErrors) {
        switch reader.tree {
        case .null, .text(""): self = [:]
        case .object(let members):
            var result: [String: Value] = [:]
            for member in members {
                let path = reader.path.isEmpty ? member.name : "\(reader.path).\(member.name)"
                result[member.name] = try Value(textTree: TextTreeReader(member.value, path: path))
            }
            self = result
        default: throw reader.error("expected an object")
        }
    }

    /// Writes the entries in key order, so the bytes are stable.
    public func textTree() -> TextTree {
        .object(keys.sorted().map { TextTree.Member($0, self[$0]!.textTree()) })
    }
}

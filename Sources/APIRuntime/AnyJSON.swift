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

    /// From a text tree. Where the format carries any JSON as JSON text (forms and multipart: the reader's
    /// ``TextTreeReader/anyJSON`` is ``TextTreeReader/AnyJSONReading/text(maxDepth:)``), a value (or a multipart part) is
    /// parsed as one JSON value: text that is not JSON, or nests deeper than `maxDepth`, is an error naming
    /// the field. A value sent in bracket notation instead (`meta[a]=1`) is read as XML's element tree is.
    /// From XML every leaf is text: numbers and booleans come back as strings.
    public init(textTree reader: TextTreeReader) throws(ValidationErrors) {
        switch (reader.tree, reader.anyJSON) {
        case (.json(let value), _): self = value
        case (.text(let text), .text(let maxDepth)): self = try Self.parse(Array(text.utf8), maxDepth: maxDepth, reader)
        case (.file(let part), .text(let maxDepth)): self = try Self.parse(Array(part.data), maxDepth: maxDepth, reader)
        default: self = Self(reader.tree)
        }
    }

    private init(_ tree: TextTree) {
        switch tree {
        case .text(let text): self = .string(text)
        case .boolean(let flag): self = .bool(flag)
        case .null: self = .null
        case .list(let items): self = .array(items.map(Self.init))
        case .object(let members): self = .object(members.map { Member($0.name, Self($0.value)) })
        case .file(let part): self = .string(String(decoding: part.data, as: UTF8.self))
        case .json(let value): self = value
        }
    }

    /// One JSON value from the bytes of a form value or multipart part. The nesting is counted first, in
    /// one pass without recursion, so that the decoder is never handed more than `maxDepth` levels.
    static func parse(_ bytes: [UInt8], maxDepth: Int, _ reader: TextTreeReader) throws(ValidationErrors) -> AnyJSON {
        var depth = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == 0x5C {  // \
                    escaped = true
                } else if byte == 0x22 {  // "
                    inString = false
                }
                continue
            }
            switch byte {
            case 0x22: inString = true
            case 0x5B, 0x7B:  // [ {
                depth += 1
                if depth > maxDepth { throw reader.error("is nested deeper than \(maxDepth) levels") }
            case 0x5D, 0x7D: depth -= 1  // ] }
            default: break
            }
        }
        do {
            return try JSONCoding.decoder.decode(AnyJSON.self, from: Data(bytes))
        } catch {
            throw reader.error("is not valid JSON")
        }
    }

    /// `.json(self)`: XML writes it as ``elementTree()``, forms and multipart as JSON text.
    public func textTree() -> TextTree { .json(self) }

    /// The tree XML writes: objects as elements, arrays as list items, numbers as text.
    func elementTree() -> TextTree {
        switch self {
        case .null: .null
        case .bool(let flag): .boolean(flag)
        case .number(let number):
            .text(number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number))
        case .string(let text): .text(text)
        case .array(let values): .list(values.map { $0.elementTree() })
        case .object(let members): .object(members.map { TextTree.Member($0.key, $0.value.elementTree()) })
        }
    }

    /// The path (below `path`) of the first number JSON cannot write (infinite or NaN), if any.
    func nonFiniteNumberPath(_ path: String) -> String? {
        switch self {
        case .number(let number): return number.isFinite ? nil : path
        case .null, .bool, .string: return nil
        case .array(let values):
            for (index, value) in values.enumerated() {
                if let found = value.nonFiniteNumberPath("\(path)[\(index)]") { return found }
            }
            return nil
        case .object(let members):
            for member in members {
                if let found = member.value.nonFiniteNumberPath(path.isEmpty ? member.key : "\(path).\(member.key)") {
                    return found
                }
            }
            return nil
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
                result[member.name] = try Value(textTree: reader.child(member.value, path: path))
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

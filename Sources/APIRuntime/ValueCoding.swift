import Foundation

/// How a value that does not travel as its own `Codable` form is coded: the converted scalars
/// (`date-time`, `uuid`, `bytes`, `uri`, `unix-time`, `decimal`) and arrays and maps of them, at any depth.
///
/// The codings compose: a `[[date-time]]` field is coded as `ArrayCoding<ArrayCoding<DateTimeCoding>>`,
/// a `{[uuid]}` field as `MapCoding<ArrayCoding<UUIDCoding>>`. Each item keeps the wire form of its scalar
/// (a lower-case UUID, an RFC 3339 date-time, strict base64, unix-time seconds, …), and a decoding error
/// names the item's path (`times[2]: not an RFC 3339 date-time`).
@_spi(Generated) public protocol ValueCoding {
    /// The Swift type of the values coded (`Date`, `[UUID]`, `[String: [Data]]`).
    associatedtype Value: Sendable

    /// Reads a value from a JSON decoder.
    static func decode(from decoder: any Decoder) throws -> Value
    /// Writes a value to a JSON encoder.
    static func encode(_ value: Value, to encoder: any Encoder) throws
    /// Reads a value from a text tree (XML, forms, multipart).
    static func decode(textTree reader: TextTreeReader) throws(ValidationErrors) -> Value
    /// A value as a text tree.
    static func textTree(_ value: Value) -> TextTree
}

/// A value with its coding: `Codable` and `TextTreeCodable` as the coding says.
@_spi(Generated) public struct Coded<Coding: ValueCoding>: Codable, TextTreeCodable, Sendable {
    public var value: Coding.Value

    public init(_ value: Coding.Value) { self.value = value }

    public init(from decoder: any Decoder) throws { value = try Coding.decode(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try Coding.encode(value, to: encoder) }

    public init(textTree reader: TextTreeReader) throws(ValidationErrors) {
        value = try Coding.decode(textTree: reader)
    }

    public func textTree() -> TextTree { Coding.textTree(value) }
}

/// A JSON string the runtime parses; `parse` returns nil for text that is not of the format.
private func decodeText<T>(_ decoder: any Decoder, _ reason: String, _ parse: (String) -> T?) throws -> T {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let value = parse(text) else {
        throw DecodingError.dataCorrupted(RuntimeReason.context(decoder.codingPath, reason))
    }
    return value
}

private func encodeText(_ text: String, to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(text)
}

/// `date-time`: an RFC 3339 string, written as ``RFC3339/string(from:)`` writes it.
@_spi(Generated) public enum DateTimeCoding: ValueCoding {
    public static func decode(from decoder: any Decoder) throws -> Date {
        try decodeText(decoder, "not an RFC 3339 date-time", RFC3339.date(from:))
    }
    public static func encode(_ value: Date, to encoder: any Encoder) throws {
        try encodeText(RFC3339.string(from: value), to: encoder)
    }
    public static func decode(textTree reader: TextTreeReader) throws(ValidationErrors) -> Date {
        try Date(textTree: reader)
    }
    public static func textTree(_ value: Date) -> TextTree { value.textTree() }
}

/// `uuid`: a UUID string, read in any case, written lower-case.
@_spi(Generated) public enum UUIDCoding: ValueCoding {
    public static func decode(from decoder: any Decoder) throws -> UUID {
        try decodeText(decoder, "not a UUID", UUID.init(uuidString:))
    }
    public static func encode(_ value: UUID, to encoder: any Encoder) throws {
        try encodeText(value.uuidString.lowercased(), to: encoder)
    }
    public static func decode(textTree reader: TextTreeReader) throws(ValidationErrors) -> UUID {
        try UUID(textTree: reader)
    }
    public static func textTree(_ value: UUID) -> TextTree { value.textTree() }
}

/// `bytes`: standard base64, read strictly.
@_spi(Generated) public enum BytesCoding: ValueCoding {
    public static func decode(from decoder: any Decoder) throws -> Data {
        try decodeText(decoder, "not standard base64", ScalarFormats.bytes(base64:))
    }
    public static func encode(_ value: Data, to encoder: any Encoder) throws {
        try encodeText(value.base64EncodedString(), to: encoder)
    }
    public static func decode(textTree reader: TextTreeReader) throws(ValidationErrors) -> Data {
        try Data(textTree: reader)
    }
    public static func textTree(_ value: Data) -> TextTree { value.textTree() }
}

/// `uri`: an absolute URI string.
@_spi(Generated) public enum URICoding: ValueCoding {
    public static func decode(from decoder: any Decoder) throws -> URL {
        try decodeText(decoder, "not an absolute URI", ScalarFormats.uri)
    }
    public static func encode(_ value: URL, to encoder: any Encoder) throws {
        try encodeText(value.absoluteString, to: encoder)
    }
    public static func decode(textTree reader: TextTreeReader) throws(ValidationErrors) -> URL {
        try URL(textTree: reader)
    }
    public static func textTree(_ value: URL) -> TextTree { value.textTree() }
}

/// `unix-time`: a JSON integer of whole seconds since 1970, years 0001…9999.
@_spi(Generated) public enum UnixTimeCoding: ValueCoding {
    static let outside = "a unix time outside years 0001…9999"

    public static func decode(from decoder: any Decoder) throws -> Date {
        let seconds = try decoder.singleValueContainer().decode(Int64.self)
        guard let date = ScalarFormats.date(unixTime: seconds) else {
            throw DecodingError.dataCorrupted(RuntimeReason.context(decoder.codingPath, outside))
        }
        return date
    }

    /// Writes whole seconds (rounded down); a date outside years 0001…9999 fails.
    public static func encode(_ value: Date, to encoder: any Encoder) throws {
        guard let seconds = ScalarFormats.unixTime(value) else {
            throw EncodingError.invalidValue(value, .init(codingPath: encoder.codingPath, debugDescription: outside))
        }
        var container = encoder.singleValueContainer()
        try container.encode(seconds)
    }

    public static func decode(textTree reader: TextTreeReader) throws(ValidationErrors) -> Date {
        guard let date = ScalarFormats.date(unixTime: try Int64(textTree: reader)) else {
            throw reader.error("is \(outside)")
        }
        return date
    }

    /// Whole seconds; a date outside years 0001…9999 is written as the nearest bound, as fields are.
    public static func textTree(_ value: Date) -> TextTree {
        let seconds =
            ScalarFormats.unixTime(value)
            ?? (value.timeIntervalSince1970 < 0 ? ScalarFormats.earliestUnixTime : ScalarFormats.latestUnixTime)
        return seconds.textTree()
    }
}

/// `decimal`: a JSON number read through its digits; NaN is neither read nor written.
@_spi(Generated) public enum DecimalCoding: ValueCoding {
    public static func decode(from decoder: any Decoder) throws -> Decimal {
        let value = try decoder.singleValueContainer().decode(Decimal.self)
        guard !value.isNaN else {
            throw DecodingError.dataCorrupted(RuntimeReason.context(decoder.codingPath, "not a number"))
        }
        return value
    }
    public static func encode(_ value: Decimal, to encoder: any Encoder) throws {
        guard !value.isNaN else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: encoder.codingPath, debugDescription: "NaN is not a JSON number"))
        }
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
    public static func decode(textTree reader: TextTreeReader) throws(ValidationErrors) -> Decimal {
        try Decimal(textTree: reader)
    }
    public static func textTree(_ value: Decimal) -> TextTree { value.textTree() }
}

/// `[T]`: an array, each item coded by `Element`.
@_spi(Generated) public enum ArrayCoding<Element: ValueCoding>: ValueCoding {
    public static func decode(from decoder: any Decoder) throws -> [Element.Value] {
        var container = try decoder.unkeyedContainer()
        var values: [Element.Value] = []
        if let count = container.count { values.reserveCapacity(count) }
        while !container.isAtEnd { values.append(try container.decode(Coded<Element>.self).value) }
        return values
    }
    public static func encode(_ value: [Element.Value], to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for item in value { try container.encode(Coded<Element>(item)) }
    }
    /// A list as an array of any other element reads it (a single leaf is a list of one; numbered members).
    public static func decode(textTree reader: TextTreeReader) throws(ValidationErrors) -> [Element.Value] {
        try [Coded<Element>](textTree: reader).map(\.value)
    }
    public static func textTree(_ value: [Element.Value]) -> TextTree { .list(value.map(Element.textTree)) }
}

/// `{T}`: a map, each value coded by `Element`; written in sorted key order.
@_spi(Generated) public enum MapCoding<Element: ValueCoding>: ValueCoding {
    public static func decode(from decoder: any Decoder) throws -> [String: Element.Value] {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        var values: [String: Element.Value] = [:]
        values.reserveCapacity(container.allKeys.count)
        for key in container.allKeys {
            values[key.stringValue] = try container.decode(Coded<Element>.self, forKey: key).value
        }
        return values
    }
    public static func encode(_ value: [String: Element.Value], to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for key in value.keys.sorted() {
            guard let item = value[key] else { continue }
            try container.encode(Coded<Element>(item), forKey: AnyCodingKey(stringValue: key))
        }
    }
    public static func decode(textTree reader: TextTreeReader) throws(ValidationErrors) -> [String: Element.Value] {
        try [String: Coded<Element>](textTree: reader).mapValues(\.value)
    }
    public static func textTree(_ value: [String: Element.Value]) -> TextTree {
        value.mapValues { Coded<Element>($0) }.textTree()
    }
}

@_spi(Generated) extension KeyedDecodingContainer {
    /// Decodes a required field coded by `coding`.
    public func decode<C: ValueCoding>(_ coding: C.Type, forKey key: Key) throws -> C.Value {
        try decode(Coded<C>.self, forKey: key).value
    }

    /// Decodes an optional field coded by `coding`; absent or `null` is nil.
    public func decodeIfPresent<C: ValueCoding>(_ coding: C.Type, forKey key: Key) throws -> C.Value? {
        try decodeIfPresent(Coded<C>.self, forKey: key)?.value
    }

    /// Decodes a required field coded by `coding` that may be `null` (but not absent).
    public func decodeNullable<C: ValueCoding>(_ coding: C.Type, forKey key: Key) throws -> C.Value? {
        try decodeNullable(Coded<C>.self, forKey: key)?.value
    }
}

@_spi(Generated) extension KeyedEncodingContainer {
    /// Encodes a required field coded by `coding`.
    public mutating func encode<C: ValueCoding>(_ value: C.Value, as coding: C.Type, forKey key: Key) throws {
        try encode(Coded<C>(value), forKey: key)
    }

    /// Encodes an optional field coded by `coding`; nothing is written for `nil`.
    public mutating func encodeIfPresent<C: ValueCoding>(_ value: C.Value?, as coding: C.Type, forKey key: Key) throws {
        if let value { try encode(Coded<C>(value), forKey: key) }
    }

    /// Encodes a required, nullable field coded by `coding`: `nil` is written as an explicit `null`.
    public mutating func encodeNullable<C: ValueCoding>(_ value: C.Value?, as coding: C.Type, forKey key: Key) throws {
        if let value { try encode(Coded<C>(value), forKey: key) } else { try encodeNil(forKey: key) }
    }
}

@_spi(Generated) extension TextTreeObject {
    /// A required member coded by `coding`.
    public func decode<C: ValueCoding>(_ coding: C.Type, _ key: String) throws(ValidationErrors) -> C.Value {
        (try decode(key) as Coded<C>).value
    }

    /// An optional member coded by `coding`.
    public func decodeIfPresent<C: ValueCoding>(_ coding: C.Type, _ key: String) throws(ValidationErrors) -> C.Value? {
        (try decodeIfPresent(key) as Coded<C>?)?.value
    }

    /// A member required one way only: an empty element is an empty container, not absent.
    public func decodeOneWay<C: ValueCoding>(_ coding: C.Type, _ key: String) throws(ValidationErrors) -> C.Value? {
        (try decodeOneWay(key) as Coded<C>?)?.value
    }

    /// A required member coded by `coding` that may be null.
    public func decodeNullable<C: ValueCoding>(_ coding: C.Type, _ key: String) throws(ValidationErrors) -> C.Value? {
        (try decodeNullable(key) as Coded<C>?)?.value
    }
}

@_spi(Generated) extension TextTreeObjectBuilder {
    /// A required member coded by `coding`.
    public mutating func encode<C: ValueCoding>(_ value: C.Value, as coding: C.Type, _ key: String) {
        encode(Coded<C>(value), key)
    }

    /// An optional member coded by `coding`: nothing is written for `nil`.
    public mutating func encodeIfPresent<C: ValueCoding>(_ value: C.Value?, as coding: C.Type, _ key: String) {
        encodeIfPresent(value.map { Coded<C>($0) }, key)
    }

    /// A required member coded by `coding` that may be null: `nil` is written as null.
    public mutating func encodeNullable<C: ValueCoding>(_ value: C.Value?, as coding: C.Type, _ key: String) {
        encodeNullable(value.map { Coded<C>($0) }, key)
    }
}

/// A coded list (`ArrayCoding`) is a list inside a list too: `stamps[1]=` is an empty inner list.
extension Coded: TextTreeNestedList where Coding.Value: TextTreeNestedList {}

extension ClientSupport {
    /// Encodes a JSON request body coded by `coding` (`[uuid]`) and sets `Content-Type`.
    public static func setJSONBody<C: ValueCoding>(
        _ value: C.Value, as coding: C.Type, on request: inout APIRequest
    ) throws(ClientError) {
        try setJSONBody(Coded<C>(value), on: &request)
    }

    /// Decodes and validates a JSON response body coded by `coding` (`{[date-time]}`).
    public static func decodeJSON<C: ValueCoding>(_ coding: C.Type, from response: APIResponse) throws(ClientError)
        -> C.Value
    {
        try decodeJSON(Coded<C>.self, from: response).value
    }
}

@_spi(Generated) extension ServerRequest {
    /// Decodes a JSON body coded by `coding` (`[uuid]`); 400 naming the item that does not decode.
    public func decodeJSONBody<C: ValueCoding>(_ coding: C.Type) throws(ServerError) -> C.Value {
        try decodeJSONBody(Coded<C>.self).value
    }

    /// Decodes an optional JSON body coded by `coding`: `nil` when the request has none.
    public func decodeJSONBodyIfPresent<C: ValueCoding>(_ coding: C.Type) throws(ServerError) -> C.Value? {
        try decodeJSONBodyIfPresent(Coded<C>.self)?.value
    }
}

@_spi(Generated) extension APIResponse {
    /// A JSON response coded by `coding` (`{[date-time]}`), with `Content-Type: application/json`.
    public static func json<C: ValueCoding>(status: Int, _ value: C.Value, as coding: C.Type) throws -> APIResponse {
        try json(status: status, Coded<C>(value))
    }
}

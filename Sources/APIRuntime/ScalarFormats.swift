import Foundation

/// The text forms of the scalar formats beyond strings, numbers, UUIDs and date-times: bytes
/// (`Data`, standard base64 with padding), decimals (`Decimal`), URIs (`URL`, absolute) and unix
/// times (`Date`, whole seconds since 1970). Each reads strictly and never quotes what it read.
public enum ScalarFormats {
    /// The earliest unix time read or written: 0001-01-01T00:00:00Z.
    public static let earliestUnixTime: Int64 = -62_135_596_800
    /// The latest unix time read or written: 9999-12-31T23:59:59Z.
    public static let latestUnixTime: Int64 = 253_402_300_799

    /// Bytes from standard base64 (RFC 4648 §4, `+/`, padded, no whitespace); `nil` otherwise,
    /// including extra padding and unused bits that are not zero: the one text that writes the bytes.
    public static func bytes(base64 text: String) -> Data? {
        guard let data = Data(base64Encoded: text), data.base64EncodedString() == text else { return nil }
        return data
    }

    /// A decimal from a JSON number's text (`-12.50`, `1e3`), nothing before or after it; `nil` for
    /// anything else (`nan`, `0x1`, `12abc`, ` 1`) or a number `Decimal` cannot hold (its exponent
    /// must stay within −128…127). `Decimal` keeps 38 significant digits exactly.
    public static func decimal(_ text: String) -> Decimal? {
        guard isJSONNumber(text), text.utf8.count <= 400 else { return nil }
        guard let value = Decimal(string: text, locale: nil), !value.isNaN else { return nil }
        return value
    }

    /// The shortest text of a decimal, as a JSON number (`12.5`, `-0.001`).
    public static func text(_ value: Decimal) -> String { value.description }

    /// An absolute URI (`scheme:…`, RFC 3986): a scheme, then printable ASCII without spaces or
    /// `"<>\^`{|}`; `nil` otherwise (relative references, spaces, control characters).
    public static func uri(_ text: String) -> URL? {
        let bytes = Array(text.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0,
            isLetter(bytes[0]),
            bytes[1..<colon].allSatisfy({
                isLetter($0) || ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-")
                    || $0 == UInt8(ascii: ".")
            }),
            bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F && !Array("\"<>\\^`{|}".utf8).contains($0) })
        else { return nil }
        return URL(string: text)
    }

    /// A date from whole seconds since 1970, within ``earliestUnixTime``…``latestUnixTime``.
    public static func date(unixTime seconds: Int64) -> Date? {
        guard seconds >= earliestUnixTime, seconds <= latestUnixTime else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// The whole seconds since 1970 of a date (rounded down), or `nil` outside
    /// ``earliestUnixTime``…``latestUnixTime`` (or for a date that is not finite).
    public static func unixTime(_ date: Date) -> Int64? {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard seconds.isFinite, seconds >= Double(earliestUnixTime), seconds <= Double(latestUnixTime) else {
            return nil
        }
        return Int64(seconds)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    static func isJSONNumber(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        func isDigit() -> Bool { index < bytes.count && bytes[index] >= 48 && bytes[index] <= 57 }
        func digits() -> Bool {
            guard isDigit() else { return false }
            while isDigit() { index += 1 }
            return true
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if !digits() {
            return false
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() else { return false }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard digits() else { return false }
        }
        return index == bytes.count
    }
}

extension Data: ParameterValue {
    /// Standard base64, strictly (see ``ScalarFormats/bytes(base64:)``).
    public init?(parameterValue: String) {
        guard let value = ScalarFormats.bytes(base64: parameterValue) else { return nil }
        self = value
    }
    public var parameterValue: String { base64EncodedString() }
}

extension Decimal: ParameterValue {
    /// A JSON number's text, strictly (see ``ScalarFormats/decimal(_:)``).
    public init?(parameterValue: String) {
        guard let value = ScalarFormats.decimal(parameterValue) else { return nil }
        self = value
    }
    public var parameterValue: String { ScalarFormats.text(self) }
}

extension URL: ParameterValue {
    /// An absolute URI, strictly (see ``ScalarFormats/uri(_:)``).
    public init?(parameterValue: String) {
        guard let value = ScalarFormats.uri(parameterValue) else { return nil }
        self = value
    }
    public var parameterValue: String { absoluteString }
}

extension Data: TextTreeCodable {}
extension Decimal: TextTreeCodable {}
extension URL: TextTreeCodable {}

@_spi(Generated) extension KeyedDecodingContainer {
    /// Decodes standard base64 bytes.
    public func decodeBytes(forKey key: Key) throws -> Data {
        try decodeText(forKey: key, "not standard base64", ScalarFormats.bytes(base64:))
    }

    /// Decodes optional base64 bytes.
    public func decodeBytesIfPresent(forKey key: Key) throws -> Data? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decodeBytes(forKey: key)
    }

    /// Decodes required, nullable base64 bytes.
    public func decodeNullableBytes(forKey key: Key) throws -> Data? {
        _ = try decodeNullable(String.self, forKey: key)
        return try decodeBytesIfPresent(forKey: key)
    }

    /// Decodes an absolute URI string.
    public func decodeURI(forKey key: Key) throws -> URL {
        try decodeText(forKey: key, "not an absolute URI", ScalarFormats.uri)
    }

    /// Decodes an optional absolute URI string.
    public func decodeURIIfPresent(forKey key: Key) throws -> URL? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decodeURI(forKey: key)
    }

    /// Decodes a required, nullable absolute URI string.
    public func decodeNullableURI(forKey key: Key) throws -> URL? {
        _ = try decodeNullable(String.self, forKey: key)
        return try decodeURIIfPresent(forKey: key)
    }

    /// Decodes a unix time: a JSON integer of seconds since 1970.
    public func decodeUnixTime(forKey key: Key) throws -> Date {
        let seconds = try decode(Int64.self, forKey: key)
        guard let date = ScalarFormats.date(unixTime: seconds) else {
            throw DecodingError.dataCorrupted(
                RuntimeReason.context(codingPath + [key], "a unix time outside years 0001…9999"))
        }
        return date
    }

    /// Decodes an optional unix time.
    public func decodeUnixTimeIfPresent(forKey key: Key) throws -> Date? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decodeUnixTime(forKey: key)
    }

    /// Decodes a required, nullable unix time.
    public func decodeNullableUnixTime(forKey key: Key) throws -> Date? {
        _ = try decodeNullable(Int64.self, forKey: key)
        return try decodeUnixTimeIfPresent(forKey: key)
    }

    private func decodeText<T>(forKey key: Key, _ reason: String, _ parse: (String) -> T?) throws -> T {
        let text = try decode(String.self, forKey: key)
        guard let value = parse(text) else {
            throw DecodingError.dataCorrupted(RuntimeReason.context(codingPath + [key], reason))
        }
        return value
    }
}

@_spi(Generated) extension KeyedEncodingContainer {
    /// Encodes bytes as standard base64.
    public mutating func encodeBytes(_ value: Data, forKey key: Key) throws {
        try encode(value.base64EncodedString(), forKey: key)
    }

    /// Encodes optional bytes; nothing is written for `nil`.
    public mutating func encodeBytesIfPresent(_ value: Data?, forKey key: Key) throws {
        if let value { try encodeBytes(value, forKey: key) }
    }

    /// Encodes required, nullable bytes: `nil` is written as an explicit `null`.
    public mutating func encodeNullableBytes(_ value: Data?, forKey key: Key) throws {
        if let value { try encodeBytes(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    /// Encodes a URI as its absolute string.
    public mutating func encodeURI(_ value: URL, forKey key: Key) throws {
        try encode(value.absoluteString, forKey: key)
    }

    /// Encodes an optional URI; nothing is written for `nil`.
    public mutating func encodeURIIfPresent(_ value: URL?, forKey key: Key) throws {
        if let value { try encodeURI(value, forKey: key) }
    }

    /// Encodes a required, nullable URI: `nil` is written as an explicit `null`.
    public mutating func encodeNullableURI(_ value: URL?, forKey key: Key) throws {
        if let value { try encodeURI(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    /// Encodes a date as whole seconds since 1970 (rounded down); a date outside years
    /// 0001…9999 fails with `EncodingError.invalidValue`.
    public mutating func encodeUnixTime(_ value: Date, forKey key: Key) throws {
        guard let seconds = ScalarFormats.unixTime(value) else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: codingPath + [key], debugDescription: "a unix time outside years 0001…9999"))
        }
        try encode(seconds, forKey: key)
    }

    /// Encodes an optional unix time; nothing is written for `nil`.
    public mutating func encodeUnixTimeIfPresent(_ value: Date?, forKey key: Key) throws {
        if let value { try encodeUnixTime(value, forKey: key) }
    }

    /// Encodes a required, nullable unix time: `nil` is written as an explicit `null`.
    public mutating func encodeNullableUnixTime(_ value: Date?, forKey key: Key) throws {
        if let value { try encodeUnixTime(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
}

extension TextTreeObject {
    /// A required unix-time member (a `Date` read as whole seconds, not as RFC 3339).
    public func decodeUnixTime(_ key: String) throws(ValidationErrors) -> Date {
        try Self.unixTime(decode(key) as Int64, key, path)
    }

    /// An optional unix-time member.
    public func decodeUnixTimeIfPresent(_ key: String) throws(ValidationErrors) -> Date? {
        guard let seconds: Int64 = try decodeIfPresent(key) else { return nil }
        return try Self.unixTime(seconds, key, path)
    }

    /// A required unix-time member that may be null.
    public func decodeNullableUnixTime(_ key: String) throws(ValidationErrors) -> Date? {
        guard let seconds: Int64 = try decodeNullable(key) else { return nil }
        return try Self.unixTime(seconds, key, path)
    }

    private static func unixTime(_ seconds: Int64, _ key: String, _ path: String) throws(ValidationErrors) -> Date {
        guard let date = ScalarFormats.date(unixTime: seconds) else {
            throw ValidationErrors([
                ValidationError(
                    path: path.isEmpty ? key : "\(path).\(key)", reason: "is a unix time outside years 0001…9999")
            ])
        }
        return date
    }
}

extension TextTreeObjectBuilder {
    /// A required unix-time member, written as whole seconds (rounded down; a date outside years
    /// 0001…9999 is written as the nearest bound).
    public mutating func encodeUnixTime(_ value: Date, _ key: String) {
        encode(Self.seconds(value), key)
    }

    /// An optional unix-time member: nothing is written for `nil`.
    public mutating func encodeUnixTimeIfPresent(_ value: Date?, _ key: String) {
        if let value { encodeUnixTime(value, key) }
    }

    /// A required unix-time member that may be null: `nil` is written as null.
    public mutating func encodeNullableUnixTime(_ value: Date?, _ key: String) {
        encodeNullable(value.map(Self.seconds), key)
    }

    private static func seconds(_ value: Date) -> Int64 {
        ScalarFormats.unixTime(value)
            ?? (value.timeIntervalSince1970 < 0 ? ScalarFormats.earliestUnixTime : ScalarFormats.latestUnixTime)
    }
}

@_spi(Generated) extension KeyedDecodingContainer {
    /// Decodes a decimal from a JSON number, through its digits (Foundation's `JSONDecoder` reads a
    /// `Decimal` without going through `Double`).
    public func decodeDecimal(forKey key: Key) throws -> Decimal {
        let value = try decode(Decimal.self, forKey: key)
        guard !value.isNaN else {
            throw DecodingError.dataCorrupted(RuntimeReason.context(codingPath + [key], "not a number"))
        }
        return value
    }

    /// Decodes an optional decimal.
    public func decodeDecimalIfPresent(forKey key: Key) throws -> Decimal? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decodeDecimal(forKey: key)
    }

    /// Decodes a required, nullable decimal.
    public func decodeNullableDecimal(forKey key: Key) throws -> Decimal? {
        _ = try decodeNullable(Decimal.self, forKey: key)
        return try decodeDecimalIfPresent(forKey: key)
    }
}

@_spi(Generated) extension KeyedEncodingContainer {
    /// Encodes a decimal as a JSON number; `Decimal.nan`, which JSON cannot carry (Foundation would
    /// write `NaN`, which is not JSON), fails with `EncodingError.invalidValue`.
    public mutating func encodeDecimal(_ value: Decimal, forKey key: Key) throws {
        guard !value.isNaN else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: codingPath + [key], debugDescription: "NaN is not a JSON number"))
        }
        try encode(value, forKey: key)
    }

    /// Encodes an optional decimal; nothing is written for `nil`.
    public mutating func encodeDecimalIfPresent(_ value: Decimal?, forKey key: Key) throws {
        if let value { try encodeDecimal(value, forKey: key) }
    }

    /// Encodes a required, nullable decimal: `nil` is written as an explicit `null`.
    public mutating func encodeNullableDecimal(_ value: Decimal?, forKey key: Key) throws {
        if let value { try encodeDecimal(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
}

/// A `unix-time` parameter as it travels: whole seconds since 1970 (`1700000000`), years 0001…9999.
/// Generated code converts it to and from the input's `Date` (a `Date` parameter is RFC 3339 text).
@_spi(Generated) public struct UnixTimeParameter: ParameterValue, Hashable {
    public var date: Date

    public init(_ date: Date) { self.date = date }

    /// An integer within ``ScalarFormats/earliestUnixTime``…``ScalarFormats/latestUnixTime``; `nil`
    /// otherwise (fractions, exponents, spaces, out of range).
    public init?(parameterValue: String) {
        guard let seconds = Int64(parameterValue), let date = ScalarFormats.date(unixTime: seconds) else { return nil }
        self.date = date
    }

    /// Rounded down to the second; a date outside years 0001…9999 writes the nearest bound, as XML and
    /// forms do.
    public var parameterValue: String {
        if let seconds = ScalarFormats.unixTime(date) { return String(seconds) }
        return String(date.timeIntervalSince1970 < 0 ? ScalarFormats.earliestUnixTime : ScalarFormats.latestUnixTime)
    }
}

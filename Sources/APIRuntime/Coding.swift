import Foundation

/// RFC 3339 date-times: any number of fractional digits (or none) and any offset when reading;
/// UTC with milliseconds (only when they are not zero) when writing.
public enum RFC3339 {
    /// Parses `2024-07-29T15:51:28.071Z`, `2024-07-29T15:51:28+02:00`, `2024-07-29t15:51:28.1234567z`.
    public static func date(from text: String) -> Date? {
        RFC3339Seconds.parse(text).map(Date.init(timeIntervalSince1970:))
    }

    /// Formats a date in UTC: `2024-07-29T15:51:28.071Z` (no fraction when it is zero).
    public static func string(from date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        var whole = seconds.rounded(.down)
        var millis = Int(((seconds - whole) * 1000).rounded())
        if millis == 1000 {
            whole += 1
            millis = 0
        }
        let total = Int(whole)
        var days = total / 86_400
        var rest = total % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        let (year, month, day) = civilFromDays(days)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        func append(_ value: Int, _ width: Int) {
            var digits = [UInt8](repeating: 48, count: width)
            var value = value
            for index in stride(from: width - 1, through: 0, by: -1) {
                digits[index] = UInt8(48 + value % 10)
                value /= 10
            }
            bytes += digits
        }
        append(year, 4)
        bytes.append(45)
        append(month, 2)
        bytes.append(45)
        append(day, 2)
        bytes.append(84)
        append(rest / 3_600, 2)
        bytes.append(58)
        append(rest % 3_600 / 60, 2)
        bytes.append(58)
        append(rest % 60, 2)
        if millis != 0 {
            bytes.append(46)
            append(millis, 3)
        }
        bytes.append(90)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The date of a day count since 1970-01-01 (the inverse of ``RFC3339Seconds/daysFromCivil(year:month:day:)``).
    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPart = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPart + 2) / 5 + 1
        let month = monthPart < 10 ? monthPart + 3 : monthPart - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

@_spi(Generated) extension KeyedDecodingContainer {
    /// Decodes a required field that may be `null`: the key must be present.
    public func decodeNullable<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard contains(key) else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "required (it may be null, but not absent)"))
        }
        if try decodeNil(forKey: key) { return nil }
        return try decode(T.self, forKey: key)
    }

    /// Decodes an RFC 3339 date-time string.
    public func decodeDateTime(forKey key: Key) throws -> Date {
        let text = try decode(String.self, forKey: key)
        guard let date = RFC3339.date(from: text) else {
            throw DecodingError.dataCorrupted(RuntimeReason.context(codingPath + [key], "not an RFC 3339 date-time"))
        }
        return date
    }

    /// Decodes an optional RFC 3339 date-time string.
    public func decodeDateTimeIfPresent(forKey key: Key) throws -> Date? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decodeDateTime(forKey: key)
    }

    /// Decodes a required, nullable RFC 3339 date-time string.
    public func decodeNullableDateTime(forKey key: Key) throws -> Date? {
        _ = try decodeNullable(String.self, forKey: key)
        return try decodeDateTimeIfPresent(forKey: key)
    }

    /// Decodes a field whose value is fixed by the definition, failing on any other value.
    public func decodeConstant<T: Decodable & Equatable>(_ expected: T, forKey key: Key) throws -> T {
        let value = try decode(T.self, forKey: key)
        guard value == expected else {
            throw DecodingError.dataCorrupted(RuntimeReason.context(codingPath + [key], "must be \(expected)"))
        }
        return value
    }
}

@_spi(Generated) extension KeyedDecodingContainer {
    /// Decodes a UUID string (any case).
    public func decodeUUID(forKey key: Key) throws -> UUID {
        let text = try decode(String.self, forKey: key)
        guard let value = UUID(uuidString: text) else {
            throw DecodingError.dataCorrupted(RuntimeReason.context(codingPath + [key], "not a UUID"))
        }
        return value
    }

    /// Decodes an optional UUID string.
    public func decodeUUIDIfPresent(forKey key: Key) throws -> UUID? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decodeUUID(forKey: key)
    }

    /// Decodes a required, nullable UUID string.
    public func decodeNullableUUID(forKey key: Key) throws -> UUID? {
        _ = try decodeNullable(String.self, forKey: key)
        return try decodeUUIDIfPresent(forKey: key)
    }
}

@_spi(Generated) extension KeyedEncodingContainer {
    /// Encodes a UUID in lower case.
    public mutating func encodeUUID(_ value: UUID, forKey key: Key) throws {
        try encode(value.uuidString.lowercased(), forKey: key)
    }

    /// Encodes an optional UUID in lower case; nothing is written for `nil`.
    public mutating func encodeUUIDIfPresent(_ value: UUID?, forKey key: Key) throws {
        if let value { try encodeUUID(value, forKey: key) }
    }

    /// Encodes a required, nullable UUID: `nil` is written as an explicit `null`.
    public mutating func encodeNullableUUID(_ value: UUID?, forKey key: Key) throws {
        if let value { try encodeUUID(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    /// Encodes a required, nullable field: `nil` is written as an explicit `null`.
    public mutating func encodeNullable<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    /// Encodes a date as an RFC 3339 string.
    public mutating func encodeDateTime(_ value: Date, forKey key: Key) throws {
        try encode(RFC3339.string(from: value), forKey: key)
    }

    /// Encodes an optional date; nothing is written for `nil`.
    public mutating func encodeDateTimeIfPresent(_ value: Date?, forKey key: Key) throws {
        if let value { try encodeDateTime(value, forKey: key) }
    }

    /// Encodes a required, nullable date: `nil` is written as an explicit `null`.
    public mutating func encodeNullableDateTime(_ value: Date?, forKey key: Key) throws {
        if let value { try encodeDateTime(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
}

@_spi(Generated) extension Decoder {
    /// Decodes a string enum, failing with the list of allowed values.
    public func decodeStringEnum<T: RawRepresentable & CaseIterable>(_ type: T.Type) throws -> T
    where T.RawValue == String {
        let container = try singleValueContainer()
        let raw = try container.decode(String.self)
        guard let value = T(rawValue: raw) else {
            let allowed = T.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw DecodingError.dataCorrupted(
                RuntimeReason.context(container.codingPath, "is not one of \(allowed)"))
        }
        return value
    }

    /// Decodes an open integer or number enum: any value of the raw type, listed or not.
    public func decodeOpenNumericEnum<T: RawRepresentable>(_ type: T.Type) throws -> T
    where T.RawValue: Decodable & ParameterValue {
        let container = try singleValueContainer()
        guard let value = T(rawValue: try Self.decodeNumber(T.RawValue.self, container)) else {
            throw DecodingError.dataCorrupted(RuntimeReason.context(container.codingPath, "is not a value"))
        }
        return value
    }

    /// A number of type `T`; Foundation's own error may lose the path (and quote the value), so it is replaced.
    private static func decodeNumber<T: Decodable>(_ type: T.Type, _ container: any SingleValueDecodingContainer)
        throws -> T
    {
        do {
            return try container.decode(T.self)
        } catch {
            throw DecodingError.dataCorrupted(
                RuntimeReason.context(container.codingPath, T.self == Int.self ? "expected an integer" : "expected a number"))
        }
    }

    /// Decodes an integer or number enum, failing with the list of allowed values.
    public func decodeNumericEnum<T: RawRepresentable & CaseIterable>(_ type: T.Type) throws -> T
    where T.RawValue: Decodable & ParameterValue {
        let container = try singleValueContainer()
        let raw = try Self.decodeNumber(T.RawValue.self, container)
        guard let value = T(rawValue: raw) else {
            let allowed = T.allCases.map(\.rawValue.parameterValue).joined(separator: ", ")
            throw DecodingError.dataCorrupted(
                RuntimeReason.context(container.codingPath, "is not one of \(allowed)"))
        }
        return value
    }
}

/// Marks a decoding failure the runtime raised itself, whose description is safe to show: it names
/// what was expected and never the value that was found.
///
/// Foundation's own descriptions can quote the input (`Parsed JSON number <…> does not fit in Int.`),
/// which may be a sensitive field, so ``ValidationError/init(_:)`` shows only descriptions marked with
/// this, and says in its own words what is wrong with anything else.
struct RuntimeReason: Error {
    /// A decoding context whose description ``ValidationError/init(_:)`` may show as it is.
    static func context(_ codingPath: [any CodingKey], _ reason: String) -> DecodingError.Context {
        DecodingError.Context(codingPath: codingPath, debugDescription: reason, underlyingError: RuntimeReason())
    }

    /// The reason to show for a `dataCorrupted` context: its description when the runtime wrote it,
    /// otherwise a fixed text that quotes nothing from the input.
    static func reason(of context: DecodingError.Context) -> String {
        if context.underlyingError is RuntimeReason { return context.debugDescription }
        let text = context.debugDescription
        if text.contains("does not fit") || text.contains("not representable") || text.contains("out of range") {
            return "number out of range for its type"
        }
        if context.underlyingError != nil || text.contains("not valid JSON") { return "not valid JSON" }
        return "could not be decoded"
    }
}

/// JSON reading and writing for generated types, with errors that name the field.
@_spi(Generated) public enum JSONCoding {
    /// Encodes a value as compact JSON, members in the order the type writes them (a generated type: its
    /// fields' order in the definition; a map: sorted keys), the same bytes in every process (``JSONWriter``).
    public static func encode(_ value: some Encodable) throws -> Data {
        try JSONWriter.encode(value)
    }

    /// One decoder for every call: `JSONDecoder` is `Sendable` and its options never change after it is
    /// made, so sharing it saves an allocation per body.
    static let decoder = JSONDecoder()

    /// Decodes a value, turning `DecodingError` into ``ValidationErrors`` with a wire path, then
    /// validates it when it is ``Constrained``.
    public static func decode<T: Decodable>(
        _ type: T.Type, from data: Data, validate: Bool = true, direction: ValidationDirection? = nil
    )
        throws(ValidationErrors)
        -> T
    {
        let value: T
        do {
            value = try decoder.decode(T.self, from: data)
        } catch let error as DecodingError {
            throw ValidationErrors([ValidationError(error)])
        } catch {
            throw ValidationErrors([ValidationError(path: "", reason: "not valid JSON")])
        }
        if validate, let validatable = value as? any Constrained {
            let errors = validatable.validationErrors(direction: direction)
            if !errors.isEmpty { throw ValidationErrors(errors) }
        }
        return value
    }
}

extension ValidationError {
    /// A validation error for a decoding failure, located by the decoder's coding path.
    public init(_ error: DecodingError) {
        func render(_ path: [any CodingKey]) -> String {
            var result = ""
            for key in path {
                if let index = key.intValue {
                    result += "[\(index)]"
                } else {
                    result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
            return result
        }
        switch error {
        case .keyNotFound(let key, let context):
            let reason = context.debugDescription.hasPrefix("required") ? context.debugDescription : "required"
            self.init(path: render(context.codingPath + [key]), reason: reason)
        case .valueNotFound(let type, let context):
            self.init(
                path: render(context.codingPath), reason: "must not be null (expected \(Self.wireName(of: type)))")
        case .typeMismatch(let type, let context):
            self.init(path: render(context.codingPath), reason: "expected \(Self.wireName(of: type))")
        case .dataCorrupted(let context):
            self.init(path: render(context.codingPath), reason: RuntimeReason.reason(of: context))
        @unknown default:
            self.init(path: "", reason: "could not be decoded")
        }
    }

    private static func wireName(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is Int.Type, is Int32.Type, is Int64.Type: "an integer"
        case is Double.Type, is Float.Type: "a number"
        case is [Any].Type: "an array"
        default: "an object"
        }
    }
}

import Foundation

/// Decodes an `anyOf`: every alternative is tried against the same payload, and each one that
/// decodes and validates is kept. When none does, one error says why each failed, in the words of a
/// ``ValidationError`` (never quoting the input).
@_spi(Generated) public struct AnyOfAttempt {
    private let decoder: any Decoder
    private var reasons: [String] = []
    private var matched = false

    /// An attempt on the value `decoder` reads.
    public init(_ decoder: any Decoder) { self.decoder = decoder }

    /// The payload as a `T` when it decodes and validates as one; otherwise `nil`, and the reason is kept.
    /// An object alternative's string `constants` are compared first, without decoding: one that differs
    /// rules the alternative out at once (so recursive anyOfs told apart by constants decode each level once).
    public mutating func decode<T: Decodable & Constrained>(
        _ type: T.Type, _ name: String, constants: [OneOfCandidate.Constant]
    ) -> T? {
        if !constants.isEmpty, let mismatch = mismatch(constants) {
            reasons.append("not \(name): " + mismatch)
            return nil
        }
        guard let value = decodeOnly(type, name) else { return nil }
        let errors = value.validationErrors()
        guard errors.isEmpty else {
            reasons.append("not \(name): " + errors.map(\.description).joined(separator: ", "))
            return nil
        }
        matched = true
        return value
    }

    /// The payload as a `T` when it decodes and validates as one; otherwise `nil`, and the reason is kept.
    public mutating func decode<T: Decodable & Constrained>(_ type: T.Type, _ name: String) -> T? {
        decode(type, name, constants: [])
    }

    /// The payload as a `T` (a primitive or an enum) when it decodes as one; otherwise `nil`, and the
    /// reason is kept.
    public mutating func decode<T: Decodable>(_ type: T.Type, _ name: String) -> T? {
        guard let value = decodeOnly(type, name) else { return nil }
        matched = true
        return value
    }

    /// The payload as a `T` (a primitive) when it decodes as one and holds the constraints `checks`
    /// checks (at the payload's own path); otherwise `nil`, and the reason is kept.
    public mutating func decode<T: Decodable>(
        _ type: T.Type, _ name: String, checks: (inout ConstraintChecker, T) -> Void
    ) -> T? {
        guard let value = decodeOnly(type, name) else { return nil }
        var validator = ConstraintChecker()
        checks(&validator, value)
        return kept(value, validator.errors, name)
    }

    /// The payload as an array whose items validate themselves (`[Card]`), when it decodes and every item
    /// validates; otherwise `nil`, and the reason is kept.
    public mutating func decode<Element: Decodable & Constrained>(_ type: [Element].Type, _ name: String)
        -> [Element]?
    {
        guard let value = decodeOnly(type, name) else { return nil }
        var validator = ConstraintChecker()
        validator.eachHere(value)
        return kept(value, validator.errors, name)
    }

    /// The payload as a map whose values validate themselves (`{Card}`), when it decodes and every value
    /// validates; otherwise `nil`, and the reason is kept.
    public mutating func decode<Value: Decodable & Constrained>(_ type: [String: Value].Type, _ name: String)
        -> [String: Value]?
    {
        guard let value = decodeOnly(type, name) else { return nil }
        var validator = ConstraintChecker()
        validator.eachHere(value)
        return kept(value, validator.errors, name)
    }

    private mutating func kept<T>(_ value: T, _ errors: [ValidationError], _ name: String) -> T? {
        guard errors.isEmpty else {
            reasons.append("not \(name): " + errors.map(\.description).joined(separator: ", "))
            return nil
        }
        matched = true
        return value
    }

    private mutating func decodeOnly<T: Decodable>(_ type: T.Type, _ name: String) -> T? {
        do {
            return try T(from: decoder)
        } catch let error as DecodingError {
            reasons.append("not \(name): " + relative(ValidationError(error)).description)
        } catch {
            reasons.append("not \(name): could not be decoded")
        }
        return nil
    }

    /// Why the payload does not hold the string constants, or `nil` when it does (or is no object, which
    /// decoding then reports).
    private func mismatch(_ constants: [OneOfCandidate.Constant]) -> String? {
        guard let container = try? decoder.container(keyedBy: AnyCodingKey.self) else { return nil }
        for constant in constants {
            let key = AnyCodingKey(stringValue: constant.key)
            guard container.contains(key) else { return "\(constant.key): required" }
            // Not the value found: it comes from the input and may be sensitive.
            guard (try? container.decode(String.self, forKey: key)) == constant.value else {
                return "\(constant.key): must be \(constant.value)"
            }
        }
        return nil
    }

    /// An error located inside the payload, with the payload's own path left out.
    private func relative(_ error: ValidationError) -> ValidationError {
        let base = ValidationError(
            DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath, debugDescription: ""))
        ).path
        guard !base.isEmpty, error.path.hasPrefix(base) else { return error }
        var rest = error.path.dropFirst(base.count)
        if rest.first == "." { rest = rest.dropFirst() }
        return ValidationError(path: String(rest), reason: error.reason)
    }

    /// Throws when no alternative matched: `matches no alternative (not Cat: name: required; not string:
    /// expected a string)`.
    public func finish() throws {
        guard !matched else { return }
        throw DecodingError.dataCorrupted(
            RuntimeReason.context(
                decoder.codingPath, "matches no alternative (" + reasons.joined(separator: "; ") + ")"))
    }
}

/// Encoding an `anyOf`: its object alternatives merged into one object, and the error for a value with no
/// alternative set (which validation refuses).
@_spi(Generated) public enum AnyOfEncoding {
    /// An encoder that writes each member once: the set object alternatives encode into it in definition
    /// order, and a member an earlier alternative wrote is left out, so the first alternative set wins a
    /// shared key whatever the underlying encoder does with a key written twice (`JSONEncoder` keeps the
    /// last, a streaming writer would write both).
    public static func merging(_ encoder: any Encoder) -> any Encoder {
        MergingEncoder(base: encoder, written: MergedMembers())
    }

    /// The error for a value with no alternative set.
    public static func noAlternative(_ value: Any, _ encoder: any Encoder) -> EncodingError {
        EncodingError.invalidValue(
            value,
            EncodingError.Context(
                codingPath: encoder.codingPath, debugDescription: "an anyOf value needs at least one alternative set"))
    }
}

@_spi(Generated) extension ConstraintChecker {
    /// One alternative of an anyOf as its validation sees it: its name, whether it is set, and
    /// whether it is written as a JSON object (an object or oneOf type).
    public typealias AnyOfAlternative = (name: String, isSet: Bool, isObject: Bool)

    /// Checks an anyOf value: at least one alternative is set, and an object alternative is not set
    /// beside one that is not (one JSON value cannot be both).
    public mutating func anyOf(_ alternatives: [AnyOfAlternative]) {
        let set = alternatives.filter(\.isSet)
        if set.isEmpty {
            failHere("must be at least one of " + alternatives.map(\.name).joined(separator: ", "))
            return
        }
        let objects = set.filter(\.isObject).map(\.name)
        let others = set.filter { !$0.isObject }.map(\.name)
        if !objects.isEmpty, !others.isEmpty {
            failHere(
                "cannot be both an object (\(objects.joined(separator: ", "))) and a value that is not (\(others.joined(separator: ", ")))"
            )
        }
    }
}

/// The member names an anyOf's alternatives have written so far.
final class MergedMembers {
    var names: Set<String> = []
}

struct MergingEncoder: Encoder {
    let base: any Encoder
    let written: MergedMembers
    var codingPath: [any CodingKey] { base.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { base.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(MergingKeyedContainer(base: base.container(keyedBy: Key.self), written: written))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { base.unkeyedContainer() }

    func singleValueContainer() -> any SingleValueEncodingContainer { base.singleValueContainer() }
}

/// A keyed container that skips a key written before (by this alternative or an earlier one).
struct MergingKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    var base: KeyedEncodingContainer<Key>
    let written: MergedMembers
    var codingPath: [any CodingKey] { base.codingPath }

    private func isNew(_ key: Key) -> Bool { written.names.insert(key.stringValue).inserted }

    mutating func encodeNil(forKey key: Key) throws { if isNew(key) { try base.encodeNil(forKey: key) } }

    /// Also the witness of the protocol's `Bool`, `String`, `Int`, … requirements (Swift infers `T`).
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        if isNew(key) { try base.encode(value, forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        // A nested container under a key already written cannot be left out; generated types never ask.
        _ = isNew(key)
        return base.nestedContainer(keyedBy: NestedKey.self, forKey: key)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        _ = isNew(key)
        return base.nestedUnkeyedContainer(forKey: key)
    }

    mutating func superEncoder() -> any Encoder { base.superEncoder() }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        _ = isNew(key)
        return base.superEncoder(forKey: key)
    }
}

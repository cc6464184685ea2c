import Foundation

/// Reads an `anyOf` from a ``TextTree`` (XML, or a form or multipart field, at any depth): every alternative is
/// tried against the same subtree, and each one that reads and validates is kept, as ``AnyOfAttempt``
/// does for JSON. When none does, one error says why each failed, never quoting the input.
///
/// A form carries every leaf as text, and writes an object without members as one empty value and a list
/// of one as a single value. So a single value (`address=`, `tax_rates=txr_1`) is read as an alternative
/// that is a container (an object, a oneOf, an array or a map) only when no alternative that is a single
/// value (a primitive or an enum) matches it: `address=` is the `""` alternative, not an address without
/// members as well. The generated reader tries the single-value alternatives first. XML writes an object
/// without members, an empty list and `""` alike, as an empty element: the same rule reads it as `""` when
/// an alternative takes that.
@_spi(Generated) public struct AnyOfTextTreeAttempt {
    private let reader: TextTreeReader
    private var reasons: [String] = []
    private var matched = false

    /// An attempt on the subtree `reader` reads.
    public init(_ reader: TextTreeReader) { self.reader = reader }

    /// Whether the subtree is one value rather than an object or a list.
    private var isSingleValue: Bool {
        switch reader.tree {
        case .text, .boolean, .null, .file, .json: true
        case .list, .object: false
        }
    }

    /// The subtree as a `T` (a primitive or an enum) when it reads as one; otherwise `nil`, and the reason
    /// is kept. An explicit null (XML's empty element) is read as empty text.
    public mutating func decode<T: TextTreeCodable>(_ type: T.Type, _ name: String) -> T? {
        let tree = reader.tree == .null ? TextTree.text("") : reader.tree
        guard let value = read(type, name, reader.child(tree, path: reader.path)) else { return nil }
        matched = true
        return value
    }

    /// The subtree as a `T` (a primitive) when it reads as one and holds the constraints `checks` checks
    /// (at the subtree's own path); otherwise `nil`, and the reason is kept. An explicit null is empty text.
    public mutating func decode<T: TextTreeCodable>(
        _ type: T.Type, _ name: String, checks: (inout ConstraintChecker, T) -> Void
    ) -> T? {
        let tree = reader.tree == .null ? TextTree.text("") : reader.tree
        guard let value = read(type, name, reader.child(tree, path: reader.path)) else { return nil }
        var validator = ConstraintChecker()
        checks(&validator, value)
        return kept(value, validator.errors, name)
    }

    /// The subtree as a `T` (an object, oneOf, array or map) when it reads and validates as one; otherwise
    /// `nil`, and the reason is kept. An object alternative's string `constants` are compared first: one
    /// that differs rules it out without reading. A single value that an earlier (single-value) alternative
    /// matched is not read as a container.
    public mutating func decodeObject<T: TextTreeCodable & Constrained>(
        _ type: T.Type, _ name: String, constants: [OneOfCandidate.Constant] = []
    ) -> T? {
        guard let value: T = readContainer(type, name, constants: constants) else { return nil }
        let errors = value.validationErrors()
        guard errors.isEmpty else {
            reasons.append("not \(name): " + errors.map(\.description).joined(separator: ", "))
            return nil
        }
        matched = true
        return value
    }

    /// An array alternative whose items validate themselves (`[Card]`).
    public mutating func decodeContainer<Element: TextTreeCodable & Constrained>(
        _ type: [Element].Type, _ name: String
    ) -> [Element]? {
        guard let value: [Element] = readContainer(type, name, constants: []) else { return nil }
        var validator = ConstraintChecker()
        validator.eachHere(value)
        return kept(value, validator.errors, name)
    }

    /// A map alternative whose values validate themselves (`{Card}`).
    public mutating func decodeContainer<Value: TextTreeCodable & Constrained>(
        _ type: [String: Value].Type, _ name: String
    ) -> [String: Value]? {
        guard let value: [String: Value] = readContainer(type, name, constants: []) else { return nil }
        var validator = ConstraintChecker()
        validator.eachHere(value)
        return kept(value, validator.errors, name)
    }

    /// An array or map alternative of primitives or enums (`[string]`, `{integer}`).
    public mutating func decodeContainer<T: TextTreeCodable>(_ type: T.Type, _ name: String) -> T? {
        guard let value: T = readContainer(type, name, constants: []) else { return nil }
        matched = true
        return value
    }

    private mutating func kept<T>(_ value: T, _ errors: [ValidationError], _ name: String) -> T? {
        guard errors.isEmpty else {
            reasons.append("not \(name): " + errors.map(\.description).joined(separator: ", "))
            return nil
        }
        matched = true
        return value
    }

    private mutating func readContainer<T: TextTreeCodable>(
        _ type: T.Type, _ name: String, constants: [OneOfCandidate.Constant]
    ) -> T? {
        if matched, isSingleValue { return nil }
        if !constants.isEmpty, let mismatch = mismatch(constants) {
            reasons.append("not \(name): " + mismatch)
            return nil
        }
        return read(type, name, reader)
    }

    private mutating func read<T: TextTreeCodable>(_ type: T.Type, _ name: String, _ reader: TextTreeReader) -> T? {
        do {
            return try T(textTree: reader)
        } catch {
            reasons.append("not \(name): " + error.errors.map { relative($0).description }.joined(separator: ", "))
            return nil
        }
    }

    /// Why the subtree does not hold the string constants, or `nil` when it does (or is no object, which
    /// reading then reports).
    private func mismatch(_ constants: [OneOfCandidate.Constant]) -> String? {
        guard case .object = reader.tree, let object = try? reader.object() else { return nil }
        for constant in constants {
            guard object.contains(constant.key) else { return "\(constant.key): required" }
            // Not the value found: it comes from the input and may be sensitive.
            guard object.text(constant.key) == constant.value else {
                return "\(constant.key): must be \(constant.value)"
            }
        }
        return nil
    }

    /// An error located inside the subtree, with the subtree's own path left out.
    private func relative(_ error: ValidationError) -> ValidationError {
        let base = reader.path
        guard !base.isEmpty, error.path.hasPrefix(base) else { return error }
        var rest = error.path.dropFirst(base.count)
        if rest.first == "." { rest = rest.dropFirst() }
        return ValidationError(path: String(rest), reason: error.reason)
    }

    /// Throws when no alternative matched: `matches no alternative (not Address: expected an object; not
    /// Unset: is not one of '')`.
    public func finish() throws(ValidationErrors) {
        guard !matched else { return }
        throw reader.error("matches no alternative (" + reasons.joined(separator: "; ") + ")")
    }
}

/// Writing an `anyOf` as a ``TextTree``.
@_spi(Generated) public enum AnyOfTextTree {
    /// The merge of the trees of the object alternatives that are set (objects, oneOfs and maps), in
    /// definition order: each member once, the first alternative that writes a member winning it.
    public static func merged(_ trees: [TextTree?]) -> TextTree {
        var members: [TextTree.Member] = []
        var names: Set<String> = []
        for case .object(let written)? in trees {
            for member in written where names.insert(member.name).inserted { members.append(member) }
        }
        return .object(members)
    }
}

@_spi(Generated) extension TextTreeObject {
    /// An optional member whose type is an anyOf: absent is `nil`, and an empty value (a form's `address=`,
    /// XML's empty element, which is also how XML writes `""`) or `null` is the anyOf when one of its
    /// alternatives matches it (`address=` is the `""` alternative), `nil` otherwise.
    public func decodeAnyOfIfPresent<T: TextTreeCodable>(_ key: String) throws(ValidationErrors) -> T? {
        guard let member = members.first(where: { $0.name == key }) else { return nil }
        let reader = TextTreeReader(member.value, path: path.isEmpty ? key : "\(path).\(key)", anyJSON: anyJSON)
        if member.value == .null || Self.isNullText(member.value) { return try? T(textTree: reader) }
        return try T(textTree: reader)
    }
}

@_spi(Generated) extension ConstraintChecker {
    /// Validates each item of an array alternative of an anyOf in place, under `[index]`.
    public mutating func eachHere(_ values: [some Constrained]) {
        for (index, value) in values.enumerated() { nestedHere(value, "[\(index)]") }
    }

    /// Validates each value of a map alternative of an anyOf in place, under `.key`, in key order.
    public mutating func eachHere(_ values: [String: some Constrained]) {
        for name in values.keys.sorted() {
            if let value = values[name] { nestedHere(value, prefix.isEmpty ? name : ".\(name)") }
        }
    }

    /// The shape of an anyOf alternative on the wire, for ``anyOf(shaped:)``.
    public enum AnyOfShape: Sendable {
        /// An object, a oneOf or a map: one object, which the set object alternatives share (merged).
        case object
        /// An array.
        case array
        /// A primitive or an enum.
        case value
    }

    /// Checks an anyOf value with an array alternative: at least one alternative is set, and the set
    /// ones have one shape (one wire value cannot be an array and an object, or an array and a value).
    public mutating func anyOf(shaped alternatives: [(name: String, isSet: Bool, shape: AnyOfShape)]) {
        let set = alternatives.filter(\.isSet)
        if set.isEmpty {
            failHere("must be at least one of " + alternatives.map(\.name).joined(separator: ", "))
            return
        }
        let arrays = set.filter { $0.shape == .array }.map(\.name)
        let objects = set.filter { $0.shape == .object }.map(\.name)
        let values = set.filter { $0.shape == .value }.map(\.name)
        let describe = { (names: [String]) in names.joined(separator: ", ") }
        if !arrays.isEmpty, !objects.isEmpty {
            failHere("cannot be both an array (\(describe(arrays))) and an object (\(describe(objects)))")
        } else if !arrays.isEmpty, !values.isEmpty {
            failHere("cannot be both an array (\(describe(arrays))) and a value that is not (\(describe(values)))")
        } else if !objects.isEmpty, !values.isEmpty {
            failHere(
                "cannot be both an object (\(describe(objects))) and a value that is not (\(describe(values)))")
        }
    }
}

@_spi(Generated) extension AnyOfEncoding {
    /// Writes a map alternative's entries into `encoder` (the merging encoder when object alternatives are
    /// set beside it), in key order, so the bytes are the same in every process.
    public static func encodeMembers<Value: Encodable>(_ map: [String: Value], to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for key in map.keys.sorted() {
            if let value = map[key] { try container.encode(value, forKey: AnyCodingKey(stringValue: key)) }
        }
    }
}

import Foundation

/// A value that converts to and from a ``TextTree``: what generated models conform to so that
/// they travel as XML, `application/x-www-form-urlencoded` and `multipart/form-data`.
public protocol TextTreeCodable {
    /// Reads a value; errors name the offending path.
    init(textTree reader: TextTreeReader) throws(ValidationErrors)
    /// The value as a tree.
    func textTree() -> TextTree
}

/// Leaves: a value with a text form is a text leaf.
extension TextTreeCodable where Self: ParameterValue {
    public init(textTree reader: TextTreeReader) throws(ValidationErrors) {
        self = try reader.leaf(Self.self)
    }

    public func textTree() -> TextTree { .text(parameterValue) }
}

extension String: TextTreeCodable {}
extension Int: TextTreeCodable {}
extension Int32: TextTreeCodable {}
extension Int64: TextTreeCodable {}
extension Double: TextTreeCodable {}
extension UUID: TextTreeCodable {}
extension Date: TextTreeCodable {}

extension Bool: TextTreeCodable {
    public func textTree() -> TextTree { .boolean(self) }
}

extension Array: TextTreeCodable where Element: TextTreeCodable {
    /// Reads a list; a single leaf is a list of one (a form field sent once), and an empty XML
    /// element (null) is an empty list.
    public init(textTree reader: TextTreeReader) throws(ValidationErrors) {
        switch reader.tree {
        case .list(let items):
            var values: [Element] = []
            values.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                values.append(try Element(textTree: reader.child(Self.item(item), path: reader.path + "[\(index)]")))
            }
            self = values
        case .null: self = []
        case .text, .boolean, .file, .json:
            self = [try Element(textTree: reader.child(reader.tree, path: reader.path + "[0]"))]
        case .object(let members): self = try Self.numbered(members, reader)
        }
    }

    /// A list sent with numbered members, as forms write a list of objects (`items[0][price]=5`) and
    /// read `tags[0]=a&tags[1]=b`: the members must be numbered 0…n-1, in any order, without gaps or
    /// repeats, so an index never allocates more than the members sent.
    private static func numbered(_ members: [TextTree.Member], _ reader: TextTreeReader) throws(ValidationErrors)
        -> [Element]
    {
        var slots = [TextTree?](repeating: nil, count: members.count)
        for member in members {
            guard let index = Self.index(member.name) else {
                throw ValidationErrors([
                    ValidationError(
                        path: "\(reader.path)[\(member.name)]", reason: "expected a list item number (0, 1, …)")
                ])
            }
            guard index < members.count, slots[index] == nil else {
                throw ValidationErrors([
                    ValidationError(
                        path: "\(reader.path)[\(member.name)]",
                        reason: "is out of range: \(members.count) items must be numbered 0…\(members.count - 1)")
                ])
            }
            slots[index] = member.value
        }
        var values: [Element] = []
        values.reserveCapacity(slots.count)
        for (index, slot) in slots.enumerated() {
            let item = Self.item(slot ?? .null)
            values.append(try Element(textTree: reader.child(item, path: reader.path + "[\(index)]")))
        }
        return values
    }

    /// An item as its element reads it: for a list of lists, an empty form value (`grid[1]=`) is an empty
    /// list, as bracket notation writes one.
    private static func item(_ tree: TextTree) -> TextTree {
        if tree == .text(""), Element.self is any TextTreeNestedList.Type { return .null }
        return tree
    }

    /// A list index as forms write it: `0` or digits without a leading zero, at most 9 of them.
    private static func index(_ name: String) -> Int? {
        let utf8 = name.utf8
        guard !utf8.isEmpty, utf8.count <= 9, utf8.allSatisfy({ (0x30...0x39).contains($0) }),
            utf8.count == 1 || utf8.first != 0x30
        else { return nil }
        return Int(name)
    }

    public func textTree() -> TextTree { .list(map { $0.textTree() }) }
}

/// A list, told apart from other elements when a list holds lists.
protocol TextTreeNestedList {}

extension Array: TextTreeNestedList {}

/// A node being read, with its path for error messages.
public struct TextTreeReader: Sendable {
    public let tree: TextTree
    /// The wire path of this node (`data.user_id`, `items[2]`); empty at the root.
    public let path: String
    /// How the format being read carries any JSON (``AnyJSON``): as an element tree (XML, the default)
    /// or as JSON text in one value (forms and multipart).
    public let anyJSON: AnyJSONReading

    public init(_ tree: TextTree, path: String = "", anyJSON: AnyJSONReading = .elements) {
        self.tree = tree
        self.path = path
        self.anyJSON = anyJSON
    }

    /// A reader for a node inside this one, which reads any JSON the same way.
    public func child(_ tree: TextTree, path: String) -> TextTreeReader {
        TextTreeReader(tree, path: path, anyJSON: anyJSON)
    }

    public func error(_ reason: String) -> ValidationErrors {
        ValidationErrors([ValidationError(path: path, reason: reason)])
    }

    /// A text leaf converted to `T`.
    public func leaf<T: ParameterValue>(_ type: T.Type) throws(ValidationErrors) -> T {
        let text: String
        switch tree {
        case .text(let value): text = value
        case .boolean(let value): text = value ? "true" : "false"
        case .null: throw error("must not be null")
        case .list: throw error("expected a single value, found a list")
        case .object: throw error("expected a single value, found an object")
        case .json: throw error("expected a single value, found any JSON")
        case .file(let part):
            // A text field a client sent as a file part (curl's `-F name=<file`, a part with `Content-Type`).
            guard let value = part.utf8Text else { throw error("is not UTF-8 text") }
            text = value
        }
        guard let value = T(parameterValue: text) else {
            // Never the text itself: the field may be sensitive.
            throw error("is not \(Self.describe(T.self))")
        }
        return value
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int32.Type, is Int64.Type: "an integer"
        case is Double.Type: "a number"
        case is Bool.Type: "a boolean"
        case is UUID.Type: "a UUID"
        case is Date.Type: "an RFC 3339 date-time"
        case is CalendarDate.Type: "a calendar date (YYYY-MM-DD)"
        case is Data.Type: "standard base64"
        case is Decimal.Type: "a decimal number"
        case is URL.Type: "an absolute URI"
        default:
            if let cases = type as? any CaseIterable.Type {
                "one of " + cases.allCaseNames.map { "'\($0)'" }.joined(separator: ", ")
            } else {
                "a valid \(type)"
            }
        }
    }

    /// The members of an object node. An empty element (null) is an object without members: XML
    /// writes an object whose fields are all absent (or that has none) that way; so is empty text, as
    /// a form writes a nested object without members (`address=`).
    public func object() throws(ValidationErrors) -> TextTreeObject {
        switch tree {
        case .object(let members): return TextTreeObject(members: members, path: path, anyJSON: anyJSON)
        case .null, .text(""): return TextTreeObject(members: [], path: path, anyJSON: anyJSON)
        default: throw error("expected an object")
        }
    }
}

extension TextTreeReader {
    /// How a format carries any JSON (``AnyJSON``, a definition's `json`), which a reader passes down to
    /// every node it reads.
    public enum AnyJSONReading: Sendable, Hashable {
        /// XML: the element tree (objects as elements, arrays as list items, every leaf as text).
        case elements
        /// Forms and multipart: one value (or part) holding JSON text, parsed if it nests at most `maxDepth`
        /// levels.
        case text(maxDepth: Int)
    }
}

extension CaseIterable {
    fileprivate static var allCaseNames: [String] {
        allCases.map { value in (value as? any RawRepresentable).map { "\($0.rawValue)" } ?? "\(value)" }
    }
}

/// The members of an object being read; the generated `init(textTree:)` pulls fields from it.
public struct TextTreeObject: Sendable {
    public let members: [TextTree.Member]
    public let path: String
    /// How the members read any JSON (see ``TextTreeReader/anyJSON``).
    public var anyJSON: TextTreeReader.AnyJSONReading = .elements

    /// Whether a member named `key` is present.
    public func contains(_ key: String) -> Bool { members.contains { $0.name == key } }

    /// The member names, in order.
    public var keys: [String] { members.map(\.name) }

    /// The text of a leaf member, for oneOf decisions.
    public func text(_ key: String) -> String? {
        switch members.first(where: { $0.name == key })?.value {
        case .text(let value)?: value
        case .boolean(let value)?: value ? "true" : "false"
        default: nil
        }
    }

    private func reader(_ key: String) -> TextTreeReader? {
        guard let member = members.first(where: { $0.name == key }) else { return nil }
        return TextTreeReader(member.value, path: path.isEmpty ? key : "\(path).\(key)", anyJSON: anyJSON)
    }

    private func missing(_ key: String, _ reason: String = "required") -> ValidationErrors {
        ValidationErrors([ValidationError(path: path.isEmpty ? key : "\(path).\(key)", reason: reason)])
    }

    /// A required member that must not be null.
    public func decode<T: TextTreeCodable>(_ key: String) throws(ValidationErrors) -> T {
        guard let reader = reader(key) else { throw missing(key) }
        // XML writes "" and null alike, as an empty element: for a string (or bytes, whose base64 text is
        // "" when empty) that cannot be null, it is "".
        if reader.tree == .null, let empty = Self.emptyValue(T.self) { return empty }
        return try T(textTree: reader)
    }

    /// An optional member: absent or null (an empty element, an empty form value) is `nil`.
    public func decodeIfPresent<T: TextTreeCodable>(_ key: String) throws(ValidationErrors) -> T? {
        guard let reader = reader(key) else { return nil }
        if reader.tree == .null || (T.self != String.self && Self.isNullText(reader.tree)) { return nil }
        return try T(textTree: reader)
    }

    /// A member that cannot be null and is required in one direction only (a required `readOnly` or
    /// `writeOnly` field, optional in Swift): absent is `nil`, and an empty element is the type's empty
    /// value (`""`, `[]`, `[:]`), as for a required member. XML writes an empty array as an empty element;
    /// read as `nil`, a required read-only array that was empty failed validation on the way back.
    public func decodeOneWay<T: TextTreeCodable>(_ key: String) throws(ValidationErrors) -> T? {
        if let reader = reader(key), reader.tree == .null, let empty = Self.emptyValue(T.self) { return empty }
        return try decodeIfPresent(key)
    }

    /// The value an empty element stands for in a field that cannot be null, for types that have one.
    static func emptyValue<T>(_ type: T.Type) -> T? {
        (type as? any TextTreeEmptyValue.Type)?.emptyTextTreeValue as? T
    }

    /// A required member that may be null: absent is an error; null or empty text is `nil`.
    public func decodeNullable<T: TextTreeCodable>(_ key: String) throws(ValidationErrors) -> T? {
        guard let reader = reader(key) else { throw missing(key, "required (it may be null, but not absent)") }
        if reader.tree == .null || reader.tree == .text("") || (T.self != String.self && Self.isNullText(reader.tree)) {
            return nil
        }
        return try T(textTree: reader)
    }

    /// Whether a leaf of a type other than text says null: empty, or the word `null` (how form encoders
    /// such as Python's write `None`), which no number, boolean, UUID or date can be.
    static func isNullText(_ tree: TextTree) -> Bool { tree == .text("") || tree == .text("null") }

    /// A member whose value the definition fixes.
    public func decodeConstant<T: TextTreeCodable & Equatable>(_ expected: T, _ key: String) throws(ValidationErrors) {
        let value: T = try decode(key)
        if value != expected { throw missing(key, "must be \(expected)") }
    }
}

/// Builds an object tree member by member, in the order the definition lists the fields.
public struct TextTreeObjectBuilder: Sendable {
    public private(set) var members: [TextTree.Member] = []

    public init() {}

    /// A required member.
    public mutating func encode(_ value: some TextTreeCodable, _ key: String) {
        members.append(TextTree.Member(key, value.textTree()))
    }

    /// An optional member: nothing is written for `nil`.
    public mutating func encodeIfPresent(_ value: (some TextTreeCodable)?, _ key: String) {
        if let value { encode(value, key) }
    }

    /// A required member that may be null: `nil` is written as null.
    public mutating func encodeNullable(_ value: (some TextTreeCodable)?, _ key: String) {
        members.append(TextTree.Member(key, value?.textTree() ?? .null))
    }

    public var tree: TextTree { .object(members) }
}

/// A type with an empty value that XML writes as an empty element: text, bytes, arrays and maps.
protocol TextTreeEmptyValue {
    static var emptyTextTreeValue: Self { get }
}

extension String: TextTreeEmptyValue {
    static var emptyTextTreeValue: String { "" }
}

extension Data: TextTreeEmptyValue {
    static var emptyTextTreeValue: Data { Data() }
}

extension Array: TextTreeEmptyValue {
    static var emptyTextTreeValue: [Element] { [] }
}

extension Dictionary: TextTreeEmptyValue {
    static var emptyTextTreeValue: [Key: Value] { [:] }
}

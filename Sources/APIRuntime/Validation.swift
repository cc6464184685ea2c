import Foundation

/// One problem with a value, located by its wire path (`data.phone_number`, `items[2].id`).
public struct ValidationError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The wire path of the offending value; empty for the value as a whole.
    public var path: String
    /// What is wrong, in words; never contains the value of a sensitive field.
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { path.isEmpty ? reason : "\(path): \(reason)" }
}

/// All the problems found in one value.
public struct ValidationErrors: Error, Sendable, Hashable, CustomStringConvertible {
    public var errors: [ValidationError]

    public init(_ errors: [ValidationError]) { self.errors = errors }

    public var description: String { errors.map(\.description).joined(separator: "; ") }
}

/// A generated type that checks the constraints its definition declares.
public protocol Constrained {
    /// Reports every constraint this value breaks to `validator`.
    func validate(_ validator: inout ConstraintChecker)
}

/// A generated type whose definition declares no constraint on it or on anything it holds: it is
/// always valid, so it reports nothing and has no `validate(_:)` of its own.
public protocol Unconstrained: Constrained {}

extension Unconstrained {
    /// Reports nothing: nothing about this value can break a constraint.
    public func validate(_ validator: inout ConstraintChecker) {}
}

/// Which way a value travels, for the fields that are required in one direction only: a required
/// `readOnly` field must be present in a response, a required `writeOnly` field in a request.
public enum ValidationDirection: Sendable, Hashable {
    /// Client to server.
    case request
    /// Server to client.
    case response
}

extension Constrained {
    /// Every problem with this value, empty when it is valid. With a `direction`, the fields required
    /// in that direction only must also be present.
    public func validationErrors(direction: ValidationDirection? = nil) -> [ValidationError] {
        var validator = ConstraintChecker(direction: direction)
        validate(&validator)
        return validator.errors
    }

    /// Throws ``ValidationErrors`` when this value breaks a constraint.
    public func validated() throws(ValidationErrors) -> Self {
        let errors = validationErrors()
        if !errors.isEmpty { throw ValidationErrors(errors) }
        return self
    }
}

/// Collects validation errors while generated `validate(_:)` methods walk a value.
public struct ConstraintChecker: Sendable {
    public private(set) var errors: [ValidationError] = []
    private(set) var prefix: String = ""
    /// Which way the value travels; `nil` checks no presence by direction.
    public let direction: ValidationDirection?

    public init(direction: ValidationDirection? = nil) { self.direction = direction }

    /// Checks that a field required only in `direction` (a required `readOnly` field in a response, a
    /// required `writeOnly` field in a request) is present when the value travels that way.
    public mutating func require<T>(_ value: T?, _ key: String, in direction: ValidationDirection) {
        if value == nil, self.direction == direction {
            fail(key, direction == .request ? "is required in a request" : "is required in a response")
        }
    }

    /// The path of the field `key` of the current value; the empty key is the current value itself (an
    /// anyOf's primitive alternative is checked at the anyOf's own path).
    private func path(_ key: String) -> String {
        key.isEmpty ? prefix : prefix.isEmpty ? key : "\(prefix).\(key)"
    }

    /// Records a problem with the current value as a whole (at its own path).
    mutating func failHere(_ reason: String) {
        errors.append(ValidationError(path: prefix, reason: reason))
    }

    /// Records a problem with the field `key` of the current value.
    public mutating func fail(_ key: String, _ reason: String) {
        errors.append(ValidationError(path: path(key), reason: reason))
    }

    // MARK: Strings

    /// Checks a string's length and pattern.
    ///
    /// The length counts Unicode code points (`unicodeScalars`), as JSON Schema, Django REST framework and
    /// the OpenAPI export do, not Swift `Character`s: a flag emoji is two, `é` written as `e` and a combining
    /// accent is two.
    public mutating func check(
        _ value: String?, _ key: String, minLength: Int? = nil, maxLength: Int? = nil,
        pattern: String? = nil
    ) {
        guard let value else { return }
        let count = value.unicodeScalars.count
        if let minLength, count < minLength {
            fail(key, minLength == 1 ? "must not be empty" : "shorter than \(minLength) characters")
        }
        if let maxLength, count > maxLength {
            fail(key, "longer than \(maxLength) characters")
        }
        if let pattern, !Patterns.matches(value, pattern) {
            fail(key, "does not match the pattern \(pattern)")
        }
    }

    /// Checks that a discriminator holds the value its alternative stands for.
    public mutating func expect(_ value: String, _ key: String, equals expected: String) {
        if value != expected { fail(key, "must be '\(expected)' for this alternative") }
    }

    // MARK: Numbers

    /// Checks an integer against an inclusive range.
    public mutating func check<T: BinaryInteger>(_ value: T?, _ key: String, minimum: T? = nil, maximum: T? = nil) {
        guard let value else { return }
        if let minimum, value < minimum { fail(key, "less than \(minimum)") }
        if let maximum, value > maximum { fail(key, "greater than \(maximum)") }
    }

    /// Checks a floating-point number against an inclusive range.
    /// NaN and the infinities are refused whatever the range (NaN would pass any bound, and JSON cannot
    /// carry either).
    public mutating func check(_ value: Double?, _ key: String, minimum: Double? = nil, maximum: Double? = nil) {
        guard let value else { return }
        guard value.isFinite else { return fail(key, "must be a finite number") }
        if let minimum, value < minimum { fail(key, "less than \(minimum)") }
        if let maximum, value > maximum { fail(key, "greater than \(maximum)") }
    }

    // MARK: Arrays and nested values

    /// Checks an array's item count.
    public mutating func check<Element>(_ value: [Element]?, _ key: String, minItems: Int? = nil, maxItems: Int? = nil)
    {
        guard let value else { return }
        if let minItems, value.count < minItems { fail(key, "has fewer than \(minItems) items") }
        if let maxItems, value.count > maxItems { fail(key, "has more than \(maxItems) items") }
    }

    /// Checks each item of an array with `check`, at `key[index]` (an array's `items` constraints).
    public mutating func eachItem<Element>(
        _ values: [Element]?, _ key: String, _ check: (inout ConstraintChecker, Element, String) -> Void
    ) {
        guard let values else { return }
        for (index, value) in values.enumerated() { check(&self, value, "\(key)[\(index)]") }
    }

    /// Checks each value of a map with `check`, at `key.name`, in key order (a map's `values` constraints).
    public mutating func eachValue<Element>(
        _ values: [String: Element]?, _ key: String, _ check: (inout ConstraintChecker, Element, String) -> Void
    ) {
        guard let values else { return }
        for (name, value) in values.sorted(by: { $0.key < $1.key }) { check(&self, value, "\(key).\(name)") }
    }

    /// Validates a nested value under the field `key`.
    public mutating func nested(_ value: (some Constrained)?, _ key: String) {
        guard let value else { return }
        let saved = prefix
        prefix = path(key)
        value.validate(&self)
        prefix = saved
    }

    /// Validates a value inside the current one, at the current path followed by `suffix` (`[0]`, `.key`).
    mutating func nestedHere(_ value: some Constrained, _ suffix: String) {
        let saved = prefix
        prefix += suffix
        value.validate(&self)
        prefix = saved
    }

    /// Validates each value of a map under `key.name`, in key order.
    public mutating func each(_ values: [String: some Constrained]?, _ key: String) {
        guard let values else { return }
        for name in values.keys.sorted() { nested(values[name], "\(key).\(name)") }
    }

    /// Validates each element of an array under `key[index]`.
    public mutating func each(_ values: [some Constrained]?, _ key: String) {
        guard let values else { return }
        for (index, value) in values.enumerated() { nested(value, "\(key)[\(index)]") }
    }

    /// Validates each element of each array of a map (`{[Child]}`) under `key.name[index]`, in key order.
    public mutating func each(_ values: [String: [some Constrained]]?, _ key: String) {
        guard let values else { return }
        for name in values.keys.sorted() { each(values[name], "\(key).\(name)") }
    }

    /// Validates the objects inside nested arrays and maps (`[[Child]]`, `[{Child}]`, `{{Child}}`), each in
    /// place: `rows[1][0].name`, `labels[0].key.name` (map keys in order).
    @_spi(Generated) public mutating func eachNested<Values: Collection>(_ values: Values?, _ key: String) {
        guard let values else { return }
        nestedElement(values, at: path(key))
    }

    /// Validates one value found inside nested containers, at the full path `at`.
    mutating func nestedElement(_ value: Any, at: String) {
        if let value = value as? any Constrained {
            let saved = prefix
            prefix = at
            value.validate(&self)
            prefix = saved
        } else if let value = value as? any NestedElements {
            value.validateElements(&self, at: at)
        }
    }
}

/// An array or map whose elements (at any depth) may be objects that validate themselves.
protocol NestedElements {
    /// Validates each element in place under `at` (`at[index]`, `at.key`).
    func validateElements(_ validator: inout ConstraintChecker, at: String)
}

extension Array: NestedElements {
    func validateElements(_ validator: inout ConstraintChecker, at: String) {
        for (index, element) in enumerated() { validator.nestedElement(element, at: "\(at)[\(index)]") }
    }
}

extension Dictionary: NestedElements where Key == String {
    func validateElements(_ validator: inout ConstraintChecker, at: String) {
        for name in keys.sorted() {
            if let element = self[name] { validator.nestedElement(element, at: "\(at).\(name)") }
        }
    }
}

/// Compiled regular expressions, shared by every validator in the process.
enum Patterns {
    private static let cache = Mutex<[String: NSRegularExpression]>([:])

    static func matches(_ value: String, _ pattern: String) -> Bool {
        let regex: NSRegularExpression? = cache.withLock { cache in
            if let cached = cache[pattern] { return cached }
            let compiled = try? NSRegularExpression(pattern: pattern)
            cache[pattern] = compiled
            return compiled
        }
        guard let regex else { return false }
        let range = NSRange(value.startIndex..., in: value)
        return regex.firstMatch(in: value, range: range) != nil
    }
}

/// A small lock-protected box (Synchronization's `Mutex` needs macOS 15; this works everywhere).
final class Mutex<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}

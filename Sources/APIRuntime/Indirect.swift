/// Out-of-line storage for a field that makes its type contain itself (a tree's `parent`, a linked
/// list's `next`), which a Swift struct cannot hold inline.
///
/// A generated model keeps such a field in `var _parent: Indirect<Node?>` behind a computed
/// `public var parent: Node?`, so the property reads and writes like a plain stored one, and the
/// model still compares, hashes and is `Sendable`. The value lives in an immutable box: copies
/// share it and a write replaces it (value semantics).
public struct Indirect<Value: Sendable>: Sendable {
    private final class Box: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    /// Stores `value` out of line.
    public init(_ value: Value) { box = Box(value) }

    /// The stored value.
    public var value: Value {
        get { box.value }
        set { box = Box(newValue) }
    }
}

extension Indirect: Equatable where Value: Equatable {
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.value == rhs.value
    }
}

extension Indirect: Hashable where Value: Hashable {
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

extension Indirect: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The stored value's description, as if it were stored inline.
    public var description: String { String(describing: value) }
    /// The stored value's debug description.
    public var debugDescription: String { String(reflecting: value) }
    /// The stored value's mirror, so that `dump` shows the value and not the box.
    public var customMirror: Mirror { Mirror(reflecting: value) }
}

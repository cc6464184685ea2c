// What Tests/Fixtures/Reference/recursion.json generates: Node.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Node
/// A tree node.
public struct Node: Sendable, Hashable {
    public var name: String

    public var children: [Node]

    public var parent: Node? {
        get { _parent.value }
        set { _parent = Indirect(newValue) }
    }
    var _parent: Indirect<Node?>

    /// Creates a `Node`.
    public init(name: String, children: [Node], parent: Node? = nil) {
        self.name = name
        self.children = children
        self._parent = Indirect(parent)
    }
}

// Models.swift: Node
extension Node: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.each(self.children, "children")
        validator.nested(self.parent, "parent")
    }
}

// Models.swift: Node
extension Node: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { Redacted.describe("Node", redactedFields) }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Redacted.mirror(self, redactedFields) }

    private var redactedFields: KeyValuePairs<String, Any> {
        ["name": self.name, "children": self.children, "parent": self.parent as Any]
    }
}

// JSONCoding.swift: Node
extension Node: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.name = try container.decode(String.self, forKey: "name")
        self.children = try container.decode([Node].self, forKey: "children")
        self._parent = Indirect(try container.decodeIfPresent(Node.self, forKey: "parent"))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.name, forKey: "name")
        try container.encode(self.children, forKey: "children")
        try container.encodeIfPresent(self.parent, forKey: "parent")
    }
}

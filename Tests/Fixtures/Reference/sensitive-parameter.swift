// What Tests/Fixtures/Reference/sensitive-parameter.json generates: GetItemInput.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Operations.swift: GetItemInput
/// The parameters and body of `getItem`.
public struct GetItemInput: Sendable, Hashable {
    /// The operation's identity, which every request of it carries (`APIRequest.operation`).
    public static let operation = OperationInfo(id: "getItem", method: .get, pathTemplate: "/item")

    /// The session token.
    public var xSession: String

    public var q: String?

    /// Creates the input of `getItem`.
    public init(xSession: String, q: String? = nil) {
        self.xSession = xSession
        self.q = q
    }
}

// Operations.swift: GetItemInput
extension GetItemInput: Unconstrained {}

// Operations.swift: GetItemInput
extension GetItemInput: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { Redacted.describe("GetItemInput", redactedFields) }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Redacted.mirror(self, redactedFields) }

    private var redactedFields: KeyValuePairs<String, Any> {
        ["xSession": Redacted.placeholder, "q": self.q as Any]
    }
}

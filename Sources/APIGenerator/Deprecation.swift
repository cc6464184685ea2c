import APIDefinition

/// How a deprecation reaches generated code: an `@available(*, deprecated…)` attribute on what users call
/// (the operation's client methods, a field's or parameter's property), while generated code reads and
/// writes a deprecated field or parameter `x` through its storage `_x`, so that it uses no deprecated
/// declaration and compiles without warnings.
enum Deprecation {
    /// The attribute line (at `indent`), or nothing when `message` is `nil`; an empty message gives none.
    static func attribute(_ message: String?, indent: String) -> String {
        guard let message else { return "" }
        if message.isEmpty { return indent + "@available(*, deprecated)\n" }
        return indent + "@available(*, deprecated, message: " + SwiftSource.stringLiteral(message) + ")\n"
    }

    /// The name generated code reads and writes the field by.
    static func storage(_ field: Field) -> String {
        (field.deprecated == nil ? "" : "_") + Naming.property(field)
    }

    /// The name generated code reads and writes the parameter's input member by.
    static func storage(_ parameter: Parameter) -> String {
        (parameter.deprecated == nil ? "" : "_") + Naming.parameter(parameter)
    }

    /// A deprecated property `name` of `type` over its storage `_name` (stored, or `constant` when given):
    /// the declaration's remainder after `public var name: type`, and the storage's declaration.
    static func accessor(_ name: String, type: String, constant: String?) -> String {
        if let constant {
            return " { _\(name) }\n    var _\(name): \(type) { \(constant) }"
        }
        return " {\n        get { _\(name) }\n        set { _\(name) = newValue }\n    }\n    var _\(name): \(type)"
    }
}

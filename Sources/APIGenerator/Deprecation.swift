import APIDefinition

/// How a deprecation reaches generated code: an `@available(*, deprecated…)` attribute on what users call
/// (the operation's client methods, a field's or parameter's property), while generated code reads and
/// writes a deprecated field or parameter `x` through its storage `_x`, so that it uses no deprecated
/// declaration and compiles without warnings.
enum Deprecation {
    /// The attribute line (at `indent`), or nothing when `message` is `nil`; an empty message gives one
    /// without a message.
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

    /// A property declared by `declaration` (`public var name: Type`), deprecated or not: a deprecated one
    /// reads and writes its storage `_name` (stored, or `constant` when given), declared after it.
    static func property(
        _ writer: SwiftWriter, _ declaration: String, name: String, type: String, deprecated: String?, constant: String?
    ) {
        guard deprecated != nil else {
            writer.line(declaration + (constant.map { " { \($0) }" } ?? ""))
            return
        }
        if let constant {
            writer.line(declaration + " { _\(name) }")
            writer.line("var _\(name): \(type) { \(constant) }")
            return
        }
        writer.block(declaration + " {") {
            writer.line("get { _\(name) }")
            writer.line("set { _\(name) = newValue }")
        }
        writer.line("var _\(name): \(type)")
    }
}

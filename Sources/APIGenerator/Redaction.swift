/// Descriptions that hide what must not show: a type with sensitive values (or with storage a default
/// description would show: deprecated fields and parameters, recursive fields) gets a `description`,
/// `debugDescription` and `customMirror` that list only chosen entries.
enum Redaction {
    /// The conformance of `name` that shows `entries` (label, expression) only.
    static func conformance(
        _ writer: SwiftWriter, _ name: String, _ context: EmitContext, entries: [(label: String, value: String)]
    ) {
        let list = Expr.array(entries.map { .atom("\(SwiftSource.stringLiteral($0.label)): \($0.value)") })
        writer.block("extension \(name): CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {") {
            writer.line(
                "\(context.access.keyword)var description: String { Redacted.describe(\(SwiftSource.stringLiteral(name)), redactedFields) }"
            )
            writer.line("\(context.access.keyword)var debugDescription: String { description }")
            writer.line("\(context.access.keyword)var customMirror: Mirror { Redacted.mirror(self, redactedFields) }")
            writer.blank()
            writer.block("private var redactedFields: KeyValuePairs<String, Any> {") { writer.expression(list) }
        }
    }
}

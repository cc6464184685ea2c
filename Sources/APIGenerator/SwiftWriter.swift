/// Writes generated Swift where indentation follows scope: ``block(_:close:_:)`` indents what its body
/// writes by one level (4 spaces), so no emitter counts spaces by hand. Line breaking stays with
/// ``Layout`` and ``Expr``, which start at the writer's current indent.
final class SwiftWriter {
    /// What has been written so far.
    private(set) var text = ""
    /// The current indent, in spaces.
    private(set) var indent = 0

    init() {}

    /// The current indent as text.
    var pad: String { String(repeating: " ", count: indent) }

    /// One line at the current indent; an empty line has no spaces.
    func line(_ content: String) {
        if content.isEmpty {
            text += "\n"
        } else {
            text += pad
            text += content
            text += "\n"
        }
    }

    /// An empty line.
    func blank() { text += "\n" }

    /// `open` on a line, `body` one level deeper, then `close` (a line of its own, at this level).
    func block(_ open: String, close: String = "}", _ body: () -> Void) {
        line(open)
        indented(body)
        line(close)
    }

    /// `switch subject {`, `body`, `}`: its `case` labels stay at the switch's level, as `swift format`
    /// writes them (their statements go one level deeper, with ``indented(_:)``).
    func switchBlock(_ subject: String, _ body: () -> Void) {
        line("switch \(subject) {")
        body()
        line("}")
    }

    /// `body` one level deeper.
    func indented(_ body: () -> Void) {
        indent += 4
        body()
        indent -= 4
    }

    /// Text already laid out (lines that end in newlines), as it is.
    func raw(_ laidOut: String) { text += laidOut }

    /// Declarations, each written by `write`, with one empty line between those that write anything.
    func separated<Items: Sequence>(_ items: Items, _ write: (Items.Element) -> Void) {
        var first = true
        for item in items {
            let before = text.utf8.count
            if !first { blank() }
            let start = text.utf8.count
            write(item)
            if text.utf8.count == start {
                // Wrote nothing: take back the separator.
                if start != before { text.removeLast() }
            } else {
                first = false
            }
        }
    }

    /// `///` lines for a doc text and its extra lines (``SwiftSource/docComment(_:indent:extra:)``).
    func docComment(_ doc: String?, extra: [String] = []) {
        text += SwiftSource.docComment(doc, indent: pad, extra: extra)
    }

    /// An `@available(*, deprecated…)` line when `message` is given (``Deprecation/attribute(_:indent:)``).
    func deprecation(_ message: String?) {
        text += Deprecation.attribute(message, indent: pad)
    }

    /// A call statement, broken as needed (``Layout/call(_:_:indent:lead:trail:)``).
    func call(_ callee: String, _ arguments: [String], lead: String = "", trail: String = "") {
        text += Layout.call(callee, arguments, indent: indent, lead: lead, trail: trail)
    }

    /// A declaration with a parameter list (``Layout/declaration(_:_:tail:indent:)``).
    func declaration(_ head: String, _ parameters: [String], tail: String) {
        text += Layout.declaration(head, parameters, tail: tail, indent: indent)
    }

    /// An expression statement, broken as needed (``Expr/render(indent:lead:trail:)``).
    func expression(_ expression: Expr, lead: String = "", trail: String = "") {
        text += expression.render(indent: indent, lead: lead, trail: trail)
        text += "\n"
    }

    /// What `write` writes into a fresh writer at this writer's indent, as text.
    func capture(_ write: (SwiftWriter) -> Void) -> String {
        let inner = SwiftWriter()
        inner.indent = indent
        write(inner)
        return inner.text
    }

    /// The text written by `write` into a fresh writer at indent 0.
    static func write(_ write: (SwiftWriter) -> Void) -> String {
        let writer = SwiftWriter()
        write(writer)
        return writer.text
    }
}

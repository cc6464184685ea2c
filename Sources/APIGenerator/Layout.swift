/// Line breaking for generated code, so that it is `swift format`-clean: an expression stays on one
/// line when it fits in ``width`` columns; otherwise each argument or element goes on its own line,
/// indented one level (the breaks `swift format` keeps, as it respects existing line breaks).
indirect enum Expr {
    /// Text that is never broken.
    case atom(String)
    /// `callee(arguments…)`.
    case call(String, [Expr])
    /// `[elements…]`.
    case array([Expr])
    /// `label: value`.
    case labeled(String, Expr)

    static let width = 120

    /// Whether a line fits in ``width`` columns (characters, as `swift format` counts them); UTF-8
    /// length first, since a line has at most as many characters as bytes.
    static func fits(_ line: String) -> Bool {
        line.utf8.count <= width || line.count <= width
    }

    var flat: String {
        switch self {
        case .atom(let text): text
        case .call(let callee, let arguments): "\(callee)(\(arguments.map(\.flat).joined(separator: ", ")))"
        case .array(let elements): "[\(elements.map(\.flat).joined(separator: ", "))]"
        case .labeled(let label, let value): "\(label): \(value.flat)"
        }
    }

    /// The expression at `indent` spaces, with `lead` before it on its first line and `trail` after
    /// it on its last; lines end without a newline.
    func render(indent: Int, lead: String = "", trail: String = "") -> String {
        let pad = String(repeating: " ", count: indent)
        let single = pad + lead + flat + trail
        if Self.fits(single) { return single }
        switch self {
        case .atom: return single
        case .labeled(let label, let value):
            return value.render(indent: indent, lead: lead + label + ": ", trail: trail)
        case .call(let callee, let arguments):
            guard !arguments.isEmpty else { return single }
            var lines = [pad + lead + callee + "("]
            for (index, argument) in arguments.enumerated() {
                let last = index == arguments.count - 1
                lines.append(argument.render(indent: indent + 4, trail: last ? ")" + trail : ","))
            }
            return lines.joined(separator: "\n")
        case .array(let elements):
            guard !elements.isEmpty else { return single }
            var lines = [pad + lead + "["]
            for element in elements { lines.append(element.render(indent: indent + 4, trail: ",")) }
            lines.append(pad + "]" + trail)
            return lines.joined(separator: "\n")
        }
    }
}

enum Layout {
    /// A statement that is a call, broken as needed: `lead` + `callee(arguments)` + `trail`.
    static func call(_ callee: String, _ arguments: [String], indent: Int, lead: String = "", trail: String = "")
        -> String
    {
        // Most calls fit on their line; build that line directly.
        let single =
            String(repeating: " ", count: indent) + lead + callee + "(" + arguments.joined(separator: ", ") + ")"
            + trail
        if Expr.fits(single) { return single + "\n" }
        return Expr.call(callee, arguments.map(Expr.atom)).render(indent: indent, lead: lead, trail: trail) + "\n"
    }

    /// A declaration with a parameter list: one line when it fits, else one parameter per line.
    /// - Parameters:
    ///   - head: Everything before `(`, for example `public func sendVerification`.
    ///   - tail: Everything after `)`, for example ` async throws -> Output {`.
    static func declaration(_ head: String, _ parameters: [String], tail: String, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        let single = pad + head + "(" + parameters.joined(separator: ", ") + ")" + tail
        if Expr.fits(single) || parameters.isEmpty { return single + "\n" }
        let inner = parameters.map { pad + "    " + $0 }.joined(separator: ",\n")
        return pad + head + "(\n" + inner + "\n" + pad + ")" + tail + "\n"
    }
}

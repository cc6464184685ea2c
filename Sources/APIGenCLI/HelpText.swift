/// Renders `--help` from a subcommand's table, so help cannot drift from what the parser accepts.
enum HelpText {
    /// Help lines are wrapped to this many columns.
    static let width = 100
    /// Labels (`-o, --output <file>`) longer than this put their help on the next line.
    static let labelColumn = 24

    /// The whole help of a subcommand.
    static func render(_ spec: CommandSpec) -> String {
        var sections = ["OVERVIEW: \(spec.abstract)"]
        if !spec.discussion.isEmpty { sections.append(spec.discussion) }
        sections.append("USAGE: \(spec.synopsis)")
        if !spec.arguments.isEmpty {
            sections.append(
                "ARGUMENTS:\n" + table(spec.arguments.map { ($0.usage, $0.help) }))
        }
        sections.append("OPTIONS:\n" + table(spec.options.map { (label($0), help($0)) }))
        if !spec.epilogue.isEmpty { sections.append(spec.epilogue) }
        return sections.joined(separator: "\n\n")
    }

    /// `-o, --output <file>` or `--check`.
    static func label(_ option: CommandOption) -> String {
        (option.shortSpelling.map { "\($0), " } ?? "") + option.longSpelling + option.valueSpelling
    }

    /// The option's help, with its default and whether it repeats.
    static func help(_ option: CommandOption) -> String {
        var text = option.help
        if let value = option.defaultValue {
            // "Where they are (default: x)." rather than "Where they are. (default: x)".
            let period = text.hasSuffix(".") ? "." : ""
            text = String(text.dropLast(period.count)) + " (default: \(value))" + period
        }
        if option.isRepeatable { text += " May be repeated." }
        return text
    }

    /// Two columns: labels, then help wrapped beside them.
    static func table(_ rows: [(String, String)]) -> String {
        let column = min(labelColumn, (rows.map { $0.0.count }.max() ?? 0) + 2)
        var lines: [String] = []
        for (label, help) in rows {
            let indent = String(repeating: " ", count: 2 + column)
            let wrapped = wrap(help, width: width - indent.count)
            if label.count + 2 > column {
                lines.append("  " + label)
                lines += wrapped.map { indent + $0 }
            } else {
                let padded = label + String(repeating: " ", count: column - label.count)
                lines.append("  " + padded + (wrapped.first ?? ""))
                lines += wrapped.dropFirst().map { indent + $0 }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Splits text into lines of at most `width` characters at spaces (a longer word stays whole).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

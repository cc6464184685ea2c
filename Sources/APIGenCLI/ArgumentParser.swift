import APIDefinition

/// A command line the user got wrong: printed with the subcommand's usage, exit status 64.
public struct UsageError: Error, Equatable, Sendable {
    /// What is wrong, naming the subcommand (`unknown option '--outptu' for generate (did you mean '--output'?)`).
    public var message: String
}

/// What a subcommand was given, checked against its table.
public struct ParsedArguments: Equatable, Sendable {
    /// Every value given per option long name, in order (a flag given once has one empty value).
    public var values: [String: [String]] = [:]
    /// The positional arguments, in order.
    public var positionals: [String] = []
    /// Whether `-h` or `--help` was given (then nothing else was checked).
    public var wantsHelp = false
    /// The defaults of the table, for options that were not given.
    var defaults: [String: String] = [:]

    /// The option's value, or its default.
    public func value(_ name: String) -> String? { values[name]?.last ?? defaults[name] }

    /// Every value of a repeatable option, in order.
    public func all(_ name: String) -> [String] { values[name] ?? [] }

    /// Whether a flag was given.
    public func flag(_ name: String) -> Bool { values[name] != nil }
}

/// Parses arguments against a `CommandSpec`, in swift-argument-parser's conventions: `--opt value`,
/// `--opt=value`, `-o value`, `-o=value`, flags, and `--` to end options.
public enum ArgumentParser {
    /// Parses `arguments` (without the subcommand's name) or throws the first mistake.
    public static func parse(_ arguments: [String], for spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        for option in spec.options { if let value = option.defaultValue { parsed.defaults[option.name] = value } }
        // Help wins over every other mistake, as long as it comes before `--`.
        if arguments.prefix(while: { $0 != "--" }).contains(where: { $0 == "--help" || $0 == "-h" }) {
            parsed.wantsHelp = true
            return parsed
        }
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            let (spelling, inlineValue) = split(argument)
            guard let option = spec.option(spelt: spelling) else {
                throw unknownOption(spelling, for: spec)
            }
            let display = option.longSpelling
            if parsed.values[option.name] != nil, !option.isRepeatable {
                throw UsageError(
                    message: "option '\(display)' given more than once for \(spec.name); it takes one value")
            }
            guard !option.isFlag else {
                if inlineValue != nil {
                    throw UsageError(message: "option '\(display)' of \(spec.name) takes no value")
                }
                parsed.values[option.name, default: []].append("")
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < arguments.count, !looksLikeOption(arguments[index]) {
                value = arguments[index]
                index += 1
            } else {
                // `--output -x` reads as two options; say how to give a value that starts with a dash.
                let hint = index < arguments.count ? " (for a value starting with '-', write \(display)=<value>)" : ""
                throw UsageError(
                    message:
                        "option '\(display)' of \(spec.name) needs a value: \(display)\(option.valueSpelling)\(hint)")
            }
            if let allowed = option.allowedValues, !allowed.contains(value) {
                let suggestion = NameSuggestion.closest(to: value, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
                throw UsageError(
                    message:
                        "option '\(display)' of \(spec.name) takes \(list(allowed)), not '\(shown(value))'\(suggestion)"
                )
            }
            parsed.values[option.name, default: []].append(value)
        }
        try checkPositionals(parsed.positionals, for: spec)
        for option in spec.declaredOptions where option.isRequired && parsed.values[option.name] == nil {
            throw UsageError(message: "\(spec.name) needs the option '\(option.longSpelling)\(option.valueSpelling)'")
        }
        return parsed
    }

    /// `--output=x` → (`--output`, `x`); `-o=x` → (`-o`, `x`); `--check` → (`--check`, nil).
    static func split(_ argument: String) -> (String, String?) {
        guard let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    /// Whether an argument is an option rather than a value (`-` alone is a value: standard input).
    static func looksLikeOption(_ argument: String) -> Bool { argument.hasPrefix("-") && argument != "-" }

    /// An argument as a message shows it: control and format characters escaped (a newline cannot
    /// forge a second line), and at most 80 characters.
    static func shown(_ argument: String) -> String {
        var text = ""
        for scalar in argument.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator:
                text += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default:
                text.unicodeScalars.append(scalar)
            }
        }
        return text.count > 80 ? text.prefix(80) + "…" : text
    }

    /// "text or json", "a, b or c".
    static func list(_ values: [String]) -> String {
        guard values.count > 1 else { return values.first ?? "" }
        return values.dropLast().joined(separator: ", ") + " or " + values[values.count - 1]
    }

    /// An unknown option, with the closest spelling the subcommand knows.
    static func unknownOption(_ spelling: String, for spec: CommandSpec) -> UsageError {
        let candidates = spec.options.flatMap { [$0.longSpelling] + ($0.shortSpelling.map { [$0] } ?? []) }
        // A single-letter typo is too short to guess from; suggest long spellings only.
        let suggestion = NameSuggestion.closest(to: spelling, in: candidates.filter { $0.hasPrefix("--") })
        return UsageError(
            message: "unknown option '\(shown(spelling))' for \(spec.name)"
                + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""))
    }

    /// Too few or too many positional arguments.
    static func checkPositionals(_ positionals: [String], for spec: CommandSpec) throws(UsageError) {
        var remaining = positionals[...]
        for argument in spec.arguments {
            if argument.isVariadic {
                if remaining.isEmpty, !argument.isOptional {
                    throw UsageError(message: "\(spec.name) needs at least one <\(argument.name)>")
                }
                remaining = []
            } else if remaining.isEmpty {
                guard argument.isOptional else {
                    throw UsageError(message: "\(spec.name) needs the argument <\(argument.name)>")
                }
            } else {
                remaining = remaining.dropFirst()
            }
        }
        if let stray = remaining.first {
            let hint = stray.hasPrefix("-") ? " (after '--', everything is an argument)" : ""
            throw UsageError(message: "unexpected argument '\(shown(stray))' for \(spec.name)\(hint)")
        }
    }
}

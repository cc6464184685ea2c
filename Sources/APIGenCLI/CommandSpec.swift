/// One option of a subcommand, as its table declares it: parsing and help both come from here.
public struct CommandOption: Sendable, Equatable {
    /// The long name without dashes: `output` for `--output`.
    public var name: String
    /// The one-letter alias without its dash: `o` for `-o`.
    public var short: Character?
    /// What the value is called in help (`dir` for `--output <dir>`); `nil` for a flag.
    public var valueName: String?
    /// One or more sentences for `--help`.
    public var help: String
    /// The value used when the option is absent (shown in help).
    public var defaultValue: String?
    /// The only values the option accepts; `nil` for any value.
    public var allowedValues: [String]?
    /// Whether the option may be given more than once (each value is kept, in order).
    public var isRepeatable: Bool
    /// Whether the subcommand cannot run without it.
    public var isRequired: Bool

    /// An option that takes a value.
    public static func value(
        _ name: String, short: Character? = nil, valueName: String, help: String, defaultValue: String? = nil,
        allowedValues: [String]? = nil, repeatable: Bool = false, required: Bool = false
    ) -> CommandOption {
        CommandOption(
            name: name, short: short, valueName: valueName, help: help, defaultValue: defaultValue,
            allowedValues: allowedValues, isRepeatable: repeatable, isRequired: required)
    }

    /// An option that takes no value.
    public static func flag(_ name: String, short: Character? = nil, help: String) -> CommandOption {
        CommandOption(
            name: name, short: short, valueName: nil, help: help, defaultValue: nil, allowedValues: nil,
            isRepeatable: false, isRequired: false)
    }

    /// `-h, --help`, which every subcommand has.
    public static let help = CommandOption.flag("help", short: "h", help: "Show this help.")

    /// Whether the option takes no value.
    public var isFlag: Bool { valueName == nil }

    /// `--output`.
    public var longSpelling: String { "--" + name }

    /// `-o`, when there is a short alias.
    public var shortSpelling: String? { short.map { "-\($0)" } }

    /// What follows the option's name in usage and help: ` <dir>`, ` text|json` or nothing.
    var valueSpelling: String {
        // Two choices read well in the usage line (`text|json`); more take their name (`<level>`),
        // and the option's help lists them.
        if let allowedValues, allowedValues.count <= 2 || valueName == nil {
            return " " + allowedValues.joined(separator: "|")
        }
        return valueName.map { " <\($0)>" } ?? ""
    }
}

/// One positional argument of a subcommand.
public struct PositionalArgument: Sendable, Equatable {
    /// What the argument is called in help: `definition.json` for `<definition.json>`.
    public var name: String
    /// One or more sentences for `--help`.
    public var help: String
    /// Whether the subcommand runs without it.
    public var isOptional: Bool
    /// Whether it takes every remaining argument (at least one unless optional).
    public var isVariadic: Bool

    /// Declares a positional argument.
    public init(_ name: String, help: String, optional: Bool = false, variadic: Bool = false) {
        self.name = name
        self.help = help
        self.isOptional = optional
        self.isVariadic = variadic
    }

    /// `<file.json>...`, `[<subcommand>]` or `<old.json>`.
    var usage: String {
        let core = "<\(name)>" + (isVariadic ? "..." : "")
        return isOptional ? "[\(core)]" : core
    }
}

/// A subcommand's whole interface: one table of options and arguments, plus the prose of its help.
public struct CommandSpec: Sendable {
    /// The subcommand's name (`generate`).
    public var name: String
    /// One line, for `apigen --help` and the start of `apigen help <name>`.
    public var abstract: String
    /// Paragraphs between the overview and the usage line.
    public var discussion: String
    /// The positional arguments, in order.
    public var arguments: [PositionalArgument]
    /// The options, in the order help lists them; `-h, --help` is added after them.
    public var declaredOptions: [CommandOption]
    /// Text after the option list (exit status, examples).
    public var epilogue: String

    /// Declares a subcommand.
    public init(
        name: String, abstract: String, discussion: String = "", arguments: [PositionalArgument] = [],
        options: [CommandOption] = [], epilogue: String = ""
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.declaredOptions = options
        self.epilogue = epilogue
    }

    /// Every option the subcommand accepts, `--help` included.
    public var options: [CommandOption] { declaredOptions + [.help] }

    /// The option spelt `--name` or `-x`, if any.
    func option(spelt spelling: String) -> CommandOption? {
        options.first { $0.longSpelling == spelling || $0.shortSpelling == spelling }
    }

    /// What `apigen help <name>` prints, rendered from the table.
    public var helpText: String { HelpText.render(self) }

    /// `apigen generate [--definitions <dir>] [--output <dir>] [--check] [--quiet]`.
    public var synopsis: String {
        var parts = ["apigen", name]
        for argument in arguments { parts.append(argument.usage) }
        for option in declaredOptions {
            let core = option.longSpelling + option.valueSpelling
            parts.append((option.isRequired ? core : "[\(core)]") + (option.isRepeatable ? "..." : ""))
        }
        return parts.joined(separator: " ")
    }
}

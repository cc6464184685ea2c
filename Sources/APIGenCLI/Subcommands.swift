/// The table of every subcommand: the single source of parsing, `--help` and README's synopsis.
public enum Subcommands {
    /// `apigen generate`.
    public static let generate = CommandSpec(
        name: "generate",
        abstract: "Regenerate the Swift sources of every definition.",
        discussion: """
            Reads every *.json file in the definitions directory (except *.schema.json), checks them all,
            and writes <output>/<Service>/*.swift. Nothing is written when any definition has an error.
            Files whose bytes do not change are left alone; stale files are removed only when they carry
            apigen's generated-file header. It is the default subcommand: `apigen` alone runs it.
            """,
        options: [
            .value("definitions", valueName: "dir", help: "Where the definitions are.", defaultValue: "Definitions"),
            .value("output", valueName: "dir", help: "Where the generated sources go.", defaultValue: "Generated"),
            .flag(
                "check",
                help:
                    "Write nothing; exit 1 and print a unified diff when the output is stale. Use it in CI to keep the committed code honest."
            ),
            .value(
                "access", valueName: "level",
                help:
                    "public, package or internal: the access level of every generated declaration, overriding each definition's service.access (default: the definition's, else public).",
                allowedValues: ["public", "package", "internal"]),
            .flag("quiet", short: "q", help: "Print only problems."),
        ],
        epilogue: """
            EXAMPLES:
              swift run apigen generate
              swift run apigen generate --check
              swift run apigen generate --access internal --output Sources/App/Generated
            """)

    /// `apigen lint`.
    public static let lint = CommandSpec(
        name: "lint",
        abstract: "Check definition files and print every problem, as file:line:column: error: message.",
        discussion:
            "A file ending in .schema.json (which a shell glob such as Definitions/*.json also names) is skipped.",
        arguments: [PositionalArgument("file.json", help: "The definition files to check.", variadic: true)],
        epilogue: "Exits 0 when every file is valid (warnings allowed), 1 when any has an error.")

    /// `apigen emit`.
    public static let emit = CommandSpec(
        name: "emit",
        abstract: "Generate the Swift files of one definition into a directory (what the build plugin runs).",
        discussion: """
            This is what the APIGen build plugin runs for each definition file in a target. The file set
            depends only on the definition's file name and its numbers of types and operations, so a
            build system can know it in advance: <name>.Models.swift, <name>.JSONCoding.swift,
            <name>.TextTreeCoding.swift, <name>.Operations.swift, <name>.Client.swift and
            <name>.Server.swift, for <name>.json; with more than 100 types or 50 operations, also
            <name>.Models+2.swift and so on, one part per 100 types (models and coders) or 50
            operations (operations, client, server). Files whose bytes do not change are left alone.

            A target that applies the plugin needs at least one Swift file of its own: SwiftPM skips a
            target without one, and never runs the plugin for it (`no such module` where it is imported).

            The declarations are internal unless the definition states service.access (or --access is
            given): the files are compiled into the target that applies the plugin, and do not become
            its public API. Say "access": "public" in a definition whose target is a library for others.
            """,
        arguments: [PositionalArgument("definition.json", help: "The definition to generate from.")],
        options: [
            .value("output", valueName: "dir", help: "Where the files go (created when missing).", required: true),
            .value(
                "access", valueName: "level",
                help:
                    "public, package or internal: the access level of every declaration (default: the definition's service.access, else internal).",
                allowedValues: ["public", "package", "internal"]),
        ])

    /// `apigen diff`.
    public static let diff = CommandSpec(
        name: "diff",
        abstract: "Print the API changes between two versions of a definition, each classified.",
        discussion: """
            breaking-wire    requests or responses that worked before fail now (a removed operation or
                             field, a field that became required, a narrowed constraint or enum, a
                             changed type or path)
            breaking-source  the wire is compatible but Swift code written against the old output no
                             longer compiles (a new documented status is a new enum case, a Swift name
                             changed with the same wire name)
            additive         something was added or relaxed
            """,
        arguments: [
            PositionalArgument("old.json", help: "The definition before the change."),
            PositionalArgument("new.json", help: "The definition after the change."),
        ],
        options: [
            .value(
                "format", valueName: "format", help: "text for terminals, json for tools.", defaultValue: "text",
                allowedValues: ["text", "json"]),
            .value(
                "fail-on", valueName: "impact",
                help:
                    "Exit 1 when there is a change that breaks: `breaking` (wire or Swift source) or `wire` (wire only). Without it, the exit status is 0.",
                allowedValues: ["breaking", "wire"]),
        ],
        epilogue: """
            Exit status: 0, or 1 for --fail-on; 1 when a definition has errors (printed as diagnostics).

            EXAMPLE (a CI gate):
              git show origin/main:Definitions/teamup.json > /tmp/old.json
              apigen diff /tmp/old.json Definitions/teamup.json --fail-on breaking
            """)

    /// `apigen openapi`.
    public static let openapi = CommandSpec(
        name: "openapi",
        abstract: "Export a definition as an OpenAPI 3.1 document (JSON).",
        discussion: """
            The document says everything the definition says: servers, security schemes, every operation
            with its parameters, request content types and responses, schemas with their constraints,
            required versus nullable, oneOf with its discriminator, the XML dialect where OpenAPI's `xml`
            object can say it, and docs as descriptions. What OpenAPI cannot say travels in `x-apigen-*`
            extensions, which `apigen import` reads back.
            """,
        arguments: [PositionalArgument("definition.json", help: "The definition to export.")],
        options: [
            .value(
                "output", short: "o", valueName: "file", help: "Where to write the document (default: standard output)."
            )
        ])

    /// `apigen import`.
    public static let importOpenAPI = CommandSpec(
        name: "import",
        abstract: "Convert an OpenAPI 3.0 or 3.1 document (JSON) into a definition.",
        discussion: """
            Every construct the definition format can express is mapped; the rest gets the most
            faithful mapping it has (allOf of objects → merged fields, a free-form object → json, a map
            → {T}) and a located warning on standard error; nothing is dropped silently.
            """,
        arguments: [PositionalArgument("openapi.json", help: "The OpenAPI document to convert.")],
        options: [
            .value(
                "output", short: "o", valueName: "file",
                help: "Where to write the definition (default: standard output)."),
            .value("name", valueName: "name", help: "The service's Swift name (default: from info.title)."),
        ])

    /// `apigen help`.
    public static let help = CommandSpec(
        name: "help",
        abstract: "Show help for a subcommand.",
        arguments: [PositionalArgument("subcommand", help: "The subcommand to explain.", optional: true)])

    /// Every subcommand, in the order `apigen --help` lists them.
    public static let all: [CommandSpec] = [generate, lint, emit, diff, openapi, importOpenAPI, help]

    /// The subcommand called `name`, if any.
    public static func named(_ name: String) -> CommandSpec? { all.first { $0.name == name } }

    /// The top-level help.
    public static var overview: String {
        let rows = all.map { ($0.name, $0.abstract) }
        return """
            OVERVIEW: Generate Swift models, coders, clients and servers from JSON API definitions.

            USAGE: apigen <subcommand> [options]

            SUBCOMMANDS:
            \(HelpText.table(rows))

            OPTIONS:
            \(HelpText.table([("-h, --help", "Show this help."), ("--version", "Show the version.")]))

            Options take their value as `--output dir` or `--output=dir`; `--` ends the options. A mistake
            in the command line exits 64, an error in a definition 1, success 0.
            Start with `apigen generate` from the package root; `apigen help generate` lists its options.
            """
    }

    /// README's "Command line" block: one synopsis per subcommand.
    public static var synopsis: String {
        (all.map(\.synopsis) + ["apigen --version"]).joined(separator: "\n")
    }
}

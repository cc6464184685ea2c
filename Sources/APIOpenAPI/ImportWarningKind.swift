extension OpenAPIImporter.Warning {
    /// What a warning is about, as a stable tag (`response-headers`, `security-scheme`, …) that tools
    /// group and count by (`Benchmarks/corpus.sh` does), and that `apigen import` prints after the
    /// message, the way compilers print a warning's flag: `… cannot be expressed; dropped [response-headers]`.
    ///
    /// The kind is derived from where the warning points and what it says, by the rules in
    /// ``rules``, first match wins; a warning no rule knows is ``other``. The tags are kept when the
    /// wording of a message changes; a test holds every warning of the importer's test documents to a
    /// kind other than `other`.
    public struct Kind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The tag, lower-case words joined by `-`.
        public var rawValue: String

        /// The kind with the tag `rawValue`.
        public init(rawValue: String) { self.rawValue = rawValue }

        public var description: String { rawValue }

        /// A warning no rule classifies.
        public static let other = Kind(rawValue: "other")

        /// A rule: the kind of a warning whose pointer ends in `key` (when given) and whose message
        /// contains one of `phrases` (when given).
        struct Rule: Sendable {
            var kind: String
            var key: String?
            var phrases: [String]

            init(_ kind: String, key: String? = nil, _ phrases: String...) {
                self.kind = kind
                self.key = key
                self.phrases = phrases
            }

            func matches(lastKey: String, message: String) -> Bool {
                if let key, key != lastKey { return false }
                return phrases.isEmpty || phrases.contains { message.contains($0) }
            }
        }

        /// The rules, in order; the first that matches gives the kind. Grouped like the table
        /// of constructs (bodies, auth, responses, parameters, schemas), then the rest.
        static let rules: [Rule] = [
            // Bodies.
            Rule("form-body", "a form body holds primitives, enums, any JSON, objects, oneOfs and anyOfs"),
            Rule(
                "untyped-body", "a request body must be a declared type", "can type a body; the response is untyped",
                "can type a body; it is typed as any JSON"),
            Rule("binary-content", "binary content is typed as"),
            Rule("body-constraints", "constraints on a whole body"),
            Rule(
                "media-type-unsupported", "request bodies of type", "next to a typed JSON or XML body",
                "travels as JSON only"),
            Rule(
                "media-type-approximated", "is sent as", "is read and written as",
                "differs from the first content type's"),
            Rule("body-without-schema", "without a schema cannot be typed", "without content cannot be typed"),
            Rule("body-dropped", "no content type of the request body remains"),
            Rule("body-in-method", "request has no body in a definition"),
            Rule("encoding", key: "encoding"),
            Rule("xml", "OpenAPI does not say how the API writes XML", "'xml' (element names"),
            // Auth.
            Rule("security-scopes", "scopes or roles cannot be expressed"),
            Rule("optional-auth", "an empty security requirement makes auth optional"),
            Rule(
                "security-scheme", "authentication is not supported", "API keys in the",
                "security schemes are not supported", "; the flow is dropped", "; the scheme is dropped",
                "which is not supported; the alternative is dropped", "is not declared; the alternative is dropped"),
            // Responses.
            Rule("stream-response", "a stream under '"),
            Rule(
                "response-header", "describes the body; dropped", "is not an HTTP header name",
                "response headers are not supported", "response headers described by",
                "the response header has no schema", "a nullable response header", "a response header must be",
                "a response header's default"),
            Rule("no-status", "is not an HTTP status", "no response with a numeric status remains"),
            Rule("links", key: "links"),
            // Parameters.
            Rule("array-parameter", "array parameters are not supported"),
            Rule(
                "object-parameter", "object parameters are not supported", "free-form parameters are not supported",
                "parameters described by 'content'"),
            Rule("parameter-style", key: "style"),
            Rule("parameter-style", key: "explode"),
            Rule(
                "parameter", "parameters in '", "header parameters named Accept", "the parameter has no schema",
                "path parameters are always required", "does not appear in the path", "declares no such path parameter",
                "is already a parameter", "a parameter needs 'name' and 'in'", "'allowReserved'", "'allowEmptyValue'"),
            // Annotations.
            Rule("deprecated", key: "deprecated"),
            Rule("read-only", key: "readOnly"),
            Rule("write-only", key: "writeOnly"),
            // Service and operations.
            Rule(
                "operation-servers", "path-level servers are not supported", "operation-level servers are not supported"
            ),
            Rule("server-url", "the server URL", "servers is used"),
            Rule("callbacks", key: "callbacks"),
            Rule("webhooks", key: "webhooks"),
            Rule("trace", "TRACE operations are not supported"),
            Rule("error-body", key: "x-apigen-error-body"),
            // Schemas.
            Rule("any-of", "anyOf next to the object's own properties", "in an anyOf", "an anyOf"),
            Rule(
                "mixed-alternatives", "of alternatives that are not all objects or all strings",
                "of alternatives that are not all objects, enums", "several types"),
            Rule(
                "number-enum", "integer enums cannot be expressed", "number enums cannot be expressed",
                "a boolean enum", "an enum of values that are not all"),
            Rule(
                "additional-properties", "additional properties next to declared ones",
                "next to the object's own properties"),
            Rule("discriminator", key: "discriminator"),
            Rule("discriminator", "discriminator", "mapping target", "the mapping entry", "all map to"),
            Rule("one-of", "oneOf", "alternative"),
            Rule(
                "all-of", "allOf", "fields cannot be merged", "constraints cannot be merged", "is declared differently"),
            Rule("recursion", "contain itself", "contains itself", "includes itself"),
            Rule("external-reference", "the external reference"),
            Rule(
                "nullable", "null body cannot be expressed", "nullable parameter",
                "cannot be expressed; they are not nullable"),
            Rule("const", key: "const"),
            Rule("const", "const "),
            Rule("default-value", key: "default"),
            Rule("default-value", "default"),
            Rule(
                "constraint", "constraints on", "pattern", "bound", "must be a whole number",
                "is greater than", "is outside the range", "applies to"),
            // Names.
            Rule(
                "rename", "is named '", "in Swift:", "the Swift case", "has no operationId",
                "the title gives no service name", "a property without a name"),
            Rule("duplicate", "is listed twice", "repeats a parameter name"),
            // What is not OpenAPI, or not a schema.
            Rule(
                "unsupported-keyword", "uniqueItems", "cannot be expressed in a definition; ignored",
                "the dialect is ignored"),
            Rule(
                "unknown-key", "is not an OpenAPI key", "is not a path item key", "is not an operation key",
                "is not a parameter key", "is not a header key"),
            Rule(
                "invalid-schema", "typed as any JSON", "is not a property", "must be an array", "must be an object",
                "must start with '/'"),
        ]

        /// Every kind a warning can have, in the order of ``rules`` (each once), then ``other``.
        /// `docs/import.md` explains each one.
        public static var all: [Kind] {
            var seen: Set<String> = []
            return rules.compactMap { seen.insert($0.kind).inserted ? Kind(rawValue: $0.kind) : nil } + [.other]
        }

        /// The kind of the warning at `pointer` that says `message`.
        /// - Parameters:
        ///   - pointer: The JSON pointer the warning is about.
        ///   - message: The warning's text.
        /// - Returns: The first rule's kind that matches, else ``other``.
        static func of(pointer: String, message: String) -> Kind {
            let lastKey = pointer.split(separator: "/").last.map(String.init) ?? ""
            for rule in rules where rule.matches(lastKey: lastKey, message: message) {
                return Kind(rawValue: rule.kind)
            }
            return .other
        }
    }

    /// What this warning is about, as a stable tag (see ``Kind``).
    public var kind: Kind { Kind.of(pointer: pointer, message: message) }
}

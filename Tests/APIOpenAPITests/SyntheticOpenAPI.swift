// The project's generator of synthetic OpenAPI documents, for tests and benchmarks alike.
// Self-contained (Swift standard library only): `Benchmarks/Sources/SyntheticOpenAPI` compiles this
// same file (through a link) into the command-line tool `Benchmarks/bench.py` runs.

/// Builds a deterministic OpenAPI 3.0.3 document of a given size: the same `operations`, `schemas`
/// and `seed` give the same bytes on every machine.
///
/// Shape: `schemas` component schemas `Model0000`… (objects with 5–10 properties of every supported
/// kind, string and integer enums, discriminated `oneOf`, `allOf` and `anyOf` of earlier objects;
/// references point only at earlier schemas), an `Error` schema, shared `parameters` and
/// `responses`, and `operations` operations on `/things<n>` and `/things<n>/{id}` with path, query
/// and header parameters, JSON and form-urlencoded request bodies and 2–4 responses each.
enum SyntheticOpenAPI {
    /// The document's JSON text (two-space indentation, keys in a fixed order, a final newline).
    static func document(operations: Int, schemas: Int, seed: UInt64) -> String {
        var builder = Builder(random: Random(seed: seed))
        let value = builder.document(operations: max(0, operations), schemas: max(1, schemas))
        var text = ""
        value.write(to: &text, indent: "")
        return text + "\n"
    }

    /// A JSON value whose objects keep their keys in the order given.
    indirect enum Value {
        case object([(String, Value)])
        case array([Value])
        case string(String)
        case integer(Int)
        case boolean(Bool)

        func write(to text: inout String, indent: String) {
            switch self {
            case .string(let string): Self.quote(string, into: &text)
            case .integer(let integer): text += String(integer)
            case .boolean(let boolean): text += boolean ? "true" : "false"
            case .array(let elements):
                guard !elements.isEmpty else {
                    text += "[]"
                    return
                }
                text += "[\n"
                for (index, element) in elements.enumerated() {
                    text += indent + "  "
                    element.write(to: &text, indent: indent + "  ")
                    text += index == elements.count - 1 ? "\n" : ",\n"
                }
                text += indent + "]"
            case .object(let members):
                guard !members.isEmpty else {
                    text += "{}"
                    return
                }
                text += "{\n"
                for (index, (key, value)) in members.enumerated() {
                    text += indent + "  "
                    Self.quote(key, into: &text)
                    text += ": "
                    value.write(to: &text, indent: indent + "  ")
                    text += index == members.count - 1 ? "\n" : ",\n"
                }
                text += indent + "}"
            }
        }

        static func quote(_ string: String, into text: inout String) {
            text += "\""
            for scalar in string.unicodeScalars {
                switch scalar {
                case "\"": text += "\\\""
                case "\\": text += "\\\\"
                case "\n": text += "\\n"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: text.unicodeScalars.append(scalar)
                }
            }
            text += "\""
        }
    }

    /// SplitMix64: small, fast, and the same sequence everywhere for a seed.
    struct Random {
        private var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        /// A number in `0..<bound` (`bound` > 0).
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

        /// A number in `range`.
        mutating func within(_ range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

        mutating func pick<T>(_ elements: [T]) -> T { elements[below(elements.count)] }

        /// `count` distinct elements, in the order they were picked.
        mutating func sample<T>(_ elements: [T], _ count: Int) -> [T] {
            var pool = elements
            var result: [T] = []
            while result.count < count, !pool.isEmpty { result.append(pool.remove(at: below(pool.count))) }
            return result
        }
    }

    private struct Builder {
        var random: Random
        /// Names of the object schemas made so far (the only ones properties and compositions refer to).
        var objects: [String] = []
        /// Names of the schemas that can type a body or a response (all but the enums).
        var payloads: [String] = []

        static func name(_ index: Int) -> String {
            let digits = String(index)
            return "Model" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        }

        static func ref(_ name: String) -> Value { .object([("$ref", .string("#/components/schemas/\(name)"))]) }

        static func json(_ schema: Value) -> Value {
            .object([("application/json", .object([("schema", schema)]))])
        }

        mutating func document(operations: Int, schemas count: Int) -> Value {
            var schemas: [(String, Value)] = []
            for index in 0..<count {
                let schema = schema(index)
                schemas.append((Self.name(index), schema))
                if case .object(let members) = schema, !members.contains(where: { $0.0 == "enum" }) {
                    payloads.append(Self.name(index))
                }
            }
            schemas.append(
                (
                    "Error",
                    .object([
                        ("type", .string("object")), ("required", .array([.string("message")])),
                        (
                            "properties",
                            .object([
                                ("code", .object([("type", .string("integer")), ("format", .string("int32"))])),
                                ("message", .object([("type", .string("string"))])),
                            ])
                        ),
                    ])
                ))
            let all = payloads.isEmpty ? [Self.name(0)] : payloads
            return .object([
                ("openapi", .string("3.0.3")),
                (
                    "info",
                    .object([
                        ("title", .string("Synthetic API")),
                        (
                            "description",
                            .string("\(operations) operations over \(count) schemas, seed \(random.next() % 1000).")
                        ),
                        ("version", .string("1.0.0")),
                    ])
                ),
                ("servers", .array([.object([("url", .string("https://api.example.com/v2"))])])),
                ("security", .array([.object([("token", .array([]))])])),
                ("paths", paths(operations: operations, targets: all)),
                (
                    "components",
                    .object([
                        ("schemas", .object(schemas)),
                        (
                            "parameters",
                            .object([
                                (
                                    "Limit",
                                    .object([
                                        ("name", .string("limit")), ("in", .string("query")),
                                        (
                                            "schema",
                                            .object([
                                                ("type", .string("integer")), ("minimum", .integer(1)),
                                                ("maximum", .integer(500)),
                                            ])
                                        ),
                                    ])
                                )
                            ])
                        ),
                        (
                            "responses",
                            .object([
                                (
                                    "Invalid",
                                    .object([
                                        ("description", .string("Invalid input")),
                                        ("content", Self.json(Self.ref("Error"))),
                                    ])
                                ),
                                (
                                    "Missing",
                                    .object([
                                        ("description", .string("No such thing")),
                                        ("content", Self.json(Self.ref("Error"))),
                                    ])
                                ),
                            ])
                        ),
                        (
                            "securitySchemes",
                            .object([("token", .object([("type", .string("http")), ("scheme", .string("bearer"))]))])
                        ),
                    ])
                ),
            ])
        }

        /// Schema `index`: mostly objects; now and then an enum or a composition of earlier objects.
        mutating func schema(_ index: Int) -> Value {
            let roll = random.below(100)
            if roll < 6, objects.count >= 3 {
                let variants = random.sample(objects, random.within(2...3))
                return .object([
                    ("description", .string("One of \(variants.count) kinds.")),
                    ("oneOf", .array(variants.map(Self.ref))),
                    (
                        "discriminator",
                        .object([
                            ("propertyName", .string("kind")),
                            (
                                "mapping",
                                .object(variants.map { ($0.lowercased(), .string("#/components/schemas/\($0)")) })
                            ),
                        ])
                    ),
                ])
            }
            if roll < 10, !objects.isEmpty {
                return .object([
                    (
                        "allOf",
                        .array([
                            Self.ref(random.pick(objects)),
                            .object([
                                ("type", .string("object")),
                                (
                                    "properties",
                                    .object([
                                        (
                                            "revision",
                                            .object([("type", .string("integer")), ("format", .string("int64"))])
                                        ),
                                        ("archived", .object([("type", .string("boolean"))])),
                                    ])
                                ),
                            ]),
                        ])
                    )
                ])
            }
            if roll < 13, objects.count >= 2 {
                return .object([("anyOf", .array(random.sample(objects, 2).map(Self.ref)))])
            }
            if roll < 20 {
                let cases = (0..<random.within(3...6)).map { Value.string("state_\($0)") }
                return .object([
                    ("type", .string("string")), ("description", .string("A state.")), ("enum", .array(cases)),
                ])
            }
            if roll < 24 {
                let cases = (0..<random.within(2...5)).map { Value.integer($0 * 10) }
                return .object([("type", .string("integer")), ("enum", .array(cases))])
            }
            let name = Self.name(index)
            var properties: [(String, Value)] = [("kind", .object([("type", .string("string"))]))]
            var required: [Value] = [.string("kind")]
            let suffixes = ["label", "total", "ratio", "flag", "when", "ident", "note", "tags", "link", "extra"]
            for number in 0..<random.within(5...10) {
                let key = "\(random.pick(suffixes))_\(number)"
                properties.append((key, property()))
                if random.chance(35) { required.append(.string(key)) }
            }
            objects.append(name)
            return .object([
                ("type", .string("object")),
                ("description", .string("Object \(name) with \(properties.count) properties.")),
                ("required", .array(required)),
                ("properties", .object(properties)),
            ])
        }

        /// One property schema of a random kind.
        mutating func property() -> Value {
            switch random.below(12) {
            case 0: return .object([("type", .string("string")), ("maxLength", .integer(random.pick([16, 80, 200])))])
            case 1:
                return .object([
                    ("type", .string("string")), ("minLength", .integer(2)), ("pattern", .string("^[a-z][a-z0-9-]*$")),
                ])
            case 2:
                return .object([
                    ("type", .string("integer")), ("format", .string(random.pick(["int32", "int64"]))),
                    ("minimum", .integer(0)), ("maximum", .integer(1_000_000)),
                ])
            case 3: return .object([("type", .string("number")), ("format", .string("double"))])
            case 4: return .object([("type", .string("boolean"))])
            case 5: return .object([("type", .string("string")), ("format", .string("date-time"))])
            case 6: return .object([("type", .string("string")), ("format", .string("uuid"))])
            case 7: return .object([("type", .string("string")), ("nullable", .boolean(true))])
            case 8:
                let cases = (0..<random.within(2...4)).map { Value.string("option\($0)") }
                return .object([("type", .string("string")), ("enum", .array(cases))])
            case 9 where !objects.isEmpty:
                return .object([
                    ("type", .string("array")), ("maxItems", .integer(50)), ("items", Self.ref(random.pick(objects))),
                ])
            case 10 where !objects.isEmpty: return Self.ref(random.pick(objects))
            case 11:
                return .object([
                    ("type", .string("object")), ("additionalProperties", .object([("type", .string("string"))])),
                ])
            default: return .object([("type", .string("string"))])
            }
        }

        /// `operations` operations, two to six per resource: list and create on `/things<n>`; read,
        /// replace, update and delete on `/things<n>/{id}`.
        mutating func paths(operations: Int, targets: [String]) -> Value {
            var paths: [(String, Value)] = []
            var made = 0
            var resource = 0
            while made < operations {
                let collection = "/things\(resource)"
                for (path, methods) in [
                    (collection, ["get", "post"]), (collection + "/{id}", ["get", "put", "patch", "delete"]),
                ] {
                    var item: [(String, Value)] = []
                    for method in methods where made < operations {
                        item.append(
                            (
                                method,
                                operation(
                                    method, resource: resource, isItem: path.hasSuffix("}"), number: made,
                                    targets: targets)
                            ))
                        made += 1
                    }
                    if !item.isEmpty { paths.append((path, .object(item))) }
                }
                resource += 1
            }
            return .object(paths)
        }

        mutating func operation(_ method: String, resource: Int, isItem: Bool, number: Int, targets: [String]) -> Value
        {
            let target = random.pick(targets)
            let noun = isItem ? "Thing\(resource)" : "Things\(resource)"
            var members: [(String, Value)] = [
                ("operationId", .string("\(method)\(noun)")),
                ("summary", .string("\(method.uppercased()) \(isItem ? "one" : "every") thing of kind \(resource).")),
            ]
            var parameters: [Value] = []
            if isItem {
                parameters.append(
                    .object([
                        ("name", .string("id")), ("in", .string("path")), ("required", .boolean(true)),
                        ("schema", .object([("type", .string("string")), ("format", .string("uuid"))])),
                    ]))
            }
            if method == "get" {
                parameters.append(.object([("$ref", .string("#/components/parameters/Limit"))]))
                parameters.append(
                    .object([
                        ("name", .string("search")), ("in", .string("query")),
                        ("schema", .object([("type", .string("string")), ("maxLength", .integer(64))])),
                    ]))
                parameters.append(
                    .object([
                        ("name", .string("X-Request-ID")), ("in", .string("header")),
                        ("schema", .object([("type", .string("string"))])),
                    ]))
            }
            if !parameters.isEmpty { members.append(("parameters", .array(parameters))) }
            var responses: [(String, Value)] = []
            switch method {
            case "get":
                let schema =
                    isItem ? Self.ref(target) : .object([("type", .string("array")), ("items", Self.ref(target))])
                responses.append(("200", .object([("description", .string("Found")), ("content", Self.json(schema))])))
                responses.append(("404", .object([("$ref", .string("#/components/responses/Missing"))])))
            case "delete":
                responses.append(("204", .object([("description", .string("Gone"))])))
                responses.append(("404", .object([("$ref", .string("#/components/responses/Missing"))])))
            default:
                let content: Value
                if number % 11 == 5 {
                    content = .object([
                        (
                            "application/x-www-form-urlencoded",
                            .object([
                                (
                                    "schema",
                                    .object([
                                        ("type", .string("object")), ("required", .array([.string("title")])),
                                        (
                                            "properties",
                                            .object([
                                                ("title", .object([("type", .string("string"))])),
                                                ("quantity", .object([("type", .string("integer"))])),
                                            ])
                                        ),
                                    ])
                                )
                            ])
                        )
                    ])
                } else if number % 6 == 1 {
                    content = Self.json(
                        .object([
                            ("type", .string("object")), ("required", .array([.string("item")])),
                            (
                                "properties",
                                .object([
                                    ("item", Self.ref(random.pick(targets))),
                                    ("comment", .object([("type", .string("string")), ("maxLength", .integer(500))])),
                                ])
                            ),
                        ]))
                } else {
                    content = Self.json(Self.ref(random.pick(targets)))
                }
                members.append(("requestBody", .object([("required", .boolean(true)), ("content", content)])))
                responses.append(
                    (
                        method == "post" ? "201" : "200",
                        .object([("description", .string("Stored")), ("content", Self.json(Self.ref(target)))])
                    ))
                responses.append(("400", .object([("$ref", .string("#/components/responses/Invalid"))])))
                responses.append(
                    (
                        "422",
                        .object([("description", .string("Not acceptable")), ("content", Self.json(Self.ref("Error")))])
                    ))
            }
            if number % 8 == 3 {
                responses.append(
                    (
                        "default",
                        .object([("description", .string("Anything else")), ("content", Self.json(Self.ref("Error")))])
                    ))
            }
            members.append(("responses", .object(responses)))
            return .object(members)
        }
    }
}

import APIDefinition
@_spi(Generated) import APIRuntime
import Foundation
import TestSupport

/// A random definition that the checker accepts, with sample values of its types.
struct RandomDefinition {
    /// One JSON sample of a type, valid by the definition, and the body formats it travels in.
    struct Sample {
        var type: String
        var json: JSONValue
        var formats: [BodyFormat]
        /// The Swift type of the value, and the operation (`put…`) that carries it.
        var swiftType: String
        var operation: String
    }

    var definition: Definition
    var samples: [Sample]
}

/// Generates random valid definitions covering every construct of the format: each primitive,
/// constraints (also on each item and value), open and closed enums, `const`, defaults,
/// required/optional/nullable, arrays, maps (nested, and of converted scalars: `[[uuid]]`,
/// `{[date-time]}`, `[{Item}]`), `json`, oneOfs with and without discriminator, anyOfs of an object, a
/// primitive (constrained or not), an enum and a converted scalar (JSON) and of an object, an array or map and an enum (in forms and
/// XML), recursion (direct, through another type and
/// through a oneOf), members beside the fields (`additionalProperties` of primitives, converted scalars,
/// containers and objects, in JSON, XML and forms, and in the error body), JSON/XML/form/
/// multipart bodies (forms with nested objects, arrays of objects and maps in bracket notation, and any JSON
/// as JSON text when the service has no XML), file parts
/// (a multipart-only type with files), primitive and array-of-primitive bodies, raw (binary) bodies,
/// path/query/header/cookie parameters (arrays in each style), auth schemes and alternatives, several
/// responses and sensitive fields.
///
/// Auth alternatives list their schemes in any order, integer bounds reach the ends of their type,
/// defaults come in every kind (int32, int64, date-time, UUID, enum, string under constraints),
/// bodies can be maps, type, field and enum names include keywords and lower-case type names that
/// fields shadow, docs hold hostile text, and strings under length constraints hold flags and
/// combining marks (lengths count code points).
///
/// Restrictions that remain are inherent to the formats, not to apigen:
/// - strings that travel as XML or forms have no control characters and no surrounding white
///   space (XML normalises line ends and cannot carry NUL; a form value's spaces are the sender's);
/// - strings under a `pattern` are lower-case ASCII letters (the sampler does not invert regexes);
/// - fields of types that travel as XML have XML names (the checker requires it, see ``randomFields``);
/// - the checker's own refusals (names without letters, reserved runtime names) are fuzzed by
///   ``HostileNamesTests``, so the pools here hold only names the checker accepts.
struct RandomDefinitions {
    var random: SeededGenerator
    /// The values of each enum of the definition being built, for enum defaults.
    var enumValues: [String: [EnumValue]] = [:]

    static let enumValuePool = [
        "red", "green", "blue", "e-mail", "2fa", "default", "SMS", "push_note", "in app", "none", "init", "Self",
        "true", "naïve", "class",
    ]
    static let fieldPool = [
        "id", "name", "note", "count", "ratio", "flag", "when", "uid", "tags", "meta", "kind_of", "user_id",
        "e-tag", "default", "class", "self", "HTTPStatus", "value2", "extra", "level", "owner", "items",
        "repository", "period", "node", "Type", "protocol", "where", "_ref", "1st", "naïve", "Any", "case",
    ]
    /// Object type names: lower-case ones (that a field of the same name would shadow if they
    /// were not made UpperCamel) and snake case. (Type names must be identifiers without keywords:
    /// the checker refuses `class` or `user-profile` as type names by design.)
    static let objectPool = ["repository", "period", "node", "tree_item", "Thing", "user_profile", "x2", "links"]
    /// Names of members beside an object's fields (`additionalProperties`): none is a field name.
    static let restPool = ["zz extra", "more-1", "Ωmega", "a.b"]
    /// Enum type names.
    static let enumPool = ["status", "color_kind", "Mode", "kind"]
    /// Values of integer enums (negative, zero, large) and of number enums (fractions, exponents).
    static let integerEnumPool = [-1, 0, 1, 2, 10, 404, 1_000_000_007]
    /// (A number enum needs a value that is not an integer: with only integers it is an integer enum.)
    static let numberEnumPool = [0.5, -2.5, 3.25, 1e-05, -0.125, 1e300]
    /// Doc and summary text that must stay comment: every newline kind, comment and literal
    /// delimiters, interpolation, NUL and bidi controls, and a trailing period.
    static let hostileDoc = [
        "Line one.\nfatalError(\"x\")", "Ends with a period.", "*/ /* \"\"\" \\( # \\ '",
        "cr\rcrlf\r\nnel\u{85}ls\u{2028}ps\u{2029}end", "bidi \u{202E}evil\u{202C} and nul \u{0}x",
    ]
    /// JSON-only strings may hold anything JSON carries exactly.
    static let jsonText = [
        "", "plain", "quote \" and \\ backslash", "line\nbreak", "tab\tx", "é ü 😀", "<&>", "a/b", "cr\r\nlf\rx",
        "nul \u{0} x", "\u{2028}\u{2029}\u{85}", "*/ \"\"\" \\( #", "bidi \u{202E}x", "🇩🇪e\u{301}",
    ]
    /// Strings that travel as XML or forms: non-empty, no surrounding whitespace, no control characters.
    static let safeText = [
        "plain", "two words", "é ü 😀", "<a & b>", "x=1&y=2", "100%", "quote \" ' here", "a+b", "🇩🇪 e\u{301}",
        "*/ \"\"\" \\( #", "ls\u{2028}ps\u{2029}x", "bidi \u{202E}x",
    ]
    /// Pieces of strings under length constraints, of one or two code points each.
    static let lengthPieces = ["a", "é", "e\u{301}", "🇩🇪", "😀", "z", "ß"]

    struct ObjectPlan {
        var name: String
        var fields: [Field]
    }

    /// A definition for service number `index`.
    mutating func definition(_ index: Int) -> RandomDefinition {
        let prefix = "P\(index)"
        let usesXML = random.chance(60)
        var types: [TypeDeclaration] = []
        // Enums.
        var enums: [String] = []
        enumValues = [:]
        var enumNames = Self.enumPool
        for number in 0..<random.int(1...2) {
            var pool = Self.enumValuePool
            var integers = Self.integerEnumPool
            var numbers = Self.numberEnumPool
            // Strings, integers or numbers (`enum: Int` / `enum: Double`), some with Swift names.
            let rawType = random.pick([EnumRawType.string, .string, .integer, .number])
            var values: [EnumValue] = []
            for position in 0..<random.int(1...4) {
                let doc = random.chance(30) ? doc() : nil
                let swiftName = random.chance(25) ? "named\(position)" : nil
                switch rawType {
                case .integer:
                    values.append(
                        EnumValue(
                            integer: integers.remove(at: random.int(0...integers.count - 1)), swiftName: swiftName,
                            doc: doc))
                case .number:
                    values.append(
                        EnumValue(
                            number: numbers.remove(at: random.int(0...numbers.count - 1)), swiftName: swiftName,
                            doc: doc))
                default:
                    values.append(
                        EnumValue(value: pool.remove(at: random.int(0...pool.count - 1)), swiftName: nil, doc: doc))
                }
            }
            let name =
                random.chance(50) ? enumNames.remove(at: random.int(0...enumNames.count - 1)) : "\(prefix)E\(number)"
            enums.append(name)
            enumValues[name] = values
            types.append(
                TypeDeclaration(
                    name: name, doc: doc(), kind: .enumeration(values: values, keepUnknown: random.chance(40))))
        }
        // With XML, `?format=json|xml` picks the response format.
        let formatEnum = "\(prefix)Format"
        if usesXML {
            types.append(
                TypeDeclaration(
                    name: formatEnum, doc: "A response format.",
                    kind: .enumeration(
                        values: [
                            EnumValue(value: "json", swiftName: nil, doc: nil),
                            EnumValue(value: "xml", swiftName: nil, doc: nil),
                        ], keepUnknown: false)))
        }
        // A oneOf that contains itself through its second variant.
        let withOneOf = random.chance(70)
        let oneOfName = "\(prefix)Choice"
        let objectCount = random.int(2...5)
        var objectPool = Self.objectPool
        let objectNames = (0..<objectCount).map { number in
            random.chance(60) ? objectPool.remove(at: random.int(0...objectPool.count - 1)) : "\(prefix)O\(number)"
        }
        var objects: [TypeDeclaration] = []
        for number in 0..<objectCount {
            let fields = randomFields(
                owner: number, objects: objectNames, enums: enums, oneOf: withOneOf ? oneOfName : nil, textSafe: usesXML
            )
            // Some objects keep the members beside their fields in a map of a primitive, an enum, a converted
            // scalar, an array or map (of strings, of date-times, of an earlier object) or an earlier object;
            // without XML also of json (XML reads any JSON's leaves back as text).
            var rest: TypeRef?
            if random.chance(40) {
                let earlier = number > 0 ? [TypeRef.named(objectNames[random.int(0...number - 1)])] : []
                rest = random.pick(
                    [
                        .string, .integer, .boolean, .named(random.pick(enums)), .dateTime, .array(.string),
                        .map(.integer), .array(.uuid),
                    ]
                        + (usesXML ? [] : [.json]) + earlier + earlier.map { .array($0) })
            }
            objects.append(
                TypeDeclaration(
                    name: objectNames[number], doc: random.chance(50) ? doc() : nil, kind: .object(fields: fields),
                    additionalProperties: rest))
        }
        types += objects
        if withOneOf {
            let discriminated = random.chance(50)
            let tag = Field(name: "type", type: .string, constant: .string("v0"))
            let first = TypeDeclaration(
                name: "\(prefix)V0", doc: "The leaf alternative.",
                kind: .object(fields: [
                    tag, Field(name: "value", type: .integer, constraints: Constraints(minimum: 0, maximum: 99)),
                ]))
            var second = [
                Field(name: "type", type: .string, constant: .string("v1")),
                Field(name: "left", type: .named(oneOfName)),
                Field(name: "right", type: .named(oneOfName), required: false),
            ]
            if random.chance(50) { second.append(Field(name: "owner", type: .named(objectNames[0]), required: false)) }
            let secondType = TypeDeclaration(name: "\(prefix)V1", doc: nil, kind: .object(fields: second))
            types += [first, secondType]
            types.append(
                TypeDeclaration(
                    name: oneOfName, doc: "A choice.",
                    kind: .oneOf(
                        variants: [
                            OneOfVariant(
                                type: first.name, discriminatorValue: discriminated ? "v0" : nil, swiftName: nil,
                                doc: nil),
                            OneOfVariant(
                                type: secondType.name, discriminatorValue: discriminated ? "v1" : nil, swiftName: nil,
                                doc: nil),
                        ], discriminator: discriminated ? "type" : nil)))
        }
        // JSON only: an anyOf of the oneOf's leaf object, a primitive and an enum (a string sample can be
        // the string and the enum at once; both are kept). Not with XML: every XML leaf is text, so a number
        // enum's `3.25` is also a string there, which the JSON sample is not (correct, but not a round trip).
        let anyOfName = "\(prefix)AnyOf"
        let withAnyOf = withOneOf && !usesXML && random.chance(70)
        if withAnyOf {
            // The primitive may be constrained (it then matches only values that hold its constraints), and a
            // converted scalar may join, in its own wire form (a sample can be it and the primitive at once).
            let primitive: TypeRef = random.pick([.string, .integer, .boolean])
            var primitiveConstraints = Constraints()
            if random.chance(50) {
                switch primitive {
                case .string:
                    primitiveConstraints = Constraints(minLength: random.int(1...3), maxLength: random.int(8...40))
                case .integer:
                    primitiveConstraints = Constraints(
                        minimum: Double(random.int(-5...0)), maximum: Double(random.int(1...5000)))
                default: break
                }
            }
            var variants = [
                AnyOfVariant(type: .named("\(prefix)V0"), doc: random.chance(30) ? doc() : nil),
                AnyOfVariant(type: primitive, swiftName: "primitive", constraints: primitiveConstraints),
                AnyOfVariant(type: .named(enums[0])),
            ]
            if random.chance(60) {
                variants.append(
                    AnyOfVariant(type: random.pick([.dateTime, .unixTime, .uuid, .date, .bytes, .decimal, .uri])))
            }
            types.append(
                TypeDeclaration(
                    name: anyOfName, doc: random.chance(50) ? doc() : nil, kind: .anyOf(variants: variants)))
        }
        // A flat type for form and multipart bodies.
        let formName = "\(prefix)Form"
        var formFields: [Field] = [Field(name: "id", type: .integer)]
        for name in ["name", "flag", "tags", "level", "note"] where random.chance(70) {
            let type: TypeRef =
                switch name {
                case "name", "note": .string
                case "flag": .boolean
                case "tags": .array(.string)
                default: .named(enums[0])
                }
            formFields.append(
                Field(name: name, type: type, required: random.chance(50), sensitive: name == "note"))
        }
        // Nested values travel in bracket notation: address[city]=…, lines[0][price]=…, meta[k0]=….
        if random.chance(70) {
            let address = "\(prefix)FormAddress"
            types.append(
                TypeDeclaration(
                    name: address, doc: "A nested form object.",
                    kind: .object(fields: [
                        Field(name: "city", type: .string),
                        Field(name: "zip", type: .integer, required: false),
                    ]),
                    // Members beside a nested object's fields: `address[more-1]=v`.
                    additionalProperties: random.chance(40) ? random.pick([.string, .uuid]) : nil))
            formFields.append(Field(name: "address", type: .named(address), required: random.chance(50)))
        }
        if random.chance(70) {
            let line = "\(prefix)FormLine"
            types.append(
                TypeDeclaration(
                    name: line, doc: "An item of a form's array of objects.",
                    kind: .object(fields: [
                        Field(name: "price", type: .integer, constraints: Constraints(minimum: 0)),
                        Field(name: "tags", type: .array(.string), required: false),
                        Field(name: "level", type: .named(enums[0]), required: false),
                    ])))
            formFields.append(Field(name: "lines", type: .array(.named(line)), required: random.chance(50)))
        }
        if random.chance(50) { formFields.append(Field(name: "meta", type: .map(.string), required: false)) }
        // Any JSON travels as its JSON text in one form value (`settings={"a":[true,"x"]}`); XML writes it as an
        // element tree whose leaves read back as text, so only forms without XML carry it.
        if !usesXML, random.chance(60) {
            let type = random.pick([TypeRef.json, .array(.json), .map(.json)])
            formFields.append(Field(name: "settings", type: type, required: random.chance(50)))
        }
        // An anyOf in a form (and XML): an object, an array or a map of objects, and an enum. Each reads only its
        // own samples back: a form's list of one is a single value, so the array's items must never read as the
        // enum's values (a closed string enum), and every leaf is text, so a map of strings would read the
        // object's members too (correct anyOf behaviour, but not a round trip).
        if random.chance(60) {
            let unit = "\(prefix)FormUnit"
            let union = "\(prefix)FormUnion"
            var closedStrings = enumValues[enums[0]]?.allSatisfy { $0.kind == .string } ?? false
            if case .enumeration(_, true)? = types.first(where: { $0.name == enums[0] })?.kind { closedStrings = false }
            let container: TypeRef =
                closedStrings ? random.pick([.array(.integer), .map(.named(unit))]) : .map(.named(unit))
            types.append(
                TypeDeclaration(
                    name: unit, doc: "An object alternative of a form's anyOf.",
                    kind: .object(fields: [
                        Field(name: "code", type: .string),
                        Field(name: "count", type: .integer, required: false),
                    ])))
            types.append(
                TypeDeclaration(
                    name: union, doc: "An anyOf in a form.",
                    kind: .anyOf(variants: [
                        AnyOfVariant(type: .named(unit)), AnyOfVariant(type: container, swiftName: "items"),
                        AnyOfVariant(type: .named(enums[0])),
                    ])))
            formFields.append(Field(name: "union", type: .named(union), required: random.chance(50)))
        }
        // Members beside a form's fields: further names (`more-1=v`, `Ωmega[0][price]=5`).
        let formRest: TypeRef? =
            random.chance(40) ? random.pick([.string, .array(.string), .integer, .dateTime]) : nil
        types.append(
            TypeDeclaration(
                name: formName, doc: "A form.", kind: .object(fields: formFields), additionalProperties: formRest))
        // A type with files, sent as multipart only.
        let uploadName = "\(prefix)Upload"
        var uploadFields: [Field] = [
            Field(
                name: "doc", type: .file,
                constraints: random.chance(50) ? Constraints(maxLength: 64) : Constraints())
        ]
        if random.chance(70) { uploadFields.append(Field(name: "name", type: .string, required: random.chance(50))) }
        if random.chance(70) {
            uploadFields.append(
                Field(
                    name: "pages", type: .array(.file), required: false,
                    constraints: Constraints(maxItems: random.chance(50) ? 3 : nil)))
        }
        if random.chance(50) { uploadFields.append(Field(name: "thumb", type: .file, required: false)) }
        types.append(TypeDeclaration(name: uploadName, doc: "Files.", kind: .object(fields: uploadFields)))
        // A flat type for deepObject query parameters.
        let filterName = "\(prefix)Filter"
        // Whether a deepObject parameter uses it, which gives it the text-tree coding forms use.
        var filterUsed = false
        var filterFields: [Field] = [Field(name: "flag", type: .boolean, required: random.chance(50))]
        if random.chance(70) { filterFields.append(Field(name: "q", type: .string, required: false)) }
        if random.chance(70) {
            filterFields.append(
                Field(name: "min", type: .int32, required: false, constraints: Constraints(minimum: 0)))
        }
        if random.chance(50) { filterFields.append(Field(name: "level", type: .named(enums[0]), required: false)) }
        types.append(
            TypeDeclaration(name: filterName, doc: "A deepObject filter.", kind: .object(fields: filterFields)))

        // Operations: one per object (and the oneOf) that carries it both ways, a form, a list.
        let auth = [
            AuthScheme(name: "token", kind: .bearer(format: "JWT"), doc: nil),
            AuthScheme(name: "key", kind: .apiKeyHeader(name: "X-Key"), doc: nil),
            AuthScheme(name: "secret", kind: .apiKeyHeader(name: "X-Secret"), doc: nil),
            AuthScheme(name: "login", kind: .basic, doc: "A user name and password."),
            AuthScheme(
                name: "oauth",
                kind: .oauth2(flows: [
                    OAuthFlow(
                        kind: .clientCredentials, tokenURL: "https://example.com/token",
                        scopes: [OAuthScope(name: "write", doc: "Change \"it\" */."), OAuthScope(name: "read")])
                ]), doc: nil),
            AuthScheme(name: "qkey", kind: .apiKeyQuery(name: "api_key"), doc: nil),
            AuthScheme(name: "ckey", kind: .apiKeyCookie(name: "session"), doc: nil),
        ]
        // Alternatives list their schemes in any order, not only in declaration order.
        let authChoices: [[[AuthUse]]] = [
            [], [["token"]], [["token"], ["key", "secret"]], [["key"]], [["secret", "key"]],
            [["key"], ["secret", "token"]], [["login"]],
            [[AuthUse(scheme: "oauth", scopes: ["read", "write"])], ["key"]], [["ckey", "qkey"]],
            [["qkey"], ["login", "token"]],
        ]
        let formats = usesXML ? [MediaTypes.json, MediaTypes.xml] : [MediaTypes.json]
        var operations: [APIDefinition.Operation] = []
        for name in objectNames + (withOneOf ? [oneOfName] : []) + (withAnyOf ? [anyOfName] : []) {
            var parameters = [
                Parameter(
                    name: "item_id", location: .path,
                    type: random.pick([.string, .integer, .uuid, .date, .array(.string), .array(.integer)]))
            ]
            if random.chance(60) {
                var limit = Parameter(
                    name: "limit", location: .query, type: .int32, required: false,
                    constraints: Constraints(minimum: 1, maximum: 100))
                if random.chance(30) { limit.deprecated = "Use \"page\".\nIt is gone in v3." }
                parameters.append(limit)
            }
            if random.chance(50) {
                parameters.append(
                    Parameter(name: "X-Trace", location: .header, type: .string, required: false, sensitive: true))
            }
            if random.chance(40) {
                parameters.append(
                    Parameter(name: "mode", location: .query, type: .named(enums[0]), required: random.chance(50)))
            }
            // Array parameters in each style, and cookies.
            if random.chance(50) {
                var ids = Parameter(
                    name: "ids", location: .query, type: .array(random.pick([.string, .integer, .named(enums[0])])),
                    required: random.chance(40), constraints: Constraints(maxItems: 5))
                switch random.pick([0, 1, 2, 3]) {
                case 0: break
                case 1: ids.explode = false
                case 2: ids.style = .spaceDelimited
                default: ids.style = .pipeDelimited
                }
                parameters.append(ids)
            }
            if random.chance(30) {
                var filter = Parameter(name: "filter", location: .query, type: .named(filterName), required: false)
                filter.style = .deepObject
                parameters.append(filter)
                filterUsed = true
            }
            if random.chance(30) {
                parameters.append(
                    Parameter(name: "X-Tags", location: .header, type: .array(.string), required: random.chance(50)))
            }
            if random.chance(40) {
                parameters.append(
                    Parameter(
                        name: "prefs", location: .cookie, type: random.pick([.string, .int64]),
                        required: random.chance(50)))
            }
            if random.chance(30) {
                var tags = Parameter(
                    name: "tags", location: .cookie, type: .array(.string), required: random.chance(50))
                tags.explode = false
                parameters.append(tags)
            }
            if usesXML {
                parameters.append(
                    Parameter(name: "format", location: .query, type: .named(formatEnum), required: false))
            }
            var responses = [
                Response(
                    status: 200, doc: nil, type: .named(name), contentTypes: formats,
                    headers: random.chance(50) ? responseHeaders(enums[0]) : []),
                Response(
                    status: 404, doc: nil, type: nil, contentTypes: ["text/plain"],
                    headers: random.chance(30)
                        ? [Parameter(name: "Retry-After", location: .header, type: .integer, required: true)]
                        : []),
            ]
            // A status range and a `default` answer, typed like the body (the echo server answers with them).
            if random.chance(50) {
                responses.append(
                    Response(
                        status: .range(random.pick([2, 4, 5])), doc: random.chance(50) ? doc() : nil,
                        type: .named(name), contentTypes: formats))
            }
            if random.chance(40) {
                responses.append(
                    Response(
                        status: .default, doc: random.chance(50) ? doc() : nil, type: .named(name),
                        contentTypes: random.chance(50) ? formats : [MediaTypes.json]))
            }
            operations.append(
                Operation(
                    name: "put\(name)", method: random.pick(["PUT", "POST", "PATCH"]), path: "/\(name)/{item_id}",
                    summary: random.chance(50) ? "Stores one." : doc(), doc: random.chance(50) ? doc() : nil,
                    auth: random.pick(authChoices), parameters: parameters,
                    body: RequestBody(type: .named(name), contentTypes: formats, doc: nil, required: random.chance(70)),
                    responses: responses))
        }
        // A map body: `{T}` in and out.
        operations.append(
            Operation(
                name: "putMap", method: "PUT", path: "/maps/{item_id}", summary: nil, doc: nil,
                auth: random.pick(authChoices),
                parameters: [Parameter(name: "item_id", location: .path, type: .string)],
                body: RequestBody(type: .map(.named(objectNames[0])), contentTypes: [MediaTypes.json], doc: nil),
                responses: [
                    Response(status: 200, doc: nil, type: .map(.named(objectNames[0])), contentTypes: [MediaTypes.json])
                ]))
        // A primitive body (or any JSON), or an array of one, as a bare JSON value in and out.
        let scalar = random.pick([TypeRef.string, .integer, .int32, .int64, .number, .boolean, .json])
        let scalarBody = random.chance(50) ? TypeRef.array(scalar) : scalar
        operations.append(
            Operation(
                name: "putScalar", method: random.pick(["PUT", "POST"]), path: "/scalars/{item_id}", summary: nil,
                doc: nil, auth: random.pick(authChoices),
                parameters: [Parameter(name: "item_id", location: .path, type: .string)],
                body: RequestBody(
                    type: scalarBody, contentTypes: [MediaTypes.json], doc: random.chance(50) ? doc() : nil),
                responses: [
                    Response(status: 200, doc: nil, type: scalarBody, contentTypes: [MediaTypes.json])
                ]))
        // A raw body: bytes in listed media types or ranges, answered with raw bytes.
        operations.append(
            Operation(
                name: "putBlob", method: "PUT", path: "/blobs/{item_id}", summary: nil, doc: nil,
                auth: random.pick(authChoices),
                parameters: [Parameter(name: "item_id", location: .path, type: .string)],
                body: RequestBody(
                    type: nil,
                    contentTypes: random.pick([
                        ["application/octet-stream"], ["image/png", "image/*"], ["*/*"],
                        ["text/plain", "application/json"],
                    ]), doc: random.chance(50) ? doc() : nil, required: random.chance(70)),
                responses: [Response(status: 200, doc: nil, type: nil, contentTypes: ["application/octet-stream"])]))
        operations.append(
            Operation(
                name: "sendForm", method: "POST", path: "/forms", summary: nil, doc: nil,
                auth: random.pick(authChoices), parameters: [],
                body: RequestBody(
                    type: .named(formName),
                    contentTypes: [MediaTypes.formURLEncoded, MediaTypes.multipart, MediaTypes.json], doc: nil),
                responses: [Response(status: 201, doc: nil, type: .named(formName), contentTypes: formats)]))
        operations.append(
            Operation(
                name: "sendUpload", method: "POST", path: "/uploads", summary: nil, doc: nil,
                auth: random.pick(authChoices), parameters: [],
                body: RequestBody(type: .named(uploadName), contentTypes: [MediaTypes.multipart], doc: nil),
                responses: [Response(status: 204, doc: nil, type: nil, contentTypes: [])]))
        operations.append(
            Operation(
                name: "list", method: "GET", path: "/items", summary: nil, doc: nil, auth: [], parameters: [],
                body: nil,
                responses: [
                    Response(status: 200, doc: nil, type: .array(.named(objectNames[0])), contentTypes: formats),
                    Response(status: 204, doc: nil, type: nil, contentTypes: []),
                ]))

        // Every fifth names a service error body, a type of its own (JSON only): the server's own errors
        // carry it, and the Echo handler builds it (RandomDefinitionTests).
        let errorBody: String? = index % 5 == 3 ? "ProblemBody" : nil
        if let errorBody {
            types.append(
                TypeDeclaration(
                    name: errorBody, doc: "The server's own errors.",
                    kind: .object(fields: [
                        Field(name: "code", type: .integer), Field(name: "message", type: .string),
                        Field(name: "detail", type: .string, required: false),
                    ]),
                    // Each field's messages beside the fields, as Django REST framework's error body has them.
                    additionalProperties: .array(.string)))
        }
        var definition = Definition(
            file: "p\(index).json", formatVersion: 1,
            service: Service(
                name: prefix, title: "Random \(index) " + doc(), doc: doc(),
                // Every third names no base URL: the client then takes one, and the server mounts at `/`.
                baseURL: index % 3 == 1 ? nil : "https://example.com/p\(index)",
                xml: usesXML
                    ? XMLDialectSpec(
                        rootElement: random.pick(["root", "data"]),
                        listItemElement: random.pick(["list-item", "item"]),
                        trueText: random.pick(["true", "True"]), falseText: random.pick(["false", "False"])) : nil,
                responseFormatParameter: usesXML ? "format" : nil),
            auth: auth, types: types, operations: operations)
        // Every fourth is `package`: its module is used by the check executable of the same scratch
        // package. (`internal` code could not be imported at all; AccessLevelTests compiles it.)
        definition.service.access = index % 4 == 2 ? .package : nil
        definition.service.errorBody = errorBody

        var samples: [RandomDefinition.Sample] = []
        let textFormats: [BodyFormat] = usesXML ? [.json, .xml] : [.json]
        for type in types {
            let formatsOfType: [BodyFormat] =
                switch type.kind {
                case .enumeration: []
                case .object where type.name == formName:
                    [.json, .formURLEncoded, .multipart] + (usesXML ? [.xml] : [])
                case .object where type.name == filterName: filterUsed ? [.json, .formURLEncoded] : [.json]
                case .object where type.name == errorBody: [.json]
                case .object where type.name == uploadName: [.json, .multipart]
                default: textFormats
                }
            guard !formatsOfType.isEmpty else { continue }
            for _ in 0..<3 {
                let text = type.name == formName || type.name == filterName || type.name == uploadName || usesXML
                let value = sample(
                    .named(type.name), in: definition, depth: 0, textSafe: text, constraints: Constraints())
                samples.append(
                    .init(
                        type: type.name, json: value, formats: formatsOfType, swiftType: Naming.type(type.name),
                        operation: "put" + type.name))
            }
        }
        for _ in 0..<2 {
            let map = TypeRef.map(.named(objectNames[0]))
            let value = sample(map, in: definition, depth: 0, textSafe: false, constraints: Constraints())
            samples.append(
                .init(
                    type: "\(map)", json: value, formats: [.json],
                    swiftType: "[String: \(Naming.type(objectNames[0]))]", operation: "putMap"))
        }
        for _ in 0..<2 {
            let value = sample(scalarBody, in: definition, depth: 0, textSafe: false, constraints: Constraints())
            let swiftType: String =
                switch scalar {
                case .string: "String"
                case .integer: "Int"
                case .int32: "Int32"
                case .int64: "Int64"
                case .number: "Double"
                case .json: "AnyJSON"
                default: "Bool"
                }
            samples.append(
                .init(
                    type: "\(scalarBody)", json: value, formats: [.json],
                    swiftType: scalarBody == scalar ? swiftType : "[\(swiftType)]", operation: "putScalar"))
        }
        return RandomDefinition(definition: definition, samples: samples)
    }

    /// Fields of object number `owner`. A required, non-nullable field refers only to earlier
    /// objects (so every type has a finite value); optional and nullable ones refer to any object,
    /// this one included (recursion).
    mutating func randomFields(owner: Int, objects: [String], enums: [String], oneOf: String?, textSafe: Bool)
        -> [Field]
    {
        // Found by this test: a wire name that is not an XML name (`1st`) was written as a malformed
        // element (`<1st>`). The checker now refuses it in a type that travels as XML
        // (`CheckerSoundnessTests.typesThatTravelAsXMLNeedXMLNames`), so text types draw XML names.
        var pool = textSafe ? Self.fieldPool.filter { $0 != "1st" } : Self.fieldPool
        var fields: [Field] = []
        // Text formats write an object without members as an empty element, which reads as null:
        // give every object a member that is always there.
        let count = textSafe ? random.int(1...6) : random.int(0...6)
        for position in 0..<count {
            let name = pool.remove(at: random.int(0...pool.count - 1))
            var field = Field(name: name, type: .string)
            field.required = random.chance(60)
            field.nullable = random.chance(25)
            field.sensitive = random.chance(10)
            if random.chance(10) { field.swiftName = "custom\(position)" }
            field.doc = random.chance(30) ? doc() : nil
            let scalarKinds: [TypeRef] =
                [.string, .integer, .int32, .int64, .number, .boolean, .uuid, .dateTime, .date, .bytes, .decimal, .uri, .unixTime]
                + (textSafe ? [] : [.json])
            switch random.int(0...9) {
            case 0...3:
                field.type = random.pick(scalarKinds)
                // Deprecated: generated code must still compile without warnings (it uses the storage).
                if random.chance(20) { field.deprecated = random.pick(["", "Use another field.", doc()]) }
            case 4:
                field.type = .named(random.pick(enums))
            case 5, 6:
                let target = random.int(0...objects.count - 1)
                field.type = .named(objects[target])
                if target >= owner, field.required, !field.nullable {
                    if random.chance(50) { field.required = false } else { field.nullable = true }
                }
            case 7:
                if let oneOf { field.type = .named(oneOf) } else { field.type = .int64 }
            case 8:
                let element: TypeRef = random.pick(
                    [.string, .integer, .number, .boolean, .date, .named(random.pick(enums)), .named(random.pick(objects))]
                        + Self.convertedScalars + (textSafe ? [] : [TypeRef.json]))
                field.type = .array(nested(element))
            default:
                let element: TypeRef = random.pick(
                    [.string, .integer, .boolean, .date, .named(random.pick(enums)), .named(random.pick(objects))]
                        + Self.convertedScalars)
                field.type = .map(nested(element))
            }
            if field.type == .json { field.nullable = false }
            if textSafe, position == 0 {
                field.required = true
                field.nullable = false
                if case .named(let name) = field.type, objects.contains(name) { field.type = .string }
            }
            constrain(&field, textSafe: textSafe)
            // Read-only and write-only by name (drawing nothing, so each seed keeps the rest of its
            // definition): required ones are optional in Swift and checked by direction; samples carry them.
            if field.constant == nil, !(field.required && field.defaultValue != nil), !(textSafe && position == 0) {
                field.readOnly = ["uid", "when", "meta"].contains(name)
                field.writeOnly = ["extra", "value2"].contains(name)
            }
            fields.append(field)
        }
        return fields
    }

    /// Sometimes, constraints on each string or integer of an array or map (`items`, `values`).
    mutating func elementConstraints(_ element: TypeRef, textSafe: Bool) -> Constraints? {
        guard random.chance(30) else { return nil }
        switch element {
        case .string:
            let low = random.int(textSafe ? 1...2 : 0...2)
            // At least one character allowed: the string sampler writes one at the least.
            return Constraints(
                minLength: low, maxLength: max(low, 1) + random.int(0...6),
                pattern: random.chance(30) ? "^[a-z]+$" : nil)
        case .integer, .int64, .int32:
            let low = random.int(-20...20)
            return Constraints(minimum: Double(low), maximum: Double(low + random.int(0...100)))
        default:
            return nil
        }
    }

    /// The scalars that travel converted (`[uuid]`, `{date-time}`): each item keeps its wire form.
    static let convertedScalars: [TypeRef] = [.uuid, .dateTime, .bytes, .decimal, .uri, .unixTime]

    /// An element, or now and then an array or map of it: containers nest (`[[number]]`, `{[uuid]}`, `[{Item}]`).
    mutating func nested(_ element: TypeRef) -> TypeRef {
        guard random.chance(25) else { return element }
        return random.chance(50) ? .array(element) : .map(element)
    }

    /// Adds constraints, a constant or a default that fit the field's type.
    mutating func constrain(_ field: inout Field, textSafe: Bool) {
        switch field.type {
        case .string:
            if random.chance(30) {
                let low = random.int(textSafe ? 1...3 : 0...3)
                field.constraints.minLength = low
                field.constraints.maxLength = max(low, 1) + random.int(0...8)  // the sampler writes one at the least
            }
            if random.chance(20) { field.constraints.pattern = random.pick(["^[a-z]+$", "[a-z]"]) }
        case .integer, .int32, .int64:
            if random.chance(25) {
                // Bounds at the ends of the type's range, exact as Double.
                let ends: [Double] =
                    field.type == .int32
                    ? [Double(Int32.min), Double(Int32.max), -1e9, 1e9]
                    : [-9_223_372_036_854_775_808, -1e15, 1e15, 9_007_199_254_740_992, 4_611_686_018_427_387_904]
                let first = random.pick(ends)
                let second = random.pick(ends)
                if random.chance(30) {
                    field.constraints.minimum = min(first, second)
                } else if random.chance(40) {
                    field.constraints.maximum = max(first, second)
                } else {
                    field.constraints.minimum = min(first, second)
                    field.constraints.maximum = max(first, second)
                }
            } else if random.chance(40) {
                let low = random.int(-50...50)
                field.constraints.minimum = Double(low)
                field.constraints.maximum = Double(low + random.int(0...1000))
            }
        case .number:
            if random.chance(40) {
                field.constraints.minimum = Double(random.int(-100...0)) / 4
                field.constraints.maximum = Double(random.int(0...100)) / 4
            }
        case .array(let element):
            // Not on arrays of objects: a required array of at least one of its own type has no
            // finite value (and the sampler stops recursing by leaving arrays of objects empty).
            if case .named = element.element { break }
            if random.chance(30) {
                field.constraints.minItems = random.int(textSafe ? 1...2 : 0...2)
                field.constraints.maxItems = field.constraints.minItems! + random.int(0...3)
            }
            field.constraints.items = elementConstraints(element, textSafe: textSafe)
        case .map(let element):
            field.constraints.values = elementConstraints(element, textSafe: textSafe)
        default:
            break
        }
        let scalar = field.type == .string || field.type == .boolean || field.type == .integer
        if scalar, field.constraints.isEmpty, field.required, !field.nullable, !field.sensitive, random.chance(10) {
            field.constant =
                field.type == .string ? .string("fixed") : field.type == .boolean ? .boolean(true) : .integer(7)
        } else if !field.required, !field.nullable, random.chance(30) {
            switch field.type {
            case .integer, .int32, .int64:
                let low = field.constraints.minimum.map { Int($0) }
                let high = field.constraints.maximum.map { Int($0) }
                let ends = field.type == .int32 ? [Int(Int32.min), Int(Int32.max)] : [Int.min, Int.max]
                var choices = [0, -1, 9_007_199_254_740_993] + ends + [low, high].compactMap { $0 }
                choices = choices.filter {
                    $0 >= (low ?? Int.min) && $0 <= (high ?? Int.max)
                        && (field.type != .int32 || Int32(exactly: $0) != nil)
                }
                field.defaultValue = choices.isEmpty ? nil : .integer(random.pick(choices))
            case .string: field.defaultValue = .string(string(field.constraints, textSafe: textSafe))
            case .dateTime:
                field.defaultValue = .string(
                    random.pick(["2024-02-29T00:00:00Z", "2000-02-29T23:59:59+01:00", "1970-01-01T00:00:00.5Z"]))
            case .uuid: field.defaultValue = .string("3FA85F64-5717-4562-B3FC-2C963F66AFA6")
            case .date: field.defaultValue = .string(random.pick(["2024-02-29", "0000-01-01", "9999-12-31"]))
            case .bytes: field.defaultValue = .string(random.pick(["", "aGVsbG8=", "+/+/"]))
            case .uri: field.defaultValue = .string(random.pick(["https://example.com/a?b=c", "urn:isbn:0451450523"]))
            case .decimal: field.defaultValue = random.pick([.integer(Int.max), .number(0.25), .number(-12.5)])
            case .unixTime: field.defaultValue = .integer(random.pick([-62_135_596_800, 0, 253_402_300_799]))
            case .named(let name):
                if let values = enumValues[name] { field.defaultValue = random.pick(values).jsonValue }
            case .boolean: field.defaultValue = .boolean(random.chance(50))
            case .number:
                let low = field.constraints.minimum ?? 0
                let value = low + 0.5 <= (field.constraints.maximum ?? 1) ? low + 0.5 : low
                // A whole number reads back from the file as an integer.
                field.defaultValue = value.rounded() == value ? .integer(Int(value)) : .number(value)
            default: break
            }
        }
    }

    // MARK: Values

    /// A valid JSON value of `type`. `textSafe` keeps to what XML and forms carry without loss.
    mutating func sample(
        _ type: TypeRef, in definition: Definition, depth: Int, textSafe: Bool, constraints: Constraints
    ) -> JSONValue {
        switch type {
        case .string:
            return .string(string(constraints, textSafe: textSafe))
        case .integer, .int64, .int32:
            // Beyond 2^53 unless bounded: integers must not pass through Double.
            let bound = type == .int32 ? Int(Int32.max) : 9_007_199_254_740_993
            let low = constraints.minimum.map { Int($0) } ?? min(-bound, constraints.maximum.map { Int($0) } ?? -bound)
            let high = constraints.maximum.map { Int($0) } ?? max(bound, low)
            if random.chance(30) { return .integer(random.pick([low, high])) }
            // Near zero when the range holds it, else near the lower bound.
            if max(low, -1000) <= min(high, 1000) { return .integer(random.int(max(low, -1000)...min(high, 1000))) }
            let (width, overflow) = high.subtractingReportingOverflow(low)
            return .integer(low + random.int(0...(overflow ? 1000 : min(width, 1000))))
        case .number:
            let low = constraints.minimum ?? -1e9
            let high = constraints.maximum ?? 1e9
            let fraction = Double(random.int(0...1000)) / 1000
            return .number(random.chance(20) ? random.pick([low, high]) : low + (high - low) * fraction)
        case .boolean:
            return .boolean(random.chance(50))
        case .uuid:
            return .string(randomUUID())
        case .dateTime:
            let millis = random.int(0...4_102_444_800_000)
            return .string(RFC3339.string(from: Date(timeIntervalSince1970: Double(millis) / 1000)))
        case .date:
            let days = random.int(-719_528...2_932_896)
            return .string(CalendarDate(daysSince1970: days)?.description ?? "2026-12-01")
        case .bytes:
            // Not empty in XML and forms, where empty and absent look alike (as for strings).
            let count = random.int(textSafe ? 1...12 : 0...12)
            return .string(Data((0..<count).map { _ in UInt8(random.int(0...255)) }).base64EncodedString())
        case .uri:
            return .string("https://example.com/\(random.int(0...1_000_000))?q=a%20b")
        case .decimal:
            // Cents: whole numbers as integers, as a decimal writes them back.
            let cents = random.int(-99_999_999...99_999_999)
            return cents % 100 == 0 ? .integer(cents / 100) : .number(Double(cents) / 100)
        case .unixTime:
            return .integer(random.int(-62_135_596_800...253_402_300_799))
        case .file:
            // FilePart's JSON form: any bytes (CR, LF, NUL, not UTF-8), a filename with quotes, a backslash and
            // non-ASCII, or none. (Control characters in a filename arrive percent-encoded, by design.)
            let limit = min(constraints.maxLength ?? 40, 40)
            let pool: [UInt8] = [0x00, 0x0D, 0x0A, 0x2D, 0xFF, 0x41]
            let bytes = (0..<random.int(0...limit)).map { _ in random.pick(pool) }
            let contentType = random.pick(["application/octet-stream", "image/png", "text/plain; charset=utf-8"])
            var members: [JSONValue.Member] = [
                .init(key: "contentType", value: .string(contentType)),
                .init(key: "data", value: .string(Data(bytes).base64EncodedString())),
            ]
            if random.chance(70) {
                let filename = random.pick(["a.bin", "", "q\"uote\\d.txt", "naïve 日本 🎉.pdf"])
                members.insert(.init(key: "filename", value: .string(filename)), at: 0)
            }
            return .object(members)
        case .json:
            return random.pick([
                .null, .integer(random.int(-5...5)), .string("any"),
                .object([.init(key: "a", value: .array([.boolean(true), .string("x")]))]),
            ])
        case .array(let element):
            var count = random.int(0...(depth > 2 ? 0 : 3))
            if let min = constraints.minItems { count = max(count, min) }
            if let max = constraints.maxItems { count = min(count, max) }
            // Text formats lose empty optional arrays; deep down, arrays of objects stay empty.
            if textSafe, depth <= 2 || !declaredObject(element.element, in: definition) { count = max(count, 1) }
            return .array(
                (0..<count).map { _ in
                    sample(
                        element, in: definition, depth: depth + 1, textSafe: textSafe,
                        constraints: constraints.items ?? Constraints())
                })
        case .map(let element):
            let deep = depth > 2 && declaredObject(element.element, in: definition)
            let count = deep ? 0 : textSafe ? 1 : random.int(0...(depth > 2 ? 0 : 3))
            return .object(
                (0..<count).map { number in
                    .init(
                        key: "k\(number)",
                        value: sample(
                            element, in: definition, depth: depth + 1, textSafe: textSafe,
                            constraints: constraints.values ?? Constraints()))
                })
        case .named(let name):
            guard let declaration = definition.type(named: name) else { return .null }
            switch declaration.kind {
            case .enumeration(let values, _):
                return random.pick(values).jsonValue
            case .oneOf(let variants, _):
                let variant = depth > 2 ? variants[0] : random.pick(variants)
                return sample(
                    .named(variant.type), in: definition, depth: depth + 1, textSafe: textSafe, constraints: constraints
                )
            case .anyOf(let variants):
                let variant = depth > 2 ? variants[0] : random.pick(variants)
                return sample(
                    variant.type, in: definition, depth: depth + 1, textSafe: textSafe,
                    constraints: variant.constraints)
            case .object(let fields):
                var members: [JSONValue.Member] = []
                for field in fields {
                    if let constant = field.constant {
                        members.append(.init(key: field.name, value: constant))
                        continue
                    }
                    // Deep down, optional and nullable fields of object types are left out, and so
                    // are text formats' empty arrays of objects (they would read back as absent).
                    let deep = depth >= 2 && declaredObject(field.type.element, in: definition)
                    if !field.required, random.chance(deep ? 100 : 30) { continue }
                    if field.nullable, random.chance(deep ? 100 : 25) {
                        members.append(.init(key: field.name, value: .null))
                        continue
                    }
                    var value = sample(
                        field.type, in: definition, depth: depth + 1, textSafe: textSafe,
                        constraints: field.constraints)
                    // A read-only or write-only field is optional in Swift, where `null` reads as absent: a
                    // required one of type `json` gets a value other than `null` (see docs, readOnly).
                    if field.type == .json, field.required, field.readOnly || field.writeOnly, value == .null {
                        value = .string("any")
                    }
                    members.append(.init(key: field.name, value: value))
                }
                // Members beside the fields, under names no field or discriminator takes.
                if let rest = declaration.additionalProperties, depth <= 2 {
                    // XML carries only member names that are XML names.
                    for name in Self.restPool where random.chance(40) && !(textSafe && name.contains(" ")) {
                        members.append(
                            .init(
                                key: name,
                                value: sample(
                                    rest, in: definition, depth: depth + 1, textSafe: textSafe,
                                    constraints: Constraints())))
                    }
                }
                return .object(members)
            }
        }
    }

    /// Typed response headers: a random non-empty selection, in order, of required and optional headers
    /// of each kind a header may be (primitives, scalar formats, an enum), some sensitive, deprecated or
    /// constrained, with docs that may be hostile. `RandomDefinitionTests.serve` answers with them.
    mutating func responseHeaders(_ enumName: String) -> [Parameter] {
        var pool: [Parameter] = [
            Parameter(name: "Location", location: .header, type: .uri, required: random.chance(50)),
            Parameter(
                name: "ETag", location: .header, swiftName: random.chance(50) ? "etag" : nil, type: .string,
                required: random.chance(50), constraints: Constraints(minLength: 1)),
            Parameter(
                name: "X-RateLimit-Remaining", location: .header, doc: doc(), type: .integer,
                required: random.chance(50), constraints: Constraints(minimum: 0)),
            Parameter(name: "x-request-id", location: .header, type: .uuid, required: random.chance(50)),
            Parameter(name: "X-Mode", location: .header, type: .named(enumName), required: random.chance(50)),
            Parameter(
                name: "X-Secret-Token", location: .header, type: .string, required: random.chance(50),
                sensitive: true),
            Parameter(name: "X-Day", location: .header, type: .date, required: random.chance(50)),
            Parameter(name: "X-Cached", location: .header, type: .boolean, required: random.chance(50)),
        ]
        var old = Parameter(name: "X-Old-Limit", location: .header, type: .int64, required: random.chance(50))
        old.deprecated = random.pick(["", "Read X-RateLimit-Remaining."])
        pool.append(old)
        let chosen = pool.filter { _ in random.chance(50) }
        return chosen.isEmpty ? [pool[0]] : chosen
    }

    /// A doc or summary text: plain or hostile.
    mutating func doc() -> String {
        random.chance(50) ? "A plain doc." : random.pick(Self.hostileDoc)
    }

    func declaredObject(_ type: TypeRef, in definition: Definition) -> Bool {
        guard case .named(let name) = type, let declaration = definition.type(named: name) else { return false }
        if case .enumeration = declaration.kind { return false }
        return true
    }

    mutating func randomUUID() -> String {
        let hex = Array("0123456789abcdef")
        let text = String((0..<32).map { _ in hex[random.int(0...15)] })
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(
                text[
                    text.index(
                        text.startIndex, offsetBy: range.lowerBound)..<text.index(
                            text.startIndex, offsetBy: range.upperBound)])
        }
        return parts.joined(separator: "-")
    }

    mutating func string(_ constraints: Constraints, textSafe: Bool) -> String {
        if constraints.pattern == nil, constraints.minLength != nil || constraints.maxLength != nil {
            // Flags, combining marks and astral characters: lengths count code points.
            let low = max(constraints.minLength ?? 1, 1)
            let high = max(low, constraints.maxLength ?? low + 6)
            let target = random.int(low...high)
            var text = ""
            while text.unicodeScalars.count < target {
                let room = target - text.unicodeScalars.count
                let piece = random.pick(Self.lengthPieces.filter { $0.unicodeScalars.count <= room })
                text += piece
            }
            return text
        }
        if constraints.pattern != nil {
            // Lower-case ASCII letters match both patterns.
            let low = max(constraints.minLength ?? 1, 1)
            let high = max(low, constraints.maxLength ?? low + 6)
            let letters = Array("abcdefghijklmnopqrstuvwxyz")
            return String((0..<random.int(low...high)).map { _ in letters[random.int(0...25)] })
        }
        return random.pick(textSafe ? Self.safeText : Self.jsonText)
    }
}

extension JSONValue {
    /// The value as JSON text (numbers written so that they read back as the same Double).
    var jsonText: String {
        switch self {
        case .string(let text):
            let data = try? JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed])
            let array = data.map { String(decoding: $0, as: UTF8.self) } ?? "[\"\"]"
            return String(array.dropFirst().dropLast())
        case .integer(let number): return String(number)
        case .number(let number): return number.isFinite ? "\(number)" : "0"
        case .boolean(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .array(let values): return "[" + values.map(\.jsonText).joined(separator: ",") + "]"
        case .object(let members):
            return "{"
                + members.map { JSONValue.string($0.key).jsonText + ":" + $0.value.jsonText }.joined(separator: ",")
                + "}"
        }
    }
}

import Foundation

/// Reads a definition file with `JSONSerialization` into a ``Definition``, collecting every
/// diagnostic it can find in one pass.
public enum DefinitionLoader {
    /// The definition format versions this loader reads.
    public static let supportedVersions = [1]

    /// Loads and checks the definition at `path`.
    /// - Parameter displayPath: the path printed in diagnostics and generated headers
    ///   (defaults to `path`).
    /// - Throws: ``DiagnosticList`` with every problem found.
    public static func load(path: String, displayPath: String? = nil) throws(DiagnosticList) -> Definition {
        let name = displayPath ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticList([
                Diagnostic(file: name, line: nil, column: nil, path: "", message: "cannot read the file")
            ])
        }
        return try load(data: data, file: name)
    }

    /// Loads and checks a definition from its bytes; `file` names it in diagnostics.
    /// - Throws: ``DiagnosticList`` with every problem found (errors only; warnings are kept
    ///   with the definition's load result by ``loadWithWarnings(data:file:)``).
    public static func load(data: Data, file: String) throws(DiagnosticList) -> Definition {
        let (definition, diagnostics) = loadWithWarnings(data: data, file: file)
        let errors = diagnostics.filter { $0.severity == .error }
        guard let definition, errors.isEmpty else { throw DiagnosticList(diagnostics) }
        return definition
    }

    /// `data` with every U+FEFF after the first byte written as the JSON escape `\ufeff`.
    /// `JSONSerialization` drops a raw U+FEFF at the start of a string and after an escape (it reads
    /// each run of a string as if it could begin with a byte-order mark), so a definition's text
    /// would not arrive byte for byte; escaped, the character is kept. Call it on JSON the locator
    /// accepted: there, such bytes can only be inside strings (a leading byte-order mark stays).
    static func escapingByteOrderMarks(_ data: Data) -> Data {
        let bytes = [UInt8](data)
        // A byte loop: the generic `firstRange(of:)` took a seventh of generating 1,000 operations.
        func markStarts(at index: Int) -> Bool {
            bytes[index] == 0xEF && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF
        }
        guard bytes.count > 3, (1..<(bytes.count - 2)).contains(where: markStarts) else { return data }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 16)
        var index = 0
        while index < bytes.count {
            if index > 0, index + 2 < bytes.count, markStarts(at: index) {
                result += Array("\\ufeff".utf8)
                index += 3
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return Data(result)
    }

    /// Loads and checks a definition; returns it (when there are no errors) and all diagnostics.
    public static func loadWithWarnings(data: Data, file: String) -> (Definition?, [Diagnostic]) {
        let reader = Reader(file: file, data: data)
        // Strict JSON first (JSONSerialization tolerates some things JSON does not, such as trailing
        // commas, and does not say where a problem is); positions are recorded only when needed.
        if let syntax = JSONLocator(text: Array(data), recordPositions: false).syntaxError {
            let located = reader.locator.syntaxError ?? syntax
            reader.diagnostics.append(
                Diagnostic(
                    file: file, line: located.position.line, column: located.position.column, path: "",
                    message: "invalid JSON: \(located.message)"))
            return (nil, reader.diagnostics)
        }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: escapingByteOrderMarks(data), options: [.fragmentsAllowed])
        } catch {
            // JSONSerialization does not say where; the locator does (it checks everything
            // JSONSerialization rejects, so this is a fallback). Foundation's generic "not in the
            // correct format" says nothing; its debug description says what.
            let syntax = reader.locator.syntaxError
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            reader.diagnostics.append(
                Diagnostic(
                    file: file, line: syntax?.position.line ?? 1, column: syntax?.position.column ?? 1, path: "",
                    message: "invalid JSON: \(syntax?.message ?? detail ?? error.localizedDescription)"))
            return (nil, reader.diagnostics)
        }
        let definition = reader.definition(Node(value: root, path: ""))
        // Unknown keys do not change the structure, so the semantic rules still run and every
        // problem of the file is reported in one pass.
        if let definition, reader.structuralErrors == 0 {
            reader.diagnostics += DefinitionChecker.check(definition, locate: reader.locate)
        }
        let sorted = reader.diagnostics.enumerated().sorted { lhs, rhs in
            let l = (lhs.element.line ?? 0, lhs.element.column ?? 0, lhs.offset)
            let r = (rhs.element.line ?? 0, rhs.element.column ?? 0, rhs.offset)
            return l < r
        }.map(\.element)
        return (definition, sorted)
    }
}

/// Parsed JSON handed to other threads: `JSONSerialization`'s output (strings, numbers, null,
/// arrays, dictionaries) is never mutated after parsing, only read.
private struct SharedNodes: @unchecked Sendable {
    let nodes: [Node]
}

/// What one run of a large array's elements read: values, diagnostics and structural errors.
private struct ReadRun<T: Sendable>: Sendable {
    var values: [T]
    var diagnostics: UnlocatedDiagnostics
    var structuralErrors: Int
}

/// A JSON value with its path. The path is kept as the parent's path and this value's key or
/// index, and spelled out only when asked for (a diagnostic, or a child's parent path): most values
/// never need it.
struct Node {
    var value: Any
    private var parent: String
    private var step: Step

    private enum Step {
        case whole
        case key(String)
        case index(Int)
    }

    init(value: Any, path: String) {
        self.value = value
        parent = path
        step = .whole
    }

    init(value: Any, parent: String, key: String) {
        self.value = value
        self.parent = parent
        step = .key(key)
    }

    init(value: Any, parent: String, index: Int) {
        self.value = value
        self.parent = parent
        step = .index(index)
    }

    var path: String {
        switch step {
        case .whole: parent
        case .key(let key): parent.isEmpty ? key : parent + "." + key
        case .index(let index): parent + "[" + String(index) + "]"
        }
    }

    func child(_ key: String) -> String {
        let path = path
        return path.isEmpty ? key : path + "." + key
    }
}

/// The class JSONSerialization uses for `true` and `false` (an NSNumber subclass on every platform).
private let booleanClass: AnyClass = type(of: NSNumber(value: true))

/// The JSON kinds a diagnostic can name.
enum JSONKind: String {
    case object, array, string, integer, number, boolean, null

    static func of(_ value: Any) -> JSONKind {
        // The most frequent kinds first: each `is` is a dynamic cast.
        switch value {
        case is String: return .string
        case is [String: Any]: return .object
        case is [Any]: return .array
        case is NSNull: return .null
        case let number as NSNumber:
            // On Linux a JSON `true` and `1` both arrive as NSNumber; the boolean's class differs.
            if type(of: number) == booleanClass { return .boolean }
            return (number as? Int) != nil ? .integer : .number
        default: return .null
        }
    }

    var article: String {
        switch self {
        case .object, .array, .integer: "an \(rawValue)"
        case .null: "null"
        default: "a \(rawValue)"
        }
    }
}

/// Turns parsed JSON into definition values, reporting problems with their location.
final class Reader {
    let file: String
    let data: Data
    /// Positions of keys and values, computed only when the first diagnostic needs one.
    lazy var locator = JSONLocator(text: Array(data))
    var diagnostics: [Diagnostic] = []
    /// Errors that dropped or changed a value (every error but an unknown key).
    var structuralErrors = 0
    /// For a reader on another thread: its diagnostics, located later by the reader that started it.
    var unlocated: UnlocatedDiagnostics?

    init(file: String, data: Data) {
        self.file = file
        self.data = data
    }

    func locate(_ path: String, preferKey: Bool) -> (Int, Int)? {
        locator.position(of: path, preferKey: preferKey).map { ($0.line, $0.column) }
    }

    func report(
        _ path: String, _ message: String, preferKey: Bool = false, severity: Diagnostic.Severity = .error,
        structural: Bool = true
    ) {
        if severity == .error, structural { structuralErrors += 1 }
        if unlocated != nil {
            unlocated?.append(
                Diagnostic(severity: severity, file: file, line: nil, column: nil, path: path, message: message),
                preferKey: preferKey)
            return
        }
        let position = locate(path, preferKey: preferKey)
        diagnostics.append(
            Diagnostic(
                severity: severity, file: file, line: position?.0, column: position?.1, path: path, message: message))
    }

    /// Reads every element of an array. A large array is read on every core, in runs of elements
    /// each read by a reader of its own; values and diagnostics come back in the array's order, as
    /// one reader would give them.
    func readAll<T: Sendable>(_ nodes: [Node], _ read: @escaping @Sendable (Reader, Node) -> T?) -> [T] {
        guard nodes.count > 64, unlocated == nil else { return nodes.compactMap { read(self, $0) } }
        let shared = SharedNodes(nodes: nodes)
        let (file, data) = (self.file, self.data)
        let runs = Parallel.runs(of: nodes.count, length: 64) { range in
            let reader = Reader(file: file, data: data)
            reader.unlocated = UnlocatedDiagnostics()
            let values = shared.nodes[range].compactMap { read(reader, $0) }
            return ReadRun(values: values, diagnostics: reader.unlocated!, structuralErrors: reader.structuralErrors)
        }
        for run in runs {
            diagnostics += run.diagnostics.located { self.locate($0, preferKey: $1) }
            structuralErrors += run.structuralErrors
        }
        return runs.flatMap(\.values)
    }

    // MARK: Primitive readers

    /// The members of an object, after checking that it has `required` keys and no key outside `allowed`.
    func object(_ node: Node, what: String, required: [String], optional: [String]) -> [String: Node]? {
        guard let dictionary = node.value as? [String: Any] else {
            report(node.path, "expected \(what) (an object), found \(JSONKind.of(node.value).article)")
            return nil
        }
        let path = node.path
        var members: [String: Node] = [:]
        members.reserveCapacity(dictionary.count)
        var unknown: [String] = []
        for (key, value) in dictionary {
            if required.contains(key) || optional.contains(key) {
                members[key] = Node(value: value, parent: path, key: key)
            } else {
                unknown.append(key)
            }
        }
        for key in unknown.sorted() {
            report(
                node.child(key), "unknown key '\(key)' in \(what)\(Suggest.didYouMean(key, required + optional))",
                preferKey: true, structural: false)
        }
        for key in required where dictionary[key] == nil {
            report(path, "missing required key '\(key)' in \(what)")
        }
        return members
    }

    func string(_ node: Node?) -> String? {
        guard let node else { return nil }
        guard let value = node.value as? String else {
            report(node.path, "expected a string, found \(JSONKind.of(node.value).article)")
            return nil
        }
        return value
    }

    func nonEmptyString(_ node: Node?) -> String? {
        guard let node, let value = string(node) else { return nil }
        if value.isEmpty { report(node.path, "must not be empty") }
        return value
    }

    func bool(_ node: Node?) -> Bool? {
        guard let node else { return nil }
        // One cast: a JSON boolean is an NSNumber of the boolean class (a `1` is not a boolean).
        guard let number = node.value as? NSNumber, type(of: number) == booleanClass else {
            report(node.path, "expected a boolean (true or false), found \(JSONKind.of(node.value).article)")
            return nil
        }
        return number.boolValue
    }

    func integer(_ node: Node?) -> Int? {
        guard let node else { return nil }
        guard JSONKind.of(node.value) == .integer, let value = node.value as? NSNumber else {
            report(node.path, "expected an integer, found \(JSONKind.of(node.value).article)")
            return nil
        }
        return value.intValue
    }

    /// A response's status: an integer, or the string `1XX`…`5XX` or `default`.
    func responseStatus(_ node: Node?) -> ResponseStatus? {
        guard let node else { return nil }
        if let text = node.value as? String {
            guard let status = ResponseStatus(text), status.code == nil else {
                report(
                    node.path,
                    "'\(text)' is not a response status: expected an integer (100–599), a range (1XX, 2XX, 3XX, 4XX, 5XX) or 'default'"
                )
                return nil
            }
            return status
        }
        guard JSONKind.of(node.value) == .integer, let value = node.value as? NSNumber else {
            report(
                node.path,
                "expected an integer, a range ('4XX') or 'default', found \(JSONKind.of(node.value).article)")
            return nil
        }
        return .code(value.intValue)
    }

    func number(_ node: Node?) -> Double? {
        guard let node else { return nil }
        let kind = JSONKind.of(node.value)
        guard kind == .integer || kind == .number, let value = node.value as? NSNumber else {
            report(node.path, "expected a number, found \(kind.article)")
            return nil
        }
        return value.doubleValue
    }

    func array(_ node: Node?) -> [Node]? {
        guard let node else { return nil }
        guard let values = node.value as? [Any] else {
            report(node.path, "expected an array, found \(JSONKind.of(node.value).article)")
            return nil
        }
        let path = node.path
        return values.enumerated().map { Node(value: $1, parent: path, index: $0) }
    }

    func json(_ node: Node) -> JSONValue {
        switch JSONKind.of(node.value) {
        case .null: return .null
        case .string: return .string(node.value as? String ?? "")
        case .boolean: return .boolean((node.value as? NSNumber)?.boolValue ?? false)
        case .integer: return .integer((node.value as? NSNumber)?.intValue ?? 0)
        case .number: return .number((node.value as? NSNumber)?.doubleValue ?? 0)
        case .array:
            return .array((array(node) ?? []).map(json))
        case .object:
            let dictionary = node.value as? [String: Any] ?? [:]
            return .object(
                dictionary.keys.sorted().map {
                    JSONValue.Member(key: $0, value: json(Node(value: dictionary[$0] as Any, path: node.child($0))))
                })
        }
    }

    func typeRef(_ node: Node?) -> TypeRef? {
        guard let node, let text = string(node) else { return nil }
        guard let type = TypeRef.parse(text) else {
            let depth = text.prefix(TypeRef.maximumNesting + 2).prefix { $0 == "[" || $0 == "{" }.count
            if depth > TypeRef.maximumNesting {
                report(node.path, "type nests arrays and maps more than \(TypeRef.maximumNesting) levels deep")
                return nil
            }
            report(
                node.path,
                "'\(DefinitionChecker.shown(text))' is not a type: use a primitive (\(TypeRef.primitives.map(\.name).joined(separator: ", "))), a declared type's name, or [T] for an array"
            )
            return nil
        }
        return type
    }

    func docs(_ members: [String: Node], _ key: String = "doc") -> String? { string(members[key]) }

    // MARK: The format

    static let constraintKeys = [
        "minLength", "maxLength", "pattern", "minimum", "maximum", "minItems", "maxItems", "items", "values",
    ]
    static let anyOfVariantKeys = ["swiftName", "doc", "minLength", "maxLength", "pattern", "minimum", "maximum"]
    static let fieldKeys =
        [
            "swiftName", "doc", "required", "nullable", "sensitive", "const", "default", "deprecated", "readOnly",
            "writeOnly",
        ] + constraintKeys
    static let parameterKeys =
        [
            "swiftName", "doc", "required", "sensitive", "default", "deprecated", "style", "explode",
        ] + constraintKeys
    static let responseHeaderKeys = [
        "swiftName", "doc", "required", "sensitive", "deprecated", "minLength", "maxLength", "pattern", "minimum",
        "maximum",
    ]

    func definition(_ node: Node) -> Definition? {
        guard
            let members = object(
                node, what: "the definition", required: ["formatVersion", "service", "operations"],
                optional: ["$schema", "auth", "types"])
        else { return nil }
        let version = integer(members["formatVersion"])
        if let version, !DefinitionLoader.supportedVersions.contains(version), let path = members["formatVersion"]?.path
        {
            report(path, "unsupported formatVersion \(version); this apigen reads version 1")
        }
        _ = string(members["$schema"])
        let service = members["service"].flatMap(service)
        let auth = array(members["auth"])?.compactMap(authScheme) ?? []
        let types = array(members["types"]).map { readAll($0) { $0.typeDeclaration($1) } } ?? []
        let operations = array(members["operations"]).map { readAll($0) { $0.operation($1) } } ?? []
        guard let service, let version else { return nil }
        return Definition(
            file: file, formatVersion: version, service: service, auth: auth, types: types, operations: operations)
    }

    func service(_ node: Node) -> Service? {
        guard
            let members = object(
                node, what: "the service", required: ["name"],
                optional: ["title", "doc", "baseURL", "xml", "responseFormatParameter", "access", "errorBody"])
        else { return nil }
        let name = nonEmptyString(members["name"])
        let baseURL = nonEmptyString(members["baseURL"])
        let title = string(members["title"])
        let doc = docs(members)
        let xml = members["xml"].flatMap(xmlDialect)
        let formatParameter = nonEmptyString(members["responseFormatParameter"])
        let errorBody = nonEmptyString(members["errorBody"])
        var access: AccessLevel?
        if let node = members["access"] {
            let names = AccessLevel.allCases.map(\.rawValue)
            guard let text = string(node) else { return nil }
            access = AccessLevel(rawValue: text)
            if access == nil {
                report(
                    node.path,
                    "unknown access level '\(text)'\(Suggest.didYouMean(text, names)); expected one of \(names.joined(separator: ", "))"
                )
                return nil
            }
        }
        guard let name, members["baseURL"] == nil || baseURL != nil, members["errorBody"] == nil || errorBody != nil
        else { return nil }
        var service = Service(
            name: name, title: title, doc: doc, baseURL: baseURL, xml: xml, responseFormatParameter: formatParameter)
        service.access = access
        service.errorBody = errorBody
        return service
    }

    func xmlDialect(_ node: Node) -> XMLDialectSpec? {
        guard
            let members = object(
                node, what: "an XML dialect", required: ["rootElement", "listItemElement"],
                optional: ["trueText", "falseText"])
        else { return nil }
        let root = nonEmptyString(members["rootElement"])
        let item = nonEmptyString(members["listItemElement"])
        let trueText = nonEmptyString(members["trueText"]) ?? "true"
        let falseText = nonEmptyString(members["falseText"]) ?? "false"
        guard let root, let item else { return nil }
        return XMLDialectSpec(rootElement: root, listItemElement: item, trueText: trueText, falseText: falseText)
    }

    static let authKinds = ["bearer", "apiKey", "basic", "oauth2", "openIdConnect"]

    func authScheme(_ node: Node) -> AuthScheme? {
        guard
            let members = object(
                node, what: "an auth scheme", required: ["name", "kind"],
                optional: ["header", "query", "cookie", "bearerFormat", "flows", "openIdConnectUrl", "doc"])
        else { return nil }
        let name = nonEmptyString(members["name"])
        let kindText = string(members["kind"])
        let doc = docs(members)
        var kind: AuthScheme.Kind?
        // Keys that belong to other kinds, in a fixed order.
        let owners: [(key: String, kind: String)] = [
            ("header", "apiKey"), ("query", "apiKey"), ("cookie", "apiKey"), ("bearerFormat", "bearer"),
            ("flows", "oauth2"), ("openIdConnectUrl", "openIdConnect"),
        ]
        if let kindText, Self.authKinds.contains(kindText) {
            for (key, owner) in owners where owner != kindText {
                if let member = members[key] { report(member.path, "'\(key)' applies to kind '\(owner)' only") }
            }
        }
        switch kindText {
        case "bearer":
            kind = .bearer(format: string(members["bearerFormat"]))
        case "basic":
            kind = .basic
        case "apiKey":
            let places = ["header", "query", "cookie"].filter { members[$0] != nil }
            if places.count > 1 {
                report(
                    node.path,
                    "an auth scheme of kind 'apiKey' takes one of 'header', 'query' or 'cookie', not \(places.map { "'\($0)'" }.joined(separator: " and "))"
                )
            } else if places.isEmpty {
                report(
                    node.path,
                    "an auth scheme of kind 'apiKey' needs 'header', 'query' or 'cookie': the header, query item or cookie that carries the key"
                )
            } else if let value = nonEmptyString(members[places[0]]) {
                switch places[0] {
                case "header": kind = .apiKeyHeader(name: value)
                case "query": kind = .apiKeyQuery(name: value)
                default: kind = .apiKeyCookie(name: value)
                }
            }
        case "oauth2":
            if let flowNodes = array(members["flows"]) {
                let flows = flowNodes.compactMap(oauthFlow)
                if flowNodes.isEmpty {
                    report(members["flows"]?.path ?? node.path, "an oauth2 scheme needs at least one flow")
                }
                if flows.count == flowNodes.count, !flows.isEmpty { kind = .oauth2(flows: flows) }
            } else if members["flows"] == nil {
                report(node.path, "an auth scheme of kind 'oauth2' needs 'flows'")
            }
        case "openIdConnect":
            if let url = nonEmptyString(members["openIdConnectUrl"]) {
                kind = .openIdConnect(url: url)
            } else if members["openIdConnectUrl"] == nil {
                report(
                    node.path, "an auth scheme of kind 'openIdConnect' needs 'openIdConnectUrl': its discovery document"
                )
            }
        case let other?:
            report(
                members["kind"]?.path ?? node.path,
                "unknown auth kind '\(other)'\(Suggest.didYouMean(other, Self.authKinds)); expected 'bearer', 'basic', 'apiKey', 'oauth2' or 'openIdConnect'"
            )
        case nil: break
        }
        guard let name, let kind else { return nil }
        return AuthScheme(name: name, kind: kind, doc: doc)
    }

    /// One flow of an `oauth2` scheme; the URLs each kind of flow needs, as OpenAPI requires them.
    func oauthFlow(_ node: Node) -> OAuthFlow? {
        guard
            let members = object(
                node, what: "an OAuth 2 flow", required: ["kind"],
                optional: ["authorizationUrl", "tokenUrl", "refreshUrl", "scopes"])
        else { return nil }
        let kindText = string(members["kind"])
        let kind = kindText.flatMap(OAuthFlow.Kind.init(rawValue:))
        if let kindText, kind == nil {
            let kinds = OAuthFlow.Kind.allCases.map(\.rawValue)
            report(
                members["kind"]?.path ?? node.path,
                "unknown OAuth 2 flow '\(kindText)'\(Suggest.didYouMean(kindText, kinds)); expected one of \(kinds.map { "'\($0)'" }.joined(separator: ", "))"
            )
        }
        var scopes: [OAuthScope] = []
        var scopesValid = true
        for scopeNode in array(members["scopes"]) ?? [] {
            guard
                let scopeMembers = object(scopeNode, what: "an OAuth 2 scope", required: ["name"], optional: ["doc"])
            else {
                scopesValid = false
                continue
            }
            if let scopeName = nonEmptyString(scopeMembers["name"]) {
                scopes.append(OAuthScope(name: scopeName, doc: docs(scopeMembers)))
            } else {
                scopesValid = false
            }
        }
        guard let kind, scopesValid else { return nil }
        let needed: [String] =
            switch kind {
            case .implicit: ["authorizationUrl"]
            case .password, .clientCredentials: ["tokenUrl"]
            case .authorizationCode: ["authorizationUrl", "tokenUrl"]
            }
        var complete = true
        for key in needed where nonEmptyString(members[key]) == nil {
            if members[key] == nil { report(node.path, "an OAuth 2 flow '\(kind.rawValue)' needs '\(key)'") }
            complete = false
        }
        if kind == .implicit, let token = members["tokenUrl"] {
            report(token.path, "'tokenUrl' does not apply to an implicit flow")
            complete = false
        }
        if kind == .password || kind == .clientCredentials, let authorization = members["authorizationUrl"] {
            report(authorization.path, "'authorizationUrl' does not apply to a \(kind.rawValue) flow")
            complete = false
        }
        guard complete else { return nil }
        return OAuthFlow(
            kind: kind, authorizationURL: string(members["authorizationUrl"]), tokenURL: string(members["tokenUrl"]),
            refreshURL: string(members["refreshUrl"]), scopes: scopes)
    }

    func typeDeclaration(_ node: Node) -> TypeDeclaration? {
        guard
            let members = object(
                node, what: "a type", required: ["name", "kind"],
                optional: [
                    "doc", "fields", "additionalProperties", "values", "unknownValues", "variants", "discriminator",
                ])
        else { return nil }
        let name = nonEmptyString(members["name"])
        let doc = docs(members)
        var kind: TypeDeclaration.Kind?
        let kindText = string(members["kind"])
        let owners: [(key: String, kind: String)] = [
            ("fields", "object"), ("additionalProperties", "object"), ("values", "enum"), ("unknownValues", "enum"),
            ("variants", "oneOf"),
            ("discriminator", "oneOf"),
        ]
        for (key, owner) in owners where kindText != nil && kindText != owner {
            if key == "variants", kindText == "anyOf" { continue }
            if let member = members[key] { report(member.path, "'\(key)' belongs to kind '\(owner)'", preferKey: true) }
        }
        switch kindText {
        case "object":
            if let fieldNodes = array(members["fields"]) {
                kind = .object(fields: fieldNodes.compactMap(field))
            } else if members["fields"] == nil {
                report(node.path, "an object type needs 'fields' (an array, possibly empty)")
            }
        case "enum":
            var keepUnknown = false
            switch string(members["unknownValues"]) {
            case nil, "fail": break
            case "keep": keepUnknown = true
            case let other?:
                report(
                    members["unknownValues"]?.path ?? node.path,
                    "unknownValues must be 'fail' (the default) or 'keep', not '\(other)'")
            }
            if let valueNodes = array(members["values"]) {
                kind = .enumeration(
                    values: EnumValue.normalized(valueNodes.compactMap(enumValue)), keepUnknown: keepUnknown)
            } else if members["values"] == nil {
                report(node.path, "an enum type needs 'values'")
            }
        case "oneOf":
            if let variantNodes = array(members["variants"]) {
                let variants = variantNodes.compactMap(oneOfVariant)
                if variants.count == variantNodes.count {
                    kind = .oneOf(variants: variants, discriminator: nonEmptyString(members["discriminator"]))
                }
            } else if members["variants"] == nil {
                report(node.path, "a oneOf type needs 'variants'")
            }
        case "anyOf":
            if let variantNodes = array(members["variants"]) {
                let variants = variantNodes.compactMap(anyOfVariant)
                if variants.count == variantNodes.count { kind = .anyOf(variants: variants) }
            } else if members["variants"] == nil {
                report(node.path, "an anyOf type needs 'variants'")
            }
        case let other?:
            report(
                members["kind"]?.path ?? node.path,
                "unknown type kind '\(other)'\(Suggest.didYouMean(other, ["object", "enum", "oneOf", "anyOf"])); expected 'object', 'enum', 'oneOf' or 'anyOf'"
            )
        case nil: break
        }
        guard let name, let kind else { return nil }
        var additionalProperties: TypeRef?
        if kindText == "object", let node = members["additionalProperties"] {
            guard let type = typeRef(node) else { return nil }
            additionalProperties = type
        }
        return TypeDeclaration(name: name, doc: doc, kind: kind, additionalProperties: additionalProperties)
    }

    func oneOfVariant(_ node: Node) -> OneOfVariant? {
        if let text = node.value as? String {
            return OneOfVariant(type: text, discriminatorValue: nil, swiftName: nil, doc: nil)
        }
        guard
            let members = object(
                node, what: "a oneOf variant", required: ["type"], optional: ["discriminatorValue", "swiftName", "doc"])
        else { return nil }
        guard let type = nonEmptyString(members["type"]) else { return nil }
        return OneOfVariant(
            type: type, discriminatorValue: string(members["discriminatorValue"]),
            swiftName: string(members["swiftName"]),
            doc: docs(members))
    }

    /// An anyOf variant: a type reference, or `{"type": …, "swiftName": …, "doc": …}` with a primitive's
    /// constraints (`minLength`, `maxLength`, `pattern`, `minimum`, `maximum`).
    func anyOfVariant(_ node: Node) -> AnyOfVariant? {
        if node.value is String {
            return typeRef(node).map { AnyOfVariant(type: $0) }
        }
        guard
            let members = object(
                node, what: "an anyOf variant", required: ["type"], optional: Self.anyOfVariantKeys),
            let typeNode = members["type"], let type = typeRef(typeNode)
        else { return nil }
        return AnyOfVariant(
            type: type, swiftName: string(members["swiftName"]), doc: docs(members), constraints: constraints(members))
    }

    func enumValue(_ node: Node) -> EnumValue? {
        if let text = node.value as? String { return EnumValue(value: text, swiftName: nil, doc: nil) }
        if let value = numericEnumValue(node, swiftName: nil, doc: nil) { return value }
        guard
            let members = object(node, what: "an enum value", required: ["value"], optional: ["swiftName", "doc"])
        else { return nil }
        guard let valueNode = members["value"] else { return nil }
        if let value = numericEnumValue(valueNode, swiftName: string(members["swiftName"]), doc: docs(members)) {
            return value
        }
        guard let value = string(valueNode) else { return nil }
        return EnumValue(value: value, swiftName: string(members["swiftName"]), doc: docs(members))
    }

    /// An integer or number enum value; `nil` for anything else (reported by the caller).
    func numericEnumValue(_ node: Node, swiftName: String?, doc: String?) -> EnumValue? {
        guard let number = node.value as? NSNumber else { return nil }
        switch JSONKind.of(node.value) {
        case .integer:
            return EnumValue(integer: number.intValue, swiftName: swiftName, doc: doc)
        case .number:
            guard number.doubleValue.isFinite else {
                report(node.path, "an enum value must be a finite number")
                return nil
            }
            return EnumValue(number: number.doubleValue, swiftName: swiftName, doc: doc)
        default: return nil
        }
    }

    func constraints(_ members: [String: Node], depth: Int = 0) -> Constraints {
        Constraints(
            minLength: integer(members["minLength"]), maxLength: integer(members["maxLength"]),
            pattern: string(members["pattern"]), minimum: number(members["minimum"]),
            maximum: number(members["maximum"]), minItems: integer(members["minItems"]),
            maxItems: integer(members["maxItems"]),
            items: elementConstraints(members["items"], "an array's items", depth: depth),
            values: elementConstraints(members["values"], "a map's values", depth: depth))
    }

    /// `items` and `values`: the constraint keys again, about each element, nested no deeper than a
    /// type reference can nest (so a hostile file cannot recurse without bound).
    func elementConstraints(_ node: Node?, _ what: String, depth: Int) -> Constraints? {
        guard let node else { return nil }
        guard depth < TypeRef.maximumNesting else {
            report(node.path, "constraints nest deeper than \(TypeRef.maximumNesting) levels: no type nests so deep")
            return nil
        }
        guard
            let members = object(
                node, what: "the constraints on \(what)", required: [], optional: Self.constraintKeys)
        else { return nil }
        return constraints(members, depth: depth + 1)
    }

    func field(_ node: Node) -> Field? {
        guard
            let members = object(
                node, what: "a field", required: ["name", "type"],
                optional: Self.fieldKeys)
        else { return nil }
        let name = nonEmptyString(members["name"])
        let type = typeRef(members["type"])
        var field = Field(
            name: name ?? "", swiftName: string(members["swiftName"]), doc: docs(members), type: type ?? .string,
            required: bool(members["required"]) ?? true, nullable: bool(members["nullable"]) ?? false,
            sensitive: bool(members["sensitive"]) ?? false, constant: members["const"].map(json),
            defaultValue: members["default"].map(json), constraints: constraints(members))
        field.deprecated = deprecation(members["deprecated"])
        field.readOnly = bool(members["readOnly"]) ?? false
        field.writeOnly = bool(members["writeOnly"]) ?? false
        guard name != nil, type != nil else { return nil }
        return field
    }

    func parameter(_ node: Node) -> Parameter? {
        guard
            let members = object(
                node, what: "a parameter", required: ["name", "in", "type"],
                optional: Self.parameterKeys)
        else { return nil }
        let name = nonEmptyString(members["name"])
        var location: ParameterLocation?
        if let text = string(members["in"]) {
            location = ParameterLocation(rawValue: text)
            if location == nil, let path = members["in"]?.path {
                let names = ParameterLocation.allCases.map(\.rawValue)
                report(
                    path,
                    "unknown parameter location '\(text)'\(Suggest.didYouMean(text, names)); expected one of \(names.joined(separator: ", "))"
                )
            }
        }
        let type = typeRef(members["type"])
        var parameter = Parameter(
            name: name ?? "", location: location ?? .query, swiftName: string(members["swiftName"]),
            doc: docs(members), type: type ?? .string, required: bool(members["required"]) ?? true,
            sensitive: bool(members["sensitive"]) ?? false, defaultValue: members["default"].map(json),
            constraints: constraints(members))
        parameter.deprecated = deprecation(members["deprecated"])
        if let text = string(members["style"]) {
            parameter.style = ParameterStyle(rawValue: text)
            if parameter.style == nil, let path = members["style"]?.path {
                let names = ParameterStyle.allCases.map(\.rawValue)
                report(
                    path,
                    "unknown parameter style '\(text)'\(Suggest.didYouMean(text, names)); expected one of \(names.joined(separator: ", "))"
                )
                return nil
            }
        }
        parameter.explode = bool(members["explode"])
        guard name != nil, location != nil, type != nil else { return nil }
        return parameter
    }

    func operation(_ node: Node) -> Operation? {
        guard
            let members = object(
                node, what: "an operation", required: ["name", "method", "path", "responses"],
                optional: ["summary", "doc", "auth", "parameters", "body", "deprecated"])
        else { return nil }
        let name = nonEmptyString(members["name"])
        let method = nonEmptyString(members["method"])
        let path = nonEmptyString(members["path"])
        var auth: [[AuthUse]] = []
        for entry in array(members["auth"]) ?? [] {
            if entry.value is String || entry.value is [String: Any] {
                if let use = authUse(entry) { auth.append([use]) }
            } else if !(entry.value is [Any]) {
                report(
                    entry.path,
                    "expected a scheme name, a scheme with scopes, or an array of them used together; found \(JSONKind.of(entry.value).article)"
                )
            } else if let group = array(entry) {
                let uses = group.compactMap(authUse)
                if group.isEmpty {
                    report(entry.path, "an auth entry that is an array lists the schemes used together")
                }
                auth.append(uses)
            }
        }
        let parameters = array(members["parameters"])?.compactMap(parameter) ?? []
        let body = members["body"].flatMap(requestBody)
        let responses = array(members["responses"])?.compactMap(response) ?? []
        guard let name, let method, let path else { return nil }
        var operation = Operation(
            name: name, method: method, path: path, summary: string(members["summary"]), doc: docs(members),
            auth: auth, parameters: parameters, body: body, responses: responses)
        operation.deprecated = deprecation(members["deprecated"])
        return operation
    }

    /// `"name"` or `{"scheme": "name", "scopes": ["read"]}`.
    func authUse(_ node: Node) -> AuthUse? {
        if node.value is String { return nonEmptyString(node).map { AuthUse(scheme: $0) } }
        guard let members = object(node, what: "an auth use", required: ["scheme"], optional: ["scopes"]) else {
            return nil
        }
        let scopeNodes = array(members["scopes"]) ?? []
        let scopes = scopeNodes.compactMap(nonEmptyString)
        guard let scheme = nonEmptyString(members["scheme"]), scopes.count == scopeNodes.count else { return nil }
        return AuthUse(scheme: scheme, scopes: scopes)
    }

    /// `"deprecated"`: `true` (deprecated, no message), `false` (not deprecated) or the message, a non-empty string.
    func deprecation(_ node: Node?) -> String? {
        guard let node else { return nil }
        if let message = node.value as? String {
            if message.isEmpty { report(node.path, "a deprecation message must not be empty; write true for none") }
            return message
        }
        guard let number = node.value as? NSNumber, type(of: number) == booleanClass else {
            report(node.path, "expected true, false or a deprecation message, found \(JSONKind.of(node.value).article)")
            return nil
        }
        return number.boolValue ? "" : nil
    }

    func requestBody(_ node: Node) -> RequestBody? {
        guard
            let members = object(
                node, what: "a request body", required: [], optional: ["type", "contentTypes", "doc", "required"])
        else { return nil }
        let type = typeRef(members["type"])
        let contentTypes = array(members["contentTypes"])?.compactMap(nonEmptyString) ?? ["application/json"]
        let required = bool(members["required"]) ?? true
        // Without `type`, a raw body: it must name its media types (checked in the checker).
        if members["type"] != nil, type == nil { return nil }
        if members["type"] == nil, members["contentTypes"] == nil {
            report(node.path, "a body without 'type' is raw bytes: list its media types in 'contentTypes'")
            return nil
        }
        return RequestBody(type: type, contentTypes: contentTypes, doc: docs(members), required: required)
    }

    func response(_ node: Node) -> Response? {
        guard
            let members = object(
                node, what: "a response", required: ["status"],
                optional: ["doc", "type", "contentTypes", "stream", "headers"])
        else { return nil }
        let status = responseStatus(members["status"])
        let type = typeRef(members["type"])
        var stream: StreamFormat?
        if let text = string(members["stream"]) {
            stream = StreamFormat(rawValue: text)
            if stream == nil, let path = members["stream"]?.path {
                let names = StreamFormat.allCases.map(\.rawValue)
                report(
                    path,
                    "unknown stream format '\(text)'\(Suggest.didYouMean(text, names)); expected one of \(names.joined(separator: ", "))"
                )
            }
        }
        if let stream, let path = members["contentTypes"]?.path {
            report(path, "a stream travels as its format's media type (\(stream.mediaType)): leave 'contentTypes' out")
        }
        if stream != nil, members["type"] == nil, let path = members["stream"]?.path {
            report(path, "a stream needs the 'type' of its events")
        }
        let contentTypes =
            stream.map { [$0.mediaType] } ?? array(members["contentTypes"])?.compactMap(nonEmptyString)
            ?? (type == nil ? [] : ["application/json"])
        guard let status else { return nil }
        if members["type"] != nil, type == nil { return nil }
        if members["stream"] != nil, stream == nil { return nil }
        var response = Response(
            status: status, doc: docs(members), type: type, contentTypes: contentTypes, stream: stream)
        response.headers = array(members["headers"])?.compactMap(responseHeader) ?? []
        return response
    }

    /// A typed response header: a header parameter without `in` and `default`, optional unless `required`.
    func responseHeader(_ node: Node) -> Parameter? {
        guard
            let members = object(
                node, what: "a response header", required: ["name", "type"],
                optional: Self.responseHeaderKeys)
        else { return nil }
        let name = nonEmptyString(members["name"])
        let type = typeRef(members["type"])
        var header = Parameter(
            name: name ?? "", location: .header, swiftName: string(members["swiftName"]), doc: docs(members),
            type: type ?? .string, required: bool(members["required"]) ?? false,
            sensitive: bool(members["sensitive"]) ?? false, constraints: constraints(members))
        header.deprecated = deprecation(members["deprecated"])
        guard name != nil, type != nil else { return nil }
        return header
    }
}

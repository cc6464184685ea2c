import APIDefinition
import Foundation

/// Converts an OpenAPI 3.0.x or 3.1.x document (JSON) into a definition that passes
/// ``DefinitionChecker/check(_:locate:)``, and says, with one located ``Warning`` each, what it
/// dropped or approximated.
///
/// The mapping, in the document's order (paths, methods within a path, properties, schemas):
///
/// - **Service.** `info.title` and `info.description` become the title and doc. The name is
///   `serviceName`, else `x-apigen-service-name`, else the UpperCamel form of the title (`API` when
///   there is none; `API` is appended when it would be a keyword). `servers[0].url` with its
///   variables' defaults is the base URL; a relative URL is put under `https://example.com`.
/// - **Security.** HTTP bearer → `bearer` (with `bearerFormat`); an API key in a header →
///   `apiKey`. Other schemes are dropped, and so is every requirement alternative that uses one.
///   Each requirement object is one alternative of schemes used together. An empty requirement
///   (`{}`, auth optional) makes the operation need no auth.
/// - **Schemas.** An object (properties, or `allOf` with an object part) → object type; a string
///   enum → enum type; a `oneOf` of objects → oneOf type (discriminator values from `mapping`, else
///   the schema's name); a `oneOf`/`anyOf` of string constants → enum type; an `anyOf` of objects →
///   one object with every alternative's fields, all optional. `additionalProperties: {schema}`
///   without properties → map `{T}`; a free-form object or a schema without a type → `json`.
///   Integer and number enums → the number type bounded by the smallest and largest value. Other
///   schemas (primitives, arrays, maps) are inlined where they are used, including `$ref`s to them.
/// - **Fields.** `required`; `nullable: true` (3.0), `type: [T, "null"]` and a `null` alternative
///   (3.1) → nullable; `format` `uuid`, `date-time`, `int32`, `int64` → those types; `minLength`
///   `maxLength` `pattern` `minimum` `maximum` `minItems` `maxItems`; exclusive bounds exactly on
///   integers and as inclusive bounds on numbers; `const` or a one-value enum → `const` on a required
///   field, else a one-value enum type; `default` on an optional field; `description` (else `title`)
///   → doc; `format: password`, and `writeOnly` on a name containing password, secret or token →
///   sensitive.
/// - **Inline types** get deterministic names: `<Parent><Property>` for a property,
///   `<Name>Item` for array items, `<Name>Value` for map values, `<Name>Variant<N>` for inline oneOf
///   alternatives, `<Operation>Body`, `<Operation><Status>Response`, `<Operation><Parameter>`, and
///   `<Key>Response`/`<Key>Body`/`<Key>` for schemas inside shared `components.responses`,
///   `requestBodies` and `parameters`. A name that is taken gets `2`, `3`, … appended.
/// - **Names.** A schema keeps its name when it is a usable Swift type name. Otherwise it becomes
///   UpperCamel (`pet-owner` → `PetOwner`), and a name that is a keyword, a type generated code uses
///   (`Error`, `Date`, `Data`, `URL`, …), a primitive (`string`, `json`) or a name apigen generates
///   (`<Service>Client`, `<Operation>Input`) gets `Model` appended (`Error` → `ErrorModel`). An
///   operation keeps its `operationId` when it makes a Swift method name; a keyword gets `Operation`
///   appended; without an operationId the name is the method and the path
///   (`GET /pets/{id}` → `getPetsByID`). Swift property, argument and case names that would
///   collide get a `swiftName`. Every rename of a name from the document is a warning.
/// - **Operations** follow the paths in document order, and each path's methods in document order.
///   TRACE, callbacks, links, webhooks, cookie parameters, array and object parameters, the
///   `default` response and status ranges (`2XX`) are dropped with a warning. Path-level
///   parameters come first; an operation-level parameter replaces the path-level one with the
///   same name and location.
/// - **Bodies.** `application/json`, `application/xml`, `application/x-www-form-urlencoded` and
///   `multipart/form-data` (`+json`, `text/xml`, `+xml` are read as JSON and XML). XML assumes the
///   dialect `{"rootElement": "root", "listItemElement": "item"}`, because OpenAPI does not
///   describe one. A form content type whose object is not flat is dropped. A body that is not a
///   declared type or an array of one is dropped (requests) or untyped (responses).
/// - **Recursion.** A field that would make a type contain itself (other than through an array or
///   a map) is typed `json`: Swift structs cannot contain themselves.
/// - **Extensions.** `x-apigen-*` (written by ``OpenAPIExporter``) restore what OpenAPI cannot say:
///   service name, XML dialect, response format parameter, Swift names, sensitive fields and
///   parameters, open enums and enum value docs. Other `x-` extensions are ignored.
/// - **Annotations without meaning for code** are ignored without a warning: `example`,
///   `examples`, `externalDocs`, `tags`, `$comment`, `info.version` and the other `info` members,
///   and unknown string formats (`date`, `email`, …), which stay `string`.
public enum OpenAPIImporter {
    /// Something the importer could not map faithfully, located by JSON pointer (`#/paths/~1pets/get/callbacks`).
    public struct Warning: Sendable, Hashable, CustomStringConvertible {
        /// Where the construct is: a JSON pointer into the OpenAPI document.
        public var pointer: String
        /// What was dropped or approximated, and what the definition says instead.
        public var message: String

        /// A warning about the construct at `pointer`.
        public init(pointer: String, message: String) {
            self.pointer = pointer
            self.message = message
        }

        public var description: String { "\(pointer): warning: \(message)" }
    }

    /// A document the importer cannot convert: not JSON, not OpenAPI 3.0 or 3.1, or a reference
    /// inside the document that does not resolve.
    public struct ImportError: Error, Sendable, CustomStringConvertible {
        /// Where the problem is: a JSON pointer into the document.
        public var pointer: String
        /// What is wrong.
        public var message: String

        /// An error about the construct at `pointer`.
        public init(pointer: String, message: String) {
            self.pointer = pointer
            self.message = message
        }

        public var description: String { "\(pointer): \(message)" }
    }

    /// Converts an OpenAPI 3.0.x or 3.1.x document (JSON) into a definition. `serviceName` overrides the
    /// name derived from info.title.
    /// - Parameters:
    ///   - data: The document's bytes (JSON).
    ///   - file: The document's path, kept as the definition's `file`.
    ///   - serviceName: The service name to use instead of the one derived from the document.
    /// - Returns: The definition, which passes the checker, and the warnings in the order the importer
    ///   meets them: security schemes, paths, schema names, schemas, then operations.
    /// - Throws: ``ImportError`` when the document is not JSON, not OpenAPI 3.0/3.1, or has a local
    ///   reference that does not resolve.
    public static func convert(_ data: Data, file: String, serviceName: String? = nil) throws(ImportError)
        -> (definition: Definition, warnings: [Warning])
    {
        let root: OrderedJSON
        do {
            root = try OrderedJSON.parse(data)
        } catch {
            throw ImportError(pointer: "#", message: "not valid JSON: \(error)")
        }
        let run = ImportRun(root: root, file: file, serviceName: serviceName)
        return try run.run()
    }
}

/// The state of one conversion: names handed out, types declared, warnings given.
private final class ImportRun {
    typealias Warning = OpenAPIImporter.Warning
    typealias ImportError = OpenAPIImporter.ImportError
    typealias Operation = APIDefinition.Operation

    /// Whether a schema becomes a declared type, and which kind.
    enum Form: Equatable {
        case object, enumeration, oneOf, other
    }

    /// What a schema says about a value where it is used: its type and the field-level details.
    struct Shape {
        var type: TypeRef = .json
        var nullable = false
        var constraints = Constraints()
        var constant: JSONValue?
        var defaultValue: JSONValue?
        /// The default of a referenced component, which applies where the value is optional.
        var inheritedDefault: JSONValue?
        var doc: String?
        var sensitive = false
        var deprecated = false
        var writeOnly = false
        var swiftName: String?
    }

    struct PendingOperation {
        var path: String
        var method: String
        var pointer: String
        var json: OrderedJSON
        var item: OrderedJSON
        var itemPointer: String
        var name = ""
    }

    static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch"]
    static let redactionMembers: Set<String> = ["description", "debugDescription", "customMirror", "redactedFields"]
    static let schemaKeywords: Set<String> = [
        "$ref", "type", "format", "description", "title", "nullable", "enum", "const", "default", "minLength",
        "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems",
        "items", "properties", "required", "additionalProperties", "allOf", "oneOf", "anyOf", "discriminator",
        "readOnly", "writeOnly", "deprecated", "example", "examples", "externalDocs", "$comment", "$schema", "$id",
        "$anchor", "$defs", "definitions", "contentMediaType", "contentEncoding",
    ]
    static let annotationKeys: Set<String> = [
        "description", "title", "nullable", "deprecated", "readOnly", "writeOnly", "example", "examples",
        "externalDocs", "$comment",
    ]

    let root: OrderedJSON
    let file: String
    let serviceNameOverride: String?
    var warnings: [Warning] = []
    var warned: Set<Warning> = []
    var fatal: ImportError?

    // Component schemas
    var schemaKeys: [String] = []
    var schemaByKey: [String: OrderedJSON] = [:]
    var componentTypeNames: [String: String] = [:]
    var componentBaseNames: [String: String] = [:]
    var componentRank: [String: Int] = [:]
    var componentForms: [String: Form] = [:]
    var componentDone: Set<String> = []
    var componentBusy: Set<String> = []
    var keyByTypeName: [String: String] = [:]
    var keyByPointer: [String: String] = [:]

    // Declared types
    var typeNamesByPointer: [String: String] = [:]
    var declaredPointers: Set<String> = []
    var declarations: [String: TypeDeclaration] = [:]
    var typeOrder: [(rank: Int, sequence: Int, name: String)] = []
    var rank = 0
    var takenTypeNames: Set<String> = []
    var generatedNames: Set<String> = []
    var usableTypeNames: [String: Bool] = [:]
    var expanding: Set<String> = []
    var fieldOrigins: [String: [String: String]] = [:]
    var discriminatorChecks: [(type: String, pointer: String)] = []

    // Service and auth
    var serviceName = ""
    var xml: XMLDialectSpec?
    var xmlFromDocument = false
    var schemeNames: [String: String] = [:]
    var droppedSchemes: Set<String> = []
    var authSchemes: [AuthScheme] = []

    init(root: OrderedJSON, file: String, serviceName: String?) {
        self.root = root
        self.file = file
        self.serviceNameOverride = serviceName
    }

    // MARK: Running

    func run() throws(ImportError) -> (definition: Definition, warnings: [Warning]) {
        guard case .object = root else {
            throw ImportError(pointer: "#", message: "an OpenAPI document is a JSON object")
        }
        try checkVersion()
        var service = try makeService()
        scanTopLevel()
        loadSecuritySchemes()
        var pending = gatherOperations()
        nameOperations(&pending)
        nameSchemas()
        for key in schemaKeys { ensure(key) }
        var operations: [Operation] = []
        for (index, item) in pending.enumerated() {
            rank = schemaKeys.count + index
            if let operation = convertOperation(item) { operations.append(operation) }
        }
        checkDiscriminators()
        breakCycles()
        renameForRecursion()
        if let fatal { throw fatal }
        service.xml = xml
        let types = typeOrder.sorted { ($0.rank, $0.sequence) < ($1.rank, $1.sequence) }.compactMap {
            declarations[$0.name]
        }
        let definition = Definition(
            file: file, formatVersion: 1, service: service, auth: authSchemes, types: types, operations: operations)
        return (definition, warnings)
    }

    func warn(_ pointer: String, _ message: String) {
        let warning = Warning(pointer: pointer, message: message)
        if warned.insert(warning).inserted { warnings.append(warning) }
    }

    func fail(_ pointer: String, _ message: String) {
        if fatal == nil { fatal = ImportError(pointer: pointer, message: message) }
    }

    // MARK: JSON pointers

    static func escape(_ token: String) -> String {
        guard token.contains(where: { $0 == "~" || $0 == "/" }) else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    static func unescape(_ token: Substring) -> String {
        guard token.contains("~") else { return String(token) }
        return token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }

    func child(_ pointer: String, _ token: String) -> String { pointer + "/" + Self.escape(token) }

    func child(_ pointer: String, _ index: Int) -> String { pointer + "/\(index)" }

    /// The key of a `#/components/schemas/<key>` reference.
    func componentKey(_ ref: String) -> String? {
        let prefix = "#/components/schemas/"
        guard ref.hasPrefix(prefix) else { return nil }
        let rest = ref.dropFirst(prefix.count)
        guard !rest.contains("/") else { return nil }
        let key = Self.unescape(rest)
        return key.removingPercentEncoding ?? key
    }

    func componentPointer(_ key: String) -> String { "#/components/schemas/" + Self.escape(key) }

    /// The value a local reference points at, and its canonical pointer.
    func resolveLocal(_ ref: String) -> (value: OrderedJSON, pointer: String)? {
        guard ref.hasPrefix("#") else { return nil }
        var fragment = String(ref.dropFirst())
        fragment = fragment.removingPercentEncoding ?? fragment
        if fragment.isEmpty { return (root, "#") }
        guard fragment.hasPrefix("/") else { return nil }
        var node = root
        var pointer = "#"
        for token in fragment.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let key = Self.unescape(token)
            switch node {
            case .object(let members):
                guard let member = members.first(where: { $0.key == key }) else { return nil }
                node = member.value
            case .array(let values):
                guard let index = Int(key), values.indices.contains(index) else { return nil }
                node = values[index]
            default: return nil
            }
            pointer = child(pointer, key)
        }
        return (node, pointer)
    }

    /// Follows a `$ref` (one level) where a component other than a schema is expected.
    func dereference(_ value: OrderedJSON, at pointer: String) -> (value: OrderedJSON, pointer: String, key: String?)? {
        guard let ref = value["$ref"]?.stringValue else { return (value, pointer, nil) }
        guard ref.hasPrefix("#") else {
            warn(pointer, "the external reference '\(ref)' is not followed; dropped")
            return nil
        }
        guard let target = resolveLocal(ref) else {
            fail(pointer, "the reference '\(ref)' does not resolve")
            return nil
        }
        let key = ref.split(separator: "/").last.map { Self.unescape($0) }
        if target.value["$ref"] != nil { return dereference(target.value, at: target.pointer) }
        return (target.value, target.pointer, key)
    }

    // MARK: Document and service

    func checkVersion() throws(ImportError) {
        guard let version = root["openapi"]?.stringValue else {
            if root["swagger"] != nil {
                throw ImportError(
                    pointer: "#/swagger",
                    message: "Swagger 2.0 documents are not supported; convert the document to OpenAPI 3 first")
            }
            throw ImportError(pointer: "#", message: "not an OpenAPI document: 'openapi' is missing")
        }
        guard version.hasPrefix("3.0.") || version.hasPrefix("3.1.") || version == "3.0" || version == "3.1" else {
            throw ImportError(
                pointer: "#/openapi", message: "OpenAPI \(version) is not supported; expected 3.0.x or 3.1.x")
        }
    }

    func makeService() throws(ImportError) -> Service {
        let info = root["info"]
        let title = info?["title"]?.stringValue
        if let name = serviceNameOverride ?? root["x-apigen-service-name"]?.stringValue {
            guard Naming.isIdentifier(name), !Naming.keywords.contains(Naming.lowerCamel(name)),
                Naming.lowerCamel(name) != "djangoREST"
            else {
                throw ImportError(pointer: "#", message: "the service name '\(name)' is not a usable Swift identifier")
            }
            serviceName = name
        } else {
            var name = Naming.upperCamel(title ?? "")
            if title == nil || Naming.words(title ?? "").isEmpty || !Naming.isIdentifier(name) {
                name = "API"
                warn("#/info/title", "the title gives no service name; the service is named 'API'")
            }
            if Naming.keywords.contains(Naming.lowerCamel(name)) || Naming.lowerCamel(name) == "djangoREST" {
                name += "API"
            }
            serviceName = name
        }
        if let dialect = root["x-apigen-xml"], let rootElement = dialect["rootElement"]?.stringValue,
            let item = dialect["listItemElement"]?.stringValue
        {
            xml = XMLDialectSpec(
                rootElement: rootElement, listItemElement: item, trueText: dialect["trueText"]?.stringValue ?? "true",
                falseText: dialect["falseText"]?.stringValue ?? "false")
            xmlFromDocument = true
        }
        generatedNames = ["\(serviceName)Client", "\(serviceName)Handler", "\(serviceName)Credentials"]
        return Service(
            name: serviceName, title: title, doc: nonEmpty(info?["description"]?.stringValue), baseURL: baseURL(),
            responseFormatParameter: root["x-apigen-response-format-parameter"]?.stringValue)
    }

    func baseURL() -> String {
        let fallback = "https://example.com"
        let servers = root["servers"]?.arrayValue ?? []
        guard let first = servers.first, let original = first["url"]?.stringValue else {
            warn("#", "the document names no server; the base URL is \(fallback) (set service.baseURL)")
            return fallback
        }
        if servers.count > 1 {
            warn("#/servers", "only the first of \(servers.count) servers is used")
        }
        var url = original
        for variable in first["variables"]?.members ?? [] {
            if let value = variable.value["default"]?.stringValue {
                url = url.replacingOccurrences(of: "{\(variable.key)}", with: value)
            }
        }
        while url.hasSuffix("/") { url.removeLast() }
        if let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), ["http", "https"].contains(scheme),
            parsed.host != nil, !url.contains("{")
        {
            return url
        }
        if !url.contains(":"), !url.contains("{") {
            let path = url.isEmpty || url.hasPrefix("/") ? url : "/" + url
            warn(
                "#/servers/0/url",
                "the server URL '\(original)' is relative; the base URL is \(fallback)\(path) (set service.baseURL)")
            return fallback + path
        }
        warn(
            "#/servers/0/url",
            "the server URL '\(original)' is not an absolute http or https URL; the base URL is \(fallback) (set service.baseURL)"
        )
        return fallback
    }

    func scanTopLevel() {
        for member in root.members ?? [] {
            switch member.key {
            case "openapi", "info", "servers", "paths", "components", "security", "tags", "externalDocs":
                continue
            case "webhooks":
                warn("#/webhooks", "webhooks are not supported; dropped")
            case "jsonSchemaDialect":
                if member.value.stringValue?.contains("spec.openapis.org/oas/3.1/dialect") != true {
                    warn("#/jsonSchemaDialect", "schemas are read as OpenAPI 3.1 schemas; the dialect is ignored")
                }
            default:
                if !member.key.hasPrefix("x-") {
                    warn(child("#", member.key), "'\(member.key)' is not an OpenAPI key; ignored")
                }
            }
        }
    }

    // MARK: Security

    func loadSecuritySchemes() {
        var taken: Set<String> = []
        for (index, member) in (root["components"]?["securitySchemes"]?.members ?? []).enumerated() {
            let key = member.key
            guard
                case let (scheme, pointer, _)? = dereference(
                    member.value, at: child("#/components/securitySchemes", key))
            else {
                droppedSchemes.insert(key)
                continue
            }
            var kind: AuthScheme.Kind?
            let type = scheme["type"]?.stringValue ?? ""
            switch type {
            case "http":
                let name = (scheme["scheme"]?.stringValue ?? "").lowercased()
                if name == "bearer" {
                    kind = .bearer(format: scheme["bearerFormat"]?.stringValue)
                } else {
                    warn(pointer, "HTTP \(name) authentication is not supported; the scheme '\(key)' is dropped")
                }
            case "apiKey":
                let location = scheme["in"]?.stringValue ?? ""
                if location == "header", let header = scheme["name"]?.stringValue, !header.isEmpty {
                    kind = .apiKeyHeader(name: header)
                } else {
                    warn(
                        pointer,
                        "API keys in the \(location) are not supported (only in a header); the scheme '\(key)' is dropped"
                    )
                }
            default:
                warn(pointer, "\(type) security schemes are not supported; the scheme '\(key)' is dropped")
            }
            guard let kind else {
                droppedSchemes.insert(key)
                continue
            }
            var name = key
            var reason: String?
            if Naming.words(key).isEmpty {
                name = "scheme\(index + 1)"
                reason = "'\(key)' has no letters or digits"
            } else if Naming.keywords.contains(Naming.lowerCamel(key))
                || Self.redactionMembers.contains(Naming.lowerCamel(key))
            {
                name = Naming.lowerCamel(key) + "Auth"
                reason = "'\(key)' clashes with a member of the generated credentials"
            }
            if taken.contains(Naming.lowerCamel(name)) {
                let base = name
                var number = 2
                while taken.contains(Naming.lowerCamel("\(base)\(number)")) { number += 1 }
                name = "\(base)\(number)"
                reason = "another scheme has the same Swift name"
            }
            taken.insert(Naming.lowerCamel(name))
            if let reason { warn(pointer, "the security scheme '\(key)' is named '\(name)': \(reason)") }
            schemeNames[key] = name
            authSchemes.append(AuthScheme(name: name, kind: kind, doc: nonEmpty(scheme["description"]?.stringValue)))
        }
    }

    /// The auth alternatives of a `security` array.
    func auth(_ requirements: OrderedJSON, at pointer: String) -> [[String]] {
        guard let list = requirements.arrayValue else {
            warn(pointer, "'security' must be an array; ignored")
            return []
        }
        var alternatives: [[String]] = []
        var optional = false
        for (index, requirement) in list.enumerated() {
            let requirementPointer = child(pointer, index)
            let members = requirement.members ?? []
            if members.isEmpty {
                optional = true
                continue
            }
            var names: [String] = []
            var usable = true
            for member in members {
                if let name = schemeNames[member.key] {
                    names.append(name)
                    if let scopes = member.value.arrayValue, !scopes.isEmpty {
                        warn(
                            child(requirementPointer, member.key),
                            "scopes or roles cannot be expressed; only the scheme is required")
                    }
                } else if droppedSchemes.contains(member.key) {
                    warn(
                        requirementPointer,
                        "this alternative uses '\(member.key)', which is not supported; the alternative is dropped")
                    usable = false
                } else {
                    warn(
                        requirementPointer,
                        "the security scheme '\(member.key)' is not declared; the alternative is dropped")
                    usable = false
                }
            }
            if usable, !alternatives.contains(names) { alternatives.append(names) }
        }
        if optional {
            warn(
                pointer,
                "an empty security requirement makes auth optional, which cannot be expressed; the operation needs no auth"
            )
            return []
        }
        return alternatives
    }

    // MARK: Names

    /// Whether the checker accepts `name` as a type name (asked of the checker itself, so that the
    /// rule cannot drift: its reserved names are not public).
    func isUsableTypeName(_ name: String) -> Bool {
        if let known = usableTypeNames[name] { return known }
        let probe = Definition(
            file: "", formatVersion: 1,
            service: Service(name: "ImportProbe", title: nil, doc: nil, baseURL: "https://example.com"), auth: [],
            types: [TypeDeclaration(name: name, doc: nil, kind: .object(fields: []))], operations: [])
        let usable = !DefinitionChecker.check(probe).contains { $0.path == "types[0].name" }
        usableTypeNames[name] = usable
        return usable
    }

    /// A new, unique, usable type name for `raw`, and why it differs from `raw`.
    func newTypeName(_ raw: String) -> (name: String, reason: String?) {
        var name = raw
        var reason: String?
        if !Naming.isIdentifier(raw) || Naming.words(raw).isEmpty {
            name = Naming.upperCamel(raw)
            if Naming.words(raw).isEmpty || !Naming.isIdentifier(name) { name = "Schema" }
            reason = "'\(raw)' is not a Swift identifier"
        }
        while !isUsableTypeName(name) || generatedNames.contains(Naming.type(name)) {
            if reason == nil {
                if Naming.keywords.contains(name) {
                    reason = "'\(raw)' is a Swift keyword"
                } else if generatedNames.contains(Naming.type(name)) {
                    reason = "'\(raw)' is a name apigen generates"
                } else if TypeRef.parse(name) != .named(name) {
                    reason = "'\(raw)' is a primitive type name"
                } else {
                    reason = "'\(raw)' would shadow a type generated code uses"
                }
            }
            name = Naming.upperCamel(name) + "Model"
        }
        // Names are unique as Swift spells them: 'repository' and 'Repository' are one.
        if takenTypeNames.contains(Naming.type(name)) {
            var number = 2
            while takenTypeNames.contains(Naming.type("\(name)\(number)")) { number += 1 }
            name = "\(name)\(number)"
            reason = reason ?? "another type is already named '\(raw)'"
        }
        takenTypeNames.insert(Naming.type(name))
        return (name, reason)
    }

    func nameSchemas() {
        for member in root["components"]?["schemas"]?.members ?? [] where schemaByKey[member.key] == nil {
            schemaKeys.append(member.key)
            schemaByKey[member.key] = member.value
            keyByPointer[componentPointer(member.key)] = member.key
        }
        for (index, key) in schemaKeys.enumerated() {
            componentRank[key] = index
            let pointer = componentPointer(key)
            if componentForm(key) == .other {
                componentBaseNames[key] = Naming.isIdentifier(key) ? key : Naming.upperCamel(key)
                continue
            }
            let (name, reason) = newTypeName(key)
            if let reason { warn(pointer, "the schema '\(key)' is named '\(name)': \(reason)") }
            componentTypeNames[key] = name
            componentBaseNames[key] = name
            keyByTypeName[name] = key
            typeNamesByPointer[pointer] = name
        }
    }

    /// The form of a component schema, computed once (a schema that refers to itself while its form
    /// is being decided counts as not an object there).
    func componentForm(_ key: String) -> Form {
        if let known = componentForms[key] { return known }
        guard let schema = schemaByKey[key] else { return .other }
        componentForms[key] = .other
        let computed = form(of: schema, component: true)
        componentForms[key] = computed
        return computed
    }

    // MARK: Operations

    func gatherOperations() -> [PendingOperation] {
        var pending: [PendingOperation] = []
        for member in root["paths"]?.members ?? [] {
            let path = member.key
            guard case let (item, itemPointer, _)? = dereference(member.value, at: child("#/paths", path)) else {
                continue
            }
            guard path.hasPrefix("/") else {
                warn(itemPointer, "a path must start with '/'; dropped")
                continue
            }
            for entry in item.members ?? [] {
                let pointer = child(itemPointer, entry.key)
                if Self.methods.contains(entry.key) {
                    pending.append(
                        PendingOperation(
                            path: path, method: entry.key.uppercased(), pointer: pointer, json: entry.value, item: item,
                            itemPointer: itemPointer))
                    continue
                }
                switch entry.key {
                case "summary", "description", "parameters", "$ref": continue
                case "trace": warn(pointer, "TRACE operations are not supported; dropped")
                case "servers":
                    warn(pointer, "path-level servers are not supported; the service's base URL is used")
                default:
                    if !entry.key.hasPrefix("x-") { warn(pointer, "'\(entry.key)' is not a path item key; ignored") }
                }
            }
        }
        return pending
    }

    func nameOperations(_ pending: inout [PendingOperation]) {
        var taken: Set<String> = []
        for index in pending.indices {
            let item = pending[index]
            let id = item.json["operationId"]?.stringValue ?? ""
            var name: String
            var reason: String?
            if !Naming.words(id).isEmpty, Naming.isIdentifier(Naming.lowerCamel(id)) {
                name = id
                if Naming.keywords.contains(Naming.lowerCamel(id)) {
                    name = Naming.lowerCamel(id) + "Operation"
                    reason = "'\(id)' is a Swift keyword"
                } else if let owner = ReservedNames.clash(Naming.lowerCamel(id), in: ReservedNames.serviceMembers) {
                    name = Naming.lowerCamel(id) + "Operation"
                    reason = "it clashes with \(owner)"
                }
            } else {
                var words = [item.method.lowercased()]
                for segment in item.path.split(separator: "/") {
                    if segment.hasPrefix("{"), segment.hasSuffix("}") {
                        words += ["by", String(segment.dropFirst().dropLast())]
                    } else {
                        words.append(String(segment))
                    }
                }
                name = Naming.lowerCamel(words.joined(separator: "_"))
                reason = id.isEmpty ? nil : "'\(id)' cannot be made a Swift method name"
                if id.isEmpty { warn(item.pointer, "the operation has no operationId; it is named '\(name)'") }
            }
            if taken.contains(Naming.lowerCamel(name)) {
                let base = name
                var number = 2
                while taken.contains(Naming.lowerCamel("\(base)\(number)")) { number += 1 }
                name = "\(base)\(number)"
                reason = "another operation has the same Swift name"
            }
            taken.insert(Naming.lowerCamel(name))
            if let reason {
                warn(child(item.pointer, "operationId"), "the operation '\(id)' is named '\(name)': \(reason)")
            }
            pending[index].name = name
            generatedNames.insert(Naming.upperCamel(name) + "Input")
            generatedNames.insert(Naming.upperCamel(name) + "Output")
        }
    }

    func convertOperation(_ item: PendingOperation) -> Operation? {
        let json = item.json
        let pointer = item.pointer
        let upper = Naming.upperCamel(item.name)
        guard json.members != nil else {
            warn(pointer, "an operation must be an object; dropped")
            return nil
        }
        for member in json.members ?? [] {
            switch member.key {
            case "operationId", "summary", "description", "parameters", "requestBody", "responses", "security",
                "deprecated", "tags", "externalDocs":
                continue
            case "callbacks": warn(child(pointer, "callbacks"), "callbacks are not supported; dropped")
            case "servers":
                warn(
                    child(pointer, "servers"),
                    "operation-level servers are not supported; the service's base URL is used")
            default:
                if !member.key.hasPrefix("x-") {
                    warn(child(pointer, member.key), "'\(member.key)' is not an operation key; ignored")
                }
            }
        }
        let template = Self.templateNames(item.path)
        guard Set(template).count == template.count else {
            warn(pointer, "the path template repeats a parameter name; the operation is dropped")
            return nil
        }
        var doc = nonEmpty(json["description"]?.stringValue) ?? nonEmpty(item.item["description"]?.stringValue)
        let summary = nonEmpty(json["summary"]?.stringValue) ?? nonEmpty(item.item["summary"]?.stringValue)
        if json["deprecated"]?.boolValue == true {
            doc = Self.paragraphs(doc, "Deprecated.")
            warn(child(pointer, "deprecated"), "deprecated is only noted in the doc comment")
        }
        var body: RequestBody?
        if let requestBody = json["requestBody"] {
            if item.method == "GET" || item.method == "HEAD" {
                warn(child(pointer, "requestBody"), "a \(item.method) request has no body in a definition; dropped")
            } else {
                body = self.requestBody(requestBody, at: child(pointer, "requestBody"), upper: upper)
            }
        }
        let parameters = self.parameters(item, upper: upper, hasBody: body != nil)
        var responses = self.responses(json["responses"], at: child(pointer, "responses"), upper: upper)
        if responses.isEmpty {
            warn(
                child(pointer, "responses"),
                "no response with a numeric status remains; an untyped 200 response is documented")
            responses = [Response(status: 200, doc: nil, type: nil, contentTypes: [])]
        }
        let auth: [[String]]
        if let security = json["security"] {
            auth = self.auth(security, at: child(pointer, "security"))
        } else if let security = root["security"] {
            auth = self.auth(security, at: "#/security")
        } else {
            auth = []
        }
        return Operation(
            name: item.name, method: item.method, path: item.path, summary: summary, doc: doc, auth: auth,
            parameters: parameters, body: body, responses: responses)
    }

    static func templateNames(_ path: String) -> [String] { Operation.templateParameters(in: path) }

    // MARK: Parameters

    func parameters(_ item: PendingOperation, upper: String, hasBody: Bool) -> [Parameter] {
        typealias Entry = (json: OrderedJSON, pointer: String, base: String?)
        func collect(_ list: OrderedJSON?, at pointer: String) -> [Entry] {
            guard let list else { return [] }
            guard let values = list.arrayValue else {
                warn(pointer, "'parameters' must be an array; ignored")
                return []
            }
            var entries: [Entry] = []
            for (index, value) in values.enumerated() {
                let isComponent = value["$ref"]?.stringValue?.hasPrefix("#/components/parameters/") == true
                guard case let (json, resolved, key)? = dereference(value, at: child(pointer, index)) else { continue }
                entries.append((json, resolved, isComponent ? key.map(Naming.upperCamel) : nil))
            }
            return entries
        }
        func same(_ a: Entry, _ b: Entry) -> Bool {
            a.json["name"] == b.json["name"] && a.json["in"] == b.json["in"]
        }
        var merged = collect(item.item["parameters"], at: child(item.itemPointer, "parameters"))
        for entry in collect(item.json["parameters"], at: child(item.pointer, "parameters")) {
            if let index = merged.firstIndex(where: { same($0, entry) }) {
                merged[index] = entry
            } else {
                merged.append(entry)
            }
        }
        let template = Self.templateNames(item.path)
        var result: [(parameter: Parameter, pointer: String)] = []
        for entry in merged {
            let name = entry.json["name"]?.stringValue ?? ""
            guard
                let parameter = convertParameter(
                    entry.json, at: entry.pointer, base: entry.base ?? upper + Naming.upperCamel(name))
            else { continue }
            if parameter.location == .path, !template.contains(parameter.name) {
                warn(
                    entry.pointer,
                    "the path parameter '\(parameter.name)' does not appear in the path '\(item.path)'; dropped")
                continue
            }
            if parameter.location == .header,
                result.contains(where: {
                    $0.parameter.location == .header && $0.parameter.name.lowercased() == parameter.name.lowercased()
                })
            {
                warn(entry.pointer, "the header '\(parameter.name)' is already a parameter; dropped")
                continue
            }
            result.append((parameter, entry.pointer))
        }
        for name in template
        where !result.contains(where: { $0.parameter.location == .path && $0.parameter.name == name }) {
            warn(item.pointer, "the path uses '{\(name)}' but declares no such path parameter; it is added as a string")
            result.append((Parameter(name: name, location: .path, type: .string), item.pointer))
        }
        var parameters = result.map(\.parameter)
        var taken: Set<String> = hasBody ? ["body"] : []
        let sensitive = parameters.contains(where: \.sensitive)
        for index in parameters.indices {
            let parameter = parameters[index]
            var swift = Naming.parameter(parameter)
            var reason: String?
            if !Naming.isIdentifier(swift) || swift.allSatisfy({ $0 == "_" }) {
                swift = Naming.lowerCamel("\(parameter.location.rawValue) parameter")
                reason = "'\(parameter.name)' has no letters or digits"
            }
            if sensitive, Self.redactionMembers.contains(swift) {
                swift += "Value"
                reason = "it clashes with the redaction code generated for sensitive parameters"
            }
            if let owner = ReservedNames.clash(swift, in: ReservedNames.structMembers)
                ?? (swift == Naming.lowerCamel(item.name) ? "the operation's method name" : nil)
                ?? ReservedNames.clash(swift, in: ReservedNames.inputMembers)
            {
                swift = Naming.lowerCamel("\(parameter.location.rawValue)_\(parameter.name)")
                reason = "it clashes with \(owner)"
            }
            if taken.contains(swift) {
                swift = Naming.lowerCamel("\(parameter.location.rawValue)_\(parameter.name)")
                let base = swift
                var number = 2
                while taken.contains(swift) {
                    swift = "\(base)\(number)"
                    number += 1
                }
                reason = "another parameter\(hasBody ? " or the body" : "") has the same Swift name"
            }
            taken.insert(swift)
            if let reason {
                parameters[index].swiftName = swift
                warn(result[index].pointer, "the parameter '\(parameter.name)' is '\(swift)' in Swift: \(reason)")
            }
        }
        return parameters
    }

    func convertParameter(_ json: OrderedJSON, at pointer: String, base: String) -> Parameter? {
        guard let name = json["name"]?.stringValue, !name.isEmpty, let place = json["in"]?.stringValue else {
            warn(pointer, "a parameter needs 'name' and 'in'; dropped")
            return nil
        }
        let location: ParameterLocation
        switch place {
        case "path": location = .path
        case "query": location = .query
        case "header": location = .header
        case "cookie":
            warn(pointer, "cookie parameters are not supported; '\(name)' is dropped")
            return nil
        default:
            warn(pointer, "parameters in '\(place)' are not supported; '\(name)' is dropped")
            return nil
        }
        if location == .header, ["accept", "content-type", "authorization"].contains(name.lowercased()) {
            warn(
                pointer,
                "OpenAPI ignores header parameters named Accept, Content-Type and Authorization; '\(name)' is dropped")
            return nil
        }
        for member in json.members ?? [] {
            switch member.key {
            case "name", "in", "description", "required", "deprecated", "schema", "content", "example", "examples",
                "explode":
                continue
            case "style":
                let expected = location == .query ? "form" : "simple"
                if let style = member.value.stringValue, style != expected {
                    warn(
                        child(pointer, "style"),
                        "the style '\(style)' is not supported; the value is sent in the style '\(expected)'")
                }
            case "allowReserved", "allowEmptyValue":
                if member.value.boolValue == true {
                    warn(child(pointer, member.key), "'\(member.key)' cannot be expressed; ignored")
                }
            default:
                if !member.key.hasPrefix("x-") {
                    warn(child(pointer, member.key), "'\(member.key)' is not a parameter key; ignored")
                }
            }
        }
        func unusable(_ problem: String) -> Shape? {
            if location == .path {
                warn(pointer, "\(problem); the path parameter '\(name)' is typed as a string")
                return Shape(type: .string)
            }
            warn(pointer, "\(problem); '\(name)' is dropped")
            return nil
        }
        var shape: Shape
        if let schema = json["schema"] {
            let schemaPointer = child(pointer, "schema")
            let target = followReferences(schema)
            let types = typeList(target)
            if types.contains("array") || (types.isEmpty && target["items"] != nil) {
                guard let fallback = unusable("array parameters are not supported yet") else { return nil }
                shape = fallback
            } else if types.contains("object") || isObjectLike(schema) || formOfReferenced(schema) == .oneOf {
                guard let fallback = unusable("object parameters are not supported") else { return nil }
                shape = fallback
            } else {
                shape = self.shape(schema, at: schemaPointer, name: base, allowsConst: false)
                var problem: String?
                switch shape.type {
                case .array: problem = "array parameters are not supported yet"
                case .map, .json: problem = "free-form parameters are not supported"
                case .named(let type):
                    if case .enumeration? = declaration(type)?.kind {
                    } else {
                        problem = "object parameters are not supported"
                    }
                default: break
                }
                if let problem {
                    guard let fallback = unusable(problem) else { return nil }
                    shape = fallback
                }
                if shape.nullable {
                    warn(schemaPointer, "a nullable parameter cannot be expressed; the parameter is not nullable")
                }
            }
        } else {
            let problem =
                json["content"] != nil
                ? "parameters described by 'content' are not supported" : "the parameter has no schema"
            guard let fallback = unusable(problem) else { return nil }
            shape = fallback
        }
        var required = json["required"]?.boolValue ?? false
        if location == .path, !required {
            warn(child(pointer, "required"), "path parameters are always required")
            required = true
        }
        var defaultValue: JSONValue?
        if let value = shape.defaultValue ?? (required ? nil : shape.inheritedDefault) {
            if required {
                warn(child(pointer, "schema"), "a required parameter's default is never used; dropped")
            } else if fits(value, shape.type, shape.constraints) {
                defaultValue = value
            } else {
                warn(child(pointer, "schema"), "the default \(value) does not fit the type '\(shape.type)'; dropped")
            }
        }
        var doc = nonEmpty(json["description"]?.stringValue) ?? shape.doc
        if json["deprecated"]?.boolValue == true || shape.deprecated {
            doc = Self.paragraphs(doc, "Deprecated.")
            if json["deprecated"]?.boolValue == true {
                warn(child(pointer, "deprecated"), "deprecated is only noted in the doc comment")
            }
        }
        return Parameter(
            name: name, location: location, swiftName: json["x-apigen-swift-name"]?.stringValue, doc: doc,
            type: shape.type, required: required,
            sensitive: shape.sensitive || json["x-apigen-sensitive"]?.boolValue == true, defaultValue: defaultValue,
            constraints: shape.constraints)
    }

    // MARK: Bodies and responses

    enum MediaKind {
        case json, xml, form, multipart

        var contentType: String {
            switch self {
            case .json: MediaTypes.json
            case .xml: MediaTypes.xml
            case .form: MediaTypes.formURLEncoded
            case .multipart: MediaTypes.multipart
            }
        }
    }

    /// How apigen can read a media type, and whether it is exactly that type (parameters aside).
    static func mediaKind(_ raw: String) -> (kind: MediaKind, exact: Bool)? {
        let essence = raw.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch essence {
        case MediaTypes.json: return (.json, true)
        case MediaTypes.xml: return (.xml, true)
        case MediaTypes.formURLEncoded: return (.form, true)
        case MediaTypes.multipart: return (.multipart, true)
        case "text/xml": return (.xml, false)
        default:
            if essence.hasSuffix("+json") { return (.json, false) }
            if essence.hasSuffix("+xml") { return (.xml, false) }
            return nil
        }
    }

    func ensureXML(_ pointer: String) {
        guard xml == nil else { return }
        xml = XMLDialectSpec(rootElement: "root", listItemElement: "item", trueText: "true", falseText: "false")
        warn(
            pointer,
            "OpenAPI does not say how the API writes XML; the definition assumes the root element 'root' and list items 'item' (check service.xml)"
        )
    }

    static func isPayload(_ type: TypeRef) -> Bool {
        switch type {
        case .named, .array(.named): true
        default: false
        }
    }

    /// A suffix added to a component's name unless the name already ends with it.
    static func suffixed(_ name: String, _ suffix: String) -> String {
        name.hasSuffix(suffix) ? name : name + suffix
    }

    func requestBody(_ value: OrderedJSON, at pointer: String, upper: String) -> RequestBody? {
        let isComponent = value["$ref"]?.stringValue?.hasPrefix("#/components/requestBodies/") == true
        guard case let (body, bodyPointer, key)? = dereference(value, at: pointer) else { return nil }
        let base = isComponent ? Self.suffixed(Naming.upperCamel(key ?? ""), "Body") : upper + "Body"
        var primary: (schema: OrderedJSON, pointer: String)?
        var contentTypes: [String] = []
        var pointers: [String: String] = [:]
        let content = body["content"]?.members ?? []
        for member in content {
            let mediaPointer = child(child(bodyPointer, "content"), member.key)
            guard case let (kind, exact)? = Self.mediaKind(member.key) else {
                warn(mediaPointer, "request bodies of type '\(member.key)' are not supported; dropped")
                continue
            }
            guard let schema = member.value["schema"] else {
                warn(mediaPointer, "a request body without a schema cannot be typed; '\(member.key)' is dropped")
                continue
            }
            if !exact { warn(mediaPointer, "'\(member.key)' is sent as \(kind.contentType)") }
            if let primary {
                if comparable(schema) != comparable(primary.schema) {
                    warn(
                        child(mediaPointer, "schema"),
                        "the schema differs from the first content type's; the first one is used")
                }
            } else {
                primary = (schema, child(mediaPointer, "schema"))
            }
            if member.value["encoding"] != nil {
                warn(child(mediaPointer, "encoding"), "'encoding' cannot be expressed; ignored")
            }
            if !contentTypes.contains(kind.contentType) {
                contentTypes.append(kind.contentType)
                pointers[kind.contentType] = mediaPointer
            }
        }
        guard let primary else {
            if content.isEmpty { warn(bodyPointer, "a request body without content cannot be typed; dropped") }
            return nil
        }
        let shape = self.shape(primary.schema, at: primary.pointer, name: base, allowsConst: false)
        guard Self.isPayload(shape.type) else {
            warn(
                primary.pointer,
                "a request body must be a declared type (object, enum, oneOf) or an array of one, not '\(shape.type)'; the body is dropped"
            )
            return nil
        }
        if shape.nullable { warn(primary.pointer, "a null body cannot be expressed; the body is not nullable") }
        if !shape.constraints.isEmpty {
            warn(primary.pointer, "constraints on a whole body cannot be expressed; dropped")
        }
        contentTypes = contentTypes.filter { contentType in
            guard contentType == MediaTypes.formURLEncoded || contentType == MediaTypes.multipart else { return true }
            guard let problem = formProblem(shape.type) else { return true }
            warn(
                pointers[contentType] ?? primary.pointer,
                "a form body holds flat values, but \(problem); '\(contentType)' is dropped")
            return false
        }
        guard !contentTypes.isEmpty else {
            warn(bodyPointer, "no content type of the request body remains; the body is dropped")
            return nil
        }
        if contentTypes.contains(MediaTypes.xml) { ensureXML(pointers[MediaTypes.xml] ?? bodyPointer) }
        if body["required"]?.boolValue != true {
            warn(bodyPointer, "optional request bodies cannot be expressed; the body is required")
        }
        return RequestBody(
            type: shape.type, contentTypes: contentTypes, doc: nonEmpty(body["description"]?.stringValue))
    }

    /// Why `type` cannot be a form body, or nil when it can.
    func formProblem(_ type: TypeRef) -> String? {
        guard case .named(let name) = type, case .object(let fields)? = declaration(name)?.kind else {
            return "'\(type)' is not an object"
        }
        for field in fields {
            if case .map = field.type { return "the field '\(field.name)' of '\(name)' is a map" }
            if field.type.element == .json { return "the field '\(field.name)' of '\(name)' is any JSON" }
            if case .named(let nested) = field.type.element {
                if case .enumeration? = declaration(nested)?.kind { continue }
                return "the field '\(field.name)' of '\(name)' is an object or a oneOf"
            }
        }
        return nil
    }

    /// A schema without what only names XML elements, and with a one-part `allOf` unwrapped: two
    /// content types whose schemas compare equal this way describe the same value.
    func comparable(_ schema: OrderedJSON) -> OrderedJSON {
        switch schema {
        case .object(let members):
            let kept = members.filter { $0.key != "xml" }
            if kept.count == 1, kept[0].key == "allOf", let parts = kept[0].value.arrayValue, parts.count == 1 {
                return comparable(parts[0])
            }
            return .object(kept.map { OrderedJSON.Member($0.key, comparable($0.value)) })
        case .array(let values): return .array(values.map(comparable))
        default: return schema
        }
    }

    /// Whether a schema can become a declared type or an array of one, judged without converting it.
    func payloadCandidate(_ schema: OrderedJSON, depth: Int = 0) -> Bool {
        guard depth < 16 else { return false }
        if let ref = schema["$ref"]?.stringValue {
            if let key = componentKey(ref), componentTypeNames[key] != nil { return true }
            guard let target = resolveLocal(ref) else { return true }  // reported when converted
            return payloadCandidate(target.value, depth: depth + 1)
        }
        if form(of: schema, component: false) != .other { return true }
        if let part = wrappedPart(schema) { return payloadCandidate(part.value, depth: depth + 1) }
        if typeList(schema) == ["array"], let items = schema["items"] {
            let target = followReferences(items)
            return !typeList(target).contains("array") && payloadCandidate(items, depth: depth + 1)
        }
        return false
    }

    func responses(_ value: OrderedJSON?, at pointer: String, upper: String) -> [Response] {
        var result: [Response] = []
        for member in value?.members ?? [] {
            let isComponent = member.value["$ref"]?.stringValue?.hasPrefix("#/components/responses/") == true
            guard case let (response, responsePointer, key)? = dereference(member.value, at: child(pointer, member.key))
            else { continue }
            guard let status = Int(member.key), (100...599).contains(status) else {
                let entryPointer = child(pointer, member.key)
                if member.key == "default" {
                    warn(entryPointer, "the 'default' response cannot be expressed; dropped")
                } else if member.key.count == 3, member.key.uppercased().hasSuffix("XX") {
                    warn(entryPointer, "status ranges (\(member.key)) cannot be expressed; dropped")
                } else {
                    warn(entryPointer, "'\(member.key)' is not an HTTP status; dropped")
                }
                continue
            }
            let base =
                isComponent ? Self.suffixed(Naming.upperCamel(key ?? ""), "Response") : "\(upper)\(status)Response"
            var doc = nonEmpty(response["description"]?.stringValue)
            if doc == "Status \(status)." { doc = nil }
            if let headers = response["headers"]?.members, !headers.isEmpty {
                warn(child(responsePointer, "headers"), "response headers cannot be expressed; dropped")
            }
            if response["links"] != nil { warn(child(responsePointer, "links"), "links are not supported; dropped") }
            var primary: (schema: OrderedJSON, pointer: String)?
            var typedKinds: [String] = []
            var typedPointers: [String: String] = [:]
            var others: [(mediaType: String, pointer: String)] = []
            var all: [String] = []
            for content in response["content"]?.members ?? [] {
                let mediaPointer = child(child(responsePointer, "content"), content.key)
                all.append(content.key)
                guard case let (kind, exact)? = Self.mediaKind(content.key), kind == .json || kind == .xml,
                    let schema = content.value["schema"]
                else {
                    others.append((content.key, mediaPointer))
                    continue
                }
                if let primary {
                    if comparable(schema) != comparable(primary.schema) {
                        warn(
                            child(mediaPointer, "schema"),
                            "the schema differs from the first content type's; the first one is used")
                    }
                } else {
                    primary = (schema, child(mediaPointer, "schema"))
                }
                if !exact { warn(mediaPointer, "'\(content.key)' is read and written as \(kind.contentType)") }
                if !typedKinds.contains(kind.contentType) {
                    typedKinds.append(kind.contentType)
                    typedPointers[kind.contentType] = mediaPointer
                }
            }
            guard let primary else {
                result.append(Response(status: status, doc: doc, type: nil, contentTypes: all))
                continue
            }
            var type: TypeRef?
            if payloadCandidate(primary.schema) {
                let shape = self.shape(primary.schema, at: primary.pointer, name: base, allowsConst: false)
                if Self.isPayload(shape.type) {
                    type = shape.type
                    if shape.nullable {
                        warn(primary.pointer, "a null body cannot be expressed; the body is not nullable")
                    }
                    if !shape.constraints.isEmpty {
                        warn(primary.pointer, "constraints on a whole body cannot be expressed; dropped")
                    }
                }
            }
            guard let type else {
                warn(
                    primary.pointer,
                    "only declared types (objects, enums, oneOfs) and arrays of them can type a body; the response is untyped"
                )
                result.append(Response(status: status, doc: doc, type: nil, contentTypes: all))
                continue
            }
            for other in others {
                warn(
                    other.pointer, "'\(other.mediaType)' next to a typed JSON or XML body cannot be expressed; dropped")
            }
            if typedKinds.contains(MediaTypes.xml) { ensureXML(typedPointers[MediaTypes.xml] ?? responsePointer) }
            result.append(Response(status: status, doc: doc, type: type, contentTypes: typedKinds))
        }
        return result
    }

    // MARK: Schema classification

    func typeList(_ schema: OrderedJSON) -> [String] {
        switch schema["type"] {
        case .string(let type)?: type == "null" ? [] : [type]
        case .array(let types)?: types.compactMap(\.stringValue).filter { $0 != "null" }
        default: []
        }
    }

    func isNullSchema(_ schema: OrderedJSON) -> Bool {
        if case .string("null")? = schema["type"] { return true }
        if case .null? = schema["const"] { return true }
        if let values = schema["enum"]?.arrayValue, values == [.null] { return true }
        return false
    }

    func isNullable(_ schema: OrderedJSON) -> Bool {
        if schema["nullable"]?.boolValue == true { return true }
        if case .string("null")? = schema["type"] { return true }
        if case .array(let types)? = schema["type"], types.contains(.string("null")) { return true }
        if let values = schema["enum"]?.arrayValue, values.contains(.null) { return true }
        for key in ["oneOf", "anyOf"] where schema[key]?.arrayValue?.contains(where: isNullSchema) == true {
            return true
        }
        return false
    }

    /// A schema made only of annotations (`description`, `nullable`, …), which changes no type.
    func isAnnotationOnly(_ schema: OrderedJSON) -> Bool {
        guard let members = schema.members else { return false }
        return members.allSatisfy { Self.annotationKeys.contains($0.key) || $0.key.hasPrefix("x-") }
    }

    /// The one part an `allOf`, `oneOf` or `anyOf` wraps (with `null` or annotations beside it).
    func wrappedPart(_ schema: OrderedJSON) -> (value: OrderedJSON, pointer: String, key: String)? {
        for key in ["allOf", "oneOf", "anyOf"] {
            guard let parts = schema[key]?.arrayValue else { continue }
            let real = parts.enumerated().filter {
                !isNullSchema($0.element) && !(key == "allOf" && isAnnotationOnly($0.element))
            }
            guard real.count == 1 else { return nil }
            return (real[0].element, "\(key)/\(real[0].offset)", key)
        }
        return nil
    }

    /// The schema a chain of `$ref`s ends at (the schema itself when it is not a reference).
    func followReferences(_ schema: OrderedJSON) -> OrderedJSON {
        var current = schema
        var seen: Set<String> = []
        while let ref = current["$ref"]?.stringValue, seen.insert(ref).inserted, let target = resolveLocal(ref) {
            current = target.value
        }
        return current
    }

    func formOfReferenced(_ schema: OrderedJSON) -> Form {
        if let ref = schema["$ref"]?.stringValue {
            if let key = componentKey(ref), schemaByKey[key]?["$ref"] == nil { return componentForm(key) }
            guard let target = resolveLocal(ref) else { return .other }
            return formOfReferenced(target.value)
        }
        return form(of: schema, component: false)
    }

    /// Whether a schema is (or refers to, or wraps) one that becomes an object type.
    func isObjectLike(_ schema: OrderedJSON, depth: Int = 0) -> Bool {
        guard depth < 32 else { return false }
        if let ref = schema["$ref"]?.stringValue {
            if let key = componentKey(ref), let target = schemaByKey[key] {
                if target["$ref"] != nil { return isObjectLike(target, depth: depth + 1) }
                if componentForm(key) == .object { return true }
                if componentForm(key) != .other { return false }
                return wrappedPart(target).map { isObjectLike($0.value, depth: depth + 1) } ?? false
            }
            guard let target = resolveLocal(ref) else { return false }
            return isObjectLike(target.value, depth: depth + 1)
        }
        let kind = form(of: schema, component: false, depth: depth + 1)
        if kind == .object { return true }
        if kind == .other, let part = wrappedPart(schema) { return isObjectLike(part.value, depth: depth + 1) }
        return false
    }

    /// The string values a schema allows when it allows only strings from a list (`const`, `enum`).
    func stringConstants(_ schema: OrderedJSON) -> [String]? {
        let target = followReferences(schema)
        if case .string(let value)? = target["const"] { return [value] }
        if let values = target["enum"]?.arrayValue, !values.isEmpty {
            let strings = values.compactMap(\.stringValue)
            return strings.count == values.count ? strings : nil
        }
        return nil
    }

    func hasOwnObjectShape(_ schema: OrderedJSON) -> Bool {
        let types = typeList(schema)
        guard types.isEmpty || types == ["object"] else { return false }
        if let properties = schema["properties"]?.members {
            // Explicitly empty properties and no additionalProperties: an object without fields.
            if !properties.isEmpty || (types == ["object"] && schema["additionalProperties"] == nil) { return true }
        }
        if schema["additionalProperties"]?.boolValue == false, types == ["object"] || schema["properties"] != nil {
            return true
        }
        return false
    }

    /// Whether `schema` becomes a declared type, and which kind. A component that wraps one object
    /// (`allOf: [{$ref: Pet}]`) is an object of its own; inline, the same wrapper is just `Pet`.
    func form(of schema: OrderedJSON, component: Bool, depth: Int = 0) -> Form {
        guard schema.members != nil, schema["$ref"] == nil, depth < 32 else { return .other }
        if let parts = schema["allOf"]?.arrayValue, !parts.isEmpty {
            if hasOwnObjectShape(schema) { return .object }
            let real = parts.filter { !isAnnotationOnly($0) }
            if real.count == 1 {
                return component && isObjectLike(real[0], depth: depth + 1) ? .object : .other
            }
            return real.contains { isObjectLike($0, depth: depth + 1) } ? .object : .other
        }
        for key in ["oneOf", "anyOf"] {
            guard let alternatives = schema[key]?.arrayValue else { continue }
            let real = alternatives.filter { !isNullSchema($0) }
            if real.count > 1 {
                if real.allSatisfy({ isObjectLike($0, depth: depth + 1) }) { return key == "oneOf" ? .oneOf : .object }
                if real.allSatisfy({ stringConstants($0) != nil }) { return .enumeration }
            } else if real.count == 1, component, !hasOwnObjectShape(schema), isObjectLike(real[0], depth: depth + 1) {
                return .object
            }
            return hasOwnObjectShape(schema) ? .object : .other
        }
        if let values = schema["enum"]?.arrayValue {
            let real = values.filter { $0 != .null }
            return !real.isEmpty && real.allSatisfy({ $0.stringValue != nil }) ? .enumeration : .other
        }
        return hasOwnObjectShape(schema) ? .object : .other
    }

    // MARK: Schemas

    /// Converts every component schema once; `allOf` merging converts the parts it needs first.
    func ensure(_ key: String) {
        guard !componentDone.contains(key), !componentBusy.contains(key), let schema = schemaByKey[key] else { return }
        componentBusy.insert(key)
        let savedRank = rank
        rank = componentRank[key] ?? rank
        let pointer = componentPointer(key)
        expanding.insert(pointer)
        let name = componentTypeNames[key] ?? componentBaseNames[key] ?? key
        _ = shape(schema, at: pointer, name: name, allowsConst: componentTypeNames[key] == nil)
        expanding.remove(pointer)
        rank = savedRank
        componentBusy.remove(key)
        componentDone.insert(key)
    }

    /// The declaration of a type, converting its component first when needed.
    func declaration(_ name: String) -> TypeDeclaration? {
        if let known = declarations[name] { return known }
        if let key = keyByTypeName[name] { ensure(key) }
        return declarations[name]
    }

    func documentation(_ schema: OrderedJSON) -> String? {
        nonEmpty(schema["description"]?.stringValue) ?? nonEmpty(schema["title"]?.stringValue)
    }

    func scanKeywords(_ schema: OrderedJSON, at pointer: String) {
        for member in schema.members ?? [] {
            let key = member.key
            if Self.schemaKeywords.contains(key) || key.hasPrefix("x-") { continue }
            switch key {
            case "xml":
                if !xmlFromDocument {
                    warn(
                        child(pointer, key),
                        "'xml' (element names, attributes, wrapping) cannot be expressed; the service's XML dialect applies"
                    )
                }
            case "uniqueItems":
                if member.value.boolValue == true {
                    warn(child(pointer, key), "'uniqueItems' cannot be expressed; ignored")
                }
            default:
                warn(child(pointer, key), "'\(key)' cannot be expressed in a definition; ignored")
            }
        }
    }

    func shape(_ schema: OrderedJSON, at pointer: String, name: String, allowsConst: Bool) -> Shape {
        switch schema {
        case .object: break
        case .bool(true): return Shape()
        case .bool(false):
            warn(pointer, "the schema 'false' allows no value; typed as any JSON")
            return Shape()
        default:
            warn(pointer, "a schema must be an object; typed as any JSON")
            return Shape()
        }
        scanKeywords(schema, at: pointer)
        var result: Shape
        if let ref = schema["$ref"] {
            if let text = ref.stringValue {
                result = referenceShape(text, at: pointer, name: name, allowsConst: allowsConst)
            } else {
                warn(child(pointer, "$ref"), "'$ref' must be a string; typed as any JSON")
                result = Shape()
            }
        } else {
            result = typeShape(schema, at: pointer, name: name, allowsConst: allowsConst)
        }
        if let doc = documentation(schema) { result.doc = doc }
        if isNullable(schema) { result.nullable = true }
        if schema["deprecated"]?.boolValue == true {
            result.deprecated = true
            warn(child(pointer, "deprecated"), "deprecated is only noted in the doc comment")
        }
        if schema["format"]?.stringValue == "password" || schema["x-apigen-sensitive"]?.boolValue == true {
            result.sensitive = true
        }
        if let swiftName = schema["x-apigen-swift-name"]?.stringValue { result.swiftName = swiftName }
        if schema["readOnly"]?.boolValue == true {
            warn(child(pointer, "readOnly"), "readOnly cannot be expressed; the field is part of requests too")
        }
        if schema["writeOnly"]?.boolValue == true {
            result.writeOnly = true
            warn(child(pointer, "writeOnly"), "writeOnly cannot be expressed; the field is part of responses too")
        }
        applyConstraints(schema, at: pointer, to: &result)
        if let value = schema["default"] {
            if let scalar = Self.scalar(value) {
                result.defaultValue = scalar
            } else if value != .null {
                warn(
                    child(pointer, "default"),
                    "a default that is not a string, number or boolean cannot be expressed; dropped")
            }
        }
        return result
    }

    func referenceShape(_ ref: String, at pointer: String, name: String, allowsConst: Bool) -> Shape {
        if let key = componentKey(ref) {
            guard let schema = schemaByKey[key] else {
                fail(pointer, "the reference '\(ref)' does not resolve")
                return Shape()
            }
            if let typeName = componentTypeNames[key] {
                var shape = Shape(type: .named(typeName))
                shape.nullable = isNullable(schema)
                if let value = schema["default"] { shape.inheritedDefault = Self.scalar(value) }
                return shape
            }
            return expand(
                schema, at: componentPointer(key), name: componentBaseNames[key] ?? name, allowsConst: allowsConst,
                from: pointer)
        }
        guard ref.hasPrefix("#") else {
            warn(pointer, "the external reference '\(ref)' is not followed; typed as any JSON")
            return Shape()
        }
        guard let target = resolveLocal(ref) else {
            fail(pointer, "the reference '\(ref)' does not resolve")
            return Shape()
        }
        return expand(target.value, at: target.pointer, name: name, allowsConst: allowsConst, from: pointer)
    }

    /// The shape of a schema a reference leads to, guarding against references that lead back.
    func expand(_ schema: OrderedJSON, at pointer: String, name: String, allowsConst: Bool, from: String) -> Shape {
        guard !expanding.contains(pointer) else {
            warn(from, "'\(pointer)' contains itself without an object in between; typed as any JSON")
            return Shape()
        }
        expanding.insert(pointer)
        defer { expanding.remove(pointer) }
        var result = shape(schema, at: pointer, name: name, allowsConst: allowsConst)
        // The referenced schema's default applies where the value is optional, without a warning elsewhere.
        result.inheritedDefault = result.defaultValue ?? result.inheritedDefault
        result.defaultValue = nil
        return result
    }

    func typeShape(_ schema: OrderedJSON, at pointer: String, name: String, allowsConst: Bool) -> Shape {
        let ownKey = keyByPointer[pointer]
        let kind = ownKey.map(componentForm) ?? form(of: schema, component: false)
        let constOK = allowsConst && !isNullable(schema) && schema["default"] == nil
        switch kind {
        case .object, .oneOf:
            return Shape(type: .named(declare(schema, at: pointer, form: kind, name: name)))
        case .enumeration:
            if constOK, ownKey == nil, let values = schema["enum"]?.arrayValue?.filter({ $0 != .null }),
                values.count == 1, let value = values[0].stringValue
            {
                return Shape(type: .string, constant: .string(value))
            }
            return Shape(type: .named(declare(schema, at: pointer, form: .enumeration, name: name)))
        case .other: break
        }
        if let part = wrappedPart(schema) {
            var inner = shape(part.value, at: pointer + "/" + part.pointer, name: name, allowsConst: constOK)
            if part.key == "allOf" {
                for annotation in schema["allOf"]?.arrayValue ?? [] where isAnnotationOnly(annotation) {
                    if let doc = documentation(annotation) { inner.doc = doc }
                    if isNullable(annotation) { inner.nullable = true }
                }
            }
            return inner
        }
        if let parts = schema["allOf"]?.arrayValue, let first = parts.first {
            warn(
                child(pointer, "allOf"),
                "allOf of schemas that are not objects cannot be merged; only the first part is used")
            return shape(first, at: child(child(pointer, "allOf"), 0), name: name, allowsConst: constOK)
        }
        for key in ["oneOf", "anyOf"] where schema[key] != nil {
            if schema[key]?.arrayValue?.contains(where: { !isNullSchema($0) }) == true {
                warn(
                    child(pointer, key),
                    "\(key) of alternatives that are not all objects or all strings cannot be expressed; typed as any JSON"
                )
            }
            return Shape()
        }
        if let constant = schema["const"] {
            return constantShape(constant, schema: schema, at: pointer, name: name, constOK: constOK)
        }
        if let values = schema["enum"]?.arrayValue {
            return enumShape(values, schema: schema, at: pointer, constOK: constOK)
        }
        let types = typeList(schema)
        if types.count > 1 {
            warn(
                child(pointer, "type"),
                "a value of several types (\(types.joined(separator: ", "))) is typed as any JSON")
            return Shape()
        }
        let type =
            types.first
            ?? (schema["items"] != nil
                ? "array" : schema["additionalProperties"] != nil || schema["properties"] != nil ? "object" : nil)
        switch type {
        case "string"?:
            switch schema["format"]?.stringValue {
            case "uuid": return Shape(type: .uuid)
            case "date-time": return Shape(type: .dateTime)
            case "binary":
                warn(child(pointer, "format"), "binary content is typed as a string of text")
                return Shape(type: .string)
            default: return Shape(type: .string)
            }
        case "integer"?: return Shape(type: integerType(schema))
        case "number"?: return Shape(type: .number)
        case "boolean"?: return Shape(type: .boolean)
        case "array"?: return arrayShape(schema, at: pointer, name: name)
        case "object"?: return mapShape(schema, at: pointer, name: name)
        case nil: return Shape()
        case let other?:
            warn(child(pointer, "type"), "unknown type '\(other)'; typed as any JSON")
            return Shape()
        }
    }

    func integerType(_ schema: OrderedJSON) -> TypeRef {
        switch schema["format"]?.stringValue {
        case "int32": .int32
        case "int64": .int64
        default: .integer
        }
    }

    func constantShape(_ constant: OrderedJSON, schema: OrderedJSON, at pointer: String, name: String, constOK: Bool)
        -> Shape
    {
        switch constant {
        case .string(let value):
            if constOK { return Shape(type: .string, constant: .string(value)) }
            return Shape(type: .named(declare(schema, at: pointer, form: .enumeration, name: name)))
        case .int(let value):
            let type = typeList(schema) == ["number"] ? TypeRef.number : integerType(schema)
            if constOK { return Shape(type: type, constant: .integer(value)) }
            return Shape(type: type, constraints: Constraints(minimum: Double(value), maximum: Double(value)))
        case .double(let value):
            if constOK { return Shape(type: .number, constant: .number(value)) }
            return Shape(type: .number, constraints: Constraints(minimum: value, maximum: value))
        case .bool(let value):
            if constOK { return Shape(type: .boolean, constant: .boolean(value)) }
            warn(
                child(pointer, "const"),
                "const \(value) on an optional or nullable value cannot be expressed; typed as boolean")
            return Shape(type: .boolean)
        default:
            warn(child(pointer, "const"), "a const that is not a string, number or boolean is typed as any JSON")
            return Shape()
        }
    }

    func enumShape(_ values: [OrderedJSON], schema: OrderedJSON, at pointer: String, constOK: Bool) -> Shape {
        let real = values.filter { $0 != .null }
        let enumPointer = child(pointer, "enum")
        if real.isEmpty { return Shape() }
        let isNumberType = typeList(schema) == ["number"]
        if !isNumberType, real.allSatisfy({ $0.intValue != nil }) {
            let integers = real.compactMap(\.intValue)
            let type = integerType(schema)
            if integers.count == 1, constOK { return Shape(type: type, constant: .integer(integers[0])) }
            let low = integers.min() ?? 0
            let high = integers.max() ?? 0
            warn(enumPointer, "integer enums cannot be expressed; typed as \(type) from \(low) to \(high)")
            return Shape(type: type, constraints: Constraints(minimum: Double(low), maximum: Double(high)))
        }
        if real.allSatisfy({ $0.doubleValue != nil }) {
            let numbers = real.compactMap(\.doubleValue)
            if numbers.count == 1, constOK, let value = Self.scalar(real[0]) {
                return Shape(type: .number, constant: value)
            }
            let low = numbers.min() ?? 0
            let high = numbers.max() ?? 0
            warn(
                enumPointer,
                "number enums cannot be expressed; typed as number from \(Self.number(low)) to \(Self.number(high))")
            return Shape(type: .number, constraints: Constraints(minimum: low, maximum: high))
        }
        if real.allSatisfy({ $0.boolValue != nil }) {
            let booleans = Set(real.compactMap(\.boolValue))
            if booleans.count == 2 { return Shape(type: .boolean) }
            if constOK, let value = booleans.first { return Shape(type: .boolean, constant: .boolean(value)) }
            warn(enumPointer, "a boolean enum with one value on an optional or nullable value is typed as boolean")
            return Shape(type: .boolean)
        }
        warn(enumPointer, "an enum of values that are not all strings or all numbers is typed as any JSON")
        return Shape()
    }

    /// The element type of an array or a map, with what it cannot keep reported.
    func elementType(_ element: Shape, at pointer: String, container: String) -> TypeRef {
        if element.nullable {
            warn(pointer, "null \(container) cannot be expressed; they are not nullable")
        }
        if !element.constraints.isEmpty || element.constant != nil {
            warn(pointer, "constraints on \(container) cannot be expressed; dropped")
        }
        switch element.type {
        case .array, .map:
            warn(pointer, "\(container) that are arrays or maps cannot be expressed; they are typed as any JSON")
            return .json
        case .uuid, .dateTime:
            warn(pointer, "\(container) of type \(element.type) cannot be expressed; they are strings")
            return .string
        default:
            return element.type
        }
    }

    func arrayShape(_ schema: OrderedJSON, at pointer: String, name: String) -> Shape {
        guard let items = schema["items"] else { return Shape(type: .array(.json)) }
        let itemsPointer = child(pointer, "items")
        let element = shape(items, at: itemsPointer, name: name + "Item", allowsConst: false)
        return Shape(type: .array(elementType(element, at: itemsPointer, container: "array items")))
    }

    func mapShape(_ schema: OrderedJSON, at pointer: String, name: String) -> Shape {
        guard let values = schema["additionalProperties"], values.members != nil else { return Shape() }
        let valuesPointer = child(pointer, "additionalProperties")
        if values.members?.isEmpty == true { return Shape(type: .map(.json)) }
        let element = shape(values, at: valuesPointer, name: name + "Value", allowsConst: false)
        return Shape(type: .map(elementType(element, at: valuesPointer, container: "map values")))
    }

    /// Reads the constraint keywords that fit the shape's type, reporting those that do not.
    func applyConstraints(_ schema: OrderedJSON, at pointer: String, to shape: inout Shape) {
        let type = shape.type
        var constraints = shape.constraints
        let isArray: Bool = {
            if case .array = type { return true }
            return false
        }()
        func misplaced(_ key: String, _ kind: String) {
            warn(child(pointer, key), "'\(key)' applies to \(kind), not to '\(type)'; dropped")
        }
        func count(_ key: String, applies: Bool, kind: String) -> Int? {
            guard let value = schema[key] else { return nil }
            guard applies else {
                misplaced(key, kind)
                return nil
            }
            guard let number = value.intValue, number >= 0 else {
                warn(child(pointer, key), "'\(key)' must be a whole number, not negative; dropped")
                return nil
            }
            return number
        }
        if let value = count("minLength", applies: type == .string, kind: "strings") { constraints.minLength = value }
        if let value = count("maxLength", applies: type == .string, kind: "strings") { constraints.maxLength = value }
        if let value = count("minItems", applies: isArray, kind: "arrays") { constraints.minItems = value }
        if let value = count("maxItems", applies: isArray, kind: "arrays") { constraints.maxItems = value }
        if let value = schema["pattern"] {
            if type != .string {
                misplaced("pattern", "strings")
            } else if let pattern = value.stringValue, (try? NSRegularExpression(pattern: pattern)) != nil {
                constraints.pattern = pattern
            } else {
                warn(child(pointer, "pattern"), "the pattern is not a regular expression apigen can use; dropped")
            }
        }
        var minimum = schema["minimum"]?.doubleValue
        var maximum = schema["maximum"]?.doubleValue
        for (key, isLow) in [("exclusiveMinimum", true), ("exclusiveMaximum", false)] {
            guard let value = schema[key] else { continue }
            let bound: Double?
            switch value {
            case .bool(true): bound = isLow ? minimum : maximum
            case .bool(false): continue
            default: bound = value.doubleValue
            }
            guard let bound, type.isNumeric else {
                if !type.isNumeric { misplaced(key, "numbers") }
                continue
            }
            let inclusive: Double
            if type.isInteger {
                inclusive = isLow ? (bound + 1).rounded(.down) : (bound - 1).rounded(.up)
            } else {
                inclusive = bound
                warn(
                    child(pointer, key),
                    "'\(key)' cannot be expressed; the bound \(Self.number(bound)) is kept as inclusive")
            }
            if isLow {
                minimum = max(minimum ?? inclusive, inclusive)
            } else {
                maximum = min(maximum ?? inclusive, inclusive)
            }
        }
        if minimum != nil || maximum != nil {
            if type.isNumeric {
                constraints.minimum = minimum.map { type.isInteger ? $0.rounded(.up) : $0 } ?? constraints.minimum
                constraints.maximum = maximum.map { type.isInteger ? $0.rounded(.down) : $0 } ?? constraints.maximum
                // A bound beyond the integer type's range says nothing the type does not.
                if type.isInteger {
                    for (key, bound) in [("minimum", constraints.minimum), ("maximum", constraints.maximum)] {
                        guard let bound, !DefinitionValues.integerFits(bound, type) else { continue }
                        warn(
                            child(pointer, key),
                            "\(key) \(DefinitionValues.shown(bound)) is outside the range of '\(type)'; dropped")
                        if key == "minimum" { constraints.minimum = nil } else { constraints.maximum = nil }
                    }
                }
            } else {
                misplaced(schema["minimum"] != nil ? "minimum" : "maximum", "numbers")
            }
        }
        for (low, high, lowKey, highKey) in [
            (constraints.minLength.map(Double.init), constraints.maxLength.map(Double.init), "minLength", "maxLength"),
            (constraints.minItems.map(Double.init), constraints.maxItems.map(Double.init), "minItems", "maxItems"),
            (constraints.minimum, constraints.maximum, "minimum", "maximum"),
        ] {
            guard let low, let high, low > high else { continue }
            warn(child(pointer, lowKey), "\(lowKey) is greater than \(highKey): no value fits; both are dropped")
            switch lowKey {
            case "minLength": (constraints.minLength, constraints.maxLength) = (nil, nil)
            case "minItems": (constraints.minItems, constraints.maxItems) = (nil, nil)
            default: (constraints.minimum, constraints.maximum) = (nil, nil)
            }
        }
        shape.constraints = constraints
    }

    // MARK: Declared types

    /// Declares the type for a schema once (by its pointer) and returns its name.
    func declare(_ schema: OrderedJSON, at pointer: String, form: Form, name: String) -> String {
        if declaredPointers.contains(pointer), let existing = typeNamesByPointer[pointer] { return existing }
        declaredPointers.insert(pointer)
        let typeName: String
        if let assigned = typeNamesByPointer[pointer] {
            typeName = assigned
        } else {
            typeName = newTypeName(name).name
            typeNamesByPointer[pointer] = typeName
        }
        typeOrder.append((rank, typeOrder.count, typeName))
        var doc = documentation(schema)
        if schema["deprecated"]?.boolValue == true { doc = Self.paragraphs(doc, "Deprecated.") }
        switch form {
        case .object, .other:
            let members = objectFields(schema, at: pointer, typeName: typeName)
            var fields = members.fields
            for name in members.required {
                if let index = fields.firstIndex(where: { $0.name == name }) {
                    fields[index].required = true
                } else if schema["additionalProperties"] == nil || schema["additionalProperties"]?.boolValue == false {
                    warn(child(pointer, "required"), "'\(name)' is required but is not a property; ignored")
                }
            }
            finishFields(&fields, typeName: typeName, origins: members.origins)
            fieldOrigins[typeName] = members.origins
            declarations[typeName] = TypeDeclaration(name: typeName, doc: doc, kind: .object(fields: fields))
            if schema["discriminator"] != nil, schema["anyOf"] == nil {
                warn(child(pointer, "discriminator"), "a discriminator without oneOf is ignored")
            }
        case .enumeration:
            declarations[typeName] = enumDeclaration(schema, at: pointer, name: typeName, doc: doc)
        case .oneOf:
            declarations[typeName] = oneOfDeclaration(schema, at: pointer, name: typeName, doc: doc)
        }
        return typeName
    }

    /// Fields merged from an object schema and its parts, the names its `required` lists, and where
    /// each field was declared.
    struct Members {
        var fields: [Field] = []
        var required: [String] = []
        var origins: [String: String] = [:]
    }

    /// The fields of an object schema: its `allOf` parts, `anyOf` alternatives (optional) and own
    /// properties, merged by name; and every name its `required` lists.
    func objectFields(_ schema: OrderedJSON, at pointer: String, typeName: String) -> Members {
        var result = Members()
        result.required = (schema["required"]?.arrayValue ?? []).compactMap(\.stringValue)
        func merge(_ field: Field, from origin: String) {
            guard let index = result.fields.firstIndex(where: { $0.name == field.name }) else {
                result.fields.append(field)
                result.origins[field.name] = origin
                return
            }
            var first = result.fields[index]
            var second = field
            first.required = first.required || second.required
            second.required = first.required
            second.doc = first.doc
            if first != second {
                warn(
                    origin,
                    "'\(field.name)' is declared differently at \(result.origins[field.name] ?? pointer); the first declaration is kept"
                )
            }
            result.fields[index].required = first.required
        }
        for (index, part) in (schema["allOf"]?.arrayValue ?? []).enumerated() {
            let partPointer = child(child(pointer, "allOf"), index)
            let members = partFields(part, at: partPointer, typeName: typeName)
            for field in members.fields { merge(field, from: members.origins[field.name] ?? partPointer) }
            result.required += members.required
        }
        for key in ["anyOf", "oneOf"] {
            guard let alternatives = schema[key]?.arrayValue else { continue }
            let real = alternatives.enumerated().filter { !isNullSchema($0.element) }
            guard key == "anyOf", real.count > 1, real.allSatisfy({ isObjectLike($0.element) }) else {
                if !real.isEmpty {
                    warn(child(pointer, key), "\(key) next to the object's own properties is ignored")
                }
                continue
            }
            warn(child(pointer, key), "anyOf becomes an object with every alternative's fields, all optional")
            for (index, alternative) in real {
                let alternativePointer = child(child(pointer, key), index)
                let members = partFields(alternative, at: alternativePointer, typeName: typeName)
                for var field in members.fields {
                    field.required = false
                    field.constant = nil
                    merge(field, from: members.origins[field.name] ?? alternativePointer)
                }
            }
        }
        let propertiesPointer = child(pointer, "properties")
        for property in schema["properties"]?.members ?? [] {
            let propertyPointer = child(propertiesPointer, property.key)
            guard !property.key.isEmpty else {
                warn(propertyPointer, "a property without a name cannot be expressed; dropped")
                continue
            }
            let isRequired = result.required.contains(property.key)
            let shape = self.shape(
                property.value, at: propertyPointer, name: typeName + Naming.upperCamel(property.key),
                allowsConst: isRequired)
            merge(makeField(property.key, shape, required: isRequired, at: propertyPointer), from: propertyPointer)
        }
        if let additional = schema["additionalProperties"], additional.boolValue != false, !result.fields.isEmpty,
            additional.members?.isEmpty != true || additional.boolValue == true
        {
            warn(
                child(pointer, "additionalProperties"),
                "additional properties next to declared ones cannot be kept; only the declared fields are")
        }
        return result
    }

    /// The fields an `allOf` part or `anyOf` alternative contributes.
    func partFields(_ part: OrderedJSON, at pointer: String, typeName: String) -> Members {
        if let ref = part["$ref"]?.stringValue {
            if let key = componentKey(ref), let name = componentTypeNames[key] {
                ensure(key)
                if case .object(let fields)? = declarations[name]?.kind {
                    return Members(fields: fields, required: [], origins: fieldOrigins[name] ?? [:])
                }
                if componentBusy.contains(key) {
                    warn(pointer, "'\(key)' includes itself; its fields cannot be merged here")
                } else {
                    warn(pointer, "'\(key)' is not an object; its fields cannot be merged")
                }
                return Members()
            }
            guard ref.hasPrefix("#") else {
                warn(pointer, "the external reference '\(ref)' is not followed; its fields are missing")
                return Members()
            }
            guard let target = resolveLocal(ref) else {
                fail(pointer, "the reference '\(ref)' does not resolve")
                return Members()
            }
            guard !expanding.contains(target.pointer) else {
                warn(pointer, "'\(ref)' includes itself; its fields cannot be merged here")
                return Members()
            }
            expanding.insert(target.pointer)
            defer { expanding.remove(target.pointer) }
            return partFields(target.value, at: target.pointer, typeName: typeName)
        }
        if part.members == nil || isAnnotationOnly(part) { return Members() }
        scanKeywords(part, at: pointer)
        if form(of: part, component: false) == .object || part["properties"] != nil || part["required"] != nil {
            return objectFields(part, at: pointer, typeName: typeName)
        }
        if let wrapped = wrappedPart(part) {
            return partFields(wrapped.value, at: pointer + "/" + wrapped.pointer, typeName: typeName)
        }
        warn(pointer, "this part is not an object; its constraints cannot be merged and are ignored")
        return Members()
    }

    /// A field from a property's shape: const and default kept only where the format allows them.
    func makeField(_ name: String, _ shape: Shape, required: Bool, at pointer: String) -> Field {
        var doc = shape.doc
        if shape.deprecated { doc = Self.paragraphs(doc, "Deprecated.") }
        let secret = ["password", "secret", "token"].contains { name.lowercased().contains($0) }
        var field = Field(
            name: name, swiftName: shape.swiftName, doc: doc, type: shape.type, required: required,
            // Any JSON value already includes null.
            nullable: shape.nullable && shape.type != .json, sensitive: shape.sensitive || (shape.writeOnly && secret),
            constraints: shape.constraints)
        if let constant = shape.constant {
            if !required || shape.nullable {
                warn(pointer, "const \(constant) on an optional or nullable field cannot be expressed; dropped")
            } else if !constantApplies(shape.type) || !fits(constant, shape.type, shape.constraints) {
                warn(pointer, "const \(constant) does not fit the type '\(shape.type)'; dropped")
            } else {
                field.constant = constant
            }
        }
        if let value = shape.defaultValue ?? (required || field.constant != nil ? nil : shape.inheritedDefault) {
            if field.constant != nil {
                warn(pointer, "a field with const takes no default; the default is dropped")
            } else if !fits(value, shape.type, shape.constraints) {
                warn(pointer, "the default \(value) does not fit the type '\(shape.type)'; dropped")
            } else {
                field.defaultValue = value
            }
        }
        return field
    }

    func constantApplies(_ type: TypeRef) -> Bool {
        switch type {
        case .string, .integer, .int32, .int64, .number, .boolean: return true
        case .named(let name):
            if case .enumeration? = declaration(name)?.kind { return true }
            return false
        default: return false
        }
    }

    /// Drops defaults of required fields and gives colliding Swift property names a `swiftName`.
    func finishFields(_ fields: inout [Field], typeName: String, origins: [String: String]) {
        for index in fields.indices where fields[index].required && fields[index].defaultValue != nil {
            fields[index].defaultValue = nil
            warn(
                origins[fields[index].name] ?? "#",
                "a required field's default is never used; dropped (the field '\(fields[index].name)' of '\(typeName)')"
            )
        }
        let sensitive = fields.contains(where: \.sensitive)
        var taken: Set<String> = []
        for index in fields.indices {
            let field = fields[index]
            var swift = Naming.property(field)
            var reason: String?
            if !Naming.isIdentifier(swift) || swift.allSatisfy({ $0 == "_" }) {
                swift = field.swiftName.map(Naming.lowerCamel) ?? "field"
                if !Naming.isIdentifier(swift) || swift.allSatisfy({ $0 == "_" }) { swift = "field" }
                reason = "'\(field.name)' gives no usable Swift name"
            }
            if sensitive, Self.redactionMembers.contains(swift) {
                swift += "Value"
                reason = "it clashes with the redaction code generated for sensitive fields"
            }
            if let owner = ReservedNames.clash(swift, in: ReservedNames.structMembers) {
                swift += "Value"
                reason = "it clashes with \(owner)"
            }
            if taken.contains(swift) {
                let base = swift
                var number = 2
                while taken.contains("\(base)\(number)") { number += 1 }
                swift = "\(base)\(number)"
                reason = "another field of '\(typeName)' has the same Swift name"
            }
            taken.insert(swift)
            if let reason {
                fields[index].swiftName = swift
                warn(origins[field.name] ?? "#", "the field '\(field.name)' is '\(swift)' in Swift: \(reason)")
            }
        }
    }

    func enumDeclaration(_ schema: OrderedJSON, at pointer: String, name: String, doc: String?) -> TypeDeclaration {
        var entries: [(value: String, doc: String?, pointer: String)] = []
        if let values = schema["enum"]?.arrayValue {
            for (index, value) in values.enumerated() {
                if let text = value.stringValue { entries.append((text, nil, child(child(pointer, "enum"), index))) }
            }
        } else if case .string(let value)? = schema["const"] {
            entries = [(value, nil, child(pointer, "const"))]
        } else {
            for key in ["oneOf", "anyOf"] {
                for (index, alternative) in (schema[key]?.arrayValue ?? []).enumerated()
                where !isNullSchema(alternative) {
                    let constants = stringConstants(alternative) ?? []
                    let alternativeDoc = constants.count == 1 ? documentation(alternative) : nil
                    for value in constants {
                        entries.append((value, alternativeDoc, child(child(pointer, key), index)))
                    }
                }
            }
        }
        let extras = schema["x-apigen-values"]
        let keepUnknown = schema["x-apigen-unknown-values"]?.stringValue == "keep"
        var values: [EnumValue] = []
        var taken: Set<String> = keepUnknown ? ["unknown"] : []
        for (index, entry) in entries.enumerated() {
            guard !values.contains(where: { $0.value == entry.value }) else {
                warn(entry.pointer, "the value '\(entry.value)' is listed twice; once is kept")
                continue
            }
            let extra = extras?[entry.value]
            var value = EnumValue(
                value: entry.value, swiftName: extra?["swiftName"]?.stringValue,
                doc: extra?["doc"]?.stringValue ?? entry.doc)
            var swift = Naming.enumCase(value)
            var reason: String?
            if !Naming.isMemberName(swift) || swift.allSatisfy({ $0 == "_" }) || Naming.words(swift).isEmpty {
                swift = "value\(index + 1)"
                reason = "it has no letters or digits"
            } else if let owner = ReservedNames.clash(swift, in: ReservedNames.enumMembers) {
                swift += "Value"
                reason = "it clashes with \(owner)"
            }
            if taken.contains(swift) {
                let base = swift
                var number = 2
                while taken.contains("\(base)\(number)") { number += 1 }
                swift = "\(base)\(number)"
                reason = "another value has the same Swift case name"
            }
            taken.insert(swift)
            if let reason {
                value.swiftName = swift
                warn(entry.pointer, "the enum value '\(entry.value)' is the Swift case '\(swift)': \(reason)")
            }
            values.append(value)
        }
        return TypeDeclaration(name: name, doc: doc, kind: .enumeration(values: values, keepUnknown: keepUnknown))
    }

    func oneOfDeclaration(_ schema: OrderedJSON, at pointer: String, name: String, doc: String?) -> TypeDeclaration {
        let oneOfPointer = child(pointer, "oneOf")
        let swiftNames = schema["x-apigen-swift-names"]
        var variants: [OneOfVariant] = []
        var variantKeys: [String?] = []
        var variantPointers: [String] = []
        for (index, alternative) in (schema["oneOf"]?.arrayValue ?? []).enumerated() where !isNullSchema(alternative) {
            let alternativePointer = child(oneOfPointer, index)
            let shape = self.shape(
                alternative, at: alternativePointer, name: name + "Variant\(index + 1)", allowsConst: false)
            guard case .named(let type) = shape.type else {
                warn(alternativePointer, "this alternative is not an object; dropped")
                continue
            }
            if variants.contains(where: { $0.type == type }) {
                warn(alternativePointer, "'\(type)' is already an alternative; it is listed once")
                continue
            }
            variants.append(
                OneOfVariant(
                    type: type, discriminatorValue: nil, swiftName: swiftNames?[type]?.stringValue, doc: nil))
            variantKeys.append(alternative["$ref"]?.stringValue.flatMap(componentKey))
            variantPointers.append(alternativePointer)
        }
        if hasOwnObjectShape(schema) {
            warn(child(pointer, "properties"), "properties next to oneOf cannot be expressed; ignored")
        }
        if variants.count < 2 {
            let only = variants.first?.type
            warn(
                oneOfPointer,
                "a oneOf needs two different alternatives; it becomes \(only.map { "a copy of '\($0)'" } ?? "an empty object")"
            )
            let fields = only.flatMap { declaration($0)?.fields } ?? []
            return TypeDeclaration(name: name, doc: doc, kind: .object(fields: fields))
        }
        var taken: Set<String> = []
        for index in variants.indices {
            var swift = Naming.variantCase(variants[index])
            if variants[index].swiftName != nil, !Naming.isIdentifier(swift) || Naming.keywords.contains(swift) {
                swift = Naming.lowerCamel(variants[index].type)
            }
            if taken.contains(swift) {
                let base = swift
                var number = 2
                while taken.contains("\(base)\(number)") { number += 1 }
                swift = "\(base)\(number)"
                warn(
                    variantPointers[index],
                    "the alternative '\(variants[index].type)' is the Swift case '\(swift)': another alternative has the same case name"
                )
            }
            variants[index].swiftName = swift == Naming.lowerCamel(variants[index].type) ? nil : swift
            taken.insert(swift)
        }
        var discriminator: String?
        if let discriminatorJSON = schema["discriminator"] {
            let discriminatorPointer = child(pointer, "discriminator")
            if let property = discriminatorJSON["propertyName"]?.stringValue, !property.isEmpty {
                var mapping: [(value: String, key: String)] = []
                for entry in discriminatorJSON["mapping"]?.members ?? [] {
                    guard let target = entry.value.stringValue,
                        let key = componentKey(target)
                            ?? (target.contains("/") || target.contains("#") ? nil : target)
                    else {
                        warn(
                            child(child(discriminatorPointer, "mapping"), entry.key),
                            "the mapping target is not a component schema; ignored")
                        continue
                    }
                    mapping.append((entry.key, key))
                }
                var complete = true
                for index in variants.indices {
                    let key = variantKeys[index]
                    let values = mapping.filter { $0.key == key }.map(\.value)
                    if let first = values.first {
                        variants[index].discriminatorValue = first
                        if values.count > 1 {
                            warn(
                                child(discriminatorPointer, "mapping"),
                                "\(values.map { "'\($0)'" }.joined(separator: ", ")) all map to '\(key ?? "")'; the definition keeps '\(first)'"
                            )
                        }
                    } else if let key {
                        variants[index].discriminatorValue = key
                    } else {
                        complete = false
                    }
                }
                for entry in mapping where !variantKeys.contains(entry.key) {
                    warn(
                        child(child(discriminatorPointer, "mapping"), entry.value),
                        "'\(entry.key)' is not an alternative of this oneOf; the mapping entry is ignored")
                }
                if complete {
                    discriminator = property
                    discriminatorChecks.append((name, pointer))
                } else {
                    for index in variants.indices { variants[index].discriminatorValue = nil }
                    warn(
                        discriminatorPointer,
                        "an inline alternative has no schema name or mapping value; the discriminator is dropped")
                }
            } else {
                warn(discriminatorPointer, "a discriminator without propertyName is ignored")
            }
        }
        return TypeDeclaration(name: name, doc: doc, kind: .oneOf(variants: variants, discriminator: discriminator))
    }

    // MARK: Checks after conversion

    /// Keeps a discriminator only when every variant has the required string field it names.
    func checkDiscriminators() {
        for (name, pointer) in discriminatorChecks {
            guard case .oneOf(var variants, let property?)? = declarations[name]?.kind else { continue }
            var problem: String?
            for variant in variants {
                let value = variant.discriminatorValue ?? ""
                guard case .object(let fields)? = declaration(variant.type)?.kind,
                    let field = fields.first(where: { $0.name == property })
                else {
                    problem = "'\(variant.type)' has no field '\(property)'"
                    break
                }
                if field.type != .string {
                    problem = "'\(variant.type).\(property)' is not a plain string (it is '\(field.type)')"
                } else if !field.required {
                    problem = "'\(variant.type).\(property)' is optional"
                } else if let constant = field.constant, constant != .string(value) {
                    problem = "'\(variant.type).\(property)' is always \(constant), not \"\(value)\""
                }
                if problem != nil { break }
            }
            let values = variants.compactMap(\.discriminatorValue)
            if problem == nil, Set(values).count != values.count {
                problem = "two alternatives have the same value"
            }
            guard let problem else { continue }
            for index in variants.indices { variants[index].discriminatorValue = nil }
            declarations[name]?.kind = .oneOf(variants: variants, discriminator: nil)
            warn(
                child(pointer, "discriminator"),
                "the discriminator '\(property)' is dropped because \(problem); the alternatives are told apart by their required fields and constants"
            )
        }
    }

    /// Recursive schemas become recursive types (generated code stores them out of line). Only a
    /// cycle of required, non-nullable fields, which no finite value satisfies, is broken: one of
    /// its fields is made optional.
    func breakCycles() {
        while true {
            let types = typeOrder.sorted { ($0.rank, $0.sequence) < ($1.rank, $1.sequence) }.compactMap {
                declarations[$0.name]
            }
            let infinite = Recursion(types: types).infiniteTypes
            guard !infinite.isEmpty, let (typeName, fieldIndex, cycle) = findCycle(within: infinite),
                case .object(var fields)? = declarations[typeName]?.kind
            else { return }
            let field = fields[fieldIndex]
            fields[fieldIndex].required = false
            declarations[typeName]?.kind = .object(fields: fields)
            warn(
                fieldOrigins[typeName]?[field.name] ?? "#",
                "'\(typeName).\(field.name)' makes \(cycle.joined(separator: " → ")) contain itself without end (every field on the way is required); the field is made optional"
            )
        }
    }

    /// Recursive types get generated descriptions (like sensitive ones) and store their recursive
    /// fields in `_<name>`: fields whose Swift names clash with those are renamed.
    func renameForRecursion() {
        let types = typeOrder.sorted { ($0.rank, $0.sequence) < ($1.rank, $1.sequence) }.compactMap {
            declarations[$0.name]
        }
        let recursion = Recursion(types: types)
        for type in types {
            guard let indirect = recursion.indirectFields[type.name], case .object(var fields) = type.kind else {
                continue
            }
            let storage = Set(fields.filter { indirect.contains($0.name) }.map { "_" + Naming.property($0) })
            var taken = Set(fields.map(Naming.property))
            var changed = false
            for index in fields.indices {
                let swift = Naming.property(fields[index])
                let reason: String
                if Self.redactionMembers.contains(swift) {
                    reason = "it clashes with the description code generated for recursive types"
                } else if storage.contains(swift) {
                    reason = "it clashes with the storage of the recursive field '\(swift.dropFirst())'"
                } else {
                    continue
                }
                var renamed = swift + "Value"
                var number = 2
                while taken.contains(renamed) || storage.contains(renamed) {
                    renamed = "\(swift)Value\(number)"
                    number += 1
                }
                taken.insert(renamed)
                fields[index].swiftName = renamed
                changed = true
                warn(
                    fieldOrigins[type.name]?[fields[index].name] ?? "#",
                    "the field '\(fields[index].name)' is '\(renamed)' in Swift: \(reason)")
            }
            if changed { declarations[type.name]?.kind = .object(fields: fields) }
        }
    }

    /// A cycle among `types` through required, non-nullable fields and oneOf alternatives, and the
    /// field on it to break.
    func findCycle(within types: Set<String>) -> (type: String, field: Int, cycle: [String])? {
        func edges(_ name: String) -> [(target: String, field: Int?)] {
            switch declarations[name]?.kind {
            case .object(let fields)?:
                return fields.enumerated().compactMap { index, field in
                    guard field.required, !field.nullable, case .named(let target) = field.type,
                        types.contains(target)
                    else { return nil }
                    return (target, index)
                }
            case .oneOf(let variants, _)?:
                return variants.filter { types.contains($0.type) }.map { ($0.type, nil) }
            default:
                return []
            }
        }
        let names = typeOrder.sorted { ($0.rank, $0.sequence) < ($1.rank, $1.sequence) }.map(\.name)
            .filter(types.contains)
        var color: [String: Int] = [:]
        for start in names where color[start] == nil {
            var stack: [(node: String, edges: [(target: String, field: Int?)], next: Int)] = [(start, edges(start), 0)]
            color[start] = 1
            while let top = stack.indices.last {
                guard stack[top].next < stack[top].edges.count else {
                    color[stack[top].node] = 2
                    stack.removeLast()
                    continue
                }
                let edge = stack[top].edges[stack[top].next]
                stack[top].next += 1
                switch color[edge.target] {
                case 1?:
                    guard let first = stack.firstIndex(where: { $0.node == edge.target }) else { continue }
                    let cycle = stack[first...].map(\.node) + [edge.target]
                    if let field = edge.field { return (stack[top].node, field, cycle) }
                    for index in stride(from: top - 1, through: first, by: -1) {
                        if let field = stack[index].edges[stack[index].next - 1].field {
                            return (stack[index].node, field, cycle)
                        }
                    }
                case nil:
                    color[edge.target] = 1
                    stack.append((edge.target, edges(edge.target), 0))
                default:
                    continue
                }
            }
        }
        return nil
    }

    // MARK: Values

    static func scalar(_ value: OrderedJSON) -> JSONValue? {
        switch value {
        case .string(let text): .string(text)
        case .int(let number): .integer(number)
        case .double(let number):
            number.rounded() == number && abs(number) < 1e15 ? .integer(Int(number)) : .number(number)
        case .bool(let flag): .boolean(flag)
        default: nil
        }
    }

    /// Whether a value fits a type, by the checker's rules.
    /// Whether the checker accepts `value` as a default or constant of `type` (its own rule, so
    /// that the two cannot drift).
    func fits(_ value: JSONValue, _ type: TypeRef, _ constraints: Constraints) -> Bool {
        DefinitionValues.problem(
            with: value, for: type, constraints: constraints,
            enumValues: { name in
                if case .enumeration(let values, _)? = self.declaration(name)?.kind { return values.map(\.value) }
                return nil
            }) == nil
    }

    /// A number as JSON writes it: `100`, not `100.0`.
    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    static func paragraphs(_ first: String?, _ second: String) -> String {
        guard let first, !first.isEmpty else { return second }
        return first + "\n\n" + second
    }

    func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return text
    }
}

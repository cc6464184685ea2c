import APIDefinition

/// Writes a definition as an OpenAPI 3.1 document that says everything the definition says:
/// servers, security schemes, operations (in definition order) with parameters, request content
/// types and responses per status and content type, and schemas with their constraints,
/// required-versus-nullable, oneOf discriminators and docs. What OpenAPI cannot say (Swift names,
/// sensitive fields, the XML dialect's booleans, open enums) travels in `x-apigen-*` extensions,
/// which `OpenAPIImporter` reads back.
public enum OpenAPIExporter {
    /// The OpenAPI document as pretty-printed JSON.
    public static func text(_ definition: Definition) -> String { document(definition).rendered() }

    public static func document(_ definition: Definition) -> OrderedJSON {
        let service = definition.service
        var info: [OrderedJSON.Member] = [.init("title", .string(service.title ?? service.name))]
        if let doc = service.doc { info.append(.init("description", .string(doc))) }
        info.append(.init("version", .string("\(definition.formatVersion)")))
        var root: [OrderedJSON.Member] = [
            .init("openapi", .string(version(of: definition))), .init("info", .object(info)),
            .init("x-apigen-service-name", .string(service.name)),
        ]
        if let baseURL = service.baseURL {
            root.insert(.init("servers", .array([.object([.init("url", .string(baseURL))])])), at: 2)
        }
        if let xml = service.xml {
            root.append(
                .init(
                    "x-apigen-xml",
                    .object([
                        .init("rootElement", .string(xml.rootElement)),
                        .init("listItemElement", .string(xml.listItemElement)),
                        .init("trueText", .string(xml.trueText)), .init("falseText", .string(xml.falseText)),
                    ])))
        }
        if let parameter = service.responseFormatParameter {
            root.append(.init("x-apigen-response-format-parameter", .string(parameter)))
        }
        // Not part of the API: it travels so that `apigen import` gives the definition back.
        if let access = service.access { root.append(.init("x-apigen-access", .string(access.rawValue))) }
        // The server's own answers reference it; named here so that `apigen import` gives it back.
        if let errorBody = service.errorBody { root.append(.init(errorBodyExtension, .string(errorBody))) }
        root.append(.init("paths", paths(definition)))
        var components: [OrderedJSON.Member] = []
        if !definition.types.isEmpty {
            components.append(
                .init("schemas", .object(definition.types.map { .init($0.name, schema(for: $0, definition)) })))
        }
        if !definition.auth.isEmpty {
            components.append(
                .init("securitySchemes", .object(definition.auth.map { .init($0.name, securityScheme($0)) })))
        }
        if !components.isEmpty { root.append(.init("components", .object(components))) }
        return .object(root)
    }

    // MARK: Security

    static func securityScheme(_ scheme: AuthScheme) -> OrderedJSON {
        var members: [OrderedJSON.Member]
        switch scheme.kind {
        case .bearer(let format):
            members = [.init("type", .string("http")), .init("scheme", .string("bearer"))]
            if let format { members.append(.init("bearerFormat", .string(format))) }
        case .apiKeyHeader(let header):
            members = [
                .init("type", .string("apiKey")), .init("in", .string("header")), .init("name", .string(header)),
            ]
        case .apiKeyQuery(let name):
            members = [.init("type", .string("apiKey")), .init("in", .string("query")), .init("name", .string(name))]
        case .apiKeyCookie(let name):
            members = [.init("type", .string("apiKey")), .init("in", .string("cookie")), .init("name", .string(name))]
        case .basic:
            members = [.init("type", .string("http")), .init("scheme", .string("basic"))]
        case .oauth2(let flows):
            members = [.init("type", .string("oauth2")), .init("flows", .object(flows.map(oauthFlow)))]
        case .openIdConnect(let url):
            members = [.init("type", .string("openIdConnect")), .init("openIdConnectUrl", .string(url))]
        }
        if let doc = scheme.doc { members.append(.init("description", .string(doc))) }
        return .object(members)
    }

    /// An OAuth 2 flow object, its scopes a map in the definition's order.
    static func oauthFlow(_ flow: OAuthFlow) -> OrderedJSON.Member {
        var members: [OrderedJSON.Member] = []
        if let url = flow.authorizationURL { members.append(.init("authorizationUrl", .string(url))) }
        if let url = flow.tokenURL { members.append(.init("tokenUrl", .string(url))) }
        if let url = flow.refreshURL { members.append(.init("refreshUrl", .string(url))) }
        members.append(.init("scopes", .object(flow.scopes.map { .init($0.name, .string($0.doc ?? "")) })))
        return .init(flow.kind.rawValue, .object(members))
    }

    // MARK: Paths

    static func paths(_ definition: Definition) -> OrderedJSON {
        var order: [String] = []
        for operation in definition.operations where !order.contains(operation.path) { order.append(operation.path) }
        return .object(
            order.map { path in
                .init(
                    path,
                    .object(
                        definition.operations.filter { $0.path == path }.map {
                            .init($0.method.lowercased(), operation($0, definition))
                        }))
            })
    }

    static func operation(_ operation: Operation, _ definition: Definition) -> OrderedJSON {
        var members: [OrderedJSON.Member] = [.init("operationId", .string(operation.name))]
        if let summary = operation.summary { members.append(.init("summary", .string(summary))) }
        if let doc = operation.doc { members.append(.init("description", .string(doc))) }
        members += deprecation(operation.deprecated)
        if !operation.auth.isEmpty {
            members.append(
                .init(
                    "security",
                    .array(
                        operation.auth.map { group in
                            .object(group.map { .init($0.scheme, .array($0.scopes.map(OrderedJSON.string))) })
                        })))
        }
        if !operation.parameters.isEmpty {
            members.append(.init("parameters", .array(operation.parameters.map { parameter($0, definition) })))
        }
        if let body = operation.body {
            var entry: [OrderedJSON.Member] = []
            if let doc = body.doc { entry.append(.init("description", .string(doc))) }
            entry.append(.init("required", .bool(body.required)))
            entry.append(
                .init(
                    "content",
                    .object(
                        body.contentTypes.map { contentType in
                            // A raw body: bytes in that media type; OpenAPI 3.1 describes them without a schema.
                            guard let type = body.type else { return .init(contentType, .object([])) }
                            var media: [OrderedJSON.Member] = [
                                .init("schema", schema(for: type, definition, xmlRoot: contentType == MediaTypes.xml))
                            ]
                            if let encoding = formEncoding(type, definition, contentType: contentType) {
                                media.append(.init("encoding", encoding))
                            }
                            return .init(contentType, .object(media))
                        })))
            members.append(.init("requestBody", .object(entry)))
        }
        members.append(.init("responses", .object(responses(operation, definition))))
        return .object(members)
    }

    // MARK: Responses

    /// The definition's responses, then the answers the generated server gives on its own (see
    /// ``runtimeAnswers(_:)``), so that the document describes everything a client can receive.
    static func responses(_ operation: Operation, _ definition: Definition) -> [OrderedJSON.Member] {
        let runtime = runtimeAnswers(operation)
        var result: [OrderedJSON.Member] = operation.responses.map { response in
            var entry: [OrderedJSON.Member] = [
                .init("description", .string(response.doc ?? response.status.defaultDoc))
            ]
            if !response.headers.isEmpty {
                // A header object is a parameter object without `name` and `in`: the name is its key.
                let headers: [OrderedJSON.Member] = response.headers.map { header in
                    let members = parameter(header, definition).members ?? []
                    return .init(header.name, .object(members.filter { $0.key != "name" && $0.key != "in" }))
                }
                entry.append(.init("headers", .object(headers)))
            }
            if let format = response.stream, let type = response.type {
                entry.append(
                    .init(
                        "content",
                        .object([
                            .init(
                                format.mediaType,
                                .object([.init("itemSchema", itemSchema(for: type, format, definition))]))
                        ])))
            } else if !response.contentTypes.isEmpty {
                var content: [OrderedJSON.Member] = response.contentTypes.map { contentType in
                    let schema: OrderedJSON =
                        response.type.map {
                            Self.schema(for: $0, definition, xmlRoot: contentType == MediaTypes.xml)
                        } ?? .object([.init("type", .string("string"))])
                    return .init(contentType, .object([.init("schema", schema)]))
                }
                // The server's own answer with this status is JSON: say so beside the declared content.
                if runtime.contains(where: { $0.status == response.status.code }),
                    !response.contentTypes.contains(MediaTypes.json)
                {
                    content.append(.init(MediaTypes.json, runtimeErrorContent(definition)))
                }
                entry.append(.init("content", .object(content)))
            }
            return .init(String(response.status), .object(entry))
        }
        let declared = Set(operation.responses.compactMap(\.status.code))
        for answer in runtime where !declared.contains(answer.status) {
            result.append(
                .init(
                    String(answer.status),
                    .object([
                        .init("description", .string(answer.reason)),
                        .init("content", .object([.init(MediaTypes.json, runtimeErrorContent(definition))])),
                        .init(runtimeExtension, .bool(true)),
                    ])))
        }
        return result
    }

    /// The form of a UUID, as the generated code reads one (any case).
    static let uuidPattern = "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$"

    /// Marks what the exporter adds for the generated server's own answers; `apigen import` skips it.
    static let runtimeExtension = "x-apigen-runtime"
    /// The service's `errorBody`: the schema of the generated server's own error answers.
    static let errorBodyExtension = "x-apigen-error-body"
    /// Marks a `format: int64` integer that is the definition's `integer` (Swift `Int`), not `int64`.
    static let integerTypeExtension = "x-apigen-type"
    /// The message of a `deprecated` operation, parameter or property, which OpenAPI has no place for.
    static let deprecationExtension = "x-apigen-deprecation"

    /// `deprecated: true`, and the message when there is one.
    static func deprecation(_ message: String?) -> [OrderedJSON.Member] {
        guard let message else { return [] }
        return [.init("deprecated", .bool(true))]
            + (message.isEmpty ? [] : [.init(deprecationExtension, .string(message))])
    }

    /// The statuses a generated router answers for this operation before (or instead of) its handler,
    /// with the `{"error", "fields"}` JSON body of `ServerError`: 400 for a parameter or body that does
    /// not decode or breaks a constraint, 401 for missing credentials, 406 for an `Accept` it cannot
    /// satisfy, 413 for a body over the limit and 415 for a body in a content type it does not take.
    static func runtimeAnswers(_ operation: Operation) -> [(status: Int, reason: String)] {
        var answers: [(status: Int, reason: String)] = []
        if !operation.parameters.isEmpty || operation.body != nil {
            answers.append((400, "The request does not satisfy the definition; `fields` names each problem."))
        }
        if !operation.auth.isEmpty { answers.append((401, "Missing or unusable credentials.")) }
        if operation.responses.contains(where: { $0.type != nil && !$0.contentTypes.isEmpty }) {
            answers.append((406, "None of the answer's content types is acceptable (`Accept`)."))
        }
        if operation.body != nil {
            answers.append((413, "The body is larger than the server's limit."))
            answers.append((415, "The body's content type is not one the operation takes."))
        }
        return answers
    }

    /// The content of a generated server's own error answer: the service's `errorBody` when it names
    /// one, else `ServerError`'s JSON body.
    static func runtimeErrorContent(_ definition: Definition) -> OrderedJSON {
        if let errorBody = definition.service.errorBody {
            return .object([
                .init("schema", schema(for: .named(errorBody), definition)), .init(runtimeExtension, .bool(true)),
            ])
        }
        let string: OrderedJSON = .object([.init("type", .string("string"))])
        let field: OrderedJSON = .object([
            .init("type", .string("object")),
            .init("required", .array([.string("path"), .string("reason")])),
            .init("properties", .object([.init("path", string), .init("reason", string)])),
        ])
        return .object([
            .init(
                "schema",
                .object([
                    .init("type", .string("object")),
                    .init("required", .array([.string("error")])),
                    .init(
                        "properties",
                        .object([
                            .init("error", string),
                            .init("fields", .object([.init("type", .string("array")), .init("items", field)])),
                        ])),
                ])),
            .init(runtimeExtension, .bool(true)),
        ])
    }

    /// `3.2.0` when a response is a stream (its events are described by 3.2's `itemSchema`), otherwise
    /// `3.1.0`.
    static func version(of definition: Definition) -> String {
        definition.operations.contains { $0.responses.contains { $0.stream != nil } } ? "3.2.0" : "3.1.0"
    }

    /// The schema of one item of a stream (OpenAPI 3.2's `itemSchema`): the event's type for JSON Lines
    /// and JSON Sequences; for server-sent events, the event itself, whose `data` is a string holding
    /// JSON of the event's type (`contentMediaType` and `contentSchema`).
    static func itemSchema(for type: TypeRef, _ format: StreamFormat, _ definition: Definition) -> OrderedJSON {
        let payload = schema(for: type, definition, xmlRoot: false)
        guard format == .serverSentEvents else { return payload }
        return .object([
            .init("type", .string("object")), .init("required", .array([.string("data")])),
            .init(
                "properties",
                .object([
                    .init("event", .object([.init("type", .string("string"))])),
                    .init(
                        "data",
                        .object([
                            .init("type", .string("string")), .init("contentMediaType", .string("application/json")),
                            .init("contentSchema", payload),
                        ])),
                    .init("id", .object([.init("type", .string("string"))])),
                    .init("retry", .object([.init("type", .string("integer")), .init("minimum", .int(0))])),
                ])),
        ])
    }

    static func parameter(_ parameter: Parameter, _ definition: Definition) -> OrderedJSON {
        var members: [OrderedJSON.Member] = [
            .init("name", .string(parameter.name)), .init("in", .string(parameter.location.rawValue)),
        ]
        if let doc = parameter.doc { members.append(.init("description", .string(doc))) }
        members.append(.init("required", .bool(parameter.required || parameter.location == .path)))
        members += deprecation(parameter.deprecated)
        // Written for arrays and objects, whose wire form they decide, and wherever the definition sets them.
        var spelled = parameter.style != nil || parameter.explode != nil
        if case .array = parameter.type { spelled = true }
        if case .named(let name) = parameter.type, case .object? = definition.type(named: name)?.kind { spelled = true }
        if spelled {
            members.append(.init("style", .string(parameter.effectiveStyle.rawValue)))
            members.append(.init("explode", .bool(parameter.effectiveExplode)))
        }
        var schema = constrainingElements(schema(for: parameter.type, definition), parameter.constraints)
        schema = adding(constraints(parameter.constraints), to: schema)
        if let value = parameter.defaultValue {
            schema = adding([.init("default", DefinitionWriter.value(value))], to: schema)
        }
        members.append(.init("schema", schema))
        if let swiftName = parameter.swiftName { members.append(.init("x-apigen-swift-name", .string(swiftName))) }
        if parameter.sensitive { members.append(.init("x-apigen-sensitive", .bool(true))) }
        return .object(members)
    }

    // MARK: Schemas

    /// A schema for a type reference; `xmlRoot` names the root element for a top-level XML body.
    static func schema(for type: TypeRef, _ definition: Definition, xmlRoot: Bool = false) -> OrderedJSON {
        var members: [OrderedJSON.Member]
        switch type {
        case .string: members = [.init("type", .string("string"))]
        case .integer:
            // Swift's `Int` is 64 bits: the format says so, so a client (or a fuzzer generating valid data) stays
            // within what the generated server accepts; the extension keeps it `integer`, not `int64`, on import.
            members = [
                .init("type", .string("integer")), .init("format", .string("int64")),
                .init(integerTypeExtension, .string("integer")),
            ]
        case .int32: members = [.init("type", .string("integer")), .init("format", .string("int32"))]
        case .int64: members = [.init("type", .string("integer")), .init("format", .string("int64"))]
        case .number: members = [.init("type", .string("number")), .init("format", .string("double"))]
        case .boolean: members = [.init("type", .string("boolean"))]
        case .uuid:
            // `format` alone is an annotation in JSON Schema 2020-12; the pattern makes a validator (and a
            // fuzzer generating valid data) hold to the form the generated server accepts.
            members = [
                .init("type", .string("string")), .init("format", .string("uuid")),
                .init("pattern", .string(uuidPattern)),
            ]
        case .dateTime: members = [.init("type", .string("string")), .init("format", .string("date-time"))]
        case .date: members = [.init("type", .string("string")), .init("format", .string("date"))]
        case .bytes: members = [.init("type", .string("string")), .init("format", .string("byte"))]
        case .uri: members = [.init("type", .string("string")), .init("format", .string("uri"))]
        // A JSON number, as apigen sends it; `decimal` is the format OpenAPI's registry names for it.
        case .decimal: members = [.init("type", .string("number")), .init("format", .string("decimal"))]
        case .unixTime:
            // Seconds are an int64 to any reader; the extension (and the `unix-time` format some APIs use on
            // import) says they are a time.
            members = [
                .init("type", .string("integer")), .init("format", .string("int64")),
                .init(integerTypeExtension, .string("unix-time")),
            ]
        case .file:
            // A file part of a multipart body: `format: binary` as OpenAPI 3.0 says it, `contentMediaType` as
            // 3.1 (JSON Schema 2020-12) does; either makes a reader see bytes, not text.
            members = [
                .init("type", .string("string")), .init("format", .string("binary")),
                .init("contentMediaType", .string("application/octet-stream")),
            ]
        case .json: members = []
        case .named(let name): members = [.init("$ref", .string("#/components/schemas/\(name)"))]
        case .array(let element):
            var items = schema(for: element, definition)
            if let xml = definition.service.xml {
                items = adding([.init("xml", .object([.init("name", .string(xml.listItemElement))]))], to: items)
            }
            members = [.init("type", .string("array")), .init("items", items)]
            if definition.service.xml != nil {
                members.append(.init("xml", .object([.init("wrapped", .bool(true))])))
            }
        case .map(let element):
            members = [
                .init("type", .string("object")), .init("additionalProperties", schema(for: element, definition)),
            ]
        }
        if xmlRoot, let xml = definition.service.xml {
            if case .named = type {
                // A $ref cannot carry siblings that change it; wrap it to name the root element.
                members = [
                    .init("allOf", .array([.object(members)])),
                    .init("xml", .object([.init("name", .string(xml.rootElement))])),
                ]
            } else {
                members.append(.init("xml", .object([.init("name", .string(xml.rootElement))])))
            }
        }
        return .object(members)
    }

    /// A field's schema: its type made nullable when it may be null, with constraints, const, default, docs.
    static func fieldSchema(_ field: Field, _ definition: Definition) -> OrderedJSON {
        var schema = constrainingElements(schema(for: field.type, definition), field.constraints)
        if field.nullable { schema = nullable(schema) }
        var extra = constraints(field.constraints)
        if let constant = field.constant { extra.append(.init("const", DefinitionWriter.value(constant))) }
        if let value = field.defaultValue { extra.append(.init("default", DefinitionWriter.value(value))) }
        if let doc = field.doc { extra.append(.init("description", .string(doc))) }
        if field.readOnly { extra.append(.init("readOnly", .bool(true))) }
        if field.writeOnly { extra.append(.init("writeOnly", .bool(true))) }
        extra += deprecation(field.deprecated)
        if let swiftName = field.swiftName { extra.append(.init("x-apigen-swift-name", .string(swiftName))) }
        if field.sensitive { extra.append(.init("x-apigen-sensitive", .bool(true))) }
        return adding(extra, to: schema)
    }

    /// `type: [T, "null"]` for a primitive; `anyOf: [schema, {type: null}]` otherwise.
    static func nullable(_ schema: OrderedJSON) -> OrderedJSON {
        guard case .object(var members) = schema else { return schema }
        if let index = members.firstIndex(where: { $0.key == "type" }), case .string(let type) = members[index].value {
            members[index].value = .array([.string(type), .string("null")])
            return .object(members)
        }
        if members.isEmpty { return schema }  // `json` already allows null
        return .object([.init("anyOf", .array([schema, .object([.init("type", .string("null"))])]))])
    }

    /// The keywords of the constraints on the value itself (its elements' go into their schemas).
    static func constraints(_ constraints: Constraints) -> [OrderedJSON.Member] {
        var own = constraints
        own.items = nil
        own.values = nil
        return DefinitionWriter.constraints(own)
    }

    /// An array's `items` and a map's `values` constraints, written into the element schemas
    /// (`items`, `additionalProperties`), as deep as they nest.
    static func constrainingElements(_ schema: OrderedJSON, _ constraints: Constraints) -> OrderedJSON {
        guard case .object(var members) = schema else { return schema }
        for (key, element) in [("items", constraints.items), ("additionalProperties", constraints.values)] {
            guard let element, let index = members.firstIndex(where: { $0.key == key }) else { continue }
            members[index].value = constrainingElements(
                adding(self.constraints(element), to: members[index].value), element)
        }
        return .object(members)
    }

    /// Adds members to a schema object; when it is a `$ref`, wraps it in `allOf` first (keywords next
    /// to `$ref` are fine in 3.1, but wrapping reads unambiguously in every tool).
    static func adding(_ extra: [OrderedJSON.Member], to schema: OrderedJSON) -> OrderedJSON {
        guard !extra.isEmpty, case .object(let members) = schema else { return schema }
        if members.count == 1, members[0].key == "$ref" {
            return .object([.init("allOf", .array([schema]))] + extra)
        }
        return .object(members + extra)
    }

    static func schema(for type: TypeDeclaration, _ definition: Definition) -> OrderedJSON {
        var members: [OrderedJSON.Member] = []
        switch type.kind {
        case .object(let fields):
            members.append(.init("type", .string("object")))
            if let doc = type.doc { members.append(.init("description", .string(doc))) }
            let required = fields.filter(\.required).map { OrderedJSON.string($0.name) }
            if !required.isEmpty { members.append(.init("required", .array(required))) }
            members.append(
                .init("properties", .object(fields.map { .init($0.name, fieldSchema($0, definition)) })))
            if let rest = type.additionalProperties {
                members.append(.init("additionalProperties", schema(for: rest, definition)))
            }
        case .enumeration(let values, let keepUnknown):
            let rawType = EnumRawType(values)
            members.append(.init("type", .string(rawType.isNumeric ? rawType.rawValue : "string")))
            if let doc = type.doc { members.append(.init("description", .string(doc))) }
            members.append(.init("enum", .array(values.map { OrderedJSON.enumValue($0, rawType) })))
            if keepUnknown { members.append(.init("x-apigen-unknown-values", .string("keep"))) }
            if values.contains(where: { $0.swiftName != nil || $0.doc != nil }) {
                members.append(
                    .init(
                        "x-apigen-values",
                        .object(
                            values.map { value in
                                var entry: [OrderedJSON.Member] = []
                                if let swiftName = value.swiftName {
                                    entry.append(.init("swiftName", .string(swiftName)))
                                }
                                if let doc = value.doc { entry.append(.init("doc", .string(doc))) }
                                return .init(value.value, .object(entry))
                            })))
            }
        case .oneOf(let variants, let discriminator):
            if let doc = type.doc { members.append(.init("description", .string(doc))) }
            members.append(
                .init(
                    "oneOf",
                    .array(variants.map { .object([.init("$ref", .string("#/components/schemas/\($0.type)"))]) })))
            if let discriminator {
                members.append(
                    .init(
                        "discriminator",
                        .object([
                            .init("propertyName", .string(discriminator)),
                            .init(
                                "mapping",
                                .object(
                                    variants.compactMap { variant in
                                        variant.discriminatorValue.map {
                                            .init($0, .string("#/components/schemas/\(variant.type)"))
                                        }
                                    })),
                        ])))
            }
            let names = variants.filter { $0.swiftName != nil }
            if !names.isEmpty {
                members.append(
                    .init(
                        "x-apigen-swift-names",
                        .object(names.map { .init($0.type, .string($0.swiftName ?? "")) })))
            }
        case .anyOf(let variants):
            if let doc = type.doc { members.append(.init("description", .string(doc))) }
            // A primitive alternative's constraints in its own schema: it matches only a value that holds them.
            members.append(
                .init(
                    "anyOf",
                    .array(variants.map { adding(constraints($0.constraints), to: schema(for: $0.type, definition)) })))
            let names = variants.filter { $0.swiftName != nil }
            if !names.isEmpty {
                members.append(
                    .init(
                        "x-apigen-swift-names",
                        .object(names.map { .init($0.type.description, .string($0.swiftName ?? "")) })))
            }
        }
        return .object(members)
    }
}

extension OrderedJSON {
    /// An enum value as JSON: a string, or a number of the enum's raw type.
    static func enumValue(_ value: EnumValue, _ rawType: EnumRawType) -> OrderedJSON {
        switch rawType {
        case .integer: .int(Int(value.value) ?? 0)
        case .number: .double(value.numericValue ?? 0)
        case .string, .mixed: .string(value.value)
        }
    }
}

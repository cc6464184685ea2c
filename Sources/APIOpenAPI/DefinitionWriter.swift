import APIDefinition

/// Writes a ``Definition`` as a definition file (format version 1), leaving out keys that hold
/// their defaults, so that imported definitions read like hand-written ones.
public enum DefinitionWriter {
    /// The definition as JSON text.
    public static func text(_ definition: Definition, schema: String? = "./apigen.schema.json") -> String {
        json(definition, schema: schema).rendered()
    }

    public static func json(_ definition: Definition, schema: String? = "./apigen.schema.json") -> OrderedJSON {
        var members: [OrderedJSON.Member] = []
        if let schema { members.append(.init("$schema", .string(schema))) }
        members.append(.init("formatVersion", .int(definition.formatVersion)))
        members.append(.init("service", service(definition.service)))
        if !definition.auth.isEmpty { members.append(.init("auth", .array(definition.auth.map(auth)))) }
        if !definition.types.isEmpty { members.append(.init("types", .array(definition.types.map(type)))) }
        members.append(.init("operations", .array(definition.operations.map(operation))))
        return .object(members)
    }

    static func service(_ service: Service) -> OrderedJSON {
        var members: [OrderedJSON.Member] = [.init("name", .string(service.name))]
        if let title = service.title { members.append(.init("title", .string(title))) }
        if let doc = service.doc { members.append(.init("doc", .string(doc))) }
        if let baseURL = service.baseURL { members.append(.init("baseURL", .string(baseURL))) }
        if let parameter = service.responseFormatParameter {
            members.append(.init("responseFormatParameter", .string(parameter)))
        }
        if let access = service.access { members.append(.init("access", .string(access.rawValue))) }
        if let errorBody = service.errorBody { members.append(.init("errorBody", .string(errorBody))) }
        if let xml = service.xml {
            members.append(
                .init(
                    "xml",
                    .object([
                        .init("rootElement", .string(xml.rootElement)),
                        .init("listItemElement", .string(xml.listItemElement)),
                        .init("trueText", .string(xml.trueText)), .init("falseText", .string(xml.falseText)),
                    ])))
        }
        return .object(members)
    }

    static func auth(_ scheme: AuthScheme) -> OrderedJSON {
        var members: [OrderedJSON.Member] = [.init("name", .string(scheme.name))]
        switch scheme.kind {
        case .bearer(let format):
            members.append(.init("kind", .string("bearer")))
            if let format { members.append(.init("bearerFormat", .string(format))) }
        case .apiKeyHeader(let header):
            members.append(.init("kind", .string("apiKey")))
            members.append(.init("header", .string(header)))
        case .apiKeyQuery(let name):
            members.append(.init("kind", .string("apiKey")))
            members.append(.init("query", .string(name)))
        case .apiKeyCookie(let name):
            members.append(.init("kind", .string("apiKey")))
            members.append(.init("cookie", .string(name)))
        case .basic:
            members.append(.init("kind", .string("basic")))
        case .oauth2(let flows):
            members.append(.init("kind", .string("oauth2")))
            members.append(.init("flows", .array(flows.map(oauthFlow))))
        case .openIdConnect(let url):
            members.append(.init("kind", .string("openIdConnect")))
            members.append(.init("openIdConnectUrl", .string(url)))
        }
        if let doc = scheme.doc { members.append(.init("doc", .string(doc))) }
        return .object(members)
    }

    static func oauthFlow(_ flow: OAuthFlow) -> OrderedJSON {
        var members: [OrderedJSON.Member] = [.init("kind", .string(flow.kind.rawValue))]
        if let url = flow.authorizationURL { members.append(.init("authorizationUrl", .string(url))) }
        if let url = flow.tokenURL { members.append(.init("tokenUrl", .string(url))) }
        if let url = flow.refreshURL { members.append(.init("refreshUrl", .string(url))) }
        if !flow.scopes.isEmpty {
            members.append(
                .init(
                    "scopes",
                    .array(
                        flow.scopes.map { scope in
                            .object(
                                [.init("name", .string(scope.name))]
                                    + (scope.doc.map { [.init("doc", .string($0))] } ?? []))
                        })))
        }
        return .object(members)
    }

    /// `"name"`, or `{"scheme": "name", "scopes": [...]}` when it requires scopes.
    static func authUse(_ use: AuthUse) -> OrderedJSON {
        if use.scopes.isEmpty { return .string(use.scheme) }
        return .object([
            .init("scheme", .string(use.scheme)), .init("scopes", .array(use.scopes.map(OrderedJSON.string))),
        ])
    }

    static func type(_ type: TypeDeclaration) -> OrderedJSON {
        var members: [OrderedJSON.Member] = [.init("name", .string(type.name))]
        switch type.kind {
        case .object(let fields):
            members.append(.init("kind", .string("object")))
            if let doc = type.doc { members.append(.init("doc", .string(doc))) }
            members.append(.init("fields", .array(fields.map(field))))
            if let rest = type.additionalProperties {
                members.append(.init("additionalProperties", .string(rest.description)))
            }
        case .enumeration(let values, let keepUnknown):
            members.append(.init("kind", .string("enum")))
            if let doc = type.doc { members.append(.init("doc", .string(doc))) }
            if keepUnknown { members.append(.init("unknownValues", .string("keep"))) }
            members.append(
                .init(
                    "values",
                    .array(
                        values.map { value in
                            let json = OrderedJSON.enumValue(value, EnumRawType(values))
                            guard value.swiftName != nil || value.doc != nil else { return json }
                            var entry: [OrderedJSON.Member] = [.init("value", json)]
                            if let swiftName = value.swiftName { entry.append(.init("swiftName", .string(swiftName))) }
                            if let doc = value.doc { entry.append(.init("doc", .string(doc))) }
                            return .object(entry)
                        })))
        case .oneOf(let variants, let discriminator):
            members.append(.init("kind", .string("oneOf")))
            if let doc = type.doc { members.append(.init("doc", .string(doc))) }
            if let discriminator { members.append(.init("discriminator", .string(discriminator))) }
            members.append(
                .init(
                    "variants",
                    .array(
                        variants.map { variant in
                            guard variant.discriminatorValue != nil || variant.swiftName != nil || variant.doc != nil
                            else { return .string(variant.type) }
                            var entry: [OrderedJSON.Member] = [.init("type", .string(variant.type))]
                            if let value = variant.discriminatorValue {
                                entry.append(.init("discriminatorValue", .string(value)))
                            }
                            if let swiftName = variant.swiftName {
                                entry.append(.init("swiftName", .string(swiftName)))
                            }
                            if let doc = variant.doc { entry.append(.init("doc", .string(doc))) }
                            return .object(entry)
                        })))
        case .anyOf(let variants):
            members.append(.init("kind", .string("anyOf")))
            if let doc = type.doc { members.append(.init("doc", .string(doc))) }
            members.append(
                .init(
                    "variants",
                    .array(
                        variants.map { variant in
                            guard variant.swiftName != nil || variant.doc != nil || !variant.constraints.isEmpty else {
                                return .string(variant.type.description)
                            }
                            var entry: [OrderedJSON.Member] = [.init("type", .string(variant.type.description))]
                            if let swiftName = variant.swiftName {
                                entry.append(.init("swiftName", .string(swiftName)))
                            }
                            if let doc = variant.doc { entry.append(.init("doc", .string(doc))) }
                            entry += constraints(variant.constraints)
                            return .object(entry)
                        })))
        }
        return .object(members)
    }

    static func field(_ field: Field) -> OrderedJSON {
        var members: [OrderedJSON.Member] = [.init("name", .string(field.name))]
        if let swiftName = field.swiftName { members.append(.init("swiftName", .string(swiftName))) }
        members.append(.init("type", .string(field.type.description)))
        if !field.required { members.append(.init("required", .bool(false))) }
        if field.nullable { members.append(.init("nullable", .bool(true))) }
        if field.sensitive { members.append(.init("sensitive", .bool(true))) }
        if field.readOnly { members.append(.init("readOnly", .bool(true))) }
        if field.writeOnly { members.append(.init("writeOnly", .bool(true))) }
        if let constant = field.constant { members.append(.init("const", value(constant))) }
        if let defaultValue = field.defaultValue { members.append(.init("default", value(defaultValue))) }
        members += constraints(field.constraints)
        if let deprecated = field.deprecated { members.append(deprecation(deprecated)) }
        if let doc = field.doc { members.append(.init("doc", .string(doc))) }
        return .object(members)
    }

    static func constraints(_ constraints: Constraints) -> [OrderedJSON.Member] {
        var members: [OrderedJSON.Member] = []
        if let value = constraints.minLength { members.append(.init("minLength", .int(value))) }
        if let value = constraints.maxLength { members.append(.init("maxLength", .int(value))) }
        if let value = constraints.pattern { members.append(.init("pattern", .string(value))) }
        if let value = constraints.minimum { members.append(.init("minimum", number(value))) }
        if let value = constraints.maximum { members.append(.init("maximum", number(value))) }
        if let value = constraints.minItems { members.append(.init("minItems", .int(value))) }
        if let value = constraints.maxItems { members.append(.init("maxItems", .int(value))) }
        if let items = constraints.items { members.append(.init("items", .object(self.constraints(items)))) }
        if let values = constraints.values { members.append(.init("values", .object(self.constraints(values)))) }
        return members
    }

    static func number(_ value: Double) -> OrderedJSON {
        value.rounded() == value && abs(value) < 1e15 ? .int(Int(value)) : .double(value)
    }

    static func value(_ value: JSONValue) -> OrderedJSON {
        switch value {
        case .string(let text): .string(text)
        case .integer(let number): .int(number)
        case .number(let number): .double(number)
        case .boolean(let flag): .bool(flag)
        case .null: .null
        case .array(let values): .array(values.map(Self.value))
        case .object(let members): .object(members.map { .init($0.key, Self.value($0.value)) })
        }
    }

    static func operation(_ operation: Operation) -> OrderedJSON {
        var members: [OrderedJSON.Member] = [
            .init("name", .string(operation.name)), .init("method", .string(operation.method)),
            .init("path", .string(operation.path)),
        ]
        if let summary = operation.summary { members.append(.init("summary", .string(summary))) }
        if let doc = operation.doc { members.append(.init("doc", .string(doc))) }
        if let deprecated = operation.deprecated { members.append(deprecation(deprecated)) }
        if !operation.auth.isEmpty {
            members.append(
                .init(
                    "auth",
                    .array(operation.auth.map { $0.count == 1 ? authUse($0[0]) : .array($0.map(authUse)) })))
        }
        if !operation.parameters.isEmpty {
            members.append(.init("parameters", .array(operation.parameters.map(parameter))))
        }
        if let body = operation.body {
            var entry: [OrderedJSON.Member] = body.type.map { [.init("type", .string($0.description))] } ?? []
            if body.contentTypes != [MediaTypes.json] || body.type == nil {
                entry.append(.init("contentTypes", .array(body.contentTypes.map(OrderedJSON.string))))
            }
            if let doc = body.doc { entry.append(.init("doc", .string(doc))) }
            if !body.required { entry.append(.init("required", .bool(false))) }
            members.append(.init("body", .object(entry)))
        }
        members.append(
            .init(
                "responses",
                .array(
                    operation.responses.map { response in
                        var entry: [OrderedJSON.Member] = [
                            .init(
                                "status", response.status.code.map(OrderedJSON.int) ?? .string(String(response.status)))
                        ]
                        if let type = response.type { entry.append(.init("type", .string(type.description))) }
                        let defaultTypes = response.type == nil ? [] : [MediaTypes.json]
                        if let stream = response.stream {
                            entry.append(.init("stream", .string(stream.rawValue)))
                        } else if response.contentTypes != defaultTypes {
                            entry.append(.init("contentTypes", .array(response.contentTypes.map(OrderedJSON.string))))
                        }
                        if let doc = response.doc { entry.append(.init("doc", .string(doc))) }
                        if !response.headers.isEmpty {
                            entry.append(.init("headers", .array(response.headers.map(responseHeader))))
                        }
                        return .object(entry)
                    })))
        return .object(members)
    }

    static func parameter(_ parameter: Parameter) -> OrderedJSON {
        var members: [OrderedJSON.Member] = [
            .init("name", .string(parameter.name)), .init("in", .string(parameter.location.rawValue)),
        ]
        if let swiftName = parameter.swiftName { members.append(.init("swiftName", .string(swiftName))) }
        members.append(.init("type", .string(parameter.type.description)))
        if !parameter.required { members.append(.init("required", .bool(false))) }
        if let style = parameter.style { members.append(.init("style", .string(style.rawValue))) }
        if let explode = parameter.explode { members.append(.init("explode", .bool(explode))) }
        if parameter.sensitive { members.append(.init("sensitive", .bool(true))) }
        if let defaultValue = parameter.defaultValue { members.append(.init("default", value(defaultValue))) }
        members += constraints(parameter.constraints)
        if let deprecated = parameter.deprecated { members.append(deprecation(deprecated)) }
        if let doc = parameter.doc { members.append(.init("doc", .string(doc))) }
        return .object(members)
    }

    /// A response header: a header parameter without `in` and `default`, optional unless `required`.
    static func responseHeader(_ header: Parameter) -> OrderedJSON {
        var members: [OrderedJSON.Member] = [.init("name", .string(header.name))]
        if let swiftName = header.swiftName { members.append(.init("swiftName", .string(swiftName))) }
        members.append(.init("type", .string(header.type.description)))
        if header.required { members.append(.init("required", .bool(true))) }
        if header.sensitive { members.append(.init("sensitive", .bool(true))) }
        members += constraints(header.constraints)
        if let deprecated = header.deprecated { members.append(deprecation(deprecated)) }
        if let doc = header.doc { members.append(.init("doc", .string(doc))) }
        return .object(members)
    }

    /// `"deprecated": true`, or the message.
    static func deprecation(_ message: String) -> OrderedJSON.Member {
        .init("deprecated", message.isEmpty ? .bool(true) : .string(message))
    }
}

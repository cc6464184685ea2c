import APIDefinition
import Foundation

/// Path, query, header and cookie parameters (arrays, styles, deepObject), path-level ones merged with the operation's.
extension ImportRun {
    /// Member names the generated redaction uses, which a sensitive field or parameter must not take.
    static let redactionMembers: Set<String> = ["description", "debugDescription", "customMirror", "redactedFields"]

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
        let sensitive = parameters.contains { $0.sensitive || $0.deprecated != nil }
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

    /// A parameter, or with `responseHeader` a response's header (a header object, given its `name` and
    /// `in: header`), whose warnings then speak of response headers.
    func convertParameter(
        _ json: OrderedJSON, at pointer: String, base: String, responseHeader: Bool = false
    ) -> Parameter? {
        // What the warnings call what is converted.
        let things = responseHeader ? "response headers" : "parameters"
        guard let name = json["name"]?.stringValue, !name.isEmpty, let place = json["in"]?.stringValue else {
            warn(pointer, "a parameter needs 'name' and 'in'; dropped")
            return nil
        }
        let location: ParameterLocation
        switch place {
        case "path": location = .path
        case "query": location = .query
        case "header": location = .header
        case "cookie": location = .cookie
        default:
            warn(pointer, "parameters in '\(place)' are not supported; '\(name)' is dropped")
            return nil
        }
        if !responseHeader, location == .header,
            ["accept", "content-type", "authorization"].contains(name.lowercased())
        {
            warn(
                pointer,
                "OpenAPI ignores header parameters named Accept, Content-Type and Authorization; '\(name)' is dropped")
            return nil
        }
        let defaultStyle = ParameterStyle.defaultStyle(for: location)
        var style: ParameterStyle?
        var explode: Bool?
        for member in json.members ?? [] {
            switch member.key {
            case "name", "in", "description", "required", "deprecated", "schema", "content", "example", "examples":
                continue
            case "explode":
                explode = member.value.boolValue
            case "style":
                guard let text = member.value.stringValue else { continue }
                let allowed: [ParameterStyle] =
                    switch location {
                    case .query: [.form, .spaceDelimited, .pipeDelimited, .deepObject]
                    case .cookie: [.form]
                    case .path, .header: [.simple]
                    }
                if let parsed = ParameterStyle(rawValue: text), allowed.contains(parsed) {
                    style = parsed
                } else {
                    warn(
                        child(pointer, "style"),
                        "the style '\(text)' is not supported in \(location.rawValue); the value is sent in the style '\(defaultStyle.rawValue)'"
                    )
                }
            case "allowReserved", "allowEmptyValue":
                if member.value.boolValue == true {
                    warn(child(pointer, member.key), "'\(member.key)' cannot be expressed; ignored")
                }
            default:
                if !member.key.hasPrefix("x-") {
                    warn(
                        child(pointer, member.key),
                        "'\(member.key)' is not a \(responseHeader ? "header" : "parameter") key; ignored")
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
            let isArray = types.contains("array") || (types.isEmpty && target["items"] != nil)
            let isObject =
                !isArray && (types.contains("object") || isObjectLike(schema) || [.oneOf, .anyOf].contains(formOfReferenced(schema)))
            if isArray, responseHeader {
                guard let fallback = unusable("array \(things) are not supported") else { return nil }
                shape = fallback
            } else if isObject, style != .deepObject {
                guard
                    let fallback = unusable(
                        responseHeader
                            ? "object \(things) are not supported"
                            : "object parameters are not supported outside the style deepObject")
                else {
                    return nil
                }
                shape = fallback
            } else {
                shape = self.shape(schema, at: schemaPointer, name: base, allowsConst: false)
                var problem: String?
                switch shape.type {
                case .array(let item):
                    switch item {
                    case .array, .map, .json, .bytes:
                        problem = "array parameters are not supported when their items are \(item)"
                    case .named(let type):
                        if case .enumeration? = declaration(type)?.kind {
                        } else {
                            problem = "array parameters are not supported when their items are objects"
                        }
                    default: break
                    }
                case .map, .json: problem = "free-form \(things) are not supported"
                case .named(let type):
                    switch declaration(type)?.kind {
                    case .enumeration?: break
                    case .object(let fields)? where style == .deepObject:
                        if let field = fields.first(where: { !isFlat($0) }) {
                            problem =
                                "object parameters are not supported when a field is not a primitive or an enum ('\(field.name)')"
                        }
                    case .anyOf(let variants)? where style == .deepObject:
                        // A flat object or a value (Stripe's `created[gte]=1` or `created=1`).
                        for variant in variants {
                            guard case .named(let name) = variant.type else { continue }
                            switch declaration(name)?.kind {
                            case .enumeration?: continue
                            case .object(let fields)?:
                                if let field = fields.first(where: { !isFlat($0) }) {
                                    problem =
                                        "object parameters are not supported when a field is not a primitive or an enum ('\(name).\(field.name)')"
                                }
                            default:
                                problem = "anyOf parameters are supported when their alternatives are flat objects, enums and primitives ('\(name)' is not)"
                            }
                        }
                    default:
                        problem =
                            responseHeader
                            ? "object \(things) are not supported"
                            : "object parameters are not supported outside the style deepObject"
                    }
                default: break
                }
                if let problem {
                    guard let fallback = unusable(problem) else { return nil }
                    shape = fallback
                }
                if shape.nullable {
                    warn(
                        schemaPointer,
                        responseHeader
                            ? "a nullable response header cannot be expressed; the header is not nullable"
                            : "a nullable parameter cannot be expressed; the parameter is not nullable")
                }
            }
        } else {
            let problem =
                json["content"] != nil
                ? "\(things) described by 'content' are not supported"
                : responseHeader ? "the response header has no schema" : "the parameter has no schema"
            guard let fallback = unusable(problem) else { return nil }
            shape = fallback
        }
        var required = json["required"]?.boolValue ?? false
        if location == .path, !required {
            warn(child(pointer, "required"), "path parameters are always required")
            required = true
        }
        var defaultValue: JSONValue?
        if responseHeader {
            if shape.defaultValue != nil {
                warn(child(pointer, "schema"), "a response header's default cannot be expressed; dropped")
            }
        } else if let value = shape.defaultValue ?? (required ? nil : shape.inheritedDefault) {
            if required {
                warn(child(pointer, "schema"), "a required parameter's default is never used; dropped")
            } else if fits(value, shape.type, shape.constraints) {
                defaultValue = value
            } else {
                warn(child(pointer, "schema"), "the default \(value) does not fit the type '\(shape.type)'; dropped")
            }
        }
        let doc = nonEmpty(json["description"]?.stringValue) ?? shape.doc
        var parameter = Parameter(
            name: name, location: location, swiftName: json["x-apigen-swift-name"]?.stringValue, doc: doc,
            type: shape.type, required: required,
            sensitive: shape.sensitive || json["x-apigen-sensitive"]?.boolValue == true, defaultValue: defaultValue,
            constraints: shape.constraints)
        parameter.deprecated = json["deprecated"]?.boolValue == true ? deprecationMessage(json) : shape.deprecated
        settle(&parameter, style: style, explode: explode, at: pointer)
        return parameter
    }

    /// A deepObject's field: a primitive or an enum, neither nullable nor const.
    func isFlat(_ field: Field) -> Bool {
        if field.type.isContainer || field.type == .json || field.type == .unixTime || field.nullable
            || field.constant != nil
        {
            return false
        }
        if case .named(let type) = field.type, case .enumeration? = declaration(type)?.kind { return true }
        if case .named = field.type { return false }
        return true
    }

    /// Keeps `style` and `explode` where they fit the type (as the checker asks) and differ from the defaults.
    func settle(_ parameter: inout Parameter, style: ParameterStyle?, explode: Bool?, at pointer: String) {
        var isArray = false
        if case .array = parameter.type { isArray = true }
        var style = style
        var explode = explode
        switch style {
        case .spaceDelimited?, .pipeDelimited?:
            if !isArray {
                warn(
                    child(pointer, "style"),
                    "the style '\(style!.rawValue)' applies to arrays only; the value is sent in the style 'form'")
                style = nil
                explode = nil
            } else if explode == true {
                warn(
                    child(pointer, "explode"),
                    "an exploded '\(style!.rawValue)' array travels in the style 'form', exploded")
                style = .form
            } else {
                explode = nil
            }
        case .deepObject?:
            var isObject = false
            switch parameter.type {
            case .named(let type):
                switch declaration(type)?.kind {
                case .object?, .anyOf?: isObject = true
                default: break
                }
            // Stripe's lists (`expand[0]=a`): bracket notation, which apigen writes for a deepObject array.
            case .array: isObject = true
            default: break
            }
            if !isObject {
                warn(
                    child(pointer, "style"),
                    "the style 'deepObject' applies to objects, anyOfs of them and values, and arrays only; the value is sent in the style 'form'")
                style = nil
            } else if explode == false {
                warn(child(pointer, "explode"), "the style 'deepObject' is always exploded; 'explode' is ignored")
            }
            explode = nil
        default:
            break
        }
        parameter.style = style == ParameterStyle.defaultStyle(for: parameter.location) ? nil : style
        parameter.explode = explode
        if parameter.location == .cookie, isArray, parameter.effectiveExplode {
            if explode == true {
                warn(
                    child(pointer, "explode"),
                    "an exploded array in a cookie cannot be expressed; it travels as one comma-separated value")
            }
            parameter.explode = false
        } else if parameter.effectiveStyle == .form || parameter.effectiveStyle == .deepObject {
            if parameter.explode == true { parameter.explode = nil }
        } else if parameter.explode == false {
            parameter.explode = nil
        }
        if !isArray, parameter.effectiveStyle != .deepObject { parameter.explode = nil }
    }
}

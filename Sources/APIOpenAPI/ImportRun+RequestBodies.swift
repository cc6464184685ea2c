import APIDefinition
import Foundation

/// Media types and request bodies: which content apigen reads, and which schemas make a payload.
extension ImportRun {
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

    /// A type a body or a typed answer may be: a payload, a JSON-native primitive (`string`, `integer`,
    /// `number`, `boolean`, …), or arrays and maps (at any depth) of a declared type, of one of those or of
    /// a converted scalar (`[uuid]`, `[[number]]`), which travel as JSON only unless they hold declared types.
    static func isBodyPayload(_ type: TypeRef) -> Bool {
        if isPayload(type) || type.isBodyPrimitive { return true }
        guard type.isContainer else { return false }
        if case .named = type.element { return true }
        return type.element.isBodyPrimitive || type.element.isConvertedScalar || type.element == .date
    }

    /// Whether a schema is a primitive (`string`, `integer`, `number`, `boolean`) or an array of one: a
    /// candidate for a primitive body, whatever its format turns it into.
    func primitiveCandidate(_ schema: OrderedJSON) -> Bool {
        let target = followReferences(schema)
        let primitives: Set<String> = ["string", "integer", "number", "boolean"]
        let types = typeList(target)
        if types.count == 1, primitives.contains(types[0]) { return true }
        if types == ["array"], let items = target["items"] {
            let inner = typeList(followReferences(items))
            return inner.count == 1 && primitives.contains(inner[0])
        }
        return false
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
        // Media types apigen has no format for (`image/png`, `application/octet-stream`): a raw body when
        // nothing else types the body.
        var raw: [(mediaType: String, pointer: String)] = []
        // Each content type's `encoding`, judged once the body's type is known.
        var encodings: [(kind: MediaKind, encoding: OrderedJSON, pointer: String)] = []
        let content = body["content"]?.members ?? []
        for member in content {
            let mediaPointer = child(child(bodyPointer, "content"), member.key)
            guard case let (kind, exact)? = Self.mediaKind(member.key) else {
                raw.append((member.key, mediaPointer))
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
            if let encoding = member.value["encoding"] {
                encodings.append((kind, encoding, child(mediaPointer, "encoding")))
            }
            if !contentTypes.contains(kind.contentType) {
                contentTypes.append(kind.contentType)
                pointers[kind.contentType] = mediaPointer
            }
        }
        guard let primary else {
            if content.isEmpty { warn(bodyPointer, "a request body without content cannot be typed; dropped") }
            return rawBody(raw, body, at: bodyPointer)
        }
        for other in raw {
            warn(
                other.pointer,
                "request bodies of type '\(other.mediaType)' next to a typed body cannot be expressed; dropped")
        }
        var shape = self.shape(primary.schema, at: primary.pointer, name: base, allowsConst: false)
        for (kind, encoding, encodingPointer) in encodings where !isExpressibleEncoding(encoding, kind, shape.type) {
            if let retyped = retypeJSONParts(encoding, kind, shape.type) {
                warn(
                    encodingPointer,
                    "'contentType: application/json' sends \(retyped.map { "'\($0)'" }.joined(separator: ", ")) as JSON text; typed as any JSON (json)"
                )
                continue
            }
            warn(encodingPointer, "'encoding' cannot be expressed; ignored")
        }
        if !Self.isBodyPayload(shape.type) {
            // A JSON body the format has no type for (a nested array, a map of arrays) is kept as any JSON.
            guard contentTypes.contains(MediaTypes.json) else {
                warn(
                    primary.pointer,
                    "a request body must be a declared type (object, enum, oneOf), a string, number, integer, boolean or any JSON, or arrays and maps of one (at any depth) or of uuid, date-time, byte, decimal, uri or unix-time values, not '\(shape.type)'; the body is dropped"
                )
                return nil
            }
            warn(
                primary.pointer,
                "a request body must be a declared type (object, enum, oneOf), a string, number, integer, boolean or any JSON, or arrays and maps of one (at any depth) or of uuid, date-time, byte, decimal, uri or unix-time values, not '\(shape.type)'; it is typed as any JSON (json), sent as JSON only"
            )
            shape.type = .json
            contentTypes = [MediaTypes.json]
        }
        if shape.nullable { warn(primary.pointer, "a null body cannot be expressed; the body is not nullable") }
        if !shape.constraints.isEmpty {
            warn(primary.pointer, "constraints on a whole body cannot be expressed; dropped")
        }
        if shape.type.element.isBodyPrimitive || shape.type.element.isConvertedScalar || shape.type.element == .date,
            contentTypes.contains(MediaTypes.xml)
        {
            warn(
                pointers[MediaTypes.xml] ?? primary.pointer,
                "a '\(shape.type)' body travels as JSON only; '\(MediaTypes.xml)' is dropped")
            contentTypes.removeAll { $0 == MediaTypes.xml }
        }
        contentTypes = contentTypes.filter { contentType in
            guard contentType == MediaTypes.formURLEncoded || contentType == MediaTypes.multipart else { return true }
            guard let problem = formProblem(shape.type) else { return true }
            warn(
                pointers[contentType] ?? primary.pointer,
                "a form body holds primitives, enums, any JSON, objects, oneOfs and anyOfs, and arrays or maps of them, but \(problem); '\(contentType)' is dropped"
            )
            return false
        }
        guard !contentTypes.isEmpty else {
            warn(bodyPointer, "no content type of the request body remains; the body is dropped")
            return nil
        }
        if contentTypes.contains(MediaTypes.xml) { ensureXML(pointers[MediaTypes.xml] ?? bodyPointer) }
        // OpenAPI's `required` defaults to false: a body is optional unless it says otherwise.
        return RequestBody(
            type: shape.type, contentTypes: contentTypes, doc: nonEmpty(body["description"]?.stringValue),
            required: body["required"]?.boolValue == true)
    }

    /// A raw body (`RawBody`: bytes and their content type) in the media types apigen has no format for,
    /// or nil when there are none. A media type with parameters is kept without them.
    func rawBody(_ raw: [(mediaType: String, pointer: String)], _ body: OrderedJSON, at pointer: String) -> RequestBody?
    {
        var contentTypes: [String] = []
        for (mediaType, mediaPointer) in raw {
            let essence =
                mediaType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            guard MediaTypes.isMediaRange(essence) else {
                warn(
                    mediaPointer, "request bodies of type '\(mediaType)' are not supported (not a media type); dropped")
                continue
            }
            if essence != mediaType { warn(mediaPointer, "'\(mediaType)' is sent as \(essence)") }
            if !contentTypes.contains(essence) { contentTypes.append(essence) }
        }
        guard !contentTypes.isEmpty else { return nil }
        return RequestBody(
            type: nil, contentTypes: contentTypes, doc: nonEmpty(body["description"]?.stringValue),
            required: body["required"]?.boolValue == true)
    }

    /// Why `type` cannot be a form body, or nil when it can: as the checker says (`checkFormBody`), an
    /// object whose fields are primitives, enums, any JSON (a free-form object: its JSON text in one value),
    /// objects to any depth, oneOfs and anyOfs (their alternatives in bracket notation), or arrays or maps of
    /// those; not a type that contains itself (also through alternatives), or a name with `[` or `]`.
    func formProblem(_ type: TypeRef) -> String? {
        guard case .named(let name) = type, case .object(let fields)? = declaration(name)?.kind else {
            return "'\(type)' is not an object"
        }
        var open = [name]
        var done: Set<String> = []
        func visit(_ typeName: String, _ fields: [Field], _ path: String) -> String? {
            done.insert(typeName)
            for field in fields {
                let at = path.isEmpty ? field.name : "\(path).\(field.name)"
                if field.name.contains("[") || field.name.contains("]") {
                    return "the field '\(at)' of '\(typeName)' has '[' or ']' in its name"
                }
                if let problem = enter(field.type, at, typeName) { return problem }
            }
            return nil
        }
        func enter(_ type: TypeRef, _ at: String, _ typeName: String) -> String? {
            guard case .named(let nested) = type.element, let kind = declaration(nested)?.kind else { return nil }
            if case .enumeration = kind { return nil }
            if open.contains(nested) { return "the field '\(at)' of '\(typeName)' contains itself" }
            guard !done.contains(nested) else { return nil }
            open.append(nested)
            defer { open.removeLast() }
            switch kind {
            case .enumeration: return nil
            case .object(let inner): return visit(nested, inner, at)
            case .oneOf(let variants, _):
                done.insert(nested)
                for variant in variants {
                    if let problem = enter(.named(variant.type), at, typeName) { return problem }
                }
            case .anyOf(let variants):
                done.insert(nested)
                for variant in variants {
                    if let problem = enter(variant.type, at, typeName) { return problem }
                }
            }
            return nil
        }
        return visit(name, fields, "")
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
            if let key = componentKey(ref), components.typeNames[key] != nil { return true }
            guard let target = resolveLocal(ref) else { return true }  // reported when converted
            return payloadCandidate(target.value, depth: depth + 1)
        }
        if form(of: schema, component: false) != .other { return true }
        if let part = wrappedPart(schema) { return payloadCandidate(part.value, depth: depth + 1) }
        if typeList(schema) == ["array"], let items = schema["items"] {
            let target = followReferences(items)
            return !typeList(target).contains("array") && payloadCandidate(items, depth: depth + 1)
        }
        // A map (`{T}`): an object whose only members are `additionalProperties` of a declared type or a
        // JSON-native primitive.
        if typeList(schema) == ["object"], schema["properties"] == nil, let values = schema["additionalProperties"],
            values.boolValue == nil
        {
            if typeList(followReferences(values)).contains("array") { return false }
            return values["$ref"] != nil ? payloadCandidate(values, depth: depth + 1) : primitiveCandidate(values)
        }
        return false
    }
}

import APIDefinition
import Foundation

/// Responses: status codes, ranges (`4XX`) and `default`, and their bodies.
extension ImportRun {
    func responses(_ value: OrderedJSON?, at pointer: String, upper: String) -> [Response] {
        var result: [Response] = []
        for member in value?.members ?? [] {
            let isComponent = member.value["$ref"]?.stringValue?.hasPrefix("#/components/responses/") == true
            guard case let (response, responsePointer, key)? = dereference(member.value, at: child(pointer, member.key))
            else { continue }
            // What `apigen openapi` added for the generated server's own answers is not part of the definition.
            if response[OpenAPIExporter.runtimeExtension]?.boolValue == true { continue }
            guard let status = Self.responseStatus(member.key) else {
                warn(child(pointer, member.key), "'\(member.key)' is not an HTTP status; dropped")
                continue
            }
            let base =
                isComponent
                ? Self.suffixed(Naming.upperCamel(key ?? ""), "Response")
                : "\(upper)\(status == .default ? "Default" : String(status))Response"
            var doc = nonEmpty(response["description"]?.stringValue)
            if doc == status.defaultDoc { doc = nil }
            let headers = responseHeaders(
                response["headers"], at: child(responsePointer, "headers"),
                base: "\(upper)\(status == .default ? "Default" : String(status))")
            if response["links"] != nil { warn(child(responsePointer, "links"), "links are not supported; dropped") }
            if var stream = streamResponse(response, status: status, doc: doc, name: base, at: responsePointer) {
                if status.code != nil {
                    stream.headers = headers
                    result.append(stream)
                } else {
                    // A range or `default` carries one body: the stream is read as its raw bytes.
                    warn(
                        child(responsePointer, "content"),
                        "a stream under '\(member.key)' cannot be expressed; the response is untyped")
                    result.append(
                        Response(status: status, doc: doc, type: nil, contentTypes: stream.contentTypes, headers: headers))
                }
                continue
            }
            var primary: (schema: OrderedJSON, pointer: String)?
            var typedKinds: [String] = []
            var typedPointers: [String: String] = [:]
            var others: [(mediaType: String, pointer: String)] = []
            var all: [String] = []
            for content in response["content"]?.members ?? []
            where content.value[OpenAPIExporter.runtimeExtension]?.boolValue != true {
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
                result.append(Response(status: status, doc: doc, type: nil, contentTypes: all, headers: headers))
                continue
            }
            var type: TypeRef?
            if payloadCandidate(primary.schema) || primitiveCandidate(primary.schema) {
                let shape = self.shape(primary.schema, at: primary.pointer, name: base, allowsConst: false)
                if Self.isBodyPayload(shape.type) {
                    type = shape.type
                    if shape.nullable {
                        warn(primary.pointer, "a null body cannot be expressed; the body is not nullable")
                    }
                    if !shape.constraints.isEmpty {
                        warn(primary.pointer, "constraints on a whole body cannot be expressed; dropped")
                    }
                }
            }
            if type == nil, typedKinds.contains(MediaTypes.json),
                !payloadCandidate(primary.schema) && !primitiveCandidate(primary.schema)
            {
                // Free-form items or values (`[json]`, `{json}`), and nested arrays whose inner arrays become
                // `json` (with the shape's own warning), type the answer as they are.
                let shape = self.shape(primary.schema, at: primary.pointer, name: base, allowsConst: false)
                if Self.isBodyPayload(shape.type), !shape.nullable, shape.constraints.isEmpty { type = shape.type }
            }
            if type == nil, typedKinds.contains(MediaTypes.json) {
                // A JSON answer the format has no other type for (a `date-time` string, …) is kept as any JSON.
                warn(
                    primary.pointer,
                    "only declared types (objects, enums, oneOfs), strings, numbers, integers, booleans, any JSON and arrays or maps of them (at any depth, and of uuid, date-time, byte, decimal, uri or unix-time values) can type a body; it is typed as any JSON (json), read as JSON only"
                )
                type = .json
                typedKinds = [MediaTypes.json]
            }
            guard let type else {
                warn(
                    primary.pointer,
                    "only declared types (objects, enums, oneOfs), strings, numbers, integers, booleans, any JSON and arrays or maps of them (at any depth, and of uuid, date-time, byte, decimal, uri or unix-time values) can type a body; the response is untyped"
                )
                result.append(Response(status: status, doc: doc, type: nil, contentTypes: all, headers: headers))
                continue
            }
            for other in others {
                warn(
                    other.pointer, "'\(other.mediaType)' next to a typed JSON or XML body cannot be expressed; dropped")
            }
            if type.element.isBodyPrimitive || type.element.isConvertedScalar || type.element == .date,
                typedKinds.contains(MediaTypes.xml)
            {
                warn(
                    typedPointers[MediaTypes.xml] ?? primary.pointer,
                    "a '\(type)' body travels as JSON only; '\(MediaTypes.xml)' is dropped")
                typedKinds.removeAll { $0 == MediaTypes.xml }
                if typedKinds.isEmpty {
                    result.append(Response(status: status, doc: doc, type: nil, contentTypes: all))
                    continue
                }
            }
            if typedKinds.contains(MediaTypes.xml) { ensureXML(typedPointers[MediaTypes.xml] ?? responsePointer) }
            result.append(Response(status: status, doc: doc, type: type, contentTypes: typedKinds, headers: headers))
        }
        return result
    }

    /// The status of a `responses` key: a code 100–599, a range `1XX`…`5XX` (any case of `X`, as
    /// documents write it), or `default`.
    static func responseStatus(_ key: String) -> ResponseStatus? {
        if key == "default" { return .default }
        if let code = Int(key), key.allSatisfy(\.isASCII) { return (100...599).contains(code) ? .code(code) : nil }
        guard let status = ResponseStatus(key.uppercased()), status.code == nil else { return nil }
        return status
    }

    /// A response's `headers` map (header objects, or `$ref`s to `#/components/headers`) as typed headers.
    /// The body's own headers and what a header cannot be are dropped with a warning.
    func responseHeaders(_ value: OrderedJSON?, at pointer: String, base: String) -> [Parameter] {
        guard let value else { return [] }
        guard let members = value.members else {
            warn(pointer, "'headers' must be an object; ignored")
            return []
        }
        var headers: [Parameter] = []
        var taken: Set<String> = []
        for member in members {
            guard case let (json, headerPointer, _)? = dereference(member.value, at: child(pointer, member.key))
            else { continue }
            let name = member.key
            let lowered = name.lowercased()
            if ["content-type", "content-length", "transfer-encoding"].contains(lowered) {
                warn(headerPointer, "the response header '\(name)' describes the body; dropped")
                continue
            }
            if name.isEmpty || !name.unicodeScalars.allSatisfy(DefinitionChecker.isTokenCharacter) {
                warn(headerPointer, "the response header '\(name)' is not an HTTP header name; dropped")
                continue
            }
            if headers.contains(where: { $0.name.lowercased() == lowered }) {
                warn(headerPointer, "the response header '\(name)' is listed twice; dropped")
                continue
            }
            guard case .object(var fields) = json else {
                warn(headerPointer, "a response header must be an object; dropped")
                continue
            }
            fields.removeAll { $0.key == "name" || $0.key == "in" }
            fields.insert(contentsOf: [.init("name", .string(name)), .init("in", .string("header"))], at: 0)
            guard
                var header = convertParameter(
                    .object(fields), at: headerPointer, base: base + Naming.upperCamel(name), responseHeader: true)
            else { continue }
            var swift = Naming.parameter(header)
            var reason: String?
            if !Naming.isMemberName(swift) || Naming.unusableMemberNames.contains(swift) || Naming.words(name).isEmpty {
                swift = "header\(headers.count + 1)"
                reason = "'\(name)' makes no usable Swift name"
            }
            if let owner = ReservedNames.clash(swift, in: ReservedNames.responseHeaderMembers)
                ?? (ReservedNames.redactionMembers.contains(swift) ? "the redaction code" : nil)
            {
                swift += "Header"
                reason = "it clashes with \(owner)"
            }
            if taken.contains(swift) {
                let stem = swift
                var number = 2
                while taken.contains(swift) {
                    swift = "\(stem)\(number)"
                    number += 1
                }
                reason = "another header has the same Swift name"
            }
            taken.insert(swift)
            // A deprecated header is stored as `_name`.
            if header.deprecated != nil { taken.insert("_" + swift) }
            if let reason {
                header.swiftName = swift
                warn(headerPointer, "the response header '\(name)' is '\(swift)' in Swift: \(reason)")
            }
            headers.append(header)
        }
        return headers
    }
}

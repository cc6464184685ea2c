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
            if let headers = response["headers"]?.members, !headers.isEmpty {
                warn(child(responsePointer, "headers"), "response headers cannot be expressed; dropped")
            }
            if response["links"] != nil { warn(child(responsePointer, "links"), "links are not supported; dropped") }
            if let stream = streamResponse(response, status: status, doc: doc, name: base, at: responsePointer) {
                if status.code != nil {
                    result.append(stream)
                } else {
                    // A range or `default` carries one body: the stream is read as its raw bytes.
                    warn(
                        child(responsePointer, "content"),
                        "a stream under '\(member.key)' cannot be expressed; the response is untyped")
                    result.append(Response(status: status, doc: doc, type: nil, contentTypes: stream.contentTypes))
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
                result.append(Response(status: status, doc: doc, type: nil, contentTypes: all))
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
            guard let type else {
                warn(
                    primary.pointer,
                    "only declared types (objects, enums, oneOfs), strings, numbers, integers, booleans and arrays of them can type a body; the response is untyped"
                )
                result.append(Response(status: status, doc: doc, type: nil, contentTypes: all))
                continue
            }
            for other in others {
                warn(
                    other.pointer, "'\(other.mediaType)' next to a typed JSON or XML body cannot be expressed; dropped")
            }
            if type.element.isBodyPrimitive, typedKinds.contains(MediaTypes.xml) {
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
            result.append(Response(status: status, doc: doc, type: type, contentTypes: typedKinds))
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
}

import APIDefinition

/// Responses that are streams of typed events: OpenAPI 3.2's `itemSchema` under `text/event-stream`,
/// `application/jsonl` (or `application/x-ndjson`) and `application/json-seq`, and the 3.1 idiom
/// swift-openapi-generator documents, a `schema` under those media types that describes one event.
extension ImportRun {
    /// The stream format a media type names, if it names one.
    static func streamFormat(_ mediaType: String) -> StreamFormat? {
        let essence = mediaType.split(separator: ";").first.map { $0.lowercased().filter { $0 != " " } } ?? ""
        return essence == "application/x-ndjson" ? .jsonLines : StreamFormat(mediaType: essence)
    }

    /// The response as a stream, when its first stream media type describes its events; `nil` when no
    /// media type is a stream with a schema (the response is then read as before: untyped).
    func streamResponse(
        _ response: OrderedJSON, status: ResponseStatus, doc: String?, name: String, at responsePointer: String
    ) -> Response? {
        let contents = response["content"]?.members ?? []
        guard
            let index = contents.firstIndex(where: {
                Self.streamFormat($0.key) != nil && ($0.value["itemSchema"] != nil || $0.value["schema"] != nil)
            }), let format = Self.streamFormat(contents[index].key)
        else { return nil }
        let content = contents[index]
        let mediaPointer = child(child(responsePointer, "content"), content.key)
        for (otherIndex, other) in contents.enumerated() where otherIndex != index {
            warn(
                child(child(responsePointer, "content"), other.key),
                "'\(other.key)' next to the stream '\(content.key)' cannot be expressed; dropped")
        }
        let key = content.value["itemSchema"] != nil ? "itemSchema" : "schema"
        guard var schema = content.value[key] else { return nil }
        var pointer = child(mediaPointer, key)
        if format == .serverSentEvents, let data = eventData(schema, at: pointer) {
            (schema, pointer) = data
        }
        guard payloadCandidate(schema) else {
            warn(
                pointer,
                "only declared types (objects, enums, oneOfs) and arrays of them can type a stream's events; the response is untyped"
            )
            return Response(status: status, doc: doc, type: nil, contentTypes: contents.map(\.key))
        }
        let shape = self.shape(schema, at: pointer, name: name + "Event", allowsConst: false)
        guard Self.isPayload(shape.type) else {
            warn(
                pointer,
                "only declared types (objects, enums, oneOfs) and arrays of them can type a stream's events; the response is untyped"
            )
            return Response(status: status, doc: doc, type: nil, contentTypes: contents.map(\.key))
        }
        return Response(status: status, doc: doc, type: shape.type, contentTypes: [format.mediaType], stream: format)
    }

    /// The schema of a server-sent event's data when `schema` describes the whole event (an object with
    /// a `data` property): `data`'s `contentSchema` (the 3.2 way: `data` is a string of JSON), or `data`
    /// itself. `nil` when `schema` describes the data directly.
    private func eventData(_ schema: OrderedJSON, at pointer: String) -> (OrderedJSON, String)? {
        guard schema["$ref"] == nil, let data = schema["properties"]?["data"] else { return nil }
        let dataPointer = child(child(pointer, "properties"), "data")
        if let content = data["contentSchema"] { return (content, child(dataPointer, "contentSchema")) }
        return (data, dataPointer)
    }
}

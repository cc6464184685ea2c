import APIDefinition

/// What the emitters share about answers that are streams of typed events (`"stream"` on a response):
/// the Swift type an output case carries, and the runtime calls that read and write each format.
extension EmitContext {
    /// The Swift type of an answer's payload: `EventStream<ServerSentEvent<T>>` or `EventStream<T>` for a
    /// stream, the response type for a typed answer, `RawBody` otherwise.
    func payloadType(_ response: Response) -> String {
        guard let type = response.type else { return "RawBody" }
        switch response.stream {
        case .serverSentEvents?: return "EventStream<ServerSentEvent<\(swiftType(type))>>"
        case .jsonLines?, .jsonSequence?: return "EventStream<\(swiftType(type))>"
        case nil: return swiftType(type)
        }
    }

    /// The framing argument of the runtime's JSON item helpers (`.lines`, `.sequence`); `nil` for SSE.
    static func framing(_ format: StreamFormat) -> String? {
        switch format {
        case .serverSentEvents: nil
        case .jsonLines: ".lines"
        case .jsonSequence: ".sequence"
        }
    }
}

extension Operation {
    /// Whether an answer of this operation is a stream (its output is then `Sendable` but not `Hashable`).
    var streams: Bool { responses.contains { $0.stream != nil } }

    /// The media types of its streamed answers, in order of first appearance.
    var streamMediaTypes: [String] {
        var result: [String] = []
        for format in responses.compactMap(\.stream) where !result.contains(format.mediaType) {
            result.append(format.mediaType)
        }
        return result
    }
}

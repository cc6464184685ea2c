import Foundation

@_spi(Generated) extension ClientSupport {
    /// The server-sent events of a streamed answer, each event's data decoded as JSON of type `T` and
    /// validated as its bytes arrive.
    public static func serverSentEvents<T: Decodable & Sendable>(_ type: T.Type, from response: APIResponse)
        -> EventStream<ServerSentEvent<T>>
    {
        EventStreamCoding.decodeServerSentEvents(T.self, from: response.body)
    }

    /// The values of a streamed JSON Lines or JSON Sequence answer, each decoded as JSON of type `T`
    /// and validated as its bytes arrive.
    public static func jsonItems<T: Decodable & Sendable>(
        _ type: T.Type, from response: APIResponse, framing: JSONItemSplitter.Framing
    ) -> EventStream<T> {
        EventStreamCoding.decodeJSONItems(T.self, from: response.body, framing: framing)
    }
}

@_spi(Generated) extension APIResponse {
    /// A `text/event-stream` answer that writes each event as `events` produces it.
    public static func serverSentEvents<T: Encodable & Sendable>(status: Int, _ events: EventStream<ServerSentEvent<T>>)
        -> APIResponse
    {
        APIResponse(
            status: status,
            headers: ["Content-Type": EventStreamFormat.serverSentEvents.mediaType, "Cache-Control": "no-cache"],
            body: APIBody(stream: EventStreamCoding.encodeServerSentEvents(events)))
    }

    /// A JSON Lines or JSON Sequence answer that writes each value as `values` produces it.
    public static func jsonItems<T: Encodable & Sendable>(
        status: Int, _ values: EventStream<T>, framing: JSONItemSplitter.Framing
    ) -> APIResponse {
        let format: EventStreamFormat = framing == .lines ? .jsonLines : .jsonSequence
        return APIResponse(
            status: status, headers: ["Content-Type": format.mediaType, "Cache-Control": "no-cache"],
            body: APIBody(stream: EventStreamCoding.encodeJSONItems(values, framing: framing)))
    }
}

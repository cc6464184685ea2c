import Foundation

/// Turns a body's chunks into typed events and typed events into a body's chunks, one event at a time.
///
/// Decoding reads a chunk only when the caller asks for the next event and holds at most one event
/// (bounded by `maxEventBytes`), so a stream of any length runs in constant memory; each event's JSON is
/// decoded and validated like any body, and the first failure ends the stream with an
/// ``EventStreamError`` naming the event's index. Encoding writes each event as the source produces it.
@_spi(Generated) public enum EventStreamCoding {
    /// The raw server-sent events of a `text/event-stream` body.
    public static func serverSentEvents<Body: AsyncSequence & Sendable>(
        in body: Body, maxEventBytes: Int = EventStreamFormat.defaultMaxEventBytes
    ) -> EventStream<ServerSentEvent<String>> where Body.Element == Data {
        EventStream(FramedSequence(base: body) { ServerSentEventFramer(maxEventBytes: maxEventBytes) })
    }

    /// The server-sent events of a `text/event-stream` body, each event's data decoded as JSON of type
    /// `Payload` and validated.
    public static func decodeServerSentEvents<Payload: Decodable & Sendable, Body: AsyncSequence & Sendable>(
        _ type: Payload.Type, from body: Body, maxEventBytes: Int = EventStreamFormat.defaultMaxEventBytes
    ) -> EventStream<ServerSentEvent<Payload>> where Body.Element == Data {
        EventStream(
            FramedSequence(base: body) {
                DecodingFramer(ServerSentEventFramer(maxEventBytes: maxEventBytes)) {
                    event, index throws(EventStreamError) in
                    let payload = try decodeJSON(Payload.self, from: Data(event.data.utf8), index: index)
                    return ServerSentEvent(event: event.event, id: event.id, retry: event.retry, data: payload)
                }
            })
    }

    /// The values of a JSON Lines or JSON Sequence body, each decoded as JSON of type `Value` and validated.
    public static func decodeJSONItems<Value: Decodable & Sendable, Body: AsyncSequence & Sendable>(
        _ type: Value.Type, from body: Body, framing: JSONItemSplitter.Framing,
        maxItemBytes: Int = EventStreamFormat.defaultMaxEventBytes
    ) -> EventStream<Value> where Body.Element == Data {
        EventStream(
            FramedSequence(base: body) {
                DecodingFramer(JSONItemFramer(splitter: JSONItemSplitter(framing, maxItemBytes: maxItemBytes))) {
                    item, index throws(EventStreamError) in
                    try decodeJSON(Value.self, from: item, index: index)
                }
            })
    }

    /// The bytes of a `text/event-stream` body: one chunk per event, its data written as JSON.
    public static func encodeServerSentEvents<Payload: Encodable & Sendable>(
        _ events: EventStream<ServerSentEvent<Payload>>
    ) -> EventStream<Data> {
        EventStream(
            EncodingSequence(base: events) { event, index throws(EventStreamError) in
                let json = try encodeJSON(event.data, index: index)
                return try ServerSentEventWriter.write(
                    ServerSentEvent(
                        event: event.event, id: event.id, retry: event.retry,
                        data: String(decoding: json, as: UTF8.self)),
                    index: index)
            })
    }

    /// The bytes of a JSON Lines or JSON Sequence body: one chunk per value.
    public static func encodeJSONItems<Value: Encodable & Sendable>(
        _ values: EventStream<Value>, framing: JSONItemSplitter.Framing
    ) -> EventStream<Data> {
        EventStream(
            EncodingSequence(base: values) { value, index throws(EventStreamError) in
                JSONItemWriter.frame(try encodeJSON(value, index: index), framing)
            })
    }

    private static func decodeJSON<T: Decodable>(_ type: T.Type, from data: Data, index: Int) throws(EventStreamError)
        -> T
    {
        do {
            return try JSONCoding.decode(T.self, from: data)
        } catch {
            throw .invalidEvent(index: index, error)
        }
    }

    private static func encodeJSON(_ value: some Encodable, index: Int) throws(EventStreamError) -> Data {
        do {
            return try JSONCoding.encode(value)
        } catch {
            throw .unencodable(index: index, reason: "its data could not be encoded as JSON")
        }
    }
}

/// Something that turns chunks of bytes into frames, incrementally.
protocol StreamFramer: Sendable {
    associatedtype Frame: Sendable
    mutating func frames(in chunk: Data, into frames: inout [Frame]) throws(EventStreamError)
    mutating func finish(into frames: inout [Frame]) throws(EventStreamError)
}

struct ServerSentEventFramer: StreamFramer {
    var parser: ServerSentEventParser
    init(maxEventBytes: Int) { parser = ServerSentEventParser(maxEventBytes: maxEventBytes) }
    mutating func frames(in chunk: Data, into frames: inout [ServerSentEvent<String>]) throws(EventStreamError) {
        try parser.parse(chunk, into: &frames)
    }
    mutating func finish(into frames: inout [ServerSentEvent<String>]) { parser.finish() }
}

struct JSONItemFramer: StreamFramer {
    var splitter: JSONItemSplitter
    mutating func frames(in chunk: Data, into frames: inout [Data]) throws(EventStreamError) {
        try splitter.split(chunk, into: &frames)
    }
    mutating func finish(into frames: inout [Data]) throws(EventStreamError) { try splitter.finish(into: &frames) }
}

/// A framer whose frames are decoded, each with its index, as they are taken.
struct DecodingFramer<Base: StreamFramer, Frame: Sendable>: StreamFramer {
    var base: Base
    let decode: @Sendable (Base.Frame, Int) throws(EventStreamError) -> Frame
    private var raw: [Base.Frame] = []
    private var count = 0

    init(_ base: Base, decode: @escaping @Sendable (Base.Frame, Int) throws(EventStreamError) -> Frame) {
        self.base = base
        self.decode = decode
    }

    mutating func frames(in chunk: Data, into frames: inout [Frame]) throws(EventStreamError) {
        defer { raw.removeAll(keepingCapacity: true) }
        try base.frames(in: chunk, into: &raw)
        try decodeRaw(into: &frames)
    }

    mutating func finish(into frames: inout [Frame]) throws(EventStreamError) {
        defer { raw.removeAll(keepingCapacity: true) }
        try base.finish(into: &raw)
        try decodeRaw(into: &frames)
    }

    private mutating func decodeRaw(into frames: inout [Frame]) throws(EventStreamError) {
        for frame in raw {
            frames.append(try decode(frame, count))
            count += 1
        }
    }
}

/// The frames of a chunked body, read one chunk at a time when the frames already read run out.
///
/// A failure ends the sequence: the frames before the failing one are delivered first, then the error
/// is thrown, then `next()` returns `nil`.
struct FramedSequence<Base: AsyncSequence & Sendable, Framer: StreamFramer>: AsyncSequence, Sendable
where Base.Element == Data {
    let base: Base
    let makeFramer: @Sendable () -> Framer

    func makeAsyncIterator() -> Iterator { Iterator(base: base.makeAsyncIterator(), framer: makeFramer()) }

    struct Iterator: AsyncIteratorProtocol {
        var base: Base.AsyncIterator
        var framer: Framer
        var ready: [Framer.Frame] = []
        var head = 0
        var pendingError: (any Error)?
        var finished = false

        mutating func next() async throws -> Framer.Frame? {
            while true {
                if head < ready.count {
                    defer { head += 1 }
                    return ready[head]
                }
                ready.removeAll(keepingCapacity: true)
                head = 0
                if let error = pendingError {
                    pendingError = nil
                    throw error
                }
                if finished { return nil }
                do {
                    if let chunk = try await base.next() {
                        try framer.frames(in: chunk, into: &ready)
                    } else {
                        finished = true
                        try framer.finish(into: &ready)
                    }
                } catch {
                    // Deliver what was complete before the failure, then the failure, then the end.
                    finished = true
                    pendingError = error
                }
            }
        }
    }
}

/// The bytes of each element of a stream, encoded as the stream produces it.
struct EncodingSequence<Base: AsyncSequence & Sendable>: AsyncSequence, Sendable where Base.Element: Sendable {
    let base: Base
    let encode: @Sendable (Base.Element, Int) throws(EventStreamError) -> Data

    func makeAsyncIterator() -> Iterator { Iterator(base: base.makeAsyncIterator(), encode: encode) }

    struct Iterator: AsyncIteratorProtocol {
        var base: Base.AsyncIterator
        let encode: @Sendable (Base.Element, Int) throws(EventStreamError) -> Data
        var index = 0
        var finished = false

        mutating func next() async throws -> Data? {
            guard !finished else { return nil }
            do {
                guard let element = try await base.next() else {
                    finished = true
                    return nil
                }
                defer { index += 1 }
                return try encode(element, index)
            } catch {
                finished = true
                throw error
            }
        }
    }
}

@_spi(Generated) import APIRuntime
import Foundation
import TestSupport
import Testing

/// A payload type for typed streams.
private struct Tick: Codable, Sendable, Hashable {
    var n: Int
    var text: String
}

/// Counts what a lazy source has produced, read from the consumer's side.
private final class Produced: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
}

/// A body made on demand: chunk `i` is `make(i)`, for `i` in `0..<count`; nothing is made before it is
/// asked for, so a test can see how far the reader has read.
private struct LazyChunks: AsyncSequence, Sendable {
    let count: Int
    let produced: Produced
    let make: @Sendable (Int) -> Data

    func makeAsyncIterator() -> Iterator { Iterator(source: self) }

    struct Iterator: AsyncIteratorProtocol {
        let source: LazyChunks
        var index = 0
        mutating func next() async -> Data? {
            guard index < source.count else { return nil }
            defer { index += 1 }
            source.produced.increment()
            return source.make(index)
        }
    }
}

/// The chunks of `bytes`, cut at `cuts` (sorted offsets).
private func chunks(_ bytes: [UInt8], cutAt cuts: [Int]) -> [Data] {
    var result: [Data] = []
    var start = 0
    for cut in cuts + [bytes.count] where cut >= start {
        result.append(Data(bytes[start..<cut]))
        start = cut
    }
    return result
}

private func parseAll(_ pieces: [Data], maxEventBytes: Int = 1 << 20) throws(EventStreamError)
    -> [ServerSentEvent<String>]
{
    var parser = ServerSentEventParser(maxEventBytes: maxEventBytes)
    var events: [ServerSentEvent<String>] = []
    for piece in pieces { try parser.parse(piece, into: &events) }
    parser.finish()
    return events
}

private func collect<Element>(_ stream: EventStream<Element>) async throws -> [Element] {
    var result: [Element] = []
    for try await element in stream { result.append(element) }
    return result
}

@Suite("Server-sent events")
struct ServerSentEventParserTests {
    /// Every rule of the WHATWG event stream interpretation, once.
    static let sample: [UInt8] = Array(
        ("\u{FEFF}: a comment first\r\n"
            + "event: login\rid: 1\ndata: {\"n\":1,\r\ndata:  \"text\":\"a\"}\n\n"  // CR, LF, CRLF; one space dropped
            + "retry: 1500\nretry: 15x0\n\n"  // a bad retry is ignored; no data: not dispatched
            + "data\nid: 2\u{0}x\nunknown: field\n\n"  // no colon: empty value; NUL in id: ignored
            + "data: last\r\n\r\n"
            + "data: dropped, the stream ends before its blank line\n").utf8)

    static let expected: [ServerSentEvent<String>] = [
        ServerSentEvent(event: "login", id: "1", data: "{\"n\":1,\n \"text\":\"a\"}"),
        ServerSentEvent(retry: 1500, data: ""),
        ServerSentEvent(data: "last"),
    ]

    @Test func readsEveryField() throws {
        #expect(try parseAll([Data(Self.sample)]) == Self.expected)
    }

    @Test func readsTheSameEventsWhereverTheChunksAreCut() throws {
        for cut in 0...Self.sample.count {
            #expect(try parseAll(chunks(Self.sample, cutAt: [cut])) == Self.expected, "cut at \(cut)")
        }
        // One byte at a time: CRLF and the BOM are split too.
        #expect(try parseAll(Self.sample.map { Data([$0]) }) == Self.expected)
    }

    @Test func keepsTheLastEventID() throws {
        var parser = ServerSentEventParser()
        var events: [ServerSentEvent<String>] = []
        try parser.parse(Data("id: 7\ndata: a\n\nid: 8\n\ndata: b\n\n".utf8), into: &events)
        #expect(events == [ServerSentEvent(id: "7", data: "a"), ServerSentEvent(data: "b")])
        #expect(parser.lastEventID == "8")
    }

    @Test func refusesAnEventLargerThanTheLimit() {
        #expect(throws: EventStreamError.tooLarge(index: 1, limit: 16)) {
            try parseAll([Data("data: small\n\ndata: 0123456789abcdef\n\n".utf8)], maxEventBytes: 16)
        }
        // A line that never ends is refused as soon as it passes the limit.
        #expect(throws: EventStreamError.tooLarge(index: 0, limit: 16)) {
            try parseAll(Array(repeating: Data(": ".utf8), count: 100), maxEventBytes: 16)
        }
        // Many small data lines add up.
        #expect(throws: EventStreamError.tooLarge(index: 0, limit: 16)) {
            try parseAll([Data(String(repeating: "data: ab\n", count: 10).utf8)], maxEventBytes: 16)
        }
    }

    @Test func writesWhatItReads() throws {
        let events = [
            ServerSentEvent(event: "e", id: "x", retry: 10, data: "one\ntwo\r\nthree\rfour"),
            ServerSentEvent(data: ""), ServerSentEvent(data: " leading space"),
        ]
        let bytes = try events.enumerated().map { try ServerSentEventWriter.write($1, index: $0) }
        #expect(
            String(decoding: bytes[0], as: UTF8.self)
                == "event: e\nid: x\nretry: 10\ndata: one\ndata: two\ndata: three\ndata: four\n\n")
        #expect(
            try parseAll(bytes) == [
                ServerSentEvent(event: "e", id: "x", retry: 10, data: "one\ntwo\nthree\nfour"),
                ServerSentEvent(data: ""), ServerSentEvent(data: " leading space"),
            ])
    }

    @Test func refusesFieldsItCannotWrite() {
        #expect(throws: EventStreamError.unencodable(index: 3, reason: "the id contains a line break or NUL")) {
            try ServerSentEventWriter.write(ServerSentEvent(id: "a\nb", data: ""), index: 3)
        }
        #expect(throws: EventStreamError.unencodable(index: 0, reason: "the event type contains a line break")) {
            try ServerSentEventWriter.write(ServerSentEvent(event: "a\rb", data: ""))
        }
        #expect(throws: EventStreamError.unencodable(index: 0, reason: "retry is negative")) {
            try ServerSentEventWriter.write(ServerSentEvent(retry: -1, data: ""))
        }
    }

    /// Random events, written, cut into random chunks and read back: the same events.
    @Test func randomEventsSurviveRandomChunking() throws {
        let seed = FuzzSeed.choose("randomEventsSurviveRandomChunking", default: 0x55E)
        var random = SeededGenerator(seed: seed)
        let alphabet: [String] = ["a", "b", " ", ":", "\n", "\r", "\r\n", "é", "🇩🇪", "\u{FEFF}", "{", "\""]
        func text(_ maxLength: Int, lineBreaks: Bool) -> String {
            (0..<random.within(0...maxLength)).map { _ in random.pick(alphabet) }
                .filter { lineBreaks || !$0.contains(where: \.isNewline) }.joined()
        }
        for round in 0..<200 {
            let events = (0..<random.within(0...8)).map { _ in
                ServerSentEvent(
                    event: random.chance(50) ? "t" + text(5, lineBreaks: false) : nil,
                    id: random.chance(50) ? text(5, lineBreaks: false) : nil,
                    retry: random.chance(20) ? random.within(0...100_000) : nil, data: text(20, lineBreaks: true))
            }
            var bytes: [UInt8] = []
            for (index, event) in events.enumerated() { bytes += try ServerSentEventWriter.write(event, index: index) }
            let cuts = (0..<random.within(0...6)).map { _ in random.within(0...bytes.count) }.sorted()
            let expected = events.map {
                ServerSentEvent(
                    event: $0.event, id: $0.id, retry: $0.retry,
                    data: $0.data.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(
                        of: "\r", with: "\n"))
            }
            #expect(try parseAll(chunks(bytes, cutAt: cuts)) == expected, "round \(round), cuts \(cuts)")
        }
    }

    /// 100,000 events through the parser: it never holds more than one event's bytes.
    @Test func holdsOneEventAtATime() throws {
        var parser = ServerSentEventParser(maxEventBytes: 4096)
        var events: [ServerSentEvent<String>] = []
        var total = 0
        for index in 0..<100_000 {
            try parser.parse(Data("id: \(index)\ndata: {\"n\":\(index),\"text\":\"tick\"}\n\n".utf8), into: &events)
            total += events.count
            events.removeAll(keepingCapacity: true)
        }
        #expect(total == 100_000)
        #expect(parser.highWaterMark <= 256)
    }
}

@Suite("JSON Lines and JSON Sequences")
struct JSONItemSplitterTests {
    func split(_ pieces: [Data], _ framing: JSONItemSplitter.Framing) throws(EventStreamError) -> [String] {
        var splitter = JSONItemSplitter(framing, maxItemBytes: 64)
        var items: [Data] = []
        for piece in pieces { try splitter.split(piece, into: &items) }
        try splitter.finish(into: &items)
        return items.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func splitsLinesWhereverTheChunksAreCut() throws {
        let bytes = Array("{\"n\":1}\r\n\n  \n[2, 3]\n\"é\"\n4".utf8)
        for cut in 0...bytes.count {
            #expect(try split(chunks(bytes, cutAt: [cut]), .lines) == ["{\"n\":1}", "[2, 3]", "\"é\"", "4"])
        }
    }

    @Test func splitsSequencesWhereverTheChunksAreCut() throws {
        let bytes = Array("\u{1E}{\"n\":1}\n\u{1E}\n\u{1E}[2,\n3]\n\u{1E}4\n".utf8)
        for cut in 0...bytes.count {
            #expect(try split(chunks(bytes, cutAt: [cut]), .sequence) == ["{\"n\":1}", "[2,\n3]", "4"])
        }
    }

    @Test func refusesMalformedSequences() {
        #expect(throws: EventStreamError.malformed(index: 0, reason: "text before the first record separator (RS)")) {
            try split([Data("{\"n\":1}\n".utf8)], .sequence)
        }
        #expect(
            throws: EventStreamError.malformed(index: 1, reason: "a record that may be truncated (no LF after it)")
        ) {
            try split([Data("\u{1E}1\n\u{1E}12\u{1E}3\n".utf8)], .sequence)
        }
    }

    @Test func refusesAnItemLargerThanTheLimit() {
        #expect(throws: EventStreamError.tooLarge(index: 1, limit: 64)) {
            try split([Data("1\n\(String(repeating: "1", count: 65))\n".utf8)], .lines)
        }
    }

    @Test func writesFramedItems() {
        #expect(JSONItemWriter.frame(Data("{}".utf8), .lines) == Data("{}\n".utf8))
        #expect(JSONItemWriter.frame(Data("{}".utf8), .sequence) == Data("\u{1E}{}\n".utf8))
    }

    @Test func randomItemsSurviveRandomChunking() throws {
        let seed = FuzzSeed.choose("randomItemsSurviveRandomChunking", default: 0x15E0)
        var random = SeededGenerator(seed: seed)
        for round in 0..<200 {
            let values = (0..<random.within(0...8)).map { _ in
                Tick(n: random.within(-1000...1000), text: random.pick(["", "a\nb", "\u{1E}", "é", "\r\n"]))
            }
            for framing in [JSONItemSplitter.Framing.lines, .sequence] {
                var bytes: [UInt8] = []
                for value in values { bytes += JSONItemWriter.frame(try JSONCoding.encode(value), framing) }
                let cuts = (0..<random.within(0...6)).map { _ in random.within(0...bytes.count) }.sorted()
                let items = try split(chunks(bytes, cutAt: cuts), framing)
                #expect(
                    try items.map { try JSONCoding.decode(Tick.self, from: Data($0.utf8)) } == values,
                    "round \(round), \(framing), cuts \(cuts)")
            }
        }
    }
}

@Suite("Typed event streams")
struct TypedEventStreamTests {
    static func sse(_ index: Int) -> Data {
        Data("event: tick\nid: \(index)\ndata: {\"n\":\(index),\"text\":\"t\"}\n\n".utf8)
    }

    @Test func decodesServerSentEventsAsTheyArrive() async throws {
        let produced = Produced()
        let body = LazyChunks(count: 100_000, produced: produced) { Self.sse($0) }
        var count = 0
        var wrong: [Int] = []
        var readAhead = 0
        for try await event in EventStreamCoding.decodeServerSentEvents(Tick.self, from: body) {
            if event.data.n != count || event.id != "\(count)" || event.event != "tick" { wrong.append(count) }
            // Streaming: when event k arrives, the reader has read no further than its chunk.
            readAhead = max(readAhead, produced.value - count)
            count += 1
        }
        #expect(count == 100_000)
        #expect(wrong.isEmpty)
        #expect(readAhead == 1)
    }

    @Test func aMalformedEventEndsTheStreamWithATypedError() async throws {
        let body = EventStream([
            Self.sse(0), Self.sse(1), Data("data: {\"n\":\"two\",\"text\":\"t\"}\n\n".utf8), Self.sse(3),
        ])
        var iterator = EventStreamCoding.decodeServerSentEvents(Tick.self, from: body).makeAsyncIterator()
        #expect(try await iterator.next()?.data.n == 0)
        #expect(try await iterator.next()?.data.n == 1)
        await #expect(
            throws: EventStreamError.invalidEvent(
                index: 2, ValidationErrors([ValidationError(path: "n", reason: "expected an integer")]))
        ) {
            try await iterator.next()
        }
        #expect(try await iterator.next() == nil)
    }

    @Test func stoppingTheIterationStopsReading() async throws {
        let produced = Produced()
        let body = LazyChunks(count: 100_000, produced: produced) { Self.sse($0) }
        var seen = 0
        for try await _ in EventStreamCoding.decodeServerSentEvents(Tick.self, from: body) {
            seen += 1
            if seen == 5 { break }
        }
        #expect(produced.value == 5)
    }

    @Test func cancellingTheTaskEndsTheStream() async throws {
        let produced = Produced()
        let body = LazyChunks(count: 100_000, produced: produced) { Self.sse($0) }
        let stream = EventStreamCoding.decodeServerSentEvents(Tick.self, from: body)
        let task = Task {
            var seen = 0
            for try await _ in stream {
                seen += 1
                if seen == 10 { withUnsafeCurrentTask { $0?.cancel() } }
            }
            return seen
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(produced.value == 10)
    }

    @Test func encodesAndDecodesEveryFormat() async throws {
        let ticks = (0..<50).map { Tick(n: $0, text: $0 % 2 == 0 ? "line\nbreak" : "\u{1E}é") }
        let events = ticks.map { ServerSentEvent(event: "tick", id: "\($0.n)", data: $0) }
        let sseBody = EventStreamCoding.encodeServerSentEvents(EventStream(events))
        #expect(try await collect(EventStreamCoding.decodeServerSentEvents(Tick.self, from: sseBody)) == events)
        for framing in [JSONItemSplitter.Framing.lines, .sequence] {
            let body = EventStreamCoding.encodeJSONItems(EventStream(ticks), framing: framing)
            #expect(
                try await collect(EventStreamCoding.decodeJSONItems(Tick.self, from: body, framing: framing)) == ticks)
        }
    }

    @Test func anUnwritableEventEndsTheEncodedStream() async throws {
        let events = [
            ServerSentEvent(id: "1", data: Tick(n: 1, text: "")),
            ServerSentEvent(id: "2\n", data: Tick(n: 2, text: "")),
        ]
        var iterator = EventStreamCoding.encodeServerSentEvents(EventStream(events)).makeAsyncIterator()
        #expect(try await iterator.next() != nil)
        await #expect(throws: EventStreamError.unencodable(index: 1, reason: "the id contains a line break or NUL")) {
            try await iterator.next()
        }
        #expect(try await iterator.next() == nil)
    }
}

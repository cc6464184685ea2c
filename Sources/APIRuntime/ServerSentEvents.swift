import Foundation

/// One server-sent event (`text/event-stream`): its `event` type, `id`, `retry` and `data`.
///
/// A stream declared as `sse` carries `ServerSentEvent<T>`, whose `data` is the event's data lines
/// decoded as JSON of type `T`; the raw form is `ServerSentEvent<String>`.
public struct ServerSentEvent<Payload: Sendable>: Sendable {
    /// The `event` field: the event's type. `nil` when the event has none (a browser calls it `message`).
    public var event: String?
    /// The `id` field given in this event, if any. It must not contain a line break or NUL.
    public var id: String?
    /// The `retry` field given in this event (or in a field block before it that carried no data):
    /// the reconnection time in milliseconds.
    public var retry: Int?
    /// The event's data.
    public var data: Payload

    /// An event with `data` and, optionally, its type, id and reconnection time.
    public init(event: String? = nil, id: String? = nil, retry: Int? = nil, data: Payload) {
        self.event = event
        self.id = id
        self.retry = retry
        self.data = data
    }
}

extension ServerSentEvent: Equatable where Payload: Equatable {}
extension ServerSentEvent: Hashable where Payload: Hashable {}

/// Splits `text/event-stream` bytes into events, as the WHATWG HTML standard's event stream
/// interpretation does: lines end with CR, LF or CRLF (anywhere across chunks), one leading UTF-8 BOM
/// is skipped, `:` starts a comment, a field without `:` has an empty value, one space after the `:` is
/// dropped, `data` lines are joined with LF, an `id` containing NUL is ignored, a `retry` that is not
/// all ASCII digits is ignored, unknown fields are ignored, a blank line dispatches the event unless its
/// data is empty, and an event the stream ends in the middle of is dropped.
///
/// It holds at most one line and one event's fields: more than `maxEventBytes` of them throws
/// ``EventStreamError/tooLarge(index:limit:)``, so memory stays bounded whatever the peer sends.
public struct ServerSentEventParser: Sendable {
    /// The most bytes one event (its pending line and its fields) may hold.
    public let maxEventBytes: Int
    /// The id of the last event that set one: what a reconnecting client sends as `Last-Event-ID`.
    public private(set) var lastEventID: String?
    /// The most bytes the parser held at once (its line and field buffers), for memory tests.
    public private(set) var highWaterMark = 0
    /// How many events it has produced.
    public private(set) var eventCount = 0

    private var line: [UInt8] = []
    private var data: [UInt8] = []
    private var eventType: [UInt8] = []
    private var eventID: String?
    private var retry: Int?
    private var afterCR = false
    private var atStreamStart = true

    /// A parser that refuses events larger than `maxEventBytes` bytes.
    public init(maxEventBytes: Int = EventStreamFormat.defaultMaxEventBytes) {
        self.maxEventBytes = maxEventBytes
    }

    /// Reads one chunk of the stream, appending the events it completes to `events`.
    public mutating func parse(_ chunk: Data, into events: inout [ServerSentEvent<String>]) throws(EventStreamError) {
        var failure: EventStreamError?
        chunk.withUnsafeBytes { bytes in
            do throws(EventStreamError) {
                try parse(bytes, into: &events)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        highWaterMark = max(highWaterMark, line.capacity + data.capacity + eventType.capacity)
    }

    /// Reads one chunk: whole runs of bytes between line ends are appended at once.
    private mutating func parse(
        _ bytes: UnsafeRawBufferPointer, into events: inout [ServerSentEvent<String>]
    ) throws(EventStreamError) {
        var index = 0
        if afterCR, let first = bytes.first {
            afterCR = false
            if first == 0x0A { index = 1 }
        }
        var start = index
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x0A || byte == 0x0D else {
                index += 1
                continue
            }
            try appendToLine(bytes[start..<index])
            try endLine(into: &events)
            index += 1
            if byte == 0x0D {
                if index == bytes.count {
                    afterCR = true
                } else if bytes[index] == 0x0A {
                    index += 1
                }
            }
            start = index
        }
        try appendToLine(bytes[start..<bytes.count])
    }

    private mutating func appendToLine(_ bytes: Slice<UnsafeRawBufferPointer>) throws(EventStreamError) {
        guard !bytes.isEmpty else { return }
        line.append(contentsOf: bytes)
        if line.count + data.count + eventType.count > maxEventBytes {
            throw .tooLarge(index: eventCount, limit: maxEventBytes)
        }
    }

    /// Ends the stream: an event without its closing blank line is dropped (as the standard says).
    public mutating func finish() {
        line.removeAll()
        data.removeAll()
        eventType.removeAll()
    }

    private mutating func endLine(into events: inout [ServerSentEvent<String>]) throws(EventStreamError) {
        defer { line.removeAll(keepingCapacity: true) }
        if atStreamStart {
            atStreamStart = false
            if line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
        }
        guard let first = line.first else { return dispatch(into: &events) }
        if first == UInt8(ascii: ":") { return }
        let colon = line.firstIndex(of: UInt8(ascii: ":")) ?? line.endIndex
        var valueStart = colon < line.endIndex ? colon + 1 : colon
        if valueStart < line.endIndex, line[valueStart] == 0x20 { valueStart += 1 }
        let value = line[valueStart...]
        let name = line[..<colon]
        if name.elementsEqual(Self.dataField) {
            data.append(contentsOf: value)
            data.append(0x0A)
        } else if name.elementsEqual(Self.eventField) {
            eventType.removeAll(keepingCapacity: true)
            eventType.append(contentsOf: value)
        } else if name.elementsEqual(Self.idField), !value.contains(0) {
            eventID = String(decoding: value, as: UTF8.self)
            lastEventID = eventID
        } else if name.elementsEqual(Self.retryField), !value.isEmpty,
            value.allSatisfy({ (0x30...0x39).contains($0) })
        {
            if let milliseconds = Int(String(decoding: value, as: UTF8.self)) { retry = milliseconds }
        }
    }

    private static let dataField = Array("data".utf8)
    private static let eventField = Array("event".utf8)
    private static let idField = Array("id".utf8)
    private static let retryField = Array("retry".utf8)

    private mutating func dispatch(into events: inout [ServerSentEvent<String>]) {
        defer {
            data.removeAll(keepingCapacity: true)
            eventType.removeAll(keepingCapacity: true)
            eventID = nil
        }
        guard !data.isEmpty else { return }
        events.append(
            ServerSentEvent(
                event: eventType.isEmpty ? nil : String(decoding: eventType, as: UTF8.self), id: eventID,
                retry: retry, data: String(decoding: data.dropLast(), as: UTF8.self)))
        retry = nil
        eventCount += 1
    }
}

/// Writes server-sent events: `event`, `id` and `retry` lines when set, one `data:` line per line of
/// the data (split at CR, LF and CRLF), then a blank line.
public enum ServerSentEventWriter {
    /// The bytes of one event; throws ``EventStreamError/unencodable(index:reason:)`` for an `event` with
    /// a line break, an `id` with a line break or NUL, or a negative `retry`.
    public static func write(_ event: ServerSentEvent<String>, index: Int = 0) throws(EventStreamError) -> Data {
        var text = ""
        if let type = event.event {
            guard !type.unicodeScalars.contains(where: isLineBreak) else {
                throw .unencodable(index: index, reason: "the event type contains a line break")
            }
            text += "event: \(type)\n"
        }
        if let id = event.id {
            guard !id.unicodeScalars.contains(where: { isLineBreak($0) || $0 == "\0" }) else {
                throw .unencodable(index: index, reason: "the id contains a line break or NUL")
            }
            text += "id: \(id)\n"
        }
        if let retry = event.retry {
            guard retry >= 0 else { throw .unencodable(index: index, reason: "retry is negative") }
            text += "retry: \(retry)\n"
        }
        if !event.data.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
            // One line (every JSON payload): no splitting.
            text += "data: \(event.data)\n\n"
            return Data(text.utf8)
        }
        let scalars = event.data.unicodeScalars
        var lineStart = scalars.startIndex
        var index = lineStart
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if isLineBreak(scalar) {
                text += "data: \(String(scalars[lineStart..<index]))\n"
                index = scalars.index(after: index)
                if scalar == "\r", index < scalars.endIndex, scalars[index] == "\n" {
                    index = scalars.index(after: index)
                }
                lineStart = index
            } else {
                index = scalars.index(after: index)
            }
        }
        text += "data: \(String(scalars[lineStart...]))\n\n"
        return Data(text.utf8)
    }

    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool { scalar == "\r" || scalar == "\n" }
}

import Foundation

/// A stream of typed events: what a generated client returns for an answer declared as a `stream`,
/// and what a generated handler returns for one.
///
/// It wraps any `Sendable` `AsyncSequence` of `Element`s and is consumed once, the way a response body
/// is. A client's stream decodes each event as its bytes arrive and reads nothing the caller has not
/// asked for: stopping the iteration (or cancelling the task) stops reading. A server writes each event
/// as the handler's sequence produces it.
///
/// ```swift
/// for try await event in stream { print(event) }   // ServerSentEvent<LoginEvent>, LoginEvent, …
/// ```
public struct EventStream<Element: Sendable>: AsyncSequence, Sendable {
    private let makeNext: @Sendable () -> () async throws -> Element?

    /// A stream of the elements of `base`.
    public init<Base: AsyncSequence & Sendable>(_ base: Base) where Base.Element == Element {
        makeNext = {
            var iterator = base.makeAsyncIterator()
            return { try await iterator.next() }
        }
    }

    /// A stream of the elements of an array (for tests, previews and short fixed answers).
    public init(_ elements: [Element]) {
        self.init(ArraySequence(elements: elements))
    }

    /// Returns an iterator over the stream's elements.
    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(nextElement: makeNext()) }

    /// Iterates an ``EventStream``; throws `CancellationError` once its task is cancelled.
    public struct AsyncIterator: AsyncIteratorProtocol {
        fileprivate let nextElement: () async throws -> Element?

        /// The next element, `nil` at the end of the stream.
        public mutating func next() async throws -> Element? {
            try Task.checkCancellation()
            return try await nextElement()
        }
    }

    private struct ArraySequence: AsyncSequence, Sendable {
        let elements: [Element]
        func makeAsyncIterator() -> Iterator { Iterator(elements: elements) }
        struct Iterator: AsyncIteratorProtocol {
            let elements: [Element]
            var index = 0
            mutating func next() async -> Element? {
                guard index < elements.count else { return nil }
                defer { index += 1 }
                return elements[index]
            }
        }
    }
}

/// Why an event stream stopped: the stream ends after throwing it.
///
/// `index` counts the events delivered before the failing one (the first event is 0). The description
/// names the index and the rule, never the event's bytes.
public enum EventStreamError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An event (or a line of one) grew past `limit` bytes before it ended.
    case tooLarge(index: Int, limit: Int)
    /// The bytes do not follow the stream's framing (for example JSON Sequence text before the first
    /// record separator, or a truncated record).
    case malformed(index: Int, reason: String)
    /// An event's payload did not decode as its declared type, or broke a constraint of the definition.
    case invalidEvent(index: Int, ValidationErrors)
    /// An event could not be written in the stream's format (for example an SSE `id` with a line break).
    case unencodable(index: Int, reason: String)

    /// The index of the event that failed: the number of events before it.
    public var index: Int {
        switch self {
        case .tooLarge(let index, _), .malformed(let index, _), .invalidEvent(let index, _),
            .unencodable(let index, _):
            index
        }
    }

    public var description: String {
        switch self {
        case .tooLarge(let index, let limit): "event \(index): larger than \(limit) bytes"
        case .malformed(let index, let reason): "event \(index): \(reason)"
        case .invalidEvent(let index, let errors): "event \(index): \(errors)"
        case .unencodable(let index, let reason): "event \(index) cannot be written: \(reason)"
        }
    }
}

/// The wire formats of an event stream.
public enum EventStreamFormat: String, Sendable, Hashable, CaseIterable {
    /// Server-sent events (`text/event-stream`), each event's `data` a JSON value.
    case serverSentEvents = "sse"
    /// JSON Lines (`application/jsonl`): one JSON value per line.
    case jsonLines = "jsonl"
    /// JSON Text Sequences (`application/json-seq`, RFC 7464): each JSON value after an RS byte.
    case jsonSequence = "json-seq"

    /// The media type the stream travels as.
    public var mediaType: String {
        switch self {
        case .serverSentEvents: "text/event-stream"
        case .jsonLines: "application/jsonl"
        case .jsonSequence: "application/json-seq"
        }
    }

    /// The largest event a reader accepts unless told otherwise: 1 MiB.
    public static let defaultMaxEventBytes = 1 << 20
}

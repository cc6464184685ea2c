import Foundation

/// The body of a request or a response: an asynchronous sequence of byte chunks, with its length when it
/// is known in advance.
///
/// A body is either **buffered** (``init(_:)-(Data)``: its bytes are in memory, ``bufferedData`` returns them,
/// and it can be read any number of times) or **streamed** (``init(stream:length:)``: its chunks arrive as
/// the wrapped sequence produces them, and it is read once). Transports, middlewares and servers pass
/// bodies on without collecting them, so a multi-gigabyte download or upload never has to fit in memory;
/// generated code collects a body into `Data` only where it decodes a typed body, and only up to a limit
/// (``collect(upTo:)``).
public struct APIBody: AsyncSequence, Sendable {
    public typealias Element = Data
    public typealias Failure = any Error

    private enum Storage: Sendable {
        case buffered(Data)
        case stream(@Sendable () -> Chunks)
    }

    private let storage: Storage

    /// The number of bytes the body holds, when it is known before it is read (always, for a buffered
    /// body); transports send it as `Content-Length`.
    public let length: Int?

    /// An empty body.
    public init() {
        storage = .buffered(Data())
        length = 0
    }

    /// A buffered body: the fast path.
    public init(_ data: Data) {
        storage = .buffered(data)
        length = data.count
    }

    /// A buffered body of UTF-8 text.
    public init(_ text: String) {
        self.init(Data(text.utf8))
    }

    /// A streamed body whose chunks `stream` produces as they come; `length`, when known, is its total
    /// size. A streamed body is read once.
    public init<Chunks: AsyncSequence & Sendable>(stream: Chunks, length: Int? = nil)
    where Chunks.Element == Data {
        storage = .stream {
            var iterator = stream.makeAsyncIterator()
            return APIBody.Chunks { try await iterator.next() }
        }
        self.length = length
    }

    /// The bytes of a buffered body; `nil` for a streamed one (read it with ``collect(upTo:)``).
    public var bufferedData: Data? {
        if case .buffered(let data) = storage { return data }
        return nil
    }

    /// Whether the body is known to hold no bytes.
    public var isKnownEmpty: Bool { length == 0 }

    /// The body collected into one `Data`, reading at most `limit` bytes; a body known or found to be
    /// larger throws ``TooLarge`` without reading the rest.
    public func collect(upTo limit: Int) async throws -> Data {
        if let length, length > limit { throw TooLarge(limit: limit) }
        if let data = bufferedData { return data }
        var chunks = makeAsyncIterator()
        // One chunk (a small body usually arrives in one) is returned as it is, without a copy.
        guard let first = try await chunks.next() else { return Data() }
        guard first.count <= limit else { throw TooLarge(limit: limit) }
        guard let second = try await chunks.next() else { return first }
        var collected = first
        if let length { collected.reserveCapacity(length) }
        var chunk: Data? = second
        while let next = chunk {
            guard next.count <= limit - collected.count else { throw TooLarge(limit: limit) }
            collected.append(next)
            chunk = try await chunks.next()
        }
        return collected
    }

    /// A body was larger than the limit it was collected within.
    public struct TooLarge: Error, Sendable, Hashable, CustomStringConvertible {
        /// The limit, in bytes.
        public var limit: Int
        public init(limit: Int) { self.limit = limit }
        public var description: String { "the body is larger than \(limit) bytes" }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        switch storage {
        case .buffered(let data): AsyncIterator(state: .buffered(data.isEmpty ? nil : data))
        case .stream(let make): AsyncIterator(state: .stream(make()))
        }
    }

    /// Reads a body's chunks in order.
    public struct AsyncIterator: AsyncIteratorProtocol {
        fileprivate enum State {
            case buffered(Data?)
            case stream(Chunks)
        }

        fileprivate var state: State

        public mutating func next() async throws -> Data? {
            switch state {
            case .buffered(let data):
                state = .buffered(nil)
                return data
            case .stream(let chunks):
                return try await chunks.next()
            }
        }
    }

    /// The next-chunk function of one pass over a streamed body.
    fileprivate struct Chunks {
        let next: () async throws -> Data?
    }
}

extension APIBody: CustomStringConvertible {
    /// The body's kind and size; never its bytes, which may hold a credential.
    public var description: String {
        switch storage {
        case .buffered(let data): "APIBody(\(data.count) bytes)"
        case .stream: "APIBody(streamed, \(length.map { "\($0) bytes" } ?? "length unknown"))"
        }
    }
}

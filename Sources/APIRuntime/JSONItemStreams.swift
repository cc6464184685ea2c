import Foundation

/// Splits a stream of JSON values into the bytes of each value: JSON Lines (`application/jsonl`, one
/// value per line, LF or CRLF, blank lines skipped) or JSON Text Sequences (`application/json-seq`,
/// RFC 7464: each value after an RS byte, 0x1E).
///
/// Chunk boundaries may fall anywhere. It holds at most one value: a value longer than `maxItemBytes`
/// throws ``EventStreamError/tooLarge(index:limit:)``, so memory stays bounded whatever the peer sends.
public struct JSONItemSplitter: Sendable {
    /// How values are separated.
    public enum Framing: Sendable, Hashable {
        /// JSON Lines: each value ends with LF (a CR before it is ignored).
        case lines
        /// JSON Text Sequences (RFC 7464): each value starts with RS (0x1E) and ends with LF.
        case sequence
    }

    /// Which framing the splitter reads.
    public let framing: Framing
    /// The most bytes one value may have.
    public let maxItemBytes: Int
    /// The most bytes the splitter held at once, for memory tests.
    public private(set) var highWaterMark = 0
    /// How many values it has produced.
    public private(set) var itemCount = 0

    private var item: [UInt8] = []
    private var sawSeparator = false

    /// A splitter for `framing` that refuses values larger than `maxItemBytes` bytes.
    public init(_ framing: Framing, maxItemBytes: Int = EventStreamFormat.defaultMaxEventBytes) {
        self.framing = framing
        self.maxItemBytes = maxItemBytes
    }

    /// Reads one chunk, appending the values it completes to `items`.
    public mutating func split(_ chunk: Data, into items: inout [Data]) throws(EventStreamError) {
        var failure: EventStreamError?
        chunk.withUnsafeBytes { bytes in
            do throws(EventStreamError) {
                try split(bytes, into: &items)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        highWaterMark = max(highWaterMark, item.capacity)
    }

    /// Reads one chunk: whole runs of bytes between separators are appended at once.
    private mutating func split(_ bytes: UnsafeRawBufferPointer, into items: inout [Data]) throws(EventStreamError) {
        let separator: UInt8 = framing == .lines ? 0x0A : 0x1E
        var start = 0
        while let end = bytes[start...].firstIndex(of: separator) {
            try append(bytes[start..<end])
            try endItem(into: &items)
            sawSeparator = true
            start = end + 1
        }
        try append(bytes[start...])
    }

    private mutating func append(_ bytes: Slice<UnsafeRawBufferPointer>) throws(EventStreamError) {
        guard !bytes.isEmpty else { return }
        guard item.count + bytes.count <= maxItemBytes else { throw .tooLarge(index: itemCount, limit: maxItemBytes) }
        item.append(contentsOf: bytes)
    }

    /// Ends the stream, appending the last value if the stream did not end with a separator.
    public mutating func finish(into items: inout [Data]) throws(EventStreamError) {
        try endItem(into: &items)
        item = []
    }

    private mutating func endItem(into items: inout [Data]) throws(EventStreamError) {
        defer { item.removeAll(keepingCapacity: true) }
        guard let first = item.firstIndex(where: { !Self.isWhitespace($0) }) else { return }
        if framing == .sequence {
            guard sawSeparator else {
                throw .malformed(index: itemCount, reason: "text before the first record separator (RS)")
            }
            // RFC 7464 §2.4: a number, true, false or null not followed by whitespace may be truncated.
            if let last = item.last, !Self.isWhitespace(last), !Self.isBracketedStart(item[first]) {
                throw .malformed(index: itemCount, reason: "a record that may be truncated (no LF after it)")
            }
        }
        let last = item.lastIndex(where: { !Self.isWhitespace($0) }) ?? first
        items.append(Data(item[first...last]))
        itemCount += 1
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Whether a value starting with this byte ends with a closing delimiter (object, array, string).
    private static func isBracketedStart(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "\"")
    }
}

/// Writes JSON values in a stream framing.
public enum JSONItemWriter {
    /// The bytes of one value already encoded as compact JSON (no line break in it): `json` + LF for
    /// JSON Lines, RS + `json` + LF for JSON Sequences.
    public static func frame(_ json: Data, _ framing: JSONItemSplitter.Framing) -> Data {
        var framed = Data()
        framed.reserveCapacity(json.count + 2)
        if framing == .sequence { framed.append(0x1E) }
        framed.append(json)
        framed.append(0x0A)
        return framed
    }
}

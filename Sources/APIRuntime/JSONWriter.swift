import Foundation

/// Compact JSON written as values encode themselves, without `JSONEncoder`'s intermediate tree and key sort.
///
/// Members appear in the order a type's `encode(to:)` writes them: for generated types, the order of the
/// definition's fields, so the bytes are the same in every process. A `[String: Value]` (a map field, the
/// members beside the fields) is written in sorted key order, so it is deterministic too. Output matches
/// `JSONEncoder` with `.withoutEscapingSlashes` in everything else: `Data` as base64, `URL` as its
/// absolute string, `Decimal` as a number, a whole `Double` without `.0`, `Date` as `Date` encodes itself,
/// and a value that encodes nothing as `{}`. A NaN or infinite number is an `EncodingError`.
///
/// Containers are written as they are used, so a type must finish one container (and what it nests) before
/// it writes into its parent again, as every synthesized and generated conformance does. A type that goes
/// back to a container it left gets an `EncodingError` naming the path, never malformed JSON.
enum JSONWriter {
    static func encode(_ value: some Encodable) throws -> Data {
        let state = JSONWriterState()
        try state.encodeValue(value)
        try state.finish()
        return Data(state.bytes)
    }
}

/// A `String`-keyed dictionary, written with its keys sorted.
protocol JSONWriterSortedMembers {
    func writeSorted(to state: JSONWriterState) throws
}

extension Dictionary: JSONWriterSortedMembers where Key == String, Value: Encodable {
    func writeSorted(to state: JSONWriterState) throws {
        let (index, identity) = state.open(object: true)
        for key in keys.sorted() {
            guard let value = self[key] else { continue }
            try state.startElement(index: index, identity: identity, key: key)
            state.writeString(key)
            state.bytes.append(UInt8(ascii: ":"))
            try state.encodeValue(value)
        }
    }
}

final class JSONWriterState {
    // Unchecked: a state belongs to one `JSONWriter.encode` call on one thread, and its methods never hold
    // an access across a call that could reenter; the dynamic checks were a third of the time.
    @exclusivity(unchecked) var bytes: [UInt8] = []
    /// The containers still open, outermost first. Each knows its element being written (its key, or its
    /// count in an array), so a coding path is built only when an error needs one, and an identity a
    /// container checks before it writes (so a container left behind cannot write).
    @exclusivity(unchecked) var frames: [Frame] = []
    @exclusivity(unchecked) private var nextIdentity = 0
    /// A misuse found where Swift's container API cannot throw; thrown at the next write or at the end.
    var failure: EncodingError? {
        didSet { failed = failure != nil }
    }
    /// Whether there is a `failure`: a flag, checked before every write, is cheaper than the optional error.
    private(set) var failed = false

    struct Frame {
        var isObject: Bool
        var count: Int
        var identity: Int
        var key: String?
    }

    init() {
        bytes.reserveCapacity(256)
        frames.reserveCapacity(8)
    }

    func finish() throws {
        if failed, let failure { throw failure }
        closeFrames(keeping: 0)
    }

    /// The coding path of a value inside the first `depth` open containers.
    func codingPath(depth: Int) -> [any CodingKey] {
        frames.prefix(depth).map { frame in
            frame.key.map { JSONWriterKey(stringValue: $0) } ?? JSONWriterKey(intValue: max(frame.count - 1, 0))
        }
    }

    /// Closes every container deeper than the first `count`.
    func closeFrames(keeping count: Int) {
        while frames.count > count {
            bytes.append(frames.removeLast().isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        }
    }

    /// Opens a container at depth `frames.count`.
    func open(object: Bool) -> (index: Int, identity: Int) {
        nextIdentity += 1
        frames.append(Frame(isObject: object, count: 0, identity: nextIdentity, key: nil))
        bytes.append(object ? UInt8(ascii: "{") : UInt8(ascii: "["))
        return (frames.count - 1, nextIdentity)
    }

    /// Gets the container at `index` ready for its next element (`key` in an object): closes what is open
    /// inside it and writes the comma. Fails when the container was finished (a type wrote into its parent,
    /// then came back).
    func startElement(index: Int, identity: Int, key: String?) throws(EncodingError) {
        if failed, let failure { throw failure }
        guard index < frames.count, frames[index].identity == identity else {
            throw invalid(
                codingPath(depth: min(index, frames.count)), "written into a JSON container after it was finished")
        }
        closeFrames(keeping: index + 1)
        if frames[index].count > 0 { bytes.append(UInt8(ascii: ",")) }
        frames[index].count += 1
        frames[index].key = key
    }

    func invalid(_ path: [any CodingKey], _ reason: String) -> EncodingError {
        EncodingError.invalidValue("", .init(codingPath: path, debugDescription: reason))
    }

    func fail(_ path: [any CodingKey], _ reason: String) {
        if failure == nil { failure = invalid(path, reason) }
    }

    /// Runs `start` where Swift's container API cannot throw (a nested container, a super encoder): a
    /// failure is kept, and thrown at the next write or at the end.
    func deferringFailure(_ start: () throws(EncodingError) -> Void) {
        do {
            try start()
        } catch {
            if failure == nil { failure = error }
        }
    }

    // MARK: Values

    /// Writes a value in the element just started (or at the top).
    func encodeValue<T: Encodable>(_ value: T) throws {
        if T.self == Data.self {
            writeString((value as! Data).base64EncodedString())
        } else if T.self == URL.self {
            writeString((value as! URL).absoluteString)
        } else if T.self == Decimal.self {
            let decimal = value as! Decimal
            guard !decimal.isNaN else { throw invalid(codingPath(depth: frames.count), "NaN is not a JSON number") }
            bytes.append(contentsOf: decimal.description.utf8)
        } else if MemoryLayout<T>.size == MemoryLayout<[String: Int]>.size,
            let members = value as? any JSONWriterSortedMembers
        {
            // (A dictionary is one reference wide: the size test spares most values the conformance lookup.)
            try members.writeSorted(to: self)
        } else {
            let start = bytes.count
            try value.encode(to: JSONWriterEncoder(state: self, base: frames.count))
            // A value that encodes nothing is an empty object, as `JSONEncoder` writes it.
            if bytes.count == start { bytes.append(contentsOf: "{}".utf8) }
        }
    }

    func writeNull() { bytes.append(contentsOf: "null".utf8) }

    func writeBool(_ value: Bool) { bytes.append(contentsOf: value ? "true".utf8 : "false".utf8) }

    func writeInteger(_ value: some BinaryInteger) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = UInt64(value.magnitude)
        if magnitude == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        // At most 20 digits; written backwards into 24 bytes.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var first = buffer.count
            while magnitude > 0 {
                first -= 1
                buffer[first] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            }
            bytes.append(contentsOf: buffer[first...])
        }
    }

    /// A finite number as `JSONEncoder` writes it (`1` for `1.0`); NaN and infinities fail.
    func writeFloatingPoint<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F, depth: Int) throws {
        guard value.isFinite else { throw invalid(codingPath(depth: depth), "\(value) is not a JSON number") }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\n`, `\t`, … or `\u00XX`; `/` as it is.
    func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var clean = 0
            for (offset, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[clean..<offset]))
                clean = offset + 1
                switch byte {
                case 0x22: bytes.append(contentsOf: #"\""#.utf8)
                case 0x5C: bytes.append(contentsOf: #"\\"#.utf8)
                case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
                case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
                case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
                case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
                case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
                default:
                    bytes.append(contentsOf: #"\u00"#.utf8)
                    bytes.append(Self.hexDigits[Int(byte >> 4)])
                    bytes.append(Self.hexDigits[Int(byte & 0xF)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[clean...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}

/// The encoder a value encodes itself into: its container opens at index `base` of the open containers.
struct JSONWriterEncoder: Encoder {
    let state: JSONWriterState
    let base: Int
    var codingPath: [any CodingKey] { state.codingPath(depth: base) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The value's own container: opened on first use; asked for again (a oneOf's discriminator after its
    /// variant's fields), the same one continues.
    func frame(object: Bool) -> (index: Int, identity: Int) {
        if state.frames.count > base {
            state.closeFrames(keeping: base + 1)
            let frame = state.frames[base]
            if frame.isObject != object {
                state.fail(
                    codingPath,
                    "asked for an \(object ? "object" : "array") after an \(frame.isObject ? "object" : "array")")
            }
            return (base, frame.identity)
        }
        if state.frames.count < base {
            state.fail(state.codingPath(depth: state.frames.count), "encoded after its container was finished")
        }
        return state.open(object: object)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let (index, identity) = frame(object: true)
        return KeyedEncodingContainer(JSONWriterKeyedContainer<Key>(state: state, index: index, identity: identity))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let (index, identity) = frame(object: false)
        return JSONWriterUnkeyedContainer(state: state, index: index, identity: identity)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONWriterSingleValueContainer(state: state, base: base, start: state.bytes.count)
    }
}

struct JSONWriterKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let state: JSONWriterState
    let index: Int
    let identity: Int
    var codingPath: [any CodingKey] { state.codingPath(depth: index) }

    private func start(_ key: Key) throws(EncodingError) { try start(name: key.stringValue) }

    private func start(name: String) throws(EncodingError) {
        try state.startElement(index: index, identity: identity, key: name)
        state.writeString(name)
        state.bytes.append(UInt8(ascii: ":"))
    }

    mutating func encodeNil(forKey key: Key) throws {
        try start(key)
        state.writeNull()
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        try start(key)
        state.writeBool(value)
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        try start(key)
        state.writeString(value)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        try start(key)
        try state.writeFloatingPoint(value, depth: index + 1)
    }

    mutating func encode(_ value: Float, forKey key: Key) throws {
        try start(key)
        try state.writeFloatingPoint(value, depth: index + 1)
    }

    mutating func encode(_ value: Int, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try integer(value, key) }

    private func integer(_ value: some BinaryInteger, _ key: Key) throws {
        try start(key)
        state.writeInteger(value)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try start(key)
        try state.encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let (index, identity) = nested(key, object: true)
        return KeyedEncodingContainer(
            JSONWriterKeyedContainer<NestedKey>(state: state, index: index, identity: identity))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let (index, identity) = nested(key, object: false)
        return JSONWriterUnkeyedContainer(state: state, index: index, identity: identity)
    }

    private func nested(_ key: Key, object: Bool) -> (Int, Int) {
        begin(key)
        return state.open(object: object)
    }

    /// Starts `key` where the API cannot throw.
    private func begin(_ key: Key) { begin(name: key.stringValue) }

    private func begin(name: String) { state.deferringFailure { () throws(EncodingError) in try start(name: name) } }

    /// Under the key `super`, as `JSONEncoder` writes it (whether or not `Key` has such a case).
    mutating func superEncoder() -> any Encoder {
        begin(name: "super")
        return JSONWriterEncoder(state: state, base: state.frames.count)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        begin(key)
        return JSONWriterEncoder(state: state, base: state.frames.count)
    }
}

struct JSONWriterUnkeyedContainer: UnkeyedEncodingContainer {
    let state: JSONWriterState
    let index: Int
    let identity: Int
    private(set) var count = 0
    var codingPath: [any CodingKey] { state.codingPath(depth: index) }

    init(state: JSONWriterState, index: Int, identity: Int) {
        self.state = state
        self.index = index
        self.identity = identity
    }

    private mutating func start() throws(EncodingError) {
        try state.startElement(index: index, identity: identity, key: nil)
        count += 1
    }

    mutating func encodeNil() throws {
        try start()
        state.writeNull()
    }

    mutating func encode(_ value: Bool) throws {
        try start()
        state.writeBool(value)
    }

    mutating func encode(_ value: String) throws {
        try start()
        state.writeString(value)
    }

    mutating func encode(_ value: Double) throws {
        try start()
        try state.writeFloatingPoint(value, depth: index + 1)
    }

    mutating func encode(_ value: Float) throws {
        try start()
        try state.writeFloatingPoint(value, depth: index + 1)
    }

    mutating func encode(_ value: Int) throws { try integer(value) }
    mutating func encode(_ value: Int8) throws { try integer(value) }
    mutating func encode(_ value: Int16) throws { try integer(value) }
    mutating func encode(_ value: Int32) throws { try integer(value) }
    mutating func encode(_ value: Int64) throws { try integer(value) }
    mutating func encode(_ value: UInt) throws { try integer(value) }
    mutating func encode(_ value: UInt8) throws { try integer(value) }
    mutating func encode(_ value: UInt16) throws { try integer(value) }
    mutating func encode(_ value: UInt32) throws { try integer(value) }
    mutating func encode(_ value: UInt64) throws { try integer(value) }

    private mutating func integer(_ value: some BinaryInteger) throws {
        try start()
        state.writeInteger(value)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try start()
        try state.encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        let (index, identity) = nested(object: true)
        return KeyedEncodingContainer(
            JSONWriterKeyedContainer<NestedKey>(state: state, index: index, identity: identity))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let (index, identity) = nested(object: false)
        return JSONWriterUnkeyedContainer(state: state, index: index, identity: identity)
    }

    private mutating func nested(object: Bool) -> (Int, Int) {
        begin()
        return state.open(object: object)
    }

    /// Starts an element where the API cannot throw.
    private mutating func begin() {
        do {
            try start()
        } catch {
            if state.failure == nil { state.failure = error }
        }
    }

    mutating func superEncoder() -> any Encoder {
        begin()
        return JSONWriterEncoder(state: state, base: state.frames.count)
    }
}

struct JSONWriterSingleValueContainer: SingleValueEncodingContainer {
    let state: JSONWriterState
    let base: Int
    /// Where the value's bytes begin: a second value would follow the first without a separator.
    let start: Int
    var codingPath: [any CodingKey] { state.codingPath(depth: base) }

    private func begin() throws {
        if state.failed, let failure = state.failure { throw failure }
        guard state.frames.count == base, state.bytes.count == start else {
            throw state.invalid(codingPath, "a single value was encoded twice")
        }
    }

    mutating func encodeNil() throws {
        try begin()
        state.writeNull()
    }

    mutating func encode(_ value: Bool) throws {
        try begin()
        state.writeBool(value)
    }

    mutating func encode(_ value: String) throws {
        try begin()
        state.writeString(value)
    }

    mutating func encode(_ value: Double) throws {
        try begin()
        try state.writeFloatingPoint(value, depth: base)
    }

    mutating func encode(_ value: Float) throws {
        try begin()
        try state.writeFloatingPoint(value, depth: base)
    }

    mutating func encode(_ value: Int) throws { try integer(value) }
    mutating func encode(_ value: Int8) throws { try integer(value) }
    mutating func encode(_ value: Int16) throws { try integer(value) }
    mutating func encode(_ value: Int32) throws { try integer(value) }
    mutating func encode(_ value: Int64) throws { try integer(value) }
    mutating func encode(_ value: UInt) throws { try integer(value) }
    mutating func encode(_ value: UInt8) throws { try integer(value) }
    mutating func encode(_ value: UInt16) throws { try integer(value) }
    mutating func encode(_ value: UInt32) throws { try integer(value) }
    mutating func encode(_ value: UInt64) throws { try integer(value) }

    private func integer(_ value: some BinaryInteger) throws {
        try begin()
        state.writeInteger(value)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try begin()
        try state.encodeValue(value)
    }
}

/// A key in a coding path that an error reports: a member's name or an array index.
struct JSONWriterKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) { self.stringValue = stringValue }

    init(intValue: Int) {
        self.stringValue = "Index \(intValue)"
        self.intValue = intValue
    }
}

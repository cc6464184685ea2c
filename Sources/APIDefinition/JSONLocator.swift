/// Finds the line and column of every key and value in a JSON text, keyed by JSON path
/// (`operations[2].body.type`), and the first syntax error when the text is not valid JSON.
/// `JSONSerialization` reads the values; this only locates them, so diagnostics can point at them.
///
/// It also checks everything `JSONSerialization` rejects without saying where (invalid UTF-8,
/// control characters and bad escapes in strings, numbers that do not fit, nesting deeper than
/// ``maximumDepth``) and what it accepts silently (duplicate keys), so that any byte sequence ends
/// in either valid JSON or one located ``SyntaxError``. It never recurses: hostile nesting cannot
/// exhaust the stack, and its time is linear in the size of the text.
struct JSONLocator {
    struct Position: Hashable {
        var line: Int
        var column: Int
    }

    struct SyntaxError: Error {
        var position: Position
        var message: String
    }

    /// The deepest nesting of arrays and objects read (`JSONSerialization`'s own limit).
    static let maximumDepth = 512
    /// Paths longer than this (in UTF-8 bytes) are not recorded; their values are located at the
    /// nearest shorter ancestor. Keeps memory linear when huge keys nest.
    static let maximumRecordedPathLength = 1024

    /// Positions of values by path.
    private(set) var values: [String: Position] = [:]
    /// Positions of object keys by the path of their value.
    private(set) var keys: [String: Position] = [:]
    private(set) var syntaxError: SyntaxError?

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    /// The column of `columnIndex` (on the current line): columns are counted incrementally, so that
    /// locating every value of a long line stays linear.
    private var columnIndex = 0
    private var column = 1

    /// Whether positions are recorded (`false`: only check the syntax, which is much cheaper).
    private let recording: Bool

    /// An array or object being read.
    private struct Frame {
        var isObject: Bool
        var path: String
        var count = 0
        /// The keys seen so far, as written (objects only).
        var keys: Set<ArraySlice<UInt8>> = []
    }

    init(text: [UInt8], recordPositions: Bool = true) {
        bytes = text
        recording = recordPositions
        // A UTF-8 byte order mark is allowed (JSONSerialization skips it too).
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            index = 3
            lineStart = 3
            columnIndex = 3
        }
        do {
            try document()
        } catch let error as SyntaxError {
            syntaxError = error
        } catch {}
    }

    /// The position of the value at `path`, or of its key; the nearest located ancestor otherwise.
    func position(of path: String, preferKey: Bool = false) -> Position? {
        var current = path
        if current.utf8.count > Self.maximumRecordedPathLength {
            current = String(decoding: current.utf8.prefix(Self.maximumRecordedPathLength), as: UTF8.self)
        }
        while true {
            if preferKey, let key = keys[current] { return key }
            if let value = values[current] { return value }
            if let key = keys[current] { return key }
            guard let cut = current.lastIndex(where: { $0 == "." || $0 == "[" }) else {
                return values[""]
            }
            current = String(current[..<cut])
        }
    }

    // MARK: Positions and errors

    private mutating func position(at offset: Int) -> Position {
        let offset = min(offset, bytes.count)
        if columnIndex < lineStart || columnIndex > offset {
            columnIndex = lineStart
            column = 1
        }
        // Columns count characters: UTF-8 continuation bytes do not start a column.
        while columnIndex < offset {
            if bytes[columnIndex] & 0xC0 != 0x80 { column += 1 }
            columnIndex += 1
        }
        return Position(line: line, column: column)
    }

    private mutating func error(_ message: String, at offset: Int? = nil) -> SyntaxError {
        SyntaxError(position: position(at: offset ?? index), message: message)
    }

    /// The byte at `offset` for a message: `'x'` when it is printable ASCII, `U+XXXX` or a byte otherwise.
    private func describe(at offset: Int) -> String {
        let byte = bytes[offset]
        if (0x21...0x7E).contains(byte) { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte < 0x80 { return "U+\(hex(UInt32(byte), digits: 4))" }
        if let length = utf8Length(at: offset),
            let scalar = String(decoding: bytes[offset..<offset + length], as: UTF8.self).unicodeScalars.first
        {
            return "U+\(hex(scalar.value, digits: 4))"
        }
        return "byte 0x\(hex(UInt32(byte), digits: 2)), which is not UTF-8"
    }

    private func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// At most `limit` characters of `text`, with "…" when cut (messages stay short for huge input).
    private func clipped(_ slice: ArraySlice<UInt8>, limit: Int = 40) -> String {
        let text = String(decoding: slice.prefix(limit * 4), as: UTF8.self)
        return text.count > limit || slice.count > limit * 4 ? String(text.prefix(limit)) + "…" : text
    }

    // MARK: Reading

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    /// Reads the whole text: one value, nothing after it. Arrays and objects are kept on an explicit
    /// stack, never by recursion.
    private mutating func document() throws {
        var stack: [Frame] = []
        var path = ""
        nextValue: while true {
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of file; expected a value") }
            if recording, !path.isEmpty || stack.isEmpty, path.utf8.count <= Self.maximumRecordedPathLength {
                values[path] = position(at: index)
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                guard stack.count < Self.maximumDepth else {
                    throw error("arrays and objects nest more than \(Self.maximumDepth) levels deep")
                }
                let isObject = byte == UInt8(ascii: "{")
                index += 1
                stack.append(Frame(isObject: isObject, path: path))
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: isObject ? "}" : "]") {
                    index += 1
                    stack.removeLast()
                } else {
                    path = try isObject ? member(of: &stack[stack.count - 1]) : element(of: &stack[stack.count - 1])
                    continue nextValue
                }
            } else {
                try scalar()
            }
            // After a value: close finished containers, or go on to the next member or element.
            while let top = stack.last {
                skipWhitespace()
                let closer = UInt8(ascii: top.isObject ? "}" : "]")
                guard index < bytes.count else {
                    throw error("unexpected end of file; expected ',' or '\(Character(Unicode.Scalar(closer)))'")
                }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    path = try top.isObject ? member(of: &stack[stack.count - 1]) : element(of: &stack[stack.count - 1])
                    continue nextValue
                }
                if bytes[index] == closer {
                    index += 1
                    stack.removeLast()
                    continue
                }
                throw error("expected ',' or '\(Character(Unicode.Scalar(closer)))'")
            }
            skipWhitespace()
            if index < bytes.count { throw error("unexpected text after the end of the JSON value") }
            return
        }
    }

    /// The path of the next element of an array.
    private mutating func element(of frame: inout Frame) throws -> String {
        defer { frame.count += 1 }
        return childPath(frame.path) { "\($0)[\(frame.count)]" }
    }

    /// Reads a key and its colon; returns the path of the member's value.
    private mutating func member(of frame: inout Frame) throws -> String {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
            throw error(index < bytes.count ? "expected a quoted key" : "unexpected end of file in an object")
        }
        let keyStart = index
        let key = try string()
        guard frame.keys.insert(key).inserted else {
            throw error("duplicate key '\(clipped(key))' (each key may appear once in an object)", at: keyStart)
        }
        var path = frame.path
        if recording {
            path = childPath(frame.path) { parent in
                let text = Self.unescapedKey(key)
                return parent.isEmpty ? text : "\(parent).\(text)"
            }
            if path.utf8.count <= Self.maximumRecordedPathLength, path != frame.path {
                keys[path] = position(at: keyStart)
            }
        }
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after a key") }
        index += 1
        return path
    }

    /// A child's path, or the parent's when positions are not recorded or the parent's path is
    /// already too long to record (so that paths never grow without bound).
    private func childPath(_ parent: String, _ make: (String) -> String) -> String {
        guard recording, parent.utf8.count <= Self.maximumRecordedPathLength else { return parent }
        return make(parent)
    }

    /// A key as a path component: escapes kept as written, without their backslash (keys with
    /// escapes are rare in definitions).
    private static func unescapedKey(_ key: ArraySlice<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(min(key.count, maximumRecordedPathLength + 1))
        var i = key.startIndex
        while i < key.endIndex, text.count <= maximumRecordedPathLength {
            if key[i] == UInt8(ascii: "\\"), i + 1 < key.endIndex { i += 1 }
            text.append(key[i])
            i += 1
        }
        return String(decoding: text, as: UTF8.self)
    }

    private mutating func scalar() throws {
        switch bytes[index] {
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw error("unexpected \(describe(at: index)); expected a value")
        }
    }

    /// Reads a string and checks it: valid UTF-8, no raw control characters, valid escapes.
    /// Returns its bytes between the quotes, as written.
    private mutating func string() throws -> ArraySlice<UInt8> {
        let quote = index
        index += 1
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return bytes[start..<index - 1]
            case UInt8(ascii: "\\"):
                try escape()
            case 0x0A:
                throw error("unterminated string (a line break inside a string must be written '\\n')", at: quote)
            case 0x00..<0x20:
                throw error("control character \(describe(at: index)) in a string; write it as an escape ('\\u00XX')")
            case 0x20..<0x80:
                index += 1
            default:
                guard let length = utf8Length(at: index) else {
                    throw error("invalid UTF-8: \(describe(at: index)) in a string")
                }
                index += length
            }
        }
        throw error("unterminated string", at: quote)
    }

    /// Reads one escape sequence at `index` (a backslash).
    private mutating func escape() throws {
        guard index + 1 < bytes.count else {
            index = bytes.count
            throw error("unterminated string")
        }
        switch bytes[index + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            index += 2
        case UInt8(ascii: "u"):
            let start = index
            let unit = try hexEscape()
            if (0xDC00...0xDFFF).contains(unit) {
                throw error(
                    "invalid escape: a low surrogate (\\u\(hex(unit, digits: 4))) without a high one", at: start)
            }
            if (0xD800...0xDBFF).contains(unit) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                    bytes[index + 1] == UInt8(ascii: "u"),
                    (0xDC00...0xDFFF).contains(try hexEscape())
                else {
                    throw error(
                        "invalid escape: a high surrogate (\\u\(hex(unit, digits: 4))) without a low one", at: start)
                }
            }
        default:
            throw error("invalid escape '\\\(describe(at: index + 1))' in a string")
        }
    }

    /// Reads `\uXXXX` at `index`; returns its code unit.
    private mutating func hexEscape() throws -> UInt32 {
        var value: UInt32 = 0
        for offset in 2..<6 {
            guard index + offset < bytes.count, let digit = Self.hexDigit(bytes[index + offset]) else {
                throw error("invalid escape: '\\u' must be followed by 4 hexadecimal digits")
            }
            value = value * 16 + digit
        }
        index += 6
        return value
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// The length of the well-formed UTF-8 sequence of two or more bytes at `offset`, or nil.
    private func utf8Length(at offset: Int) -> Int? {
        func continuation(_ i: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            offset + i < bytes.count && range.contains(bytes[offset + i])
        }
        switch bytes[offset] {
        case 0xC2...0xDF: return continuation(1) ? 2 : nil
        case 0xE0: return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : nil
        case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : nil
        case 0xED: return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : nil
        case 0xF0: return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF4: return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : nil
        default: return nil
        }
    }

    private mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count,
            word.withUTF8Buffer({ expected in expected.elementsEqual(bytes[index..<index + count]) })
        else {
            throw error("invalid literal; expected '\(word)'")
        }
        index += count
    }

    /// Reads a number (JSON's grammar) and checks that it fits: an integer in 64 bits, any other
    /// number in a finite `Double`.
    private mutating func number() throws {
        let start = index
        func digits() -> Int {
            let first = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - first
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else {
            throw error("invalid number: a digit must follow '-'")
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                throw error("invalid number: no leading zeros", at: start)
            }
        } else {
            _ = digits()
        }
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            isInteger = false
            guard digits() > 0 else { throw error("invalid number: a digit must follow '.'") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            isInteger = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard digits() > 0 else { throw error("invalid number: a digit must follow the exponent") }
        }
        let text = bytes[start..<index]
        if isInteger {
            guard text.count <= 20, Int64(String(decoding: text, as: UTF8.self)) != nil else {
                throw error("integer \(clipped(text)) does not fit in 64 bits", at: start)
            }
        } else if !(Double(String(decoding: text, as: UTF8.self))?.isFinite ?? false) {
            throw error("number \(clipped(text)) is too large for a 64-bit floating-point number", at: start)
        }
    }
}

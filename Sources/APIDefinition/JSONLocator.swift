/// Finds the line and column of every key and value in a JSON text, keyed by JSON path
/// (`operations[2].body.type`), and the first syntax error when the text is not valid JSON.
/// `JSONSerialization` reads the values; this only locates them, so diagnostics can point at them.
struct JSONLocator {
    struct Position: Hashable {
        var line: Int
        var column: Int
    }

    struct SyntaxError: Error {
        var position: Position
        var message: String
    }

    /// Positions of values by path.
    private(set) var values: [String: Position] = [:]
    /// Positions of object keys by the path of their value.
    private(set) var keys: [String: Position] = [:]
    private(set) var syntaxError: SyntaxError?

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0

    /// Whether positions are recorded (`false`: only check the syntax, which is much cheaper).
    private let recording: Bool

    init(text: [UInt8], recordPositions: Bool = true) {
        bytes = text
        recording = recordPositions
        do {
            skipWhitespace()
            try value(path: "")
            skipWhitespace()
            if index < bytes.count { throw error("unexpected text after the end of the JSON value") }
        } catch let error as SyntaxError {
            syntaxError = error
        } catch {}
    }

    /// The position of the value at `path`, or of its key; the nearest located ancestor otherwise.
    func position(of path: String, preferKey: Bool = false) -> Position? {
        var current = path
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

    private var position: Position {
        // Columns count characters: UTF-8 continuation bytes do not start a column.
        var column = 1
        var i = lineStart
        while i < index {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return Position(line: line, column: column)
    }

    private func error(_ message: String) -> SyntaxError {
        SyntaxError(position: position, message: message)
    }

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

    private mutating func value(path: String) throws {
        guard index < bytes.count else { throw error("unexpected end of file; expected a value") }
        if recording { values[path] = position }
        switch bytes[index] {
        case UInt8(ascii: "{"): try object(path: path)
        case UInt8(ascii: "["): try array(path: path)
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw error("unexpected character '\(Unicode.Scalar(bytes[index]))'; expected a value")
        }
    }

    private mutating func object(path: String) throws {
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error(index < bytes.count ? "expected a quoted key" : "unexpected end of file in an object")
            }
            let keyPosition = recording ? position : Position(line: 0, column: 0)
            let key = try string()
            let childPath = recording ? (path.isEmpty ? key : "\(path).\(key)") : ""
            if recording { keys[childPath] = keyPosition }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("expected ':' after a key")
            }
            index += 1
            skipWhitespace()
            try value(path: childPath)
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of file; expected ',' or '}'") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return
            }
            throw error("expected ',' or '}'")
        }
    }

    private mutating func array(path: String) throws {
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return
        }
        var count = 0
        while true {
            skipWhitespace()
            try value(path: recording ? "\(path)[\(count)]" : "")
            count += 1
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of file; expected ',' or ']'") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return
            }
            throw error("expected ',' or ']'")
        }
    }

    /// Skips a string; returns its text (escapes kept as written, as keys with escapes are rare in
    /// definitions) only when recording positions, as only then is it a path component.
    private mutating func string() throws -> String {
        index += 1
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                guard recording else { return "" }
                var text: [UInt8] = []
                var i = start
                while i < index - 1 {
                    if bytes[i] == UInt8(ascii: "\\") { i += 1 }
                    text.append(bytes[i])
                    i += 1
                }
                return String(decoding: text, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == 0x0A { throw error("unterminated string") }
            index += 1
        }
        throw error("unterminated string")
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

    private mutating func number() throws {
        let start = index
        loop: while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                UInt8(ascii: "e"), UInt8(ascii: "E"):
                index += 1
            default: break loop
            }
        }
        if index == start { throw error("invalid number") }
    }
}

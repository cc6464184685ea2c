import Foundation

/// Swift names for wire names, the one place that decides them (the checker uses it to find
/// collisions, the emitters to spell declarations).
///
/// Rules: words split at `_`, `-`, `.`, spaces and lower-to-upper case changes; `lowerCamelCase`
/// for values, `UpperCamelCase` for types; common acronyms are written in one case (`user_id` →
/// `userID`); a name that starts with a digit gets a leading `_` (`2fa` → `_2fa`), and so does a name
/// that cannot be a member (`self` → `_self`); keywords are
/// escaped with backticks where they are used (``Naming/escaped(_:)``).
public enum Naming {
    /// Words written all upper-case when they are not the first word of a value name.
    public static let acronyms: Set<String> = [
        "api", "id", "url", "uri", "uuid", "json", "xml", "html", "http", "https", "sms", "jwt",
        "otp", "ip", "2fa",
    ]

    /// Splits a wire name into words.
    public static func words(_ name: String) -> [String] {
        name.utf8.allSatisfy({ $0 < 0x80 }) ? asciiWords(name) : characterWords(name)
    }

    /// ``words(_:)`` of an ASCII name, byte by byte: the same rules as ``characterWords(_:)`` with
    /// ASCII's letters, digits and cases, without Unicode property lookups (a third of the naming
    /// cost of a large definition).
    static func asciiWords(_ name: String) -> [String] {
        func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
        func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        var words: [String] = []
        var current: [UInt8] = []
        var previous: UInt8?
        let bytes = Array(name.utf8)
        for (offset, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "/")
            {
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
                previous = nil
                continue
            }
            guard isLower(byte) || isUpper(byte) || isDigit(byte) else {
                previous = nil
                continue
            }
            if let previous, !current.isEmpty {
                let next = offset + 1 < bytes.count ? bytes[offset + 1] : nil
                let lowerToUpper = (isLower(previous) || isDigit(previous)) && isUpper(byte)
                let acronymEnd = isUpper(previous) && isUpper(byte) && (next.map(isLower) ?? false)
                if lowerToUpper || acronymEnd {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
            current.append(byte)
            previous = byte
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    /// ``words(_:)`` by `Character`, for any name.
    static func characterWords(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previous: Character?
        let characters = Array(name)
        for (offset, character) in characters.enumerated() {
            if character == "_" || character == "-" || character == "." || character == " " || character == "/" {
                if !current.isEmpty { words.append(current) }
                current = ""
                previous = nil
                continue
            }
            guard character.isLetter || character.isNumber else {
                previous = nil
                continue
            }
            if let previous, !current.isEmpty {
                let next = offset + 1 < characters.count ? characters[offset + 1] : nil
                // "userId" → user|Id; "HTTPServer" → HTTP|Server; "v2Api" → v2|Api.
                let lowerToUpper = (previous.isLowercase || previous.isNumber) && character.isUppercase
                let acronymEnd = previous.isUppercase && character.isUppercase && (next?.isLowercase ?? false)
                if lowerToUpper || acronymEnd {
                    words.append(current)
                    current = ""
                }
            }
            current.append(character)
            previous = character
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// `phone_number` → `phoneNumber`, `user_id` → `userID`, `e-mail` → `eMail`, `2fa` → `_2fa`,
    /// `self` → `_self`.
    public static func lowerCamel(_ name: String) -> String {
        lowerCamelCache.value(for: name, makeLowerCamel)
    }

    private static func makeLowerCamel(_ name: String) -> String {
        let parts = words(name)
        guard let first = parts.first else { return "_" }
        var result = first.lowercased()
        for word in parts.dropFirst() { result += capitalized(word) }
        if unusableMemberNames.contains(result) { return "_" + result }
        return leadingDigitSafe(result)
    }

    /// Names that cannot be members even in backticks (`x.self` means `x` itself); they get a leading `_`.
    public static let unusableMemberNames: Set<String> = ["self", "init", "deinit", "subscript"]

    /// `send_verification` → `SendVerification`, `user_id` → `UserID`.
    public static func upperCamel(_ name: String) -> String {
        upperCamelCache.value(for: name, makeUpperCamel)
    }

    /// Generating a large API asks for the same names many times; conversions are pure, so they are
    /// remembered for the process.
    private static let lowerCamelCache = NameCache()
    private static let upperCamelCache = NameCache()

    private static func makeUpperCamel(_ name: String) -> String {
        let parts = words(name)
        guard !parts.isEmpty else { return "_" }
        return leadingDigitSafe(parts.map(capitalized).joined())
    }

    private static func capitalized(_ word: String) -> String {
        let lower = word.lowercased()
        if acronyms.contains(lower) { return word.uppercased() }
        if lower.hasSuffix("s"), acronyms.contains(String(lower.dropLast())) {
            return word.dropLast().uppercased() + "s"  // user_ids → userIDs
        }
        if word == word.uppercased(), word.count > 1, word.contains(where: \.isLetter) {
            // An all-caps word that is not a known acronym keeps its case: "SFOX", "PIN".
            return word
        }
        return word.prefix(1).uppercased() + word.dropFirst()
    }

    private static func leadingDigitSafe(_ name: String) -> String {
        guard let first = name.first, first.isNumber else { return name }
        return "_" + name
    }

    /// Whether `name` is a valid Swift identifier as written (letters, digits, `_`, not starting with a digit).
    public static func isIdentifier(_ name: String) -> Bool {
        // The common case, ASCII, without Unicode property lookups.
        let utf8 = name.utf8
        if let first = utf8.first, utf8.allSatisfy({ $0 < 0x80 }) {
            func letter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte == 0x5F }
            return letter(first) && utf8.allSatisfy { letter($0) || ($0 >= 0x30 && $0 <= 0x39) }
        }
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else {
            return false
        }
        return name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// Swift keywords that need backticks when used as a name.
    public static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows",
        "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default",
        "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch",
        "where", "while", "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws", "true",
        "try", "Type", "Protocol",
    ]

    /// An argument label in a declaration: in backticks when Swift would read it as something
    /// else there (`let`, `var`, `inout`); other keywords are labels as written.
    public static func label(_ name: String) -> String {
        ["let", "var", "inout"].contains(name) ? "`\(name)`" : name
    }

    /// The name, in backticks when it is a keyword.
    public static func escaped(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    /// The Swift property name of a field.
    public static func property(_ field: Field) -> String { field.swiftName ?? lowerCamel(field.name) }

    /// The Swift argument name of a parameter.
    public static func parameter(_ parameter: Parameter) -> String {
        parameter.swiftName ?? lowerCamel(parameter.name)
    }

    /// The Swift case name of an enum value.
    public static func enumCase(_ value: EnumValue) -> String {
        if let swiftName = value.swiftName { return swiftName }
        return value.kind == .string ? lowerCamel(value.value) : numericCase(value.value)
    }

    /// The case name of a number: `1` → `_1`, `-1` → `minus1`, `2.5` → `_2_5`, `1e+300` → `_1e300`, `1e-05` → `_1e_05`.
    /// Distinct canonical texts give distinct names (the checker still reports any clash with a `swiftName`).
    public static func numericCase(_ text: String) -> String {
        var body = Substring(text)
        if body.hasSuffix(".0") { body = body.dropLast(2) }  // 1.0 in a number enum is `_1`, as 1 is
        var result = "_"
        if body.hasPrefix("-") {
            result = "minus"
            body = body.dropFirst()
        }
        for character in body {
            if character.isASCII && (character.isNumber || character.isLetter) {
                result.append(character)
            } else if character == "." || character == "-" {
                result.append("_")
            }
        }
        return result
    }

    /// The Swift type name of a declared type: its name as written with the first letter
    /// upper-case (`repository` → `Repository`; the wire name is untouched). Generated members are
    /// never upper-case (``isMemberName(_:)``), so a property can never shadow a type it refers to;
    /// the checker makes sure the result is an identifier that starts with an upper-case letter.
    public static func type(_ name: String) -> String {
        guard let first = name.first, first.isLowercase else { return name }
        return first.uppercased() + name.dropFirst()
    }

    /// Whether `name` may name a generated member (property, argument, case, method): an
    /// identifier that does not start with an upper-case letter, so it never equals a type name.
    public static func isMemberName(_ name: String) -> Bool {
        guard let first = name.first, !first.isUppercase else { return false }
        return isIdentifier(name)
    }

    /// The Swift case name of a oneOf variant (`PendingLogin` → `pendingLogin`).
    public static func variantCase(_ variant: OneOfVariant) -> String { variant.swiftName ?? lowerCamel(variant.type) }

    /// The Swift property name of an anyOf variant (`Cat` → `cat`, `string` → `string`).
    public static func variantProperty(_ variant: AnyOfVariant) -> String {
        if let swiftName = variant.swiftName { return swiftName }
        // An array or map variant: `[string]` → `stringArray`, `{Card}` → `cardMap`.
        switch variant.type {
        case .array(let element): return lowerCamel(element.description) + "Array"
        case .map(let element): return lowerCamel(element.description) + "Map"
        default: return lowerCamel(variant.type.description)
        }
    }

    /// The Swift method name of an operation.
    public static func method(_ operation: Operation) -> String { lowerCamel(operation.name) }

    /// The prefix of an operation's generated types (`sendVerification` → `SendVerification`).
    public static func operationType(_ operation: Operation) -> String { upperCamel(operation.name) }

    /// The Swift case name of a response status (`200` → `ok`).
    public static func statusCase(_ status: Int) -> String {
        statusNames[status] ?? "status\(status)"
    }

    /// The Swift case name of a response's status: ``statusCase(_:)-(Int)`` for one code, the class's
    /// name for a range (`4XX` → `clientError`), `default` for `default`. No code's name is a range's or
    /// `default`, so the cases of an operation's output never collide.
    public static func statusCase(_ status: ResponseStatus) -> String {
        switch status {
        case .code(let code): return statusCase(code)
        case .range(let digit): return rangeNames[digit] ?? "status\(digit)XX"
        case .default: return "default"
        }
    }

    /// The case names of the status ranges `1XX`…`5XX`.
    public static let rangeNames: [Int: String] = [
        1: "informational", 2: "success", 3: "redirection", 4: "clientError", 5: "serverError",
    ]

    /// Reason phrases as case names, for the statuses APIs commonly document.
    public static let statusNames: [Int: String] = [
        200: "ok", 201: "created", 202: "accepted", 203: "nonAuthoritativeInformation", 204: "noContent",
        206: "partialContent", 301: "movedPermanently", 302: "found", 303: "seeOther", 304: "notModified",
        307: "temporaryRedirect", 308: "permanentRedirect", 400: "badRequest", 401: "unauthorized",
        402: "paymentRequired", 403: "forbidden", 404: "notFound", 405: "methodNotAllowed", 406: "notAcceptable",
        408: "requestTimeout", 409: "conflict", 410: "gone", 412: "preconditionFailed", 413: "contentTooLarge",
        415: "unsupportedMediaType", 422: "unprocessableEntity", 423: "locked", 428: "preconditionRequired",
        429: "tooManyRequests", 500: "internalServerError", 501: "notImplemented", 502: "badGateway",
        503: "serviceUnavailable", 504: "gatewayTimeout",
    ]
}

/// A lock-protected memo of name conversions.
final class NameCache: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: String] = [:]

    func value(for name: String, _ make: (String) -> String) -> String {
        lock.lock()
        if let cached = values[name] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let made = make(name)
        lock.lock()
        values[name] = made
        lock.unlock()
        return made
    }
}

import APIDefinition

/// The pieces every emitter shares, computed once per service: the derived model of each operation
/// (``OperationModel``) and type (``TypeModel``), and the Swift spellings of types and values.
struct EmitContext {
    let definition: Definition
    /// The fields that make their type contain itself; they are stored `@Indirect`.
    let recursion: Recursion
    /// What the emitters know about each operation, in the definition's order.
    private(set) var operations: [OperationModel] = []
    /// What the emitters know about each declared type, in the definition's order.
    private(set) var types: [TypeModel] = []
    /// The access level of every generated declaration: emitters write `access.keyword`, never a
    /// literal `public` (EmitterStructureTests checks).
    let access: AccessLevel

    init(definition: Definition, access: AccessLevel = .public) {
        self.definition = definition
        self.access = access
        self.recursion = Recursion(definition)
        let operations = definition.operations.map { OperationModel($0, self) }
        self.operations = operations
        let types = definition.types.map { TypeModel($0, self) }
        self.types = types
    }

    var prefix: String { definition.service.name }
    var clientName: String { "\(prefix)Client" }
    var handlerName: String { "\(prefix)Handler" }
    /// The handler protocol whose operations default to 501 Not Implemented (opt-in).
    var partialHandlerName: String { "\(prefix)PartialHandler" }
    var credentialsName: String { "\(prefix)Credentials" }
    /// The Swift type of the service's `errorBody`, when the definition names one.
    var errorBodyType: String? { definition.service.errorBody.map(Naming.type) }

    /// The Swift spelling of a type reference.
    func swiftType(_ type: TypeRef) -> String {
        switch type {
        case .string: "String"
        case .integer: "Int"
        case .int32: "Int32"
        case .int64: "Int64"
        case .number: "Double"
        case .boolean: "Bool"
        case .uuid: "UUID"
        case .dateTime: "Date"
        case .json: "AnyJSON"
        case .date: "CalendarDate"
        case .bytes: "Data"
        case .decimal: "Decimal"
        case .uri: "URL"
        case .unixTime: "Date"
        case .file: "FilePart"
        case .named(let name): Naming.type(name)
        case .array(let element): "[\(swiftType(element))]"
        case .map(let element): "[String: \(swiftType(element))]"
        }
    }

    /// The runtime `ValueCoding` of an array or map that holds a converted scalar (`[uuid]`,
    /// `{[date-time]}`): `ArrayCoding<UUIDCoding>`, `MapCoding<ArrayCoding<DateTimeCoding>>`. nil for
    /// any other type, which travels through `Codable` (or its scalar's own coder methods) as it is.
    func coding(_ type: TypeRef) -> String? {
        guard type.isContainer, type.element.isConvertedScalar else { return nil }
        return Self.valueCoding(type)
    }

    /// The runtime `ValueCoding` of a converted scalar on its own (`date-time` → `DateTimeCoding`), as an
    /// anyOf alternative is coded; nil for any other type.
    func scalarCoding(_ type: TypeRef) -> String? {
        type.isConvertedScalar ? Self.valueCoding(type) : nil
    }

    /// The runtime `ValueCoding` of the members beside an object's fields (`additionalProperties`) when
    /// they are a converted scalar or hold one (`date-time`, `[uuid]`): each member keeps its wire form.
    /// nil for any other type, which travels through `Codable` and `TextTreeCodable` as it is.
    func memberCoding(_ type: TypeRef) -> String? {
        type.element.isConvertedScalar ? Self.valueCoding(type) : nil
    }

    private static func valueCoding(_ type: TypeRef) -> String {
        switch type {
        case .array(let element): "ArrayCoding<\(valueCoding(element))>"
        case .map(let element): "MapCoding<\(valueCoding(element))>"
        case .dateTime: "DateTimeCoding"
        case .uuid: "UUIDCoding"
        case .bytes: "BytesCoding"
        case .uri: "URICoding"
        case .unixTime: "UnixTimeCoding"
        default: "DecimalCoding"
        }
    }

    /// Whether a field's property is optional: the field may be absent (and has no default) or null. A
    /// required `readOnly` or `writeOnly` field may be absent one way, so its property is optional too.
    func isOptional(_ field: Field) -> Bool {
        field.nullable || (!field.requiredBothWays && field.defaultValue == nil)
    }

    /// The Swift type of a field's property: optional when the field may be absent (without a
    /// default) or null.
    func propertyType(_ field: Field) -> String {
        swiftType(field.type) + (isOptional(field) ? "?" : "")
    }

    /// The coder method for a field, by how it may be present: `decode`, `decodeNullable` or
    /// `decodeIfPresent` (with `wire` before `IfPresent`: `decodeDateTimeIfPresent`). Encoding writes
    /// a field with a default like a required one.
    func coderMethod(_ verb: String, _ field: Field, wire: String = "") -> String {
        let required = verb == "encode" ? field.requiredBothWays || !isOptional(field) : field.requiredBothWays
        switch (required, field.nullable) {
        case (true, false): return verb + wire
        case (true, true): return verb + "Nullable" + wire
        case (false, _): return verb + wire + "IfPresent"
        }
    }

    /// ` ?? <default>` for a field whose absence means its default.
    func defaultFallback(_ field: Field) -> String {
        isOptional(field) ? "" : field.defaultValue.map { " ?? " + literal($0, as: field.type) } ?? ""
    }

    /// The types that need text-tree coding: those a body or response carries as XML, a form or
    /// multipart, and every type they contain. Computed once per service.
    var textTreeTypes: Set<String> {
        definition.operations.textCarriedTypeNames { definition.type(named: $0) }
    }

    /// The `XMLDialect` static the generated code uses (`.teamUp`).
    var dialectName: String { "." + Naming.lowerCamel(definition.service.name) }

    /// `[.json, .xml]` for a list of content types.
    func formatList(_ contentTypes: [String]) -> String {
        "[" + contentTypes.compactMap(Self.formatCase).joined(separator: ", ") + "]"
    }

    static func formatCase(_ contentType: String) -> String? {
        switch contentType {
        case MediaTypes.json: ".json"
        case MediaTypes.xml: ".xml"
        case MediaTypes.formURLEncoded: ".formURLEncoded"
        case MediaTypes.multipart: ".multipart"
        default: nil
        }
    }

    /// The declared type a reference names, if it names one.
    func declaration(_ type: TypeRef) -> TypeDeclaration? {
        if case .named(let name) = type { return definition.type(named: name) }
        return nil
    }

    /// Whether values of `type` are generated objects that validate themselves.
    func isValidatable(_ type: TypeRef) -> Bool {
        switch declaration(type.element)?.kind {
        case .object?, .oneOf?, .anyOf?: true
        default: false
        }
    }

    /// `Self.` + the type's case for an enum value written in the definition.
    func literal(_ value: JSONValue, as type: TypeRef) -> String {
        switch (value, type) {
        case (.string(let text), .named):
            if case .enumeration(let values, _)? = declaration(type)?.kind,
                let match = values.first(where: { $0.value == text })
            {
                return "." + Naming.escaped(Naming.enumCase(match))
            }
            return SwiftSource.stringLiteral(text)
        case (.integer, .named), (.number, .named):
            if case .enumeration(let values, _)? = declaration(type)?.kind,
                let match = DefinitionValues.enumValue(value, in: values)
            {
                return "." + Naming.escaped(Naming.enumCase(match))
            }
            return value.description
        // The checker proved the text a UUID with this same initializer.
        case (.string(let text), .uuid): return "UUID(uuidString: \(SwiftSource.stringLiteral(text)))!"
        case (.string(let text), .dateTime):
            // The checker proved the text a date that exists; its instant is written out, so
            // nothing is parsed (or unwrapped) at run time.
            let seconds = DefinitionValues.rfc3339Seconds(text) ?? 0
            return "Date(timeIntervalSince1970: \(seconds))"
        // The checker proved each of these text a value of its type with the parser used here.
        case (.string(let text), .date): return "CalendarDate(\(SwiftSource.stringLiteral(text)))!"
        case (.string(let text), .bytes): return "Data(base64Encoded: \(SwiftSource.stringLiteral(text)))!"
        case (.string(let text), .uri): return "URL(string: \(SwiftSource.stringLiteral(text)))!"
        case (.integer(let seconds), .unixTime): return "Date(timeIntervalSince1970: \(seconds))"
        // Through the text, not a Double literal, so every digit written is kept.
        case (.integer(let number), .decimal): return "Decimal(\(number))"
        case (.number(let number), .decimal):
            return "Decimal(string: \(SwiftSource.stringLiteral(String(number))), locale: nil)!"
        case (.string(let text), _): return SwiftSource.stringLiteral(text)
        case (.integer(let number), _): return String(number)
        case (.number(let number), _): return String(number)
        case (.boolean(let flag), _): return String(flag)
        case (.null, _): return "nil"
        case (.array(let values), .array(let element)):
            return "[" + values.map { literal($0, as: element) }.joined(separator: ", ") + "]"
        // The checker lets no other value through; should one come, it is a literal, never code.
        default: return SwiftSource.stringLiteral(value.description)
        }
    }
}

/// The only two ways text from a definition enters generated code: ``commentLines(_:)`` for
/// comments and ``stringLiteral(_:)`` for string literals. Every emitter goes through them (a test
/// fails when generated comment text is built anywhere else), so no definition text can end a
/// comment, end a literal, interpolate, or make the code read differently from what compiles.
enum SwiftSource {
    /// A Swift string literal whose value is `text`, byte for byte. Always a plain one-line literal
    /// (never raw or multi-line): quotes and backslashes are escaped (so `\(` cannot interpolate),
    /// and every control character, line or paragraph separator and bidi control becomes a
    /// `\u{…}` escape, so the literal stays on its line and shows what it holds.
    static func stringLiteral(_ text: String) -> String {
        // Most texts (wire names, paths) are printable ASCII without quotes or backslashes.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            return "\"" + text + "\""
        }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if needsEscape(scalar) {
                    result += unicodeEscape(scalar)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// `text` as lines of comment text: split at every line break (`\n`, `\r\n`, `\r`, vertical tab,
    /// form feed, U+0085, U+2028, U+2029), trailing spaces trimmed, and every other control
    /// character and bidi control shown as a `\u{…}` escape, so that no line can end the comment,
    /// hide text or reorder what a reader sees. Block comments are never generated, so `*/` and
    /// `/*` need no treatment; they stay as written.
    static func commentLines(_ text: String) -> [String] {
        // Most docs are one line of printable ASCII, which needs no escape and no split.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return [text.trimmingTrailingSpaces()] }
        var lines: [String] = []
        var line = String.UnicodeScalarView()
        var afterCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { afterCarriageReturn = scalar == "\r" }
            if scalar == "\n" && afterCarriageReturn { continue }  // `\r\n` is one break
            if isLineBreak(scalar.value) {
                lines.append(String(line).trimmingTrailingSpaces())
                line = String.UnicodeScalarView()
            } else if scalar != "\t" && needsEscape(scalar) {
                line.append(contentsOf: unicodeEscape(scalar).unicodeScalars)
            } else {
                line.append(scalar)
            }
        }
        lines.append(String(line).trimmingTrailingSpaces())
        return lines
    }

    /// Line feed, vertical tab, form feed, carriage return, next line, line and paragraph separators.
    static let lineBreaks: Set<UInt32> = [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029]

    /// Whether `value` is one of ``lineBreaks`` (without hashing).
    static func isLineBreak(_ value: UInt32) -> Bool {
        switch value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// Scalars a literal or comment must not hold as they are: control characters (C0, DEL, C1),
    /// line and paragraph separators, bidi controls (embeddings, overrides, isolates, marks) and
    /// the byte-order mark.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: true
        default: false
        }
    }

    /// `\u{202e}`.
    static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16) + "}"
    }

    /// `///` lines for a doc text (paragraphs kept), then the `extra` lines (after an empty line),
    /// indented; empty when there is neither. Every line, `extra` included, goes through
    /// ``commentLines(_:)``.
    static func docComment(_ text: String?, indent: String = "", extra: [String] = []) -> String {
        var lines: [String] = []
        if let text, !text.isEmpty { lines = commentLines(text) }
        if !extra.isEmpty {
            if !lines.isEmpty { lines.append("") }
            lines += extra.flatMap(commentLines)
        }
        return lines.map { $0.isEmpty ? "\(indent)///\n" : "\(indent)/// \($0)\n" }.joined()
    }

    /// A `//` comment line for `text` (the generated files' header); see ``commentLines(_:)``.
    static func lineComment(_ text: String) -> String {
        commentLines(text).map { $0.isEmpty ? "//\n" : "// \($0)\n" }.joined()
    }

    /// The first line of a doc, for parameter lists.
    static func summary(_ text: String?) -> String? {
        guard let text, let first = commentLines(text).first(where: { !$0.isEmpty }) else { return nil }
        return first
    }

    /// `text` as a sentence: ending in `.`, `!`, `?` or `…` (a `.` is added when it ends otherwise),
    /// so that generated docs never say "Start a verification.." or end mid-air.
    static func sentence(_ text: String) -> String {
        let trimmed = text.trimmingTrailingSpaces()
        guard let last = trimmed.last else { return trimmed }
        return ".!?…".contains(last) ? trimmed : trimmed + "."
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " || result.last == "\t" { result.removeLast() }
        return result
    }
}

import APIDefinition

/// The pieces every emitter shares: Swift spellings of types and values, doc comments, literals.
struct EmitContext {
    let definition: Definition

    var prefix: String { definition.service.name }
    var clientName: String { "\(prefix)Client" }
    var handlerName: String { "\(prefix)Handler" }
    var credentialsName: String { "\(prefix)Credentials" }

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
        case .named(let name): Naming.type(name)
        case .array(let element): "[\(swiftType(element))]"
        case .map(let element): "[String: \(swiftType(element))]"
        }
    }

    /// Whether a field's property is optional: the field may be absent (and has no default) or null.
    func isOptional(_ field: Field) -> Bool {
        field.nullable || (!field.required && field.defaultValue == nil)
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
        let required = verb == "encode" ? field.required || !isOptional(field) : field.required
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
        var found = Set<String>()
        var pending: [TypeRef] = []
        for operation in definition.operations {
            if let body = operation.body, body.contentTypes.contains(where: { $0 != MediaTypes.json }) {
                pending.append(body.type)
            }
            for response in operation.responses where response.contentTypes.contains(where: { $0 != MediaTypes.json }) {
                if let type = response.type { pending.append(type) }
            }
        }
        while let type = pending.popLast() {
            guard case .named(let name) = type.element, found.insert(name).inserted,
                let declaration = definition.type(named: name)
            else { continue }
            switch declaration.kind {
            case .object(let fields): pending += fields.map(\.type)
            case .oneOf(let variants, _): pending += variants.map { .named($0.type) }
            case .enumeration: break
            }
        }
        return found
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
        case .object?, .oneOf?: true
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
        // The checker proved the text a UUID with this same initializer.
        case (.string(let text), .uuid): return "UUID(uuidString: \(SwiftSource.stringLiteral(text)))!"
        case (.string(let text), .dateTime):
            // The checker proved the text a date that exists; its instant is written out, so
            // nothing is parsed (or unwrapped) at run time.
            let seconds = DefinitionValues.rfc3339Seconds(text) ?? 0
            return "Date(timeIntervalSince1970: \(seconds))"
        case (.string(let text), _): return SwiftSource.stringLiteral(text)
        case (.integer(let number), _): return String(number)
        case (.number(let number), _): return String(number)
        case (.boolean(let flag), _): return String(flag)
        case (.null, _): return "nil"
        case (.array(let values), .array(let element)):
            return "[" + values.map { literal($0, as: element) }.joined(separator: ", ") + "]"
        default: return value.description
        }
    }
}

enum SwiftSource {
    /// A Swift string literal for `text`, escaped.
    static func stringLiteral(_ text: String) -> String {
        // Most texts (wire names, paths) need no escaping.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
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
                if scalar.value < 0x20 {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// `///` lines for a doc text (paragraphs kept), indented; empty when there is no text.
    static func docComment(_ text: String?, indent: String = "", extra: [String] = []) -> String {
        var lines: [String] = []
        if let text, !text.isEmpty {
            lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
                String($0).trimmingTrailingSpaces()
            }
        }
        if !extra.isEmpty {
            if !lines.isEmpty { lines.append("") }
            lines += extra
        }
        return lines.map { $0.isEmpty ? "\(indent)///\n" : "\(indent)/// \($0)\n" }.joined()
    }

    /// The first line or sentence of a doc, for parameter lists.
    static func summary(_ text: String?) -> String? {
        guard let text, let first = text.split(separator: "\n").first else { return nil }
        return String(first).trimmingTrailingSpaces()
    }

    /// Joins declarations with one blank line between them.
    static func joined(_ blocks: [String]) -> String {
        blocks.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " || result.last == "\t" { result.removeLast() }
        return result
    }

    /// Every non-empty line indented by `prefix`.
    func indented(_ prefix: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : prefix + $0 }
            .joined(separator: "\n")
    }
}

import Foundation

/// Whether a value written in a definition (a `default` or a `const`) is a value of its type that
/// also meets its constraints: the one rule the checker applies and the OpenAPI importer asks, so
/// that generated code can write such values as literals without `!` or `try!`.
public enum DefinitionValues {
    /// What is wrong with `value` as a value of `type` under `constraints`; `nil` when it is fine.
    /// Lengths count Unicode code points, as JSON Schema and the runtime's validation do.
    public static func problem(
        with value: JSONValue, for type: TypeRef, constraints: Constraints = Constraints(), in definition: Definition
    ) -> String? {
        problem(
            with: value, for: type, constraints: constraints,
            enumValues: { name in
                guard case .enumeration(let values, _)? = definition.type(named: name)?.kind else { return nil }
                return values
            })
    }

    /// What is wrong with `value` as a value of `type` under `constraints`, with the values of
    /// each enum type given by `enumValues` (`nil` for a name that is not an enum).
    public static func problem(
        with value: JSONValue, for type: TypeRef, constraints: Constraints, enumValues: (String) -> [EnumValue]?
    ) -> String? {
        switch (value, type) {
        case (.string(let text), .named(let name)):
            guard let values = enumValues(name), EnumRawType(values) == .string else {
                return "does not fit the type '\(type)'"
            }
            return values.contains { $0.value == text } ? nil : "is not a value of the enum '\(name)'"
        case (.integer, .named(let name)), (.number, .named(let name)):
            guard let values = enumValues(name), EnumRawType(values).isNumeric else {
                return "does not fit the type '\(type)'"
            }
            return enumValue(value, in: values) == nil ? "is not a value of the enum '\(name)'" : nil
        case (.string(let text), .uuid):
            return UUID(uuidString: text) == nil ? "is not a UUID (like 3f0c4e0e-5b7a-4b8e-9a57-2f5d1c7e9b10)" : nil
        case (.string(let text), .dateTime):
            return rfc3339Seconds(text) == nil
                ? "is not an RFC 3339 date-time that exists (like 2024-07-29T15:51:28Z)" : nil
        case (.string(let text), .date):
            return RFC3339Seconds.parse(text + "T00:00:00Z") == nil || text.utf8.count != 10
                ? "is not a calendar date that exists (like 2024-07-29)" : nil
        case (.string(let text), .bytes):
            return Data(base64Encoded: text)?.base64EncodedString() != text
                ? "is not standard base64 (like aGVsbG8=)" : nil
        case (.string(let text), .uri):
            return isAbsoluteURI(text) ? nil : "is not an absolute URI (like https://example.com/a)"
        case (.integer(let seconds), .unixTime):
            return (-62_135_596_800...253_402_300_799).contains(seconds)
                ? nil : "is not a unix time within years 0001…9999"
        case (.integer, .decimal):
            return nil
        case (.number(let number), .decimal):
            return number.isFinite && Decimal(string: String(number), locale: nil) != nil ? nil : "is not a finite decimal"
        case (.string(let text), .string):
            return stringProblem(text, constraints)
        case (.integer(let number), _) where type.isInteger:
            // Exactly, not through Double: `Int.max` is an int64, and 2^53 + 1 is above a maximum of 2^53.
            guard type != .int32 || Int32(exactly: number) != nil else {
                return "is outside the range of '\(type)' (\(range(of: type)))"
            }
            return integerProblem(number, constraints)
        case (.integer(let number), .number):
            return numberProblem(Double(number), constraints)
        case (.number(let number), .number):
            return number.isFinite ? numberProblem(number, constraints) : "is not a finite number"
        case (.boolean, .boolean):
            return nil
        default:
            return "does not fit the type '\(type)'"
        }
    }

    /// `scheme:…` with printable ASCII only, as the runtime's `ScalarFormats.uri` reads it.
    static func isAbsoluteURI(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func isLetter(_ byte: UInt8) -> Bool { (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, isLetter(bytes[0]) else { return false }
        let schemeOK = bytes[1..<colon].allSatisfy {
            isLetter($0) || ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-")
                || $0 == UInt8(ascii: ".")
        }
        let excluded = Array("\"<>\\^`{|}".utf8)
        return schemeOK && bytes.allSatisfy { $0 > 0x20 && $0 < 0x7F && !excluded.contains($0) }
            && URL(string: text) != nil
    }

    static func stringProblem(_ text: String, _ constraints: Constraints) -> String? {
        let length = text.unicodeScalars.count
        if let minimum = constraints.minLength, length < minimum {
            return "is shorter than minLength \(minimum) (it has \(length) code points)"
        }
        if let maximum = constraints.maxLength, length > maximum {
            return "is longer than maxLength \(maximum) (it has \(length) code points)"
        }
        if let pattern = constraints.pattern, let regex = try? NSRegularExpression(pattern: pattern),
            regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil
        {
            return "does not match the pattern '\(pattern)'"
        }
        return nil
    }

    /// ``numberProblem(_:_:)`` for a whole number, compared exactly with bounds that are whole
    /// numbers (as the generated validation compares them).
    static func integerProblem(_ number: Int, _ constraints: Constraints) -> String? {
        if let minimum = constraints.minimum,
            Int64(exactly: minimum).map({ number < Int($0) }) ?? (Double(number) < minimum)
        {
            return "is less than the minimum \(shown(minimum))"
        }
        if let maximum = constraints.maximum,
            Int64(exactly: maximum).map({ number > Int($0) }) ?? (Double(number) > maximum)
        {
            return "is greater than the maximum \(shown(maximum))"
        }
        return nil
    }

    static func numberProblem(_ number: Double, _ constraints: Constraints) -> String? {
        if let minimum = constraints.minimum, number < minimum { return "is less than the minimum \(shown(minimum))" }
        if let maximum = constraints.maximum, number > maximum {
            return "is greater than the maximum \(shown(maximum))"
        }
        return nil
    }

    /// Whether the whole number `value` is a value of the integer type `type` (`Int32` for `int32`,
    /// `Int64`, the generated `Int`, for `integer` and `int64`).
    public static func integerFits(_ value: Double, _ type: TypeRef) -> Bool {
        switch type {
        case .int32: Int32(exactly: value) != nil
        default: Int64(exactly: value) != nil
        }
    }

    /// The range of an integer type, for messages.
    public static func range(of type: TypeRef) -> String {
        type == .int32 ? "\(Int32.min)...\(Int32.max)" : "\(Int64.min)...\(Int64.max)"
    }

    /// A number as a message shows it: whole numbers without a fraction or exponent.
    public static func shown(_ value: Double) -> String {
        Int64(exactly: value).map { String($0) } ?? String(value)
    }

    /// The seconds since 1970 of an RFC 3339 date-time, by APIRuntime's own parser
    /// (`RFC3339Seconds`, one source file compiled into both modules): `nil` when the text is not
    /// one, or names a day that does not exist (`2023-02-29`).
    public static func rfc3339Seconds(_ text: String) -> Double? { RFC3339Seconds.parse(text) }

    /// The value of a number enum that `value` (an integer or a number) is, compared exactly.
    public static func enumValue(_ value: JSONValue, in values: [EnumValue]) -> EnumValue? {
        let number: Double
        switch value {
        case .integer(let integer): number = Double(integer)
        case .number(let double): number = double
        default: return nil
        }
        return values.first { $0.numericValue == number }
    }
}

extension Operation {
    /// The types this operation carries as text (XML, a form, multipart, or a `deepObject` query
    /// parameter) rather than only as JSON: the roots of the types that need text-tree coding, and
    /// that therefore cannot carry what only JSON can (members beside the fields). Raw bodies and
    /// streams carry none.
    public var textCarriedTypes: [TypeRef] {
        var roots: [TypeRef] = []
        for parameter in parameters where parameter.effectiveStyle == .deepObject {
            roots.append(parameter.type)
        }
        if let body, let type = body.type, body.contentTypes.contains(where: { $0 != MediaTypes.json }) {
            roots.append(type)
        }
        for response in responses
        where response.stream == nil && response.contentTypes.contains(where: { $0 != MediaTypes.json }) {
            if let type = response.type { roots.append(type) }
        }
        return roots
    }
}

extension Collection where Element == Operation {
    /// The names of the types these operations carry as text (``Operation/textCarriedTypes``) and of
    /// every type those contain (fields, the map of the rest, oneOf variants), found through
    /// `declaration`.
    public func textCarriedTypeNames(declaration: (String) -> TypeDeclaration?) -> Set<String> {
        TypeDeclaration.namesReachable(from: flatMap(\.textCarriedTypes), declaration: declaration)
    }
}

extension TypeDeclaration {
    /// The names of the declared types in `roots` and of every type they contain (fields, the map of the
    /// rest, oneOf and anyOf variants, at any depth of arrays and maps), found through `declaration`.
    public static func namesReachable(
        from roots: [TypeRef], declaration: (String) -> TypeDeclaration?
    ) -> Set<String> {
        var found = Set<String>()
        var pending = roots
        while let type = pending.popLast() {
            guard case .named(let name) = type.element, found.insert(name).inserted,
                let declaration = declaration(name)
            else { continue }
            switch declaration.kind {
            case .object(let fields):
                pending += fields.map(\.type)
                if let rest = declaration.additionalProperties { pending.append(rest) }
            case .oneOf(let variants, _): pending += variants.map { .named($0.type) }
            case .anyOf(let variants): pending += variants.map(\.type)
            case .enumeration: break
            }
        }
        return found
    }
}

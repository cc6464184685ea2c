import APIDefinition
import Foundation

/// Emits `Models.swift`: one public struct per object type and one enum per enum type, with
/// their initializers, validation and (for sensitive fields) redacted descriptions.
enum ModelsEmitter {
    static func emit(_ context: EmitContext, types: ArraySlice<TypeDeclaration>) -> String {
        SwiftSource.joined(
            types.map { type in
                switch type.kind {
                case .enumeration(let values, let keepUnknown):
                    keepUnknown ? openEnumeration(type, values) : enumeration(type, values)
                case .object(let fields): object(type, fields, context)
                case .oneOf(let variants, let discriminator): oneOf(type, variants, discriminator, context)
                }
            })
    }

    static func enumeration(_ type: TypeDeclaration, _ values: [EnumValue]) -> String {
        let name = Naming.type(type.name)
        let cases = values.map { value in
            SwiftSource.docComment(value.doc, indent: "    ")
                + "    case \(Naming.escaped(Naming.enumCase(value))) = \(SwiftSource.stringLiteral(value.value))\n"
        }.joined()
        return SwiftSource.docComment(type.doc)
            + "public enum \(name): String, Sendable, Hashable, CaseIterable, ParameterValue {\n"
            + cases + "}\n"
    }

    /// An enum that keeps values the definition does not list, as `.unknown(value)`.
    static func openEnumeration(_ type: TypeDeclaration, _ values: [EnumValue]) -> String {
        let name = Naming.type(type.name)
        var result = SwiftSource.docComment(type.doc)
        result += "public enum \(name): Sendable, Hashable, RawRepresentable, ParameterValue {\n"
        for value in values {
            result += SwiftSource.docComment(value.doc, indent: "    ")
            result += "    case \(Naming.escaped(Naming.enumCase(value)))\n"
        }
        result += "    /// A value this definition does not list, kept as it came.\n"
        result += "    case unknown(String)\n\n"
        result += "    /// The case for `rawValue`; values the definition does not list become `.unknown`.\n"
        result += "    public init(rawValue: String) {\n        switch rawValue {\n"
        for value in values {
            result +=
                "        case \(SwiftSource.stringLiteral(value.value)): self = .\(Naming.escaped(Naming.enumCase(value)))\n"
        }
        result += "        default: self = .unknown(rawValue)\n        }\n    }\n\n"
        result += "    /// The value as the API spells it.\n"
        result += "    public var rawValue: String {\n        switch self {\n"
        for value in values {
            result +=
                "        case .\(Naming.escaped(Naming.enumCase(value))): \(SwiftSource.stringLiteral(value.value))\n"
        }
        result += "        case .unknown(let value): value\n        }\n    }\n}\n"
        return result
    }

    /// A oneOf: an enum with one case per alternative, and the facts that tell them apart.
    static func oneOf(
        _ type: TypeDeclaration, _ variants: [OneOfVariant], _ discriminator: String?, _ context: EmitContext
    )
        -> String
    {
        let name = Naming.type(type.name)
        var result = SwiftSource.docComment(
            type.doc, extra: ["One of: " + variants.map { "``\(Naming.type($0.type))``" }.joined(separator: ", ") + "."]
        )
        result += "public enum \(name): Sendable, Hashable {\n"
        for variant in variants {
            result += SwiftSource.docComment(
                variant.doc ?? context.definition.type(named: variant.type)?.doc, indent: "    ")
            result += "    case \(Naming.escaped(Naming.variantCase(variant)))(\(Naming.type(variant.type)))\n"
        }
        result += "}\n\n"
        result += "extension \(name) {\n"
        result += "    /// How a payload is matched to an alternative: by constants first, then by required fields.\n"
        let candidates = variants.map { variant -> Expr in
            let fields = context.definition.type(named: variant.type)?.fields ?? []
            let required = Expr.array(fields.filter(\.required).map { .atom(SwiftSource.stringLiteral($0.name)) })
            var constants: [Expr] = fields.compactMap { field in
                guard let constant = field.constant else { return nil }
                return .atom(
                    ".init(\(SwiftSource.stringLiteral(field.name)), \(SwiftSource.stringLiteral(constantText(constant))))"
                )
            }
            if let discriminator, let value = variant.discriminatorValue {
                constants.append(
                    .atom(".init(\(SwiftSource.stringLiteral(discriminator)), \(SwiftSource.stringLiteral(value)))"))
            }
            var arguments: [Expr] = [.atom(SwiftSource.stringLiteral(variant.type)), .labeled("required", required)]
            if !constants.isEmpty { arguments.append(.labeled("constants", .array(constants))) }
            return .call("OneOfCandidate", arguments)
        }
        result +=
            Expr.array(candidates).render(indent: 4, lead: "static let oneOfCandidates: [OneOfCandidate] = ") + "\n"
        result += "}\n\n"
        result += "extension \(name): Constrained {\n    public func validate(_ validator: inout ConstraintChecker) {\n"
        result += "        switch self {\n"
        for variant in variants {
            let caseName = Naming.escaped(Naming.variantCase(variant))
            if let discriminator, let value = variant.discriminatorValue,
                let field = context.definition.type(named: variant.type)?.fields.first(where: {
                    $0.name == discriminator
                })
            {
                result += "        case .\(caseName)(let value):\n            value.validate(&validator)\n"
                result += Layout.call(
                    "validator.expect",
                    [
                        "value.\(Deprecation.storage(field))", SwiftSource.stringLiteral(discriminator),
                        "equals: \(SwiftSource.stringLiteral(value))",
                    ], indent: 12)
            } else {
                result += "        case .\(caseName)(let value): value.validate(&validator)\n"
            }
        }
        result += "        }\n    }\n}\n"
        return result
    }

    /// A constant as text, the way oneOf decisions compare it.
    static func constantText(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .boolean(let flag): flag ? "true" : "false"
        case .integer(let number): String(number)
        case .number(let number): String(number)
        default: value.description
        }
    }

    static func object(_ type: TypeDeclaration, _ fields: [Field], _ context: EmitContext) -> String {
        let name = Naming.type(type.name)
        var body: [String] = []
        for field in fields {
            let property = Naming.property(field)
            let declaration = "    public var \(Naming.escaped(property)): \(context.propertyType(field))"
            var constant = field.constant.map { " { \(context.literal($0, as: field.type)) }" } ?? ""
            if field.deprecated != nil {
                // Generated code uses the storage; users get the deprecation warning.
                constant = Deprecation.accessor(
                    property, type: context.propertyType(field),
                    constant: field.constant.map { context.literal($0, as: field.type) })
            } else if context.recursion.isIndirect(type.name, field.name) {
                // Out of line: the field makes this type contain itself.
                constant = " {\n        get { _\(property).value }\n"
                constant += "        set { _\(property) = Indirect(newValue) }\n    }\n"
                constant += "    var _\(property): Indirect<\(context.propertyType(field))>"
            }
            body.append(
                SwiftSource.docComment(field.doc, indent: "    ", extra: fieldNotes(field))
                    + Deprecation.attribute(field.deprecated, indent: "    ") + declaration + constant + "\n")
        }
        body.append(initializer(type.name, fields.filter { $0.constant == nil }, context))
        var result = SwiftSource.docComment(type.doc) + "public struct \(name): Sendable, Hashable {\n"
        result += body.joined(separator: "\n") + "}\n"
        result += "\n" + validation(name, fields, context)
        // Also for recursive types, whose default description would show the out-of-line storage.
        // And for deprecated fields, whose default description would show the storage.
        if fields.contains(where: { $0.sensitive || $0.deprecated != nil })
            || context.recursion.indirectFields[type.name] != nil
        {
            result += "\n" + redaction(name, fields, context)
        }
        return result
    }

    /// Constraint and state notes for a field's documentation.
    static func fieldNotes(_ field: Field) -> [String] {
        var notes: [String] = []
        if let constant = field.constant {
            // Left out when the field's doc already says it (`Always `true`.`), in either spelling.
            let spellings = ["`\(constant)`", "`\(constantText(constant))`", "\(constant)", constantText(constant)]
            if !spellings.contains(where: { (field.doc ?? "").contains("Always \($0)") }) {
                notes.append("Always `\(constant)`.")
            }
        }
        if field.required && field.nullable { notes.append("Required, but may be `nil` (sent as `null`).") }
        if let value = field.defaultValue { notes.append("Default: \(value), used when the field is absent.") }
        let constraints = constraintDescriptions(field.constraints)
        if !constraints.isEmpty { notes.append("Constraints: " + constraints.joined(separator: ", ") + ".") }
        if field.sensitive { notes.append("Sensitive: never shown in descriptions, dumps or errors.") }
        return notes
    }

    static func constraintDescriptions(_ constraints: Constraints) -> [String] {
        var result: [String] = []
        switch (constraints.minLength, constraints.maxLength) {
        case (1?, let max?): result.append("non-empty, at most \(max) characters")
        case (1?, nil): result.append("non-empty")
        case (let min?, let max?): result.append("\(min) to \(max) characters")
        case (let min?, nil): result.append("at least \(min) characters")
        case (nil, let max?): result.append("at most \(max) characters")
        case (nil, nil): break
        }
        if let pattern = constraints.pattern { result.append("matches `\(pattern)`") }
        if let minimum = constraints.minimum { result.append("≥ \(number(minimum))") }
        if let maximum = constraints.maximum { result.append("≤ \(number(maximum))") }
        if let minItems = constraints.minItems { result.append("at least \(minItems) items") }
        if let maxItems = constraints.maxItems { result.append("at most \(maxItems) items") }
        return result
    }

    /// A whole number as an exact integer literal (`1000000000000000`, never `1e+15`); other numbers
    /// as Swift writes them. The checker makes sure an integer's bounds are whole and fit its type.
    static func number(_ value: Double) -> String {
        Int64(exactly: value).map { String($0) } ?? String(value)
    }

    /// "a" or "an" before a type name, by how it is read: "an `ErrorBody`", "a `User`", "an `HTTPError`"
    /// (an initialism starting with a vowel sound), "a `UUIDList`".
    static func article(_ name: String) -> String {
        let letters = Array(name.drop(while: { $0 == "`" || $0 == "_" }))
        guard let first = letters.first else { return "a" }
        let second = letters.dropFirst().first
        // An initialism (two capitals) is read letter by letter: F, H, L, M, N, R, S, X sound like vowels.
        if first.isUppercase, second?.isUppercase == true {
            if first == "U" { return "a" }  // "a `URL`", "a `UUID`" (read "you")
            return "AEFHILMNORSX".contains(first) ? "an" : "a"
        }
        if "AEIOaeio".contains(first) { return "an" }
        // "an `Update`" but "a `User`", "a `Unique…`": a U read "you" takes "a".
        if "Uu".contains(first) {
            let word = String(letters).lowercased()
            return ["use", "usa", "usu", "uni", "uti", "uri", "ura"].contains(where: word.hasPrefix) ? "a" : "an"
        }
        return "a"
    }

    static func initializer(_ typeName: String, _ fields: [Field], _ context: EmitContext) -> String {
        let name = Naming.type(typeName)
        let parameters = fields.map { field -> String in
            let property = Naming.property(field)
            let optionalDefault: String
            if let value = field.defaultValue, !field.required, !field.nullable {
                optionalDefault = " = \(context.literal(value, as: field.type))"
            } else {
                optionalDefault = field.required ? "" : " = nil"
            }
            return "\(Naming.label(property)): \(context.propertyType(field))\(optionalDefault)"
        }
        let docs = fields.compactMap { field -> String? in
            guard let summary = SwiftSource.summary(field.doc) else { return nil }
            return "  - \(Naming.property(field)): \(summary)"
        }
        var result = SwiftSource.docComment(
            "Creates \(article(name)) `\(name)`.", indent: "    ", extra: docs.isEmpty ? [] : ["- Parameters:"] + docs)
        result += Layout.declaration("public init", parameters, tail: " {", indent: 4)
        if fields.isEmpty { return result.replacingLastOccurrence(of: " {\n", with: " {}\n") }
        for field in fields {
            let property = Naming.property(field)
            if context.recursion.isIndirect(typeName, field.name) {
                result += "        self._\(property) = Indirect(\(Naming.escaped(property)))\n"
            } else {
                result += "        self.\(Deprecation.storage(field)) = \(Naming.escaped(property))\n"
            }
        }
        return result + "    }\n"
    }

    /// The `Constrained` conformance: one check per constrained field, nested objects validated in place.
    static func validation(_ name: String, _ fields: [Field], _ context: EmitContext) -> String {
        let checks = fields.compactMap { field in
            check(
                value: "self." + Deprecation.storage(field), key: field.name, type: field.type,
                constraints: field.constraints, context: context)
        }
        return validatableExtension(name, checks)
    }

    /// - Parameter checks: Statements, each laid out at 8 spaces and ending in a newline. With none,
    ///   the type conforms to `Unconstrained` (a `Constrained` that reports nothing) and no empty
    ///   `validate(_:)` is written.
    static func validatableExtension(_ name: String, _ checks: [String]) -> String {
        if checks.isEmpty {
            return "extension \(name): Unconstrained {}\n"
        }
        return "extension \(name): Constrained {\n    public func validate(_ validator: inout ConstraintChecker) {\n"
            + checks.joined() + "    }\n}\n"
    }

    /// The validator call for one value, or `nil` when nothing about it can be wrong.
    static func check(value: String, key: String, type: TypeRef, constraints: Constraints, context: EmitContext)
        -> String?
    {
        let keyLiteral = SwiftSource.stringLiteral(key)
        var arguments: [String] = []
        if let minLength = constraints.minLength { arguments.append("minLength: \(minLength)") }
        if let maxLength = constraints.maxLength { arguments.append("maxLength: \(maxLength)") }
        if let pattern = constraints.pattern { arguments.append("pattern: \(SwiftSource.stringLiteral(pattern))") }
        if let minimum = constraints.minimum {
            arguments.append("minimum: \(type.isInteger ? number(minimum) : String(minimum))")
        }
        if let maximum = constraints.maximum {
            arguments.append("maximum: \(type.isInteger ? number(maximum) : String(maximum))")
        }
        if let minItems = constraints.minItems { arguments.append("minItems: \(minItems)") }
        if let maxItems = constraints.maxItems { arguments.append("maxItems: \(maxItems)") }
        var calls: [String] = []
        if !arguments.isEmpty {
            calls.append(Layout.call("validator.check", [value, keyLiteral] + arguments, indent: 8))
        }
        if context.isValidatable(type) {
            if type.isContainer {
                calls.append(Layout.call("validator.each", [value, keyLiteral], indent: 8))
            } else {
                calls.append(Layout.call("validator.nested", [value, keyLiteral], indent: 8))
            }
        }
        return calls.isEmpty ? nil : calls.joined()
    }

    /// Descriptions, debug descriptions and mirrors that hide sensitive values.
    static func redaction(_ name: String, _ fields: [Field], _ context: EmitContext) -> String {
        redaction(
            name,
            entries: fields.map { field in
                let property = Naming.property(field)
                let optional = context.propertyType(field).hasSuffix("?")
                let value =
                    field.sensitive
                    ? "Redacted.placeholder" : "self.\(Deprecation.storage(field))" + (optional ? " as Any" : "")
                return (property, value)
            })
    }

    /// `description`, `debugDescription` and `customMirror` that show `entries` (label, expression) only.
    static func redaction(_ name: String, entries: [(label: String, value: String)]) -> String {
        let list = Expr.array(entries.map { .atom("\(SwiftSource.stringLiteral($0.label)): \($0.value)") })
        return """
            extension \(name): CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
                public var description: String { Redacted.describe(\(SwiftSource.stringLiteral(name)), redactedFields) }
                public var debugDescription: String { description }
                public var customMirror: Mirror { Redacted.mirror(self, redactedFields) }

                private var redactedFields: KeyValuePairs<String, Any> {
            \(list.render(indent: 8))
                }
            }

            """
    }
}

extension String {
    func replacingLastOccurrence(of target: String, with replacement: String) -> String {
        guard let range = range(of: target, options: .backwards) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}

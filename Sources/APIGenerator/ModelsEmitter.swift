import APIDefinition
import Foundation

/// Emits `Models.swift`: one public struct per object type and one enum per enum type, with
/// their initializers, validation and (for sensitive fields) redacted descriptions.
enum ModelsEmitter {
    static func emit(_ context: EmitContext, types: ArraySlice<TypeModel>) -> String {
        SwiftWriter.write { writer in
            writer.separated(types) { type in
                switch type.kind {
                case .enumeration(let values, let keepUnknown):
                    if keepUnknown {
                        openEnumeration(writer, type, values, context)
                    } else {
                        enumeration(writer, type, values, context)
                    }
                case .object: object(writer, type, context)
                case .oneOf(let variants, let discriminator): oneOf(writer, type, variants, discriminator, context)
                case .anyOf(let variants): anyOf(writer, type, variants, context)
                }
            }
        }
    }

    static func enumeration(_ writer: SwiftWriter, _ type: TypeModel, _ values: [EnumValue], _ context: EmitContext) {
        let rawType = EnumRawType(values)
        writer.docComment(type.doc)
        writer.block(
            "\(context.access.keyword)enum \(type.swiftName): \(rawType.swiftType), Sendable, Hashable, CaseIterable, ParameterValue {"
        ) {
            for value in values {
                writer.docComment(value.doc)
                writer.line("case \(Naming.escaped(Naming.enumCase(value))) = \(literal(value, rawType))")
            }
        }
    }

    /// A value as a Swift literal of the enum's raw type.
    static func literal(_ value: EnumValue, _ rawType: EnumRawType) -> String {
        rawType.isNumeric ? rawType.numericLiteral(value) : SwiftSource.stringLiteral(value.value)
    }

    /// An enum that keeps values the definition does not list, as `.unknown(value)`.
    static func openEnumeration(_ writer: SwiftWriter, _ type: TypeModel, _ values: [EnumValue], _ context: EmitContext)
    {
        let rawType = EnumRawType(values)
        let swiftType = rawType.swiftType
        writer.docComment(type.doc)
        writer.block(
            "\(context.access.keyword)enum \(type.swiftName): Sendable, Hashable, RawRepresentable, ParameterValue {"
        ) {
            for value in values {
                writer.docComment(value.doc)
                writer.line("case \(Naming.escaped(Naming.enumCase(value)))")
            }
            writer.line("/// A value this definition does not list, kept as it came.")
            writer.line("case unknown(\(swiftType))")
            writer.blank()
            writer.line("/// The case for `rawValue`; values the definition does not list become `.unknown`.")
            writer.block("\(context.access.keyword)init(rawValue: \(swiftType)) {") {
                writer.switchBlock("rawValue") {
                    for value in values {
                        writer.line(
                            "case \(literal(value, rawType)): self = .\(Naming.escaped(Naming.enumCase(value)))"
                        )
                    }
                    writer.line("default: self = .unknown(rawValue)")
                }
            }
            writer.blank()
            writer.line("/// The value as the API spells it.")
            writer.block("\(context.access.keyword)var rawValue: \(swiftType) {") {
                writer.switchBlock("self") {
                    for value in values {
                        writer.line(
                            "case .\(Naming.escaped(Naming.enumCase(value))): \(literal(value, rawType))"
                        )
                    }
                    writer.line("case .unknown(let value): value")
                }
            }
        }
    }

    /// A oneOf: an enum with one case per alternative, and the facts that tell them apart.
    static func oneOf(
        _ writer: SwiftWriter, _ type: TypeModel, _ variants: [OneOfVariant], _ discriminator: String?,
        _ context: EmitContext
    ) {
        let name = type.swiftName
        writer.docComment(
            type.doc, extra: ["One of: " + variants.map { "``\(Naming.type($0.type))``" }.joined(separator: ", ") + "."]
        )
        writer.block("\(context.access.keyword)enum \(name): Sendable, Hashable {") {
            for variant in variants {
                writer.docComment(variant.doc ?? context.definition.type(named: variant.type)?.doc)
                writer.line("case \(Naming.escaped(Naming.variantCase(variant)))(\(Naming.type(variant.type)))")
            }
        }
        writer.blank()
        let candidates = variants.map { variant -> Expr in
            let fields = context.definition.type(named: variant.type)?.fields ?? []
            let required = Expr.array(fields.filter(\.requiredBothWays).map { .atom(SwiftSource.stringLiteral($0.name)) })
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
        writer.block("extension \(name) {") {
            writer.line("/// How a payload is matched to an alternative: by constants first, then by required fields.")
            writer.expression(.array(candidates), lead: "static let oneOfCandidates: [OneOfCandidate] = ")
        }
        writer.blank()
        writer.block("extension \(name): Constrained {") {
            writer.block("\(context.access.keyword)func validate(_ validator: inout ConstraintChecker) {") {
                writer.switchBlock("self") {
                    for variant in variants {
                        let caseName = Naming.escaped(Naming.variantCase(variant))
                        if let discriminator, let value = variant.discriminatorValue,
                            let field = context.definition.type(named: variant.type)?.fields.first(where: {
                                $0.name == discriminator
                            })
                        {
                            writer.line("case .\(caseName)(let value):")
                            writer.indented {
                                writer.line("value.validate(&validator)")
                                writer.call(
                                    "validator.expect",
                                    [
                                        "value.\(Deprecation.storage(field))", SwiftSource.stringLiteral(discriminator),
                                        "equals: \(SwiftSource.stringLiteral(value))",
                                    ])
                            }
                        } else {
                            writer.line("case .\(caseName)(let value): value.validate(&validator)")
                        }
                    }
                }
            }
        }
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

    static func object(_ writer: SwiftWriter, _ type: TypeModel, _ context: EmitContext) {
        let name = type.swiftName
        let fields = type.fields
        writer.docComment(type.doc)
        writer.block("\(context.access.keyword)struct \(name): Sendable, Hashable {") {
            for field in fields {
                property(writer, field, context)
                writer.blank()
            }
            if let rest = type.declaration.additionalProperties {
                writer.docComment(
                    "The members beside the fields, by name.",
                    extra: ["A name a field takes is refused by validation and never encoded."])
                writer.line("\(context.access.keyword)var additionalProperties: [String: \(context.swiftType(rest))]")
                writer.blank()
            }
            initializer(
                writer, name, fields.filter { $0.field.constant == nil }, context,
                rest: type.declaration.additionalProperties)
        }
        writer.blank()
        ConstraintSource.conformance(writer, name, context) { writer in
            for model in fields {
                let field = model.field
                // Not for a nullable field, where an absent key and `null` both read as `nil`.
                if field.required, !field.nullable, field.readOnly || field.writeOnly {
                    writer.call(
                        "validator.require",
                        [
                            "self." + model.storage, SwiftSource.stringLiteral(field.name),
                            "in: " + (field.readOnly ? ".response" : ".request"),
                        ])
                }
                ConstraintSource.check(
                    writer, value: "self." + model.storage, key: field.name, type: field.type,
                    constraints: field.constraints, context: context)
            }
            if let rest = type.declaration.additionalProperties {
                writer.line("validator.rest(self.additionalProperties, declared: Self.declaredMembers)")
                if context.isValidatable(rest) {
                    // Objects inside containers (`{[Point]}`) are validated in place: `alice[1].x`.
                    writer.line(
                        rest.isContainer
                            ? "validator.eachMemberNested(self.additionalProperties)"
                            : "validator.eachMember(self.additionalProperties)")
                }
            }
        }
        if type.declaration.additionalProperties != nil {
            writer.blank()
            writer.block("extension \(name) {") {
                writer.line("/// The wire names the fields take; every other member goes to `additionalProperties`.")
                writer.expression(
                    .array(fields.map { .atom($0.wireLiteral) }), lead: "static let declaredMembers: Set<String> = ")
            }
        }
        // Also for recursive types, whose default description would show the out-of-line storage.
        // And for deprecated fields, whose default description would show the storage.
        if fields.contains(where: { $0.field.sensitive || $0.field.deprecated != nil })
            || context.recursion.indirectFields[type.name] != nil
        {
            writer.blank()
            redaction(writer, name, fields, context, rest: type.declaration.additionalProperties != nil)
        }
    }

    /// A field's property: stored, a constant, deprecated over its storage, or out of line (recursive).
    static func property(_ writer: SwiftWriter, _ model: FieldModel, _ context: EmitContext) {
        let field = model.field
        let property = model.property
        let type = model.propertyType
        let declaration = "\(context.access.keyword)var \(Naming.escaped(property)): \(type)"
        writer.docComment(field.doc, extra: fieldNotes(field))
        writer.deprecation(field.deprecated)
        let constant = field.constant.map { context.literal($0, as: field.type) }
        if field.deprecated == nil, model.isIndirect {
            // Out of line: the field makes this type contain itself.
            writer.block(declaration + " {") {
                writer.line("get { _\(property).value }")
                writer.line("set { _\(property) = Indirect(newValue) }")
            }
            writer.line("var _\(property): Indirect<\(type)>")
        } else {
            // A deprecated field: generated code uses the storage; users get the deprecation warning.
            Deprecation.property(
                writer, declaration, name: property, type: type, deprecated: field.deprecated, constant: constant)
        }
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
        if field.readOnly {
            notes.append(
                field.required
                    ? "Read-only: required in responses, may be absent in requests." : "Read-only: sent by the server.")
        }
        if field.writeOnly {
            notes.append(
                field.required
                    ? "Write-only: required in requests, may be absent in responses." : "Write-only: sent by the client.")
        }
        if let value = field.defaultValue { notes.append("Default: \(value), used when the field is absent.") }
        let constraints = ConstraintSource.descriptions(field.constraints, of: field.type)
        if !constraints.isEmpty { notes.append("Constraints: " + constraints.joined(separator: ", ") + ".") }
        if field.sensitive { notes.append("Sensitive: never shown in descriptions, dumps or errors.") }
        return notes
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

    static func initializer(
        _ writer: SwiftWriter, _ name: String, _ fields: [FieldModel], _ context: EmitContext, rest: TypeRef? = nil
    ) {
        var parameters = fields.map { model -> String in
            let field = model.field
            let optionalDefault: String
            if let value = field.defaultValue, !field.required, !field.nullable {
                optionalDefault = " = \(context.literal(value, as: field.type))"
            } else {
                optionalDefault = field.requiredBothWays ? "" : " = nil"
            }
            return "\(Naming.label(model.property)): \(model.propertyType)\(optionalDefault)"
        }
        var docs = fields.compactMap { model -> String? in
            guard let summary = SwiftSource.summary(model.field.doc) else { return nil }
            return "  - \(model.property): \(summary)"
        }
        if let rest {
            parameters.append("additionalProperties: [String: \(context.swiftType(rest))] = [:]")
            docs.append("  - additionalProperties: The members beside the fields, by name.")
        }
        writer.docComment(
            "Creates \(article(name)) `\(name)`.", extra: docs.isEmpty ? [] : ["- Parameters:"] + docs)
        if fields.isEmpty && rest == nil {
            writer.declaration("\(context.access.keyword)init", parameters, tail: " {}")
            return
        }
        writer.declaration("\(context.access.keyword)init", parameters, tail: " {")
        writer.indented {
            for field in fields {
                if field.isIndirect {
                    writer.line("self._\(field.property) = Indirect(\(Naming.escaped(field.property)))")
                } else {
                    writer.line("self.\(field.storage) = \(Naming.escaped(field.property))")
                }
            }
            if rest != nil { writer.line("self.additionalProperties = additionalProperties") }
        }
        writer.line("}")
    }

    /// Descriptions, debug descriptions and mirrors that hide sensitive values.
    static func redaction(
        _ writer: SwiftWriter, _ name: String, _ fields: [FieldModel], _ context: EmitContext, rest: Bool = false
    ) {
        Redaction.conformance(
            writer, name, context,
            entries: fields.map { model in
                let optional = model.propertyType.hasSuffix("?")
                let value =
                    model.field.sensitive
                    ? "Redacted.placeholder" : "self.\(model.storage)" + (optional ? " as Any" : "")
                return (model.property, value)
            } + (rest ? [("additionalProperties", "self.additionalProperties")] : []))
    }
}

import APIDefinition

/// What the emitters know about one alternative of an `anyOf`: its Swift property, its Swift type, its
/// name in messages, and whether it is written as a JSON object.
struct AnyOfVariantModel {
    let variant: AnyOfVariant
    /// The property's name, escaped where it is a keyword.
    let property: String
    /// The Swift type of the alternative (without `?`).
    let swiftType: String
    /// The name the definition gives it (`Cat`, `string`), as a string literal.
    let nameLiteral: String
    /// Whether its values are JSON objects (object and oneOf types), which an anyOf merges.
    let isObject: Bool
    /// Whether its values validate themselves.
    let isValidatable: Bool

    init(_ variant: AnyOfVariant, _ context: EmitContext) {
        self.variant = variant
        property = Naming.escaped(Naming.variantProperty(variant))
        swiftType = context.swiftType(variant.type)
        nameLiteral = SwiftSource.stringLiteral(variant.type.description)
        switch context.declaration(variant.type)?.kind {
        case .object?, .oneOf?: isObject = true
        default: isObject = false
        }
        isValidatable = context.isValidatable(variant.type)
    }

    static func all(_ variants: [AnyOfVariant], _ context: EmitContext) -> [AnyOfVariantModel] {
        variants.map { AnyOfVariantModel($0, context) }
    }
}

/// An `anyOf` in `Models.swift` and `JSONCoding.swift`: a struct with one optional property per
/// alternative, every one that matched the payload set.
enum AnyOfEmitter {
    /// The struct, its initializer and its validation.
    static func model(_ writer: SwiftWriter, _ type: TypeModel, _ variants: [AnyOfVariant], _ context: EmitContext) {
        let name = type.swiftName
        let models = AnyOfVariantModel.all(variants, context)
        writer.docComment(
            type.doc,
            extra: [
                "Any of: " + variants.map { "`\($0.type)`" }.joined(separator: ", ")
                    + ". Every alternative the value is valid as is set; at least one is."
            ])
        writer.block("\(context.access.keyword)struct \(name): Sendable, Hashable {") {
            for model in models {
                let doc = model.variant.doc ?? context.declaration(model.variant.type)?.doc
                writer.docComment(doc)
                writer.line("\(context.access.keyword)var \(model.property): \(model.swiftType)?")
                writer.blank()
            }
            writer.docComment(
                "Creates \(ModelsEmitter.article(name)) `\(name)`; set at least one alternative.")
            writer.declaration(
                "\(context.access.keyword)init", models.map { "\(Naming.label(Naming.variantProperty($0.variant))): \($0.swiftType)? = nil" },
                tail: " {")
            writer.indented {
                for model in models { writer.line("self.\(model.property) = \(model.property)") }
            }
            writer.line("}")
        }
        writer.blank()
        writer.block("extension \(name): Constrained {") {
            writer.block("\(context.access.keyword)func validate(_ validator: inout ConstraintChecker) {") {
                writer.expression(
                    .array(
                        models.map {
                            .atom("(\($0.nameLiteral), self.\($0.property) != nil, \($0.isObject))")
                        }), lead: "validator.anyOf(", trail: ")")
                for model in models where model.isValidatable {
                    // In place: every alternative is the same payload, at the same path.
                    writer.line("self.\(model.property)?.validate(&validator)")
                }
            }
        }
    }

    /// `Codable`: decoding tries every alternative (``AnyOfAttempt``); encoding merges the object
    /// alternatives that are set, the first one winning a member several have, or else writes the
    /// first alternative that is set.
    static func coding(_ writer: SwiftWriter, _ type: TypeModel, _ variants: [AnyOfVariant], _ context: EmitContext) {
        let models = AnyOfVariantModel.all(variants, context)
        writer.block("extension \(type.swiftName): Codable {") {
            writer.block("\(context.access.keyword)init(from decoder: any Decoder) throws {") {
                writer.line("var attempt = AnyOfAttempt(decoder)")
                for model in models {
                    writer.line(
                        "self.\(model.property) = attempt.decode(\(model.swiftType).self, \(model.nameLiteral))")
                }
                writer.line("try attempt.finish()")
            }
            writer.blank()
            writer.block("\(context.access.keyword)func encode(to encoder: any Encoder) throws {") {
                let objects = models.filter(\.isObject)
                let others = models.filter { !$0.isObject }
                var clauses: [(condition: String, body: [String])] = []
                if !objects.isEmpty {
                    clauses.append(
                        (
                            objects.map { "self.\($0.property) != nil" }.joined(separator: " || "),
                            // The last first: a member written again replaces the one before, so the
                            // first alternative set wins.
                            objects.reversed().map { "try self.\($0.property)?.encode(to: encoder)" }
                        ))
                }
                for model in others {
                    clauses.append(("let value = self.\(model.property)", ["try value.encode(to: encoder)"]))
                }
                for (index, clause) in clauses.enumerated() {
                    writer.line((index == 0 ? "if " : "} else if ") + clause.condition + " {")
                    writer.indented { for line in clause.body { writer.line(line) } }
                }
                writer.line("} else {")
                writer.indented { writer.line("throw AnyOfEncoding.noAlternative(self, encoder)") }
                writer.line("}")
            }
        }
    }
}

import APIDefinition

/// An `anyOf` in `Models.swift`: a struct with one optional property per alternative, every one that
/// matched the payload set.
extension ModelsEmitter {
    /// The struct, its initializer and its validation.
    static func anyOf(_ writer: SwiftWriter, _ type: TypeModel, _ variants: [AnyOfVariant], _ context: EmitContext) {
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
                // A primitive alternative's constraints: it is set only for a value that holds them.
                let constraints = ConstraintSource.descriptions(model.variant.constraints, of: model.variant.type)
                writer.docComment(
                    doc,
                    extra: constraints.isEmpty
                        ? [] : ["Constraints: " + constraints.joined(separator: ", ") + "."])
                writer.line("\(context.access.keyword)var \(model.property): \(model.swiftType)?")
                writer.blank()
            }
            writer.docComment(
                "Creates \(article(name)) `\(name)`; set at least one alternative.")
            writer.declaration(
                "\(context.access.keyword)init",
                models.map { "\(Naming.label(Naming.variantProperty($0.variant))): \($0.swiftType)? = nil" },
                tail: " {")
            writer.indented {
                for model in models { writer.line("self.\(model.property) = \(model.property)") }
            }
            writer.line("}")
        }
        writer.blank()
        writer.block("extension \(name): Constrained {") {
            writer.block("\(context.access.keyword)func validate(_ validator: inout ConstraintChecker) {") {
                if models.contains(where: \.isArray) {
                    // An array is neither an object nor a single value: three shapes to keep apart.
                    writer.expression(
                        .array(
                            models.map {
                                .atom("(\($0.nameLiteral), self.\($0.property) != nil, \($0.shapeCase))")
                            }), lead: "validator.anyOf(shaped: ", trail: ")")
                } else {
                    writer.expression(
                        .array(
                            models.map {
                                .atom("(\($0.nameLiteral), self.\($0.property) != nil, \($0.isObject))")
                            }), lead: "validator.anyOf(", trail: ")")
                }
                for model in models {
                    // A primitive alternative's constraints, at the anyOf's own path.
                    if let check = model.constraintCheck(validator: "validator", value: "self.\(model.property)") {
                        writer.line(check)
                    }
                }
                for model in models where model.isValidatable {
                    // In place: every alternative is the same payload, at the same path.
                    if model.validatesElements {
                        writer.line("if let value = self.\(model.property) { validator.eachHere(value) }")
                    } else {
                        writer.line("self.\(model.property)?.validate(&validator)")
                    }
                }
            }
        }
    }
}

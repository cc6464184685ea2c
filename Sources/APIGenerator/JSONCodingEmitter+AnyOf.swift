import APIDefinition

/// An `anyOf` in `JSONCoding.swift`.
extension JSONCodingEmitter {
    /// `Codable`: decoding tries every alternative (``AnyOfAttempt``); encoding merges the object
    /// alternatives that are set, the first one winning a member several have, or else writes the
    /// first alternative that is set.
    static func anyOf(_ writer: SwiftWriter, _ type: TypeModel, _ variants: [AnyOfVariant], _ context: EmitContext) {
        let models = AnyOfVariantModel.all(variants, context)
        writer.block("extension \(type.swiftName): Codable {") {
            writer.block("\(context.access.keyword)init(from decoder: any Decoder) throws {") {
                writer.line("var attempt = AnyOfAttempt(decoder)")
                for model in models {
                    var arguments: [Expr] = [.atom("\(model.decodedType).self"), .atom(model.nameLiteral)]
                    if let checks = model.checksArgument { arguments.append(checks) }
                    if !model.stringConstants.isEmpty {
                        // Ruled out without decoding when the payload holds another value.
                        let constants = model.stringConstants.map {
                            Expr.atom(
                                ".init(\(SwiftSource.stringLiteral($0.key)), \(SwiftSource.stringLiteral($0.value)))")
                        }
                        arguments.append(.labeled("constants", .array(constants)))
                    }
                    writer.expression(
                        .call("attempt.decode", arguments), lead: "self.\(model.property) = ",
                        trail: model.decodedValue)
                }
                writer.line("try attempt.finish()")
            }
            writer.blank()
            writer.block("\(context.access.keyword)func encode(to encoder: any Encoder) throws {") {
                let objects = models.filter(\.isObject)
                let others = models.filter { !$0.isObject }
                var clauses: [(condition: String, body: [String])] = []
                if objects.count == 1, objects[0].isMap {
                    clauses.append(
                        (
                            "let value = self.\(objects[0].property)",
                            ["try AnyOfEncoding.encodeMembers(value, to: encoder)"]
                        ))
                } else if !objects.isEmpty {
                    clauses.append(
                        (
                            objects.map { "self.\($0.property) != nil" }.joined(separator: " || "),
                            // In definition order, each member written once: the first alternative set wins
                            // a member several have, whatever the encoder does with a repeated key.
                            objects.count == 1
                                ? [objects[0].encodeStatement(into: "encoder")]
                                : ["let merged = AnyOfEncoding.merging(encoder)"]
                                    + objects.map { $0.encodeStatement(into: "merged") }
                        ))
                }
                for model in others {
                    let statement = model.encodeValue("value", into: "encoder")
                    clauses.append(("let value = self.\(model.property)", [statement]))
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

import APIDefinition

/// Emits `TextTreeCoding.swift` for services whose bodies travel as XML, form-urlencoded or
/// multipart: each model that travels so (or is contained in one that does) converts to and from a
/// `TextTree` (text leaves, as those formats carry them), and the service's XML dialect is declared
/// once, in the first part.
enum TextTreeCodingEmitter {
    static func emit(_ context: EmitContext, types: [TypeModel], withDialect: Bool) -> String {
        SwiftWriter.write { writer in
            if withDialect {
                dialect(writer, context)
                if !types.isEmpty { writer.blank() }
            }
            writer.separated(types) { type in
                switch type.kind {
                case .enumeration: writer.line("extension \(type.swiftName): TextTreeCodable {}")
                case .object: object(writer, type, context)
                case .oneOf(let variants, _): oneOf(writer, type, variants, context)
                // XML, forms, multipart, and a deepObject parameter's own anyOf.
                case .anyOf(let variants): anyOf(writer, type, variants, context)
                }
            }
        }
    }

    static func dialect(_ writer: SwiftWriter, _ context: EmitContext) {
        let service = context.definition.service
        let spec =
            service.xml
            ?? XMLDialectSpec(rootElement: "root", listItemElement: "item", trueText: "true", falseText: "false")
        let name = String(context.dialectName.dropFirst())
        let doc =
            service.xml == nil
            ? "The XML dialect of \(service.title ?? service.name) (it declares none; this default is never on the wire)."
            : "How \(service.title ?? service.name) writes XML: `<\(spec.rootElement)>` at the root, `<\(spec.listItemElement)>` per array item, `\(spec.trueText)`/`\(spec.falseText)`, empty elements for null."
        writer.block("extension XMLDialect {") {
            writer.docComment(doc)
            writer.expression(
                Expr.call(
                    "XMLDialect",
                    [
                        .labeled("rootElement", .atom(SwiftSource.stringLiteral(spec.rootElement))),
                        .labeled("listItemElement", .atom(SwiftSource.stringLiteral(spec.listItemElement))),
                        .labeled("trueText", .atom(SwiftSource.stringLiteral(spec.trueText))),
                        .labeled("falseText", .atom(SwiftSource.stringLiteral(spec.falseText))),
                    ]), lead: "\(context.access.keyword)static let \(name) = ")
        }
    }

    static func object(_ writer: SwiftWriter, _ type: TypeModel, _ context: EmitContext) {
        let fields = type.fields
        // The members beside the fields: every other child element, form field or bracketed name.
        let rest = type.declaration.additionalProperties
        writer.block("extension \(type.swiftName): TextTreeCodable {") {
            writer.block("\(context.access.keyword)init(textTree reader: TextTreeReader) throws(ValidationErrors) {") {
                writer.line(
                    fields.isEmpty && rest == nil ? "_ = try reader.object()" : "let members = try reader.object()")
                for model in fields {
                    let field = model.field
                    let key = model.wireLiteral
                    if let constant = field.constant {
                        writer.line("try members.decodeConstant(\(context.literal(constant, as: field.type)), \(key))")
                        continue
                    }
                    // A unix time is a Date, whose own text form is RFC 3339: it needs the integer-seconds calls.
                    var method = context.coderMethod("decode", field, wire: field.type == .unixTime ? "UnixTime" : "")
                    // Required one way only: an empty element is "", [] or [:], not absent.
                    if method == "decodeIfPresent", field.required, !field.nullable { method = "decodeOneWay" }
                    // An optional anyOf reads empty text as itself when an alternative matches it (`address=`).
                    if method == "decodeIfPresent", case .anyOf? = context.declaration(field.type)?.kind {
                        method = "decodeAnyOfIfPresent"
                    }
                    let fallback = context.defaultFallback(field)
                    let (lead, trail) = model.assignment
                    let coding = context.coding(field.type).map { ["\($0).self"] } ?? []
                    writer.call("members.\(method)", coding + [key], lead: lead, trail: fallback + trail)
                }
                if let rest {
                    writer.call(
                        "members.decodeRest",
                        [
                            "\(context.memberCoding(rest) ?? context.swiftType(rest)).self",
                            "declared: Self.declaredMembers",
                        ],
                        lead: "self.additionalProperties = try ")
                }
            }
            writer.blank()
            writer.block("\(context.access.keyword)func textTree() -> TextTree {") {
                if fields.isEmpty && rest == nil {
                    writer.line(".object([])")
                    return
                }
                writer.line("var tree = TextTreeObjectBuilder()")
                for field in fields {
                    writer.call(
                        "tree.\(context.coderMethod("encode", field.field, wire: field.field.type == .unixTime ? "UnixTime" : ""))",
                        ["self.\(field.storage)"] + (context.coding(field.field.type).map { ["as: \($0).self"] } ?? [])
                            + [field.wireLiteral])
                }
                if let rest {
                    writer.call(
                        "tree.encodeRest",
                        ["self.additionalProperties"] + (context.memberCoding(rest).map { ["as: \($0).self"] } ?? [])
                            + ["declared: Self.declaredMembers"])
                }
                writer.line("return tree.tree")
            }
        }
    }

    static func oneOf(_ writer: SwiftWriter, _ type: TypeModel, _ variants: [OneOfVariant], _ context: EmitContext) {
        writer.block("extension \(type.swiftName): TextTreeCodable {") {
            writer.block("\(context.access.keyword)init(textTree reader: TextTreeReader) throws(ValidationErrors) {") {
                writer.switchBlock("try OneOfDecision.choose(Self.oneOfCandidates, reader: reader)") {
                    for (index, variant) in variants.enumerated() {
                        let label = index == variants.count - 1 ? "default" : "case \(index)"
                        writer.line(
                            "\(label): self = .\(Naming.escaped(Naming.variantCase(variant)))(try \(Naming.type(variant.type))(textTree: reader))"
                        )
                    }
                }
            }
            writer.blank()
            writer.block("\(context.access.keyword)func textTree() -> TextTree {") {
                writer.switchBlock("self") {
                    for variant in variants {
                        writer.line("case .\(Naming.escaped(Naming.variantCase(variant)))(let value): value.textTree()")
                    }
                }
            }
        }
    }

    /// An anyOf: reading tries every alternative on the same subtree (the single values first, so that a
    /// single value is a container only when nothing else matches it) and keeps each that reads and
    /// validates; writing merges the object alternatives that are set, or writes the first one set.
    static func anyOf(_ writer: SwiftWriter, _ type: TypeModel, _ variants: [AnyOfVariant], _ context: EmitContext) {
        let models = AnyOfVariantModel.all(variants, context)
        writer.block("extension \(type.swiftName): TextTreeCodable {") {
            writer.block("\(context.access.keyword)init(textTree reader: TextTreeReader) throws(ValidationErrors) {") {
                writer.line("var attempt = AnyOfTextTreeAttempt(reader)")
                for model in models.filter(\.isSingleValue) + models.filter({ !$0.isSingleValue }) {
                    var arguments: [Expr] = [.atom("\(model.decodedType).self"), .atom(model.nameLiteral)]
                    let method: String
                    if model.isArray || model.isMap {
                        method = "decodeContainer"
                    } else if model.isObject {
                        method = "decodeObject"
                        if !model.stringConstants.isEmpty {
                            let constants = model.stringConstants.map { constant in
                                let key = SwiftSource.stringLiteral(constant.key)
                                return Expr.atom(".init(\(key), \(SwiftSource.stringLiteral(constant.value)))")
                            }
                            arguments.append(.labeled("constants", .array(constants)))
                        }
                    } else {
                        method = "decode"
                        if let checks = model.checksArgument { arguments.append(checks) }
                    }
                    writer.expression(
                        .call("attempt.\(method)", arguments), lead: "self.\(model.property) = ",
                        trail: model.decodedValue)
                }
                writer.line("try attempt.finish()")
            }
            writer.blank()
            writer.block("\(context.access.keyword)func textTree() -> TextTree {") {
                let objects = models.filter(\.isObject)
                if objects.count == 1 {
                    writer.line("if let value = self.\(objects[0].property) { return value.textTree() }")
                } else if !objects.isEmpty {
                    writer.block("if \(objects.map { "self.\($0.property) != nil" }.joined(separator: " || ")) {") {
                        writer.expression(
                            .array(objects.map { .atom("self.\($0.property)?.textTree()") }),
                            lead: "return AnyOfTextTree.merged(", trail: ")")
                    }
                }
                for model in models where !model.isObject {
                    writer.line("if let value = self.\(model.property) { return \(model.textTree("value")) }")
                }
                // Nothing set: validation refuses the value before it is sent.
                writer.line("return .null")
            }
        }
    }
}

import APIDefinition

/// Emits `TextTreeCoding.swift` for services whose bodies travel as XML, form-urlencoded or
/// multipart: each model that travels so (or is contained in one that does) converts to and from a
/// `TextTree` (text leaves, as those formats carry them), and the service's XML dialect is declared
/// once, in the first part.
enum TextTreeCodingEmitter {
    static func emit(_ context: EmitContext, types: [TypeDeclaration], withDialect: Bool) -> String {
        var blocks = withDialect ? [dialect(context)] : []
        for type in types {
            switch type.kind {
            case .enumeration: blocks.append("extension \(Naming.type(type.name)): TextTreeCodable {}\n")
            case .object(let fields): blocks.append(object(type, fields, context))
            case .oneOf(let variants, _): blocks.append(oneOf(type, variants))
            }
        }
        return SwiftSource.joined(blocks)
    }

    static func dialect(_ context: EmitContext) -> String {
        let service = context.definition.service
        let spec =
            service.xml
            ?? XMLDialectSpec(rootElement: "root", listItemElement: "item", trueText: "true", falseText: "false")
        let name = String(context.dialectName.dropFirst())
        let doc =
            service.xml == nil
            ? "The XML dialect of \(service.title ?? service.name) (it declares none; this default is never on the wire)."
            : "How \(service.title ?? service.name) writes XML: `<\(spec.rootElement)>` at the root, `<\(spec.listItemElement)>` per array item, `\(spec.trueText)`/`\(spec.falseText)`, empty elements for null."
        let declaration = Expr.call(
            "XMLDialect",
            [
                .labeled("rootElement", .atom(SwiftSource.stringLiteral(spec.rootElement))),
                .labeled("listItemElement", .atom(SwiftSource.stringLiteral(spec.listItemElement))),
                .labeled("trueText", .atom(SwiftSource.stringLiteral(spec.trueText))),
                .labeled("falseText", .atom(SwiftSource.stringLiteral(spec.falseText))),
            ]
        ).render(indent: 4, lead: "public static let \(name) = ")
        return "extension XMLDialect {\n" + SwiftSource.docComment(doc, indent: "    ") + declaration + "\n}\n"
    }

    static func object(_ type: TypeDeclaration, _ fields: [Field], _ context: EmitContext) -> String {
        let name = Naming.type(type.name)
        var result = "extension \(name): TextTreeCodable {\n"
        result += "    public init(textTree reader: TextTreeReader) throws(ValidationErrors) {\n"
        if fields.isEmpty {
            result += "        _ = try reader.object()\n"
        } else {
            result += "        let members = try reader.object()\n"
        }
        for field in fields {
            let key = SwiftSource.stringLiteral(field.name)
            if let constant = field.constant {
                result += "        try members.decodeConstant(\(context.literal(constant, as: field.type)), \(key))\n"
                continue
            }
            let method = context.coderMethod("decode", field)
            let fallback = context.defaultFallback(field)
            let (lead, trail) = context.assignment(type.name, field)
            result += Layout.call("members.\(method)", [key], indent: 8, lead: lead, trail: fallback + trail)
        }
        result += "    }\n\n"
        result += "    public func textTree() -> TextTree {\n"
        if fields.isEmpty {
            result += "        .object([])\n    }\n}\n"
            return result
        }
        result += "        var tree = TextTreeObjectBuilder()\n"
        for field in fields {
            let method = context.coderMethod("encode", field)
            result += Layout.call(
                "tree.\(method)", ["self.\(Deprecation.storage(field))", SwiftSource.stringLiteral(field.name)],
                indent: 8)
        }
        result += "        return tree.tree\n    }\n}\n"
        return result
    }

    static func oneOf(_ type: TypeDeclaration, _ variants: [OneOfVariant]) -> String {
        var result = "extension \(Naming.type(type.name)): TextTreeCodable {\n"
        result += "    public init(textTree reader: TextTreeReader) throws(ValidationErrors) {\n"
        result += "        switch try OneOfDecision.choose(Self.oneOfCandidates, reader: reader) {\n"
        for (index, variant) in variants.enumerated() {
            let label = index == variants.count - 1 ? "default" : "case \(index)"
            result +=
                "        \(label): self = .\(Naming.escaped(Naming.variantCase(variant)))(try \(Naming.type(variant.type))(textTree: reader))\n"
        }
        result += "        }\n    }\n\n"
        result += "    public func textTree() -> TextTree {\n        switch self {\n"
        for variant in variants {
            result += "        case .\(Naming.escaped(Naming.variantCase(variant)))(let value): value.textTree()\n"
        }
        result += "        }\n    }\n}\n"
        return result
    }
}

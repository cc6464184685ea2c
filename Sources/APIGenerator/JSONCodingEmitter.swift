import APIDefinition

/// Emits `JSONCoding.swift`: `Codable` for every model, with explicit `init(from:)` /
/// `encode(to:)` whose keys are the wire names as the API spells them (`AnyCodingKey` literals, no
/// `CodingKeys` enum to compile per type): required, optional and nullable are three different
/// things on the wire, constants are checked, dates are RFC 3339 and UUIDs are written lower-case.
enum JSONCodingEmitter {
    static func emit(_ context: EmitContext, types: ArraySlice<TypeDeclaration>) -> String {
        SwiftSource.joined(
            types.map { type in
                switch type.kind {
                case .enumeration(_, let keepUnknown): keepUnknown ? openEnumeration(type) : enumeration(type)
                case .object(let fields): object(type, fields, context)
                case .oneOf(let variants, _): oneOf(type, variants)
                }
            })
    }

    static func openEnumeration(_ type: TypeDeclaration) -> String {
        """
        extension \(Naming.type(type.name)): Codable {
            public init(from decoder: any Decoder) throws {
                self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
            }

            public func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                try container.encode(rawValue)
            }
        }

        """
    }

    /// Chooses the alternative first (``OneOfDecision``), then decodes it from the same decoder.
    static func oneOf(_ type: TypeDeclaration, _ variants: [OneOfVariant]) -> String {
        var result = "extension \(Naming.type(type.name)): Codable {\n"
        result += "    public init(from decoder: any Decoder) throws {\n"
        result += "        switch try OneOfDecision.choose(Self.oneOfCandidates, decoder: decoder) {\n"
        for (index, variant) in variants.enumerated() {
            let label = index == variants.count - 1 ? "default" : "case \(index)"
            result +=
                "        \(label): self = .\(Naming.escaped(Naming.variantCase(variant)))(try \(Naming.type(variant.type))(from: decoder))\n"
        }
        result += "        }\n    }\n\n"
        result += "    public func encode(to encoder: any Encoder) throws {\n        switch self {\n"
        for variant in variants {
            result +=
                "        case .\(Naming.escaped(Naming.variantCase(variant)))(let value): try value.encode(to: encoder)\n"
        }
        result += "        }\n    }\n}\n"
        return result
    }

    static func enumeration(_ type: TypeDeclaration) -> String {
        """
        extension \(Naming.type(type.name)): Codable {
            public init(from decoder: any Decoder) throws {
                self = try decoder.decodeStringEnum(Self.self)
            }
        }

        """
    }

    static func object(_ type: TypeDeclaration, _ fields: [Field], _ context: EmitContext) -> String {
        let name = Naming.type(type.name)
        if fields.isEmpty {
            return """
                extension \(name): Codable {
                    public init(from decoder: any Decoder) throws {
                        try decoder.requireObject()
                    }

                    public func encode(to encoder: any Encoder) throws {
                        _ = encoder.container(keyedBy: AnyCodingKey.self)
                    }
                }

                """
        }
        let decodes = fields.map { decode($0, of: type.name, context) }.joined()
        let encodes = fields.map { encode($0, context) }.joined()
        return """
            extension \(name): Codable {
                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: AnyCodingKey.self)
            \(decodes)    }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: AnyCodingKey.self)
            \(encodes)    }
            }

            """
    }

    /// How a field's value travels: through Codable as is, or as an RFC 3339 / lower-case UUID string.
    enum Wire { case plain, dateTime, uuid }

    static func wire(_ type: TypeRef) -> Wire {
        switch type {
        case .dateTime: .dateTime
        case .uuid: .uuid
        default: .plain
        }
    }

    static func suffix(_ type: TypeRef) -> String {
        switch wire(type) {
        case .plain: ""
        case .dateTime: "DateTime"
        case .uuid: "UUID"
        }
    }

    /// The statement that decodes one field, laid out at 8 spaces.
    static func decode(_ field: Field, of type: String, _ context: EmitContext) -> String {
        let key = "forKey: " + SwiftSource.stringLiteral(field.name)
        if let constant = field.constant {
            return Layout.call(
                "container.decodeConstant", [context.literal(constant, as: field.type), key], indent: 8,
                lead: "_ = try ")
        }
        let suffix = suffix(field.type)
        let arguments = (suffix.isEmpty ? ["\(context.swiftType(field.type)).self"] : []) + [key]
        let method = context.coderMethod("decode", field, wire: suffix)
        let fallback = context.defaultFallback(field)
        let (lead, trail) = context.assignment(type, field)
        return Layout.call("container.\(method)", arguments, indent: 8, lead: lead, trail: fallback + trail)
    }

    /// The statement that encodes one field, laid out at 8 spaces.
    static func encode(_ field: Field, _ context: EmitContext) -> String {
        let suffix = field.constant == nil ? suffix(field.type) : ""
        let method = context.coderMethod("encode", field, wire: suffix)
        return Layout.call(
            "try container.\(method)",
            ["self.\(Deprecation.storage(field))", "forKey: \(SwiftSource.stringLiteral(field.name))"],
            indent: 8)
    }
}

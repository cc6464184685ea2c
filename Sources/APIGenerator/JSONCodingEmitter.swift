import APIDefinition

/// Emits `JSONCoding.swift`: `Codable` for every model, with explicit `CodingKeys` (wire names as
/// the API spells them) and explicit `init(from:)` / `encode(to:)`: required, optional and nullable
/// are three different things on the wire, constants are checked, dates are RFC 3339 and UUIDs
/// are written lower-case.
enum JSONCodingEmitter {
    static func emit(_ context: EmitContext) -> String {
        SwiftSource.joined(
            context.definition.types.map { type in
                switch type.kind {
                case .enumeration: enumeration(type)
                case .object(let fields): object(type, fields, context)
                }
            })
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
                    public init(from decoder: any Decoder) throws {}
                    public func encode(to encoder: any Encoder) throws {}
                }

                """
        }
        let keys = fields.map {
            "        case \(Naming.escaped(Naming.property($0))) = \(SwiftSource.stringLiteral($0.name))\n"
        }.joined()
        let decodes = fields.map { decode($0, context) }.joined()
        let encodes = fields.map(encode).joined()
        return """
            extension \(name): Codable {
                enum CodingKeys: String, CodingKey {
            \(keys)    }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: CodingKeys.self)
            \(decodes)    }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: CodingKeys.self)
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
    static func decode(_ field: Field, _ context: EmitContext) -> String {
        let property = Naming.property(field)
        let key = "forKey: ." + Naming.escaped(property)
        if let constant = field.constant {
            return Layout.call(
                "container.decodeConstant", [context.literal(constant, as: field.type), key], indent: 8,
                lead: "_ = try ")
        }
        let suffix = suffix(field.type)
        let arguments = (suffix.isEmpty ? ["\(context.swiftType(field.type)).self"] : []) + [key]
        let method: String
        switch (field.required, field.nullable) {
        case (true, false): method = "decode\(suffix)"
        case (true, true): method = "decodeNullable\(suffix)"
        case (false, _): method = "decode\(suffix)IfPresent"
        }
        return Layout.call("container.\(method)", arguments, indent: 8, lead: "self.\(property) = try ")
    }

    /// The statement that encodes one field, laid out at 8 spaces.
    static func encode(_ field: Field) -> String {
        let property = Naming.property(field)
        let suffix = field.constant == nil ? suffix(field.type) : ""
        let method: String
        switch (field.required, field.nullable) {
        case (true, false): method = "encode\(suffix)"
        case (true, true): method = "encodeNullable\(suffix)"
        case (false, _): method = "encode\(suffix)IfPresent"
        }
        return Layout.call(
            "try container.\(method)", ["self.\(property)", "forKey: .\(Naming.escaped(property))"], indent: 8)
    }
}

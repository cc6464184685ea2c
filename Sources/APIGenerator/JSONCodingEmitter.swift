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
        let decodes = fields.map { "        \(decode($0, context))\n" }.joined()
        let encodes = fields.map { "        \(encode($0))\n" }.joined()
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

    static func decode(_ field: Field, _ context: EmitContext) -> String {
        let property = Naming.property(field)
        let key = "." + Naming.escaped(property)
        let type = context.swiftType(field.type)
        let target = "self.\(property)"
        if let constant = field.constant {
            return "_ = try container.decodeConstant(\(context.literal(constant, as: field.type)), forKey: \(key))"
        }
        let suffix: String
        switch wire(field.type) {
        case .plain: suffix = ""
        case .dateTime: suffix = "DateTime"
        case .uuid: suffix = "UUID"
        }
        let typeArgument = suffix.isEmpty ? "\(type).self, " : ""
        switch (field.required, field.nullable) {
        case (true, false): return "\(target) = try container.decode\(suffix)(\(typeArgument)forKey: \(key))"
        case (true, true): return "\(target) = try container.decodeNullable\(suffix)(\(typeArgument)forKey: \(key))"
        case (false, _): return "\(target) = try container.decode\(suffix)IfPresent(\(typeArgument)forKey: \(key))"
        }
    }

    static func encode(_ field: Field) -> String {
        let property = Naming.property(field)
        let key = "." + Naming.escaped(property)
        let suffix: String
        switch wire(field.type) {
        case .plain: suffix = ""
        case .dateTime: suffix = "DateTime"
        case .uuid: suffix = "UUID"
        }
        let value = "self.\(property)"
        switch (field.required, field.nullable) {
        case (true, false): return "try container.encode\(suffix)(\(value), forKey: \(key))"
        case (true, true): return "try container.encodeNullable\(suffix)(\(value), forKey: \(key))"
        case (false, _): return "try container.encode\(suffix)IfPresent(\(value), forKey: \(key))"
        }
    }
}

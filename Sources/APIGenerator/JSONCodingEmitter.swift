import APIDefinition

/// Emits `JSONCoding.swift`: `Codable` for every model, with explicit `init(from:)` /
/// `encode(to:)` whose keys are the wire names as the API spells them (`AnyCodingKey` literals, no
/// `CodingKeys` enum to compile per type): required, optional and nullable are three different
/// things on the wire, constants are checked, dates are RFC 3339 and UUIDs are written lower-case.
enum JSONCodingEmitter {
    static func emit(_ context: EmitContext, types: ArraySlice<TypeModel>) -> String {
        SwiftWriter.write { writer in
            writer.separated(types) { type in
                switch type.kind {
                case .enumeration(_, let keepUnknown):
                    if keepUnknown {
                        openEnumeration(writer, type, context)
                    } else {
                        enumeration(writer, type, context)
                    }
                case .object: object(writer, type, context)
                case .oneOf(let variants, _): oneOf(writer, type, variants, context)
                case .anyOf(let variants): anyOf(writer, type, variants, context)
                }
            }
        }
    }

    static func openEnumeration(_ writer: SwiftWriter, _ type: TypeModel, _ context: EmitContext) {
        writer.block("extension \(type.swiftName): Codable {") {
            writer.block("\(context.access.keyword)init(from decoder: any Decoder) throws {") {
                writer.line(
                    type.enumRawType.isNumeric
                        ? "self = try decoder.decodeOpenNumericEnum(Self.self)"
                        : "self.init(rawValue: try decoder.singleValueContainer().decode(String.self))")
            }
            writer.blank()
            writer.block("\(context.access.keyword)func encode(to encoder: any Encoder) throws {") {
                writer.line("var container = encoder.singleValueContainer()")
                writer.line("try container.encode(rawValue)")
            }
        }
    }

    /// Chooses the alternative first (``OneOfDecision``), then decodes it from the same decoder.
    static func oneOf(_ writer: SwiftWriter, _ type: TypeModel, _ variants: [OneOfVariant], _ context: EmitContext) {
        writer.block("extension \(type.swiftName): Codable {") {
            writer.block("\(context.access.keyword)init(from decoder: any Decoder) throws {") {
                writer.switchBlock("try OneOfDecision.choose(Self.oneOfCandidates, decoder: decoder)") {
                    for (index, variant) in variants.enumerated() {
                        let label = index == variants.count - 1 ? "default" : "case \(index)"
                        writer.line(
                            "\(label): self = .\(Naming.escaped(Naming.variantCase(variant)))(try \(Naming.type(variant.type))(from: decoder))"
                        )
                    }
                }
            }
            writer.blank()
            writer.block("\(context.access.keyword)func encode(to encoder: any Encoder) throws {") {
                writer.switchBlock("self") {
                    for variant in variants {
                        writer.line(
                            "case .\(Naming.escaped(Naming.variantCase(variant)))(let value): try value.encode(to: encoder)"
                        )
                    }
                }
            }
        }
    }

    static func enumeration(_ writer: SwiftWriter, _ type: TypeModel, _ context: EmitContext) {
        writer.block("extension \(type.swiftName): Codable {") {
            writer.block("\(context.access.keyword)init(from decoder: any Decoder) throws {") {
                writer.line(
                    type.enumRawType.isNumeric
                        ? "self = try decoder.decodeNumericEnum(Self.self)" : "self = try decoder.decodeStringEnum(Self.self)")
            }
        }
    }

    static func object(_ writer: SwiftWriter, _ type: TypeModel, _ context: EmitContext) {
        let fields = type.fields
        let rest = type.declaration.additionalProperties
        writer.block("extension \(type.swiftName): Codable {") {
            writer.block("\(context.access.keyword)init(from decoder: any Decoder) throws {") {
                if fields.isEmpty && rest == nil {
                    writer.line("try decoder.requireObject()")
                } else {
                    writer.line("let container = try decoder.container(keyedBy: AnyCodingKey.self)")
                    for field in fields { decode(writer, field, context) }
                    if let rest {
                        writer.call(
                            "container.decodeRest",
                            [
                                "\(context.memberCoding(rest) ?? context.swiftType(rest)).self",
                                "declared: Self.declaredMembers",
                            ],
                            lead: "self.additionalProperties = try ")
                    }
                }
            }
            writer.blank()
            writer.block("\(context.access.keyword)func encode(to encoder: any Encoder) throws {") {
                if fields.isEmpty && rest == nil {
                    writer.line("_ = encoder.container(keyedBy: AnyCodingKey.self)")
                } else {
                    writer.line("var container = encoder.container(keyedBy: AnyCodingKey.self)")
                    for field in fields { encode(writer, field, context) }
                    if let rest {
                        writer.call(
                            "try container.encodeRest",
                            ["self.additionalProperties"]
                                + (context.memberCoding(rest).map { ["as: \($0).self"] } ?? [])
                                + ["declared: Self.declaredMembers"])
                    }
                }
            }
        }
    }

    /// How a field's value travels: through Codable as is, as an RFC 3339 / lower-case UUID / base64 /
    /// absolute URI string, as unix-time seconds, or as a decimal number that is not NaN.
    enum Wire { case plain, dateTime, uuid, bytes, uri, unixTime, decimal }

    static func wire(_ type: TypeRef) -> Wire {
        switch type {
        case .dateTime: .dateTime
        case .uuid: .uuid
        case .bytes: .bytes
        case .uri: .uri
        case .unixTime: .unixTime
        case .decimal: .decimal
        default: .plain
        }
    }

    static func suffix(_ type: TypeRef) -> String {
        switch wire(type) {
        case .plain: ""
        case .dateTime: "DateTime"
        case .uuid: "UUID"
        case .bytes: "Bytes"
        case .uri: "URI"
        case .unixTime: "UnixTime"
        case .decimal: "Decimal"
        }
    }

    /// The statement that decodes one field.
    static func decode(_ writer: SwiftWriter, _ model: FieldModel, _ context: EmitContext) {
        let field = model.field
        let key = "forKey: " + model.wireLiteral
        if let constant = field.constant {
            writer.call("container.decodeConstant", [context.literal(constant, as: field.type), key], lead: "_ = try ")
            return
        }
        let suffix = suffix(field.type)
        let type = context.coding(field.type) ?? context.swiftType(field.type)
        let arguments = (suffix.isEmpty ? ["\(type).self"] : []) + [key]
        let method = context.coderMethod("decode", field, wire: suffix)
        let fallback = context.defaultFallback(field)
        let (lead, trail) = model.assignment
        writer.call("container.\(method)", arguments, lead: lead, trail: fallback + trail)
    }

    /// The statement that encodes one field.
    static func encode(_ writer: SwiftWriter, _ model: FieldModel, _ context: EmitContext) {
        let field = model.field
        let suffix = field.constant == nil ? suffix(field.type) : ""
        let method = context.coderMethod("encode", field, wire: suffix)
        let coding = context.coding(field.type).map { ["as: \($0).self"] } ?? []
        writer.call(
            "try container.\(method)",
            ["self.\(model.storage)"] + coding + ["forKey: \(model.wireLiteral)"])
    }
}

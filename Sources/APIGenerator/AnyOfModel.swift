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
    /// An object alternative's string constants (wire name, value), which rule it out before decoding.
    let stringConstants: [(key: String, value: String)]

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
        stringConstants = AnyOfRecursion.stringConstants(context.declaration(variant.type))
    }

    static func all(_ variants: [AnyOfVariant], _ context: EmitContext) -> [AnyOfVariantModel] {
        variants.map { AnyOfVariantModel($0, context) }
    }
}

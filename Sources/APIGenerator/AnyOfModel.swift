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
    /// Whether its values are JSON objects (object and oneOf types, and maps), which an anyOf merges.
    let isObject: Bool
    /// Whether it is an array (`[string]`), a wire value that is neither an object nor a single value.
    let isArray: Bool
    /// Whether it is a map (`{string}`), which merges as an object and writes its entries in key order.
    let isMap: Bool
    /// Whether it is one value on the wire (a primitive or an enum), which a form reads before the
    /// containers (see `AnyOfTextTreeAttempt`).
    var isSingleValue: Bool { !isObject && !isArray }
    /// Whether its values validate themselves.
    let isValidatable: Bool
    /// An object alternative's string constants (wire name, value), which rule it out before decoding.
    let stringConstants: [(key: String, value: String)]
    /// A converted scalar's runtime coding (`DateTimeCoding`), which keeps its wire form; nil otherwise.
    let coding: String?
    /// The type the attempts decode: the coding's `Coded<…>` for a converted scalar, else the Swift type.
    var decodedType: String { coding.map { "Coded<\($0)>" } ?? swiftType }
    /// `.value` after a decoded `Coded<…>`, to reach the Swift value.
    var decodedValue: String { coding == nil ? "" : "?.value" }

    init(_ variant: AnyOfVariant, _ context: EmitContext) {
        self.variant = variant
        property = Naming.escaped(Naming.variantProperty(variant))
        swiftType = context.swiftType(variant.type)
        nameLiteral = SwiftSource.stringLiteral(variant.type.description)
        switch variant.type {
        case .array:
            (isObject, isArray, isMap) = (false, true, false)
        case .map:
            (isObject, isArray, isMap) = (true, false, true)
        default:
            switch context.declaration(variant.type)?.kind {
            case .object?, .oneOf?: isObject = true
            default: isObject = false
            }
            (isArray, isMap) = (false, false)
        }
        isValidatable = context.isValidatable(variant.type)
        stringConstants = AnyOfRecursion.stringConstants(context.declaration(variant.type))
        coding = context.scalarCoding(variant.type)
    }

    /// The check of a primitive alternative's own constraints on `value`, at the anyOf's path, with
    /// `validator`; nil when it has none.
    func constraintCheck(validator: String, value: String) -> String? {
        ConstraintSource.checkHere(variant.constraints, type: variant.type, validator: validator, value: value)
    }

    /// The closure an attempt runs on a decoded primitive, which must hold its constraints to match.
    var checksArgument: Expr? {
        constraintCheck(validator: "$0", value: "$1").map { .labeled("checks", .atom("{ \($0) }")) }
    }

    /// The expression that writes a set alternative `value` (a converted scalar through its coding).
    func encodeValue(_ value: String, into encoder: String) -> String {
        coding.map { "try Coded<\($0)>(\(value)).encode(to: \(encoder))" } ?? "try \(value).encode(to: \(encoder))"
    }

    /// The text tree of a set alternative `value` (a converted scalar through its coding).
    func textTree(_ value: String) -> String {
        coding.map { "\($0).textTree(\(value))" } ?? "\(value).textTree()"
    }

    /// Whether it is an array or map whose elements validate themselves (`[Card]`), which validation walks
    /// in place (`validator.eachHere`).
    var validatesElements: Bool { (isArray || isMap) && isValidatable }

    /// The value of `validator.anyOf(shaped:)`'s shape for it.
    var shapeCase: String { isArray ? ".array" : isObject ? ".object" : ".value" }

    /// The statement that writes this alternative, when set, into `encoder` (a map in key order).
    func encodeStatement(into encoder: String) -> String {
        isMap
            ? "if let value = self.\(property) { try AnyOfEncoding.encodeMembers(value, to: \(encoder)) }"
            : "try self.\(property)?.encode(to: \(encoder))"
    }

    static func all(_ variants: [AnyOfVariant], _ context: EmitContext) -> [AnyOfVariantModel] {
        variants.map { AnyOfVariantModel($0, context) }
    }
}

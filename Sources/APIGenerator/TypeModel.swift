import APIDefinition

/// What the models and coders emitters know about one declared type, computed once from the checked
/// definition: its Swift name and, for an object, each field's Swift spellings. The Swift type of a
/// type reference comes from one function, ``EmitContext/swiftType(_:)``.
struct TypeModel {
    /// The type as the definition declares it.
    let declaration: TypeDeclaration
    /// Its Swift name (`PasswordLoginRequest`).
    let swiftName: String
    /// An object's fields, in order; empty for enums and oneOfs.
    let fields: [FieldModel]

    init(_ declaration: TypeDeclaration, _ context: EmitContext) {
        self.declaration = declaration
        swiftName = Naming.type(declaration.name)
        fields = declaration.fields.map { FieldModel($0, of: declaration.name, context) }
    }

    /// The name the definition gives it.
    var name: String { declaration.name }
    /// Its doc text.
    var doc: String? { declaration.doc }
    /// Object, enumeration or oneOf.
    var kind: TypeDeclaration.Kind { declaration.kind }
    /// An enum's raw type (`String` for objects and oneOfs, which have none).
    var enumRawType: EnumRawType {
        if case .enumeration(let values, _) = kind { return EnumRawType(values) }
        return .string
    }
}

/// One field of an object type with its Swift spellings.
struct FieldModel {
    let field: Field
    /// The property's name (`userID`).
    let property: String
    /// The name generated code reads and writes it by (``Deprecation/storage(_:)-(Field)``).
    let storage: String
    /// The property's Swift type, `?` included when the field may be absent or null.
    let propertyType: String
    /// The wire name as a string literal.
    let wireLiteral: String
    /// Whether it is stored out of line, because it makes its type contain itself.
    let isIndirect: Bool

    init(_ field: Field, of typeName: String, _ context: EmitContext) {
        self.field = field
        property = Naming.property(field)
        storage = Deprecation.storage(field)
        propertyType = context.propertyType(field)
        wireLiteral = SwiftSource.stringLiteral(field.name)
        isIndirect = context.recursion.isIndirect(typeName, field.name)
    }

    /// How a decoding initializer stores it: (text before the `try` expression, text after it). A field
    /// stored indirectly is assigned through its `Indirect` storage.
    var assignment: (lead: String, trail: String) {
        isIndirect ? ("self._\(property) = Indirect(try ", ")") : ("self.\(storage) = try ", "")
    }
}

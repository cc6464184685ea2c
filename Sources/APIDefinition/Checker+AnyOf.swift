/// The rules of an `anyOf` type: at least two variants, each a declared object, enum or oneOf type or a
/// primitive that travels in JSON as it is (or an array or map of those), each listed once with its own
/// Swift property name; and the type does not travel in a deepObject parameter.
extension DefinitionChecker.Run {
    /// The primitives an anyOf variant may be: those a body may be, but `json` (it would match every payload).
    static let anyOfPrimitives = TypeRef.bodyPrimitiveNames.filter { $0 != "json" }

    mutating func checkAnyOf(_ variants: [AnyOfVariant], at path: String) {
        if variants.count < 2 { report("\(path).variants", "an anyOf needs at least two variants") }
        checkUnique(variants.map(\.type.description), at: { "\(path).variants[\($0)]" }, what: "anyOf variant")
        checkUnique(
            variants.map(Naming.variantProperty), at: { "\(path).variants[\($0)]" }, what: "Swift property name",
            original: variants.map(\.type.description))
        for (index, variant) in variants.enumerated() {
            let variantPath = "\(path).variants[\(index)]"
            if let swiftName = variant.swiftName, Naming.keywords.contains(swiftName) {
                report("\(variantPath).swiftName", "'\(swiftName)' is not a usable Swift property name")
            } else {
                checkMemberName(
                    variant.swiftName, wireName: variant.type.description, swiftName: Naming.variantProperty(variant),
                    at: variantPath, namePath: variantPath, what: "property", members: ReservedNames.anyOfMembers)
            }
            switch variant.type {
            case .named(let name):
                guard let declaration = definition.type(named: name) else {
                    checkTypeRef(variant.type, at: variantPath)
                    continue
                }
                if case .anyOf = declaration.kind {
                    report(
                        variantPath,
                        "an anyOf variant cannot be another anyOf ('\(name)'); list its variants in this one")
                }
            case let type where type.isBodyPrimitive && type != .json:
                break
            case let type where type.isConvertedScalar || type == .date:
                break
            case .array(let element), .map(let element):
                checkAnyOfContainerVariant(element, variant.type, at: variantPath)
            default:
                report(
                    variantPath,
                    "an anyOf variant must be a declared object, enum or oneOf type, one of \(Self.anyOfPrimitives.joined(separator: ", ")), a converted scalar (\(Self.anyOfScalars.joined(separator: ", "))), or an array or map of a declared type or a primitive; '\(DefinitionChecker.shown(variant.type.description))' is not"
                )
            }
            // A primitive variant's own constraints, checked as a field's are against its type.
            checkConstraints(variant.constraints, type: variant.type, at: variantPath)
        }
    }

    /// The converted scalars an anyOf variant may be (each with its own Swift type and wire form).
    static let anyOfScalars = ["date-time", "uuid", "date", "bytes", "decimal", "uri", "unix-time"]

    /// Decoding tries every variant of an anyOf on the same payload: when two variants lead back to the
    /// anyOf, each level would decode what is below it twice, which is exponential in the depth.
    mutating func checkAnyOfRecursion(_ type: TypeDeclaration, at path: String) {
        guard let onCycle = recursion.anyOfVariantsOnCycles[type.name], onCycle.count > 1,
            let (first, second) = AnyOfRecursion.exponential(recursion, declaration: definition.type(named:))[type.name]
        else { return }
        report(
            "\(path).variants",
            "'\(type.name)' is any of '\(first)' and '\(second)', which both contain '\(type.name)' again and which one payload can be at once: decoding would try both at every level, which takes exponential time; let one of them not lead back to '\(type.name)', or give both a string constant field of one name with different values (\"object\": \"card\")"
        )
    }

    /// An array or map variant (`[string]`, `{Card}`): of a declared object, enum or oneOf type or of a
    /// primitive an anyOf variant may be.
    private mutating func checkAnyOfContainerVariant(_ element: TypeRef, _ type: TypeRef, at path: String) {
        switch element {
        case .named(let name):
            guard let declaration = definition.type(named: name) else {
                checkTypeRef(type, at: path)
                return
            }
            if case .anyOf = declaration.kind {
                report(path, "an anyOf variant cannot be an array or map of an anyOf ('\(type)')")
            }
        case let element where element.isBodyPrimitive && element != .json:
            break
        default:
            report(
                path,
                "an array or map anyOf variant holds a declared object, enum or oneOf type or one of \(Self.anyOfPrimitives.joined(separator: ", ")); '\(DefinitionChecker.shown(type.description))' does not"
            )
        }
    }

    /// An anyOf travels as JSON, XML, a form or multipart: a deepObject parameter (flat fields only) is refused,
    /// at the anyOf type.
    mutating func checkAnyOfNotInDeepObjects() {
        let indices = definition.types.indices.filter {
            if case .anyOf = definition.types[$0].kind { return true }
            return false
        }
        guard !indices.isEmpty else { return }
        let carried = deepObjectTypeNames()
        // A parameter's own anyOf is fine (its alternatives are checked with the parameter); one inside
        // what a deepObject carries is not.
        var own = Set<String>()
        for operation in definition.operations {
            for parameter in operation.parameters where parameter.effectiveStyle == .deepObject {
                if case .named(let name) = parameter.type { own.insert(name) }
            }
        }
        for index in indices where carried.contains(definition.types[index].name) && !own.contains(definition.types[index].name) {
            report(
                "types[\(index)]",
                "'\(definition.types[index].name)' is an anyOf, which a deepObject parameter cannot carry (its fields are primitives and enums)"
            )
        }
    }

    /// The names of the types a deepObject parameter carries, and of every type they contain: where an
    /// anyOf cannot be.
    private func deepObjectTypeNames() -> Set<String> {
        var roots: [TypeRef] = []
        for operation in definition.operations {
            for parameter in operation.parameters where parameter.effectiveStyle == .deepObject {
                roots.append(parameter.type)
            }
        }
        return TypeDeclaration.namesReachable(from: roots) { definition.type(named: $0) }
    }
}

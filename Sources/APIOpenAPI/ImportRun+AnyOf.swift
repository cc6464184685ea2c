import APIDefinition
import Foundation

/// `anyOf` types: every alternative the payload is valid as is kept (`TypeDeclaration.Kind.anyOf`).
extension ImportRun {
    /// The anyOf type of `schema`: one variant per alternative that is an object, oneOf or enum type, a
    /// primitive (with its constraints) or a converted scalar (`date-time`, `unix-time`, …), or an array
    /// or map of a type or a primitive, each once, with Swift names from `x-apigen-swift-names` or made
    /// distinct.
    func anyOfDeclaration(_ schema: OrderedJSON, at pointer: String, name: String, doc: String?) -> TypeDeclaration {
        let anyOfPointer = child(pointer, "anyOf")
        let swiftNames = schema["x-apigen-swift-names"]
        var variants: [AnyOfVariant] = []
        var variantPointers: [String] = []
        for (index, alternative) in (schema["anyOf"]?.arrayValue ?? []).enumerated() where !isNullSchema(alternative) {
            let alternativePointer = child(anyOfPointer, index)
            let shape = self.shape(
                alternative, at: alternativePointer, name: name + "Variant\(index + 1)", allowsConst: false)
            var type: TypeRef
            switch shape.type {
            case .array(let element): type = .array(plainVariant(element, at: alternativePointer))
            case .map(let element): type = .map(plainVariant(element, at: alternativePointer))
            // A converted scalar on its own keeps its format (`Date`, `UUID`, …).
            default: type = shape.type
            }
            let allowed: Bool
            switch type {
            case .array(let element), .map(let element): allowed = isVariantElement(element)
            default: allowed = isVariantElement(type)
            }
            guard allowed else {
                warn(
                    alternativePointer,
                    "this alternative cannot be in an anyOf (it is '\(type)', not an object, enum, oneOf or primitive, or an array or map of one); dropped"
                )
                continue
            }
            // A primitive's own constraints are kept (the alternative matches only a value that holds
            // them); an array's or map's are not expressible.
            var constraints = Constraints()
            if type.isBodyPrimitive {
                let own = shape.constraints
                constraints = Constraints(
                    minLength: own.minLength, maxLength: own.maxLength, pattern: own.pattern, minimum: own.minimum,
                    maximum: own.maximum)
            } else if type.isContainer, !shape.constraints.isEmpty {
                warn(
                    alternativePointer,
                    "constraints on an array or map alternative in an anyOf cannot be expressed; dropped")
            }
            if variants.contains(where: { $0.type == type }) {
                warn(alternativePointer, "'\(type)' is already an alternative in an anyOf; it is listed once")
                continue
            }
            variants.append(
                AnyOfVariant(
                    type: type, swiftName: swiftNames?[type.description]?.stringValue, constraints: constraints))
            variantPointers.append(alternativePointer)
        }
        if variants.count < 2 {
            let only = variants.first?.type
            warn(
                anyOfPointer,
                "an anyOf needs two different alternatives; it becomes \(only.map { "a copy of '\($0)'" } ?? "an empty object")"
            )
            var fields: [Field] = []
            if case .named(let typeName)? = only { fields = declaration(typeName)?.fields ?? [] }
            return TypeDeclaration(name: name, doc: doc, kind: .object(fields: fields))
        }
        var taken: Set<String> = []
        for index in variants.indices {
            let derived = Naming.variantProperty(AnyOfVariant(type: variants[index].type, swiftName: nil))
            var swift = Naming.variantProperty(variants[index])
            if variants[index].swiftName != nil, !Naming.isMemberName(swift) || Naming.keywords.contains(swift) {
                swift = derived
            }
            if ReservedNames.clash(swift, in: ReservedNames.anyOfMembers) != nil { swift += "Value" }
            if taken.contains(swift) {
                swift = Self.numbered(swift) { taken.contains($0) }
                warn(
                    variantPointers[index],
                    "the alternative '\(variants[index].type)' is the Swift property '\(swift)' in an anyOf: another alternative has the same name"
                )
            }
            variants[index].swiftName = swift == derived ? nil : swift
            taken.insert(swift)
        }
        return TypeDeclaration(name: name, doc: doc, kind: .anyOf(variants: variants))
    }

    /// An array or map variant's element without a format that needs conversion, which an anyOf does not
    /// keep there: `[date-time]` is `[string]`, with a warning.
    private func plainVariant(_ type: TypeRef, at pointer: String) -> TypeRef {
        switch type {
        case .dateTime, .uuid, .bytes, .uri, .date:
            warn(pointer, "the format of this alternative is not kept in an anyOf; typed as a string")
            return .string
        case .unixTime:
            warn(pointer, "the format of this alternative is not kept in an anyOf; typed as an integer")
            return .integer
        case .decimal:
            warn(pointer, "the format of this alternative is not kept in an anyOf; typed as a number")
            return .number
        default: return type
        }
    }

    /// Whether an anyOf variant (or an array or map variant's element) may be `type`: a declared type that
    /// is not an anyOf, or a primitive other than `json`.
    private func isVariantElement(_ type: TypeRef) -> Bool {
        switch type {
        case .named(let typeName):
            if case .anyOf? = declaration(typeName)?.kind { return false }
            return true
        default: return (type.isBodyPrimitive && type != .json) || type.isConvertedScalar || type == .date
        }
    }
}

extension ImportRun {
    /// An anyOf with two alternatives that both contain it again, and that no string constant tells
    /// apart, would decode exponentially (the checker refuses it, see ``AnyOfRecursion``): it becomes an object with every object alternative's fields, all optional, with a
    /// warning.
    func mergeAnyOfsThatRecurseTwice() {
        let names = declared.order.sorted { ($0.rank, $0.sequence) < ($1.rank, $1.sequence) }.map(\.name)
        let recursion = Recursion(types: names.compactMap { declared.declarations[$0] })
        let exponential = AnyOfRecursion.exponential(recursion) { declared.declarations[$0] }
        for name in names {
            guard let (first, second) = exponential[name],
                case .anyOf(let variants)? = declared.declarations[name]?.kind
            else { continue }
            var fields: [Field] = []
            for variant in variants {
                guard case .named(let typeName) = variant.type,
                    case .object(let variantFields)? = declared.declarations[typeName]?.kind
                else { continue }
                for var field in variantFields where !fields.contains(where: { $0.name == field.name }) {
                    field.required = false
                    field.constant = nil
                    fields.append(field)
                }
            }
            declared.declarations[name]?.kind = .object(fields: fields)
            let pointer = declared.namesByPointer.filter { $0.value == name }.keys.min() ?? "#"
            warn(
                child(pointer, "anyOf"),
                "an anyOf whose alternatives '\(first)' and '\(second)' both contain it again, with no string constant that tells them apart, would decode in exponential time; it becomes an object with every alternative's fields, all optional"
            )
        }
    }
}

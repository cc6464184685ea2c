import APIDefinition
import Foundation

/// Declared types, and the fields of object types (`properties`, `allOf` parts).
extension ImportRun {
    /// Declares the type for a schema once (by its pointer) and returns its name.
    func declare(_ schema: OrderedJSON, at pointer: String, form: Form, name: String) -> String {
        if declared.pointers.contains(pointer), let existing = declared.namesByPointer[pointer] { return existing }
        declared.pointers.insert(pointer)
        let typeName: String
        if let assigned = declared.namesByPointer[pointer] {
            typeName = assigned
        } else {
            typeName = newTypeName(name).name
            declared.namesByPointer[pointer] = typeName
        }
        declared.order.append((declared.rank, declared.order.count, typeName))
        var doc = documentation(schema)
        if schema["deprecated"]?.boolValue == true { doc = Self.paragraphs(doc, "Deprecated.") }
        switch form {
        case .object, .other:
            let members = objectFields(schema, at: pointer, typeName: typeName)
            var fields = members.fields
            for name in members.required {
                if let index = fields.firstIndex(where: { $0.name == name }) {
                    fields[index].required = true
                } else if schema["additionalProperties"] == nil || schema["additionalProperties"]?.boolValue == false {
                    warn(child(pointer, "required"), "'\(name)' is required but is not a property; ignored")
                }
            }
            finishFields(&fields, typeName: typeName, origins: members.origins)
            declared.fieldOrigins[typeName] = members.origins
            declared.declarations[typeName] = TypeDeclaration(
                name: typeName, doc: doc, kind: .object(fields: fields), additionalProperties: members.additional)
            if schema["discriminator"] != nil, schema["anyOf"] == nil {
                warn(
                    child(pointer, "discriminator"),
                    "a discriminator without oneOf, on a schema no other schema extends (allOf), tells nothing apart; ignored")
            }
        case .enumeration:
            declared.declarations[typeName] = enumDeclaration(schema, at: pointer, name: typeName, doc: doc)
        case .oneOf:
            declared.declarations[typeName] = oneOfDeclaration(schema, at: pointer, name: typeName, doc: doc)
        case .anyOf:
            declared.declarations[typeName] = anyOfDeclaration(schema, at: pointer, name: typeName, doc: doc)
        }
        return typeName
    }

    /// Fields merged from an object schema and its parts, the names its `required` lists, and where
    /// each field was declared.
    struct Members {
        var fields: [Field] = []
        var required: [String] = []
        var origins: [String: String] = [:]
        /// The type of the members beside the fields (`additionalProperties`), if kept.
        var additional: TypeRef?
    }

    /// The fields of an object schema: its `allOf` parts, `anyOf` alternatives (optional) and own
    /// properties, merged by name; and every name its `required` lists.
    func objectFields(_ schema: OrderedJSON, at pointer: String, typeName: String) -> Members {
        var result = Members()
        result.required = (schema["required"]?.arrayValue ?? []).compactMap(\.stringValue)
        func merge(_ field: Field, from origin: String) {
            guard let index = result.fields.firstIndex(where: { $0.name == field.name }) else {
                result.fields.append(field)
                result.origins[field.name] = origin
                return
            }
            var first = result.fields[index]
            var second = field
            first.required = first.required || second.required
            second.required = first.required
            second.doc = first.doc
            if first != second {
                warn(
                    origin,
                    "'\(field.name)' is declared differently at \(result.origins[field.name] ?? pointer); the first declaration is kept"
                )
            }
            result.fields[index].required = first.required
        }
        for (index, part) in (schema["allOf"]?.arrayValue ?? []).enumerated() {
            let partPointer = child(child(pointer, "allOf"), index)
            let members = partFields(part, at: partPointer, typeName: typeName)
            for field in members.fields { merge(field, from: members.origins[field.name] ?? partPointer) }
            result.required += members.required
        }
        for key in ["anyOf", "oneOf"] {
            guard let alternatives = schema[key]?.arrayValue else { continue }
            let real = alternatives.enumerated().filter { !isNullSchema($0.element) }
            guard key == "anyOf", real.count > 1, real.allSatisfy({ isObjectLike($0.element) }) else {
                if !real.isEmpty {
                    warn(child(pointer, key), "\(key) next to the object's own properties is ignored")
                }
                continue
            }
            warn(
                child(pointer, key),
                "anyOf next to the object's own properties becomes every alternative's fields, all optional")
            for (index, alternative) in real {
                let alternativePointer = child(child(pointer, key), index)
                let members = partFields(alternative, at: alternativePointer, typeName: typeName)
                for var field in members.fields {
                    field.required = false
                    field.constant = nil
                    merge(field, from: members.origins[field.name] ?? alternativePointer)
                }
            }
        }
        let propertiesPointer = child(pointer, "properties")
        for property in schema["properties"]?.members ?? [] {
            let propertyPointer = child(propertiesPointer, property.key)
            guard !property.key.isEmpty else {
                warn(propertyPointer, "a property without a name cannot be expressed; dropped")
                continue
            }
            let isRequired = result.required.contains(property.key)
            let shape = self.shape(
                property.value, at: propertyPointer, name: typeName + Naming.upperCamel(property.key),
                allowsConst: isRequired)
            merge(makeField(property.key, shape, required: isRequired, at: propertyPointer), from: propertyPointer)
        }
        if let additional = schema["additionalProperties"], additional.boolValue != false, !result.fields.isEmpty,
            additional.members?.isEmpty != true || additional.boolValue == true
        {
            // Fields plus a typed map of the rest; `true` is a map of any JSON.
            let additionalPointer = child(pointer, "additionalProperties")
            let type =
                additional.boolValue == true
                ? TypeRef.json
                : shape(additional, at: additionalPointer, name: typeName + "Value", allowsConst: false).type
            if type.element == .file {
                warn(
                    additionalPointer,
                    "additional properties next to declared ones cannot be files (a file is a multipart part, not a member's value); only the declared fields are kept"
                )
            } else {
                result.additional = type
            }
        }
        return result
    }

    /// The fields an `allOf` part or `anyOf` alternative contributes.
    func partFields(_ part: OrderedJSON, at pointer: String, typeName: String) -> Members {
        if let ref = part["$ref"]?.stringValue {
            if let key = componentKey(ref), let name = components.typeNames[key] {
                ensure(key)
                if case .object(let fields)? = declared.declarations[name]?.kind {
                    return Members(fields: fields, required: [], origins: declared.fieldOrigins[name] ?? [:])
                }
                if components.busy.contains(key) {
                    warn(pointer, "'\(key)' includes itself; its fields cannot be merged here")
                } else {
                    warn(pointer, "'\(key)' is not an object; its fields cannot be merged")
                }
                return Members()
            }
            guard ref.hasPrefix("#") else {
                warn(pointer, "the external reference '\(ref)' is not followed; its fields are missing")
                return Members()
            }
            guard let target = resolveLocal(ref) else {
                fail(pointer, "the reference '\(ref)' does not resolve")
                return Members()
            }
            guard !declared.expanding.contains(target.pointer) else {
                warn(pointer, "'\(ref)' includes itself; its fields cannot be merged here")
                return Members()
            }
            declared.expanding.insert(target.pointer)
            defer { declared.expanding.remove(target.pointer) }
            return partFields(target.value, at: target.pointer, typeName: typeName)
        }
        if part.members == nil || isAnnotationOnly(part) { return Members() }
        scanKeywords(part, at: pointer)
        if form(of: part, component: false) == .object || part["properties"] != nil || part["required"] != nil {
            return objectFields(part, at: pointer, typeName: typeName)
        }
        if let wrapped = wrappedPart(part) {
            return partFields(wrapped.value, at: pointer + "/" + wrapped.pointer, typeName: typeName)
        }
        warn(pointer, "this part is not an object; its constraints cannot be merged and are ignored")
        return Members()
    }

    /// A field from a property's shape: const and default kept only where the format allows them.
    func makeField(_ name: String, _ shape: Shape, required: Bool, at pointer: String) -> Field {
        let doc = shape.doc
        let secret = ["password", "secret", "token"].contains { name.lowercased().contains($0) }
        var field = Field(
            name: name, swiftName: shape.swiftName, doc: doc, type: shape.type, required: required,
            // Any JSON value already includes null.
            nullable: shape.nullable && shape.type != .json, sensitive: shape.sensitive || (shape.writeOnly && secret),
            constraints: shape.constraints)
        field.deprecated = shape.deprecated
        if let constant = shape.constant {
            if !required || shape.nullable {
                warn(pointer, "const \(constant) on an optional or nullable field cannot be expressed; dropped")
            } else if !constantApplies(shape.type) || !fits(constant, shape.type, shape.constraints) {
                warn(pointer, "const \(constant) does not fit the type '\(shape.type)'; dropped")
            } else {
                field.constant = constant
            }
        }
        if let value = shape.defaultValue ?? (required || field.constant != nil ? nil : shape.inheritedDefault) {
            if field.constant != nil {
                warn(pointer, "a field with const takes no default; the default is dropped")
            } else if !fits(value, shape.type, shape.constraints) {
                warn(pointer, "the default \(value) does not fit the type '\(shape.type)'; dropped")
            } else {
                field.defaultValue = value
            }
        }
        if shape.readOnly, shape.writeOnly {
            warn(
                child(pointer, "readOnly"),
                "readOnly and writeOnly together cannot be expressed; the field is part of requests and responses")
        } else if shape.readOnly || shape.writeOnly {
            let key = shape.readOnly ? "readOnly" : "writeOnly"
            if field.constant != nil {
                warn(child(pointer, key), "\(key) on a field with const cannot be expressed; dropped")
            } else {
                if required, field.defaultValue != nil {
                    warn(child(pointer, key), "a required \(key) field takes no default; the default is dropped")
                    field.defaultValue = nil
                }
                field.readOnly = shape.readOnly
                field.writeOnly = shape.writeOnly
            }
        }
        return field
    }

    func constantApplies(_ type: TypeRef) -> Bool {
        switch type {
        case .string, .integer, .int32, .int64, .number, .boolean: return true
        case .named(let name):
            if case .enumeration? = declaration(name)?.kind { return true }
            return false
        default: return false
        }
    }

    /// Drops defaults of required fields and gives colliding Swift property names a `swiftName`.
    func finishFields(_ fields: inout [Field], typeName: String, origins: [String: String]) {
        for index in fields.indices where fields[index].required && fields[index].defaultValue != nil {
            fields[index].defaultValue = nil
            warn(
                origins[fields[index].name] ?? "#",
                "a required field's default is never used; dropped (the field '\(fields[index].name)' of '\(typeName)')"
            )
        }
        let sensitive = fields.contains { $0.sensitive || $0.deprecated != nil }
        var taken: Set<String> = []
        for index in fields.indices {
            let field = fields[index]
            var swift = Naming.property(field)
            var reason: String?
            if !Naming.isIdentifier(swift) || swift.allSatisfy({ $0 == "_" }) {
                swift = field.swiftName.map(Naming.lowerCamel) ?? "field"
                if !Naming.isIdentifier(swift) || swift.allSatisfy({ $0 == "_" }) { swift = "field" }
                reason = "'\(field.name)' gives no usable Swift name"
            }
            if sensitive, Self.redactionMembers.contains(swift) {
                swift += "Value"
                reason = "it clashes with the redaction code generated for sensitive fields"
            }
            if let owner = ReservedNames.clash(swift, in: ReservedNames.structMembers) {
                swift += "Value"
                reason = "it clashes with \(owner)"
            }
            if taken.contains(swift) {
                swift = Self.numbered(swift) { taken.contains($0) }
                reason = "another field of '\(typeName)' has the same Swift name"
            }
            taken.insert(swift)
            if let reason {
                fields[index].swiftName = swift
                warn(origins[field.name] ?? "#", "the field '\(field.name)' is '\(swift)' in Swift: \(reason)")
            }
        }
    }

    /// A deepObject parameter carries flat `name[member]=value` items: the members beside the fields of
    /// its type must be a primitive or an enum (the checker refuses others). A map of the rest of any other
    /// type is dropped there, with a warning; JSON, XML, forms and multipart carry any.
    func keepDeepObjectMembersFlat(_ operations: [Operation]) {
        guard declared.declarations.values.contains(where: { $0.additionalProperties != nil }) else { return }
        var names = Set<String>()
        for operation in operations {
            for parameter in operation.parameters where parameter.effectiveStyle == .deepObject {
                if case .named(let name) = parameter.type { names.insert(name) }
            }
        }
        for name in names.sorted() {
            guard let rest = declared.declarations[name]?.additionalProperties else { continue }
            var flat = !(rest.isContainer || rest == .json || rest == .unixTime)
            if case .named(let member) = rest {
                if case .enumeration? = declared.declarations[member]?.kind {} else { flat = false }
            }
            if flat { continue }
            declared.declarations[name]?.additionalProperties = nil
            let pointer = declared.namesByPointer.filter { $0.value == name }.keys.min() ?? "#"
            warn(
                child(pointer, "additionalProperties"),
                "additional properties next to declared ones that are '\(rest)' cannot travel in a deepObject parameter (flat name[member]=value items), and '\(name)' does; only the declared fields are kept"
            )
        }
    }
}

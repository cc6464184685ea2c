import APIDefinition
import Foundation

/// Schemas where they are used → shapes: a type with its field-level details (constants, enums,
/// arrays, maps).
extension ImportRun {
    /// What a schema says about a value where it is used: its type and the field-level details.
    struct Shape {
        var type: TypeRef = .json
        var nullable = false
        var constraints = Constraints()
        var constant: JSONValue?
        var defaultValue: JSONValue?
        /// The default of a referenced component, which applies where the value is optional.
        var inheritedDefault: JSONValue?
        var doc: String?
        var sensitive = false
        /// The deprecation message (empty: none) when the schema is `deprecated`.
        var deprecated: String?
        /// `readOnly` / `writeOnly`: kept on fields (`Field.readOnly`, `Field.writeOnly`), without meaning elsewhere.
        var readOnly = false
        var writeOnly = false
        var swiftName: String?
    }

    /// Converts every component schema once; `allOf` merging converts the parts it needs first.
    func ensure(_ key: String) {
        guard !components.done.contains(key), !components.busy.contains(key), let schema = components.schemas[key]
        else {
            return
        }
        components.busy.insert(key)
        let savedRank = declared.rank
        declared.rank = components.ranks[key] ?? declared.rank
        let pointer = componentPointer(key)
        declared.expanding.insert(pointer)
        let name = components.typeNames[key] ?? components.baseNames[key] ?? key
        _ = shape(schema, at: pointer, name: name, allowsConst: components.typeNames[key] == nil)
        declared.expanding.remove(pointer)
        declared.rank = savedRank
        components.busy.remove(key)
        components.done.insert(key)
    }

    /// The declaration of a type, converting its component first when needed.
    func declaration(_ name: String) -> TypeDeclaration? {
        if let known = declared.declarations[name] { return known }
        if let key = components.keyByTypeName[name] { ensure(key) }
        return declared.declarations[name]
    }

    func documentation(_ schema: OrderedJSON) -> String? {
        nonEmpty(schema["description"]?.stringValue) ?? nonEmpty(schema["title"]?.stringValue)
    }

    func scanKeywords(_ schema: OrderedJSON, at pointer: String) {
        for member in schema.members ?? [] {
            let key = member.key
            if Self.schemaKeywords.contains(key) || key.hasPrefix("x-") { continue }
            switch key {
            case "xml":
                if !xmlFromDocument {
                    warn(
                        child(pointer, key),
                        "'xml' (element names, attributes, wrapping) cannot be expressed; the service's XML dialect applies"
                    )
                }
            case "uniqueItems":
                if member.value.boolValue == true {
                    warn(child(pointer, key), "'uniqueItems' cannot be expressed; ignored")
                }
            default:
                warn(child(pointer, key), "'\(key)' cannot be expressed in a definition; ignored")
            }
        }
    }

    func shape(_ schema: OrderedJSON, at pointer: String, name: String, allowsConst: Bool) -> Shape {
        switch schema {
        case .object: break
        case .bool(true): return Shape()
        case .bool(false):
            warn(pointer, "the schema 'false' allows no value; typed as any JSON")
            return Shape()
        default:
            warn(pointer, "a schema must be an object; typed as any JSON")
            return Shape()
        }
        scanKeywords(schema, at: pointer)
        var result: Shape
        if let ref = schema["$ref"] {
            if let text = ref.stringValue {
                result = referenceShape(text, at: pointer, name: name, allowsConst: allowsConst)
            } else {
                warn(child(pointer, "$ref"), "'$ref' must be a string; typed as any JSON")
                result = Shape()
            }
        } else {
            result = typeShape(schema, at: pointer, name: name, allowsConst: allowsConst)
        }
        if let doc = documentation(schema) { result.doc = doc }
        if isNullable(schema) { result.nullable = true }
        if schema["deprecated"]?.boolValue == true { result.deprecated = deprecationMessage(schema) }
        if schema["format"]?.stringValue == "password" || schema["x-apigen-sensitive"]?.boolValue == true {
            result.sensitive = true
        }
        if let swiftName = schema["x-apigen-swift-name"]?.stringValue { result.swiftName = swiftName }
        if schema["readOnly"]?.boolValue == true { result.readOnly = true }
        if schema["writeOnly"]?.boolValue == true { result.writeOnly = true }
        applyConstraints(schema, at: pointer, to: &result)
        if let value = schema["default"] {
            if let scalar = Self.scalar(value) {
                result.defaultValue = scalar
            } else if value != .null {
                warn(
                    child(pointer, "default"),
                    "a default that is not a string, number or boolean cannot be expressed; dropped")
            }
        }
        return result
    }

    func referenceShape(_ ref: String, at pointer: String, name: String, allowsConst: Bool) -> Shape {
        if let key = componentKey(ref) {
            guard let schema = components.schemas[key] else {
                fail(pointer, "the reference '\(ref)' does not resolve")
                return Shape()
            }
            if let typeName = components.typeNames[key] {
                var shape = Shape(type: .named(typeName))
                shape.nullable = isNullable(schema)
                if let value = schema["default"] { shape.inheritedDefault = Self.scalar(value) }
                return shape
            }
            return expand(
                schema, at: componentPointer(key), name: components.baseNames[key] ?? name, allowsConst: allowsConst,
                from: pointer)
        }
        guard ref.hasPrefix("#") else {
            warn(pointer, "the external reference '\(ref)' is not followed; typed as any JSON")
            return Shape()
        }
        guard let target = resolveLocal(ref) else {
            fail(pointer, "the reference '\(ref)' does not resolve")
            return Shape()
        }
        return expand(target.value, at: target.pointer, name: name, allowsConst: allowsConst, from: pointer)
    }

    /// The shape of a schema a reference leads to, guarding against references that lead back.
    func expand(_ schema: OrderedJSON, at pointer: String, name: String, allowsConst: Bool, from: String) -> Shape {
        guard !declared.expanding.contains(pointer) else {
            warn(from, "'\(pointer)' contains itself without an object in between; typed as any JSON")
            return Shape()
        }
        declared.expanding.insert(pointer)
        defer { declared.expanding.remove(pointer) }
        var result = shape(schema, at: pointer, name: name, allowsConst: allowsConst)
        // The referenced schema's default applies where the value is optional, without a warning elsewhere.
        result.inheritedDefault = result.defaultValue ?? result.inheritedDefault
        result.defaultValue = nil
        return result
    }

    func typeShape(_ schema: OrderedJSON, at pointer: String, name: String, allowsConst: Bool) -> Shape {
        let ownKey = components.keyByPointer[pointer]
        let kind = ownKey.map(componentForm) ?? form(of: schema, component: false)
        let constOK = allowsConst && !isNullable(schema) && schema["default"] == nil
        switch kind {
        case .object, .oneOf, .anyOf:
            return Shape(type: .named(declare(schema, at: pointer, form: kind, name: name)))
        case .enumeration:
            if constOK, ownKey == nil, let values = schema["enum"]?.arrayValue?.filter({ $0 != .null }),
                values.count == 1, let value = values[0].stringValue
            {
                return Shape(type: .string, constant: .string(value))
            }
            if constOK, ownKey == nil, let values = numericEnumValues(schema), values.count == 1 {
                // One number on a required value: a constant, as before integer enums were types.
                return values[0].kind == .integer
                    ? Shape(type: integerType(schema), constant: values[0].jsonValue)
                    : Shape(type: .number, constant: values[0].jsonValue)
            }
            return Shape(type: .named(declare(schema, at: pointer, form: .enumeration, name: name)))
        case .other: break
        }
        if let part = wrappedPart(schema) {
            var inner = shape(part.value, at: pointer + "/" + part.pointer, name: name, allowsConst: constOK)
            if part.key == "allOf" {
                for annotation in schema["allOf"]?.arrayValue ?? [] where isAnnotationOnly(annotation) {
                    if let doc = documentation(annotation) { inner.doc = doc }
                    if isNullable(annotation) { inner.nullable = true }
                }
            }
            return inner
        }
        if let parts = schema["allOf"]?.arrayValue, let first = parts.first {
            warn(
                child(pointer, "allOf"),
                "allOf of schemas that are not objects cannot be merged; only the first part is used")
            return shape(first, at: child(child(pointer, "allOf"), 0), name: name, allowsConst: constOK)
        }
        for key in ["oneOf", "anyOf"] where schema[key] != nil {
            if schema[key]?.arrayValue?.contains(where: { !isNullSchema($0) }) == true {
                warn(
                    child(pointer, key),
                    key == "oneOf"
                        ? "oneOf of alternatives that are not all objects or all strings cannot be expressed; typed as any JSON"
                        : "anyOf of alternatives that are not all objects, enums, oneOfs, primitives or arrays or maps of those (an array of arrays, any JSON, another anyOf) cannot be expressed; typed as any JSON"
                )
            }
            return Shape()
        }
        if let constant = schema["const"] {
            return constantShape(constant, schema: schema, at: pointer, name: name, constOK: constOK)
        }
        if let values = schema["enum"]?.arrayValue {
            return enumShape(values, schema: schema, at: pointer, constOK: constOK)
        }
        let types = typeList(schema)
        if types.count > 1 {
            warn(
                child(pointer, "type"),
                "a value of several types (\(types.joined(separator: ", "))) is typed as any JSON")
            return Shape()
        }
        let type =
            types.first
            ?? (schema["items"] != nil
                ? "array" : schema["additionalProperties"] != nil || schema["properties"] != nil ? "object" : nil)
        switch type {
        case "string"?:
            switch schema["format"]?.stringValue {
            case "uuid": return Shape(type: .uuid)
            case "date-time": return Shape(type: .dateTime)
            // A format with length or pattern constraints stays a string, so that they are kept.
            case "date" where !hasAny(schema, Self.stringConstraintKeys): return Shape(type: .date)
            case "byte" where !hasAny(schema, Self.stringConstraintKeys): return Shape(type: .bytes)
            case "uri" where !hasAny(schema, Self.stringConstraintKeys): return Shape(type: .uri)
            case _ where isFileCandidate(schema, at: pointer):
                // A property: a file when its type travels as multipart only (`keepFilesInMultipartOnly`).
                return Shape(type: .file)
            case "binary":
                warn(child(pointer, "format"), "binary content is typed as a string of text")
                return Shape(type: .string)
            default: return Shape(type: .string)
            }
        case "integer"?: return Shape(type: integerType(schema))
        case "number"?:
            // Bounds apply to numbers only: a decimal with bounds stays a number, so that they are kept.
            if schema["format"]?.stringValue == "decimal", !hasAny(schema, Self.numberConstraintKeys) {
                return Shape(type: .decimal)
            }
            return Shape(type: .number)
        case "boolean"?: return Shape(type: .boolean)
        case "array"?: return arrayShape(schema, at: pointer, name: name)
        case "object"?: return mapShape(schema, at: pointer, name: name)
        case nil: return Shape()
        case let other?:
            warn(child(pointer, "type"), "unknown type '\(other)'; typed as any JSON")
            return Shape()
        }
    }

    func integerType(_ schema: OrderedJSON) -> TypeRef {
        let unixTime =
            (schema[OpenAPIExporter.integerTypeExtension]?.stringValue == "unix-time"
                || schema["format"]?.stringValue == "unix-time") && !hasAny(schema, Self.numberConstraintKeys)
        switch schema["format"]?.stringValue {
        case _ where unixTime: return .unixTime
        case "int32": return .int32
        case "int64":
            return schema[OpenAPIExporter.integerTypeExtension]?.stringValue == "integer" ? .integer : .int64
        default: return .integer
        }
    }

    static let stringConstraintKeys = ["minLength", "maxLength", "pattern"]
    static let numberConstraintKeys = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"]

    /// Whether the schema has one of `keys`.
    func hasAny(_ schema: OrderedJSON, _ keys: [String]) -> Bool { keys.contains { schema[$0] != nil } }

    func constantShape(_ constant: OrderedJSON, schema: OrderedJSON, at pointer: String, name: String, constOK: Bool)
        -> Shape
    {
        switch constant {
        case .string(let value):
            if constOK { return Shape(type: .string, constant: .string(value)) }
            return Shape(type: .named(declare(schema, at: pointer, form: .enumeration, name: name)))
        case .int(let value):
            let type = typeList(schema) == ["number"] ? TypeRef.number : integerType(schema)
            if constOK { return Shape(type: type, constant: .integer(value)) }
            return Shape(type: type, constraints: Constraints(minimum: Double(value), maximum: Double(value)))
        case .double(let value):
            if constOK { return Shape(type: .number, constant: .number(value)) }
            return Shape(type: .number, constraints: Constraints(minimum: value, maximum: value))
        case .bool(let value):
            if constOK { return Shape(type: .boolean, constant: .boolean(value)) }
            warn(
                child(pointer, "const"),
                "const \(value) on an optional or nullable value cannot be expressed; typed as boolean")
            return Shape(type: .boolean)
        default:
            warn(child(pointer, "const"), "a const that is not a string, number or boolean is typed as any JSON")
            return Shape()
        }
    }

    func enumShape(_ values: [OrderedJSON], schema: OrderedJSON, at pointer: String, constOK: Bool) -> Shape {
        let real = values.filter { $0 != .null }
        let enumPointer = child(pointer, "enum")
        if real.isEmpty { return Shape() }
        let isNumberType = typeList(schema) == ["number"]
        if !isNumberType, real.allSatisfy({ $0.intValue != nil }) {
            let integers = real.compactMap(\.intValue)
            let type = integerType(schema)
            if integers.count == 1, constOK { return Shape(type: type, constant: .integer(integers[0])) }
            let low = integers.min() ?? 0
            let high = integers.max() ?? 0
            warn(
                enumPointer,
                "integer enums cannot be expressed under type '\(typeList(schema).joined(separator: ", "))'; typed as \(type) from \(low) to \(high)"
            )
            return Shape(type: type, constraints: Constraints(minimum: Double(low), maximum: Double(high)))
        }
        if real.allSatisfy({ $0.doubleValue != nil }) {
            let numbers = real.compactMap(\.doubleValue)
            if numbers.count == 1, constOK, let value = Self.scalar(real[0]) {
                return Shape(type: .number, constant: value)
            }
            let low = numbers.min() ?? 0
            let high = numbers.max() ?? 0
            warn(
                enumPointer,
                "number enums cannot be expressed under type '\(typeList(schema).joined(separator: ", "))'; typed as number from \(Self.number(low)) to \(Self.number(high))")
            return Shape(type: .number, constraints: Constraints(minimum: low, maximum: high))
        }
        if real.allSatisfy({ $0.boolValue != nil }) {
            let booleans = Set(real.compactMap(\.boolValue))
            if booleans.count == 2 { return Shape(type: .boolean) }
            if constOK, let value = booleans.first { return Shape(type: .boolean, constant: .boolean(value)) }
            warn(enumPointer, "a boolean enum with one value on an optional or nullable value is typed as boolean")
            return Shape(type: .boolean)
        }
        warn(enumPointer, "an enum of values that are not all strings or all numbers is typed as any JSON")
        return Shape()
    }

    /// The element type of an array or a map, with what it cannot keep reported.
    func elementType(_ element: Shape, at pointer: String, container: String) -> TypeRef {
        if element.nullable {
            warn(pointer, "null \(container) cannot be expressed; they are not nullable")
        }
        if element.constant != nil {
            warn(pointer, "a const on \(container) cannot be expressed; dropped")
        }
        // Any element a field can have, nested at any depth (`[[number]]`, `{[uuid]}`, `[{Item}]`).
        return element.type
    }

    func arrayShape(_ schema: OrderedJSON, at pointer: String, name: String) -> Shape {
        guard let items = schema["items"] else { return Shape(type: .array(.json)) }
        let itemsPointer = child(pointer, "items")
        let element = shape(items, at: itemsPointer, name: name + "Item", allowsConst: false)
        let type = elementType(element, at: itemsPointer, container: "array items")
        return Shape(
            type: .array(type),
            constraints: Constraints(items: elementConstraints(element, type, at: itemsPointer, "array items")))
    }

    /// An element's constraints, kept as the container's `items` or `values` when the element keeps
    /// its type (a type the import approximates, such as any JSON, cannot hold them).
    func elementConstraints(_ element: Shape, _ type: TypeRef, at pointer: String, _ container: String) -> Constraints? {
        guard !element.constraints.isEmpty else { return nil }
        guard type == element.type else {
            warn(pointer, "constraints on \(container) typed as \(type) are dropped")
            return nil
        }
        return element.constraints
    }

    func mapShape(_ schema: OrderedJSON, at pointer: String, name: String) -> Shape {
        guard let values = schema["additionalProperties"], values.members != nil else { return Shape() }
        let valuesPointer = child(pointer, "additionalProperties")
        if values.members?.isEmpty == true { return Shape(type: .map(.json)) }
        let element = shape(values, at: valuesPointer, name: name + "Value", allowsConst: false)
        let type = elementType(element, at: valuesPointer, container: "map values")
        return Shape(
            type: .map(type),
            constraints: Constraints(values: elementConstraints(element, type, at: valuesPointer, "map values")))
    }
}

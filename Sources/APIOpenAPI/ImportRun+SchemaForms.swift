import APIDefinition
import Foundation

/// Classifying schemas: nullability, references, and which schemas become declared types.
extension ImportRun {
    /// Whether a schema becomes a declared type, and which kind.
    enum Form: Equatable {
        case object, enumeration, oneOf, anyOf, other
    }

    /// Every JSON Schema keyword the importer reads or knows to ignore.
    static let schemaKeywords: Set<String> = [
        "$ref", "type", "format", "description", "title", "nullable", "enum", "const", "default", "minLength",
        "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems",
        "items", "properties", "required", "additionalProperties", "allOf", "oneOf", "anyOf", "discriminator",
        "readOnly", "writeOnly", "deprecated", "example", "examples", "externalDocs", "$comment", "$schema", "$id",
        "$anchor", "$defs", "definitions", "contentMediaType", "contentEncoding",
    ]
    /// Keywords that annotate a schema without constraining it.
    static let annotationKeys: Set<String> = [
        "description", "title", "nullable", "deprecated", "readOnly", "writeOnly", "example", "examples",
        "externalDocs", "$comment",
    ]

    func typeList(_ schema: OrderedJSON) -> [String] {
        switch schema["type"] {
        case .string(let type)?: type == "null" ? [] : [type]
        case .array(let types)?: types.compactMap(\.stringValue).filter { $0 != "null" }
        default: []
        }
    }

    func isNullSchema(_ schema: OrderedJSON) -> Bool {
        if case .string("null")? = schema["type"] { return true }
        if case .null? = schema["const"] { return true }
        if let values = schema["enum"]?.arrayValue, values == [.null] { return true }
        return false
    }

    func isNullable(_ schema: OrderedJSON) -> Bool {
        if schema["nullable"]?.boolValue == true { return true }
        if case .string("null")? = schema["type"] { return true }
        if case .array(let types)? = schema["type"], types.contains(.string("null")) { return true }
        if let values = schema["enum"]?.arrayValue, values.contains(.null) { return true }
        for key in ["oneOf", "anyOf"] where schema[key]?.arrayValue?.contains(where: isNullSchema) == true {
            return true
        }
        return false
    }

    /// A schema made only of annotations (`description`, `nullable`, …), which changes no type.
    func isAnnotationOnly(_ schema: OrderedJSON) -> Bool {
        guard let members = schema.members else { return false }
        return members.allSatisfy { Self.annotationKeys.contains($0.key) || $0.key.hasPrefix("x-") }
    }

    /// The one part an `allOf`, `oneOf` or `anyOf` wraps (with `null` or annotations beside it).
    func wrappedPart(_ schema: OrderedJSON) -> (value: OrderedJSON, pointer: String, key: String)? {
        for key in ["allOf", "oneOf", "anyOf"] {
            guard let parts = schema[key]?.arrayValue else { continue }
            let real = parts.enumerated().filter {
                !isNullSchema($0.element) && !(key == "allOf" && isAnnotationOnly($0.element))
            }
            guard real.count == 1 else { return nil }
            return (real[0].element, "\(key)/\(real[0].offset)", key)
        }
        return nil
    }

    /// The schema a chain of `$ref`s ends at (the schema itself when it is not a reference).
    func followReferences(_ schema: OrderedJSON) -> OrderedJSON {
        var current = schema
        var seen: Set<String> = []
        while let ref = current["$ref"]?.stringValue, seen.insert(ref).inserted, let target = resolveLocal(ref) {
            current = target.value
        }
        return current
    }

    func formOfReferenced(_ schema: OrderedJSON) -> Form {
        if let ref = schema["$ref"]?.stringValue {
            if let key = componentKey(ref), components.schemas[key]?["$ref"] == nil { return componentForm(key) }
            guard let target = resolveLocal(ref) else { return .other }
            return formOfReferenced(target.value)
        }
        return form(of: schema, component: false)
    }

    /// Whether a schema is (or refers to, or wraps) one that becomes an object type.
    func isObjectLike(_ schema: OrderedJSON, depth: Int = 0) -> Bool {
        guard depth < 32 else { return false }
        if let ref = schema["$ref"]?.stringValue {
            if let key = componentKey(ref), let target = components.schemas[key] {
                if target["$ref"] != nil { return isObjectLike(target, depth: depth + 1) }
                if componentForm(key) == .object { return true }
                if componentForm(key) != .other { return false }
                return wrappedPart(target).map { isObjectLike($0.value, depth: depth + 1) } ?? false
            }
            guard let target = resolveLocal(ref) else { return false }
            return isObjectLike(target.value, depth: depth + 1)
        }
        let kind = form(of: schema, component: false, depth: depth + 1)
        if kind == .object { return true }
        if kind == .other, let part = wrappedPart(schema) { return isObjectLike(part.value, depth: depth + 1) }
        return false
    }

    /// The string values a schema allows when it allows only strings from a list (`const`, `enum`).
    func stringConstants(_ schema: OrderedJSON) -> [String]? {
        let target = followReferences(schema)
        if case .string(let value)? = target["const"] { return [value] }
        if let values = target["enum"]?.arrayValue, !values.isEmpty {
            let strings = values.compactMap(\.stringValue)
            return strings.count == values.count ? strings : nil
        }
        return nil
    }

    /// The values of an integer or number enum (`type: integer` or `number`, or no type, and only numbers
    /// listed, besides `null`). As in a definition, the values are numbers when one is not an integer, and
    /// integers otherwise (also under `type: number`: `[1, 2]` is an integer enum).
    func numericEnumValues(_ schema: OrderedJSON) -> [EnumValue]? {
        let types = typeList(schema)
        guard types.isEmpty || types == ["integer"] || types == ["number"],
            let values = schema["enum"]?.arrayValue?.filter({ $0 != .null }), !values.isEmpty
        else { return nil }
        var integers: [Int] = []
        var numbers: [Double] = []
        for value in values {
            switch value {
            case .int(let integer):
                integers.append(integer)
                numbers.append(Double(integer))
            case .double(let number) where number.isFinite:
                if let integer = Int(exactly: number), abs(number) < 1e15 { integers.append(integer) }
                numbers.append(number)
            default: return nil
            }
        }
        if integers.count == values.count { return integers.map { EnumValue(integer: $0) } }
        return types == ["integer"] ? nil : numbers.map { EnumValue(number: $0) }
    }

    func hasOwnObjectShape(_ schema: OrderedJSON) -> Bool {
        let types = typeList(schema)
        guard types.isEmpty || types == ["object"] else { return false }
        if let properties = schema["properties"]?.members {
            // Explicitly empty properties and no additionalProperties: an object without fields.
            if !properties.isEmpty || (types == ["object"] && schema["additionalProperties"] == nil) { return true }
        }
        if schema["additionalProperties"]?.boolValue == false, types == ["object"] || schema["properties"] != nil {
            return true
        }
        return false
    }

    /// Whether a schema can be an alternative of an anyOf type: an object, a oneOf, an enum (of strings
    /// or numbers), or a primitive (string, integer, number, boolean; a format is not kept).
    func isAnyOfAlternative(_ schema: OrderedJSON, depth: Int) -> Bool {
        guard depth < 32 else { return false }
        if isObjectLike(schema, depth: depth) { return true }
        if schema["$ref"] != nil {
            switch formOfReferenced(schema) {
            case .oneOf, .enumeration: return true
            case .object, .anyOf: return false
            case .other: break
            }
        }
        let target = followReferences(schema)
        if target.members == nil || isNullSchema(target) { return false }
        if stringConstants(target) != nil || numericEnumValues(target) != nil { return true }
        if let element = containerElement(target) {
            // An array or a map of what a variant may be (not of an array or a map).
            return containerElement(followReferences(element)) == nil && isAnyOfAlternative(element, depth: depth + 1)
        }
        for key in ["allOf", "oneOf", "anyOf", "items", "properties", "additionalProperties", "enum", "const"]
        where target[key] != nil {
            return false
        }
        let types = typeList(target)
        return types.count == 1 && ["string", "integer", "number", "boolean"].contains(types[0])
    }

    /// The element schema of an array (`items`) or of a map (`additionalProperties` of an object without
    /// `properties`), or nil for any other schema.
    func containerElement(_ schema: OrderedJSON) -> OrderedJSON? {
        guard schema.members != nil else { return nil }
        for key in ["allOf", "oneOf", "anyOf", "enum", "const", "properties"] where schema[key] != nil { return nil }
        let types = typeList(schema)
        if let items = schema["items"], items.members != nil, types.isEmpty || types == ["array"] { return items }
        if let rest = schema["additionalProperties"], rest.members != nil, types.isEmpty || types == ["object"] {
            return rest
        }
        return nil
    }

    /// Whether `schema` becomes a declared type, and which kind. A component that wraps one object
    /// (`allOf: [{$ref: Pet}]`) is an object of its own; inline, the same wrapper is just `Pet`.
    func form(of schema: OrderedJSON, component: Bool, depth: Int = 0) -> Form {
        guard schema.members != nil, schema["$ref"] == nil, depth < 32 else { return .other }
        if let parts = schema["allOf"]?.arrayValue, !parts.isEmpty {
            if hasOwnObjectShape(schema) { return .object }
            let real = parts.filter { !isAnnotationOnly($0) }
            if real.count == 1 {
                return component && isObjectLike(real[0], depth: depth + 1) ? .object : .other
            }
            return real.contains { isObjectLike($0, depth: depth + 1) } ? .object : .other
        }
        for key in ["oneOf", "anyOf"] {
            guard let alternatives = schema[key]?.arrayValue else { continue }
            let real = alternatives.filter { !isNullSchema($0) }
            if real.count > 1 {
                if real.allSatisfy({ isObjectLike($0, depth: depth + 1) }) {
                    if key == "oneOf" { return .oneOf }
                    // Next to properties, an anyOf of objects is merged into the object (see objectFields).
                    return hasOwnObjectShape(schema) ? .object : .anyOf
                }
                if real.allSatisfy({ stringConstants($0) != nil }) { return .enumeration }
                if key == "anyOf", !hasOwnObjectShape(schema),
                    real.allSatisfy({ isAnyOfAlternative($0, depth: depth + 1) })
                {
                    return .anyOf
                }
            } else if real.count == 1, component, !hasOwnObjectShape(schema), isObjectLike(real[0], depth: depth + 1) {
                return .object
            }
            return hasOwnObjectShape(schema) ? .object : .other
        }
        if let values = schema["enum"]?.arrayValue {
            let real = values.filter { $0 != .null }
            if !real.isEmpty && real.allSatisfy({ $0.stringValue != nil }) { return .enumeration }
            return numericEnumValues(schema) != nil ? .enumeration : .other
        }
        return hasOwnObjectShape(schema) ? .object : .other
    }
}

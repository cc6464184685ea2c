import APIDefinition

extension OpenAPIExporter {
    /// The `encoding` object of an `application/x-www-form-urlencoded` body: each top-level field that
    /// holds an object, a map or an array of objects travels in bracket notation (`address[city]=…`,
    /// `metadata[key]=…`, `lines[0][price]=…`), which OpenAPI says as `style: deepObject, explode: true`.
    /// `nil` when every field is flat (the default, `style: form`, already says how those travel).
    static func formEncoding(_ type: TypeRef, _ definition: Definition) -> OrderedJSON? {
        guard case .named(let name) = type, case .object(let fields)? = definition.type(named: name)?.kind else {
            return nil
        }
        let nested: [OrderedJSON.Member] = fields.compactMap { field in
            let isNested: Bool
            switch field.type {
            case .map: isNested = true
            case .named(let inner), .array(.named(let inner)):
                if case .object? = definition.type(named: inner)?.kind { isNested = true } else { isNested = false }
            default: isNested = false
            }
            guard isNested else { return nil }
            return .init(field.name, .object([.init("style", .string("deepObject")), .init("explode", .bool(true))]))
        }
        return nested.isEmpty ? nil : .object(nested)
    }
}

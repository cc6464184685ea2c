import APIDefinition

extension OpenAPIExporter {
    /// The `encoding` object of a form or multipart body (`nil` for other content types, and when every
    /// field travels as OpenAPI's defaults say):
    /// - a top-level field that is any JSON (`json`, `[json]`) is its JSON text in one value, which OpenAPI
    ///   says as `contentType: application/json` (a form or multipart body);
    /// - in `application/x-www-form-urlencoded`, each top-level field that holds an object, a map or an
    ///   array of objects travels in bracket notation (`address[city]=…`, `metadata[key]=…`,
    ///   `lines[0][price]=…`), which OpenAPI says as `style: deepObject, explode: true` (flat fields take the
    ///   default, `style: form`); so does a oneOf, and an anyOf with an object, oneOf or map alternative (or an
    ///   array of objects), whose value may be one of those.
    static func formEncoding(_ type: TypeRef, _ definition: Definition, contentType: String) -> OrderedJSON? {
        let isForm = contentType == MediaTypes.formURLEncoded
        guard isForm || contentType == MediaTypes.multipart, case .named(let name) = type,
            case .object(let fields)? = definition.type(named: name)?.kind
        else {
            return nil
        }
        let nested: [OrderedJSON.Member] = fields.compactMap { field in
            if field.type == .json || field.type == .array(.json) {
                return .init(field.name, .object([.init("contentType", .string(MediaTypes.json))]))
            }
            guard isForm else { return nil }
            guard isNested(field.type, definition) else { return nil }
            return .init(field.name, .object([.init("style", .string("deepObject")), .init("explode", .bool(true))]))
        }
        return nested.isEmpty ? nil : .object(nested)
    }

    /// Whether a form field of `type` may travel in bracket notation: a map, an object or oneOf (or an array
    /// of one), or an anyOf (or an array of one) with such an alternative.
    static func isNested(_ type: TypeRef, _ definition: Definition, depth: Int = 0) -> Bool {
        switch type {
        // Nested containers travel in bracket notation too (`grid[0][1]=…`, `labels[0][key]=…`).
        case .map, .array(.array), .array(.map): return true
        case .named(let inner), .array(.named(let inner)):
            switch definition.type(named: inner)?.kind {
            case .object?, .oneOf?: return true
            case .anyOf(let variants)?:
                // An anyOf's alternatives are not anyOfs, so this goes one level down at most.
                return depth == 0 && variants.contains { isNested($0.type, definition, depth: 1) }
            default: return false
            }
        default: return false
        }
    }
}

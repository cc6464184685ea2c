import APIDefinition

/// Files: `format: binary` (or a `contentMediaType` without `contentEncoding`) on a property is a file
/// part when its type is sent only as a `multipart/form-data` body; anywhere else binary content stays
/// a string of text, with the `binary-content` warning.
extension ImportRun {
    /// Whether a string schema at `pointer` describes binary content that may become a file: a property
    /// (or the items of an array property) of an object schema.
    func isFileCandidate(_ schema: OrderedJSON, at pointer: String) -> Bool {
        let binary =
            schema["format"]?.stringValue == "binary"
            || (schema["contentMediaType"] != nil && schema["contentEncoding"] == nil && schema["format"] == nil)
        guard binary else { return false }
        let parts = pointer.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count >= 2, parts[parts.count - 2] == "properties" { return true }
        return parts.count >= 3 && parts[parts.count - 1] == "items" && parts[parts.count - 3] == "properties"
    }

    /// A type with file fields is kept only as the body of operations that send it as
    /// `multipart/form-data` alone (the checker refuses it elsewhere); everywhere else its files
    /// become strings of text, with a warning at each field.
    func keepFilesInMultipartOnly(_ operations: [Operation]) {
        let withFiles = declared.declarations.values.filter { type in
            type.fields.contains { $0.type.element == .file }
        }.map(\.name)
        guard !withFiles.isEmpty else { return }
        var allowed = Set(withFiles)
        func refuse(_ type: TypeRef) {
            if case .named(let name) = type.element { allowed.remove(name) }
        }
        for type in declared.declarations.values {
            for field in type.fields { refuse(field.type) }
            if let rest = type.additionalProperties { refuse(rest) }
            if case .oneOf(let variants, _) = type.kind { for variant in variants { refuse(.named(variant.type)) } }
        }
        for operation in operations {
            for parameter in operation.parameters { refuse(parameter.type) }
            for response in operation.responses { if let type = response.type { refuse(type) } }
            if let body = operation.body, let type = body.type {
                if case .named = type, body.contentTypes == [MediaTypes.multipart] { continue }
                refuse(type)
            }
        }
        for name in withFiles.sorted() where !allowed.contains(name) {
            guard case .object(var fields)? = declared.declarations[name]?.kind else { continue }
            for index in fields.indices where fields[index].type.element == .file {
                fields[index].type = fields[index].type == .file ? .string : .array(.string)
                let origin = declared.fieldOrigins[name]?[fields[index].name] ?? "#"
                warn(
                    child(fields[index].type == .string ? origin : child(origin, "items"), "format"),
                    "binary content is typed as a string of text: '\(name)' is not sent as multipart/form-data only, and only multipart carries files"
                )
            }
            declared.declarations[name]?.kind = .object(fields: fields)
        }
    }
}

extension DefinitionChecker.Run {
    /// A form or multipart body's type, which travels in bracket notation: an object whose fields are
    /// primitives, enums, objects (to any depth), or arrays or maps of those (`address[city]`,
    /// `items[0][price]`, `metadata[key]`); any JSON (`json`) is one value holding JSON text. Refused, at
    /// `path` (the body's content type) and naming the field by its path in the body: a oneOf, a type that
    /// contains itself (its depth would have no bound), and a wire name with `[` or `]` (a form reads those
    /// as nesting).
    mutating func checkFormBody(_ contentType: String, type name: String, at path: String) {
        guard case .object(let fields)? = definition.type(named: name)?.kind else {
            report(path, "an \(contentType) body must be an object type")
            return
        }
        var open: [String] = [name]
        // Each type's fields are checked once, the first time a walk reaches it; recursion is looked for on
        // the open path.
        var done: Set<String> = []
        func visit(_ run: inout Self, _ typeName: String, _ fields: [Field], _ fieldPath: String) {
            done.insert(typeName)
            for field in fields {
                let at = fieldPath.isEmpty ? field.name : "\(fieldPath).\(field.name)"
                let problem = { (reason: String) -> String in
                    "an \(contentType) body cannot hold the field '\(at)' of '\(typeName)': \(reason)"
                }
                if field.name.contains("[") || field.name.contains("]") {
                    run.report(path, problem("a form reads '[' and ']' in a name as nesting; rename it"))
                    continue
                }
                // Any JSON (`json`, `[json]`, `{json}`) travels as its JSON text in one value.
                let element = field.type.element
                guard case .named(let nested) = element, let kind = run.definition.type(named: nested)?.kind else {
                    continue
                }
                switch kind {
                case .enumeration: continue
                // An anyOf travels as JSON only; `checkAnyOfTravelsAsJSON` reports it at the anyOf type.
                case .anyOf: continue
                case .oneOf:
                    run.report(path, problem("'\(nested)' is a oneOf, which forms do not carry yet"))
                case .object(let inner):
                    if open.contains(nested) {
                        run.report(
                            path,
                            problem(
                                "'\(nested)' contains itself (\((open + [nested]).joined(separator: " → "))), and a form's nesting must be bounded"
                            ))
                            continue
                    }
                    guard !done.contains(nested) else { continue }
                    open.append(nested)
                    visit(&run, nested, inner, at)
                    open.removeLast()
                }
            }
        }
        visit(&self, name, fields, "")
    }
}

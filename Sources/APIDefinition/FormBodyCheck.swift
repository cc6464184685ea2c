extension DefinitionChecker.Run {
    /// A form or multipart body's type, which travels in bracket notation: an object whose fields are
    /// primitives, enums, objects (to any depth), or arrays or maps of those (`address[city]`,
    /// `items[0][price]`, `metadata[key]`); any JSON (`json`) is one value holding JSON text. Refused, at
    /// `path` (the body's content type) and naming the field by its path in the body: a type that
    /// contains itself (its depth would have no bound, also through a oneOf's or an anyOf's alternatives),
    /// and a wire name with `[` or `]` (a form reads those as nesting). A oneOf's and an anyOf's alternatives
    /// travel as the value would (their fields in bracket notation), and are checked so.
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
                enter(&run, field.type, at, problem)
            }
        }
        // The declared type a field (or an alternative) holds: an object's fields, a oneOf's or an anyOf's
        // alternatives (which travel as the value would); a type already open on the walk's path is a
        // recursion a form cannot bound.
        func enter(_ run: inout Self, _ type: TypeRef, _ at: String, _ problem: (String) -> String) {
            guard case .named(let nested) = type.element, let kind = run.definition.type(named: nested)?.kind else {
                return
            }
            if case .enumeration = kind { return }
            if open.contains(nested) {
                run.report(
                    path,
                    problem(
                        "'\(nested)' contains itself (\((open + [nested]).joined(separator: " → "))), and a form's nesting must be bounded"
                    ))
                return
            }
            guard !done.contains(nested) else { return }
            open.append(nested)
            switch kind {
            case .enumeration: break
            case .object(let inner): visit(&run, nested, inner, at)
            case .oneOf(let variants, _):
                done.insert(nested)
                for variant in variants { enter(&run, .named(variant.type), at, problem) }
            case .anyOf(let variants):
                done.insert(nested)
                for variant in variants { enter(&run, variant.type, at, problem) }
            }
            open.removeLast()
        }
        visit(&self, name, fields, "")
    }
}

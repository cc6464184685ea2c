import APIDefinition

extension ImportRun {
    /// Whether a form body's `encoding` says only what apigen writes anyway: for each property,
    /// `style: deepObject` (bracket notation, `address[city]=…`) or `form`, exploded (the default),
    /// without reserved characters, per-part content types or headers. Such an encoding imports without
    /// a warning (the exporter writes it for nested fields). In a multipart body OpenAPI 3.0 ignores
    /// these keys and 3.1 gives them the same meaning, which is how apigen names parts
    /// (`lines[0][price]`), so there too they say nothing new (Stripe writes them on its uploads).
    static func isBracketEncoding(_ encoding: OrderedJSON) -> Bool {
        guard let properties = encoding.members else { return false }
        return properties.allSatisfy { property in
            guard let members = property.value.members else { return false }
            return members.allSatisfy { member in
                switch member.key {
                case "style": ["deepObject", "form"].contains(member.value.stringValue ?? "")
                case "explode": member.value.boolValue == true
                case "allowReserved": member.value.boolValue == false
                default: false
                }
            }
        }
    }

    /// Whether a body's `encoding` says only what apigen writes anyway for `type`: in a URL-encoded form,
    /// bracket notation (``isBracketEncoding(_:)``); in a form or multipart body, `contentType:
    /// application/json` for a field that is any JSON (`json`, `[json]`), which travels as its JSON text.
    func isExpressibleEncoding(_ encoding: OrderedJSON, _ kind: MediaKind, _ type: TypeRef) -> Bool {
        guard kind == .form || kind == .multipart, let properties = encoding.members else { return false }
        var fields: [Field] = []
        if case .named(let name) = type, case .object(let declared)? = declaration(name)?.kind { fields = declared }
        return properties.allSatisfy { property in
            if Self.isBracketEncoding(.object([property])) { return true }
            guard let members = property.value.members, members.count == 1, members[0].key == "contentType",
                let contentType = members[0].value.stringValue,
                Self.mediaKind(contentType).map({ $0.kind == .json && $0.exact }) == true
            else { return false }
            return fields.contains { $0.name == property.key && ($0.type == .json || $0.type == .array(.json)) }
        }
    }

    /// For a body type declared for this body alone (not a component, which other places may share): the
    /// properties an `encoding` sends as `contentType: application/json` whose fields are typed, retyped as
    /// any JSON (`json`), which is how apigen writes JSON text in a form value or multipart part. Returns their
    /// names, or `nil` (nothing changed) when the encoding says anything else or there is nothing to retype.
    func retypeJSONParts(_ encoding: OrderedJSON, _ kind: MediaKind, _ type: TypeRef) -> [String]? {
        guard kind == .form || kind == .multipart, let properties = encoding.members, case .named(let name) = type,
            components.keyByTypeName[name] == nil, case .object(var fields)? = declared.declarations[name]?.kind
        else { return nil }
        var retyped: [String] = []
        for property in properties {
            if Self.isBracketEncoding(.object([property])) { continue }
            guard let members = property.value.members, members.count == 1, members[0].key == "contentType",
                let contentType = members[0].value.stringValue,
                Self.mediaKind(contentType).map({ $0.kind == .json && $0.exact }) == true,
                let index = fields.firstIndex(where: { $0.name == property.key })
            else { return nil }
            if fields[index].type == .json || fields[index].type == .array(.json) { continue }
            fields[index].type = .json
            fields[index].constraints = Constraints()
            fields[index].nullable = false
            fields[index].constant = nil
            fields[index].defaultValue = nil
            retyped.append(property.key)
        }
        guard !retyped.isEmpty else { return nil }
        declared.declarations[name]?.kind = .object(fields: fields)
        return retyped
    }
}

import APIDefinition

extension ImportRun {
    /// Whether an `application/x-www-form-urlencoded` body's `encoding` says only what apigen writes
    /// anyway: for each property, `style: deepObject` (bracket notation, `address[city]=…`) or `form`,
    /// exploded (the default), without reserved characters, per-part content types or headers. Such an
    /// encoding imports without a warning (the exporter writes it for nested fields).
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
}

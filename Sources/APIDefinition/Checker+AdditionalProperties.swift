extension DefinitionChecker.Run {
    /// A deepObject parameter carries flat `name[member]=value` items: the members beside the fields of
    /// its type (`additionalProperties`) must be flat as its fields are, a primitive or an enum.
    mutating func checkDeepObjectMembers(named name: String, at parameterPath: String) {
        guard let rest = definition.type(named: name)?.additionalProperties else { return }
        var flat = !(rest.isContainer || rest == .json || rest == .unixTime)
        if case .named(let member) = rest {
            if case .enumeration? = definition.type(named: member)?.kind {} else { flat = false }
        }
        if !flat {
            report(
                "\(parameterPath).type",
                "a deepObject parameter carries flat name[member]=value items; the members beside the fields of '\(name)' are '\(rest)', not a primitive or an enum"
            )
        }
    }
}

extension DefinitionChecker.Run {
    /// The service's `errorBody`: a declared object type, which the generated server writes as JSON for
    /// every error it answers by itself.
    mutating func checkErrorBody() {
        guard let name = definition.service.errorBody else { return }
        let path = "service.errorBody"
        guard let type = definition.type(named: name) else {
            let suggestion = Suggest.didYouMean(name, definition.types.map(\.name), budget: suggestions)
            report(path, "unknown type '\(name)'\(suggestion); errorBody names a declared object type")
            return
        }
        guard case .object = type.kind else {
            report(
                path,
                "'\(name)' is not an object type; errorBody names a declared object type (a map of the members goes in its 'additionalProperties')"
            )
            return
        }
    }
}

import APIDefinition

extension ImportRun {
    /// The service's `errorBody`, from the `x-apigen-error-body` that `apigen export` writes: the
    /// component schema the generated server's own error answers reference, by its imported type name.
    /// A document without it has none: a schema that most 4XX answers share is not taken for one.
    func importedErrorBody(_ types: [TypeDeclaration]) -> String? {
        guard let key = root[OpenAPIExporter.errorBodyExtension]?.stringValue else { return nil }
        guard let name = components.typeNames[key],
            let type = types.first(where: { $0.name == name }), case .object = type.kind
        else {
            warn(
                "#/\(OpenAPIExporter.errorBodyExtension)",
                "'\(key)' is not an object schema in components.schemas; the service has no errorBody")
            return nil
        }
        return name
    }
}

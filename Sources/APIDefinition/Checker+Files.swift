extension DefinitionChecker.Run {
    /// Files (`"type": "file"`) travel only as parts of a `multipart/form-data` body: a file is a field of
    /// an object type (or an array of files, repeated parts of one name), and a type with files is only
    /// ever an operation's body whose content types are `multipart/form-data` alone. Anywhere else (a
    /// map of files, a parameter, a header, another type's field, a oneOf, an answer, a JSON, XML or
    /// URL-encoded body) is an error at the place that uses it.
    mutating func checkFiles() {
        let fileTypes = Set(
            definition.types.filter { type in type.fields.contains { $0.type.element == .file } }.map(\.name))
        let usesFiles =
            definition.types.contains { type in
                type.fields.contains { $0.type.element == .file } || type.additionalProperties?.element == .file
            }
            || definition.operations.contains { operation in
                operation.parameters.contains { $0.type.element == .file }
                    || operation.responses.contains { $0.headers.contains { $0.type.element == .file } }
            }
        guard usesFiles else { return }
        let onlyHere = "a file travels only as a part of a multipart/form-data body"
        func carriesFiles(_ type: TypeRef) -> String? {
            if case .named(let name) = type.element, fileTypes.contains(name) { return name }
            return nil
        }
        for (typeIndex, type) in definition.types.enumerated() {
            let path = "types[\(typeIndex)]"
            for (index, field) in type.fields.enumerated() {
                switch field.type {
                case .map(let element) where element.element == .file:
                    report(
                        "\(path).fields[\(index)].type",
                        "a map of files is not supported; \(onlyHere), one per field or an array of files")
                case .array(.array(let element)) where element.element == .file:
                    break  // nested arrays are refused already
                default:
                    if let name = carriesFiles(field.type) {
                        report(
                            "\(path).fields[\(index)].type",
                            "'\(name)' has file fields, and \(onlyHere): it can be an operation's body only, not a field of '\(type.name)'"
                        )
                    }
                }
            }
            if let rest = type.additionalProperties, rest.element == .file || carriesFiles(rest) != nil {
                report("\(path).additionalProperties", "the members beside the fields cannot be files; \(onlyHere)")
            }
            if case .oneOf(let variants, _) = type.kind {
                for (index, variant) in variants.enumerated() where fileTypes.contains(variant.type) {
                    report(
                        "\(path).variants[\(index)]",
                        "'\(variant.type)' has file fields, and \(onlyHere): it cannot be an alternative of a oneOf")
                }
            }
        }
        for (operationIndex, operation) in definition.operations.enumerated() {
            let path = "operations[\(operationIndex)]"
            for (index, parameter) in operation.parameters.enumerated() {
                if parameter.type.element == .file {
                    report("\(path).parameters[\(index)].type", "a parameter cannot be a file; \(onlyHere)")
                } else if let name = carriesFiles(parameter.type) {
                    report(
                        "\(path).parameters[\(index)].type",
                        "'\(name)' has file fields, and \(onlyHere): it cannot be a parameter")
                }
            }
            if let body = operation.body, let type = body.type, let name = carriesFiles(type) {
                if type != .named(name) {
                    report("\(path).body.type", "'\(type)': \(onlyHere), so the body is '\(name)' itself")
                }
                for (index, contentType) in body.contentTypes.enumerated() where contentType != MediaTypes.multipart {
                    report(
                        "\(path).body.contentTypes[\(index)]",
                        "'\(name)' has file fields, and \(onlyHere): list only \(MediaTypes.multipart), not \(contentType)"
                    )
                }
            }
            for (responseIndex, response) in operation.responses.enumerated() {
                let responsePath = "\(path).responses[\(responseIndex)]"
                if let type = response.type, let name = carriesFiles(type) {
                    report(
                        "\(responsePath).type",
                        "'\(name)' has file fields, and \(onlyHere): an answer cannot carry it (answer with raw bytes instead)"
                    )
                }
                for (index, header) in response.headers.enumerated() where header.type.element == .file {
                    report("\(responsePath).headers[\(index)].type", "a header cannot be a file; \(onlyHere)")
                }
            }
        }
    }
}

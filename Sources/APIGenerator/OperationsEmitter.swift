import APIDefinition

/// Emits `Operations.swift`: what client and server share per operation — the `<Operation>Input`
/// (parameters and body, validated as one value), the `<Operation>Output` (one case per documented
/// status, plus `undocumented`), and the service's credentials.
enum OperationsEmitter {
    static func emit(_ context: EmitContext, operations: ArraySlice<Operation>, withCredentials: Bool) -> String {
        var blocks: [String] = []
        if withCredentials && !context.definition.auth.isEmpty { blocks.append(credentials(context)) }
        for operation in operations {
            blocks.append(input(operation, context))
            blocks.append(output(operation, context))
        }
        return SwiftSource.joined(blocks)
    }

    /// Swift name and type of each input member, in order: parameters, then `body`.
    /// `deprecated` is the member's deprecation message, and `storage` the name generated code uses for it
    /// (``Deprecation/storage(_:)-(Parameter)``).
    static func inputMembers(_ operation: Operation, _ context: EmitContext) -> [(
        name: String, type: String, doc: String?, optional: Bool, deprecated: String?, storage: String
    )] {
        var members = operation.parameters.map { parameter in
            (
                Naming.parameter(parameter), context.swiftType(parameter.type) + (parameter.required ? "" : "?"),
                parameterDoc(parameter), !parameter.required, parameter.deprecated, Deprecation.storage(parameter)
            )
        }
        if let body = operation.body {
            members.append(
                (
                    "body", context.swiftType(body.type), body.doc ?? context.declaration(body.type)?.doc, false, nil,
                    "body"
                ))
        }
        return members
    }

    static func parameterDoc(_ parameter: Parameter) -> String? {
        var notes: [String] = []
        if let value = parameter.defaultValue { notes.append("Default: \(value).") }
        let constraints = ModelsEmitter.constraintDescriptions(parameter.constraints)
        if !constraints.isEmpty { notes.append("Constraints: " + constraints.joined(separator: ", ") + ".") }
        let text = [parameter.doc, notes.isEmpty ? nil : notes.joined(separator: " ")].compactMap { $0 }
        return text.isEmpty ? nil : text.joined(separator: "\n\n")
    }

    static func credentials(_ context: EmitContext) -> String {
        let name = context.credentialsName
        let schemes = context.definition.auth
        var result = SwiftSource.docComment(
            "Credentials for the auth schemes of \(context.definition.service.title ?? context.prefix).",
            extra: ["Their values never appear in descriptions, dumps or errors."])
        result += "public struct \(name): Sendable, Hashable {\n"
        result += schemes.map { scheme in
            SwiftSource.docComment(scheme.doc, indent: "    ")
                + "    public var \(Naming.escaped(Naming.lowerCamel(scheme.name))): String?\n"
        }.joined(separator: "\n")
        let parameters = schemes.map { "\(Naming.label(Naming.lowerCamel($0.name))): String? = nil" }
            .joined(separator: ", ")
        result += "\n    /// Creates credentials; give the ones the operations you call need.\n"
        result += "    public init(\(parameters)) {\n"
        result += schemes.map {
            "        self.\(Naming.lowerCamel($0.name)) = \(Naming.escaped(Naming.lowerCamel($0.name)))\n"
        }.joined()
        result += "    }\n}\n\n"
        result += ModelsEmitter.redaction(
            name,
            entries: schemes.map { scheme in
                let property = Naming.lowerCamel(scheme.name)
                return (property, "self.\(property).map { _ in Redacted.placeholder } as Any")
            })
        return result
    }

    static func input(_ operation: Operation, _ context: EmitContext) -> String {
        let name = Naming.operationType(operation) + "Input"
        let members = inputMembers(operation, context)
        var result = SwiftSource.docComment(
            "The parameters and body of `\(Naming.method(operation))`"
                + (operation.summary.map { ": " + SwiftSource.sentence($0) } ?? "."))
        result += "public struct \(name): Sendable, Hashable {\n"
        result += SwiftSource.docComment(
            "The operation's identity, which every request of it carries (`APIRequest.operation`).", indent: "    ")
        result +=
            Expr.call(
                "OperationInfo",
                [
                    .labeled("id", .atom(SwiftSource.stringLiteral(operation.name))),
                    .labeled("method", .atom(ClientEmitter.methodLiteral(operation.method))),
                    .labeled("pathTemplate", .atom(SwiftSource.stringLiteral(operation.path))),
                ]
            ).render(indent: 4, lead: "public static let operation = ") + "\n\n"
        result += members.map { member in
            SwiftSource.docComment(member.doc, indent: "    ")
                + Deprecation.attribute(member.deprecated, indent: "    ")
                + "    public var \(Naming.escaped(member.name)): \(member.type)"
                + (member.deprecated == nil ? "" : Deprecation.accessor(member.name, type: member.type, constant: nil))
                + "\n"
        }.joined(separator: "\n")
        if !members.isEmpty { result += "\n" }
        let parameters = members.map { "\(Naming.label($0.name)): \($0.type)\($0.optional ? " = nil" : "")" }
        result += SwiftSource.docComment("Creates the input of `\(Naming.method(operation))`.", indent: "    ")
        result += Layout.declaration("public init", parameters, tail: " {", indent: 4)
        result += members.map { "        self.\($0.storage) = \(Naming.escaped($0.name))\n" }.joined()
        result += "    }\n}\n\n"
        var checks = operation.parameters.compactMap { parameter in
            ModelsEmitter.check(
                value: "self.\(Deprecation.storage(parameter))", key: parameter.name, type: parameter.type,
                constraints: parameter.constraints, context: context)
        }
        if let body = operation.body, context.isValidatable(body.type) {
            if body.type.isContainer {
                checks.append("        validator.each(self.body, \"body\")\n")
            } else {
                checks.append("        self.body.validate(&validator)\n")
            }
        }
        result += ModelsEmitter.validatableExtension(name, checks)
        // Also for deprecated parameters, whose default description would show the storage.
        if operation.parameters.contains(where: { $0.sensitive || $0.deprecated != nil }) {
            let sensitive = Set(operation.parameters.filter(\.sensitive).map(Naming.parameter))
            result +=
                "\n"
                + ModelsEmitter.redaction(
                    name,
                    entries: members.map { member in
                        let value = sensitive.contains(member.name) ? "Redacted.placeholder" : "self.\(member.storage)"
                        return (
                            member.name, value + (member.optional && !sensitive.contains(member.name) ? " as Any" : "")
                        )
                    })
        }
        return result
    }

    static func output(_ operation: Operation, _ context: EmitContext) -> String {
        let name = Naming.operationType(operation) + "Output"
        var result = SwiftSource.docComment(
            "The answers of `\(Naming.method(operation))`: one case per documented status.",
            extra: operation.streams
                ? ["A streamed answer is read (or written) as its events arrive, so the output is not `Hashable`."] : []
        )
        result += "public indirect enum \(name): \(operation.streams ? "Sendable" : "Sendable, Hashable") {\n"
        for response in operation.responses {
            let payload = context.payloadType(response)
            result += SwiftSource.docComment(response.doc ?? "Status \(response.status).", indent: "    ")
            result += "    case \(Naming.statusCase(response.status))(\(payload))\n"
        }
        result += "    /// A status the definition does not document, with the body as it came.\n"
        result += "    case undocumented(status: Int, body: RawBody)\n"
        result += "}\n"
        return result
    }
}

import APIDefinition

/// Emits `Operations.swift`: what client and server share per operation — the `<Operation>Input`
/// (parameters and body, validated as one value), the `<Operation>Output` (one case per documented
/// status, plus `undocumented`), and the service's credentials.
enum OperationsEmitter {
    static func emit(_ context: EmitContext, operations: ArraySlice<OperationModel>, withCredentials: Bool) -> String {
        SwiftWriter.write { writer in
            var blocks: [(SwiftWriter) -> Void] = []
            if withCredentials && !context.definition.auth.isEmpty { blocks.append { credentials($0, context) } }
            for operation in operations {
                blocks.append { input($0, operation, context) }
                blocks.append { output($0, operation) }
            }
            writer.separated(blocks) { $0(writer) }
        }
    }

    static func credentials(_ writer: SwiftWriter, _ context: EmitContext) {
        let name = context.credentialsName
        let schemes = context.definition.auth
        writer.docComment(
            "Credentials for the auth schemes of \(context.definition.service.title ?? context.prefix).",
            extra: ["Their values never appear in descriptions, dumps or errors."])
        writer.block("public struct \(name): Sendable, Hashable {") {
            writer.separated(schemes) { scheme in
                writer.docComment(scheme.doc)
                writer.line("public var \(Naming.escaped(Naming.lowerCamel(scheme.name))): String?")
            }
            writer.blank()
            writer.line("/// Creates credentials; give the ones the operations you call need.")
            let parameters = schemes.map { "\(Naming.label(Naming.lowerCamel($0.name))): String? = nil" }
                .joined(separator: ", ")
            writer.block("public init(\(parameters)) {") {
                for scheme in schemes {
                    writer.line(
                        "self.\(Naming.lowerCamel(scheme.name)) = \(Naming.escaped(Naming.lowerCamel(scheme.name)))")
                }
            }
        }
        writer.blank()
        Redaction.conformance(
            writer, name,
            entries: schemes.map { scheme in
                let property = Naming.lowerCamel(scheme.name)
                return (property, "self.\(property).map { _ in Redacted.placeholder } as Any")
            })
    }

    static func input(_ writer: SwiftWriter, _ operation: OperationModel, _ context: EmitContext) {
        let name = operation.inputName
        let members = operation.members
        writer.docComment(
            "The parameters and body of `\(operation.method)`"
                + (operation.operation.summary.map { ": " + SwiftSource.sentence($0) } ?? "."))
        writer.block("public struct \(name): Sendable, Hashable {") {
            writer.docComment(
                "The operation's identity, which every request of it carries (`APIRequest.operation`).")
            writer.expression(
                Expr.call(
                    "OperationInfo",
                    [
                        .labeled("id", .atom(SwiftSource.stringLiteral(operation.operation.name))),
                        .labeled("method", .atom(operation.methodLiteral)),
                        .labeled("pathTemplate", .atom(SwiftSource.stringLiteral(operation.operation.path))),
                    ]), lead: "public static let operation = ")
            writer.blank()
            writer.separated(members) { member in
                writer.docComment(member.doc)
                writer.deprecation(member.deprecated)
                Deprecation.property(
                    writer, "public var \(Naming.escaped(member.name)): \(member.type)", name: member.name,
                    type: member.type, deprecated: member.deprecated, constant: nil)
            }
            if !members.isEmpty { writer.blank() }
            let parameters = members.map { "\(Naming.label($0.name)): \($0.type)\($0.optional ? " = nil" : "")" }
            writer.docComment("Creates the input of `\(operation.method)`.")
            writer.declaration("public init", parameters, tail: " {")
            writer.indented {
                for member in members { writer.line("self.\(member.storage) = \(Naming.escaped(member.name))") }
            }
            writer.line("}")
        }
        writer.blank()
        ConstraintSource.conformance(writer, name) { writer in
            for parameter in operation.parameters {
                ConstraintSource.check(
                    writer, value: "self.\(parameter.storage)", key: parameter.parameter.name,
                    type: parameter.parameter.type, constraints: parameter.parameter.constraints, context: context)
            }
            if let body = operation.body, let type = body.body.type, context.isValidatable(type) {
                writer.line(
                    type.isContainer
                        ? "validator.each(self.body, \"body\")"
                        : "self.body\(body.isRequired ? "" : "?").validate(&validator)")
            }
        }
        // Also for deprecated parameters, whose default description would show the storage.
        let parameters = operation.operation.parameters
        if parameters.contains(where: { $0.sensitive || $0.deprecated != nil }) {
            let sensitive = Set(parameters.filter(\.sensitive).map(Naming.parameter))
            writer.blank()
            Redaction.conformance(
                writer, name,
                entries: members.map { member in
                    let value = sensitive.contains(member.name) ? "Redacted.placeholder" : "self.\(member.storage)"
                    return (member.name, value + (member.optional && !sensitive.contains(member.name) ? " as Any" : ""))
                })
        }
    }

    static func output(_ writer: SwiftWriter, _ operation: OperationModel) {
        let streams = operation.operation.streams
        writer.docComment(
            "The answers of `\(operation.method)`: one case per documented status.",
            extra: streams
                ? ["A streamed answer is read (or written) as its events arrive, so the output is not `Hashable`."] : []
        )
        writer.block("public indirect enum \(operation.outputName): \(streams ? "Sendable" : "Sendable, Hashable") {") {
            for answer in operation.answers {
                switch answer.status {
                case .code(let code):
                    writer.docComment(answer.response.doc ?? "Status \(code).")
                    writer.line("case \(answer.caseIdentifier)(\(answer.payloadType))")
                case .range(let digit):
                    writer.docComment(
                        answer.response.doc ?? answer.status.defaultDoc,
                        extra: [
                            "Any status \(digit)00–\(digit)99 that no other case documents, with the status as it came."
                        ])
                    writer.line("case \(answer.caseIdentifier)(status: Int, body: \(answer.payloadType))")
                case .default:
                    writer.docComment(
                        answer.response.doc ?? answer.status.defaultDoc,
                        extra: ["Any status that no other case documents, with the status as it came."])
                    writer.line("case \(answer.caseIdentifier)(status: Int, body: \(answer.payloadType))")
                }
            }
            writer.line("/// A status the definition does not document, with the body as it came.")
            writer.line("case undocumented(status: Int, body: RawBody)")
        }
    }
}

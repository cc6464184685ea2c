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
                blocks.append { output($0, operation, context) }
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
        writer.block("\(context.access.keyword)struct \(name): Sendable, Hashable {") {
            writer.separated(schemes) { scheme in
                writer.docComment(scheme.doc, extra: schemeDetails(scheme))
                writer.line(
                    "\(context.access.keyword)var \(Naming.escaped(Naming.lowerCamel(scheme.name))): \(credentialType(scheme))?"
                )
            }
            writer.blank()
            writer.line("/// Creates credentials; give the ones the operations you call need.")
            let parameters = schemes.map { "\(Naming.label(Naming.lowerCamel($0.name))): \(credentialType($0))? = nil" }
            writer.declaration("\(context.access.keyword)init", parameters, tail: " {")
            writer.indented {
                for scheme in schemes {
                    writer.line(
                        "self.\(Naming.lowerCamel(scheme.name)) = \(Naming.escaped(Naming.lowerCamel(scheme.name)))")
                }
            }
            writer.line("}")
        }
        writer.blank()
        Redaction.conformance(
            writer, name, context,
            entries: schemes.map { scheme in
                let property = Naming.lowerCamel(scheme.name)
                return (property, "self.\(property).map { _ in Redacted.placeholder } as Any")
            })
    }

    /// `requiredScopes`, when an auth alternative names scopes: by scheme, in order of first appearance, for the
    /// handler to check (the server does not).
    static func requiredScopes(_ writer: SwiftWriter, _ operation: OperationModel, _ context: EmitContext) {
        var schemes: [String] = []
        var scopes: [String: [String]] = [:]
        for use in operation.auth.joined() where !use.scopes.isEmpty {
            if scopes[use.scheme] == nil { schemes.append(use.scheme) }
            for scope in use.scopes where !(scopes[use.scheme] ?? []).contains(scope) {
                scopes[use.scheme, default: []].append(scope)
            }
        }
        guard !schemes.isEmpty else { return }
        writer.docComment(
            "The scopes the request's token must carry, by auth scheme. The server does not check them: the handler does."
        )
        writer.expression(
            .array(
                schemes.map { scheme in
                    .labeled(
                        SwiftSource.stringLiteral(scheme),
                        .array((scopes[scheme] ?? []).map { .atom(SwiftSource.stringLiteral($0)) }))
                }), lead: "\(context.access.keyword)static let requiredScopes: [String: [String]] = ")
        writer.blank()
    }

    /// What the doc of an OAuth 2 or OpenID Connect credential says about its flows, scopes or provider.
    static func schemeDetails(_ scheme: AuthScheme) -> [String] {
        switch scheme.kind {
        case .oauth2(let flows):
            return ["An OAuth 2 access token, sent as `Authorization: Bearer`. Flows:"]
                + flows.map { flow in
                    let urls = [
                        flow.authorizationURL.map { "authorization \($0)" }, flow.tokenURL.map { "token \($0)" },
                        flow.refreshURL.map { "refresh \($0)" },
                    ].compactMap { $0 }
                    let scopes = flow.scopes.map { scope in
                        scope.doc.flatMap(SwiftSource.summary).map { "\(scope.name) (\($0))" } ?? scope.name
                    }
                    return "- \(flow.kind.rawValue): \(urls.joined(separator: ", "))"
                        + (scopes.isEmpty ? "" : "; scopes: \(scopes.joined(separator: ", "))")
                }
        case .openIdConnect(let url):
            return ["An OpenID Connect access token, sent as `Authorization: Bearer`; discovery: \(url)"]
        default:
            return []
        }
    }

    /// `BasicCredentials` for HTTP Basic; the token or key, a `String`, for every other kind.
    static func credentialType(_ scheme: AuthScheme) -> String {
        scheme.kind == .basic ? "BasicCredentials" : "String"
    }

    static func input(_ writer: SwiftWriter, _ operation: OperationModel, _ context: EmitContext) {
        let name = operation.inputName
        let members = operation.members
        writer.docComment(
            "The parameters and body of `\(operation.method)`"
                + (operation.operation.summary.map { ": " + SwiftSource.sentence($0) } ?? "."))
        writer.block("\(context.access.keyword)struct \(name): Sendable, Hashable {") {
            writer.docComment(
                "The operation's identity, which every request of it carries (`APIRequest.operation`).")
            writer.expression(
                Expr.call(
                    "OperationInfo",
                    [
                        .labeled("id", .atom(SwiftSource.stringLiteral(operation.operation.name))),
                        .labeled("method", .atom(operation.methodLiteral)),
                        .labeled("pathTemplate", .atom(SwiftSource.stringLiteral(operation.operation.path))),
                    ]), lead: "\(context.access.keyword)static let operation = ")
            writer.blank()
            requiredScopes(writer, operation, context)
            writer.separated(members) { memberProperty(writer, $0, context) }
            if !members.isEmpty { writer.blank() }
            let parameters = members.map { "\(Naming.label($0.name)): \($0.type)\($0.optional ? " = nil" : "")" }
            writer.docComment("Creates the input of `\(operation.method)`.")
            writer.declaration("\(context.access.keyword)init", parameters, tail: " {")
            writer.indented {
                for member in members { writer.line("self.\(member.storage) = \(Naming.escaped(member.name))") }
            }
            writer.line("}")
        }
        writer.blank()
        ConstraintSource.conformance(writer, name, context) { writer in
            for parameter in operation.parameters {
                ConstraintSource.check(
                    writer, value: "self.\(parameter.storage)", key: parameter.parameter.name,
                    type: parameter.parameter.type, constraints: parameter.parameter.constraints, context: context)
            }
            if let body = operation.body, let type = body.body.type, context.isValidatable(type) {
                writer.line(
                    type.isContainer
                        ? "\(ConstraintSource.validation(of: type))(self.body, \"body\")"
                        : "self.body\(body.isRequired ? "" : "?").validate(&validator)")
            }
        }
        // Also for deprecated parameters, whose default description would show the storage.
        let parameters = operation.operation.parameters
        if parameters.contains(where: { $0.sensitive || $0.deprecated != nil }) {
            let sensitive = Set(parameters.filter(\.sensitive).map(Naming.parameter))
            writer.blank()
            Redaction.conformance(
                writer, name, context,
                entries: members.map { member in
                    let value = sensitive.contains(member.name) ? "Redacted.placeholder" : "self.\(member.storage)"
                    return (member.name, value + (member.optional && !sensitive.contains(member.name) ? " as Any" : ""))
                })
        }
    }

    static func output(_ writer: SwiftWriter, _ operation: OperationModel, _ context: EmitContext) {
        let streams = operation.operation.streams
        writer.docComment(
            "The answers of `\(operation.method)`: one case per documented status.",
            extra: streams
                ? ["A streamed answer is read (or written) as its events arrive, so the output is not `Hashable`."] : []
        )
        writer.block(
            "\(context.access.keyword)indirect enum \(operation.outputName): \(streams ? "Sendable" : "Sendable, Hashable") {"
        ) {
            for answer in operation.answers {
                switch answer.status {
                case .code(let code):
                    writer.docComment(answer.response.doc ?? "Status \(code).")
                    if let headersType = answer.headersType {
                        writer.line("case \(answer.caseIdentifier)(\(answer.payloadType), headers: \(headersType))")
                    } else {
                        writer.line("case \(answer.caseIdentifier)(\(answer.payloadType))")
                    }
                case .range(let digit):
                    writer.docComment(
                        answer.response.doc ?? answer.status.defaultDoc,
                        extra: [
                            "Any status \(digit)00–\(digit)99 that no other case documents, with the status as it came."
                        ])
                    writer.line(
                        "case \(answer.caseIdentifier)(status: Int, body: \(answer.payloadType)\(headersArgument(answer)))")
                case .default:
                    writer.docComment(
                        answer.response.doc ?? answer.status.defaultDoc,
                        extra: ["Any status that no other case documents, with the status as it came."])
                    writer.line(
                        "case \(answer.caseIdentifier)(status: Int, body: \(answer.payloadType)\(headersArgument(answer)))")
                }
            }
            writer.line("/// A status the definition does not document, with the body as it came.")
            writer.line("case undocumented(status: Int, body: RawBody)")
            for answer in operation.answers where answer.headersType != nil {
                writer.blank()
                headersStruct(writer, answer, context)
            }
        }
        for answer in operation.answers where answer.headersType != nil {
            writer.blank()
            headersConformances(writer, answer, "\(operation.outputName).\(answer.headersType ?? "")", context)
        }
    }

    /// One stored property of an input or a headers struct: its doc, deprecation and declaration.
    static func memberProperty(_ writer: SwiftWriter, _ member: InputMember, _ context: EmitContext) {
        writer.docComment(member.doc)
        writer.deprecation(member.deprecated)
        Deprecation.property(
            writer, "\(context.access.keyword)var \(Naming.escaped(member.name)): \(member.type)",
            name: member.name, type: member.type, deprecated: member.deprecated, constant: nil)
    }

    /// `, headers: ClientErrorHeaders` after a range's or `default`'s body when the answer has typed headers.
    static func headersArgument(_ answer: AnswerModel) -> String {
        answer.headersType.map { ", headers: \($0)" } ?? ""
    }

    /// `CreatedHeaders`, nested in the output: one property per typed header of the answer.
    static func headersStruct(_ writer: SwiftWriter, _ answer: AnswerModel, _ context: EmitContext) {
        let name = answer.headersType ?? ""
        let members = answer.headers.map { header in
            InputMember(
                name: header.swiftName, type: header.swiftType + (header.parameter.required ? "" : "?"),
                doc: header.doc, optional: !header.parameter.required, deprecated: header.parameter.deprecated,
                storage: header.storage)
        }
        writer.docComment("The typed headers of `\(answer.caseName)`.")
        writer.block("\(context.access.keyword)struct \(name): Sendable, Hashable {") {
            writer.separated(members) { memberProperty(writer, $0, context) }
            writer.blank()
            let parameters = members.map { "\(Naming.label($0.name)): \($0.type)\($0.optional ? " = nil" : "")" }
            writer.docComment("Creates the headers of `\(answer.caseName)`.")
            writer.declaration("\(context.access.keyword)init", parameters, tail: " {")
            writer.indented {
                for member in members { writer.line("self.\(member.storage) = \(Naming.escaped(member.name))") }
            }
            writer.line("}")
        }
    }

    /// How the headers of an answer travel (read from and written to header fields), their constraints,
    /// and their redacted description when a header is sensitive or deprecated.
    static func headersConformances(
        _ writer: SwiftWriter, _ answer: AnswerModel, _ name: String, _ context: EmitContext
    ) {
        writer.block("extension \(name): ResponseHeaders {") {
            writer.line("\(context.access.keyword)init(headerFields fields: HeaderFields) throws(ValidationErrors) {")
            writer.indented {
                for header in answer.headers {
                    writer.call(
                        header.parameter.required ? "fields.required" : "fields.optional",
                        [header.wireLiteral, "as: \(header.swiftType).self"],
                        lead: "self.\(header.storage) = try ")
                }
            }
            writer.line("}")
            writer.blank()
            writer.block("\(context.access.keyword)func write(to fields: inout HeaderFields) {") {
                for header in answer.headers {
                    writer.call("fields.set", [header.wireLiteral, "self.\(header.storage)"])
                }
            }
        }
        writer.blank()
        ConstraintSource.conformance(writer, name, context) { writer in
            for header in answer.headers {
                ConstraintSource.check(
                    writer, value: "self.\(header.storage)", key: header.parameter.name, type: header.parameter.type,
                    constraints: header.parameter.constraints, context: context)
            }
        }
        let headers = answer.response.headers
        if headers.contains(where: { $0.sensitive || $0.deprecated != nil }) {
            writer.blank()
            Redaction.conformance(
                writer, name, context,
                entries: answer.headers.map { header in
                    let optional = !header.parameter.required
                    let value =
                        header.parameter.sensitive
                        ? "Redacted.placeholder" : "self.\(header.storage)" + (optional ? " as Any" : "")
                    return (header.swiftName, value)
                })
        }
    }
}

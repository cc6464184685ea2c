import APIDefinition

/// Emits `Client.swift`: a `<Service>Client` with one `async throws(ClientError)` method per
/// operation. Requests are validated before any I/O; documented answers are decoded and validated.
enum ClientEmitter {
    /// Part 1 declares the client with the first part's methods; part n > 1 is an extension with
    /// its operations' methods.
    static func emit(_ context: EmitContext, operations: ArraySlice<OperationModel>, part: Int) -> String {
        SwiftWriter.write { writer in
            guard part == 1 else {
                writer.block("extension \(context.clientName) {") {
                    writer.separated(operations) { operation in
                        convenienceMethod(writer, operation, context)
                        writer.blank()
                        method(writer, operation, context)
                    }
                }
                return
            }
            client(writer, operations, context)
            ErrorBody.conformance(writer, context)
        }
    }

    static func client(_ writer: SwiftWriter, _ operations: ArraySlice<OperationModel>, _ context: EmitContext) {
        let service = context.definition.service
        let hasAuth = !context.definition.auth.isEmpty
        let takesTokens = hasTokenProvider(context)
        writer.docComment("A client for \(service.title ?? service.name).", extra: service.doc.map { [$0] } ?? [])
        writer.block("\(context.access.keyword)struct \(context.clientName): Sendable {") {
            if let baseURL = service.baseURL {
                writer.docComment("`\(baseURL)`, the base URL the definition declares.")
                writer.line(
                    "\(context.access.keyword)static let defaultBaseURL = URL(string: \(SwiftSource.stringLiteral(baseURL)))!"
                )
                writer.blank()
            }
            writer.line("/// Where requests go; the operation paths are appended to its path.")
            writer.line("\(context.access.keyword)var baseURL: URL")
            if hasAuth {
                writer.line("/// The credentials requests carry, as each operation's auth requires.")
                writer.line("\(context.access.keyword)var credentials: \(context.credentialsName)")
            }
            if takesTokens {
                writer.line("/// Supplies the bearer token (and a new one after a 401) when set; its token wins over `credentials`.")
                writer.line("\(context.access.keyword)var tokenProvider: (any AccessTokenProvider)?")
            }
            writer.line("/// What sends the requests.")
            writer.line("\(context.access.keyword)var transport: any ClientTransport")
            writer.line("/// What every request passes through, in order, before the transport sends it.")
            writer.line("\(context.access.keyword)var middlewares: [any ClientMiddleware]")
            writer.line("/// The largest response body decoded into a typed value, in bytes (64 MiB by default).")
            writer.line("\(context.access.keyword)var maxResponseBodyBytes = ClientSupport.defaultMaxResponseBodyBytes")
            writer.blank()
            let baseURLDoc =
                service.baseURL == nil
                ? "Where requests go (the definition names no base URL)."
                : "Where requests go; by default ``defaultBaseURL``."
            var docs = ["- Parameters:", "  - baseURL: \(baseURLDoc)"]
            if hasAuth { docs.append("  - credentials: The credentials requests carry.") }
            if takesTokens {
                docs.append("  - tokenProvider: Supplies the bearer token, and a new one when the server answers 401.")
            }
            docs.append("  - transport: What sends the requests; by default `URLSession`.")
            docs.append("  - middlewares: What every request passes through, in order, before the transport.")
            writer.docComment("Creates a client.", extra: docs)
            writer.block("\(context.access.keyword)init(", close: ") {") {
                writer.line("baseURL: URL\(service.baseURL == nil ? "" : " = defaultBaseURL"),")
                if hasAuth { writer.line("credentials: \(context.credentialsName) = \(context.credentialsName)(),") }
                if takesTokens { writer.line("tokenProvider: (any AccessTokenProvider)? = nil,") }
                writer.line("transport: any ClientTransport = URLSessionTransport(),")
                writer.line("middlewares: [any ClientMiddleware] = []")
            }
            writer.indented {
                writer.line("self.baseURL = baseURL")
                if hasAuth { writer.line("self.credentials = credentials") }
                if takesTokens { writer.line("self.tokenProvider = tokenProvider") }
                writer.line("self.transport = transport")
                writer.line("self.middlewares = middlewares")
            }
            writer.line("}")
            for operation in operations {
                writer.blank()
                convenienceMethod(writer, operation, context)
                writer.blank()
                method(writer, operation, context)
            }
        }
    }

    /// The `- Throws:` line of a client method. The cases of `ClientError` are documented once, on the
    /// type, rather than on every method; a service with an error body names its type.
    static func throwsDoc(_ context: EmitContext) -> [String] {
        guard let errorBody = context.errorBodyType else {
            return ["- Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport)."]
        }
        return [
            "- Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport, or",
            "  `serviceError` with a `\(errorBody)` for an undocumented error status).",
        ]
    }

    /// `sendVerification(userID:body:)`: the input's members as arguments.
    static func convenienceMethod(_ writer: SwiftWriter, _ operation: OperationModel, _ context: EmitContext) {
        let members = operation.members
        let choice = operation.body?.choice
        var docs = members.isEmpty && choice == nil ? [] : ["- Parameters:"]
        docs += members.map { "  - \($0.name): \(SwiftSource.summary($0.doc) ?? "")".trimmingTrailingSpaces() }
        var parameters = members.map { "\(Naming.label($0.name)): \($0.type)\($0.optional ? " = nil" : "")" }
        let arguments = members.map { "\($0.name): \(Naming.escaped($0.name))" }
        var callArguments: [Expr] = [.call(operation.inputName, arguments.map(Expr.atom))]
        if let choice {
            parameters.append("bodyFormat: BodyFormat = \(choice.defaultFormat)")
            callArguments.append(.atom("bodyFormat: bodyFormat"))
            docs.append("  - bodyFormat: The request body's content type: one of \(choice.list).")
        }
        docs.append(returnsDoc(operation))
        docs += throwsDoc(context)
        writer.docComment(operation.docs, extra: docs)
        writer.deprecation(operation.operation.deprecated)
        writer.declaration(
            "\(context.access.keyword)func \(operation.method)", parameters,
            tail: " async throws(ClientError) -> \(operation.outputName) {")
        writer.indented { writer.expression(.call("try await \(operation.method)", callArguments)) }
        writer.line("}")
    }

    /// What a client method returns; with a `default` answer, `.undocumented` never comes back.
    static func returnsDoc(_ model: OperationModel) -> String {
        model.answers.contains { $0.status == .default }
            ? "- Returns: The documented answer; `.default` for any status no other case documents."
            : "- Returns: The documented answer, or `.undocumented` for any other status."
    }

    static func method(_ writer: SwiftWriter, _ model: OperationModel, _ context: EmitContext) {
        let operation = model.operation
        var parameters = ["_ input: \(model.inputName)"]
        var docs = ["- Parameter input: The parameters and body."]
        if let choice = model.body?.choice {
            parameters.append("bodyFormat: BodyFormat = \(choice.defaultFormat)")
            docs = [
                "- Parameters:", "  - input: The parameters and body.",
                "  - bodyFormat: The request body's content type: one of \(choice.list).",
            ]
        }
        docs.append(returnsDoc(model))
        let lead =
            operation.summary.map {
                SwiftSource.sentence($0) + " Takes the input as one value.\n\n" + model.endpoint
            }
            ?? "Calls \(model.endpoint). Takes the input as one value."
        writer.docComment(lead, extra: docs + throwsDoc(context))
        writer.deprecation(operation.deprecated)
        writer.declaration(
            "\(context.access.keyword)func \(model.method)", parameters,
            tail: " async throws(ClientError) -> \(model.outputName) {")
        writer.indented { methodBody(writer, model, context) }
        writer.line("}")
    }

    /// Validate, build the request, send it, decode the answer.
    static func methodBody(_ writer: SwiftWriter, _ model: OperationModel, _ context: EmitContext) {
        let operation = model.operation
        writer.line("try ClientSupport.validate(input)")
        let offered = model.responseFormats
        // `let` when nothing is added to the request (no query, header, Accept, auth or body).
        let mutated =
            operation.parameters.contains { $0.location != .path } || !offered.isEmpty || !operation.auth.isEmpty
            || operation.body != nil || operation.streams
        writer.expression(
            Expr.call(
                "APIRequest",
                [
                    .labeled("operation", .atom("\(model.inputName).operation")),
                    .labeled("path", pathExpression(model)),
                ]), lead: mutated ? "var request = " : "let request = ")
        for parameter in model.parameters where parameter.location == .query {
            let value = parameter.wireValue("input.\(parameter.storage)")
            if parameter.parameter.effectiveStyle == .deepObject {
                let call = parameter.isArray ? "request.addDeepObjectArray" : "request.addDeepObject"
                writer.call(call, [parameter.wireLiteral, value])
            } else if parameter.isArray {
                writer.call(
                    "request.addQueryArray", [parameter.wireLiteral, value, "delimiter: \(parameter.delimiter)"])
            } else {
                writer.call("request.addQuery", [parameter.wireLiteral, value])
            }
        }
        for parameter in model.parameters where parameter.location == .header {
            let call = parameter.isArray ? "request.setHeaderArray" : "request.setHeader"
            writer.call(call, [parameter.wireLiteral, parameter.wireValue("input.\(parameter.storage)")])
        }
        for parameter in model.parameters where parameter.location == .cookie {
            let call = parameter.isArray ? "request.addCookieArray" : "request.addCookie"
            writer.call(call, [parameter.wireLiteral, parameter.wireValue("input.\(parameter.storage)")])
        }
        if operation.streams {
            // The checker keeps an operation that streams to JSON for its other typed answers.
            let accepted = (operation.streamMediaTypes + offered).joined(separator: ", ")
            writer.line("request.headers[\"Accept\"] = \(SwiftSource.stringLiteral(accepted))")
        } else if offered == [MediaTypes.json] {
            writer.line("request.headers[\"Accept\"] = MediaType.json")
        } else if !offered.isEmpty {
            let preferred =
                model.formatParameter.map {
                    "input.\(Deprecation.storage($0)).flatMap { BodyFormat(rawValue: $0.parameterValue) }"
                } ?? "nil"
            writer.expression(
                Expr.call(
                    "ContentNegotiation.acceptHeader",
                    [.atom(context.formatList(offered)), .labeled("preferred", .atom(preferred))]),
                lead: "request.headers[\"Accept\"] = ")
        }
        if !model.auth.isEmpty {
            let alternatives = Expr.array(
                model.auth.map { group in .array(group.map { .atom(credential($0, context)) }) })
            writer.expression(
                .call("try ClientSupport.authorize", [.atom("&request"), .labeled("oneOf", alternatives)]))
        }
        if let body = model.body {
            // An optional body is sent only when set: no body and no Content-Type for nil.
            let value = body.isRequired ? "input.body" : "body"
            let setBody = { (writer: SwiftWriter) in
                if body.isRaw {
                    writer.expression(
                        Expr.call(
                            "try ClientSupport.setRawBody",
                            [
                                .atom(value), .labeled("accepting", .atom(body.rangeList)),
                                .labeled("on", .atom("&request")),
                            ]))
                } else if body.isJSONOnly {
                    let coding = body.coded.map { ", as: \($0).self" } ?? ""
                    writer.line("try ClientSupport.setJSONBody(\(value)\(coding), on: &request)")
                } else {
                    let format =
                        body.choice == nil
                        ? EmitContext.formatCase(body.body.contentTypes[0]) ?? ".json" : "bodyFormat"
                    writer.expression(
                        Expr.call(
                            "try ClientSupport.setBody",
                            [
                                .atom(value), .labeled("format", .atom(format)),
                                .labeled("allowed", .atom(body.formatList)),
                                .labeled("dialect", .atom(context.dialectName)), .labeled("on", .atom("&request")),
                            ]))
                }
            }
            if body.isRequired {
                setBody(writer)
            } else {
                writer.block("if let body = input.body {") { setBody(writer) }
            }
        }
        var sendArguments = [
            "request", "baseURL: baseURL", "transport: transport", "middlewares: middlewares",
        ]
        if hasTokenProvider(context) { sendArguments.append("tokenProvider: tokenProvider") }
        sendArguments.append("maxBodyBytes: maxResponseBodyBytes")
        let streamingStatuses = model.answers.filter { $0.stream != nil }.compactMap(\.status.code).map(String.init)
        if !streamingStatuses.isEmpty {
            sendArguments.append("streamingStatuses: [\(streamingStatuses.joined(separator: ", "))]")
        }
        writer.call("ClientSupport.send", sendArguments, lead: "let response = try await ")
        writer.line("switch response.status {")
        // An exact status wins over a range, a range over `default`: Swift takes the first case that matches.
        for answer in model.answers {
            guard let code = answer.status.code else { continue }
            writer.line("case \(code):")
            writer.indented { decodeAnswer(writer, answer, model, context) }
        }
        for answer in model.answers {
            guard case .range = answer.status else { continue }
            writer.line("case \(answer.status.codes.lowerBound)...\(answer.status.codes.upperBound):")
            writer.indented { decodeAnswer(writer, answer, model, context) }
        }
        writer.line("default:")
        writer.indented {
            if let fallback = model.answers.first(where: { $0.status == .default }) {
                decodeAnswer(writer, fallback, model, context)
            } else {
                if let errorBody = context.errorBodyType {
                    writer.line("try ClientSupport.throwServiceError(\(errorBody).self, from: response)")
                }
                writer.line("return .undocumented(status: response.status, body: ClientSupport.rawBody(of: response))")
            }
        }
        writer.line("}")
    }

    /// The `return` of one documented answer: a stream, a decoded body, or the raw body.
    /// Typed headers are read first, so that the case carries them after the body (`headers: headers`).
    static func decodeAnswer(
        _ writer: SwiftWriter, _ answer: AnswerModel, _ model: OperationModel, _ context: EmitContext
    ) {
        let caseName = answer.caseIdentifier
        var close = ")"
        if let headersType = answer.headersType {
            writer.call(
                "try ClientSupport.headers", ["\(model.outputName).\(headersType).self", "from: response"],
                lead: "let headers = ")
            close = ", headers: headers)"
        }
        if answer.carriesStatus {
            // A range's or `default`'s case: `.clientError(status: response.status, body: …)` (never a stream).
            let body: Expr
            if let type = answer.coded ?? answer.bodyType, answer.isJSONOnly {
                body = .call("try ClientSupport.decodeJSON", [.atom("\(type).self"), .atom("from: response")])
            } else if let type = answer.bodyType {
                body = .call(
                    "try ClientSupport.decode",
                    [.atom("\(type).self"), .atom("from: response"), .atom("dialect: \(context.dialectName)")])
            } else {
                body = .atom("ClientSupport.rawBody(of: response)")
            }
            var arguments: [Expr] = [.labeled("status", .atom("response.status")), .labeled("body", body)]
            if answer.headersType != nil { arguments.append(.labeled("headers", .atom("headers"))) }
            writer.expression(.call(".\(caseName)", arguments), lead: "return ")
        } else if let type = answer.bodyType, let format = answer.stream {
            let arguments =
                ["\(type).self", "from: response"] + (EmitContext.framing(format).map { ["framing: \($0)"] } ?? [])
            writer.call(
                format == .serverSentEvents ? "ClientSupport.serverSentEvents" : "ClientSupport.jsonItems",
                arguments, lead: "return .\(caseName)(", trail: close)
        } else if let type = answer.coded ?? answer.bodyType, answer.isJSONOnly {
            writer.call(
                "ClientSupport.decodeJSON", ["\(type).self", "from: response"], lead: "return .\(caseName)(try ",
                trail: close)
        } else if let type = answer.bodyType {
            writer.call(
                "ClientSupport.decode", ["\(type).self", "from: response", "dialect: \(context.dialectName)"],
                lead: "return .\(caseName)(try ", trail: close)
        } else {
            writer.line("return .\(caseName)(ClientSupport.rawBody(of: response)\(close)")
        }
    }

    static func credential(_ use: AuthUse, _ context: EmitContext) -> String {
        let scheme = use.scheme
        let property = "credentials.\(Naming.lowerCamel(scheme))"
        let literal = SwiftSource.stringLiteral(scheme)
        switch context.definition.auth.first(where: { $0.name == scheme })?.kind {
        case .apiKeyHeader(let header)?:
            return ".header(\(literal), name: \(SwiftSource.stringLiteral(header)), value: \(property))"
        case .apiKeyQuery(let name)?:
            return ".query(\(literal), name: \(SwiftSource.stringLiteral(name)), value: \(property))"
        case .apiKeyCookie(let name)?:
            return ".cookie(\(literal), name: \(SwiftSource.stringLiteral(name)), value: \(property))"
        case .basic?:
            return ".basic(\(literal), \(property))"
        default:
            return ".bearer(\(literal), token: \(property), provider: tokenProvider)"
        }
    }

    /// Whether the client takes an ``AccessTokenProvider``: the service has a bearer, OAuth 2 or OpenID
    /// Connect scheme.
    static func hasTokenProvider(_ context: EmitContext) -> Bool {
        context.definition.auth.contains { $0.kind.isBearer }
    }

    /// `PathTemplate.expand("/users/{user_id}", input.userID)`, or the literal path when it has no parameters.
    static func pathExpression(_ model: OperationModel) -> Expr {
        let values = model.operation.templateParameters.map { name in
            let parameter = model.parameters.first { $0.parameter.name == name && $0.location == .path }
            let stored = "input." + (parameter?.storage ?? Naming.lowerCamel(name))
            let value = parameter?.wireValue(stored) ?? stored
            return parameter?.isArray == true ? "EncodedPathSegment(\(value))" : value
        }
        let literal = SwiftSource.stringLiteral(model.operation.path)
        if values.isEmpty { return .atom(literal) }
        return .call("PathTemplate.expand", ([literal] + values).map(Expr.atom))
    }
}

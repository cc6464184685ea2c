import APIDefinition

/// Emits `Client.swift`: a `<Service>Client` with one `async throws(ClientError)` method per
/// operation. Requests are validated before any I/O; documented answers are decoded and validated.
enum ClientEmitter {
    /// Part 1 declares the client with the first part's methods; part n > 1 is an extension with
    /// its operations' methods.
    static func emit(_ context: EmitContext, operations: ArraySlice<Operation>, part: Int) -> String {
        let definition = context.definition
        let service = definition.service
        guard part == 1 else {
            let methods = operations.map { convenienceMethod($0, context) + "\n" + method($0, context) }
            return "extension \(context.clientName) {\n" + methods.joined(separator: "\n") + "}\n"
        }
        let title = service.title ?? service.name
        let hasAuth = !definition.auth.isEmpty
        var result = SwiftSource.docComment(
            "A client for \(title).", extra: service.doc.map { [$0] } ?? [])
        result += "public struct \(context.clientName): Sendable {\n"
        if let baseURL = service.baseURL {
            result += SwiftSource.docComment("`\(baseURL)`, the base URL the definition declares.", indent: "    ")
            result += "    public static let defaultBaseURL = URL(string: \(SwiftSource.stringLiteral(baseURL)))!\n\n"
        }
        result += "    /// Where requests go; the operation paths are appended to its path.\n"
        result += "    public var baseURL: URL\n"
        if hasAuth {
            result += "    /// The credentials requests carry, as each operation's auth requires.\n"
            result += "    public var credentials: \(context.credentialsName)\n"
        }
        result += "    /// What sends the requests.\n"
        result += "    public var transport: any ClientTransport\n"
        result += "    /// What every request passes through, in order, before the transport sends it.\n"
        result += "    public var middlewares: [any ClientMiddleware]\n"
        result += "    /// The largest response body decoded into a typed value, in bytes (64 MiB by default).\n"
        result += "    public var maxResponseBodyBytes = ClientSupport.defaultMaxResponseBodyBytes\n\n"
        let baseURLDoc =
            service.baseURL == nil
            ? "Where requests go (the definition names no base URL)."
            : "Where requests go; by default ``defaultBaseURL``."
        var docs = ["- Parameters:", "  - baseURL: \(baseURLDoc)"]
        if hasAuth { docs.append("  - credentials: The credentials requests carry.") }
        docs.append("  - transport: What sends the requests; by default `URLSession`.")
        docs.append("  - middlewares: What every request passes through, in order, before the transport.")
        result += SwiftSource.docComment("Creates a client.", indent: "    ", extra: docs)
        let credentialsParameter =
            hasAuth ? "credentials: \(context.credentialsName) = \(context.credentialsName)(),\n        " : ""
        result += """
                public init(
                    baseURL: URL\(service.baseURL == nil ? "" : " = defaultBaseURL"),
                    \(credentialsParameter)transport: any ClientTransport = URLSessionTransport(),
                    middlewares: [any ClientMiddleware] = []
                ) {
                    self.baseURL = baseURL

            """
        if hasAuth { result += "        self.credentials = credentials\n" }
        result += "        self.transport = transport\n"
        result += "        self.middlewares = middlewares\n    }\n"
        for operation in operations {
            result += "\n" + convenienceMethod(operation, context) + "\n" + method(operation, context)
        }
        return result + "}\n"
    }

    /// An operation's summary and doc, then its method and path (`` `POST /v1/users` ``).
    static func methodDocs(_ operation: Operation) -> String {
        ([operation.summary, operation.doc].compactMap { $0 } + [endpoint(operation)]).joined(separator: "\n\n")
    }

    /// `` `POST /v1/users` ``: the operation's HTTP method and path, as its docs name it.
    static func endpoint(_ operation: Operation) -> String {
        "`\(operation.method) \(operation.path)`"
    }

    /// The cases of `ClientError` are documented once, on the type, rather than on every method.
    static let throwsDoc = [
        "- Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport)."
    ]

    /// `sendVerification(userID:body:)`: the input's members as arguments.
    static func convenienceMethod(_ operation: Operation, _ context: EmitContext) -> String {
        let members = OperationsEmitter.inputMembers(operation, context)
        let name = Naming.method(operation)
        let output = Naming.operationType(operation) + "Output"
        let choice = bodyFormatChoice(operation)
        var docs = members.isEmpty && choice == nil ? [] : ["- Parameters:"]
        docs += members.map { "  - \($0.name): \(SwiftSource.summary($0.doc) ?? "")".trimmingTrailingSpaces() }
        var parameters = members.map { "\(Naming.label($0.name)): \($0.type)\($0.optional ? " = nil" : "")" }
        let arguments = members.map { "\($0.name): \(Naming.escaped($0.name))" }
        var callArguments: [Expr] = [.call("\(Naming.operationType(operation))Input", arguments.map(Expr.atom))]
        if let choice {
            parameters.append("bodyFormat: BodyFormat = \(choice.defaultFormat)")
            callArguments.append(.atom("bodyFormat: bodyFormat"))
            docs.append("  - bodyFormat: The request body's content type: one of \(choice.list).")
        }
        docs.append("- Returns: The documented answer, or `.undocumented` for any other status.")
        docs += throwsDoc
        var result = SwiftSource.docComment(methodDocs(operation), indent: "    ", extra: docs)
        result += Deprecation.attribute(operation.deprecated, indent: "    ")
        result += Layout.declaration(
            "public func \(name)", parameters, tail: " async throws(ClientError) -> \(output) {", indent: 4)
        result += Expr.call("try await \(name)", callArguments).render(indent: 8) + "\n"
        result += "    }\n"
        return result
    }

    /// When the body may travel in several formats: the default and the list, for the `bodyFormat` argument.
    static func bodyFormatChoice(_ operation: Operation) -> (defaultFormat: String, list: String)? {
        guard let body = operation.body, body.contentTypes.count > 1 else { return nil }
        let cases = body.contentTypes.compactMap(EmitContext.formatCase)
        return (cases[0], cases.map { "`\($0)`" }.joined(separator: ", "))
    }

    static func method(_ operation: Operation, _ context: EmitContext) -> String {
        let name = Naming.method(operation)
        let output = Naming.operationType(operation) + "Output"
        var parameters = ["_ input: \(Naming.operationType(operation))Input"]
        var docs = ["- Parameter input: The parameters and body."]
        if let choice = bodyFormatChoice(operation) {
            parameters.append("bodyFormat: BodyFormat = \(choice.defaultFormat)")
            docs = [
                "- Parameters:", "  - input: The parameters and body.",
                "  - bodyFormat: The request body's content type: one of \(choice.list).",
            ]
        }
        docs.append("- Returns: The documented answer, or `.undocumented` for any other status.")
        let lead =
            operation.summary.map {
                SwiftSource.sentence($0) + " Takes the input as one value.\n\n" + endpoint(operation)
            }
            ?? "Calls \(endpoint(operation)). Takes the input as one value."
        var result = SwiftSource.docComment(lead, indent: "    ", extra: docs + throwsDoc)
        result += Deprecation.attribute(operation.deprecated, indent: "    ")
        result += Layout.declaration(
            "public func \(name)", parameters, tail: " async throws(ClientError) -> \(output) {", indent: 4)
        result += "        try ClientSupport.validate(input)\n"
        let offered = responseFormats(operation)
        // `let` when nothing is added to the request (no query, header, Accept, auth or body).
        let mutated =
            operation.parameters.contains { $0.location != .path } || !offered.isEmpty || !operation.auth.isEmpty
            || operation.body != nil || operation.streams
        result +=
            Expr.call(
                "APIRequest",
                [
                    .labeled("operation", .atom("\(Naming.operationType(operation))Input.operation")),
                    .labeled("path", pathExpression(operation)),
                ]
            ).render(indent: 8, lead: mutated ? "var request = " : "let request = ") + "\n"
        for parameter in operation.parameters where parameter.location == .query {
            result += Layout.call(
                "request.addQuery",
                [SwiftSource.stringLiteral(parameter.name), "input.\(Deprecation.storage(parameter))"],
                indent: 8)
        }
        for parameter in operation.parameters where parameter.location == .header {
            result += Layout.call(
                "request.setHeader",
                [SwiftSource.stringLiteral(parameter.name), "input.\(Deprecation.storage(parameter))"],
                indent: 8)
        }
        if operation.streams {
            // The checker keeps an operation that streams to JSON for its other typed answers.
            let accepted = (operation.streamMediaTypes + offered).joined(separator: ", ")
            result += "        request.headers[\"Accept\"] = \(SwiftSource.stringLiteral(accepted))\n"
        } else if offered == [MediaTypes.json] {
            result += "        request.headers[\"Accept\"] = MediaType.json\n"
        } else if !offered.isEmpty {
            let preferred =
                formatParameter(operation, context).map {
                    "input.\(Deprecation.storage($0)).flatMap { BodyFormat(rawValue: $0.parameterValue) }"
                } ?? "nil"
            result +=
                Expr.call(
                    "ContentNegotiation.acceptHeader",
                    [.atom(context.formatList(offered)), .labeled("preferred", .atom(preferred))]
                ).render(indent: 8, lead: "request.headers[\"Accept\"] = ") + "\n"
        }
        if !operation.auth.isEmpty {
            let alternatives = Expr.array(
                operation.auth.map { group in .array(group.map { .atom(credential($0, context)) }) })
            result +=
                Expr.call("try ClientSupport.authorize", [.atom("&request"), .labeled("oneOf", alternatives)])
                .render(indent: 8) + "\n"
        }
        if let body = operation.body {
            if body.contentTypes == [MediaTypes.json] {
                result += "        try ClientSupport.setJSONBody(input.body, on: &request)\n"
            } else {
                let format =
                    bodyFormatChoice(operation) == nil
                    ? EmitContext.formatCase(body.contentTypes[0]) ?? ".json" : "bodyFormat"
                result +=
                    Expr.call(
                        "try ClientSupport.setBody",
                        [
                            .atom("input.body"), .labeled("format", .atom(format)),
                            .labeled("allowed", .atom(context.formatList(body.contentTypes))),
                            .labeled("dialect", .atom(context.dialectName)), .labeled("on", .atom("&request")),
                        ]
                    ).render(indent: 8) + "\n"
            }
        }
        var sendArguments = [
            "request", "baseURL: baseURL", "transport: transport", "middlewares: middlewares",
            "maxBodyBytes: maxResponseBodyBytes",
        ]
        let streamingStatuses = operation.responses.filter { $0.stream != nil }.map { String($0.status) }
        if !streamingStatuses.isEmpty {
            sendArguments.append("streamingStatuses: [\(streamingStatuses.joined(separator: ", "))]")
        }
        result += Layout.call("ClientSupport.send", sendArguments, indent: 8, lead: "let response = try await ")
        result += "        switch response.status {\n"
        for response in operation.responses {
            let caseName = Naming.statusCase(response.status)
            result += "        case \(response.status):\n"
            if let type = response.type, let format = response.stream {
                let arguments =
                    ["\(context.swiftType(type)).self", "from: response"]
                    + (EmitContext.framing(format).map { ["framing: \($0)"] } ?? [])
                result += Layout.call(
                    format == .serverSentEvents ? "ClientSupport.serverSentEvents" : "ClientSupport.jsonItems",
                    arguments, indent: 12, lead: "return .\(caseName)(", trail: ")")
            } else if let type = response.type, response.contentTypes == [MediaTypes.json] {
                result += Layout.call(
                    "ClientSupport.decodeJSON", ["\(context.swiftType(type)).self", "from: response"], indent: 12,
                    lead: "return .\(caseName)(try ", trail: ")")
            } else if let type = response.type {
                result += Layout.call(
                    "ClientSupport.decode",
                    ["\(context.swiftType(type)).self", "from: response", "dialect: \(context.dialectName)"],
                    indent: 12, lead: "return .\(caseName)(try ", trail: ")")
            } else {
                result += "            return .\(caseName)(ClientSupport.rawBody(of: response))\n"
            }
        }
        result += "        default:\n"
        result +=
            "            return .undocumented(status: response.status, body: ClientSupport.rawBody(of: response))\n"
        result += "        }\n"
        return result + "    }\n"
    }

    /// The content types of an operation's typed responses, in order of first appearance.
    static func responseFormats(_ operation: Operation) -> [String] {
        var result: [String] = []
        for response in operation.responses where response.type != nil && response.stream == nil {
            for contentType in response.contentTypes where !result.contains(contentType) { result.append(contentType) }
        }
        return result
    }

    /// The operation's declaration of the service's response-format query parameter, if any.
    static func formatParameter(_ operation: Operation, _ context: EmitContext) -> Parameter? {
        guard let name = context.definition.service.responseFormatParameter else { return nil }
        return operation.parameters.first { $0.name == name && $0.location == .query }
    }

    static func credential(_ scheme: String, _ context: EmitContext) -> String {
        let property = "credentials.\(Naming.lowerCamel(scheme))"
        let literal = SwiftSource.stringLiteral(scheme)
        switch context.definition.auth.first(where: { $0.name == scheme })?.kind {
        case .apiKeyHeader(let header)?:
            return ".header(\(literal), name: \(SwiftSource.stringLiteral(header)), value: \(property))"
        default:
            return ".bearer(\(literal), token: \(property))"
        }
    }

    static func methodLiteral(_ method: String) -> String {
        ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"].contains(method)
            ? "." + method.lowercased() : "RequestMethod(rawValue: \(SwiftSource.stringLiteral(method)))"
    }

    /// `PathTemplate.expand("/users/{user_id}", input.userID)`, or the literal path when it has no parameters.
    static func pathExpression(_ operation: Operation) -> Expr {
        let values = operation.templateParameters.map { name in
            "input."
                + (operation.parameters.first { $0.name == name && $0.location == .path }
                    .map(Deprecation.storage) ?? Naming.lowerCamel(name))
        }
        let literal = SwiftSource.stringLiteral(operation.path)
        if values.isEmpty { return .atom(literal) }
        return .call("PathTemplate.expand", ([literal] + values).map(Expr.atom))
    }
}

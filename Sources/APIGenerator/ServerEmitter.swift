import APIDefinition

/// Emits `Server.swift`: a `<Service>Handler` protocol with one method per operation (each answers
/// 501 until implemented) and the route table that checks auth, decodes and validates the input,
/// calls the handler and encodes its typed answer.
enum ServerEmitter {
    /// Part 1 holds the protocol, its default implementations, `makeRouter` and `register(on:)`
    /// with the first part's routes; part n > 1 adds its routes in `registerPart<n>(on:)`, which
    /// `register(on:)` calls.
    static func emit(_ context: EmitContext, operations: ArraySlice<Operation>, part: Int, of parts: Int) -> String {
        let definition = context.definition
        let title = definition.service.title ?? definition.service.name
        guard part == 1 else {
            return "extension \(context.handlerName) {\n"
                + SwiftSource.docComment(
                    "Adds operations \(operations.startIndex + 1)–\(operations.endIndex) of \(title) to `router`.",
                    indent: "    ")
                + Layout.declaration(
                    "func registerPart\(part)",
                    ["on registrar: inout some OperationRegistrar", "middlewares: [any ServerMiddleware]"], tail: " {",
                    indent: 4)
                + operations.map { route($0, context) }.joined(separator: "\n") + "    }\n}\n"
        }
        var result = SwiftSource.docComment(
            "Serves \(title): implement the operations you support; the others answer 501 Not Implemented.")
        result += "public protocol \(context.handlerName): APIService {\n"
        result += definition.operations.map { operation in
            SwiftSource.docComment(ClientEmitter.methodDocs(operation), indent: "    ", extra: handlerDocs(operation))
                + signature(operation, context, head: "func", body: "")
        }.joined(separator: "\n")
        result += "}\n\n"
        result += "extension \(context.handlerName) {\n"
        result += definition.operations.map { operation in
            signature(operation, context, head: "public func", body: " {")
                + "        throw ServerError.notImplemented(\(SwiftSource.stringLiteral(operation.name)))\n    }\n"
        }.joined(separator: "\n")
        result += "\n"
        if definition.service.baseURL == nil {
            result += SwiftSource.docComment(
                "The definition names no base URL: a server mounts the operations at `/`.", indent: "    ")
            result += "    public var defaultBasePath: String { \"\" }\n\n"
        } else {
            let path = basePath(definition)
            result += SwiftSource.docComment(
                path.isEmpty
                    ? "The path of the definition's base URL, under which a server mounts the operations: none."
                    : "The path of the definition's base URL (`\(path)`), under which a server mounts the operations.",
                indent: "    ")
            result += "    public var defaultBasePath: String { \(context.clientName).defaultBaseURL.path }\n\n"
        }
        result += SwiftSource.docComment(
            "A router that serves every operation of \(title) with this handler.", indent: "    ",
            extra: [
                "- Parameters:",
                "  - basePath: The path prefix of every route; by default the path of the",
                definition.service.baseURL == nil
                    ? "    definition's base URL (none: it names no base URL)."
                    : "    definition's base URL (`\(basePath(definition))`).",
                "  - limits: What a request may be.",
                "  - middlewares: What every request passes through, in order, before the handler.",
                "- Returns: A router to hand requests to, for example through ``InProcessTransport``.",
            ])
        result += """
                public func makeRouter(
                    basePath: String? = nil,
                    limits: ServerLimits = .default,
                    middlewares: [any ServerMiddleware] = []
                ) -> APIRouter {
                    var router = APIRouter(basePath: basePath ?? defaultBasePath, limits: limits)
                    register(on: &router, middlewares: middlewares)
                    return router
                }


            """
        result += SwiftSource.docComment(
            "Adds every operation of \(title) to `registrar`: the built-in ``APIRouter`` or a server framework's.",
            indent: "    ",
            extra: [
                "- Parameters:",
                "  - registrar: Where the operations go; their path templates are relative to the base path.",
                "  - middlewares: What every request passes through, in order, before the handler.",
            ])
        result += Layout.declaration(
            "public func register",
            ["on registrar: inout some OperationRegistrar", "middlewares: [any ServerMiddleware] = []"],
            tail: " {", indent: 4)
        result += operations.map { route($0, context) }.joined(separator: "\n")
        if parts > 1 {
            result +=
                "\n"
                + (2...parts).map { "        registerPart\($0)(on: &registrar, middlewares: middlewares)\n" }.joined()
        }
        result += "    }\n}\n"
        return result
    }

    static func basePath(_ definition: Definition) -> String {
        guard let baseURL = definition.service.baseURL, let schemeEnd = baseURL.range(of: "://") else { return "" }
        let rest = baseURL[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "" }
        return String(rest[slash...])
    }

    static func handlerDocs(_ operation: Operation) -> [String] {
        var docs = ["- Parameter input: The parameters and body, already validated."]
        if !operation.auth.isEmpty { docs.append("- Parameter credentials: The credentials the request carried.") }
        docs.append("- Returns: The answer to encode.")
        docs.append("- Throws: A ``ServerError`` to answer with its status; any other error answers 500.")
        return docs
    }

    /// The handler method's declaration line(s), ending in `body`.
    static func signature(_ operation: Operation, _ context: EmitContext, head: String, body: String) -> String {
        let base = Naming.operationType(operation)
        var parameters = ["_ input: \(base)Input"]
        if !operation.auth.isEmpty { parameters.append("credentials: \(context.credentialsName)") }
        return Layout.declaration(
            "\(head) \(Naming.method(operation))", parameters, tail: " async throws -> \(base)Output" + body, indent: 4)
    }

    /// One `router.add` call inside `register(on:)`: auth, input, validation, handler, answer.
    static func route(_ operation: Operation, _ context: EmitContext) -> String {
        let base = Naming.operationType(operation)
        let info = "\(base)Input.operation"
        var result = "        registrar.register(\n"
        result += "            \(info),\n"
        let handler = "            handler: ServerSupport.handler(\(info), middlewares: middlewares) {"
        // swift-format's own break when the closure's parameter does not fit on the line.
        result += handler + (Expr.fits(handler + " request in") ? " request in\n" : "\n                request in\n")

        if !operation.auth.isEmpty {
            let alternatives = Expr.array(
                operation.auth.map { group in .array(group.map { .atom(requirement($0, context)) }) })
            result +=
                Expr.call("try request.authenticate", [.labeled("oneOf", alternatives)])
                .render(indent: 16, lead: "let found = ") + "\n"
            // The credentials' initializer takes its arguments in the order the schemes are declared.
            let used = Set(operation.auth.joined())
            let fields = context.definition.auth.map(\.name).filter(used.contains)
            let arguments = fields.map { "\(Naming.lowerCamel($0)): found[\(SwiftSource.stringLiteral($0))]" }
            result += Layout.call(context.credentialsName, arguments, indent: 16, lead: "let credentials = ")
        }
        let offered = ClientEmitter.responseFormats(operation)
        // An operation that streams is not negotiated: a client asks for the stream's media type, and
        // its other typed answers are JSON (the checker says so), written whatever `Accept` says.
        let negotiated = operation.streams ? [] : offered
        if negotiated == [MediaTypes.json] {
            result += "                try request.checkAccept([.json])\n"
        } else if !negotiated.isEmpty {
            var arguments = [context.formatList(offered)]
            if let parameter = ClientEmitter.formatParameter(operation, context) {
                arguments.append("parameter: \(SwiftSource.stringLiteral(parameter.name))")
            }
            result += Layout.call("request.responseFormat", arguments, indent: 16, lead: "let format = try ")
        }
        var arguments: [Expr] = []
        for parameter in operation.parameters {
            let name = SwiftSource.stringLiteral(parameter.name)
            let type = context.swiftType(parameter.type)
            let call: String
            switch parameter.location {
            case .path: call = "request.pathParameter(\(name), as: \(type).self)"
            case .query:
                call =
                    parameter.required
                    ? "request.requiredQuery(\(name), as: \(type).self)" : "request.query(\(name), as: \(type).self)"
            case .header:
                call =
                    parameter.required
                    ? "request.requiredHeader(\(name), as: \(type).self)" : "request.header(\(name), as: \(type).self)"
            }
            arguments.append(.atom("\(Naming.parameter(parameter)): try \(call)"))
        }
        if let body = operation.body {
            if body.contentTypes == [MediaTypes.json] {
                arguments.append(.atom("body: try request.decodeJSONBody(\(context.swiftType(body.type)).self)"))
            } else {
                arguments.append(
                    .labeled(
                        "body",
                        .call(
                            "try request.decodeBody",
                            [
                                .atom("\(context.swiftType(body.type)).self"),
                                .labeled("formats", .atom(context.formatList(body.contentTypes))),
                                .labeled("dialect", .atom(context.dialectName)),
                            ])))
            }
        }
        if operation.body != nil {
            // After auth and content negotiation: an unauthorized request's body is never read.
            result += "                let request = try await request.collectingBody()\n"
        }
        result += Expr.call("\(base)Input", arguments).render(indent: 16, lead: "let input = ") + "\n"
        result += "                try request.validate(input)\n"
        let credentials = operation.auth.isEmpty ? "" : ", credentials: credentials"
        result += "                switch try await self.\(Naming.method(operation))(input\(credentials)) {\n"
        for response in operation.responses {
            result += "                case .\(Naming.statusCase(response.status))(let body):\n"
            if let format = response.stream {
                let call =
                    EmitContext.framing(format).map {
                        ".jsonItems(status: \(response.status), body, framing: \($0))"
                    } ?? ".serverSentEvents(status: \(response.status), body)"
                result += "                    return \(call)\n"
            } else if response.type != nil, response.contentTypes == [MediaTypes.json] {
                result += "                    return try .json(status: \(response.status), body)\n"
            } else if response.type != nil {
                let format =
                    response.contentTypes == offered
                    ? "format" : "format.within(\(context.formatList(response.contentTypes)))"
                result += Layout.call(
                    ".encode",
                    ["status: \(response.status)", "body", "format: \(format)", "dialect: \(context.dialectName)"],
                    indent: 20, lead: "return try ")
            } else {
                result += "                    return .raw(status: \(response.status), body)\n"
            }
        }
        result += "                case .undocumented(let status, let body):\n"
        result += "                    return .raw(status: status, body)\n"
        result += "                }\n"
        result += "            })\n"
        return result
    }

    static func requirement(_ scheme: String, _ context: EmitContext) -> String {
        let literal = SwiftSource.stringLiteral(scheme)
        switch context.definition.auth.first(where: { $0.name == scheme })?.kind {
        case .apiKeyHeader(let header)?: return ".header(\(literal), name: \(SwiftSource.stringLiteral(header)))"
        default: return ".bearer(\(literal))"
        }
    }
}

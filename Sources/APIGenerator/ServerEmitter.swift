import APIDefinition

/// Emits `Server.swift`: a `<Service>Handler` protocol with one requirement per operation, a
/// `<Service>PartialHandler` that refines it with 501 Not Implemented defaults (opt-in), and the route table that checks auth, decodes and validates the input,
/// calls the handler and encodes its typed answer.
enum ServerEmitter {
    /// Part 1 holds the protocols, the partial handler's defaults, `makeRouter` and `register(on:)`
    /// with the first part's routes; part n > 1 adds its routes in `registerPart<n>(on:)`, which
    /// `register(on:)` calls.
    static func emit(
        _ context: EmitContext, operations: ArraySlice<OperationModel>, part: Int, of parts: Int
    ) -> String {
        let definition = context.definition
        let title = definition.service.title ?? definition.service.name
        return SwiftWriter.write { writer in
            guard part == 1 else {
                writer.block("extension \(context.handlerName) {") {
                    writer.docComment(
                        "Adds operations \(operations.startIndex + 1)–\(operations.endIndex) of \(title) to `router`.")
                    writer.declaration(
                        "func registerPart\(part)",
                        ["on registrar: inout some OperationRegistrar", "middlewares: [any ServerMiddleware]"],
                        tail: " {")
                    writer.indented {
                        ErrorBody.errorsLocal(writer, context, operations: operations.count)
                        writer.separated(operations) { route(writer, $0, context) }
                    }
                    writer.line("}")
                }
                return
            }
            handler(writer, title, context)
            writer.blank()
            partialHandler(writer, title, context)
            writer.blank()
            writer.block("extension \(context.handlerName) {") {
                routerDocs(writer, title, context)
                writer.declaration(
                    "\(context.access.keyword)func register",
                    ["on registrar: inout some OperationRegistrar", "middlewares: [any ServerMiddleware] = []"],
                    tail: " {")
                writer.indented {
                    ErrorBody.errorsLocal(writer, context, operations: operations.count)
                    writer.separated(operations) { route(writer, $0, context) }
                    if parts > 1 {
                        writer.blank()
                        for part in 2...parts {
                            writer.line("registerPart\(part)(on: &registrar, middlewares: middlewares)")
                        }
                    }
                }
                writer.line("}")
                ErrorBody.errorResponse(writer, context)
            }
        }
    }

    /// The handler protocol: one requirement per operation, none with a default, so that a handler
    /// that stops matching the definition fails to compile instead of answering 501.
    static func handler(_ writer: SwiftWriter, _ title: String, _ context: EmitContext) {
        writer.docComment(
            "Serves \(title): implement every operation.",
            extra: [
                "An operation added to the definition, or one whose signature changes, is a compile error",
                "until the handler follows. To serve only some operations, adopt",
                "``\(context.partialHandlerName)`` instead: the others answer 501 Not Implemented.",
            ])
        writer.block("\(context.access.keyword)protocol \(context.handlerName): APIService {") {
            writer.separated(context.operations) { operation in
                writer.docComment(operation.docs, extra: handlerDocs(operation))
                signature(writer, operation, context, head: "func", body: "")
            }
            ErrorBody.requirement(writer, context)
        }
    }

    /// The opt-in protocol whose operations answer 501 Not Implemented until implemented.
    static func partialHandler(_ writer: SwiftWriter, _ title: String, _ context: EmitContext) {
        writer.docComment(
            "Serves some operations of \(title): those it implements. The others answer 501 Not Implemented.",
            extra: [
                "A method whose signature no longer matches the definition is not an error here: it is",
                "not called, and its operation answers 501. Adopt ``\(context.handlerName)`` to have the",
                "compiler check every operation.",
            ])
        writer.line("\(context.access.keyword)protocol \(context.partialHandlerName): \(context.handlerName) {}")
        writer.blank()
        writer.block("extension \(context.partialHandlerName) {") {
            writer.separated(context.operations) { operation in
                signature(writer, operation, context, head: "\(context.access.keyword)func", body: " {")
                writer.indented {
                    writer.line("throw ServerError.notImplemented(\(SwiftSource.stringLiteral(operation.operation.name)))")
                }
                writer.line("}")
            }
        }
    }

    /// The base path, `makeRouter` and the documentation of `register(on:)`.
    static func routerDocs(_ writer: SwiftWriter, _ title: String, _ context: EmitContext) {
        let definition = context.definition
        if definition.service.baseURL == nil {
            writer.docComment("The definition names no base URL: a server mounts the operations at `/`.")
            writer.line("\(context.access.keyword)var defaultBasePath: String { \"\" }")
        } else {
            let path = basePath(definition)
            writer.docComment(
                path.isEmpty
                    ? "The path of the definition's base URL, under which a server mounts the operations: none."
                    : "The path of the definition's base URL (`\(path)`), under which a server mounts the operations.")
            writer.line(
                "\(context.access.keyword)var defaultBasePath: String { \(context.clientName).defaultBaseURL.path }")
        }
        writer.blank()
        writer.docComment(
            "A router that serves every operation of \(title) with this handler.",
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
        writer.block("\(context.access.keyword)func makeRouter(", close: ") -> APIRouter {") {
            writer.line("basePath: String? = nil,")
            writer.line("limits: ServerLimits = .default,")
            writer.line("middlewares: [any ServerMiddleware] = []")
        }
        writer.indented {
            writer.line("var router = APIRouter(basePath: basePath ?? defaultBasePath, limits: limits)")
            if context.errorBodyType != nil { writer.line("router.errorResponse = { self.errorResponse(for: $0) }") }
            writer.line("register(on: &router, middlewares: middlewares)")
            writer.line("return router")
        }
        writer.line("}")
        writer.blank()
        writer.docComment(
            "Adds every operation of \(title) to `registrar`: the built-in ``APIRouter`` or a server framework's.",
            extra: [
                "- Parameters:",
                "  - registrar: Where the operations go; their path templates are relative to the base path.",
                "  - middlewares: What every request passes through, in order, before the handler.",
            ])
    }

    static func basePath(_ definition: Definition) -> String {
        guard let baseURL = definition.service.baseURL, let schemeEnd = baseURL.range(of: "://") else { return "" }
        let rest = baseURL[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "" }
        return String(rest[slash...])
    }

    static func handlerDocs(_ operation: OperationModel) -> [String] {
        var docs = ["- Parameter input: The parameters and body, already validated."]
        if !operation.auth.isEmpty { docs.append("- Parameter credentials: The credentials the request carried.") }
        docs.append("- Returns: The answer to encode.")
        docs.append("- Throws: A ``ServerError`` to answer with its status; any other error answers 500.")
        return docs
    }

    /// The handler method's declaration line(s), ending in `body`.
    static func signature(
        _ writer: SwiftWriter, _ operation: OperationModel, _ context: EmitContext, head: String, body: String
    ) {
        var parameters = ["_ input: \(operation.inputName)"]
        if !operation.auth.isEmpty { parameters.append("credentials: \(context.credentialsName)") }
        writer.declaration(
            "\(head) \(operation.method)", parameters, tail: " async throws -> \(operation.outputName)" + body)
    }

    /// One `registrar.register` call inside `register(on:)`: auth, input, validation, handler, answer.
    static func route(_ writer: SwiftWriter, _ model: OperationModel, _ context: EmitContext) {
        let info = "\(model.inputName).operation"
        writer.line("registrar.register(")
        writer.indented {
            writer.line("\(info),")
            let errors = context.errorBodyType == nil ? "" : ", errors: errors"
            let handler = writer.pad + "handler: ServerSupport.handler(\(info), middlewares: middlewares\(errors)) {"
            // swift-format's own break when the closure's parameter does not fit on the line.
            if Expr.fits(handler + " request in") {
                writer.raw(handler + " request in\n")
            } else {
                writer.raw(handler + "\n")
                writer.indented { writer.line("request in") }
            }
            writer.indented { routeBody(writer, model, context) }
            writer.line("})")
        }
    }

    /// The closure of a route: auth, content negotiation, input, validation, handler, answer.
    static func routeBody(_ writer: SwiftWriter, _ model: OperationModel, _ context: EmitContext) {
        let operation = model.operation
        if !model.auth.isEmpty {
            let alternatives = Expr.array(
                model.auth.map { group in .array(group.map { .atom(requirement($0, context)) }) })
            writer.expression(
                .call("try request.authenticate", [.labeled("oneOf", alternatives)]), lead: "let found = ")
            // The credentials' initializer takes its arguments in the order the schemes are declared.
            let used = Set(model.auth.joined().map(\.scheme))
            let fields = context.definition.auth.filter { used.contains($0.name) }
            let arguments = fields.map { scheme in
                let literal = SwiftSource.stringLiteral(scheme.name)
                return "\(Naming.lowerCamel(scheme.name)): "
                    + (scheme.kind == .basic ? "found.basic(\(literal))" : "found[\(literal)]")
            }
            writer.call(context.credentialsName, arguments, lead: "let credentials = ")
        }
        let offered = model.responseFormats
        // An operation that streams is not negotiated: a client asks for the stream's media type, and
        // its other typed answers are JSON (the checker says so), written whatever `Accept` says.
        let negotiated = operation.streams ? [] : offered
        if negotiated == [MediaTypes.json] {
            writer.line("try request.checkAccept([.json])")
        } else if !negotiated.isEmpty {
            var arguments = [context.formatList(offered)]
            if let parameter = model.formatParameter {
                arguments.append("parameter: \(SwiftSource.stringLiteral(parameter.name))")
            }
            writer.call("request.responseFormat", arguments, lead: "let format = try ")
        }
        var arguments: [Expr] = []
        for parameter in model.parameters {
            let name = parameter.wireLiteral
            let type = parameter.itemSwiftType
            let required = parameter.parameter.required
            // `requiredQuery`, `query`, `requiredHeaderArray`, …
            func read(_ stem: String, _ extra: String = "") -> String {
                let method = required ? "required" + stem.prefix(1).uppercased() + stem.dropFirst() : stem
                return "request.\(method)(\(name), as: \(type).self\(extra))"
            }
            let array = parameter.isArray ? "Array" : ""
            let call: String
            switch parameter.location {
            case .path:
                call =
                    parameter.isArray
                    ? "request.pathArray(\(name), as: \(type).self)"
                    : "request.pathParameter(\(name), as: \(type).self)"
            case .query where parameter.parameter.effectiveStyle == .deepObject && parameter.isArray:
                call = read("deepObjectArray")
            case .query where parameter.parameter.effectiveStyle == .deepObject:
                // An anyOf may be a value (`created=1`) as well as an object (`created[gte]=1`).
                var isAnyOf = false
                if case .named(let name) = parameter.parameter.type, case .anyOf? = context.definition.type(named: name)?.kind {
                    isAnyOf = true
                }
                call = read("deepObject", isAnyOf ? ", allowsValue: true" : "")
            case .query where parameter.isArray: call = read("queryArray", ", delimiter: \(parameter.delimiter)")
            case .query: call = read("query")
            case .header: call = read("header" + array)
            case .cookie: call = read("cookie" + array)
            }
            arguments.append(.atom("\(parameter.swiftName): try \(parameter.inputValue(call))"))
        }
        if let body = model.body {
            // An optional body decodes to nil when the request has none.
            let ifPresent = body.isRequired ? "" : "IfPresent"
            if body.isRaw {
                arguments.append(
                    .labeled(
                        "body", .call("try request.rawBody\(ifPresent)", [.labeled("accepting", .atom(body.rangeList))])
                    ))
            } else if body.isJSONOnly {
                let type = body.coded ?? body.swiftType
                arguments.append(.atom("body: try request.decodeJSONBody\(ifPresent)(\(type).self)"))
            } else {
                arguments.append(
                    .labeled(
                        "body",
                        .call(
                            "try request.decodeBody\(ifPresent)",
                            [
                                .atom("\(body.swiftType).self"), .labeled("formats", .atom(body.formatList)),
                                .labeled("dialect", .atom(context.dialectName)),
                            ])))
            }
            // After auth and content negotiation: an unauthorized request's body is never read.
            writer.line("let request = try await request.collectingBody()")
        }
        writer.expression(.call(model.inputName, arguments), lead: "let input = ")
        writer.line("try request.validate(input)")
        let credentials = model.auth.isEmpty ? "" : ", credentials: credentials"
        writer.line("switch try await self.\(model.method)(input\(credentials)) {")
        for answer in model.answers {
            guard answer.carriesStatus else {
                writer.line("case .\(answer.caseIdentifier)(let body\(answer.headersType == nil ? "" : ", let headers")):")
                writer.indented {
                    encodeAnswer(writer, answer, status: String(answer.status), offered: offered, context)
                }
                continue
            }
            // The handler chose the status: one this case covers, or a 500 instead of a wrong wire status.
            writer.line(
                "case .\(answer.caseIdentifier)(let answered, let body\(answer.headersType == nil ? "" : ", let headers")):")
            writer.indented {
                var arguments = [
                    "answered", "case: \(SwiftSource.stringLiteral(answer.caseName))",
                    "in: \(answer.status.codes.lowerBound)...\(answer.status.codes.upperBound)",
                ]
                let others = model.answers.filter { $0.status != answer.status }
                let codes = others.compactMap(\.status.code).filter(answer.status.codes.contains)
                if !codes.isEmpty {
                    arguments.append("documented: [\(codes.map(String.init).joined(separator: ", "))]")
                }
                if answer.status == .default {
                    let ranges = others.filter { if case .range = $0.status { true } else { false } }
                        .map { "\($0.status.codes.lowerBound)...\($0.status.codes.upperBound)" }
                    if !ranges.isEmpty { arguments.append("documentedRanges: [\(ranges.joined(separator: ", "))]") }
                }
                writer.call("ServerSupport.status", arguments, lead: "let status = try ")
                encodeAnswer(writer, answer, status: "status", offered: offered, context)
            }
        }
        writer.line("case .undocumented(let status, let body):")
        writer.indented { writer.line("return .raw(status: status, body)") }
        writer.line("}")
    }

    /// The `return` of one answer: a stream, an encoded body, or the raw body. An answer with typed
    /// headers validates and writes them (`.withHeaders(headers)`).
    static func encodeAnswer(
        _ writer: SwiftWriter, _ answer: AnswerModel, status: String, offered: [String], _ context: EmitContext
    ) {
        let withHeaders = answer.headersType == nil ? "" : ".withHeaders(headers)"
        let tryHeaders = answer.headersType == nil ? "" : "try "
        if let format = answer.stream {
            let call =
                EmitContext.framing(format).map { ".jsonItems(status: \(status), body, framing: \($0))" }
                ?? ".serverSentEvents(status: \(status), body)"
            writer.line("return \(tryHeaders)\(call)\(withHeaders)")
        } else if let coded = answer.coded {
            writer.line("return try .json(status: \(status), body, as: \(coded).self)\(withHeaders)")
        } else if answer.bodyType != nil, answer.isJSONOnly {
            writer.line("return try .json(status: \(status), body)\(withHeaders)")
        } else if answer.bodyType != nil {
            let format = answer.response.contentTypes == offered ? "format" : "format.within(\(answer.formatList))"
            writer.call(
                ".encode", ["status: \(status)", "body", "format: \(format)", "dialect: \(context.dialectName)"],
                lead: "return try ", trail: withHeaders)
        } else {
            writer.line("return \(tryHeaders).raw(status: \(status), body)\(withHeaders)")
        }
    }

    static func requirement(_ use: AuthUse, _ context: EmitContext) -> String {
        let literal = SwiftSource.stringLiteral(use.scheme)
        switch context.definition.auth.first(where: { $0.name == use.scheme })?.kind {
        case .apiKeyHeader(let header)?: return ".header(\(literal), name: \(SwiftSource.stringLiteral(header)))"
        case .apiKeyQuery(let name)?: return ".query(\(literal), name: \(SwiftSource.stringLiteral(name)))"
        case .apiKeyCookie(let name)?: return ".cookie(\(literal), name: \(SwiftSource.stringLiteral(name)))"
        case .basic?:
            let service = context.definition.service
            return ".basic(\(literal), realm: \(SwiftSource.stringLiteral(service.title ?? service.name)))"
        default: return ".bearer(\(literal))"
        }
    }
}

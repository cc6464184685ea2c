import APIDefinition

/// Emits `Client.swift`: a `<Service>Client` with one `async throws(ClientError)` method per
/// operation. Requests are validated before any I/O; documented answers are decoded and validated.
enum ClientEmitter {
    static func emit(_ context: EmitContext) -> String {
        let definition = context.definition
        let service = definition.service
        let title = service.title ?? service.name
        let hasAuth = !definition.auth.isEmpty
        var result = SwiftSource.docComment(
            "A client for \(title).", extra: service.doc.map { [$0] } ?? [])
        result += "public struct \(context.clientName): Sendable {\n"
        result += "    /// `\(service.baseURL)`, the base URL the definition declares.\n"
        result += "    public static let defaultBaseURL = URL(string: \(SwiftSource.stringLiteral(service.baseURL)))!\n\n"
        result += "    /// Where requests go; the operation paths are appended to its path.\n"
        result += "    public var baseURL: URL\n"
        if hasAuth {
            result += "    /// The credentials requests carry, as each operation's auth requires.\n"
            result += "    public var credentials: \(context.credentialsName)\n"
        }
        result += "    /// What sends the requests.\n"
        result += "    public var transport: any ClientTransport\n\n"
        var docs = ["- Parameters:", "  - baseURL: Where requests go; by default ``defaultBaseURL``."]
        if hasAuth { docs.append("  - credentials: The credentials requests carry.") }
        docs.append("  - transport: What sends the requests; by default `URLSession`.")
        result += SwiftSource.docComment("Creates a client.", indent: "    ", extra: docs)
        let credentialsParameter = hasAuth ? "credentials: \(context.credentialsName) = \(context.credentialsName)(),\n        " : ""
        result += """
                public init(
                    baseURL: URL = defaultBaseURL,
                    \(credentialsParameter)transport: any ClientTransport = URLSessionTransport()
                ) {
                    self.baseURL = baseURL

            """
        if hasAuth { result += "        self.credentials = credentials\n" }
        result += "        self.transport = transport\n    }\n"
        for operation in definition.operations {
            result += "\n" + convenienceMethod(operation, context) + "\n" + method(operation, context)
        }
        return result + "}\n"
    }

    static func methodDocs(_ operation: Operation) -> String? {
        [operation.summary, operation.doc].compactMap { $0 }.joined(separator: "\n\n")
    }

    static func throwsDoc(_ operation: Operation) -> [String] {
        [
            "- Throws: ``ClientError``: `.invalidRequest` (before anything is sent) when the input breaks a",
            "  constraint, `.missingCredential` when the credentials this operation needs are not set,",
            "  `.invalidResponse` when a documented answer does not decode or validate, `.transport` when the",
            "  exchange fails.",
        ]
    }

    /// `sendVerification(userID:body:)`: the input's members as arguments.
    static func convenienceMethod(_ operation: Operation, _ context: EmitContext) -> String {
        let members = OperationsEmitter.inputMembers(operation, context)
        let name = Naming.method(operation)
        let output = Naming.operationType(operation) + "Output"
        var docs = members.isEmpty ? [] : ["- Parameters:"]
        docs += members.map { "  - \($0.name): \(SwiftSource.summary($0.doc) ?? "")".trimmingTrailingSpaces() }
        docs.append("- Returns: The documented answer, or `.undocumented` for any other status.")
        docs += throwsDoc(operation)
        var result = SwiftSource.docComment(methodDocs(operation), indent: "    ", extra: docs)
        let parameters = members.map { "\($0.name): \($0.type)\($0.optional ? " = nil" : "")" }.joined(separator: ", ")
        let arguments = members.map { "\($0.name): \(Naming.escaped($0.name))" }.joined(separator: ", ")
        result += "    public func \(name)(\(parameters)) async throws(ClientError) -> \(output) {\n"
        result += "        try await \(name)(\(Naming.operationType(operation))Input(\(arguments)))\n"
        result += "    }\n"
        return result
    }

    static func method(_ operation: Operation, _ context: EmitContext) -> String {
        let name = Naming.method(operation)
        let output = Naming.operationType(operation) + "Output"
        var result = SwiftSource.docComment(
            "\(operation.summary ?? name), with its input as one value.", indent: "    ",
            extra: ["- Parameter input: The parameters and body.",
                    "- Returns: The documented answer, or `.undocumented` for any other status."] + throwsDoc(operation))
        result += "    public func \(name)(_ input: \(Naming.operationType(operation))Input) async throws(ClientError) -> \(output) {\n"
        var lines: [String] = ["try ClientSupport.validate(input)"]
        lines.append("var request = HTTPRequest(method: \(methodLiteral(operation.method)), path: \(pathExpression(operation)))")
        for parameter in operation.parameters where parameter.location == .query {
            lines.append("request.addQuery(\(SwiftSource.stringLiteral(parameter.name)), input.\(Naming.parameter(parameter)))")
        }
        for parameter in operation.parameters where parameter.location == .header {
            lines.append("request.setHeader(\(SwiftSource.stringLiteral(parameter.name)), input.\(Naming.parameter(parameter)))")
        }
        if operation.responses.contains(where: { $0.type != nil }) {
            lines.append("request.headers[\"Accept\"] = MediaType.json")
        }
        if !operation.auth.isEmpty {
            let alternatives = operation.auth.map { group in
                "[" + group.map { credential($0, context) }.joined(separator: ", ") + "]"
            }
            lines.append("try ClientSupport.authorize(&request, oneOf: [\(alternatives.joined(separator: ", "))])")
        }
        if operation.body != nil {
            lines.append("try ClientSupport.setJSONBody(input.body, on: &request)")
        }
        lines.append("let response = try await ClientSupport.send(request, baseURL: baseURL, transport: transport)")
        lines.append("switch response.status {")
        for response in operation.responses {
            let caseName = Naming.statusCase(response.status)
            if let type = response.type {
                lines.append("case \(response.status):")
                lines.append("    return .\(caseName)(try ClientSupport.decodeJSON(\(context.swiftType(type)).self, from: response))")
            } else {
                lines.append("case \(response.status): return .\(caseName)(ClientSupport.rawBody(of: response))")
            }
        }
        lines.append("default: return .undocumented(status: response.status, body: ClientSupport.rawBody(of: response))")
        lines.append("}")
        result += lines.map { "        \($0)\n" }.joined()
        return result + "    }\n"
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
            ? "." + method.lowercased() : "HTTPMethod(rawValue: \(SwiftSource.stringLiteral(method)))"
    }

    /// The path as a string literal, with each `{name}` replaced by the percent-encoded parameter.
    static func pathExpression(_ operation: Operation) -> String {
        var result = ""
        var parameter: String?
        for character in operation.path {
            if character == "{" {
                parameter = ""
            } else if character == "}", let name = parameter {
                let swiftName = operation.parameters.first { $0.name == name && $0.location == .path }
                    .map(Naming.parameter) ?? Naming.lowerCamel(name)
                result += "\\(PercentEncoding.pathSegment(input.\(swiftName).parameterValue))"
                parameter = nil
            } else if parameter != nil {
                parameter?.append(character)
            } else {
                result += SwiftSource.stringLiteral(String(character)).dropFirst().dropLast()
            }
        }
        return "\"" + result + "\""
    }
}

import APIDefinition

/// What the emitters know about one operation, computed once from the checked definition: its Swift
/// names, its input's members, where each parameter goes, the formats of its body and answers, its auth
/// alternatives and its answers. The operations, client and server emitters read it; none derives these
/// facts itself.
struct OperationModel {
    /// The operation as the definition declares it.
    let operation: Operation
    /// The client and handler method's name (`sendVerification`).
    let method: String
    /// The operation's type-name stem (`SendVerification`).
    let typeName: String
    /// `SendVerificationInput`.
    var inputName: String { typeName + "Input" }
    /// `SendVerificationOutput`.
    var outputName: String { typeName + "Output" }
    /// `.post`, or `RequestMethod(rawValue: "…")` for a method without a static.
    let methodLiteral: String
    /// `` `POST /v1/users` ``: the HTTP method and path, as the docs name them.
    let endpoint: String
    /// The summary and doc, then the endpoint: the doc text of the client and handler methods.
    let docs: String
    /// The parameters, in the order the definition lists them.
    let parameters: [ParameterModel]
    /// The input's members, in order: the parameters, then `body`.
    let members: [InputMember]
    /// The request body, if any.
    let body: BodyModel?
    /// The content types of the typed answers that are not streams, in order of first appearance.
    let responseFormats: [String]
    /// The operation's declaration of the service's response-format query parameter (`?format=`), if any.
    let formatParameter: Parameter?
    /// The auth alternatives: any one group, all the schemes in it.
    var auth: [[AuthUse]] { operation.auth }

    /// "Requires the scopes …": the OAuth 2 and OpenID Connect scopes of each alternative that names some,
    /// which the server does not check (the handler does); nothing when no alternative requires scopes.
    static func scopesDoc(_ auth: [[AuthUse]]) -> [String] {
        let parts = auth.joined().filter { !$0.scopes.isEmpty }.map {
            "\($0.scopes.joined(separator: ", ")) (\($0.scheme))"
        }
        if parts.isEmpty { return [] }
        return [
            "Requires the scopes \(parts.joined(separator: "; or ")); the server does not check them, the handler does."
        ]
    }
    /// The documented answers, in the definition's order.
    let answers: [AnswerModel]

    init(_ operation: Operation, _ context: EmitContext) {
        self.operation = operation
        method = Naming.method(operation)
        typeName = Naming.operationType(operation)
        methodLiteral = Self.methodLiteral(operation.method)
        endpoint = "`\(operation.method) \(operation.path)`"
        docs = ([operation.summary, operation.doc].compactMap { $0 } + [endpoint] + Self.scopesDoc(operation.auth))
            .joined(separator: "\n\n")
        parameters = operation.parameters.map { ParameterModel($0, context) }
        body = operation.body.map { BodyModel($0, context) }
        var members = parameters.map { parameter in
            InputMember(
                name: parameter.swiftName, type: parameter.swiftType + (parameter.parameter.required ? "" : "?"),
                doc: parameter.doc, optional: !parameter.parameter.required,
                deprecated: parameter.parameter.deprecated, storage: parameter.storage)
        }
        if let body {
            members.append(
                InputMember(
                    name: "body", type: body.swiftType + (body.isRequired ? "" : "?"),
                    doc: body.body.doc ?? body.body.type.flatMap { context.declaration($0)?.doc },
                    optional: !body.isRequired,
                    deprecated: nil, storage: "body"))
        }
        self.members = members
        var formats: [String] = []
        for response in operation.responses where response.type != nil && response.stream == nil {
            for contentType in response.contentTypes where !formats.contains(contentType) {
                formats.append(contentType)
            }
        }
        responseFormats = formats
        formatParameter = context.definition.service.responseFormatParameter.flatMap { name in
            operation.parameters.first { $0.name == name && $0.location == .query }
        }
        answers = operation.responses.map { AnswerModel($0, context) }
    }

    static func methodLiteral(_ method: String) -> String {
        ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"].contains(method)
            ? "." + method.lowercased() : "RequestMethod(rawValue: \(SwiftSource.stringLiteral(method)))"
    }
}

/// One member of an operation's input: a parameter or the body.
struct InputMember {
    /// The Swift name (`userID`).
    let name: String
    /// The Swift type, `?` included for an optional parameter.
    let type: String
    /// The member's doc text.
    let doc: String?
    /// Whether the member may be absent (its initializer argument defaults to `nil`).
    let optional: Bool
    /// The deprecation message, when the member is deprecated.
    let deprecated: String?
    /// The name generated code reads and writes it by (``Deprecation/storage(_:)-(Parameter)``).
    let storage: String
}

/// A parameter with its Swift spellings.
struct ParameterModel {
    let parameter: Parameter
    /// The input member's name.
    let swiftName: String
    /// The Swift type of its value (not optional).
    let swiftType: String
    /// The name generated code reads and writes it by.
    let storage: String
    /// The wire name as a string literal.
    let wireLiteral: String
    /// Its doc text, with its default and constraints.
    let doc: String?

    init(_ parameter: Parameter, _ context: EmitContext) {
        self.parameter = parameter
        swiftName = Naming.parameter(parameter)
        swiftType = context.swiftType(parameter.type)
        let item: TypeRef
        if case .array(let element) = parameter.type { item = element } else { item = parameter.type }
        isUnixTime = item == .unixTime
        // A unix time travels as its seconds (`UnixTimeParameter`), not as a `Date`'s RFC 3339 text.
        itemSwiftType = isUnixTime ? "UnixTimeParameter" : context.swiftType(item)
        storage = Deprecation.storage(parameter)
        wireLiteral = SwiftSource.stringLiteral(parameter.name)
        var notes: [String] = []
        if let value = parameter.defaultValue { notes.append("Default: \(value).") }
        let constraints = ConstraintSource.descriptions(parameter.constraints)
        if !constraints.isEmpty { notes.append("Constraints: " + constraints.joined(separator: ", ") + ".") }
        let text = [parameter.doc, notes.isEmpty ? nil : notes.joined(separator: " ")].compactMap { $0 }
        doc = text.isEmpty ? nil : text.joined(separator: "\n\n")
    }

    var location: ParameterLocation { parameter.location }

    /// Whether the parameter is an array (`[T]`).
    var isArray: Bool {
        if case .array = parameter.type { return true }
        return false
    }

    /// The Swift type of one item of an array parameter, or of the value, as it travels.
    var itemSwiftType: String

    /// Whether its items are `unix-time` (`Date` in the input, `UnixTimeParameter` on the wire).
    let isUnixTime: Bool

    /// What the client hands the request for the input's `value`: the value, or its `UnixTimeParameter` form.
    func wireValue(_ value: String) -> String {
        guard isUnixTime else { return value }
        let optional = parameter.required ? "" : "?"
        if isArray { return "\(value)\(optional).map(UnixTimeParameter.init)" }
        return parameter.required ? "UnixTimeParameter(\(value))" : "\(value).map(UnixTimeParameter.init)"
    }

    /// What the server hands the input for the request's `read`: the value, or its `UnixTimeParameter`'s date.
    func inputValue(_ read: String) -> String {
        guard isUnixTime else { return read }
        let optional = parameter.required ? "" : "?"
        return isArray ? "\(read)\(optional).map(\\.date)" : "\(read)\(optional).date"
    }

    /// The `delimiter:` argument of an array query parameter: `nil` when exploded, else its character literal.
    var delimiter: String {
        switch parameter.effectiveStyle {
        case .spaceDelimited: return "\" \""
        case .pipeDelimited: return "\"|\""
        default: return parameter.effectiveExplode ? "nil" : "\",\""
        }
    }
}

/// A request body with its Swift spellings and formats.
struct BodyModel {
    let body: RequestBody
    /// The Swift type of the body (not optional).
    let swiftType: String
    /// `[.json, .xml]`: its content types as `BodyFormat` cases.
    let formatList: String
    /// When the body may travel in several formats: the default and the list, for the `bodyFormat` argument.
    let choice: (defaultFormat: String, list: String)?
    /// Whether JSON is its only format.
    var isJSONOnly: Bool { body.type != nil && body.contentTypes == [MediaTypes.json] }
    /// Whether it is a raw body (no `type`): `RawBody`, in any of its media types or ranges.
    var isRaw: Bool { body.type == nil }
    /// `["image/png", "image/*"]`: a raw body's media types as a Swift array of string literals.
    var rangeList: String { "[" + body.contentTypes.map(SwiftSource.stringLiteral).joined(separator: ", ") + "]" }
    /// Whether every request carries it; an optional body is `body: T?` on the input, sent only when
    /// set, and `nil` on the server for a request without a body.
    var isRequired: Bool { body.required }

    /// `ArrayCoding<UUIDCoding>` for a JSON body that holds converted scalars (`[uuid]`): how its value
    /// travels; nil when it travels as its Swift type.
    let coded: String?

    init(_ body: RequestBody, _ context: EmitContext) {
        self.body = body
        swiftType = body.type.map(context.swiftType) ?? "RawBody"
        coded = body.type.flatMap(context.coding)
        formatList = context.formatList(body.contentTypes)
        if body.type != nil, body.contentTypes.count > 1 {
            let cases = body.contentTypes.compactMap(EmitContext.formatCase)
            choice = (cases[0], cases.map { "`\($0)`" }.joined(separator: ", "))
        } else {
            choice = nil
        }
    }
}

/// One documented answer with its Swift spellings.
struct AnswerModel {
    let response: Response
    /// The status: a code, a range or `default`.
    var status: ResponseStatus { response.status }
    /// The output's case name (`ok`, `clientError`, `default`).
    let caseName: String
    /// The case name as a Swift identifier (`` `default` ``).
    var caseIdentifier: String { Naming.escaped(caseName) }
    /// Whether the case carries the actual status beside the body (a range or `default`).
    var carriesStatus: Bool { response.status.code == nil }
    /// The Swift type of the answer's body, when it is typed.
    let bodyType: String?
    /// `MapCoding<DateTimeCoding>` for a JSON answer that holds converted scalars (`{date-time}`): how its
    /// value travels; nil when it travels as its Swift type.
    let coded: String?
    /// The Swift type the output case carries (a stream, the body type, or `RawBody`).
    let payloadType: String
    /// `[.json, .xml]`: its content types as `BodyFormat` cases.
    let formatList: String
    /// The stream format, when the answer is a stream of events.
    var stream: StreamFormat? { response.stream }
    /// Whether JSON is its only format.
    var isJSONOnly: Bool { response.contentTypes == [MediaTypes.json] }

    /// The typed headers, in the definition's order; empty when it declares none.
    let headers: [ParameterModel]
    /// `CreatedHeaders`: the struct nested in the output that holds them; `nil` when there are none.
    let headersType: String?

    init(_ response: Response, _ context: EmitContext) {
        self.response = response
        caseName = Naming.statusCase(response.status)
        headers = response.headers.map { ParameterModel($0, context) }
        headersType = response.headers.isEmpty ? nil : Naming.type(caseName) + "Headers"
        bodyType = response.type.map(context.swiftType)
        coded = response.type.flatMap(context.coding)
        payloadType = context.payloadType(response)
        formatList = context.formatList(response.contentTypes)
    }
}

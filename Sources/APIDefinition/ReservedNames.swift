/// Names generated code declares or relies on, which a definition's names must not take: the one
/// list the checker and the OpenAPI importer both read (a test keeps ``runtimeTypeNames`` in step
/// with APIRuntime's public types, and compiles definitions built from hostile names).
public enum ReservedNames {
    /// Type names generated code relies on: Swift's, Foundation's and APIRuntime's. A declared
    /// type with one of these names would shadow it.
    public static let typeNames: Set<String> = swiftTypeNames.union(runtimeTypeNames)

    /// The standard library's and Foundation's types that generated code names.
    public static let swiftTypeNames: Set<String> = [
        "String", "Int", "Int32", "Int64", "Double", "Float", "Bool", "Array", "Dictionary", "Set", "Optional",
        "Result", "Error", "Never", "Any", "AnyObject", "Self", "Type", "Protocol", "Codable", "Decodable",
        "Encodable", "Decoder", "Encoder", "CodingKey", "CodingKeys", "Sendable", "Hashable", "Equatable", "Data",
        "Date", "UUID", "URL", "Decimal", "Mirror", "KeyValuePairs", "CustomStringConvertible", "CustomDebugStringConvertible",
        "CustomReflectable", "RawRepresentable", "CaseIterable", "DecodingError", "EncodingError",
        "KeyedDecodingContainer", "KeyedEncodingContainer", "URLSession", "Hasher", "Character", "Substring",
    ]

    /// Every public type of APIRuntime (`RuntimeNamesTests` fails when one is missing here).
    public static let runtimeTypeNames: Set<String> = [
        "APIBody", "APIRequest", "APIResponse", "APIRouter", "APIService", "AnyCodingKey", "AnyJSON", "AnyOfAttempt",
        "AnyOfTextTree", "AnyOfTextTreeAttempt",
        "AnyOfEncoding", "ArrayCoding", "BytesCoding", "Coded", "DateTimeCoding", "DecimalCoding", "MapCoding",
        "URICoding", "UUIDCoding", "UnixTimeCoding", "ValueCoding",
        "AuthCredential", "AuthRequirement", "BodyCoding", "BodyFormat", "CalendarDate", "ClientError", "ClientMiddleware",
        "ClientSupport", "ClientTimeout", "ClientTransport", "Constrained", "ConstraintChecker",
        "ContentNegotiation", "Cookies", "EncodedPathSegment", "EventStream", "EventStreamCoding", "EventStreamError",
        "EventStreamFormat", "FilePart",
        "FormFormat", "HeaderFields", "InProcessTransport", "Indirect", "JSONCoding", "JSONItemSplitter",
        "JSONItemWriter", "LoggingMiddleware", "MediaType", "OneOfCandidate", "OneOfDecision", "OneOfMismatch",
        "OperationHandler", "OperationInfo", "OperationRegistrar", "ParameterStyles", "ParameterValue", "PathTemplate",
        "PercentEncoding", "RFC3339", "RawBody", "Redacted", "RequestMethod", "ResponseHeaders", "RetryMiddleware", "ScalarFormats", "ServerError",
        "ServerLimits", "ServerMiddleware", "ServerRequest", "ServerSentEvent", "ServerSentEventParser",
        "ServerSentEventWriter", "ServerSupport", "TextTree", "TextTreeCodable", "TextTreeObject", "UnixTimeParameter",
        "TextTreeObjectBuilder", "TextTreeReader", "TimeoutMiddleware", "URLSessionTransport", "Unconstrained",
        "ValidationDirection", "ValidationError", "ValidationErrors", "XMLDialect", "XMLFormat", "XMLLimits",
        // Auth (issue 12 §2) and cookies.
        "AccessTokenProvider", "BasicCredentials", "Cookies", "FoundCredentials", "TokenRefreshMiddleware",
        // A service's error body.
        "ServiceErrorBody", "ServerErrorResponder",
    ]

    /// Members the generated redaction code declares on a type with sensitive fields or parameters.
    public static let redactionMembers: Set<String> = [
        "description", "debugDescription", "customMirror", "redactedFields",
    ]

    /// Members every generated struct (object type or operation input) declares or inherits, with
    /// what they are: a property of the same name does not compile.
    public static let structMembers: [String: String] = [
        "hashValue": "Hashable's hashValue", "textTree": "the XML and form coding method textTree()",
    ]

    /// Members a string enum declares or inherits, with what they are.
    public static let enumMembers: [String: String] = [
        "hashValue": "Hashable's hashValue", "rawValue": "the enum's rawValue", "allCases": "CaseIterable's allCases",
        "parameterValue": "ParameterValue's parameterValue",
    ]

    /// Members a oneOf enum declares or inherits, with what they are.
    public static let oneOfMembers: [String: String] = [
        "hashValue": "Hashable's hashValue", "oneOfCandidates": "the table that tells the alternatives apart",
    ]

    /// Members an anyOf struct declares or inherits, with what they are.
    public static let anyOfMembers: [String: String] = [
        "hashValue": "Hashable's hashValue", "textTree": "the XML and form coding method textTree()",
    ]

    /// Members a response's generated headers struct declares besides its headers, with what they are.
    public static let responseHeaderMembers: [String: String] = [
        "hashValue": "Hashable's hashValue", "write": "the method that writes the headers, write(to:)",
    ]

    /// Members an operation's input declares besides its parameters, with what they are.
    public static let inputMembers: [String: String] = [
        "body": "the request body", "bodyFormat": "the client's body format argument",
    ]

    /// Members of the generated client and handler protocol, which an operation's method must not take.
    public static let serviceMembers: [String: String] = [
        "baseURL": "the client's base URL", "credentials": "the client's credentials",
        "transport": "the client's transport", "defaultBaseURL": "the client's default base URL",
        "makeRouter": "the handler's makeRouter(basePath:)", "register": "the handler's register(on:)",
    ]

    /// What `name` clashes with among `members`, also for the `registerPart<n>` methods of split
    /// servers when `members` is ``serviceMembers``.
    public static func clash(_ name: String, in members: [String: String]) -> String? {
        if let owner = members[name] { return owner }
        if members == serviceMembers, name.hasPrefix("registerPart"), name.dropFirst(12).allSatisfy(\.isNumber) {
            return "the handler's registerPart<n>(on:)"
        }
        return nil
    }
}

// What Tests/Fixtures/Reference/parameter-unix-time.json generates: ListEventSummariesInput, DemoClient.listEventSummaries, DemoHandler.listEventSummaries, DemoHandler.register.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Operations.swift: ListEventSummariesInput
/// The parameters and body of `listEventSummaries`.
public struct ListEventSummariesInput: Sendable, Hashable {
    /// The operation's identity, which every request of it carries (`APIRequest.operation`).
    public static let operation = OperationInfo(
        id: "listEventSummaries",
        method: .get,
        pathTemplate: "/meters/{since}/summaries")

    public var since: Date

    public var endTime: Date

    public var startTime: Date?

    public var xNotBefore: Date?

    /// Creates the input of `listEventSummaries`.
    public init(since: Date, endTime: Date, startTime: Date? = nil, xNotBefore: Date? = nil) {
        self.since = since
        self.endTime = endTime
        self.startTime = startTime
        self.xNotBefore = xNotBefore
    }
}

// Operations.swift: ListEventSummariesInput
extension ListEventSummariesInput: Unconstrained {}

// Client.swift: DemoClient.listEventSummaries
/// Unix times in the path, the query and a header travel as whole seconds (since=1700000000).
///
/// `GET /meters/{since}/summaries`
///
/// - Parameters:
///   - since:
///   - endTime:
///   - startTime:
///   - xNotBefore:
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func listEventSummaries(
    since: Date,
    endTime: Date,
    startTime: Date? = nil,
    xNotBefore: Date? = nil
) async throws(ClientError) -> ListEventSummariesOutput {
    try await listEventSummaries(
        ListEventSummariesInput(since: since, endTime: endTime, startTime: startTime, xNotBefore: xNotBefore))
}

// Client.swift: DemoClient.listEventSummaries
/// Calls `GET /meters/{since}/summaries`. Takes the input as one value.
///
/// - Parameter input: The parameters and body.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func listEventSummaries(
    _ input: ListEventSummariesInput
) async throws(ClientError) -> ListEventSummariesOutput {
    try ClientSupport.validate(input)
    var request = APIRequest(
        operation: ListEventSummariesInput.operation,
        path: PathTemplate.expand("/meters/{since}/summaries", UnixTimeParameter(input.since)))
    request.addQuery("end_time", UnixTimeParameter(input.endTime))
    request.addQuery("start_time", input.startTime.map(UnixTimeParameter.init))
    request.setHeader("X-Not-Before", input.xNotBefore.map(UnixTimeParameter.init))
    let response = try await ClientSupport.send(
        request,
        baseURL: baseURL,
        transport: transport,
        middlewares: middlewares,
        maxBodyBytes: maxResponseBodyBytes)
    switch response.status {
    case 204:
        return .noContent(ClientSupport.rawBody(of: response))
    default:
        return .undocumented(status: response.status, body: ClientSupport.rawBody(of: response))
    }
}

// Server.swift: DemoHandler.listEventSummaries
/// Unix times in the path, the query and a header travel as whole seconds (since=1700000000).
///
/// `GET /meters/{since}/summaries`
///
/// - Parameter input: The parameters and body, already validated.
/// - Returns: The answer to encode.
/// - Throws: A ``ServerError`` to answer with its status; any other error answers 500.
func listEventSummaries(_ input: ListEventSummariesInput) async throws -> ListEventSummariesOutput

// Server.swift: DemoHandler.register
/// Adds every operation of Demo API to `registrar`: the built-in ``APIRouter`` or a server framework's.
///
/// - Parameters:
///   - registrar: Where the operations go; their path templates are relative to the base path.
///   - middlewares: What every request passes through, in order, before the handler.
public func register(on registrar: inout some OperationRegistrar, middlewares: [any ServerMiddleware] = []) {
    registrar.register(
        ListEventSummariesInput.operation,
        handler: ServerSupport.handler(ListEventSummariesInput.operation, middlewares: middlewares) { request in
            let input = ListEventSummariesInput(
                since: try request.pathParameter("since", as: UnixTimeParameter.self).date,
                endTime: try request.requiredQuery("end_time", as: UnixTimeParameter.self).date,
                startTime: try request.query("start_time", as: UnixTimeParameter.self)?.date,
                xNotBefore: try request.header("X-Not-Before", as: UnixTimeParameter.self)?.date)
            try request.validate(input)
            switch try await self.listEventSummaries(input) {
            case .noContent(let body):
                return .raw(status: 204, body)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })
}

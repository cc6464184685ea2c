// What Tests/Fixtures/Reference/json-seq-stream.json generates: TicksOutput, DemoClient.ticks, DemoHandler.register.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Operations.swift: TicksOutput
/// The answers of `ticks`: one case per documented status.
///
/// A streamed answer is read (or written) as its events arrive, so the output is not `Hashable`.
public indirect enum TicksOutput: Sendable {
    /// Status 200.
    case ok(EventStream<Tick>)
    /// A status the definition does not document, with the body as it came.
    case undocumented(status: Int, body: RawBody)
}

// Client.swift: DemoClient.ticks
/// `GET /ticks`
///
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func ticks() async throws(ClientError) -> TicksOutput {
    try await ticks(TicksInput())
}

// Client.swift: DemoClient.ticks
/// Calls `GET /ticks`. Takes the input as one value.
///
/// - Parameter input: The parameters and body.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func ticks(_ input: TicksInput) async throws(ClientError) -> TicksOutput {
    try ClientSupport.validate(input)
    var request = APIRequest(operation: TicksInput.operation, path: "/ticks")
    request.headers["Accept"] = "application/json-seq"
    let response = try await ClientSupport.send(
        request,
        baseURL: baseURL,
        transport: transport,
        middlewares: middlewares,
        maxBodyBytes: maxResponseBodyBytes,
        streamingStatuses: [200])
    switch response.status {
    case 200:
        return .ok(ClientSupport.jsonItems(Tick.self, from: response, framing: .sequence))
    default:
        return .undocumented(status: response.status, body: ClientSupport.rawBody(of: response))
    }
}

// Server.swift: DemoHandler.register
/// Adds every operation of Demo API to `registrar`: the built-in ``APIRouter`` or a server framework's.
///
/// - Parameters:
///   - registrar: Where the operations go; their path templates are relative to the base path.
///   - middlewares: What every request passes through, in order, before the handler.
public func register(on registrar: inout some OperationRegistrar, middlewares: [any ServerMiddleware] = []) {
    registrar.register(
        TicksInput.operation,
        handler: ServerSupport.handler(TicksInput.operation, middlewares: middlewares) { request in
            let input = TicksInput()
            try request.validate(input)
            switch try await self.ticks(input) {
            case .ok(let body):
                return .jsonItems(status: 200, body, framing: .sequence)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })
}

// What Tests/Fixtures/Reference/untyped-response.json generates: HealthOutput, DemoClient.health, DemoHandler.register.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Operations.swift: HealthOutput
/// The answers of `health`: one case per documented status.
public indirect enum HealthOutput: Sendable, Hashable {
    /// OK, as text.
    case ok(RawBody)
    /// A status the definition does not document, with the body as it came.
    case undocumented(status: Int, body: RawBody)
}

// Client.swift: DemoClient.health
/// `GET /health`
///
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func health() async throws(ClientError) -> HealthOutput {
    try await health(HealthInput())
}

// Client.swift: DemoClient.health
/// Calls `GET /health`. Takes the input as one value.
///
/// - Parameter input: The parameters and body.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func health(_ input: HealthInput) async throws(ClientError) -> HealthOutput {
    try ClientSupport.validate(input)
    let request = APIRequest(operation: HealthInput.operation, path: "/health")
    let response = try await ClientSupport.send(
        request,
        baseURL: baseURL,
        transport: transport,
        middlewares: middlewares,
        maxBodyBytes: maxResponseBodyBytes)
    switch response.status {
    case 200:
        return .ok(ClientSupport.rawBody(of: response))
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
        HealthInput.operation,
        handler: ServerSupport.handler(HealthInput.operation, middlewares: middlewares) { request in
            let input = HealthInput()
            try request.validate(input)
            switch try await self.health(input) {
            case .ok(let body):
                return .raw(status: 200, body)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })
}

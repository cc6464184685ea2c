// What Tests/Fixtures/Reference/response-status-range.json generates: DeleteItemOutput, DemoClient.deleteItem, DemoHandler.register.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Operations.swift: DeleteItemOutput
/// The answers of `deleteItem`: one case per documented status.
public indirect enum DeleteItemOutput: Sendable, Hashable {
    /// Deleted.
    case noContent(RawBody)
    /// No such item.
    case notFound(Problem)
    /// Any other client error.
    ///
    /// Any status 400–499 that no other case documents, with the status as it came.
    case clientError(status: Int, body: Problem)
    /// A server error, as text.
    ///
    /// Any status 500–599 that no other case documents, with the status as it came.
    case serverError(status: Int, body: RawBody)
    /// A status the definition does not document, with the body as it came.
    case undocumented(status: Int, body: RawBody)
}

// Client.swift: DemoClient.deleteItem
/// `DELETE /items/{id}`
///
/// - Parameters:
///   - id:
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func deleteItem(id: String) async throws(ClientError) -> DeleteItemOutput {
    try await deleteItem(DeleteItemInput(id: id))
}

// Client.swift: DemoClient.deleteItem
/// Calls `DELETE /items/{id}`. Takes the input as one value.
///
/// - Parameter input: The parameters and body.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func deleteItem(_ input: DeleteItemInput) async throws(ClientError) -> DeleteItemOutput {
    try ClientSupport.validate(input)
    var request = APIRequest(
        operation: DeleteItemInput.operation,
        path: PathTemplate.expand("/items/{id}", input.id))
    request.headers["Accept"] = MediaType.json
    let response = try await ClientSupport.send(
        request,
        baseURL: baseURL,
        transport: transport,
        middlewares: middlewares,
        maxBodyBytes: maxResponseBodyBytes)
    switch response.status {
    case 204:
        return .noContent(ClientSupport.rawBody(of: response))
    case 404:
        return .notFound(try ClientSupport.decodeJSON(Problem.self, from: response))
    case 400...499:
        return .clientError(
            status: response.status,
            body: try ClientSupport.decodeJSON(Problem.self, from: response))
    case 500...599:
        return .serverError(status: response.status, body: ClientSupport.rawBody(of: response))
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
        DeleteItemInput.operation,
        handler: ServerSupport.handler(DeleteItemInput.operation, middlewares: middlewares) { request in
            try request.checkAccept([.json])
            let input = DeleteItemInput(id: try request.pathParameter("id", as: String.self))
            try request.validate(input)
            switch try await self.deleteItem(input) {
            case .noContent(let body):
                return .raw(status: 204, body)
            case .notFound(let body):
                return try .json(status: 404, body)
            case .clientError(let answered, let body):
                let status = try ServerSupport.status(
                    answered,
                    case: "clientError",
                    in: 400...499,
                    documented: [404])
                return try .json(status: status, body)
            case .serverError(let answered, let body):
                let status = try ServerSupport.status(answered, case: "serverError", in: 500...599)
                return .raw(status: status, body)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })
}

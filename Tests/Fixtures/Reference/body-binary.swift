// What Tests/Fixtures/Reference/body-binary.json generates: UploadPhotoInput, DemoClient.uploadPhoto, DemoHandler.uploadPhoto, DemoHandler.register, UploadPhotoOutput.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Operations.swift: UploadPhotoInput
/// The parameters and body of `uploadPhoto`.
public struct UploadPhotoInput: Sendable, Hashable {
    /// The operation's identity, which every request of it carries (`APIRequest.operation`).
    public static let operation = OperationInfo(id: "uploadPhoto", method: .put, pathTemplate: "/photos/{id}")

    public var id: String

    /// The photo's bytes.
    public var body: RawBody

    /// Creates the input of `uploadPhoto`.
    public init(id: String, body: RawBody) {
        self.id = id
        self.body = body
    }
}

// Operations.swift: UploadPhotoInput
extension UploadPhotoInput: Unconstrained {}

// Client.swift: DemoClient.uploadPhoto
/// `PUT /photos/{id}`
///
/// - Parameters:
///   - id:
///   - body: The photo's bytes.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func uploadPhoto(id: String, body: RawBody) async throws(ClientError) -> UploadPhotoOutput {
    try await uploadPhoto(UploadPhotoInput(id: id, body: body))
}

// Client.swift: DemoClient.uploadPhoto
/// Calls `PUT /photos/{id}`. Takes the input as one value.
///
/// - Parameter input: The parameters and body.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func uploadPhoto(_ input: UploadPhotoInput) async throws(ClientError) -> UploadPhotoOutput {
    try ClientSupport.validate(input)
    var request = APIRequest(
        operation: UploadPhotoInput.operation,
        path: PathTemplate.expand("/photos/{id}", input.id))
    try ClientSupport.setRawBody(input.body, accepting: ["image/png", "image/*"], on: &request)
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

// Server.swift: DemoHandler.uploadPhoto
/// `PUT /photos/{id}`
///
/// - Parameter input: The parameters and body, already validated.
/// - Returns: The answer to encode.
/// - Throws: A ``ServerError`` to answer with its status; any other error answers 500.
func uploadPhoto(_ input: UploadPhotoInput) async throws -> UploadPhotoOutput

// Server.swift: DemoHandler.register
/// Adds every operation of Demo API to `registrar`: the built-in ``APIRouter`` or a server framework's.
///
/// - Parameters:
///   - registrar: Where the operations go; their path templates are relative to the base path.
///   - middlewares: What every request passes through, in order, before the handler.
public func register(on registrar: inout some OperationRegistrar, middlewares: [any ServerMiddleware] = []) {
    registrar.register(
        UploadPhotoInput.operation,
        handler: ServerSupport.handler(UploadPhotoInput.operation, middlewares: middlewares) { request in
            let request = try await request.collectingBody()
            let input = UploadPhotoInput(
                id: try request.pathParameter("id", as: String.self),
                body: try request.rawBody(accepting: ["image/png", "image/*"]))
            try request.validate(input)
            switch try await self.uploadPhoto(input) {
            case .ok(let body):
                return .raw(status: 200, body)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })
}

// Operations.swift: UploadPhotoOutput
/// The answers of `uploadPhoto`: one case per documented status.
public indirect enum UploadPhotoOutput: Sendable, Hashable {
    /// The photo as stored.
    case ok(RawBody)
    /// A status the definition does not document, with the body as it came.
    case undocumented(status: Int, body: RawBody)
}

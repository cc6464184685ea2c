// What Tests/Fixtures/Reference/body-multipart-files.json generates: Upload, UploadDocumentInput, DemoClient.uploadDocument, DemoHandler.uploadDocument, DemoHandler.register.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Models.swift: Upload
/// A document and its pages.
public struct Upload: Sendable, Hashable {
    public var title: String

    /// Constraints: at most 1048576 bytes.
    public var document: FilePart

    public var pages: [FilePart]?

    /// Creates an `Upload`.
    public init(title: String, document: FilePart, pages: [FilePart]? = nil) {
        self.title = title
        self.document = document
        self.pages = pages
    }
}

// Models.swift: Upload
extension Upload: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.check(self.document, "document", maxLength: 1048576)
    }
}

// JSONCoding.swift: Upload
extension Upload: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.title = try container.decode(String.self, forKey: "title")
        self.document = try container.decode(FilePart.self, forKey: "document")
        self.pages = try container.decodeIfPresent([FilePart].self, forKey: "pages")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(self.title, forKey: "title")
        try container.encode(self.document, forKey: "document")
        try container.encodeIfPresent(self.pages, forKey: "pages")
    }
}

// TextTreeCoding.swift: Upload
extension Upload: TextTreeCodable {
    public init(textTree reader: TextTreeReader) throws(ValidationErrors) {
        let members = try reader.object()
        self.title = try members.decode("title")
        self.document = try members.decode("document")
        self.pages = try members.decodeIfPresent("pages")
    }

    public func textTree() -> TextTree {
        var tree = TextTreeObjectBuilder()
        tree.encode(self.title, "title")
        tree.encode(self.document, "document")
        tree.encodeIfPresent(self.pages, "pages")
        return tree.tree
    }
}

// Operations.swift: UploadDocumentInput
/// The parameters and body of `uploadDocument`.
public struct UploadDocumentInput: Sendable, Hashable {
    /// The operation's identity, which every request of it carries (`APIRequest.operation`).
    public static let operation = OperationInfo(id: "uploadDocument", method: .post, pathTemplate: "/documents")

    /// A document and its pages.
    public var body: Upload

    /// Creates the input of `uploadDocument`.
    public init(body: Upload) {
        self.body = body
    }
}

// Operations.swift: UploadDocumentInput
extension UploadDocumentInput: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        self.body.validate(&validator)
    }
}

// Client.swift: DemoClient.uploadDocument
/// `POST /documents`
///
/// - Parameters:
///   - body: A document and its pages.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func uploadDocument(body: Upload) async throws(ClientError) -> UploadDocumentOutput {
    try await uploadDocument(UploadDocumentInput(body: body))
}

// Client.swift: DemoClient.uploadDocument
/// Calls `POST /documents`. Takes the input as one value.
///
/// - Parameter input: The parameters and body.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func uploadDocument(_ input: UploadDocumentInput) async throws(ClientError) -> UploadDocumentOutput {
    try ClientSupport.validate(input)
    var request = APIRequest(operation: UploadDocumentInput.operation, path: "/documents")
    try ClientSupport.setBody(input.body, format: .multipart, allowed: [.multipart], dialect: .demo, on: &request)
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

// Server.swift: DemoHandler.uploadDocument
/// `POST /documents`
///
/// - Parameter input: The parameters and body, already validated.
/// - Returns: The answer to encode.
/// - Throws: A ``ServerError`` to answer with its status; any other error answers 500.
func uploadDocument(_ input: UploadDocumentInput) async throws -> UploadDocumentOutput

// Server.swift: DemoHandler.register
/// Adds every operation of Demo API to `registrar`: the built-in ``APIRouter`` or a server framework's.
///
/// - Parameters:
///   - registrar: Where the operations go; their path templates are relative to the base path.
///   - middlewares: What every request passes through, in order, before the handler.
public func register(on registrar: inout some OperationRegistrar, middlewares: [any ServerMiddleware] = []) {
    registrar.register(
        UploadDocumentInput.operation,
        handler: ServerSupport.handler(UploadDocumentInput.operation, middlewares: middlewares) { request in
            let request = try await request.collectingBody()
            let input = UploadDocumentInput(
                body: try request.decodeBody(Upload.self, formats: [.multipart], dialect: .demo))
            try request.validate(input)
            switch try await self.uploadDocument(input) {
            case .noContent(let body):
                return .raw(status: 204, body)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })
}

// What Tests/Fixtures/Reference/response-headers.json generates: CreateItemOutput, CreateItemOutput.CreatedHeaders, CreateItemOutput.TooManyRequestsHeaders, DemoClient.createItem, DemoHandler.register.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Operations.swift: CreateItemOutput
/// The answers of `createItem`: one case per documented status.
public indirect enum CreateItemOutput: Sendable, Hashable {
    /// Status 201.
    case created(Item, headers: CreatedHeaders)
    /// Too many requests.
    case tooManyRequests(RawBody, headers: TooManyRequestsHeaders)
    /// A status the definition does not document, with the body as it came.
    case undocumented(status: Int, body: RawBody)

    /// The typed headers of `created`.
    public struct CreatedHeaders: Sendable, Hashable {
        /// Where the new item is.
        public var location: URL

        public var etag: String

        /// Constraints: ≥ 0.
        public var xRateLimitRemaining: Int?

        /// Creates the headers of `created`.
        public init(location: URL, etag: String, xRateLimitRemaining: Int? = nil) {
            self.location = location
            self.etag = etag
            self.xRateLimitRemaining = xRateLimitRemaining
        }
    }

    /// The typed headers of `tooManyRequests`.
    public struct TooManyRequestsHeaders: Sendable, Hashable {
        /// Seconds to wait.
        public var retryAfter: Int

        /// Creates the headers of `tooManyRequests`.
        public init(retryAfter: Int) {
            self.retryAfter = retryAfter
        }
    }
}

// Operations.swift: CreateItemOutput.CreatedHeaders
/// The typed headers of `created`.
public struct CreatedHeaders: Sendable, Hashable {
    /// Where the new item is.
    public var location: URL

    public var etag: String

    /// Constraints: ≥ 0.
    public var xRateLimitRemaining: Int?

    /// Creates the headers of `created`.
    public init(location: URL, etag: String, xRateLimitRemaining: Int? = nil) {
        self.location = location
        self.etag = etag
        self.xRateLimitRemaining = xRateLimitRemaining
    }
}

// Operations.swift: CreateItemOutput.CreatedHeaders
extension CreateItemOutput.CreatedHeaders: ResponseHeaders {
    public init(headerFields fields: HeaderFields) throws(ValidationErrors) {
        self.location = try fields.required("Location", as: URL.self)
        self.etag = try fields.required("ETag", as: String.self)
        self.xRateLimitRemaining = try fields.optional("X-RateLimit-Remaining", as: Int.self)
    }

    public func write(to fields: inout HeaderFields) {
        fields.set("Location", self.location)
        fields.set("ETag", self.etag)
        fields.set("X-RateLimit-Remaining", self.xRateLimitRemaining)
    }
}

// Operations.swift: CreateItemOutput.CreatedHeaders
extension CreateItemOutput.CreatedHeaders: Constrained {
    public func validate(_ validator: inout ConstraintChecker) {
        validator.check(self.xRateLimitRemaining, "X-RateLimit-Remaining", minimum: 0)
    }
}

// Operations.swift: CreateItemOutput.TooManyRequestsHeaders
/// The typed headers of `tooManyRequests`.
public struct TooManyRequestsHeaders: Sendable, Hashable {
    /// Seconds to wait.
    public var retryAfter: Int

    /// Creates the headers of `tooManyRequests`.
    public init(retryAfter: Int) {
        self.retryAfter = retryAfter
    }
}

// Operations.swift: CreateItemOutput.TooManyRequestsHeaders
extension CreateItemOutput.TooManyRequestsHeaders: ResponseHeaders {
    public init(headerFields fields: HeaderFields) throws(ValidationErrors) {
        self.retryAfter = try fields.required("Retry-After", as: Int.self)
    }

    public func write(to fields: inout HeaderFields) {
        fields.set("Retry-After", self.retryAfter)
    }
}

// Operations.swift: CreateItemOutput.TooManyRequestsHeaders
extension CreateItemOutput.TooManyRequestsHeaders: Unconstrained {}

// Client.swift: DemoClient.createItem
/// `POST /items`
///
/// - Parameters:
///   - body: An item.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func createItem(body: Item) async throws(ClientError) -> CreateItemOutput {
    try await createItem(CreateItemInput(body: body))
}

// Client.swift: DemoClient.createItem
/// Calls `POST /items`. Takes the input as one value.
///
/// - Parameter input: The parameters and body.
/// - Returns: The documented answer, or `.undocumented` for any other status.
/// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
public func createItem(_ input: CreateItemInput) async throws(ClientError) -> CreateItemOutput {
    try ClientSupport.validate(input)
    var request = APIRequest(operation: CreateItemInput.operation, path: "/items")
    request.headers["Accept"] = MediaType.json
    try ClientSupport.setJSONBody(input.body, on: &request)
    let response = try await ClientSupport.send(
        request,
        baseURL: baseURL,
        transport: transport,
        middlewares: middlewares,
        maxBodyBytes: maxResponseBodyBytes)
    switch response.status {
    case 201:
        let headers = try ClientSupport.headers(CreateItemOutput.CreatedHeaders.self, from: response)
        return .created(try ClientSupport.decodeJSON(Item.self, from: response), headers: headers)
    case 429:
        let headers = try ClientSupport.headers(CreateItemOutput.TooManyRequestsHeaders.self, from: response)
        return .tooManyRequests(ClientSupport.rawBody(of: response), headers: headers)
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
        CreateItemInput.operation,
        handler: ServerSupport.handler(CreateItemInput.operation, middlewares: middlewares) { request in
            try request.checkAccept([.json])
            let request = try await request.collectingBody()
            let input = CreateItemInput(body: try request.decodeJSONBody(Item.self))
            try request.validate(input)
            switch try await self.createItem(input) {
            case .created(let body, let headers):
                return try .json(status: 201, body).withHeaders(headers)
            case .tooManyRequests(let body, let headers):
                return try .raw(status: 429, body).withHeaders(headers)
            case .undocumented(let status, let body):
                return .raw(status: status, body)
            }
        })
}

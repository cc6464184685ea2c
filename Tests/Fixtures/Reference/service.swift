// What Tests/Fixtures/Reference/service.json generates: DemoClient, DemoHandler.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Client.swift: DemoClient
/// A client for Demo API.
///
/// The demo service: what the client and the handler protocol say about it.
public struct DemoClient: Sendable {
    /// `https://api.example.com/v1`, the base URL the definition declares.
    public static let defaultBaseURL = URL(string: "https://api.example.com/v1")!

    /// Where requests go; the operation paths are appended to its path.
    public var baseURL: URL
    /// What sends the requests.
    public var transport: any ClientTransport
    /// What every request passes through, in order, before the transport sends it.
    public var middlewares: [any ClientMiddleware]
    /// The largest response body decoded into a typed value, in bytes (64 MiB by default).
    public var maxResponseBodyBytes = ClientSupport.defaultMaxResponseBodyBytes

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - baseURL: Where requests go; by default ``defaultBaseURL``.
    ///   - transport: What sends the requests; by default `URLSession`.
    ///   - middlewares: What every request passes through, in order, before the transport.
    public init(
        baseURL: URL = defaultBaseURL,
        transport: any ClientTransport = URLSessionTransport(),
        middlewares: [any ClientMiddleware] = []
    ) {
        self.baseURL = baseURL
        self.transport = transport
        self.middlewares = middlewares
    }

    /// `GET /item`
    ///
    /// - Returns: The documented answer, or `.undocumented` for any other status.
    /// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
    public func getItem() async throws(ClientError) -> GetItemOutput {
        try await getItem(GetItemInput())
    }

    /// Calls `GET /item`. Takes the input as one value.
    ///
    /// - Parameter input: The parameters and body.
    /// - Returns: The documented answer, or `.undocumented` for any other status.
    /// - Throws: ``ClientError`` (invalid request, missing credential, invalid response, transport).
    public func getItem(_ input: GetItemInput) async throws(ClientError) -> GetItemOutput {
        try ClientSupport.validate(input)
        var request = APIRequest(operation: GetItemInput.operation, path: "/item")
        request.headers["Accept"] = MediaType.json
        let response = try await ClientSupport.send(
            request,
            baseURL: baseURL,
            transport: transport,
            middlewares: middlewares,
            maxBodyBytes: maxResponseBodyBytes)
        switch response.status {
        case 200:
            return .ok(try ClientSupport.decodeJSON(Item.self, from: response))
        default:
            return .undocumented(status: response.status, body: ClientSupport.rawBody(of: response))
        }
    }
}

// Server.swift: DemoHandler
/// Serves Demo API: implement every operation.
///
/// An operation added to the definition, or one whose signature changes, is a compile error
/// until the handler follows. To serve only some operations, adopt
/// ``DemoPartialHandler`` instead: the others answer 501 Not Implemented.
public protocol DemoHandler: APIService {
    /// `GET /item`
    ///
    /// - Parameter input: The parameters and body, already validated.
    /// - Returns: The answer to encode.
    /// - Throws: A ``ServerError`` to answer with its status; any other error answers 500.
    func getItem(_ input: GetItemInput) async throws -> GetItemOutput
}

// Server.swift: DemoHandler
extension DemoHandler {
    /// The path of the definition's base URL (`/v1`), under which a server mounts the operations.
    public var defaultBasePath: String { DemoClient.defaultBaseURL.path }

    /// A router that serves every operation of Demo API with this handler.
    ///
    /// - Parameters:
    ///   - basePath: The path prefix of every route; by default the path of the
    ///     definition's base URL (`/v1`).
    ///   - limits: What a request may be.
    ///   - middlewares: What every request passes through, in order, before the handler.
    /// - Returns: A router to hand requests to, for example through ``InProcessTransport``.
    public func makeRouter(
        basePath: String? = nil,
        limits: ServerLimits = .default,
        middlewares: [any ServerMiddleware] = []
    ) -> APIRouter {
        var router = APIRouter(basePath: basePath ?? defaultBasePath, limits: limits)
        register(on: &router, middlewares: middlewares)
        return router
    }

    /// Adds every operation of Demo API to `registrar`: the built-in ``APIRouter`` or a server framework's.
    ///
    /// - Parameters:
    ///   - registrar: Where the operations go; their path templates are relative to the base path.
    ///   - middlewares: What every request passes through, in order, before the handler.
    public func register(on registrar: inout some OperationRegistrar, middlewares: [any ServerMiddleware] = []) {
        registrar.register(
            GetItemInput.operation,
            handler: ServerSupport.handler(GetItemInput.operation, middlewares: middlewares) { request in
                try request.checkAccept([.json])
                let input = GetItemInput()
                try request.validate(input)
                switch try await self.getItem(input) {
                case .ok(let body):
                    return try .json(status: 200, body)
                case .undocumented(let status, let body):
                    return .raw(status: status, body)
                }
            })
    }
}

// What Tests/Fixtures/Reference/no-base-url.json generates: DemoClient.init, DemoClient.baseURL, DemoHandler.defaultBasePath.
// Extracted from the generator's output by ReferenceTests; do not edit. Re-record with
// `APIGEN_RECORD=1 swift test --filter ReferenceTests` (see docs/reference.md).

// Client.swift: DemoClient.init
/// Creates a client.
///
/// - Parameters:
///   - baseURL: Where requests go (the definition names no base URL).
///   - transport: What sends the requests; by default `URLSession`.
///   - middlewares: What every request passes through, in order, before the transport.
public init(
    baseURL: URL,
    transport: any ClientTransport = URLSessionTransport(),
    middlewares: [any ClientMiddleware] = []
) {
    self.baseURL = baseURL
    self.transport = transport
    self.middlewares = middlewares
}

// Client.swift: DemoClient.baseURL
/// Where requests go; the operation paths are appended to its path.
public var baseURL: URL

// Server.swift: DemoHandler.defaultBasePath
/// The definition names no base URL: a server mounts the operations at `/`.
public var defaultBasePath: String { "" }

import APIGenAsyncHTTPClient
import APIRuntime

/// apigen's transport over AsyncHTTPClient (`Integrations/AsyncHTTPClient`) on AsyncHTTPClient's shared
/// `HTTPClient`, as a user writes it (in a file of its own: swift-openapi-async-http-client has a type
/// of the same name).
enum ApigenTransport {
    /// `AsyncHTTPClientTransport()` with its defaults.
    static func make() -> any ClientTransport { AsyncHTTPClientTransport() }
}

import APIRuntime
import Foundation
import Vapor

/// A Vapor application listening on 127.0.0.1 at a port the system picks, for one test.
///
/// `configure` mounts what the test serves; `body` gets the server's base URL (`http://127.0.0.1:<port>`).
/// The application is shut down when `body` returns or throws.
func withLiveServer(
    _ configure: (Application) throws -> Void, _ body: (URL) async throws -> Void
) async throws {
    let app = try await Application.make(.testing)
    app.logger.logLevel = .critical
    do {
        try configure(app)
        try await app.asyncBoot()
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        guard let port = app.http.server.shared.localAddress?.port else { throw LiveServerError.noPort }
        try await body(URL(string: "http://127.0.0.1:\(port)")!)
    } catch {
        await app.server.shutdown()
        try await app.asyncShutdown()
        throw error
    }
    await app.server.shutdown()
    try await app.asyncShutdown()
}

enum LiveServerError: Error { case noPort }

/// Sends one request over HTTP as it is, for what generated clients never send (wrong methods, bad bodies,
/// huge headers); returns the status, the header fields and the body as text.
func send(
    _ method: RequestMethod, _ path: String, to baseURL: URL, query: [URLQueryItem] = [],
    headers: HeaderFields = [:], body: String? = nil
) async throws -> (status: Int, headers: HeaderFields, text: String) {
    let response = try await URLSessionTransport().send(
        APIRequest(method: method, path: path, query: query, headers: headers, body: body.map { Data($0.utf8) }),
        baseURL: baseURL)
    let data = try await response.body.collect(upTo: 1 << 20)
    return (response.status, response.headers, String(decoding: data, as: UTF8.self))
}

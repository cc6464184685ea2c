@_spi(Generated) import APIRuntime
import Foundation

/// A client transport for in-process end-to-end tests: records every request the client sends, then hands
/// it to `router` (the generated server) and returns its answer.
final class RecordingTransport: ClientTransport, @unchecked Sendable {
    let router: APIRouter
    private let lock = NSLock()
    private var sent: [APIRequest] = []

    /// The requests sent so far, in order.
    var requests: [APIRequest] { lock.withLock { sent } }

    init(router: APIRouter) { self.router = router }

    func send(_ request: APIRequest, baseURL: URL) async throws -> APIResponse {
        lock.withLock { sent.append(request) }
        return try await InProcessTransport(router: router).send(request, baseURL: baseURL)
    }
}

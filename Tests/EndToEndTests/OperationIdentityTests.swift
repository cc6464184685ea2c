@_spi(Generated) import APIRuntime
import Foundation
import SFOXAPI
import Synchronization
import Testing

/// What the middlewares on both sides saw: the operation each request named, and its path.
final class Sightings: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

private struct ClientSide: ClientMiddleware {
    let seen: Sightings
    func intercept(
        _ request: APIRequest, baseURL: URL, next: @Sendable (APIRequest, URL) async throws -> APIResponse
    ) async throws -> APIResponse {
        seen.append("client \(request.operation?.description ?? "none") \(request.path)")
        return try await next(request, baseURL)
    }
}

private struct ServerSide: ServerMiddleware {
    let seen: Sightings
    func intercept(
        _ request: ServerRequest, next: @Sendable (ServerRequest) async throws -> APIResponse
    ) async throws -> APIResponse {
        seen.append("server \(request.http.operation?.description ?? "none") \(request.pathParameters)")
        let response = try await next(request)
        seen.append("server answered \(response.status)")
        return response
    }
}

@Suite("Operation identity through generated clients and servers")
struct OperationIdentityTests {
    @Test func bothSidesNameTheOperationWithoutParsingThePath() async throws {
        let seen = Sightings()
        let router = FakeSFOX().makeRouter(middlewares: [ServerSide(seen: seen)])
        let client = SFOXClient(
            credentials: SFOXCredentials(enterpriseAPIKey: "test-key"), transport: InProcessTransport(router: router),
            middlewares: [ClientSide(seen: seen)])
        let output = try await client.sendVerification(userID: "user 1", body: .init(type: .sms))
        guard case .ok = output else {
            Issue.record("expected 200, got \(output)")
            return
        }
        #expect(SendVerificationInput.operation.id == "sendVerification")
        #expect(
            seen.all == [
                "client sendVerification (POST /enterprise/users/send-verification/{user_id}) "
                    + "/enterprise/users/send-verification/user%201",
                "server sendVerification (POST /enterprise/users/send-verification/{user_id}) [\"user_id\": \"user 1\"]",
                "server answered 200",
            ])
    }

    @Test func aServerMiddlewareAnswersBeforeTheBodyIsRead() async throws {
        struct Closed: ServerMiddleware {
            func intercept(
                _ request: ServerRequest, next: @Sendable (ServerRequest) async throws -> APIResponse
            ) async throws -> APIResponse { throw ServerError(status: 503, message: "closed") }
        }
        let router = FakeSFOX().makeRouter(middlewares: [Closed()])
        let client = SFOXClient(
            credentials: SFOXCredentials(enterpriseAPIKey: "test-key"), transport: InProcessTransport(router: router))
        let output = try await client.sendVerification(userID: "u", body: .init(type: .email))
        guard case .undocumented(let status, _) = output else {
            Issue.record("expected 503, got \(output)")
            return
        }
        #expect(status == 503)
    }
}

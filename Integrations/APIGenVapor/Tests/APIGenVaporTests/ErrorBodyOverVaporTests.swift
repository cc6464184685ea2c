import APIGenVapor
import APIRuntime
import Foundation
import SFOXAPI
import Testing
import Vapor

/// The adapter answers its own errors (limits, 405) through the service's `errorResponse(for:)`, as a
/// service with an `errorBody` in its definition does: here a wrapper around sFOX that answers them as
/// `{"code": <status>, "message": …}`.
@Suite("Vapor: the adapter's own errors in the service's error body")
struct ErrorBodyOverVaporTests {
    struct Branded: APIService {
        let inner = TestSFOX()
        var defaultBasePath: String { inner.defaultBasePath }
        func register(on registrar: inout some OperationRegistrar, middlewares: [any ServerMiddleware]) {
            inner.register(on: &registrar, middlewares: middlewares)
        }
        func errorResponse(for error: ServerError) -> APIResponse {
            var headers = error.headers
            headers["Content-Type"] = "application/json"
            let data = (try? JSONEncoder().encode(Body(code: error.status, message: error.message))) ?? Data()
            return APIResponse(status: error.status, headers: headers, body: data)
        }
    }

    struct Body: Codable, Equatable {
        var code: Int
        var message: String
    }

    static let path = "/v1/enterprise/users/send-verification/u"

    @Test func anotherMethodAndABodyOverTheLimitAnswerInTheErrorBody() async throws {
        try await withLiveServer({ app in app.mount(Branded(), limits: ServerLimits(maxBodyBytes: 64)) }) { server in
            let other = try await send(.put, Self.path, to: server)
            #expect(other.status == 405)
            #expect(other.headers["Allow"] == "POST")
            let body = try JSONDecoder().decode(Body.self, from: Data(other.text.utf8))
            #expect(body.code == 405 && body.message.contains("not allowed"), "\(body)")

            let large = try await send(
                .post, Self.path, to: server,
                headers: ["Authorization": "Bearer test-key", "Content-Type": "application/json"],
                body: String(repeating: " ", count: 100) + "{}")
            #expect(large.status == 413)
            #expect(try JSONDecoder().decode(Body.self, from: Data(large.text.utf8)).code == 413)
        }
    }
}

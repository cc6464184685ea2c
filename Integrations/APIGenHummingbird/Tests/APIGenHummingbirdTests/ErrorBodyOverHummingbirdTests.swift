import APIGenHummingbird
import APIRuntime
import Foundation
import Hummingbird
import SFOXAPI
import Testing

/// The adapter answers its own errors (limits, 405) through the service's `errorResponse(for:)`, as a
/// service with an `errorBody` in its definition does: here a wrapper around sFOX that answers them as
/// `{"code": <status>, "message": …}`.
@Suite("Hummingbird: the adapter's own errors in the service's error body")
struct ErrorBodyOverHummingbirdTests {
    struct Branded: APIService {
        let inner = TestSFOX()
        var defaultBasePath: String { inner.defaultBasePath }
        func register(on registrar: inout some OperationRegistrar, middlewares: [any ServerMiddleware]) {
            inner.register(on: &registrar, middlewares: middlewares)
        }
        func errorResponse(for error: ServerError) -> APIResponse {
            struct Body: Encodable {
                var code: Int
                var message: String
            }
            var headers = error.headers
            headers["Content-Type"] = "application/json"
            let data = (try? JSONEncoder().encode(Body(code: error.status, message: error.message))) ?? Data()
            return APIResponse(status: error.status, headers: headers, body: data)
        }
    }

    struct Body: Decodable, Equatable {
        var code: Int
        var message: String
    }

    static func send(
        _ method: RequestMethod, headers: HeaderFields = [:], body: String? = nil
    ) async throws -> APIResponse {
        try await LiveServer.run({ router in router.mount(Branded(), limits: ServerLimits(maxBodyBytes: 64)) }) {
            server in
            try await LiveServer.transport().send(
                APIRequest(
                    method: method, path: "/v1/enterprise/users/send-verification/ann", headers: headers,
                    body: body.map { Data($0.utf8) }),
                baseURL: server)
        }
    }

    @Test func anotherMethodIs405InTheErrorBodyWithAllow() async throws {
        let response = try await Self.send(.get)
        #expect(response.status == 405)
        #expect(response.headers["Allow"] == "POST")
        let body = try JSONDecoder().decode(Body.self, from: response.data)
        #expect(body.code == 405 && body.message.contains("not allowed"), "\(body)")
    }

    @Test func aBodyOverTheLimitIs413InTheErrorBody() async throws {
        let response = try await Self.send(
            .post, headers: ["Content-Type": "application/json"], body: String(repeating: " ", count: 100) + "{}")
        #expect(response.status == 413)
        #expect(try JSONDecoder().decode(Body.self, from: response.data).code == 413)
    }
}

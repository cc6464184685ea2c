import APIGenVapor
import APIRuntime
import AuthEndpointsAPI
import Foundation
import Testing
import Vapor

/// AuthEndpoints mounted under an application's own base path (`/identity`), JWT on some operations.
@Suite("AuthEndpoints over Vapor")
struct AuthEndpointsOverVaporTests {
    func client(_ server: URL, jwt: String? = nil) -> AuthEndpointsClient {
        AuthEndpointsClient(baseURL: server.appendingPathComponent("identity"), credentials: .init(jwt: jwt))
    }

    @Test func everyDocumentedStatus() async throws {
        try await withLiveServer({ app in app.mount(TestAuthEndpoints(), basePath: "/identity") }) { server in
            let api = client(server)
            let login = try await api.twoStepVerificationLogin(body: .init(username: "ann", password: "pw", provider: "Email"))
            #expect(login == .ok(RawBody(contentType: nil, data: Data())))
            #expect(
                try await api.twoStepVerificationLogin(body: .init(username: "bob", password: "pw", provider: "Email"))
                    == .notFound(TestAuthEndpoints.text("user not found")))
            #expect(
                try await api.twoStepVerificationLogin(body: .init(username: "ann", password: "no", provider: "Email"))
                    == .unauthorized(TestAuthEndpoints.text("wrong password")))
            #expect(
                try await api.twoStepVerificationLogin(body: .init(username: "ann", password: "pw", provider: "Sms"))
                    == .badRequest(TestAuthEndpoints.text("unknown provider")))
            #expect(
                try await api.twoStepVerificationConfirm(body: .init(email: "ann@example.com", provider: "Email", token: "135790"))
                    == .ok(AuthenticatedUserResponse(accessToken: TestAuthEndpoints.jwt, refreshToken: "refresh")))
            #expect(
                try await api.twoStepVerificationConfirm(body: .init(email: "ann@example.com", provider: "Email", token: "1"))
                    == .unauthorized(RawBody(contentType: nil, data: Data())))
            #expect(
                try await api.twoStepVerificationConfirm(body: .init(email: "x@example.com", provider: "Email", token: "1"))
                    == .notFound(TestAuthEndpoints.text("user not found")))
        }
    }

    @Test func enablingTwoFactorNeedsTheJWT() async throws {
        try await withLiveServer({ app in app.mount(TestAuthEndpoints(), basePath: "/identity") }) { server in
            let signedIn = client(server, jwt: TestAuthEndpoints.jwt)
            #expect(try await signedIn.enableTwoFactor() == .ok(RawBody(contentType: nil, data: Data())))
            #expect(
                try await signedIn.confirmEnableTwoFactor(body: .init(email: "ann@example.com", provider: "Email", token: "246810"))
                    == .ok(RawBody(contentType: nil, data: Data())))
            #expect(
                try await signedIn.confirmEnableTwoFactor(body: .init(email: "ann@example.com", provider: "Email", token: "0"))
                    == .badRequest(TestAuthEndpoints.text("Invalid token")))
            #expect(
                try await client(server, jwt: "stale").enableTwoFactor()
                    == .unauthorized(TestAuthEndpoints.text("invalid token")))
            let anonymous = try await send(.get, "/identity/users/enable_2fa", to: server)
            #expect(anonymous.status == 401)
            #expect(anonymous.headers["WWW-Authenticate"] == "Bearer")
            // Outside the base path Vapor answers its own 404.
            #expect(try await send(.get, "/users/enable_2fa", to: server).status == 404)
        }
    }
}

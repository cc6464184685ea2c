@_spi(Generated) import APIRuntime
import AuthEndpointsAPI
import Foundation
import Testing

/// An AuthEndpoints stand-in: one user with two-step verification by email.
struct FakeAuthEndpoints: AuthEndpointsHandler {
    static let jwt = "eyJhbGciOiJIUzI1NiJ9.e30.sig"

    func text(_ message: String) -> RawBody {
        RawBody(contentType: "text/plain; charset=utf-8", data: Data(message.utf8))
    }

    func enableTwoFactor(_ input: EnableTwoFactorInput, credentials: AuthEndpointsCredentials) async throws
        -> EnableTwoFactorOutput
    {
        credentials.jwt == Self.jwt
            ? .ok(RawBody(contentType: nil, data: Data())) : .unauthorized(text("invalid token"))
    }

    func confirmEnableTwoFactor(_ input: ConfirmEnableTwoFactorInput, credentials: AuthEndpointsCredentials)
        async throws -> ConfirmEnableTwoFactorOutput
    {
        guard credentials.jwt == Self.jwt else { return .unauthorized(text("invalid token")) }
        return input.body.token == "246810"
            ? .ok(RawBody(contentType: nil, data: Data())) : .badRequest(text("Invalid token"))
    }

    func twoStepVerificationLogin(_ input: TwoStepVerificationLoginInput) async throws -> TwoStepVerificationLoginOutput
    {
        guard input.body.username == "ann" else { return .notFound(text("user not found")) }
        guard input.body.password == "pw" else { return .unauthorized(text("wrong password")) }
        guard input.body.provider == "Email" else { return .badRequest(text("unknown provider")) }
        return .ok(RawBody(contentType: nil, data: Data()))
    }

    func twoStepVerificationConfirm(_ input: TwoStepVerificationConfirmInput) async throws
        -> TwoStepVerificationConfirmOutput
    {
        guard input.body.email == "ann@example.com" else { return .notFound(text("user not found")) }
        guard input.body.token == "135790" else { return .unauthorized(RawBody(contentType: nil, data: Data())) }
        return .ok(AuthenticatedUserResponse(accessToken: Self.jwt, refreshToken: "refresh"))
    }
}

@Suite("AuthEndpoints")
struct AuthEndpointsTests {
    /// The library under an application's own base path: both sides are configured with it.
    let router = FakeAuthEndpoints().makeRouter(basePath: "/identity")

    func client(jwt: String? = nil) -> AuthEndpointsClient {
        AuthEndpointsClient(
            baseURL: URL(string: "https://app.example.com/identity")!, credentials: AuthEndpointsCredentials(jwt: jwt),
            transport: InProcessTransport(router: router))
    }

    @Test func twoStepLoginEndToEnd() async throws {
        let login = try await client().twoStepVerificationLogin(
            body: TwoStepLoginRequest(username: "ann", password: "pw", provider: "Email"))
        #expect(login == .ok(RawBody(contentType: nil, data: Data())))
        let confirm = try await client().twoStepVerificationConfirm(
            body: TwoFactorConfirmRequest(email: "ann@example.com", provider: "Email", token: "135790"))
        #expect(confirm == .ok(AuthenticatedUserResponse(accessToken: FakeAuthEndpoints.jwt, refreshToken: "refresh")))
    }

    @Test func theConfirmAnswerIsASPNETCamelCase() throws {
        let json = String(
            decoding: try JSONCoding.encode(AuthenticatedUserResponse(accessToken: "a", refreshToken: "r")),
            as: UTF8.self)
        #expect(json == #"{"accessToken":"a","refreshToken":"r"}"#)
    }

    @Test func everyDocumentedFailure() async throws {
        let client = client()
        #expect(
            try await client.twoStepVerificationLogin(body: .init(username: "bob", password: "pw", provider: "Email"))
                == .notFound(RawBody(contentType: "text/plain; charset=utf-8", data: Data("user not found".utf8))))
        #expect(
            try await client.twoStepVerificationLogin(body: .init(username: "ann", password: "no", provider: "Email"))
                == .unauthorized(RawBody(contentType: "text/plain; charset=utf-8", data: Data("wrong password".utf8))))
        let bad = try await client.twoStepVerificationLogin(
            body: .init(username: "ann", password: "pw", provider: "Sms"))
        guard case .badRequest(let message) = bad else {
            Issue.record("expected 400, got \(bad)")
            return
        }
        #expect(message.text == "unknown provider")
        #expect(
            try await client.twoStepVerificationConfirm(
                body: .init(email: "ann@example.com", provider: "Email", token: "1"))
                == .unauthorized(RawBody(contentType: nil, data: Data())))
        #expect(
            try await client.twoStepVerificationConfirm(
                body: .init(email: "x@example.com", provider: "Email", token: "1"))
                == .notFound(RawBody(contentType: "text/plain; charset=utf-8", data: Data("user not found".utf8))))
    }

    @Test func enablingNeedsTheJWT() async throws {
        #expect(
            try await client(jwt: FakeAuthEndpoints.jwt).enableTwoFactor()
                == .ok(RawBody(contentType: nil, data: Data())))
        let confirm = try await client(jwt: FakeAuthEndpoints.jwt).confirmEnableTwoFactor(
            body: .init(email: "ann@example.com", provider: "Email", token: "000"))
        #expect(
            confirm == .badRequest(RawBody(contentType: "text/plain; charset=utf-8", data: Data("Invalid token".utf8))))
        #expect(
            try await client(jwt: "stale").enableTwoFactor() == .unauthorized(FakeAuthEndpoints().text("invalid token"))
        )
        await #expect(throws: ClientError.self) { _ = try await client().enableTwoFactor() }
        // Without a bearer token the generated server answers 401 before the handler runs.
        let response = await router.handle(APIRequest(method: .get, path: "/identity/users/enable_2fa"))
        #expect(response.status == 401)
        #expect(response.headers["WWW-Authenticate"] == "Bearer")
    }

    @Test func requiredFieldsAndTheBasePath() async throws {
        let missing = await router.handle(
            APIRequest(
                method: .post, path: "/identity/users/two_step_verification_confirm",
                headers: ["Content-Type": "application/json"],
                body: Data(#"{"email":"ann@example.com","token":"1"}"#.utf8)))
        #expect(missing.status == 400)
        #expect(String(decoding: missing.body.bytes, as: UTF8.self).contains(#""path":"provider","reason":"required""#))
        // Routes live under the configured base path only.
        let outside = await router.handle(APIRequest(method: .get, path: "/users/enable_2fa"))
        #expect(outside.status == 404)
    }
}

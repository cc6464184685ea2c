import APIGenHummingbird
import APIRuntime
import AuthEndpointsAPI
import Foundation
import Hummingbird
import SFOXAPI
import SmsendAPI
import TeamUpAPI
import Testing

/// The four generated services mounted on one Hummingbird router, called by their generated clients over
/// HTTP on 127.0.0.1 (`URLSessionTransport`): every documented status, every body format.
@Suite("Hummingbird: generated services over HTTP")
struct ServiceTests {
    /// SFOX, TeamUp and Smsend under their definitions' base paths, AuthEndpoints on a router group.
    static func mountAll(_ router: Router<BasicRequestContext>) {
        router.mount(TestSFOX()).mount(TestTeamUp()).mount(TestSmsend())
        router.group("identity").mount(TestAuthEndpoints())
    }

    static func url(_ server: URL, _ path: String) -> URL { URL(string: server.absoluteString + path)! }

    static func smsend(_ base: URL, _ credentials: SmsendCredentials) -> SmsendClient {
        SmsendClient(baseURL: base, credentials: credentials, transport: LiveServer.transport())
    }

    static func authEndpoints(_ base: URL, _ jwt: String?) -> AuthEndpointsClient {
        AuthEndpointsClient(baseURL: base, credentials: AuthEndpointsCredentials(jwt: jwt), transport: LiveServer.transport())
    }

    static func text(_ message: String) -> RawBody {
        RawBody(contentType: "text/plain; charset=utf-8", data: Data(message.utf8))
    }

    static func confirm(_ token: String) -> TwoFactorConfirmRequest {
        TwoFactorConfirmRequest(email: "ann@example.com", provider: "Email", token: token)
    }

    static func login(_ user: String, _ password: String, _ provider: String) -> TwoStepLoginRequest {
        TwoStepLoginRequest(username: user, password: password, provider: provider)
    }

    @Test func sfoxAnswersEveryDocumentedStatus() async throws {
        try await LiveServer.run(Self.mountAll) { server in
            let client = SFOXClient(
                baseURL: Self.url(server, "/v1"), credentials: SFOXCredentials(enterpriseAPIKey: TestSFOX.key),
                transport: LiveServer.transport())
            expectAnswer(
                try await client.sendVerification(userID: "new_user", body: .init(type: .sms)), .ok(SendVerificationResponse(data: VerificationCode(userID: "new_user", type: .sms))))
            expectAnswer(
                try await client.sendVerification(userID: "verified", body: .init(type: .email)), .unprocessableEntity(ErrorBody(error: "email already verified")))
            let teapot = try await client.sendVerification(userID: "teapot", body: .init(type: .email))
            guard case .undocumented(418, let body) = teapot else {
                Issue.record("expected an undocumented 418, got \(teapot)")
                return
            }
            #expect(body.text == "short and stout")
        }
    }

    @Test func pathParametersArrivePercentDecoded() async throws {
        try await LiveServer.run(Self.mountAll) { server in
            let client = SFOXClient(
                baseURL: Self.url(server, "/v1"), credentials: SFOXCredentials(enterpriseAPIKey: TestSFOX.key),
                transport: LiveServer.transport())
            for userID in ["a b", "slash/inside", "per%cent", "ünï ✓", "q?x=1&y#z"] {
                expectAnswer(
                    try await client.sendVerification(userID: userID, body: .init(type: .email)), .ok(SendVerificationResponse(data: VerificationCode(userID: userID, type: .email))))
            }
        }
    }

    @Test func teamUpAnswersJSONAndXMLForEveryBodyFormat() async throws {
        try await LiveServer.run(Self.mountAll) { server in
            let client = TeamUpClient(baseURL: Self.url(server, "/api/v2"), transport: LiveServer.transport())
            for format in [ResponseFormat?.none, .json, .xml] {
                for bodyFormat in [BodyFormat.json, .formURLEncoded, .multipart] {
                    let simple = PasswordLoginRequest(username: "ann@example.com", password: "pw", directAuthKey: "k")
                    expectAnswer(
                        try await client.passwordLogin(format: format, body: simple, bodyFormat: bodyFormat), .ok(
                                .getAccessTokenSuccess(
                                    GetAccessTokenSuccess(accessToken: "token", expiresIn: 3600, refreshToken: "refresh"))),
                        "\(String(describing: format)) \(bodyFormat)")
                    let twoFactor = PasswordLoginRequest(username: "2fa@example.com", password: "pw", directAuthKey: "k")
                    expectAnswer(
                        try await client.passwordLogin(format: format, body: twoFactor, bodyFormat: bodyFormat), .ok(
                                .pendingLogin(
                                    PendingLogin(
                                        id: TestTeamUp.pendingID, createdAt: TestTeamUp.created, user: 42,
                                        twoFactorRequiredProviders: [7, 9]))),
                        "\(String(describing: format)) \(bodyFormat)")
                    let start = StartVerificationRequest(
                        phoneNumber: "+15555550100", provider: 7, directAuthKey: TestTeamUp.key,
                        pendingLogin: TestTeamUp.pendingID)
                    expectAnswer(
                        try await client.startVerification(format: format, body: start, bodyFormat: bodyFormat), .ok(
                                StartVerificationResponse(
                                    message: "Code sent to +15555550100", expiresAt: TestTeamUp.created,
                                    verificationCode: "123456")),
                        "\(String(describing: format)) \(bodyFormat)")
                }
            }
            // A status the definition does not document reaches the client as such.
            let wrongKey = StartVerificationRequest(phoneNumber: "+1555", provider: 7, directAuthKey: "wrong")
            let forbidden = try await client.startVerification(body: wrongKey)
            guard case .undocumented(403, _) = forbidden else {
                Issue.record("expected an undocumented 403, got \(forbidden)")
                return
            }
        }
    }

    @Test func formatQueryChoosesTheAnswersMediaType() async throws {
        try await LiveServer.run(Self.mountAll) { server in
            let body = Data(#"{"username":"ann","password":"pw","direct_auth_key":"k"}"#.utf8)
            for (format, contentType, start) in [("xml", "application/xml", "<?xml"), ("json", "application/json", "{")] {
                let response = try await LiveServer.transport().send(
                    APIRequest(
                        method: .post, path: "/api/v2/auth/password_login", query: [URLQueryItem(name: "format", value: format)],
                        headers: ["Content-Type": "application/json"], body: body),
                    baseURL: server)
                #expect(response.status == 200)
                #expect(response.headers["Content-Type"].map { MediaTypeEssence.of($0) } == contentType)
                #expect(response.text.hasPrefix(start), "\(response.text)")
            }
        }
    }

    @Test func smsendAnswersEveryDocumentedStatus() async throws {
        try await LiveServer.run(Self.mountAll) { server in
            let base = Self.url(server, "/API/v1.0/REST")
            let valid = Self.smsend(base, SmsendCredentials(userKey: "UK1", sessionKey: "S1"))
            expectAnswer(
                try await valid.requestTwoFactorPin(body: TwoFactorPinRequest(recipient: "+393333333333", expiry: 90)), .ok(RawBody(contentType: "application/json", data: Data(#"{"pin_id":"90"}"#.utf8))))
            let token = Self.smsend(base, SmsendCredentials(userKey: "UK1", accessToken: "T1"))
            expectAnswer(
                try await token.requestTwoFactorPin(body: TwoFactorPinRequest(recipient: "+393333333333")), .ok(RawBody(contentType: "application/json", data: Data(#"{"pin_id":"60"}"#.utf8))))
            expectAnswer(
                try await valid.requestTwoFactorPin(body: TwoFactorPinRequest(recipient: "+391111111111")), .badRequest(RawBody(contentType: "text/plain", data: Data("bad recipient".utf8))))
            expectAnswer(
                try await valid.requestTwoFactorPin(body: TwoFactorPinRequest(recipient: "+392222222222")), .notFound(RawBody(contentType: "text/plain", data: Data("no such user".utf8))))
            let wrong = Self.smsend(base, SmsendCredentials(userKey: "UK1", sessionKey: "wrong"))
            expectAnswer(
                try await wrong.requestTwoFactorPin(body: TwoFactorPinRequest(recipient: "+393333333333")), .unauthorized(RawBody(contentType: "text/plain", data: Data("invalid session".utf8))))
        }
    }

    @Test func authEndpointsOnARouterGroupAnswerEveryDocumentedStatus() async throws {
        try await LiveServer.run(Self.mountAll) { server in
            let base = Self.url(server, "/identity")
            let ann = Self.authEndpoints(base, TestAuthEndpoints.jwt)
            let disabled = Self.authEndpoints(base, "disabled-account")
            let other = Self.authEndpoints(base, "other")
            expectAnswer(try await ann.enableTwoFactor(), .ok(Self.text("enabled")))
            expectAnswer(try await disabled.enableTwoFactor(), .badRequest(Self.text("account disabled")))
            expectAnswer(try await other.enableTwoFactor(), .unauthorized(Self.text("invalid token")))

            expectAnswer(try await ann.confirmEnableTwoFactor(body: Self.confirm("246810")), .ok(Self.text("confirmed")))
            expectAnswer(try await ann.confirmEnableTwoFactor(body: Self.confirm("000000")), .badRequest(Self.text("wrong token")))
            expectAnswer(
                try await other.confirmEnableTwoFactor(body: Self.confirm("246810")), .unauthorized(Self.text("invalid token")))

            expectAnswer(try await ann.twoStepVerificationLogin(body: Self.login("ann", "pw", "Email")), .ok(Self.text("token sent")))
            expectAnswer(
                try await ann.twoStepVerificationLogin(body: Self.login("ann", "pw", "Pigeon")), .badRequest(Self.text("unknown provider")))
            expectAnswer(
                try await ann.twoStepVerificationLogin(body: Self.login("ann", "no", "Email")), .unauthorized(Self.text("wrong password")))
            expectAnswer(
                try await ann.twoStepVerificationLogin(body: Self.login("bob", "pw", "Email")), .notFound(Self.text("user not found")))

            expectAnswer(
                try await ann.twoStepVerificationConfirm(body: Self.confirm("135790")), .ok(AuthenticatedUserResponse(accessToken: TestAuthEndpoints.jwt, refreshToken: "refresh")))
            expectAnswer(
                try await ann.twoStepVerificationConfirm(
                    body: TwoFactorConfirmRequest(email: "ann@example.com", provider: "SMS", token: "135790")), .badRequest(Self.text("unknown provider")))
            expectAnswer(try await ann.twoStepVerificationConfirm(body: Self.confirm("1")), .unauthorized(Self.text("wrong token")))
            expectAnswer(
                try await ann.twoStepVerificationConfirm(
                    body: TwoFactorConfirmRequest(email: "bob@example.com", provider: "Email", token: "135790")), .notFound(Self.text("user not found")))
        }
    }

    @Test func serverMiddlewaresSeeTheOperation() async throws {
        struct NameTheOperation: ServerMiddleware {
            func intercept(
                _ request: ServerRequest, next: @Sendable (ServerRequest) async throws -> APIResponse
            ) async throws -> APIResponse {
                var response = try await next(request)
                response.headers["X-Operation"] = request.http.operation?.description ?? "none"
                return response
            }
        }
        try await LiveServer.run({ $0.mount(TestSFOX(), middlewares: [NameTheOperation()]) }) { server in
            let response = try await LiveServer.transport().send(
                APIRequest(
                    method: .post, path: "/v1/enterprise/users/send-verification/ann",
                    headers: ["Authorization": "Bearer \(TestSFOX.key)", "Content-Type": "application/json"],
                    body: Data(#"{"type":"email"}"#.utf8)),
                baseURL: server)
            #expect(response.status == 200)
            #expect(
                response.headers["X-Operation"]
                    == "sendVerification (POST /enterprise/users/send-verification/{user_id})")
        }
    }
}

/// `#expect(actual == expected)` for an answer computed outside the macro: in a throwing closure, the macro
/// does not compile around a call that throws `ClientError` (typed throws).
func expectAnswer<T: Equatable>(
    _ actual: T, _ expected: T, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(actual == expected, comment, sourceLocation: sourceLocation)
}

/// The `type/subtype` of a `Content-Type` value (the runtime's own helper is not public API).
enum MediaTypeEssence {
    static func of(_ contentType: String) -> String {
        (contentType.split(separator: ";").first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
    }
}

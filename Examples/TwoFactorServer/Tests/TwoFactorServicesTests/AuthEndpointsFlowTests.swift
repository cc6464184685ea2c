import APIRuntime
import AuthEndpointsAPI
import Foundation
import Testing
import TwoFactorServices

@Suite("AuthEndpoints flow")
struct AuthEndpointsFlowTests {
    static let user = DemoServices.authEndpointsUser

    @Test("enable 2FA under a JWT → confirm → two-step login → confirm → tokens that work")
    func enableThenLogIn() async throws {
        let harness = try await Harness.start()
        let jwt = try #require(harness.services.authEndpoints.issueAccessToken(username: Self.user.username))
        let signedIn = harness.authEndpoints(jwt: jwt)

        guard case .ok = try await signedIn.enableTwoFactor() else { Issue.record("expected 200"); return }
        let enableToken = try #require(harness.services.outbox.last(to: Self.user.email))
        #expect(enableToken.channel == .email && enableToken.code.count == 6)
        #expect(!harness.services.authEndpoints.isTwoFactorEnabled(username: Self.user.username))
        guard case .ok = try await signedIn.confirmEnableTwoFactor(
            body: TwoFactorConfirmRequest(email: Self.user.email, provider: "Email", token: enableToken.code))
        else { Issue.record("expected 200"); return }
        #expect(harness.services.authEndpoints.isTwoFactorEnabled(username: Self.user.username))

        let anonymous = harness.authEndpoints(jwt: nil)
        guard case .ok = try await anonymous.twoStepVerificationLogin(
            body: TwoStepLoginRequest(username: Self.user.username, password: Self.user.password, provider: "Email"))
        else { Issue.record("expected 200"); return }
        let loginToken = try #require(harness.services.outbox.last(to: Self.user.email))
        #expect(loginToken != enableToken)
        guard case .ok(let tokens) = try await anonymous.twoStepVerificationConfirm(
            body: TwoFactorConfirmRequest(email: Self.user.email, provider: "Email", token: loginToken.code))
        else { Issue.record("expected tokens"); return }
        #expect(tokens.accessToken.split(separator: ".").count == 3)
        #expect(!tokens.refreshToken.isEmpty)

        // The new access token is accepted: enabling again is refused as already done, not as unauthorized.
        guard case .badRequest(let body) = try await harness.authEndpoints(jwt: tokens.accessToken).enableTwoFactor()
        else { Issue.record("expected 400"); return }
        #expect(body.contentType?.hasPrefix("text/plain") == true)
        #expect(body.text == "Two-factor authentication is already enabled.")
        // A token is used once.
        guard case .unauthorized = try await anonymous.twoStepVerificationConfirm(
            body: TwoFactorConfirmRequest(email: Self.user.email, provider: "Email", token: loginToken.code))
        else { Issue.record("expected 401"); return }
    }

    @Test func enablingNeedsAValidJWT() async throws {
        let harness = try await Harness.start()
        let response = try await harness.send(APIRequest(method: .get, path: "/users/enable_2fa"), to: .authEndpoints)
        #expect(response.status == 401)
        guard case .unauthorized = try await harness.authEndpoints(jwt: "a.b.c").enableTwoFactor() else {
            Issue.record("expected 401"); return
        }
        let jwt = try #require(harness.services.authEndpoints.issueAccessToken(username: Self.user.username))
        harness.clock.advance(by: 3600)
        guard case .unauthorized = try await harness.authEndpoints(jwt: jwt).enableTwoFactor() else {
            Issue.record("an expired token must be refused"); return
        }
    }

    @Test func loginRefusals() async throws {
        let harness = try await Harness.start()
        let client = harness.authEndpoints(jwt: nil)
        guard case .notFound = try await client.twoStepVerificationLogin(
            body: TwoStepLoginRequest(username: "nobody", password: "x", provider: "Email"))
        else { Issue.record("expected 404"); return }
        guard case .unauthorized = try await client.twoStepVerificationLogin(
            body: TwoStepLoginRequest(username: Self.user.username, password: "wrong", provider: "Email"))
        else { Issue.record("expected 401"); return }
        guard case .badRequest(let body) = try await client.twoStepVerificationLogin(
            body: TwoStepLoginRequest(username: Self.user.username, password: Self.user.password, provider: "Email"))
        else { Issue.record("expected 400: two-factor is off"); return }
        #expect(body.text == "Two-factor authentication is not enabled.")
        guard case .notFound = try await client.twoStepVerificationConfirm(
            body: TwoFactorConfirmRequest(email: "nobody@example.com", provider: "Email", token: "123456"))
        else { Issue.record("expected 404"); return }
        guard case .unauthorized = try await client.twoStepVerificationConfirm(
            body: TwoFactorConfirmRequest(email: Self.user.email, provider: "Email", token: "123456"))
        else { Issue.record("expected 401"); return }
        #expect(harness.services.outbox.messages.isEmpty)
    }
}

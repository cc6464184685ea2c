import APIRuntime
import Foundation
import TeamUpAPI
import Testing
import TwoFactorServices

@Suite("TeamUp flow")
struct TeamUpFlowTests {
    static let formats: [(ResponseFormat?, BodyFormat)] = [
        (nil, .json), (.json, .formURLEncoded), (.xml, .multipart), (.xml, .json),
    ]

    @Test("password login → pending login → code → login with the code → tokens", arguments: formats)
    func twoFactorLogin(format: ResponseFormat?, bodyFormat: BodyFormat) async throws {
        let harness = try await Harness.start()
        let client = harness.teamUp()
        let user = DemoServices.teamUpUser
        let key = DemoServices.teamUpDirectAuthKey
        let login = PasswordLoginRequest(username: user.username, password: user.password, directAuthKey: key)

        guard case .ok(.pendingLogin(let pending)) = try await client.passwordLogin(
            format: format, body: login, bodyFormat: bodyFormat)
        else { Issue.record("expected a pending login"); return }
        #expect(pending.user == user.id)
        #expect(pending.twoFactorRequiredProviders == [1])
        #expect(pending.createdAt == harness.clock.now)

        let phone = "+15550100"
        let start = StartVerificationRequest(phoneNumber: phone, provider: 1, directAuthKey: key, pendingLogin: pending.id)
        guard case .ok(let started) = try await client.startVerification(format: format, body: start, bodyFormat: bodyFormat)
        else { Issue.record("expected the verification to start"); return }
        let code = try #require(started.verificationCode)
        #expect(code.count == 6 && code.allSatisfy(\.isNumber))
        #expect(started.expiresAt == harness.clock.now.addingTimeInterval(600))
        #expect(harness.services.outbox.last(to: phone)?.code == code)

        harness.clock.advance(by: 60)
        var verified = login
        verified.verificationKey = code
        guard case .ok(.getAccessTokenSuccess(let tokens)) = try await client.passwordLogin(
            format: format, body: verified, bodyFormat: bodyFormat)
        else { Issue.record("expected tokens"); return }
        #expect(tokens.expiresIn == nil)
        #expect(!tokens.accessToken.isEmpty && !tokens.refreshToken.isEmpty && tokens.accessToken != tokens.refreshToken)

        // The code is used up.
        guard case .unauthorized = try await client.passwordLogin(body: verified) else {
            Issue.record("a used code must be refused"); return
        }
    }

    @Test func wrongPasswordsAndKeysAreRefused() async throws {
        let harness = try await Harness.start()
        let client = harness.teamUp()
        let user = DemoServices.teamUpUser
        let attempts = [
            PasswordLoginRequest(username: user.username, password: "wrong", directAuthKey: DemoServices.teamUpDirectAuthKey),
            PasswordLoginRequest(username: "nobody@example.com", password: user.password, directAuthKey: DemoServices.teamUpDirectAuthKey),
            PasswordLoginRequest(username: user.username, password: user.password, directAuthKey: "not-a-key"),
        ]
        for attempt in attempts {
            guard case .unauthorized(let body) = try await client.passwordLogin(body: attempt) else {
                Issue.record("expected a refusal"); continue
            }
            #expect(jsonObject(body)?["detail"] is String)
            #expect(body.text?.contains(attempt.password) == false)
        }
    }

    @Test func aWrongOrExpiredCodeIsRefused() async throws {
        let harness = try await Harness.start()
        let client = harness.teamUp()
        let user = DemoServices.teamUpUser
        let key = DemoServices.teamUpDirectAuthKey
        var login = PasswordLoginRequest(username: user.username, password: user.password, directAuthKey: key)
        guard case .ok(.pendingLogin(let pending)) = try await client.passwordLogin(body: login) else {
            Issue.record("expected a pending login"); return
        }
        let start = StartVerificationRequest(phoneNumber: "+15550100", provider: 1, directAuthKey: key, pendingLogin: pending.id)
        guard case .ok(let started) = try await client.startVerification(body: start) else {
            Issue.record("expected the verification to start"); return
        }
        let code = try #require(started.verificationCode)
        login.verificationKey = code == "000000" ? "111111" : "000000"
        guard case .unauthorized = try await client.passwordLogin(body: login) else {
            Issue.record("a wrong code must be refused"); return
        }
        harness.clock.advance(by: 601)
        login.verificationKey = code
        guard case .unauthorized = try await client.passwordLogin(body: login) else {
            Issue.record("an expired code must be refused"); return
        }
    }

    @Test func anUnknownPendingLoginIsRefused() async throws {
        let client = try await Harness.start().teamUp()
        let start = StartVerificationRequest(
            phoneNumber: "+15550100", provider: 1, directAuthKey: DemoServices.teamUpDirectAuthKey, pendingLogin: UUID())
        guard case .unauthorized = try await client.startVerification(body: start) else {
            Issue.record("expected 401"); return
        }
    }

    @Test func aUserWithoutTwoFactorGetsTokensAtOnce() async throws {
        let user = DemoServices.teamUpPlainUser
        let login = PasswordLoginRequest(
            username: user.username, password: user.password, directAuthKey: DemoServices.teamUpDirectAuthKey)
        guard case .ok(.getAccessTokenSuccess(let tokens)) = try await Harness.start().teamUp().passwordLogin(format: .xml, body: login)
        else { Issue.record("expected tokens"); return }
        #expect(tokens.expiresIn == nil)
    }
}

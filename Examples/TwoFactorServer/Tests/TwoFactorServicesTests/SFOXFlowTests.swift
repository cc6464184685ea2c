import APIRuntime
import Foundation
import SFOXAPI
import Testing
import TwoFactorServices

@Suite("sFOX flow")
struct SFOXFlowTests {
    static let individual = DemoServices.sfoxUsers[0]
    static let business = DemoServices.sfoxUsers[1]

    @Test("email code → confirmed → SMS code → confirmed; 422 for a type the user cannot verify now")
    func emailThenSMS() async throws {
        let harness = try await Harness.start()
        let client = harness.sfox(apiKey: DemoServices.sfoxAPIKey)
        let id = Self.individual.id

        guard case .unprocessableEntity(let early) = try await client.sendVerification(userID: id, body: .init(type: .sms))
        else { Issue.record("an SMS before the email is verified must be 422"); return }
        #expect(early.error == "Email must be verified first")

        guard case .ok(let sent) = try await client.sendVerification(userID: id, body: .init(type: .email)) else {
            Issue.record("expected 200"); return
        }
        #expect(sent.data == VerificationCode(userID: id, type: .email, email: Self.individual.email))
        let emailCode = try #require(harness.services.outbox.last(to: Self.individual.email))
        #expect(emailCode.code.count == 6)
        #expect(harness.services.sfox.confirm(userID: id, type: .email, code: emailCode.code))

        guard case .unprocessableEntity(let again) = try await client.sendVerification(userID: id, body: .init(type: .email))
        else { Issue.record("expected 422"); return }
        #expect(again.error == "Email already verified")

        guard case .ok(let sms) = try await client.sendVerification(userID: id, body: .init(type: .sms)) else {
            Issue.record("expected 200"); return
        }
        #expect(sms.data == VerificationCode(userID: id, type: .sms, phoneNumber: Self.individual.phoneNumber))
        let smsCode = try #require(harness.services.outbox.last(to: Self.individual.phoneNumber))
        #expect(!harness.services.sfox.confirm(userID: id, type: .sms, code: emailCode.code == smsCode.code ? "x" : emailCode.code))
        #expect(harness.services.sfox.confirm(userID: id, type: .sms, code: smsCode.code))
        guard case .unprocessableEntity(let done) = try await client.sendVerification(userID: id, body: .init(type: .sms))
        else { Issue.record("expected 422"); return }
        #expect(done.error == "Phone already verified")
    }

    @Test func businessAccountsVerifyEmailOnly() async throws {
        guard case .unprocessableEntity = try await Harness.start().sfox(apiKey: DemoServices.sfoxAPIKey).sendVerification(
            userID: Self.business.id, body: .init(type: .sms))
        else { Issue.record("expected 422"); return }
    }

    @Test func anExpiredCodeDoesNotConfirm() async throws {
        let harness = try await Harness.start()
        guard case .ok = try await harness.sfox(apiKey: DemoServices.sfoxAPIKey).sendVerification(
            userID: Self.individual.id, body: .init(type: .email))
        else { Issue.record("expected 200"); return }
        let code = try #require(harness.services.outbox.last(to: Self.individual.email)).code
        harness.clock.advance(by: 600)
        #expect(!harness.services.sfox.confirm(userID: Self.individual.id, type: .email, code: code))
    }

    @Test func aWrongKeyIs401AndAnUnknownUser422() async throws {
        let harness = try await Harness.start()
        guard case .undocumented(401, _) = try await harness.sfox(apiKey: "wrong").sendVerification(
            userID: Self.individual.id, body: .init(type: .email))
        else { Issue.record("expected 401"); return }
        guard case .unprocessableEntity(let unknown) = try await harness.sfox(apiKey: DemoServices.sfoxAPIKey).sendVerification(
            userID: "nobody", body: .init(type: .email))
        else { Issue.record("expected 422"); return }
        #expect(unknown.error == "Unknown user")
        let body = Data(#"{"type":"fax"}"#.utf8)
        let request = APIRequest(
            method: .post, path: "/enterprise/users/send-verification/client_account_1",
            headers: ["Authorization": "Bearer \(DemoServices.sfoxAPIKey)", "Content-Type": "application/json"], body: body)
        #expect(try await harness.send(request, to: .sfox).status == 400)
        #expect(harness.services.outbox.messages.isEmpty)
    }
}

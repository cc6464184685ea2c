import APIRuntime
import Foundation
import SmsendAPI
import Testing
import TwoFactorServices

@Suite("smsend flow")
struct SmsendFlowTests {
    static let account = DemoServices.smsendAccount
    static let sessionCredentials = SmsendCredentials(userKey: account.userKey, sessionKey: account.sessionKeys.first)
    static let tokenCredentials = SmsendCredentials(userKey: account.userKey, accessToken: account.accessTokens.first)

    @Test("request a PIN → it is texted, expires after 60 minutes by default, and verifies once",
          arguments: [sessionCredentials, tokenCredentials])
    func pinWithTheDefaultExpiry(credentials: SmsendCredentials) async throws {
        let harness = try await Harness.start()
        let recipient = DemoServices.smsendRecipient
        guard case .ok(let body) = try await harness.smsend(credentials).requestTwoFactorPin(
            body: TwoFactorPinRequest(recipient: recipient))
        else { Issue.record("expected 200"); return }
        let answer = try #require(jsonObject(body))
        #expect(answer["result"] as? String == "OK")
        let expected = ISO8601DateFormatter().string(from: harness.clock.now.addingTimeInterval(3600))
        #expect(answer["expires_at"] as? String == expected)

        let message = try #require(harness.services.outbox.last(to: recipient))
        #expect(message.channel == .sms)
        #expect(message.code.count == 6 && message.text.hasSuffix(message.code))
        harness.clock.advance(by: 3599)
        #expect(!harness.services.smsend.verify(recipient: recipient, pin: message.code == "000000" ? "1" : "000000"))
        #expect(harness.services.smsend.verify(recipient: recipient, pin: message.code))
        #expect(!harness.services.smsend.verify(recipient: recipient, pin: message.code))
    }

    @Test func aShortExpiryAndAMessageWithThePlaceholder() async throws {
        let harness = try await Harness.start()
        let recipient = DemoServices.smsendRecipient
        let request = TwoFactorPinRequest(recipient: recipient, expiry: 5, messageBody: "Code %PIN% for Acme")
        guard case .ok = try await harness.smsend(Self.sessionCredentials).requestTwoFactorPin(body: request) else {
            Issue.record("expected 200"); return
        }
        let message = try #require(harness.services.outbox.last(to: recipient))
        #expect(message.text == "Code \(message.code) for Acme")
        harness.clock.advance(by: 300)
        #expect(!harness.services.smsend.verify(recipient: recipient, pin: message.code))
    }

    @Test func withoutTheKeyHeadersTheAnswerIs401() async throws {
        let harness = try await Harness.start()
        let body = Data(#"{"recipient":"\#(DemoServices.smsendRecipient)"}"#.utf8)
        let headerSets: [HeaderFields] = [
            [:], ["user_key": Self.account.userKey], ["Session_key": "demo-session-key"],
        ]
        for headers in headerSets {
            var request = APIRequest(method: .post, path: "/2fa/request", headers: headers, body: body)
            request.headers["Content-Type"] = "application/json"
            let response = try await harness.send(request, to: .smsend)
            #expect(response.status == 401)
        }
        #expect(harness.services.outbox.messages.isEmpty)
    }

    @Test func aWrongSessionKeyIs401() async throws {
        let credentials = SmsendCredentials(userKey: Self.account.userKey, sessionKey: "not-the-session")
        guard case .unauthorized = try await Harness.start().smsend(credentials).requestTwoFactorPin(
            body: TwoFactorPinRequest(recipient: DemoServices.smsendRecipient))
        else { Issue.record("expected 401"); return }
    }

    @Test func anUnknownRecipientOrUserKeyIs404() async throws {
        let harness = try await Harness.start()
        guard case .notFound(let body) = try await harness.smsend(Self.sessionCredentials).requestTwoFactorPin(
            body: TwoFactorPinRequest(recipient: "+390000000000"))
        else { Issue.record("expected 404"); return }
        #expect((jsonObject(body)?["message"] as? String)?.contains("recipient") == true)
        let stranger = SmsendCredentials(userKey: "someone-else", sessionKey: "demo-session-key")
        guard case .notFound = try await harness.smsend(stranger).requestTwoFactorPin(
            body: TwoFactorPinRequest(recipient: DemoServices.smsendRecipient))
        else { Issue.record("expected 404"); return }
        #expect(harness.services.outbox.messages.isEmpty)
    }
}

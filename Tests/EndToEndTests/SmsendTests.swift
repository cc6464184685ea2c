@_spi(Generated) import APIRuntime
import Foundation
import SmsendAPI
import Testing

/// An smsend stand-in: known user key, session keys and tokens; answers as the documentation says.
struct FakeSmsend: SmsendHandler {
    func requestTwoFactorPin(_ input: RequestTwoFactorPinInput, credentials: SmsendCredentials) async throws
        -> RequestTwoFactorPinOutput
    {
        guard credentials.userKey == "UK1" || credentials.userKey == "UK-unknown" else {
            return .unauthorized(RawBody(contentType: "text/plain", data: Data("invalid user_key".utf8)))
        }
        if credentials.userKey == "UK-unknown" {
            return .notFound(RawBody(contentType: nil, data: Data()))
        }
        guard credentials.sessionKey == "S1" || credentials.accessToken == "T1" else {
            return .unauthorized(RawBody(contentType: "text/plain", data: Data("invalid session key or token".utf8)))
        }
        if input.body.recipient.hasSuffix("0000000") {
            return .badRequest(
                RawBody(contentType: "application/json", data: Data(#"{"error":"not enough credit"}"#.utf8)))
        }
        let summary = "\(input.body.recipient) \(input.body.expiry) \(input.body.messageBody ?? "-")"
        return .ok(RawBody(contentType: "text/plain", data: Data(summary.utf8)))
    }
}

@Suite("smsend")
struct SmsendTests {
    let router = FakeSmsend().makeRouter()

    func client(_ credentials: SmsendCredentials) -> SmsendClient {
        SmsendClient(credentials: credentials, transport: InProcessTransport(router: router))
    }

    @Test func bothHeaderPairsAuthenticateAndTheDefaultExpiryIsSent() async throws {
        for credentials in [
            SmsendCredentials(userKey: "UK1", sessionKey: "S1"), SmsendCredentials(userKey: "UK1", accessToken: "T1"),
        ] {
            let output = try await client(credentials).requestTwoFactorPin(
                body: TwoFactorPinRequest(recipient: "+391234567890", messageBody: "Your PIN is %PIN%"))
            #expect(
                output == .ok(RawBody(contentType: "text/plain", data: Data("+391234567890 60 Your PIN is %PIN%".utf8)))
            )
        }
    }

    @Test func everyDocumentedStatus() async throws {
        let valid = SmsendCredentials(userKey: "UK1", sessionKey: "S1")
        let bad = try await client(valid).requestTwoFactorPin(body: TwoFactorPinRequest(recipient: "00390000000"))
        #expect(
            bad
                == .badRequest(
                    RawBody(contentType: "application/json", data: Data(#"{"error":"not enough credit"}"#.utf8))))
        let unauthorized = try await client(SmsendCredentials(userKey: "UK1", sessionKey: "wrong"))
            .requestTwoFactorPin(body: TwoFactorPinRequest(recipient: "+391234567"))
        #expect(
            unauthorized
                == .unauthorized(RawBody(contentType: "text/plain", data: Data("invalid session key or token".utf8))))
        let notFound = try await client(SmsendCredentials(userKey: "UK-unknown", accessToken: "T1"))
            .requestTwoFactorPin(body: TwoFactorPinRequest(recipient: "+391234567"))
        #expect(notFound == .notFound(RawBody(contentType: nil, data: Data())))
    }

    @Test func missingCredentials() async throws {
        // The client needs user_key plus one of the two others.
        await #expect {
            _ = try await client(SmsendCredentials(userKey: "UK1")).requestTwoFactorPin(
                body: TwoFactorPinRequest(recipient: "+391234567"))
        } throws: { error in
            guard case ClientError.missingCredential(let scheme) = error else { return false }
            return scheme == "sessionKey or accessToken"
        }
        // The server answers 401 naming what is missing.
        let response = await router.handle(
            APIRequest(
                method: .post, path: "/API/v1.0/REST/2fa/request", headers: ["Session_key": "S1"],
                body: Data(#"{"recipient":"+391234567"}"#.utf8)))
        #expect(response.status == 401)
        let message = String(decoding: response.body.bytes, as: UTF8.self)
        #expect(message.contains("missing user_key header"), "\(message)")
    }

    @Test func recipientFormatIsValidatedOnBothSides() async throws {
        await #expect {
            _ = try await client(SmsendCredentials(userKey: "UK1", sessionKey: "S1")).requestTwoFactorPin(
                body: TwoFactorPinRequest(recipient: "555-1234", expiry: 0))
        } throws: { error in
            guard case ClientError.invalidRequest(let errors) = error else { return false }
            return errors.errors == [
                ValidationError(path: "recipient", reason: "does not match the pattern ^(\\+|00)[0-9]{6,15}$"),
                ValidationError(path: "expiry", reason: "less than 1"),
            ]
        }
        let response = await router.handle(
            APIRequest(
                method: .post, path: "/API/v1.0/REST/2fa/request", headers: ["user_key": "UK1", "Access_token": "T1"],
                body: Data(#"{"recipient":"1111111111","expiry":"60"}"#.utf8)))
        #expect(response.status == 400)
        #expect(
            String(decoding: response.body.bytes, as: UTF8.self).contains(#""path":"expiry","reason":"expected an integer""#))
    }

    @Test func absentOptionalsAreNotWrittenAndTheDefaultIsApplied() throws {
        let json = String(decoding: try JSONCoding.encode(TwoFactorPinRequest(recipient: "+1111111111")), as: UTF8.self)
        #expect(json == #"{"recipient":"+1111111111","expiry":60}"#)
        let decoded = try JSONCoding.decode(TwoFactorPinRequest.self, from: Data(#"{"recipient":"001111111111"}"#.utf8))
        #expect(decoded.expiry == 60)
        #expect(decoded.senderName == nil)
    }
}

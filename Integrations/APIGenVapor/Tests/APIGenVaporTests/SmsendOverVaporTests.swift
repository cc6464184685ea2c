import APIGenVapor
import APIRuntime
import Foundation
import SmsendAPI
import Testing
import Vapor

/// smsend mounted at its base path (`/API/v1.0/REST`), authenticated by a pair of headers.
@Suite("smsend over Vapor")
struct SmsendOverVaporTests {
    func client(_ server: URL, _ credentials: SmsendCredentials) -> SmsendClient {
        SmsendClient(baseURL: server.appendingPathComponent("API/v1.0/REST"), credentials: credentials)
    }

    @Test func everyDocumentedStatus() async throws {
        try await withLiveServer({ app in app.mount(TestSmsend()) }) { server in
            let pairs: [SmsendCredentials] = [.init(userKey: "UK1", sessionKey: "S1"), .init(userKey: "UK1", accessToken: "T1")]
            for credentials in pairs {
                let ok = try await client(server, credentials).requestTwoFactorPin(
                    body: TwoFactorPinRequest(recipient: "+391234567890", messageBody: "PIN %PIN%"))
                #expect(ok == .ok(RawBody(contentType: "text/plain", data: Data("+391234567890 60 PIN %PIN%".utf8))))
            }
            let valid = SmsendCredentials(userKey: "UK1", sessionKey: "S1")
            #expect(
                try await client(server, valid).requestTwoFactorPin(body: .init(recipient: "00390000000"))
                    == .badRequest(
                        RawBody(contentType: "application/json", data: Data(#"{"error":"not enough credit"}"#.utf8))))
            #expect(
                try await client(server, .init(userKey: "UK1", sessionKey: "wrong"))
                    .requestTwoFactorPin(body: .init(recipient: "+391234567"))
                    == .unauthorized(RawBody(contentType: "text/plain", data: Data("invalid credentials".utf8))))
            let notFound = try await client(server, .init(userKey: "UK-unknown", accessToken: "T1"))
                .requestTwoFactorPin(body: .init(recipient: "+391234567"))
            guard case .notFound(let body) = notFound else {
                Issue.record("expected 404, got \(notFound)")
                return
            }
            #expect(body.data.isEmpty)
            // The runtime answers 401 before the handler when a header of the pair is missing.
            let missing = try await send(
                .post, "/API/v1.0/REST/2fa/request", to: server,
                headers: ["Session_key": "S1", "Content-Type": "application/json"], body: #"{"recipient":"+391234567"}"#)
            #expect(missing.status == 401)
            #expect(missing.text.contains("missing user_key header"))
        }
    }
}

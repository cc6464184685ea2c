import APIGenVapor
import APIRuntime
import Foundation
import SFOXAPI
import Testing
import Vapor

/// sFOX mounted on a Vapor application at its default base path (`/v1`), called over HTTP by its
/// generated client.
@Suite("sFOX over Vapor")
struct SFOXOverVaporTests {
    func withSFOX(_ body: (URL) async throws -> Void) async throws {
        try await withLiveServer({ app in app.mount(TestSFOX()) }, body)
    }

    func client(_ server: URL, key: String? = TestSFOX.key) -> SFOXClient {
        SFOXClient(baseURL: server.appendingPathComponent("v1"), credentials: SFOXCredentials(enterpriseAPIKey: key))
    }

    @Test func everyDocumentedStatus() async throws {
        try await withSFOX { server in
            let email = try await client(server).sendVerification(userID: "client_account_1", body: .init(type: .email))
            #expect(
                email
                    == .ok(
                        .init(data: VerificationCode(userID: "client_account_1", type: .email, email: "sfox@example.com"))))
            let verified = try await client(server).sendVerification(userID: "verified_user", body: .init(type: .email))
            #expect(verified == .unprocessableEntity(ErrorBody(error: "Email already verified")))
        }
    }

    @Test func pathParametersArriveDecoded() async throws {
        try await withSFOX { server in
            let output = try await client(server).sendVerification(userID: "client account/2", body: .init(type: .sms))
            guard case .ok(let response) = output else {
                Issue.record("expected 200, got \(output)")
                return
            }
            #expect(response.data.userID == "client account/2")
            #expect(response.data.phoneNumber == "+12223334444")
        }
    }

    @Test func aWrongKeyReachesTheHandlerAndAMissingOneDoesNot() async throws {
        try await withSFOX { server in
            let wrong = try await client(server, key: "wrong").sendVerification(userID: "u", body: .init(type: .email))
            guard case .undocumented(401, let body) = wrong else {
                Issue.record("expected an undocumented 401, got \(wrong)")
                return
            }
            #expect(body.text?.contains("unknown API key") == true)
            let missing = try await send(
                .post, "/v1/enterprise/users/send-verification/u", to: server,
                headers: ["Content-Type": "application/json"], body: #"{"type":"email"}"#)
            #expect(missing.status == 401)
            #expect(missing.headers["WWW-Authenticate"] == "Bearer")
            #expect(missing.text.contains("missing Authorization header"))
        }
    }
}

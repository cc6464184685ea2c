import APIGenVapor
import APIRuntime
import Foundation
import TeamUpAPI
import Testing
import Vapor

/// TeamUp mounted in a route group (`/api/v2`), called over HTTP by its generated client in every request
/// body format and answer format.
@Suite("TeamUp over Vapor")
struct TeamUpOverVaporTests {
    func withTeamUp(_ body: (URL) async throws -> Void) async throws {
        try await withLiveServer({ app in app.grouped("api", "v2").mount(TestTeamUp(), basePath: "") }, body)
    }

    func client(_ server: URL) -> TeamUpClient {
        TeamUpClient(baseURL: server.appendingPathComponent("api/v2"))
    }

    @Test(arguments: [BodyFormat.json, .formURLEncoded, .multipart], [ResponseFormat.json, .xml])
    func everyOperationInEveryFormat(bodyFormat: BodyFormat, format: ResponseFormat) async throws {
        try await withTeamUp { server in
            let start = try await client(server).startVerification(
                format: format,
                body: StartVerificationRequest(phoneNumber: "+15550100", provider: 1, directAuthKey: "direct-key"),
                bodyFormat: bodyFormat)
            #expect(
                start
                    == .ok(
                        StartVerificationResponse(
                            message: "Code sent to +15550100", expiresAt: TestTeamUp.created.addingTimeInterval(600),
                            verificationCode: TestTeamUp.code)))
            let login = try await client(server).passwordLogin(
                format: format,
                body: PasswordLoginRequest(username: "simple@example.com", password: "hunter22", directAuthKey: "direct-key"),
                bodyFormat: bodyFormat)
            #expect(
                login
                    == .ok(.getAccessTokenSuccess(.init(accessToken: "token-1", expiresIn: nil, refreshToken: "refresh-1"))))
        }
    }

    @Test(arguments: [ResponseFormat.json, .xml])
    func theWholeTwoFactorLogin(format: ResponseFormat) async throws {
        try await withTeamUp { server in
            let client = client(server)
            let first = try await client.passwordLogin(
                format: format,
                body: PasswordLoginRequest(username: "2fa@example.com", password: "hunter22", directAuthKey: "direct-key"))
            guard case .ok(.pendingLogin(let pending)) = first else {
                Issue.record("expected a pending login, got \(first)")
                return
            }
            #expect(pending.twoFactorRequiredProviders == [7, 9])
            let started = try await client.startVerification(
                format: format,
                body: StartVerificationRequest(
                    phoneNumber: "+15550100", provider: 7, directAuthKey: "direct-key", pendingLogin: pending.id))
            guard case .ok(let verification) = started, let code = verification.verificationCode else {
                Issue.record("expected a code, got \(started)")
                return
            }
            let second = try await client.passwordLogin(
                format: format,
                body: PasswordLoginRequest(
                    username: "2fa@example.com", password: "hunter22", directAuthKey: "direct-key", verificationKey: code))
            #expect(
                second == .ok(.getAccessTokenSuccess(.init(accessToken: "token-2fa", expiresIn: 3600, refreshToken: "r-2fa"))))
            let wrong = try await client.passwordLogin(
                format: format,
                body: PasswordLoginRequest(
                    username: "2fa@example.com", password: "hunter22", directAuthKey: "direct-key", verificationKey: "0"))
            guard case .unauthorized = wrong else {
                Issue.record("expected 401, got \(wrong)")
                return
            }
        }
    }

    @Test func theFormatParameterThenAcceptChooseTheAnswer() async throws {
        try await withTeamUp { server in
            let path = "/api/v2/auth/two_factor/start_verification"
            let body = #"{"phone_number":"+1555","provider":1,"direct_auth_key":"direct-key"}"#
            let json: HeaderFields = ["Content-Type": "application/json"]
            let plain = try await send(.post, path, to: server, headers: json, body: body)
            #expect(plain.status == 200)
            #expect(plain.headers["Content-Type"] == "application/json")
            let xml = try await send(
                .post, path, to: server, query: [URLQueryItem(name: "format", value: "xml")], headers: json, body: body)
            #expect(xml.status == 200)
            #expect(xml.headers["Content-Type"] == "application/xml; charset=utf-8")
            #expect(xml.text.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<root><success>True</success>"))
            var accept = json
            accept["Accept"] = "application/xml"
            #expect(try await send(.post, path, to: server, headers: accept, body: body).text.hasPrefix("<?xml"))
            let badFormat = try await send(
                .post, path, to: server, query: [URLQueryItem(name: "format", value: "yaml")], headers: json, body: body)
            #expect(badFormat.status == 400)
            #expect(badFormat.text.contains(#""path":"format""#))
        }
    }
}

import APIGenAsyncHTTPClient
import APIRuntime
import AuthEndpointsAPI
import Foundation
import SFOXAPI
import SmsendAPI
import TeamUpAPI
import Testing

/// The generated clients of the four services call a real HTTP server on 127.0.0.1 through
/// `AsyncHTTPClientTransport`.
@Suite("Generated clients over AsyncHTTPClient")
struct GeneratedClientsTests {
    let transport = AsyncHTTPClientTransport()

    @Test func sfoxDocumentedAndUndocumentedStatuses() async throws {
        try await TestServer.with(SFOXStandIn().makeRouter().handle, basePath: "/v1") { url in
            let client = SFOXClient(
                baseURL: url, credentials: .init(enterpriseAPIKey: "test-key"), transport: transport)
            guard
                case .ok(let sent) = try await client.sendVerification(userID: "new user/1", body: .init(type: .email))
            else { Issue.record("expected 200"); return }
            #expect(sent.data.userID == "new user/1")
            #expect(sent.data.email == "user@example.com")

            guard
                case .unprocessableEntity(let error) = try await client.sendVerification(
                    userID: "verified_user", body: .init(type: .email))
            else { Issue.record("expected 422"); return }
            #expect(error.error == "Email already verified")

            let stranger = SFOXClient(baseURL: url, credentials: .init(enterpriseAPIKey: "other"), transport: transport)
            guard
                case .undocumented(let status, _) = try await stranger.sendVerification(
                    userID: "u", body: .init(type: .sms))
            else { Issue.record("expected 401"); return }
            #expect(status == 401)
        }
    }

    @Test(arguments: [ResponseFormat?.none, .json, .xml])
    func teamUpInEveryBodyFormat(format: ResponseFormat?) async throws {
        try await TestServer.with(TeamUpStandIn().makeRouter().handle, basePath: "/api/v2") { url in
            let client = TeamUpClient(baseURL: url, transport: transport)
            for bodyFormat in [BodyFormat.json, .formURLEncoded, .multipart] {
                let simple = PasswordLoginRequest(
                    username: "simple@example.com", password: "hunter22", directAuthKey: "k")
                guard
                    case .ok(.getAccessTokenSuccess(let tokens)) = try await client.passwordLogin(
                        format: format, body: simple, bodyFormat: bodyFormat)
                else { Issue.record("expected tokens (\(bodyFormat))"); continue }
                #expect(tokens.accessToken == "token-1")
                #expect(tokens.expiresIn == nil)

                let twoFactor = PasswordLoginRequest(
                    username: "2fa@example.com", password: "hunter22", directAuthKey: "k")
                guard
                    case .ok(.pendingLogin(let pending)) = try await client.passwordLogin(
                        format: format, body: twoFactor, bodyFormat: bodyFormat)
                else { Issue.record("expected a pending login (\(bodyFormat))"); continue }
                #expect(pending.id == TeamUpStandIn.pendingID)
                #expect(pending.createdAt == TeamUpStandIn.created)
                #expect(pending.twoFactorRequiredProviders == [7, 9])

                let start = StartVerificationRequest(phoneNumber: "+1 555 0100", provider: 7, directAuthKey: "k")
                guard
                    case .ok(let started) = try await client.startVerification(
                        format: format, body: start, bodyFormat: bodyFormat)
                else { Issue.record("expected 200 (\(bodyFormat))"); continue }
                #expect(started.message == "Code sent to +1 555 0100")

                let wrong = PasswordLoginRequest(username: "simple@example.com", password: "nope", directAuthKey: "k")
                // TeamUp documents 401: the refusal is a typed answer.
                guard
                    case .unauthorized = try await client.passwordLogin(
                        format: format, body: wrong, bodyFormat: bodyFormat)
                else { Issue.record("expected 401 (\(bodyFormat))"); continue }
            }
        }
    }

    @Test func smsendHeaderPairsAndRawBodies() async throws {
        try await TestServer.with(SmsendStandIn().makeRouter().handle, basePath: "/API/v1.0/REST") { url in
            for credentials in [
                SmsendCredentials(userKey: "UK1", sessionKey: "S1"), .init(userKey: "UK1", accessToken: "T1"),
            ] {
                let client = SmsendClient(baseURL: url, credentials: credentials, transport: transport)
                guard
                    case .ok(let body) = try await client.requestTwoFactorPin(
                        body: TwoFactorPinRequest(recipient: "+391234567890"))
                else { Issue.record("expected 200"); continue }
                #expect(body.text?.hasPrefix("+391234567890 ") == true)
                #expect(body.contentType == "text/plain")
            }
            let client = SmsendClient(
                baseURL: url, credentials: .init(userKey: "UK1", sessionKey: "S1"), transport: transport)
            guard
                case .badRequest(let error) = try await client.requestTwoFactorPin(
                    body: TwoFactorPinRequest(recipient: "+390000000000"))
            else { Issue.record("expected 400"); return }
            #expect(error.text == #"{"error":"no credit"}"#)
            let stranger = SmsendClient(
                baseURL: url, credentials: .init(userKey: "UK2", sessionKey: "S1"), transport: transport)
            guard
                case .unauthorized(let denied) = try await stranger.requestTwoFactorPin(
                    body: TwoFactorPinRequest(recipient: "+391234567890"))
            else { Issue.record("expected 401"); return }
            #expect(denied.text == "invalid keys")
        }
    }

    @Test func authEndpointsUnderAnApplicationsBasePath() async throws {
        try await TestServer.with(
            AuthEndpointsStandIn().makeRouter(basePath: "/identity").handle, basePath: "/identity"
        ) {
            url in
            let client = AuthEndpointsClient(
                baseURL: url, credentials: .init(jwt: AuthEndpointsStandIn.jwt), transport: transport)
            guard case .ok = try await client.enableTwoFactor() else { Issue.record("expected 200"); return }
            guard
                case .badRequest(let bad) = try await client.confirmEnableTwoFactor(
                    body: TwoFactorConfirmRequest(email: "ann@example.com", provider: "Email", token: "000000"))
            else { Issue.record("expected 400"); return }
            #expect(bad.text == "Invalid token")
            guard
                case .notFound = try await client.twoStepVerificationLogin(
                    body: TwoStepLoginRequest(username: "bob", password: "pw", provider: "Email"))
            else { Issue.record("expected 404"); return }
            guard
                case .ok(let user) = try await client.twoStepVerificationConfirm(
                    body: TwoFactorConfirmRequest(email: "ann@example.com", provider: "Email", token: "135790"))
            else { Issue.record("expected 200"); return }
            #expect(user.accessToken == AuthEndpointsStandIn.jwt)

            let anonymous = AuthEndpointsClient(baseURL: url, credentials: .init(jwt: "other"), transport: transport)
            guard case .unauthorized(let denied) = try await anonymous.enableTwoFactor()
            else { Issue.record("expected 401"); return }
            #expect(denied.text == "invalid token")
        }
    }

    @Test func anAnswerThatDoesNotDecodeIsAnInvalidResponse() async throws {
        let liar: TestServer.Handle = { _ in
            APIResponse(status: 200, headers: ["Content-Type": "application/json"], body: Data(#"{"data": 7}"#.utf8))
        }
        try await TestServer.with(liar, basePath: "/v1") { url in
            let client = SFOXClient(baseURL: url, credentials: .init(enterpriseAPIKey: "k"), transport: transport)
            do throws(ClientError) {
                _ = try await client.sendVerification(userID: "u", body: .init(type: .email))
                Issue.record("expected an invalid response")
            } catch {
                guard case .invalidResponse(let status, _) = error else { Issue.record("\(error)"); return }
                #expect(status == 200)
            }
        }
    }

    @Test func aServerThatIsNotThereIsATransportError() async throws {
        // A port that was just free: bind one, note it, stop the server.
        let url = try await TestServer.with({ _ in APIResponse(status: 200) }) { $0 }
        let client = SFOXClient(
            baseURL: url, credentials: .init(enterpriseAPIKey: "k"),
            transport: AsyncHTTPClientTransport(timeout: .seconds(5)))
        do throws(ClientError) {
            _ = try await client.sendVerification(userID: "u", body: .init(type: .email))
            Issue.record("expected a transport error")
        } catch {
            guard case .transport = error else { Issue.record("\(error)"); return }
        }
    }

    @Test func theClientMiddlewaresRunOverHTTP() async throws {
        let attempts = Counter()
        let flaky: TestServer.Handle = { request in
            if attempts.increment() <= 2 { return APIResponse(status: 503, headers: ["Retry-After": "0"]) }
            return await AuthEndpointsStandIn().makeRouter(basePath: "/identity").handle(request)
        }
        try await TestServer.with(flaky, basePath: "/identity") { url in
            let lines = Lines()
            let client = AuthEndpointsClient(
                baseURL: url, credentials: .init(jwt: AuthEndpointsStandIn.jwt), transport: transport,
                middlewares: [
                    LoggingMiddleware { lines.append($0) }, RetryMiddleware(sleep: { _ in }),
                    TimeoutMiddleware(timeout: .seconds(60)),
                ])
            guard case .ok = try await client.enableTwoFactor() else { Issue.record("expected 200"); return }
            #expect(attempts.value == 3)
            #expect(lines.all.count == 1)
            #expect(lines.all.first?.hasPrefix("apigen: enableTwoFactor GET /users/enable_2fa -> 200 (") == true)
            #expect(lines.all.first?.contains(AuthEndpointsStandIn.jwt) == false)
        }
    }

    @Test func aTimeoutIsATransportErrorOfTheGeneratedClient() async throws {
        let silent: TestServer.Handle = { _ in
            try? await Task.sleep(for: .seconds(3600))
            return APIResponse(status: 200)
        }
        try await TestServer.with(silent, basePath: "/v1") { url in
            let client = SFOXClient(
                baseURL: url, credentials: .init(enterpriseAPIKey: "k"), transport: transport,
                middlewares: [TimeoutMiddleware(timeout: .milliseconds(200))])
            do throws(ClientError) {
                _ = try await client.sendVerification(userID: "u", body: .init(type: .email))
                Issue.record("expected a timeout")
            } catch {
                guard case .transport(let underlying) = error else { Issue.record("\(error)"); return }
                #expect(underlying is ClientTimeout)
            }
        }
    }
}

/// A thread-safe count.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() -> Int {
        lock.withLock {
            count += 1; return count
        }
    }
}

/// Thread-safe collected log lines.
final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    var all: [String] { lock.withLock { lines } }
    func append(_ line: String) { lock.withLock { lines.append(line) } }
}

@_spi(Generated) import APIRuntime
import Foundation
import LoginEventsAPI
import SFOXAPI
import TeamUpAPI

/// The Swift examples of README.md's "Using a generated API", verbatim between the `README:`
/// markers (without their `import` lines), so that they compile with every build;
/// `ReadmeExamplesTests` fails when the README and this file drift apart.
enum ReadmeExamples {
    /// The sFOX example: a client, a handler, a router and an in-process client.
    static func sfox(key: String) async throws {
        // README: begin
        // Client: one async method per operation, a typed result per documented status.
        let client = SFOXClient(credentials: SFOXCredentials(enterpriseAPIKey: key))
        switch try await client.sendVerification(userID: "client_account_1", body: .init(type: .email)) {
        case .ok(let response): print(response.data.email ?? "")          // 200 SendVerificationResponse
        case .unprocessableEntity(let error): print(error.error)           // 422 ErrorBody
        case .undocumented(let status, let body): print(status, body)      // anything else, raw
        }

        // Server: implement the handler protocol: every operation, or the build fails (adopt SFOXPartialHandler to
        // serve some and answer 501 for the rest)…
        struct MySFOX: SFOXHandler {
            func sendVerification(_ input: SendVerificationInput, credentials: SFOXCredentials) async throws
                -> SendVerificationOutput
            {
                .ok(SendVerificationResponse(data: VerificationCode(userID: input.userID, type: input.body.type)))
            }
        }
        // …and hand requests to its router: 404 unknown path, 405 + Allow, 401 bad credentials,
        // 415 unsupported body, 406 unacceptable answer, 400 invalid input (with field paths).
        let router = MySFOX().makeRouter()          // routes under /v1, the base URL's path
        let local = SFOXClient(credentials: .init(enterpriseAPIKey: "k"), transport: InProcessTransport(router: router))
        // README: end
        _ = local
    }

    /// The TeamUp example: a base URL, `format:`, `bodyFormat:` and a typed `catch`.
    static func teamUp(password: String, appKey: String) async {
        // README: begin
        let teamUp = TeamUpClient(baseURL: URL(string: "https://staging.example.com/api/v2")!)
        let login = PasswordLoginRequest(username: "ada@example.com", password: password, directAuthKey: appKey)
        do throws(ClientError) {
            // `?format=xml` asks for XML; the body goes as application/x-www-form-urlencoded.
            switch try await teamUp.passwordLogin(format: .xml, body: login, bodyFormat: .formURLEncoded) {
            case .ok(.getAccessTokenSuccess(let tokens)): print("token expires in", tokens.expiresIn ?? 0)
            case .ok(.pendingLogin(let pending)): print("verify first:", pending.twoFactorRequiredProviders)
            case .unauthorized: print("wrong username, password or key")
            case .undocumented(let status, let body): print(status, body)
            }
        } catch {
            switch error {  // error: ClientError
            case .invalidRequest(let errors): print("not sent:", errors)          // broke a constraint
            case .missingCredential(let scheme): print("no credential for", scheme)
            case .invalidResponse(let status, let errors): print(status, errors)  // answer did not decode
            case .transport(let underlying): print("network:", underlying)
            case .serviceError(let status, let body): print(status, body)  // the definition's errorBody
            }
        }
        // README: end
    }

    /// README, "Using a generated API": reading a stream of events.
    static func loginEvents() async throws {
        // README: begin
        let feed = LoginEventsClient(baseURL: URL(string: "https://teamup.example.com/api/v2")!)
        if case .ok(let events) = try await feed.loginEvents(after: 41) {
            for try await event in events { print(event.id ?? "", event.data.username) }  // ServerSentEvent<LoginEvent>
        }
        // README: end
    }
}

@_spi(Generated) import APIRuntime
import AwkwardAPI
import Foundation
import Testing

/// The awkward fixture's `getAccount` (HTTP Basic, OAuth 2 with scopes, OpenID Connect, or API keys in
/// the query and a cookie together), generated and compiled, through the client and the server.
@Suite("Awkward fixture: auth kinds")
struct AuthKindsTests {
    /// Answers with what the handler was given, as the child's name.
    struct Echo: AwkwardPartialHandler {
        func getAccount(_ input: GetAccountInput, credentials: AwkwardCredentials) async throws -> GetAccountOutput {
            var seen: [String] = []
            if let basic = credentials.basicLogin { seen.append("basic \(basic.username) \(basic.password)") }
            if let token = credentials.oauth { seen.append("oauth \(token)") }
            if let token = credentials.oidc { seen.append("oidc \(token)") }
            if let key = credentials.queryKey { seen.append("query \(key)") }
            if let key = credentials.cookieKey { seen.append("cookie \(key)") }
            if let hint = input.apiKeyHint { seen.append("hint \(hint)") }
            return .ok(Child(name: "ok", labels: ["seen": "\(input.id): " + seen.joined(separator: ", ")]))
        }
    }

    static func client(_ credentials: AwkwardCredentials, middlewares: [any ClientMiddleware] = []) -> AwkwardClient {
        AwkwardClient(
            credentials: credentials, transport: InProcessTransport(router: Echo().makeRouter()),
            middlewares: middlewares)
    }

    static func name(_ output: GetAccountOutput) -> String? {
        if case .ok(let child) = output { return child.labels?["seen"] }
        return nil
    }

    @Test func basicCredentialsReachTheHandlerDecoded() async throws {
        let client = Self.client(.init(basicLogin: BasicCredentials(username: "ålice", password: "p:ss word=")))
        #expect(Self.name(try await client.getAccount(id: "a1")) == "a1: basic ålice p:ss word=")
    }

    @Test func theHandlerCanReadTheRequiredScopes() {
        #expect(GetAccountInput.requiredScopes == ["oauth": ["read:accounts", "write:accounts"], "oidc": ["profile"]])
    }

    @Test func theFirstConfiguredAlternativeIsSent() async throws {
        let oauth = Self.client(.init(oauth: "tok-1", oidc: "id-1"))
        #expect(Self.name(try await oauth.getAccount(id: "a")) == "a: oauth tok-1")
        // OAuth 2 and OpenID Connect tokens look alike on the wire (`Authorization: Bearer`): the server
        // hands a bearer token to the first bearer alternative, whichever scheme the client meant.
        let oidc = Self.client(.init(oidc: "id-1"))
        #expect(Self.name(try await oidc.getAccount(id: "a")) == "a: oauth id-1")
    }

    @Test func queryAndCookieKeysTravelTogether() async throws {
        // A cookie value with a space, `;`, `"`, `%` and non-ASCII is percent-encoded and decoded back.
        let client = Self.client(.init(queryKey: "q&k=1", cookieKey: "c; \"1\" 100% é"))
        #expect(
            Self.name(try await client.getAccount(id: "a", apiKeyHint: "h"))
                == "a: query q&k=1, cookie c; \"1\" 100% é, hint h")
    }

    @Test func aKeyInTheQueryAloneIsNotEnough() async throws {
        let client = Self.client(.init(queryKey: "k"))
        do {
            _ = try await client.getAccount(id: "a")
            Issue.record("sent")
        } catch .missingCredential(let scheme) {
            #expect(scheme == "basic_login or oauth or oidc or cookie_key")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func aBasicUserNameWithAColonIsRefusedBeforeSending() async throws {
        let client = Self.client(.init(basicLogin: BasicCredentials(username: "a:b", password: "c")))
        do {
            _ = try await client.getAccount(id: "a")
            Issue.record("sent")
        } catch .invalidRequest(let errors) {
            #expect(errors.errors.map(\.path) == ["credentials.basic_login.username"])
        } catch {
            Issue.record("\(error)")
        }
    }

    static func raw(_ headers: HeaderFields, query: [URLQueryItem] = []) async -> (Int, String, String?) {
        var request = APIRequest(method: .get, path: "/api/v2/accounts/a1", headers: headers)
        request.query = query
        let response = await Echo().makeRouter().handle(request)
        return (
            response.status, String(decoding: response.body.bytes, as: UTF8.self),
            response.headers["WWW-Authenticate"]
        )
    }

    @Test func aRequestWithoutCredentialsIsChallengedForEveryKind() async {
        let (status, body, challenge) = await Self.raw([:])
        #expect(status == 401)
        #expect(challenge == #"Basic realm="Awkward names", charset="UTF-8", Bearer, API-Key"#)
        #expect(body.contains("missing Authorization header; or"))
        #expect(body.contains("missing api-key query item and missing sid cookie"))
    }

    @Test(arguments: [
        ("Basic !!!", "the Basic credentials are not base64"),
        ("Basic " + Data("no-colon".utf8).base64EncodedString(), "no ':' between user name and password"),
        ("Basic " + Data([0xFF, 0x3A]).base64EncodedString(), "the Basic credentials are not UTF-8"),
        ("Digest x", "expected 'Basic <credentials>'"),
    ])
    func malformedBasicCredentialsAnswer401NamingTheProblem(header: String, problem: String) async {
        let (status, body, _) = await Self.raw(["Authorization": header])
        #expect(status == 401)
        #expect(body.contains(problem), "\(body)")
        #expect(!body.contains("no-colon"))
    }

    @Test func rawBasicAndKeysAreRead() async {
        let basic = "Basic " + Data("bob:".utf8).base64EncodedString()
        #expect(await Self.raw(["Authorization": basic]).1.contains(#""seen":"a1: basic bob ""#))
        let keys = await Self.raw(
            ["Cookie": "other=1; sid=s%201"], query: [URLQueryItem(name: "api-key", value: "k")])
        #expect(keys.0 == 200)
        #expect(keys.1.contains(#"a1: query k, cookie s 1"#))
    }

    @Test func passwordsNeverShow() {
        let basic = BasicCredentials(username: "alice", password: "hunter2")
        let credentials = AwkwardCredentials(basicLogin: basic, oauth: "tok", cookieKey: "cookie-secret")
        for text in [
            basic.description, String(reflecting: basic), "\(credentials)", String(reflecting: credentials),
            {
                var out = ""; dump(basic, to: &out); dump(credentials, to: &out); return out
            }(),
        ] {
            #expect(!text.contains("hunter2") && !text.contains("tok\"") && !text.contains("cookie-secret"), "\(text)")
        }
        #expect(basic.description.contains("alice"))
    }

    /// A provider that hands out `t1`, and `t2` once `t1` was rejected; it counts its calls.
    final class Tokens: AccessTokenProvider, @unchecked Sendable {
        let lock = NSLock()
        var current = "t1"
        var tokenCalls = 0
        var refreshCalls = 0
        func token() async throws -> String {
            lock.withLock {
                tokenCalls += 1
                return current
            }
        }
        func refreshToken(after rejected: String) async throws -> String? {
            lock.withLock {
                refreshCalls += 1
                current = rejected == "t1" ? "t2" : current
                return rejected == "t1" ? "t2" : nil
            }
        }
    }

    /// Answers 401 to the token `t1` and echoes any other, counting requests.
    struct Rejecting: AwkwardPartialHandler {
        let requests: Tokens
        func getAccount(_ input: GetAccountInput, credentials: AwkwardCredentials) async throws -> GetAccountOutput {
            if credentials.oauth == "t1" { throw ServerError.unauthorized("expired") }
            return .ok(Child(name: "ok", labels: ["seen": credentials.oauth ?? "none"]))
        }
    }

    /// The client's `tokenProvider:` needs no credential of its own: its token counts as the bearer credential.
    @Test func aRejectedTokenIsRefreshedOnceAndTheRequestRetried() async throws {
        let tokens = Tokens()
        let client = AwkwardClient(
            tokenProvider: tokens, transport: InProcessTransport(router: Rejecting(requests: tokens).makeRouter()))
        #expect(Self.name(try await client.getAccount(id: "a")) == "t2")
        #expect(tokens.tokenCalls == 1 && tokens.refreshCalls == 1)
        // The next call uses the fresh token at once: no second refresh.
        #expect(Self.name(try await client.getAccount(id: "a")) == "t2")
        #expect(tokens.tokenCalls == 2 && tokens.refreshCalls == 1)
    }

    /// Without a provider, a bearer scheme with no token is a missing credential, not an empty header.
    @Test func withoutATokenOrAProviderTheCredentialIsMissing() async throws {
        let client = AwkwardClient(transport: InProcessTransport(router: Rejecting(requests: Tokens()).makeRouter()))
        await #expect(throws: ClientError.self) { _ = try await client.getAccount(id: "a") }
        do {
            _ = try await client.getAccount(id: "a")
        } catch {
            guard case .missingCredential(let scheme) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(scheme.contains("oauth"), "\(scheme)")
        }
    }

    /// The provider's token wins over a credential set on the client, and a middleware the user
    /// added (here one that records what it sends) runs before the token is put in.
    @Test func theProvidersTokenWinsOverTheClientsCredential() async throws {
        actor Seen {
            var authorizations: [String] = []
            func add(_ value: String) { authorizations.append(value) }
        }
        struct Recording: ClientMiddleware {
            let seen: Seen
            func intercept(
                _ request: APIRequest, baseURL: URL,
                next: @Sendable (APIRequest, URL) async throws -> APIResponse
            ) async throws -> APIResponse {
                await seen.add(request.headers["Authorization"] ?? "none")
                return try await next(request, baseURL)
            }
        }
        let seen = Seen()
        let tokens = Tokens()
        let client = AwkwardClient(
            credentials: .init(oauth: "stale"), tokenProvider: tokens,
            transport: InProcessTransport(router: Rejecting(requests: tokens).makeRouter()),
            middlewares: [Recording(seen: seen)])
        #expect(Self.name(try await client.getAccount(id: "a")) == "t2")
        #expect(await seen.authorizations == ["Bearer stale"])
        #expect(tokens.tokenCalls == 1 && tokens.refreshCalls == 1)
    }

    /// The middleware on its own (for a chain built by hand) needs a placeholder credential.
    @Test func aProviderWithoutANewTokenLeavesThe401() async throws {
        struct Stuck: AccessTokenProvider {
            func token() async throws -> String { "t1" }
            func refreshToken(after rejected: String) async throws -> String? { nil }
        }
        let client = AwkwardClient(
            credentials: .init(oauth: ""),
            transport: InProcessTransport(router: Rejecting(requests: Tokens()).makeRouter()),
            middlewares: [TokenRefreshMiddleware(provider: Stuck())])
        guard case .undocumented(let status, _) = try await client.getAccount(id: "a") else {
            Issue.record("not a 401")
            return
        }
        #expect(status == 401)
    }

    @Test func requestsWithoutABearerTokenPassUntouched() async throws {
        let tokens = Tokens()
        let client = Self.client(
            .init(queryKey: "k", cookieKey: "c"), middlewares: [TokenRefreshMiddleware(provider: tokens)])
        #expect(Self.name(try await client.getAccount(id: "a")) == "a: query k, cookie c")
        #expect(tokens.tokenCalls == 0)
    }
}

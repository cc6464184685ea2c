import APIGenHummingbird
import APIRuntime
import Foundation
import Hummingbird
import SFOXAPI
import TeamUpAPI
import Testing

/// What a request that is not right gets, over HTTP: the runtime's 400/401/406/413/415 and limit answers
/// (414, 431) from the mounted operations, Hummingbird's own 404 for paths and methods it does not route.
@Suite("Hummingbird: the runtime's answers over HTTP")
struct RuntimeAnswerTests {
    static let sendVerification = "/v1/enterprise/users/send-verification/ann"
    static let small = ServerLimits(maxBodyBytes: 1024)

    static func mount(_ router: Router<BasicRequestContext>) {
        router.mount(TestSFOX()).mount(TestTeamUp())
        router.mount(TestSFOX(), basePath: "/small", limits: small)
    }

    /// Sends one request to a live server and returns the answer.
    static func send(
        _ method: RequestMethod = .post, _ path: String = sendVerification, query: [URLQueryItem] = [],
        headers: HeaderFields = ["Authorization": "Bearer \(TestSFOX.key)", "Content-Type": "application/json"],
        body: String? = #"{"type":"email"}"#
    ) async throws -> APIResponse {
        try await LiveServer.run(mount) { server in
            try await LiveServer.transport().send(
                APIRequest(
                    method: method, path: path, query: query, headers: headers, body: body.map { Data($0.utf8) }),
                baseURL: server)
        }
    }

    /// The `error` and the field paths of a runtime error body.
    static func error(_ response: APIResponse) -> (message: String, fields: [String]) {
        struct Body: Decodable {
            struct Field: Decodable { var path: String }
            var error: String
            var fields: [Field]?
        }
        guard let body = try? JSONDecoder().decode(Body.self, from: response.data) else { return ("", []) }
        return (body.error, body.fields?.map(\.path) ?? [])
    }

    @Test func aValidRequestIsAnswered() async throws {
        #expect(try await Self.send().status == 200)
    }

    @Test func invalidInputIs400NamingTheField() async throws {
        let missing = try await Self.send(body: #"{"kind":"email"}"#)
        #expect(missing.status == 400)
        #expect(Self.error(missing).fields == ["type"])
        let notJSON = try await Self.send(body: "{")
        #expect(notJSON.status == 400)
        let format = try await Self.send(
            .post, "/api/v2/auth/password_login", query: [URLQueryItem(name: "format", value: "csv")],
            headers: ["Content-Type": "application/json"],
            body: #"{"username":"ann","password":"pw","direct_auth_key":"k"}"#)
        #expect(format.status == 400)
        #expect(Self.error(format).fields == ["format"])
    }

    @Test func aMissingCredentialIs401WithAChallenge() async throws {
        let response = try await Self.send(headers: ["Content-Type": "application/json"])
        #expect(response.status == 401)
        #expect(response.headers["WWW-Authenticate"] == "Bearer")
    }

    @Test func anUnknownPathIsHummingbirds404() async throws {
        #expect(try await Self.send(.post, "/v1/enterprise/nothing/here").status == 404)
        #expect(try await Self.send(.post, "/v2" + Self.sendVerification.dropFirst(3)).status == 404)
    }

    /// Hummingbird has no 405: its router answers a known path with another method as an unknown path.
    @Test func anotherMethodOnAKnownPathIsHummingbirds404() async throws {
        #expect(try await Self.send(.get, body: nil).status == 404)
        #expect(try await Self.send(.delete, body: nil).status == 404)
    }

    @Test func anUnacceptableAnswerIs406() async throws {
        let response = try await Self.send(
            headers: [
                "Authorization": "Bearer \(TestSFOX.key)", "Content-Type": "application/json", "Accept": "text/csv",
            ])
        #expect(response.status == 406)
    }

    @Test func anUnsupportedBodyIs415() async throws {
        let response = try await Self.send(
            headers: ["Authorization": "Bearer \(TestSFOX.key)", "Content-Type": "text/plain"], body: "type=email")
        #expect(response.status == 415)
    }

    @Test func aBodyOverTheLimitIs413() async throws {
        let padding = String(repeating: " ", count: 2048)
        let large = try await Self.send(
            .post, "/small/enterprise/users/send-verification/ann", body: #"{"type":"email"}"# + padding)
        #expect(large.status == 413)
        // The same body is within the default limits.
        #expect(try await Self.send(body: #"{"type":"email"}"# + padding).status == 200)
    }

    @Test func headersOverTheLimitAre431() async throws {
        let response = try await Self.send(
            headers: [
                "Authorization": "Bearer \(TestSFOX.key)", "Content-Type": "application/json",
                "X-Padding": String(repeating: "p", count: 9 << 10),
            ])
        #expect(response.status == 431)
    }

    @Test func aTargetOverTheLimitIs414() async throws {
        let response = try await Self.send(query: [URLQueryItem(name: "q", value: String(repeating: "q", count: 9 << 10))])
        #expect(response.status == 414)
    }

    @Test func errorsNeverQuoteTheCredential() async throws {
        let response = try await Self.send(
            headers: ["Authorization": "Basic c2VjcmV0LXZhbHVl", "Content-Type": "application/json"])
        #expect(response.status == 401)
        #expect(!response.text.contains("c2VjcmV0LXZhbHVl"))
    }
}

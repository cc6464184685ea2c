import APIGenVapor
import APIRuntime
import AsyncHTTPClient
import Foundation
import NIOCore
import SFOXAPI
import TeamUpAPI
import Testing
import Vapor

/// The runtime's own answers through the adapter (400, 401, 404, 405, 406, 413, 414, 415, 431), server
/// middlewares, and bodies that stream both ways.
@Suite("Runtime answers over Vapor")
struct RuntimeAnswersOverVaporTests {
    static let sendVerification = "/v1/enterprise/users/send-verification/u"
    static let authorized: HeaderFields = ["Authorization": "Bearer test-key", "Content-Type": "application/json"]

    @Test func badInputIsA4xxNamingWhatIsWrong() async throws {
        try await withLiveServer({ app in app.mount(TestSFOX()) }) { server in
            let path = Self.sendVerification
            let badType = try await send(.post, path, to: server, headers: Self.authorized, body: #"{"type":"fax"}"#)
            #expect(badType.status == 400)
            #expect(badType.text.contains(#""path":"type","reason":"is not one of 'email', 'sms'""#), "\(badType.text)")
            let noAuth = try await send(.post, path, to: server, headers: ["Authorization": "Basic x"], body: "{}")
            #expect(noAuth.status == 401)
            #expect(noAuth.text.contains("malformed Authorization header"))
            var html = Self.authorized
            html["Accept"] = "text/html"
            let refused = try await send(.post, path, to: server, headers: html, body: #"{"type":"email"}"#)
            #expect(refused.status == 406)
            var plain = Self.authorized
            plain["Content-Type"] = "text/plain"
            let unsupported = try await send(.post, path, to: server, headers: plain, body: #"{"type":"email"}"#)
            #expect(unsupported.status == 415)
            #expect(unsupported.text.contains("unsupported content type 'text/plain'"))
        }
    }

    @Test func unknownPathsAre404AndOtherMethods405WithAllow() async throws {
        try await withLiveServer({ app in app.mount(TestSFOX()) }) { server in
            #expect(try await send(.post, "/v1/enterprise/users/nothing-here", to: server).status == 404)
            #expect(try await send(.post, "/enterprise/users/send-verification/u", to: server).status == 404)
            for method in [RequestMethod.get, .put, .patch, .delete] {
                let response = try await send(method, Self.sendVerification, to: server)
                #expect(response.status == 405, "\(method)")
                #expect(response.headers["Allow"] == "POST", "\(method)")
                #expect(response.text.contains("method \(method) not allowed; allowed: POST"), "\(method)")
            }
            let head = try await send(.head, Self.sendVerification, to: server)
            #expect(head.status == 405)
            #expect(head.headers["Allow"] == "POST")
        }
    }

    @Test func limitsApplyBeforeTheHandler() async throws {
        let limits = ServerLimits(maxBodyBytes: 256, maxHeaderFieldBytes: 1024, maxTargetBytes: 1024)
        try await withLiveServer({ app in app.mount(TestSFOX(), limits: limits) }) { server in
            let path = Self.sendVerification
            let large = #"{"type":"email"}"# + String(repeating: " ", count: 300)
            let tooLarge = try await send(.post, path, to: server, headers: Self.authorized, body: large)
            #expect(tooLarge.status == 413)
            #expect(tooLarge.text.contains("the body is larger than 256 bytes"))
            var big = Self.authorized
            big["X-Padding"] = String(repeating: "a", count: 2000)
            let header = try await send(.post, path, to: server, headers: big, body: #"{"type":"email"}"#)
            #expect(header.status == 431)
            #expect(!header.text.contains("aaaa"))
            let query = [URLQueryItem(name: "q", value: String(repeating: "b", count: 2000))]
            let target = try await send(.post, path, to: server, query: query, headers: Self.authorized, body: "{}")
            #expect(target.status == 414)
            let small = try await send(.post, path, to: server, headers: Self.authorized, body: #"{"type":"email"}"#)
            #expect(small.status == 200)
        }
    }

    @Test func aChunkedBodyIsCheckedAgainstTheLimitAsItIsCollected() async throws {
        try await withLiveServer({ app in app.mount(TestSFOX(), limits: ServerLimits(maxBodyBytes: 4096)) }) { server in
            let response = try await upload(
                to: server.appendingPathComponent(String(Self.sendVerification.dropFirst())),
                headers: Self.authorized, chunks: [Data(#"{"type":"email"}"#.utf8)] + Array(repeating: Data(count: 1024), count: 8))
            #expect(response.status == 413)
            #expect(response.text.contains("the body is larger than 4096 bytes"))
        }
    }

    /// Vapor collects at most 16 KiB of a request body by default; the adapter streams, so a 2 MiB body sent
    /// in chunks (no `Content-Length`) reaches the operation, which collects it within `maxBodyBytes`.
    @Test func aStreamedBodyLargerThanVaporsCollectLimitGoesThrough() async throws {
        try await withLiveServer({ app in app.grouped("api", "v2").mount(TestTeamUp(), basePath: "") }) { server in
            let json = #"{"phone_number":"+1555","provider":1,"direct_auth_key":"direct-key"}"#
            let padding = Array(repeating: Data(repeating: UInt8(ascii: " "), count: 64 << 10), count: 32)
            let response = try await upload(
                to: server.appendingPathComponent("api/v2/auth/two_factor/start_verification"),
                headers: ["Content-Type": "application/json"], chunks: [Data(json.utf8)] + padding)
            #expect(response.status == 200, "\(response.text)")
            #expect(response.text.contains(#""message":"Code sent to +1555""#))
        }
    }

    /// A middleware given to `mount` sees the operation, and a streamed answer is written chunk by chunk.
    @Test func middlewaresRunAndStreamedAnswersAreWrittenAsTheyCome() async throws {
        try await withLiveServer({ app in app.mount(TestSFOX(), middlewares: [StreamingAnswers()]) }) { server in
            let client = SFOXClient(
                baseURL: server.appendingPathComponent("v1"), credentials: .init(enterpriseAPIKey: TestSFOX.key))
            #expect(
                try await client.sendVerification(userID: "u", body: .init(type: .email))
                    == .ok(.init(data: VerificationCode(userID: "u", type: .email, email: "sfox@example.com"))))
            let raw = try await upload(
                to: server.appendingPathComponent(String(Self.sendVerification.dropFirst())), headers: Self.authorized,
                chunks: [Data(#"{"type":"sms"}"#.utf8)])
            #expect(raw.status == 200)
            #expect(raw.headers["X-Operation"] == "sendVerification (POST /enterprise/users/send-verification/{user_id})")
            #expect(raw.headers["Transfer-Encoding"] == "chunked")
            #expect(raw.headers["Content-Length"] == nil)
            #expect(raw.text.contains(#""phone_number":"+12223334444""#))
        }
    }

    @Test func twoServicesShareOneApplication() async throws {
        try await withLiveServer({ app in
            app.mount(TestSFOX())
            app.grouped("api", "v2").mount(TestTeamUp(), basePath: "")
        }) { server in
            let sfox = SFOXClient(baseURL: server.appendingPathComponent("v1"), credentials: .init(enterpriseAPIKey: TestSFOX.key))
            let teamUp = TeamUpClient(baseURL: server.appendingPathComponent("api/v2"))
            guard case .ok = try await sfox.sendVerification(userID: "u", body: .init(type: .sms)) else {
                Issue.record("sFOX did not answer 200")
                return
            }
            let login = try await teamUp.passwordLogin(
                body: .init(username: "simple@example.com", password: "hunter22", directAuthKey: "direct-key"))
            #expect(login == .ok(.getAccessTokenSuccess(.init(accessToken: "token-1", expiresIn: nil, refreshToken: "refresh-1"))))
        }
    }
}

/// Names the operation in a header and turns every answer's body into a stream of 7-byte chunks of
/// unknown length.
struct StreamingAnswers: ServerMiddleware {
    func intercept(
        _ request: ServerRequest, next: @Sendable (ServerRequest) async throws -> APIResponse
    ) async throws -> APIResponse {
        var response = try await next(request)
        let bytes = try await response.body.collect(upTo: 1 << 20)
        let chunks = stride(from: 0, to: bytes.count, by: 7).map { bytes[$0..<min($0 + 7, bytes.count)] }
        response.body = APIBody(stream: chunks.asyncStream, length: nil)
        response.headers["X-Operation"] = request.http.operation?.description
        return response
    }
}

extension Array where Element: Sendable {
    /// The elements as an asynchronous sequence.
    var asyncStream: AsyncStream<Element> {
        AsyncStream { continuation in
            for element in self { continuation.yield(element) }
            continuation.finish()
        }
    }
}

/// POSTs `chunks` with AsyncHTTPClient as a chunked body (no `Content-Length`), and reads the answer.
func upload(to url: URL, headers: HeaderFields, chunks: [Data]) async throws
    -> (status: Int, headers: HeaderFields, text: String)
{
    var request = HTTPClientRequest(url: url.absoluteString)
    request.method = .POST
    for field in headers { request.headers.add(name: field.name, value: field.value) }
    request.body = .stream(chunks.asyncStream.map { ByteBuffer(bytes: $0) }, length: .unknown)
    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
    var fields = HeaderFields()
    for (name, value) in response.headers { fields.add(name, value) }
    let body = try await response.body.collect(upTo: 1 << 20)
    return (Int(response.status.code), fields, String(buffer: body))
}

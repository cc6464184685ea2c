@_spi(Generated) import APIRuntime
import Foundation
import ProblemsAPI
import Testing

/// `"service": {"errorBody": "TwilioError"}` end to end, in process (`ProblemsAPI`, from
/// `Tests/Fixtures/Definitions/problems.json`): every error the generated server answers by itself comes
/// back in Twilio's shape, with its status and headers, and the generated client throws it typed.
@Suite struct ServiceErrorBodyTests {
    /// Serves both operations; its error body numbers the code after the status and lists the field paths.
    struct Handler: ProblemsHandler {
        func createMessage(_ input: CreateMessageInput, credentials: ProblemsCredentials) async throws
            -> CreateMessageOutput
        {
            .created(input.body)
        }

        func getMessage(_ input: GetMessageInput) async throws -> GetMessageOutput {
            if input.sid == "missing" { throw ServerError(status: 404, message: "no message '\(input.sid)'") }
            if input.sid == "crash" { throw CancellationError() }
            return .ok(Message(to: "+1555", body: input.sid))
        }

        func errorBody(for error: ServerError) -> TwilioError {
            let fields = error.fields.map { "\($0.path): \($0.reason)" }.joined(separator: "; ")
            return TwilioError(
                code: 20_000 + error.status, message: fields.isEmpty ? error.message : "\(error.message) (\(fields))",
                moreInfo: "https://example.com/errors/\(error.status)", status: error.status)
        }
    }

    /// Rewrites each request after the client built it: what a misbehaving client would send.
    struct Rewrite: ClientMiddleware {
        let edit: @Sendable (inout APIRequest) -> Void
        func intercept(
            _ request: APIRequest, baseURL: URL, next: @Sendable (APIRequest, URL) async throws -> APIResponse
        ) async throws -> APIResponse {
            var request = request
            edit(&request)
            return try await next(request, baseURL)
        }
    }

    static func client(
        limits: ServerLimits = .default, baseURL: URL = ProblemsClient.defaultBaseURL,
        _ edit: @escaping @Sendable (inout APIRequest) -> Void = { _ in }
    ) -> ProblemsClient {
        ProblemsClient(
            baseURL: baseURL, credentials: ProblemsCredentials(bearer: "token"),
            transport: InProcessTransport(router: Handler().makeRouter(limits: limits)),
            middlewares: [Rewrite(edit: edit)])
    }

    static let message = Message(to: "+1555", body: "hi")

    /// The error body the client threw, or `nil` (with an issue) when it threw anything else.
    static func serviceError(
        _ call: () async throws(ClientError) -> Void, sourceLocation: SourceLocation = #_sourceLocation
    ) async -> (status: Int, body: TwilioError)? {
        do throws(ClientError) {
            try await call()
            Issue.record("no error", sourceLocation: sourceLocation)
        } catch .serviceError(let status, let body as TwilioError) {
            return (status, body)
        } catch {
            Issue.record("\(error)", sourceLocation: sourceLocation)
        }
        return nil
    }

    @Test func aValidRequestIsAnsweredAsDocumented() async throws {
        #expect(try await Self.client().createMessage(body: Self.message) == .created(Self.message))
        #expect(try await Self.client().getMessage(sid: "a") == .ok(Message(to: "+1555", body: "a")))
    }

    /// What a misbehaving client does to a `createMessage` request, and the error it gets.
    enum Misstep: String, CaseIterable, Sendable {
        case undecodableBody, constraintBroken, noAuthorization, acceptsNoJSON, notJSON, otherMethod

        var status: Int { [400, 400, 401, 406, 415, 405][Self.allCases.firstIndex(of: self)!] }

        var message: String {
            switch self {
            case .undecodableBody: "invalid request body (to: required)"
            case .constraintBroken: "invalid request (to: longer than 16 characters)"
            case .noAuthorization: "missing Authorization header"
            case .acceptsNoJSON: ""
            case .notJSON: "unsupported content type 'text/plain'; expected application/json"
            case .otherMethod: "method PUT not allowed; allowed: POST"
            }
        }

        func edit(_ request: inout APIRequest) {
            switch self {
            case .undecodableBody: request.body = APIBody(Data(#"{"body": "x"}"#.utf8))
            case .constraintBroken: request.body = APIBody(Data(#"{"to": "+1555555555555555555", "body": "x"}"#.utf8))
            case .noAuthorization: request.headers["Authorization"] = nil
            case .acceptsNoJSON: request.headers["Accept"] = "text/plain"
            case .notJSON: request.headers["Content-Type"] = "text/plain"
            case .otherMethod: request.method = .put
            }
        }
    }

    @Test(arguments: Misstep.allCases)
    func everyErrorTheServerAnswersItselfIsTheDeclaredBody(_ misstep: Misstep) async throws {
        let status = misstep.status
        let message = misstep.message
        let client = Self.client { misstep.edit(&$0) }
        let thrown = await Self.serviceError { () async throws(ClientError) in
            _ = try await client.createMessage(body: Self.message)
        }
        #expect(thrown?.status == status)
        #expect(thrown?.body.status == status)
        #expect(thrown?.body.code == 20_000 + status)
        #expect(thrown?.body.moreInfo == "https://example.com/errors/\(status)")
        if !message.isEmpty { #expect(thrown?.body.message == message) }
    }

    @Test func aBodyOverTheLimitIs413() async throws {
        var limits = ServerLimits.default
        limits.maxBodyBytes = 8
        let client = Self.client(limits: limits)
        let thrown = await Self.serviceError { () async throws(ClientError) in
            _ = try await client.createMessage(body: Self.message)
        }
        #expect(thrown?.status == 413)
        #expect(
            thrown?.body
                == TwilioError(
                    code: 20_413, message: "the body is larger than 8 bytes",
                    moreInfo: "https://example.com/errors/413",
                    status: 413))
    }

    @Test func anUnknownPathIs404() async throws {
        let client = Self.client(baseURL: URL(string: "https://api.example.com/2099-01-01")!)
        let thrown = await Self.serviceError { () async throws(ClientError) in _ = try await client.getMessage(sid: "a")
        }
        #expect(thrown?.status == 404)
        #expect(thrown?.body.message == "no route for this path")
    }

    @Test func errorsTheHandlerThrowsAreTheDeclaredBodyToo() async throws {
        let missing = await Self.serviceError { () async throws(ClientError) in
            _ = try await Self.client().getMessage(sid: "missing")
        }
        #expect(missing?.status == 404)
        #expect(missing?.body.message == "no message 'missing'")
        let crash = await Self.serviceError { () async throws(ClientError) in
            _ = try await Self.client().getMessage(sid: "crash")
        }
        #expect(crash?.status == 500)
        #expect(crash?.body.message == "internal server error")
    }

    /// On the wire: the declared body as JSON, and the headers the error carries (`WWW-Authenticate`, `Allow`).
    @Test func theWireKeepsTheStatusHeadersAndContentType() async throws {
        let router = Handler().makeRouter()
        let unauthorized = await router.handle(
            APIRequest(method: .post, path: "/2010-04-01/Messages", body: APIBody(Data("{}".utf8))))
        #expect(unauthorized.status == 401)
        #expect(unauthorized.headers["WWW-Authenticate"] == "Bearer")
        #expect(unauthorized.headers["Content-Type"] == "application/json")
        let body = try #require(unauthorized.body.bufferedData)
        #expect(
            String(decoding: body, as: UTF8.self)
                == #"{"code":20401,"message":"missing Authorization header","more_info":"https://example.com/errors/401","status":401}"#
        )
        let notAllowed = await router.handle(APIRequest(method: .delete, path: "/2010-04-01/Messages/a"))
        #expect(notAllowed.status == 405)
        #expect(notAllowed.headers["Allow"] == "GET")
        #expect(try JSONCoding.decode(TwilioError.self, from: notAllowed.body.bufferedData ?? Data()).code == 20_405)
    }

    /// A registrar other than `makeRouter`'s (a server framework's) still gets the declared body from
    /// every route: the routes carry the handler's responder.
    @Test func routesRegisteredOnAnotherRouterAnswerWithTheDeclaredBody() async throws {
        var router = APIRouter(basePath: "/v")
        Handler().register(on: &router)
        let answer = await router.handle(APIRequest(method: .post, path: "/v/Messages", body: APIBody(Data("{}".utf8))))
        #expect(answer.status == 401)
        #expect(try JSONCoding.decode(TwilioError.self, from: answer.body.bufferedData ?? Data()).code == 20_401)
        // The router's own 404 is its own: it was not made by the service.
        let unknown = await router.handle(APIRequest(method: .get, path: "/v/nothing"))
        #expect(unknown.status == 404)
        #expect(String(decoding: unknown.body.bufferedData ?? Data(), as: UTF8.self).contains(#""error""#))
    }

    /// An undocumented error whose body is not the declared one stays `.undocumented`, with its bytes.
    @Test func anErrorBodyThatDoesNotDecodeStaysUndocumented() async throws {
        struct Canned: ClientTransport {
            let response: APIResponse
            func send(_ request: APIRequest, baseURL: URL) async throws -> APIResponse { response }
        }
        for (status, contentType, text) in [
            (503, "application/json", #"{"error": "down"}"#),
            (400, "text/plain", #"{"code":1,"message":"m","status":400}"#),
            (302, "application/json", #"{"code":1,"message":"m","status":302}"#),
        ] {
            let client = ProblemsClient(
                transport: Canned(
                    response: APIResponse(
                        status: status, headers: ["Content-Type": contentType], body: APIBody(Data(text.utf8)))))
            let answer = try await client.getMessage(sid: "a")
            #expect(
                answer == .undocumented(status: status, body: RawBody(contentType: contentType, data: Data(text.utf8))))
        }
    }

    @Test func theErrorsDescriptionNamesTheTypeNotTheValues() {
        let error = ClientError.serviceError(
            status: 400, body: TwilioError(code: 1, message: "secret value", status: 400))
        #expect(error.description == "the server answered 400 with its error body (TwilioError)")
    }
}

@_spi(Generated) import APIRuntime
import Foundation
import Testing

/// `APIRouter.errorResponse`, `ServerSupport.handler(…, errors:)` and `ClientSupport.throwServiceError`:
/// the runtime's part of a service's error body (`"service": {"errorBody": …}`).
@Suite struct ServerErrorResponderTests {
    struct Problem: Codable, Hashable, ServiceErrorBody {
        var code: Int
        var detail: String
    }

    static let responder: ServerErrorResponder = { error in
        ServerSupport.errorResponse(error, body: Problem(code: error.status, detail: error.message))
    }

    static func problem(_ response: APIResponse) -> Problem? {
        try? JSONCoding.decode(Problem.self, from: response.body.bufferedData ?? Data())
    }

    static func router(errors: ServerErrorResponder? = nil) -> APIRouter {
        var router = APIRouter(
            basePath: "/v1", limits: ServerLimits(maxBodyBytes: 4, maxHeaderCount: 2, maxTargetBytes: 40))
        if let errors { router.errorResponse = errors }
        router.add(.get, "/items") { _ in
            throw ServerError.badRequest("no", fields: [ValidationError(path: "q", reason: "r")])
        }
        router.add(.get, "/crash") { _ in throw CancellationError() }
        return router
    }

    static let requests: [(APIRequest, Int)] = [
        (APIRequest(method: .get, path: "/elsewhere"), 404),
        (APIRequest(method: .get, path: "/v1/nothing"), 404),
        (APIRequest(method: .post, path: "/v1/items"), 405),
        (APIRequest(method: .get, path: "/v1/" + String(repeating: "a", count: 50)), 414),
        (APIRequest(method: .get, path: "/v1/items", headers: ["A": "1", "B": "2", "C": "3"]), 431),
        (APIRequest(method: .get, path: "/v1/items", body: Data("12345".utf8)), 413),
        (APIRequest(method: .get, path: "/v1/items"), 400),
        (APIRequest(method: .get, path: "/v1/crash"), 500),
    ]

    @Test func theRoutersOwnErrorsGoThroughItsResponder() async {
        let router = Self.router(errors: Self.responder)
        for (request, status) in Self.requests {
            let response = await router.handle(request)
            #expect(response.status == status, "\(request.path)")
            #expect(Self.problem(response)?.code == status, "\(request.path)")
            #expect(response.headers["Content-Type"] == MediaType.json)
        }
        #expect(await router.handle(APIRequest(method: .post, path: "/v1/items")).headers["Allow"] == "GET")
    }

    @Test func withoutAResponderTheyAreTheRuntimesShape() async throws {
        let router = Self.router()
        for (request, status) in Self.requests {
            let response = await router.handle(request)
            #expect(response.status == status)
            #expect(Self.problem(response) == nil)
            let body = try #require(response.body.bufferedData)
            #expect(String(decoding: body, as: UTF8.self).hasPrefix(#"{"error":"#), "\(request.path)")
        }
    }

    @Test func aRegisteredHandlerAnswersWithItsOwnResponder() async {
        let operation = OperationInfo(id: "get", method: .get, pathTemplate: "/x")
        let handler = ServerSupport.handler(operation, middlewares: [], errors: Self.responder) { _ in
            throw ServerError.unauthorized("who?")
        }
        let response = await handler(ServerRequest(http: APIRequest(method: .get, path: "/x"), pathParameters: [:]))
        #expect(response.status == 401)
        #expect(response.headers["WWW-Authenticate"] == "Bearer")
        #expect(Self.problem(response) == Problem(code: 401, detail: "who?"))
    }

    @Test func theClientThrowsAnErrorStatusWhoseBodyDecodes() {
        func thrown(_ status: Int, _ contentType: String?, _ text: String) -> (Int, Problem)? {
            var headers = HeaderFields()
            if let contentType { headers["Content-Type"] = contentType }
            let response = APIResponse(status: status, headers: headers, body: APIBody(Data(text.utf8)))
            do throws(ClientError) {
                try ClientSupport.throwServiceError(Problem.self, from: response)
                return nil
            } catch .serviceError(let status, let body as Problem) {
                return (status, body)
            } catch {
                Issue.record("\(error)")
                return nil
            }
        }
        let body = #"{"code": 7, "detail": "d"}"#
        #expect(thrown(400, "application/json; charset=utf-8", body)?.1 == Problem(code: 7, detail: "d"))
        #expect(thrown(503, nil, body)?.0 == 503)
        #expect(thrown(399, "application/json", body) == nil)
        #expect(thrown(400, "text/plain", body) == nil)
        #expect(thrown(400, "application/json", #"{"code": "7"}"#) == nil)
        #expect(thrown(400, "application/json", "") == nil)
    }
}

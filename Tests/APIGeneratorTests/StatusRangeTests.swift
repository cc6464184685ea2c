import APIDefinition
import APIOpenAPI
@_spi(Generated) import APIRuntime
import AwkwardAPI
import Foundation
import Testing

/// `"status": "4XX"` and `"status": "default"`: a response for a class of statuses, or for every status no
/// other response documents, typed, whose output case carries the status. The awkward fixture's
/// `deleteThing` (`AwkwardAPI`) has 204, 404, `4XX` (JSON or XML) and `default`.
@Suite struct StatusRangeTests {
    static func load(_ text: String) throws -> Definition {
        try DefinitionLoader.load(data: Data(text.utf8), file: "d.json")
    }

    static func definition(_ responses: String, method: String = "DELETE") -> String {
        #"""
        {"formatVersion": 1, "service": {"name": "D", "baseURL": "https://example.com"},
         "types": [{"name": "Problem", "kind": "object", "fields": [{"name": "code", "type": "string", "minLength": 1}]}],
         "operations": [{"name": "removeItem", "method": "\#(method)", "path": "/items/{id}",
                         "parameters": [{"name": "id", "in": "path", "type": "string"}],
                         "responses": [\#(responses)]}]}
        """#
    }

    static func error(_ text: String) -> String {
        do {
            _ = try load(text)
            return ""
        } catch {
            return String(describing: error)
        }
    }

    // MARK: Definition

    @Test func theLoaderReadsCodesRangesAndDefault() throws {
        let definition = try Self.load(
            Self.definition(
                #"{"status": 204}, {"status": "4XX", "type": "Problem"}, {"status": "5XX"}, {"status": "default", "type": "Problem"}"#
            ))
        #expect(definition.operations[0].responses.map(\.status) == [.code(204), .range(4), .range(5), .default])
        #expect(definition.operations[0].responses.map { String($0.status) } == ["204", "4XX", "5XX", "default"])
        #expect(ResponseStatus("3XX") == .range(3))
        #expect(ResponseStatus("6XX") == nil)
        #expect(ResponseStatus("4xx") == nil)
        #expect(ResponseStatus.range(4).codes == 400...499)
        #expect(ResponseStatus.default.codes == 100...599)
    }

    @Test(arguments: [#""4xx""#, #""6XX""#, #""0XX""#, #""XX""#, #""Default""#, #""404""#, #""""#])
    func aStringThatIsNotARangeOrDefaultIsALocatedError(_ status: String) {
        let message = Self.error(Self.definition(#"{"status": 204}, {"status": \#(status)}"#))
        #expect(message.contains("operations[0].responses[1].status:"), "\(message)")
        #expect(message.contains("is not a response status"), "\(message)")
    }

    @Test func aStatusOfAnotherKindIsALocatedError() {
        let message = Self.error(Self.definition(#"{"status": true}"#))
        #expect(
            message.contains("operations[0].responses[0].status: expected an integer, a range ('4XX') or 'default'"))
    }

    @Test func theCheckerRejectsRepeatsAndStreams() {
        let twice = Self.error(Self.definition(#"{"status": "4XX"}, {"status": 200}, {"status": "4XX"}"#))
        #expect(twice.contains("operations[0].responses[2].status"), "\(twice)")
        #expect(twice.contains("4XX"), "\(twice)")
        let defaults = Self.error(Self.definition(#"{"status": "default"}, {"status": "default"}"#))
        #expect(defaults.contains("operations[0].responses[1].status"), "\(defaults)")
        let stream = Self.error(
            Self.definition(#"{"status": 200}, {"status": "5XX", "type": "Problem", "stream": "jsonl"}"#, method: "GET")
        )
        #expect(
            stream.contains(
                "operations[0].responses[1].stream: a '5XX' response carries one body, not a stream"),
            "\(stream)")
        let code = Self.error(Self.definition(#"{"status": 600}"#))
        #expect(code.contains("operations[0].responses[0].status: 600 is not an HTTP status (100–599)"), "\(code)")
    }

    /// No status's case name is a range's, `default` or `undocumented`, so an output's cases never collide.
    @Test func caseNamesNeverCollide() {
        let statuses = (100...599).map(ResponseStatus.code) + (1...5).map(ResponseStatus.range) + [.default]
        let names = statuses.map(Naming.statusCase)
        #expect(Set(names).count == names.count)
        #expect(!names.contains("undocumented"))
        #expect(Naming.statusCase(.range(4)) == "clientError")
        #expect(Naming.statusCase(.range(5)) == "serverError")
        #expect(Naming.statusCase(.default) == "default")
    }

    @Test func diffCallsANewOrRemovedRangeOrDefaultBreakingSource() throws {
        let before = try Self.load(Self.definition(#"{"status": 204}"#))
        let after = try Self.load(Self.definition(#"{"status": 204}, {"status": "4XX"}, {"status": "default"}"#))
        func changes(_ old: Definition, _ new: Definition) -> [String] {
            DefinitionDiff(old: old, new: new).changes.map { "\($0.impact.rawValue) \($0.path): \($0.message)" }
        }
        #expect(
            changes(before, after) == [
                "breaking-source operations.removeItem.responses.4XX: status range 4XX documented (a new enum case, .clientError)",
                "breaking-source operations.removeItem.responses.default: the default response documented (a new enum case, .default)",
            ])
        #expect(
            changes(after, before) == [
                "breaking-source operations.removeItem.responses.4XX: status range 4XX no longer documented (its enum case is removed)",
                "breaking-source operations.removeItem.responses.default: the default response no longer documented (its enum case is removed)",
            ])
        #expect(changes(after, after).isEmpty)
    }

    // MARK: Writer and OpenAPI

    @Test func theWriterAndOpenAPIKeepThem() throws {
        let definition = try Self.load(
            Self.definition(#"{"status": 204}, {"status": "4XX", "type": "Problem"}, {"status": "default"}"#))
        let written = DefinitionWriter.text(definition)
        #expect(written.contains(#""status": "4XX""#))
        #expect(written.contains(#""status": "default""#))
        #expect(try Self.load(written).operations == definition.operations)
        // Exported under the keys `4XX` and `default`, imported back without a warning about them.
        let exported = OpenAPIExporter.document(definition)
        let responses = try #require(exported["paths"]?["/items/{id}"]?["delete"]?["responses"])
        #expect(responses["4XX"]?["content"]?["application/json"]?["schema"]?["$ref"]?.stringValue != nil)
        #expect(responses["default"]?["description"]?.stringValue == "Any other status.")
        #expect(responses["4XX"]?["description"]?.stringValue == "Status 4XX.")
        let (imported, warnings) = try OpenAPIImporter.convert(
            Data(OpenAPIExporter.text(definition).utf8), file: "d.openapi.json")
        #expect(imported.operations[0].responses.map(\.status) == [.code(204), .range(4), .default])
        #expect(imported.operations[0].responses[1].type == .named("Problem"))
        #expect(imported.operations[0].responses.map(\.doc) == [nil, nil, nil])
        #expect(!warnings.contains { $0.pointer.contains("/responses") }, "\(warnings)")
    }

    @Test func importKeepsAnOnlyDefaultResponseAndLowerCaseRanges() throws {
        let text = #"""
            {"openapi": "3.0.3", "info": {"title": "T", "version": "1"},
             "paths": {"/a": {"get": {"operationId": "getA", "responses": {
                "default": {"description": "Whatever comes.",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/E"}}}}}}},
                       "/b": {"get": {"operationId": "getB", "responses": {
                "200": {"description": "OK"}, "5xx": {"description": "Down."}, "6XX": {"description": "No."}}}}},
             "components": {"schemas": {"E": {"type": "object", "properties": {"m": {"type": "string"}}}}}}
            """#
        let (definition, warnings) = try OpenAPIImporter.convert(Data(text.utf8), file: "t.json", serviceName: "T")
        #expect(
            definition.operations[0].responses == [
                Response(status: .default, doc: "Whatever comes.", type: .named("E"), contentTypes: [MediaTypes.json])
            ])
        #expect(definition.operations[1].responses.map(\.status) == [.code(200), .range(5)])
        #expect(
            warnings.map(\.description) == [
                "#/paths/~1b/get/responses/6XX: warning: '6XX' is not an HTTP status; dropped [no-status]"
            ])
        #expect(DefinitionChecker.check(definition).isEmpty)
    }

    // MARK: Client and server (in process), through the awkward fixture

    struct Things: AwkwardPartialHandler {
        func deleteThing(_ input: DeleteThingInput) async throws -> DeleteThingOutput {
            switch input.id {
            case "gone": return .noContent(RawBody(contentType: nil, data: Data()))
            case "missing": return .notFound(RawBody(contentType: "text/plain", data: Data("no".utf8)))
            case "teapot": return .clientError(status: 418, body: ThingProblem(code: "teapot", detail: "short"))
            case "busy": return .default(status: 503, body: ThingFailure(message: "busy", retryAfter: 30))
            case "moved": return .default(status: 302, body: ThingFailure(message: "moved"))
            // What the server refuses: a status outside the case's range, or one another case owns.
            case "range-outside": return .clientError(status: 503, body: ThingProblem(code: "x"))
            case "range-owned": return .clientError(status: 404, body: ThingProblem(code: "x"))
            case "default-owned-code": return .default(status: 204, body: ThingFailure(message: "x"))
            case "default-owned-range": return .default(status: 418, body: ThingFailure(message: "x"))
            case "default-no-status": return .default(status: 700, body: ThingFailure(message: "x"))
            case "negative": return .clientError(status: -1, body: ThingProblem(code: "x"))
            default:
                return .undocumented(
                    status: 299, body: RawBody(contentType: "application/json", data: Data(#"{"message":"raw"}"#.utf8)))
            }
        }
    }

    static let client = AwkwardClient(transport: InProcessTransport(router: Things().makeRouter()))

    @Test func theClientGetsEachCaseWithItsStatus() async throws {
        let client = Self.client
        #expect(try await client.deleteThing(id: "gone") == .noContent(RawBody(contentType: nil, data: Data())))
        #expect(
            try await client.deleteThing(id: "missing")
                == .notFound(RawBody(contentType: "text/plain", data: Data("no".utf8))))
        #expect(
            try await client.deleteThing(id: "teapot")
                == .clientError(status: 418, body: ThingProblem(code: "teapot", detail: "short")))
        #expect(
            try await client.deleteThing(id: "busy")
                == .default(status: 503, body: ThingFailure(message: "busy", retryAfter: 30)))
        #expect(
            try await client.deleteThing(id: "moved") == .default(status: 302, body: ThingFailure(message: "moved")))
        // A status none documents is `default`'s: `.undocumented` never comes back.
        #expect(try await client.deleteThing(id: "other") == .default(status: 299, body: ThingFailure(message: "raw")))
    }

    /// A handler's status that its case does not cover never reaches the wire: the route answers 500 and says why.
    @Test(arguments: [
        ("range-outside", "the handler answered .clientError with status 503: 503 is not in 400...499"),
        ("range-owned", "the handler answered .clientError with status 404: 404 has its own case"),
        ("default-owned-code", "the handler answered .default with status 204: 204 has its own case"),
        ("default-owned-range", "the handler answered .default with status 418: 418 has its own case"),
        ("default-no-status", "the handler answered .default with status 700: 700 is not in 100...599"),
        ("negative", "the handler answered .clientError with status -1: -1 is not in 400...499"),
    ])
    func theServerRefusesAStatusTheCaseDoesNotCover(_ id: String, _ reason: String) async throws {
        let response = await Things().makeRouter().handle(
            APIRequest(method: .delete, path: "/api/v2/things/\(id)", headers: ["Accept": "application/json"]))
        #expect(response.status == 500)
        let body = String(decoding: response.body.bufferedData ?? Data(), as: UTF8.self)
        #expect(body.contains(reason), "\(body)")
        // The client reads the 500 as `default`'s; its JSON error is not a ThingFailure (no `message`).
        await #expect(throws: ClientError.self) { try await Self.client.deleteThing(id: id) }
    }

    /// The refusal is a typed ``ServerError`` thrown inside the middlewares, so a logging middleware sees
    /// its reason.
    @Test func aServerMiddlewareSeesTheRefusal() async throws {
        final class Seen: ServerMiddleware, @unchecked Sendable {
            private let lock = NSLock()
            private var errors: [ServerError] = []
            var seen: [ServerError] { lock.withLock { errors } }
            func intercept(
                _ request: ServerRequest, next: @Sendable (ServerRequest) async throws -> APIResponse
            ) async throws -> APIResponse {
                do {
                    return try await next(request)
                } catch let error as ServerError {
                    lock.withLock { errors.append(error) }
                    throw error
                }
            }
        }
        let seen = Seen()
        let router = Things().makeRouter(middlewares: [seen])
        let response = await router.handle(APIRequest(method: .delete, path: "/api/v2/things/range-outside"))
        #expect(response.status == 500)
        #expect(
            seen.seen.map(\.description) == [
                "500 the handler answered .clientError with status 503: 503 is not in 400...499"
            ])
        // An answer the case covers throws nothing.
        #expect(await router.handle(APIRequest(method: .delete, path: "/api/v2/things/teapot")).status == 418)
        #expect(seen.seen.count == 1)
    }

    @Test func aRangeAnswersInTheNegotiatedFormat() async throws {
        let response = await Things().makeRouter().handle(
            APIRequest(method: .delete, path: "/api/v2/things/teapot", headers: ["Accept": "application/xml"]))
        #expect(response.status == 418)
        #expect(response.headers["Content-Type"]?.hasPrefix("application/xml") == true)
        let text = String(decoding: response.body.bufferedData ?? Data(), as: UTF8.self)
        #expect(text.contains("<code>teapot</code>"), "\(text)")
        // `default` is JSON only: written as JSON whatever XML the client prefers.
        let busy = await Things().makeRouter().handle(
            APIRequest(
                method: .delete, path: "/api/v2/things/busy",
                headers: ["Accept": "application/xml, application/json;q=0.5"]))
        #expect(busy.status == 503)
        #expect(busy.headers["Content-Type"]?.hasPrefix("application/json") == true)
    }

    /// The client decodes and validates a range's and `default`'s body like any typed answer; an exact
    /// status wins over the range, a range over `default`.
    @Test func theClientMatchesExactThenRangeThenDefaultAndValidates() async throws {
        struct Canned: ClientTransport {
            let status: Int
            let body: String
            func send(_ request: APIRequest, baseURL: URL) async throws -> APIResponse {
                APIResponse(
                    status: status, headers: ["Content-Type": "application/json"], body: APIBody(Data(body.utf8)))
            }
        }
        func call(_ status: Int, _ body: String) async throws(ClientError) -> DeleteThingOutput {
            try await AwkwardClient(transport: Canned(status: status, body: body)).deleteThing(id: "a")
        }
        let problem = #"{"code":"c"}"#
        guard case .notFound = try await call(404, problem) else {
            Issue.record("404 is its own case")
            return
        }
        #expect(try await call(400, problem) == .clientError(status: 400, body: ThingProblem(code: "c")))
        #expect(try await call(499, problem) == .clientError(status: 499, body: ThingProblem(code: "c")))
        #expect(try await call(500, #"{"message":"m"}"#) == .default(status: 500, body: ThingFailure(message: "m")))
        #expect(try await call(100, #"{"message":"m"}"#) == .default(status: 100, body: ThingFailure(message: "m")))
        // Validated: `code` has minLength 1, `retry_after` minimum 0.
        let invalid = await #expect(throws: ClientError.self) { try await call(422, #"{"code":""}"#) }
        guard case .invalidResponse(let status, _)? = invalid else {
            Issue.record("expected invalidResponse, got \(String(describing: invalid))")
            return
        }
        #expect(status == 422)
        await #expect(throws: ClientError.self) { try await call(503, #"{"message":"m","retry_after":-1}"#) }
        await #expect(throws: ClientError.self) { try await call(503, "not json") }
    }
}

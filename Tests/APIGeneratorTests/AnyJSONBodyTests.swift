import APIDefinition
@_spi(Generated) import APIRuntime
import AwkwardAPI
import Foundation
import Testing

/// The awkward fixture's `putDocument`: a `json` body (any JSON value) answered with a map (`{json}`)
/// or an array (`[json]`) of any JSON, through the generated client and server and on the wire.
@Suite("Awkward fixture: any-JSON bodies")
struct AnyJSONBodyTests {
    struct Documents: AwkwardPartialHandler {
        func putDocument(_ input: PutDocumentInput) async throws -> PutDocumentOutput {
            if input.id == "values", case .object(let members) = input.body { return .created(members.map(\.value)) }
            return .ok([input.id: input.body])
        }
    }

    static let client = AwkwardClient(transport: InProcessTransport(router: Documents().makeRouter()))

    @Test func anyValueGoesInAndComesBackUnderItsID() async throws {
        let values: [AnyJSON] = [
            .null, .bool(true), .number(-1.5), .string("é\n\"q\""), .array([.number(1), .null]),
            .object([.init("a", .array([])), .init("b", .object([.init("c", .string("d"))]))]),
        ]
        for value in values {
            #expect(try await Self.client.putDocument(id: "doc", body: value) == .ok(["doc": value]))
        }
        let object = AnyJSON.object([.init("x", .number(1)), .init("y", .string("two"))])
        #expect(try await Self.client.putDocument(id: "values", body: object) == .created([.number(1), .string("two")]))
    }

    /// On the wire: the value itself, not an object around it; what is not JSON is a located 400.
    @Test func theWireHoldsTheValueAndMalformedJSONIsRefused() async throws {
        let router = Documents().makeRouter()
        func put(_ body: String, contentType: String = "application/json") async -> (Int, String) {
            let request = APIRequest(
                method: .put, path: "/api/v2/documents/d", headers: ["Content-Type": contentType],
                body: APIBody(Data(body.utf8)))
            let response = await router.handle(request)
            return (response.status, String(decoding: response.body.bytes, as: UTF8.self))
        }
        #expect(await put("[1,{\"k\":null}]") == (200, #"{"d":[1,{"k":null}]}"#))
        #expect(await put("\"text\"") == (200, #"{"d":"text"}"#))
        let (status, text) = await put("{\"k\":")
        #expect(status == 400)
        #expect(text.contains("invalid request body"), "\(text)")
        #expect(await put("1", contentType: "application/xml").0 == 415)
        // Deep nesting is refused by the server's limits before it reaches the handler.
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(await put(deep).0 == 400)
    }

    /// `json` is JSON only: the checker refuses it as an XML or form body, located.
    @Test func anyJSONBodiesAreJSONOnly() {
        for contentType in ["application/xml", "application/x-www-form-urlencoded"] {
            let text = #"""
                {"formatVersion": 1,
                 "service": {"name": "D", "baseURL": "https://example.com",
                             "xml": {"rootElement": "root", "listItemElement": "item"}},
                 "operations": [{"name": "put", "method": "PUT", "path": "/d",
                                 "body": {"type": "json", "contentTypes": ["\#(contentType)"]},
                                 "responses": [{"status": 204}]}]}
                """#
            var messages: [String] = []
            do { _ = try DefinitionLoader.load(data: Data(text.utf8), file: "d.json") } catch {
                messages = error.diagnostics.map(\.description)
            }
            #expect(messages.count == 1, "\(messages)")
            #expect(messages.first?.hasPrefix("d.json:5:") == true, "\(messages)")
            #expect(messages.first?.contains("operations[0].body.contentTypes[0]") == true, "\(messages)")
        }
    }
}

import APIDefinition
@_spi(Generated) import APIRuntime
import AwkwardAPI
import Foundation
import Testing

/// The awkward fixture's `putNote`: a bare JSON string as the body, answered with a JSON array of
/// strings (200) or a bare JSON integer (202), through the generated client and server.
@Suite("Awkward fixture: primitive and array bodies")
struct PrimitiveBodyTests {
    struct Notes: AwkwardPartialHandler {
        func putNote(_ input: PutNoteInput) async throws -> PutNoteOutput {
            input.id < 0 ? .accepted(input.body.count) : .ok(input.body.components(separatedBy: "\n"))
        }
    }

    static let client = AwkwardClient(transport: InProcessTransport(router: Notes().makeRouter()))

    @Test func aStringGoesInAndAnArrayOrAnIntegerComesBack() async throws {
        #expect(
            try await Self.client.putNote(id: 1, body: "one\ntwo \"quoted\"\n") == .ok(["one", "two \"quoted\"", ""]))
        #expect(try await Self.client.putNote(id: -1, body: "héllo") == .accepted(5))
        #expect(try await Self.client.putNote(id: 1, body: "") == .ok([""]))
    }

    /// On the wire: a bare JSON value, not an object around it.
    @Test func theWireHoldsBareJSONValues() async throws {
        let router = Notes().makeRouter()
        func put(_ body: String, id: Int = 7, contentType: String = "application/json") async -> (Int, String) {
            let request = APIRequest(
                method: .put, path: "/api/v2/notes/\(id)", headers: ["Content-Type": contentType],
                body: APIBody(Data(body.utf8)))
            let response = await router.handle(request)
            return (response.status, String(decoding: response.body.bytes, as: UTF8.self))
        }
        #expect(await put(#""a\nb""#) == (200, #"["a","b"]"#))
        #expect(await put(#""abc""#, id: -1) == (202, "3"))
        // A JSON value of the wrong kind: 400, naming the body (a bare value has no field path).
        let (status, text) = await put("42")
        #expect(status == 400)
        #expect(text.contains("invalid request body") && text.contains("expected a string"), "\(text)")
        #expect(await put("{\"text\":\"a\"}").0 == 400)
        #expect(await put("\"a\"", contentType: "text/plain").0 == 415)
    }

    @Test func diffCallsAChangedPrimitiveBodyBreakingOnTheWire() throws {
        func definition(_ body: String, _ answer: String) throws -> Definition {
            try DefinitionLoader.load(
                data: Data(
                    #"""
                    {"formatVersion": 1, "service": {"name": "D", "baseURL": "https://example.com"},
                     "operations": [{"name": "putNote", "method": "PUT", "path": "/note", "body": {"type": "\#(body)"},
                                     "responses": [{"status": 200, "type": "\#(answer)"}]}]}
                    """#.utf8), file: "d.json")
        }
        func changes(_ old: Definition, _ new: Definition) -> [String] {
            DefinitionDiff(old: old, new: new).changes.map { "\($0.impact.rawValue) \($0.path): \($0.message)" }
        }
        let before = try definition("string", "integer")
        #expect(changes(before, before).isEmpty)
        #expect(
            changes(before, try definition("[string]", "integer")) == [
                "breaking-wire operations.putNote.body: type changed from string to [string]"
            ])
        #expect(
            changes(before, try definition("string", "number")).contains {
                $0.hasPrefix("breaking-wire operations.putNote.responses.200")
                    && $0.hasSuffix("body type changed from integer to number")
            })
    }

    /// The client checks an answer's bare value like any typed answer.
    @Test func theClientRefusesAnAnswerOfTheWrongKind() async throws {
        struct Wrong: ClientTransport {
            func send(_ request: APIRequest, baseURL: URL) async throws -> APIResponse {
                APIResponse(status: 200, headers: ["Content-Type": "application/json"], body: Data("[1]".utf8))
            }
        }
        let client = AwkwardClient(transport: Wrong())
        await #expect(throws: ClientError.self) { try await client.putNote(id: 1, body: "x") }
    }
}

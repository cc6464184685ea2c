import APIDefinition
import APIOpenAPI
@_spi(Generated) import APIRuntime
import AwkwardAPI
import Foundation
import Testing

/// `"body": {"type": …, "required": false}`: an optional request body, end to end. The awkward
/// fixture's `patchTree` (`AwkwardAPI`) has one: `body: TreeNode?` on its input, sent only when set,
/// `nil` on the server for a request without a body.
@Suite struct OptionalBodyTests {
    static func load(_ text: String) throws -> Definition {
        try DefinitionLoader.load(data: Data(text.utf8), file: "d.json")
    }

    static func definition(body: String = "", method: String = "POST") -> String {
        #"""
        {"formatVersion": 1, "service": {"name": "D", "baseURL": "https://example.com"},
         "types": [{"name": "Item", "kind": "object", "fields": [{"name": "id", "type": "string", "minLength": 1}]}],
         "operations": [{"name": "putItem", "method": "\#(method)", "path": "/item",
                         "body": {"type": "Item"\#(body)},
                         "responses": [{"status": 200, "type": "Item"}]}]}
        """#
    }

    @Test func theLoaderTakesABooleanThatDefaultsToTrue() throws {
        #expect(try Self.load(Self.definition()).operations[0].body?.required == true)
        #expect(try Self.load(Self.definition(body: #", "required": true"#)).operations[0].body?.required == true)
        #expect(try Self.load(Self.definition(body: #", "required": false"#)).operations[0].body?.required == false)
        for value in ["0", #""no""#, "null"] {
            let error = #expect(throws: (any Error).self) {
                try Self.load(Self.definition(body: #", "required": \#(value)"#))
            }
            #expect(
                String(describing: try #require(error)).contains(
                    "operations[0].body.required: expected a boolean (true or false)"))
        }
    }

    @Test func theCheckerAppliesTheBodyRulesToAnOptionalBody() throws {
        let error = #expect(throws: (any Error).self) {
            try Self.load(Self.definition(body: #", "required": false"#, method: "GET"))
        }
        #expect(String(describing: try #require(error)).contains("operations[0].body: a GET request has no body"))
    }

    @Test func diffCallsOptionalBreakingSourceAndRequiredBreakingWire() throws {
        let required = try Self.load(Self.definition())
        let optional = try Self.load(Self.definition(body: #", "required": false"#))
        func changes(_ old: Definition, _ new: Definition) -> [String] {
            DefinitionDiff(old: old, new: new).changes.map { "\($0.impact.rawValue) \($0.path): \($0.message)" }
        }
        #expect(
            changes(required, optional) == [
                "breaking-source operations.putItem.body: became optional (its Swift type becomes optional)"
            ])
        #expect(changes(optional, required) == ["breaking-wire operations.putItem.body: became required"])
        #expect(changes(optional, optional).isEmpty)
    }

    @Test func theWriterAndOpenAPIKeepIt() throws {
        for required in [true, false] {
            let definition = try Self.load(Self.definition(body: required ? "" : #", "required": false"#))
            // The definition writer writes the key only when it is not the default.
            let written = DefinitionWriter.text(definition)
            #expect(written.contains(#""required": false"#) == !required)
            let reloaded = try Self.load(written)
            #expect(reloaded.operations[0].body?.required == required)
            // Exported as requestBody.required, imported back without a warning about it.
            let exported = OpenAPIExporter.document(definition)
            let requestBody = exported["paths"]?["/item"]?["post"]?["requestBody"]
            #expect(requestBody?["required"]?.boolValue == required)
            let (imported, warnings) = try OpenAPIImporter.convert(
                Data(OpenAPIExporter.text(definition).utf8), file: "d.openapi.json")
            #expect(imported.operations[0].body?.required == required)
            #expect(!warnings.contains { $0.pointer.hasSuffix("requestBody") })
        }
    }

    // MARK: Client and server (in process)

    static let tree = TreeNode(name: "root", owner: nil)

    struct Echo: AwkwardPartialHandler {
        func patchTree(_ input: PatchTreeInput) async throws -> PatchTreeOutput {
            guard let body = input.body else { return .noContent(RawBody(contentType: nil, data: Data())) }
            return .ok(body)
        }
    }

    typealias Recorder = RecordingTransport

    @Test func theClientSendsTheBodyOnlyWhenSet() async throws {
        let recorder = Recorder(router: Echo().makeRouter())
        let client = AwkwardClient(transport: recorder)
        #expect(try await client.patchTree(body: Self.tree) == .ok(Self.tree))
        let without = try await client.patchTree()
        guard case .noContent = without else {
            Issue.record("expected 204, got \(without)")
            return
        }
        let requests = recorder.requests
        try #require(requests.count == 2)
        #expect(requests[0].headers["Content-Type"] == "application/json")
        #expect(
            requests[0].body?.bufferedData.map { String(decoding: $0, as: UTF8.self) }
                == #"{"name":"root","owner":null}"#)
        #expect(requests[1].body == nil)
        #expect(requests[1].headers["Content-Type"] == nil)
        // A body that is set is validated before it is sent.
        await #expect(throws: ClientError.self) { try await client.patchTree(body: TreeNode(name: "", owner: nil)) }
    }

    static func patch(_ body: String?, contentType: String? = "application/json") async -> APIResponse {
        var headers = HeaderFields()
        if let contentType { headers["Content-Type"] = contentType }
        let request = APIRequest(
            method: .patch, path: "/api/v2/trees", headers: headers, body: body.map { APIBody(Data($0.utf8)) })
        return await Echo().makeRouter().handle(request)
    }

    static func patchStreamed(_ chunks: [Data]) async -> APIResponse {
        let stream = AsyncStream<Data> { continuation in
            for chunk in chunks { continuation.yield(chunk) }
            continuation.finish()
        }
        let request = APIRequest(
            method: .patch, path: "/api/v2/trees", headers: ["Content-Type": "application/json"],
            body: APIBody(stream: stream))
        return await Echo().makeRouter().handle(request)
    }

    @Test func theServerHandsNilForAnAbsentOrEmptyBody() async throws {
        #expect(await Self.patch(nil, contentType: nil).status == 204)
        #expect(await Self.patch(nil).status == 204)
        #expect(await Self.patch("").status == 204)
        #expect(await Self.patch("", contentType: "text/plain").status == 204)
        // A streamed body (as a socket server hands over a chunked one) that holds no bytes is absent too.
        #expect(await Self.patchStreamed([]).status == 204)
        let streamed = await Self.patchStreamed([Data(#"{"name":"#.utf8), Data(#""s","owner":null}"#.utf8)])
        #expect(streamed.status == 200)
        #expect(try JSONCoding.decode(TreeNode.self, from: streamed.body.bufferedData ?? Data()).name == "s")
        let present = await Self.patch(#"{"name":"a","owner":null}"#)
        #expect(present.status == 200)
        #expect(
            try JSONCoding.decode(TreeNode.self, from: present.body.bufferedData ?? Data())
                == TreeNode(name: "a", owner: nil))
    }

    @Test func theServerDecodesAndValidatesAPresentBodyAsARequiredOne() async throws {
        let invalid = await Self.patch(#"{"name":"","owner":null}"#)
        #expect(invalid.status == 400)
        #expect(String(decoding: invalid.body.bufferedData ?? Data(), as: UTF8.self).contains("name"))
        #expect(await Self.patch("{").status == 400)
        #expect(await Self.patch(#"{"name":"a","owner":null}"#, contentType: "application/xml").status == 415)
    }
}

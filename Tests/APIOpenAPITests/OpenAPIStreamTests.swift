import APIDefinition
import APIOpenAPI
import Foundation
import Testing

/// Streams of typed events in OpenAPI: exported as 3.2's `itemSchema`, imported from it and from the
/// 3.1 idiom swift-openapi-generator documents (a `schema` under a streaming media type).
@Suite("OpenAPI event streams")
struct OpenAPIStreamTests {
    static let definition = """
        {
          "formatVersion": 1,
          "service": { "name": "Events", "title": "Events", "baseURL": "https://events.test/v1" },
          "types": [
            { "name": "LoginEvent", "kind": "object", "fields": [{ "name": "user", "type": "string" }] }
          ],
          "operations": [
            { "name": "loginEvents", "method": "GET", "path": "/login-events",
              "responses": [{ "status": 200, "type": "LoginEvent", "stream": "sse" }] },
            { "name": "loginLines", "method": "GET", "path": "/login-lines",
              "responses": [{ "status": 200, "type": "[LoginEvent]", "stream": "jsonl" }] },
            { "name": "loginSequence", "method": "GET", "path": "/login-sequence",
              "responses": [{ "status": 200, "type": "LoginEvent", "stream": "json-seq", "doc": "RFC 7464." }] }
          ]
        }
        """

    static let loginEvent = OrderedJSON.object([.init("$ref", .string("#/components/schemas/LoginEvent"))])

    func convert(_ text: String) throws -> (Definition, [String]) {
        let (definition, warnings) = try OpenAPIImporter.convert(Data(text.utf8), file: "openapi.json")
        let diagnostics = DefinitionChecker.check(definition)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))")
        let written = DefinitionWriter.text(definition)
        #expect(try DefinitionLoader.load(data: Data(written.utf8), file: "openapi.json") == definition)
        return (definition, warnings.map { "\($0.pointer): \($0.message)" })
    }

    @Test func streamsExportAsItemSchemas() throws {
        let definition = try DefinitionLoader.load(data: Data(Self.definition.utf8), file: "events.json")
        let document = OpenAPIExporter.document(definition)
        #expect(document["openapi"] == .string("3.2.0"))
        let paths = try #require(document["paths"])
        let sse = try #require(
            paths["/login-events"]?["get"]?["responses"]?["200"]?["content"]?["text/event-stream"]?["itemSchema"])
        #expect(sse["required"] == .array([.string("data")]))
        #expect(sse["properties"]?["data"]?["contentMediaType"] == .string("application/json"))
        #expect(sse["properties"]?["data"]?["contentSchema"] == Self.loginEvent)
        #expect(sse["properties"]?["retry"]?["type"] == .string("integer"))
        let lines = paths["/login-lines"]?["get"]?["responses"]?["200"]?["content"]?["application/jsonl"]
        #expect(lines?["itemSchema"] == .object([.init("type", .string("array")), .init("items", Self.loginEvent)]))
        #expect(lines?["schema"] == nil)
        let sequence = paths["/login-sequence"]?["get"]?["responses"]?["200"]?["content"]?["application/json-seq"]
        #expect(sequence?["itemSchema"] == Self.loginEvent)
        // Without a stream the document stays 3.1.
        var plain = definition
        plain.operations = []
        #expect(OpenAPIExporter.document(plain)["openapi"] == .string("3.1.0"))
    }

    /// The login events service exports as a valid OpenAPI 3.2 document (openapi-spec-validator).
    @Test func loginEventsExportIsValidOpenAPI32() throws {
        let definition = try DefinitionLoader.load(
            path: TestSupport.path("Definitions/loginevents.json"), displayPath: "Definitions/loginevents.json")
        let document = OpenAPIExporter.document(definition)
        #expect(document["openapi"] == .string("3.2.0"))
        let failure = try OpenAPIExportTests().validate(document.rendered())
        #expect(failure == nil, "loginevents: \(failure ?? "")")
    }

    @Test func exportedStreamsImportUnchanged() throws {
        var original = try DefinitionLoader.load(data: Data(Self.definition.utf8), file: "events.json")
        let (definition, warnings) = try convert(OpenAPIExporter.text(original))
        original.file = definition.file
        #expect(definition == original)
        #expect(warnings.isEmpty)
    }

    /// The 3.1 idiom: a `schema` that describes one event, under the streaming media type.
    @Test func theOpenAPI31IdiomImportsAsStreams() throws {
        func document(_ content: String) -> String {
            """
            {
              "openapi": "3.1.0", "info": { "title": "Greetings" }, "servers": [{ "url": "https://example.com/api" }],
              "paths": { "/greetings": { "get": { "operationId": "getGreetingsStream", "responses": {
                "200": { "description": "A stream.", "content": \(content) } } } } },
              "components": { "schemas": { "Greeting": { "type": "object", "required": ["message"],
                "properties": { "message": { "type": "string" } } } } }
            }
            """
        }
        let greeting = ##"{ "$ref": "#/components/schemas/Greeting" }"##
        let cases: [(String, StreamFormat)] = [
            (#"{ "application/jsonl": { "schema": \#(greeting) } }"#, .jsonLines),
            (#"{ "application/x-ndjson": { "schema": \#(greeting) } }"#, .jsonLines),
            (#"{ "application/json-seq": { "schema": \#(greeting) } }"#, .jsonSequence),
            (#"{ "text/event-stream": { "schema": \#(greeting) } }"#, .serverSentEvents),
            (
                #"{ "text/event-stream": { "schema": { "type": "object", "properties": { "data": \#(greeting) } } } }"#,
                .serverSentEvents
            ),
            (
                #"{ "text/event-stream": { "itemSchema": { "properties": { "data": { "type": "string", "contentSchema": \#(greeting) } } } } }"#,
                .serverSentEvents
            ),
        ]
        for (content, format) in cases {
            let (definition, warnings) = try convert(document(content))
            let response = try #require(definition.operations.first?.responses.first)
            #expect(response.stream == format, "\(content)")
            #expect(response.type == .named("Greeting"), "\(content)")
            #expect(warnings.isEmpty, "\(content): \(warnings)")
        }
        // swift-openapi-generator's own example declares the media types without a schema: untyped.
        let (untyped, _) = try convert(document(#"{ "application/jsonl": {}, "text/event-stream": {} }"#))
        let response = try #require(untyped.operations.first?.responses.first)
        #expect(response.stream == nil)
        #expect(response.type == nil)
        #expect(response.contentTypes == ["application/jsonl", "text/event-stream"])
        // Two streams: the first with a schema is used, the other is reported.
        let (_, warnings) = try convert(
            document(#"{ "application/jsonl": { "schema": \#(greeting) }, "application/json-seq": {} }"#))
        #expect(
            warnings == [
                "#/paths/~1greetings/get/responses/200/content/application~1json-seq: 'application/json-seq' next to the stream 'application/jsonl' cannot be expressed; dropped"
            ])
    }
}

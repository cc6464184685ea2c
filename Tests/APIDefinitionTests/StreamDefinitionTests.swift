import APIDefinition
import Foundation
import Testing

/// Responses declared as streams of typed events: loading, the checker's diagnostics, `apigen diff`.
@Suite("Stream definitions")
struct StreamDefinitionTests {
    static let valid = """
        {
          "formatVersion": 1,
          "service": { "name": "Demo", "baseURL": "https://demo.test/v1" },
          "types": [
            { "name": "LoginEvent", "kind": "object", "fields": [{ "name": "user", "type": "string" }] },
            { "name": "Other", "kind": "object", "fields": [] }
          ],
          "operations": [
            { "name": "loginEvents", "method": "GET", "path": "/login-events",
              "responses": [{ "status": 200, "type": "LoginEvent", "stream": "sse" }] }
          ]
        }
        """

    func load(_ text: String) throws(DiagnosticList) -> Definition {
        try DefinitionLoader.load(data: Data(text.utf8), file: "demo.json")
    }

    func diagnostics(_ text: String) -> [String] {
        do {
            _ = try load(text)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    func replacing(_ old: String, _ new: String) -> String {
        precondition(Self.valid.contains(old), "\(old) is not in the valid definition")
        return Self.valid.replacingOccurrences(of: old, with: new)
    }

    @Test func aStreamLoadsWithItsFormatsMediaType() throws {
        for format in StreamFormat.allCases {
            let definition = try load(replacing(#""stream": "sse""#, #""stream": "\#(format.rawValue)""#))
            let response = definition.operations[0].responses[0]
            #expect(response.stream == format)
            #expect(response.type == .named("LoginEvent"))
            #expect(response.contentTypes == [format.mediaType])
        }
        #expect(try load(replacing(#", "stream": "sse""#, "")).operations[0].responses[0].stream == nil)
    }

    @Test func misusedStreamsHaveLocatedDiagnostics() {
        #expect(
            diagnostics(replacing(#""stream": "sse""#, #""stream": "ssee""#)) == [
                "demo.json:10:70: error: operations[0].responses[0].stream: unknown stream format 'ssee' (did you mean 'sse'?); expected one of sse, jsonl, json-seq"
            ])
        #expect(
            diagnostics(replacing(#""stream": "sse""#, #""stream": true"#)) == [
                "demo.json:10:70: error: operations[0].responses[0].stream: expected a string, found a boolean"
            ])
        #expect(
            diagnostics(replacing(#""type": "LoginEvent", "stream""#, #""stream""#)) == [
                "demo.json:10:48: error: operations[0].responses[0].stream: a stream needs the 'type' of its events"
            ])
        #expect(
            diagnostics(replacing(#""stream": "sse""#, #""stream": "jsonl", "contentTypes": ["application/json"]"#))
                == [
                    "demo.json:10:95: error: operations[0].responses[0].contentTypes: a stream travels as its format's media type (application/jsonl): leave 'contentTypes' out"
                ])
        #expect(
            diagnostics(replacing(#""method": "GET""#, #""method": "HEAD""#)) == [
                "demo.json:10:70: error: operations[0].responses[0].stream: an answer to HEAD has no body, so it cannot be a stream"
            ])
        #expect(
            diagnostics(replacing(#""type": "LoginEvent", "stream""#, #""type": "string", "stream""#)).count == 1)
        // A body may be a primitive, a stream's events may not.
        for type in ["string", "[integer]"] {
            #expect(
                diagnostics(replacing(#""type": "LoginEvent", "stream""#, #""type": "\#(type)", "stream""#)).contains {
                    $0.hasSuffix(
                        "operations[0].responses[0].type: a stream's events are a declared type (or an array or map of one), not '\(type)'"
                    )
                }, "\(type)")
        }
    }

    @Test func otherAnswersOfAStreamingOperationAreJSON() {
        let xml = replacing(
            #""stream": "sse" }"#,
            #""stream": "sse" }, { "status": 404, "type": "Other", "contentTypes": ["application/xml"] }"#
        ).replacingOccurrences(
            of: #""baseURL": "https://demo.test/v1""#,
            with: #""baseURL": "https://demo.test/v1", "xml": { "rootElement": "root", "listItemElement": "item" }"#)
        #expect(
            diagnostics(xml) == [
                "demo.json:10:129: error: operations[0].responses[1].contentTypes: an operation that answers with a stream answers its other typed responses in JSON only"
            ])
        let json = replacing(#""stream": "sse" }"#, #""stream": "sse" }, { "status": 404, "type": "Other" }"#)
        #expect(diagnostics(json) == [])
    }

    @Test func diffClassifiesStreamChanges() throws {
        let old = try load(Self.valid)
        func changes(_ from: String, _ to: String) throws -> [String] {
            DefinitionDiff(old: old, new: try load(replacing(from, to))).changes.map {
                "\($0.impact.rawValue) \($0.path): \($0.message)"
            }
        }
        #expect(
            try changes(#", "stream": "sse""#, "") == [
                "breaking-wire operations.loginEvents.responses.200: the answer changed from a stream of events (sse) to a single body"
            ])
        #expect(
            try changes(#""stream": "sse""#, #""stream": "json-seq""#) == [
                "breaking-wire operations.loginEvents.responses.200: the answer changed from a stream of events (sse) to a stream of events (json-seq)"
            ])
        #expect(
            try changes(#""type": "LoginEvent", "stream""#, #""type": "Other", "stream""#) == [
                "breaking-wire operations.loginEvents.responses.200: event type changed from LoginEvent to Other"
            ])
        #expect(try changes(#""stream": "sse""#, #""stream": "sse" "#).isEmpty)
    }
}

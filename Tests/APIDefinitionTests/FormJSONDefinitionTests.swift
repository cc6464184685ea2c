import APIDefinition
import Foundation
import Testing

/// `json` fields (and `[json]`, `{json}`) in form and multipart bodies, which travel as JSON text in one
/// value: the checker accepts them at any depth a form field can be, and still refuses a oneOf.
@Suite("Form body json field definitions")
struct FormJSONDefinitionTests {
    static let types = """
            { "name": "Channel", "kind": "object", "fields": [
              { "name": "config", "type": "json" }, { "name": "extra", "type": "{json}", "required": false } ] },
            { "name": "Settings", "kind": "object", "fields": [
              { "name": "RateLimits", "type": "json" },
              { "name": "Channels", "type": "[json]" },
              { "name": "Metadata", "type": "{json}", "required": false },
              { "name": "channel", "type": "Channel" },
              { "name": "channels_by_name", "type": "{Channel}", "required": false },
              { "name": "channel_list", "type": "[Channel]", "required": false },
              { "name": "maybe", "type": "json", "required": false } ] }
        """

    func diagnostics(types: String, contentType: String) -> [String] {
        let text = NestedFormDefinitionTests.definition(types: types, contentType: contentType)
            .replacingOccurrences(of: #""type": "Order", "contentTypes""#, with: #""type": "Settings", "contentTypes""#)
        do {
            _ = try DefinitionLoader.load(data: Data(text.utf8), file: "demo.json")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test(arguments: ["application/x-www-form-urlencoded", "multipart/form-data"])
    func acceptsJSONFieldsAtAnyDepth(_ contentType: String) {
        #expect(diagnostics(types: Self.types, contentType: contentType) == [])
    }

    @Test func aOneOfBesideAJSONFieldIsAccepted() {
        let types =
            Self.types + """
                ,
                    { "name": "Card", "kind": "object", "fields": [{ "name": "number", "type": "string" }] },
                    { "name": "Bank", "kind": "object", "fields": [{ "name": "iban", "type": "string" }] },
                    { "name": "Method", "kind": "oneOf", "variants": [{ "type": "Card" }, { "type": "Bank" }] }
                """
        let withOneOf = types.replacingOccurrences(
            of: #"{ "name": "config", "type": "json" }"#,
            with: #"{ "name": "config", "type": "json" }, { "name": "method", "type": "Method" }"#)
        // Forms carry oneOfs (their alternatives in bracket notation) beside any JSON.
        #expect(diagnostics(types: withOneOf, contentType: "multipart/form-data") == [])
    }

    @Test func aJSONFieldInADeepObjectParameterIsStillRefused() {
        let text = """
            {
              "formatVersion": 1,
              "service": { "name": "Demo", "baseURL": "https://demo.test/v1" },
              "types": [{ "name": "Filter", "kind": "object", "fields": [{ "name": "q", "type": "json" }] }],
              "operations": [
                { "name": "list", "method": "GET", "path": "/items",
                  "parameters": [{ "name": "filter", "in": "query", "type": "Filter", "style": "deepObject" }],
                  "responses": [{ "status": 204 }] }
              ]
            }
            """
        var found: [String] = []
        do {
            _ = try DefinitionLoader.load(data: Data(text.utf8), file: "demo.json")
        } catch {
            found = error.diagnostics.map(\.description)
        }
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.contains("'Filter.q' (field 0) is not") == true, "\(found)")
    }

    /// `apigen diff` needs nothing new: a form field that becomes `json` changes how its value is written
    /// (`a` becomes `"a"`), which is a type change, breaking on the wire.
    @Test func diffCallsAFormFieldBecomingJSONBreakingOnTheWire() throws {
        func load(_ type: String) throws -> Definition {
            let types = Self.types.replacingOccurrences(
                of: #"{ "name": "RateLimits", "type": "json" }"#, with: #"{ "name": "RateLimits", "type": "\#(type)" }"#
            )
            let text = NestedFormDefinitionTests.definition(types: types)
                .replacingOccurrences(
                    of: #""type": "Order", "contentTypes""#, with: #""type": "Settings", "contentTypes""#)
            return try DefinitionLoader.load(data: Data(text.utf8), file: "demo.json")
        }
        let changes = DefinitionDiff(old: try load("{string}"), new: try load("json")).changes.map {
            "\($0.impact.rawValue) \($0.path): \($0.message)"
        }
        #expect(changes == ["breaking-wire types.Settings.RateLimits: type changed from {string} to json"])
    }
}

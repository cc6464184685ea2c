import APIDefinition
import APIOpenAPI
import Foundation
import Testing

/// The scalar formats real APIs use (`date`, `byte`, `uri`, `decimal`, unix time) import as
/// apigen's types without a warning, and export as those formats.
@Suite("OpenAPI formats")
struct OpenAPIFormatTests {
    static let document = #"""
        {
          "openapi": "3.1.0",
          "info": { "title": "Formats", "version": "1" },
          "paths": {
            "/charges/{day}": {
              "get": {
                "operationId": "listCharges",
                "parameters": [
                  { "name": "day", "in": "path", "required": true, "schema": { "type": "string", "format": "date" } },
                  { "name": "created", "in": "query", "schema": { "type": "integer", "format": "unix-time" } }
                ],
                "responses": {
                  "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Charge" } } } }
                }
              }
            }
          },
          "components": {
            "schemas": {
              "Charge": {
                "type": "object",
                "required": ["created", "amount", "receipt"],
                "properties": {
                  "created": { "type": "integer", "format": "unix-time" },
                  "amount": { "type": "number", "format": "decimal" },
                  "receipt": { "type": "string", "format": "uri" },
                  "due": { "type": "string", "format": "date" },
                  "signature": { "type": "string", "format": "byte" },
                  "code": { "type": "string", "format": "date", "pattern": "^20" },
                  "fee": { "type": "number", "format": "decimal", "minimum": 0 },
                  "ticks": { "type": "integer", "format": "unix-time", "maximum": 100 },
                  "links": { "type": "array", "items": { "type": "string", "format": "uri" } },
                  "days": { "type": "array", "items": { "type": "string", "format": "date" } },
                  "money": { "type": "string", "format": "decimal" }
                }
              }
            }
          }
        }
        """#

    @Test func realWorldFormatsImportAsTheirTypes() throws {
        let (definition, warnings) = try OpenAPIImporter.convert(Data(Self.document.utf8), file: "formats.json")
        #expect(DefinitionChecker.check(definition).isEmpty)
        guard case .object(let fields)? = definition.type(named: "Charge")?.kind else {
            Issue.record("Charge is not an object")
            return
        }
        let types = Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0.type) })
        #expect(types["created"] == .unixTime)
        #expect(types["amount"] == .decimal)
        #expect(types["receipt"] == .uri)
        #expect(types["due"] == .date)
        #expect(types["signature"] == .bytes)
        #expect(types["days"] == .array(.date))
        // With constraints the types cannot carry, they stay what they were, and keep them.
        #expect(types["code"] == .string)
        #expect(fields.first { $0.name == "code" }?.constraints.pattern == "^20")
        #expect(types["fee"] == .number)
        #expect(types["ticks"] == .integer)
        // A string that says it is a decimal stays a string: apigen's decimals travel as numbers.
        #expect(types["money"] == .string)
        let parameters = try #require(definition.operations.first?.parameters)
        #expect(parameters.map(\.type) == [.date, .unixTime])
        // Arrays of URIs keep their items' format, and nothing is left to say.
        #expect(types["links"] == .array(.uri))
        #expect(warnings.isEmpty, "\(warnings)")
    }

    @Test func exportSaysTheFormats() throws {
        let definition = try DefinitionLoader.load(
            data: Data(
                #"""
                {
                  "formatVersion": 1,
                  "service": { "name": "F" },
                  "types": [{ "name": "T", "kind": "object", "fields": [
                    { "name": "a", "type": "date" }, { "name": "b", "type": "bytes" }, { "name": "c", "type": "decimal" },
                    { "name": "d", "type": "uri" }, { "name": "e", "type": "unix-time" }
                  ] }],
                  "operations": [{ "name": "get", "method": "GET", "path": "/t", "responses": [{ "status": 200, "type": "T" }] }]
                }
                """#.utf8), file: "f.json")
        let text = OpenAPIExporter.text(definition)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let components = try #require(document["components"] as? [String: Any])
        let schemas = try #require(components["schemas"] as? [String: Any])
        let properties = try #require((schemas["T"] as? [String: Any])?["properties"] as? [String: [String: String]])
        #expect(
            properties == [
                "a": ["type": "string", "format": "date"], "b": ["type": "string", "format": "byte"],
                "c": ["type": "number", "format": "decimal"], "d": ["type": "string", "format": "uri"],
                "e": ["type": "integer", "format": "int64", "x-apigen-type": "unix-time"],
            ])
        let (back, warnings) = try OpenAPIImporter.convert(Data(text.utf8), file: "f.json")
        #expect(warnings.isEmpty)
        #expect(back.types == definition.types)
    }
}

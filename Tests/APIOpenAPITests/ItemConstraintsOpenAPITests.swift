import APIDefinition
import APIOpenAPI
import Foundation
import Testing

/// `items` and `values` constraints in OpenAPI: exported into the `items` and `additionalProperties`
/// schemas, imported from there without a warning, so export then import gives them back.
@Suite("Item constraints in OpenAPI")
struct ItemConstraintsOpenAPITests {
    static func awkward() throws -> Definition {
        try DefinitionLoader.load(path: TestSupport.path("Tests/Fixtures/Definitions/awkward.json"))
    }

    @Test func exportWritesThemIntoTheElementSchemas() throws {
        let document = OpenAPIExporter.document(try Self.awkward())
        let checkout = try #require(document["components"]?["schemas"]?["Checkout"]?["properties"])
        #expect(checkout["expand"]?["items"]?["minLength"] == .int(1))
        #expect(checkout["expand"]?["items"]?["maxLength"] == .int(40))
        #expect(checkout["expand"]?["minLength"] == nil)
        #expect(checkout["metadata"]?["additionalProperties"]?["maxLength"] == .int(500))
        let code = try #require(
            document["paths"]?["/items/{ids}"]?["get"]?["parameters"]?.arrayValue?.first { $0["name"] == .string("code") })
        #expect(code["schema"]?["items"]?["maximum"] == .int(1000))
        #expect(code["schema"]?["maxItems"] == .int(3))
    }

    @Test func theExportImportsBackWithTheSameConstraints() throws {
        let definition = try Self.awkward()
        let (imported, warnings) = try OpenAPIImporter.convert(
            Data(OpenAPIExporter.text(definition).utf8), file: "awkward.openapi.json")
        #expect(!warnings.contains { $0.message.contains("constraints on") }, "\(warnings)")
        func fields(_ definition: Definition) -> [Field] {
            guard case .object(let fields)? = definition.type(named: "Checkout")?.kind else { return [] }
            return fields
        }
        #expect(fields(imported).map(\.constraints) == fields(definition).map(\.constraints))
        let code = { (definition: Definition) in
            definition.operations.first { $0.name == "searchItems" }?.parameters.first { $0.name == "code" }?.constraints
        }
        #expect(code(imported) == Constraints(maxItems: 3, items: Constraints(maximum: 1000)))
    }

    @Test func importKeepsNestedElementConstraintsAndSaysWhenATypeCannotHoldThem() throws {
        let document = #"""
            {
              "openapi": "3.1.0",
              "info": { "title": "Items", "version": "1" },
              "servers": [{ "url": "https://api.example.com" }],
              "paths": {},
              "components": { "schemas": { "Doc": { "type": "object", "properties": {
                "expand": { "type": "array", "items": { "type": "string", "maxLength": 5000 } },
                "scores": { "type": "object", "additionalProperties": { "type": "integer", "minimum": 0 } },
                "by_tag": { "type": "object", "additionalProperties": { "type": "array", "minItems": 1,
                  "items": { "type": "string", "pattern": "^[a-z]+$" } } },
                "odd": { "type": "array", "items": { "type": "string", "format": "email", "maxLength": 5 } }
              } } } }
            }
            """#
        let (definition, warnings) = try OpenAPIImporter.convert(Data(document.utf8), file: "items.json")
        #expect(warnings.map(\.message) == [])
        guard case .object(let fields)? = definition.type(named: "Doc")?.kind else {
            Issue.record("Doc is not an object")
            return
        }
        #expect(
            fields.map(\.constraints) == [
                Constraints(items: Constraints(maxLength: 5000)),
                Constraints(values: Constraints(minimum: 0)),
                Constraints(values: Constraints(minItems: 1, items: Constraints(pattern: "^[a-z]+$"))),
                Constraints(items: Constraints(maxLength: 5)),
            ])
        // And the imported definition checks clean.
        let text = DefinitionWriter.text(definition)
        #expect(throws: Never.self) { try DefinitionLoader.load(data: Data(text.utf8), file: "items.json") }
    }
}

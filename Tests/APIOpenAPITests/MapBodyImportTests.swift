import APIDefinition
import APIOpenAPI
import Foundation
import Testing

/// Maps as whole bodies (`{"type": "object", "additionalProperties": …}` with no `properties`), as
/// swagger-petstore 3's `/store/inventory` answers: imported as `{T}`, not as an untyped body.
@Suite("OpenAPI map bodies")
struct MapBodyImportTests {
    static let document = """
        {"openapi": "3.0.3", "info": {"title": "T", "version": "1"},
         "paths": {
           "/inventory": {"get": {"operationId": "inventory",
             "responses": {"200": {"description": "Counts by status",
               "content": {"application/json": {"schema":
                 {"type": "object", "additionalProperties": {"type": "integer", "format": "int32"}}}}}}}},
           "/pets": {"put": {"operationId": "putPets",
             "requestBody": {"required": true, "content": {"application/json": {"schema":
               {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/Pet"}}}}},
             "responses": {"200": {"description": "Tags by pet",
               "content": {"application/json": {"schema":
                 {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}}}}}}}}},
         "components": {"schemas": {"Pet": {"type": "object", "properties": {"name": {"type": "string"}}}}}}
        """

    @Test func mapsOfPrimitivesAndOfDeclaredTypesAreTypedBodies() throws {
        let (definition, warnings) = try OpenAPIImporter.convert(
            Data(Self.document.utf8), file: "t.json", serviceName: "T")
        let inventory = try #require(definition.operations.first { $0.name == "inventory" })
        #expect(inventory.responses.map(\.type) == [.map(.int32)])
        let pets = try #require(definition.operations.first { $0.name == "putPets" })
        #expect(pets.body?.type == .map(.named("Pet")))
        // A map of arrays is not a body type the format has: the answer stays untyped, with the warning.
        #expect(pets.responses.map(\.type) == [nil])
        let messages = warnings.map { "\($0.pointer): \($0.message)" }
        #expect(messages.count == 1, "\(messages)")
        #expect(messages.first?.hasPrefix("#/paths/~1pets/put/responses/200/content/application~1json/schema") == true)
        #expect(DefinitionChecker.check(definition).isEmpty)
    }

    /// The imported map bodies go back out as the same schemas.
    @Test func mapBodiesExportAsAdditionalProperties() throws {
        let (definition, _) = try OpenAPIImporter.convert(Data(Self.document.utf8), file: "t.json", serviceName: "T")
        let exported = OpenAPIExporter.document(definition)
        let schema = try #require(
            exported["paths"]?["/inventory"]?["get"]?["responses"]?["200"]?["content"]?["application/json"]?["schema"])
        #expect(schema["type"] == .string("object"))
        #expect(schema["additionalProperties"]?["format"] == .string("int32"))
        let body = try #require(
            exported["paths"]?["/pets"]?["put"]?["requestBody"]?["content"]?["application/json"]?["schema"])
        #expect(body["additionalProperties"]?["$ref"] == .string("#/components/schemas/Pet"))
    }
}

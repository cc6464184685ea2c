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
        // A map of arrays (`{[string]}`) is a body type like any other nesting: no warning.
        #expect(pets.responses.map(\.type) == [.map(.array(.string))])
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(DefinitionChecker.check(definition).isEmpty)
    }

    /// A request body the format has no type for is kept as any JSON when it is sent as JSON; an XML-only
    /// one is dropped.
    @Test func untypableJSONBodiesAreAnyJSON() throws {
        let text = """
            {"openapi": "3.0.3", "info": {"title": "T", "version": "1"},
             "paths": {
               "/when": {"put": {"operationId": "putWhen",
                 "requestBody": {"required": true, "content": {
                   "application/json": {"schema": {"type": "string", "format": "date-time"}}}},
                 "responses": {"204": {"description": "Stored"}}}},
               "/grid": {"put": {"operationId": "putGrid",
                 "requestBody": {"required": true, "content": {
                   "application/json": {"schema": {"type": "array", "items": {"type": "array", "items": {"type": "integer"}}}}}},
                 "responses": {"204": {"description": "Stored"}}}},
               "/xml": {"put": {"operationId": "putXML",
                 "requestBody": {"content": {
                   "application/xml": {"schema": {"type": "array", "items": {"type": "array", "items": {"type": "integer"}}}}}},
                 "responses": {"204": {"description": "Stored"}}}}}}
            """
        let (definition, warnings) = try OpenAPIImporter.convert(Data(text.utf8), file: "t.json", serviceName: "T")
        let grid = try #require(definition.operations.first { $0.name == "putGrid" })
        // Nested arrays keep their items' type.
        #expect(grid.body?.type == .array(.array(.integer)))
        #expect(grid.body?.contentTypes == ["application/json"])
        // A converted scalar (`date-time`) is no body type: any JSON, with the warning.
        let when = try #require(definition.operations.first { $0.name == "putWhen" })
        #expect(when.body?.type == .json)
        #expect(warnings.contains { $0.message.hasSuffix("it is typed as any JSON (json), sent as JSON only") })
        let xml = try #require(definition.operations.first { $0.name == "putXML" })
        #expect(xml.body == nil)
        let kinds = warnings.map { "\($0.kind): \($0.message)" }
        #expect(!kinds.contains { $0.hasPrefix("container-element") }, "\(kinds)")
        #expect(kinds.contains { $0.hasSuffix("no content type of the request body remains; the body is dropped") }, "\(kinds)")
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

import APIDefinition
import APIOpenAPI
import Foundation
import Testing

/// Primitive and array-of-primitive bodies through `apigen openapi` and `apigen import`.
@Suite("OpenAPI primitive bodies")
struct PrimitiveBodyOpenAPITests {
    @Test func theAwkwardNoteExportsItsPrimitiveSchemasAndImportsBack() throws {
        let definition = try DefinitionLoader.load(
            path: TestSupport.path("Tests/Fixtures/Definitions/awkward.json"), displayPath: "awkward.json")
        let document = OpenAPIExporter.document(definition)
        let put = try #require(document["paths"]?["/notes/{id}"]?["put"])
        #expect(
            put["requestBody"]?["content"]?["application/json"]?["schema"]
                == .object([.init("type", .string("string"))]))
        #expect(
            put["responses"]?["200"]?["content"]?["application/json"]?["schema"]?["items"]?["type"]
                == .string("string"))
        #expect(put["responses"]?["202"]?["content"]?["application/json"]?["schema"]?["type"] == .string("integer"))

        let (imported, warnings) = try OpenAPIImporter.convert(
            Data(document.rendered().utf8), file: "awkward.openapi.json", serviceName: "Awkward")
        let note = try #require(imported.operations.first { $0.name == "putNote" })
        #expect(note.body?.type == .string)
        #expect(note.responses.map(\.type) == [.array(.string), .integer])
        #expect(!warnings.contains { $0.pointer.contains("notes") }, "\(warnings.filter { $0.pointer.contains("notes") })")
        #expect(DefinitionChecker.check(imported).isEmpty)
    }

    @Test func primitiveBodiesImportTypedAndXMLIsDroppedForThem() throws {
        let text = """
            {"openapi": "3.1.0", "info": {"title": "T", "version": "1"},
             "paths": {"/tags": {"post": {"operationId": "addTags",
               "requestBody": {"required": true, "content": {
                 "application/json": {"schema": {"type": "array", "items": {"type": "string"}}},
                 "application/xml": {"schema": {"type": "array", "items": {"type": "string"}}}}},
               "responses": {
                 "200": {"description": "Count", "content": {"application/json": {"schema": {"type": "integer", "format": "int32"}}}},
                 "201": {"description": "When", "content": {"application/json": {"schema": {"type": "string", "format": "date-time"}}}},
                 "202": {"description": "Flag", "content": {"application/json": {"schema": {"type": "boolean"}}}}}}}}}
            """
        let (definition, warnings) = try OpenAPIImporter.convert(Data(text.utf8), file: "t.json", serviceName: "T")
        let operation = try #require(definition.operations.first)
        #expect(operation.body?.type == .array(.string))
        #expect(operation.body?.contentTypes == [MediaTypes.json])
        #expect(operation.responses.map(\.type) == [.int32, nil, .boolean])
        let messages = warnings.map { "\($0.pointer): \($0.message)" }
        #expect(
            messages.contains(
                "#/paths/~1tags/post/requestBody/content/application~1xml: a '[string]' body travels as JSON only; 'application/xml' is dropped"
            ), "\(messages)")
        #expect(
            messages.contains {
                $0.hasPrefix("#/paths/~1tags/post/responses/201/content/application~1json/schema: only declared types")
            }, "\(messages)")
        #expect(DefinitionChecker.check(definition).isEmpty)
    }
}

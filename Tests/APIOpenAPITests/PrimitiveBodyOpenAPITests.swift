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
        #expect(
            !warnings.contains { $0.pointer.contains("notes") }, "\(warnings.filter { $0.pointer.contains("notes") })")
        #expect(DefinitionChecker.check(imported).isEmpty)

        // The raw body: its media types without a schema, and back as a raw body without a warning.
        let avatar = try #require(document["paths"]?["/avatars/{id}"]?["put"]?["requestBody"]?["content"])
        #expect(avatar == .object(["image/png", "image/jpeg", "text/*"].map { .init($0, .object([])) }))
        let imported1 = try #require(imported.operations.first { $0.name == "putAvatar" })
        #expect(
            imported1.body
                == RequestBody(
                    type: nil, contentTypes: ["image/png", "image/jpeg", "text/*"], doc: "The picture, as it is.",
                    required: true))
        #expect(
            !warnings.contains { $0.pointer.contains("avatars") },
            "\(warnings.filter { $0.pointer.contains("avatars") })")
    }

    @Test func binaryBodiesImportRawAndNextToATypedOneAreDropped() throws {
        let text = """
            {"openapi": "3.0.3", "info": {"title": "T", "version": "1"},
             "paths": {
               "/files": {"post": {"operationId": "upload",
                 "requestBody": {"content": {
                   "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
                   "Image/PNG; x=1": {}}},
                 "responses": {"204": {"description": "Stored"}}}},
               "/mixed": {"post": {"operationId": "mixed",
                 "requestBody": {"required": true, "content": {
                   "application/json": {"schema": {"type": "string"}},
                   "image/png": {"schema": {"type": "string", "format": "binary"}}}},
                 "responses": {"204": {"description": "Stored"}}}}}}
            """
        let (definition, warnings) = try OpenAPIImporter.convert(Data(text.utf8), file: "t.json", serviceName: "T")
        let upload = try #require(definition.operations.first { $0.name == "upload" })
        #expect(
            upload.body
                == RequestBody(
                    type: nil, contentTypes: ["application/octet-stream", "image/png"], doc: nil, required: false))
        let mixed = try #require(definition.operations.first { $0.name == "mixed" })
        #expect(mixed.body == RequestBody(type: .string, contentTypes: ["application/json"], doc: nil, required: true))
        let messages = warnings.map { "\($0.pointer): \($0.message)" }
        #expect(
            messages == [
                "#/paths/~1files/post/requestBody/content/Image~1PNG; x=1: 'Image/PNG; x=1' is sent as image/png",
                "#/paths/~1mixed/post/requestBody/content/image~1png: request bodies of type 'image/png' next to a typed body cannot be expressed; dropped",
            ])
        #expect(!messages.contains { $0.contains("binary content") })
        #expect(DefinitionChecker.check(definition).isEmpty)
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
        #expect(operation.responses.map(\.type) == [.int32, .json, .boolean])
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

import APIDefinition
import APIOpenAPI
import Foundation
import Testing

/// File fields through `apigen openapi` and `apigen import`: `format: binary` properties of a type sent as
/// multipart only are files; elsewhere binary content stays text, with the `binary-content` warning.
@Suite("OpenAPI file parts")
struct FilePartOpenAPITests {
    @Test func theAwkwardUploadExportsBinaryPropertiesAndImportsBackAsFiles() throws {
        let definition = try DefinitionLoader.load(
            path: TestSupport.path("Tests/Fixtures/Definitions/awkward.json"), displayPath: "awkward.json")
        let document = OpenAPIExporter.document(definition)
        let upload = try #require(document["components"]?["schemas"]?["Upload"]?["properties"])
        #expect(upload["document"]?["type"] == .string("string"))
        #expect(upload["document"]?["format"] == .string("binary"))
        #expect(upload["document"]?["contentMediaType"] == .string("application/octet-stream"))
        #expect(upload["document"]?["maxLength"] == .int(65536))
        #expect(upload["attachments"]?["items"]?["format"] == .string("binary"))
        #expect(
            document["paths"]?["/uploads"]?["post"]?["requestBody"]?["content"]?["multipart/form-data"] != nil)
        let failure = try OpenAPIExportTests().validate(document.rendered())
        #expect(failure == nil, "awkward: \(failure ?? "")")

        let (imported, warnings) = try OpenAPIImporter.convert(
            Data(document.rendered().utf8), file: "awkward.openapi.json", serviceName: "Awkward")
        let fields = try #require(imported.type(named: "Upload")?.fields)
        #expect(fields.map(\.type) == [.string, .file, .file, .array(.file)])
        #expect(fields[1].constraints.maxLength == 65536 && fields[2].constraints.minLength == 1)
        #expect(fields.map(\.required) == [true, true, false, false])
        #expect(
            !warnings.contains { $0.pointer.contains("Upload") }, "\(warnings.filter { $0.pointer.contains("Upload") })"
        )
        #expect(DefinitionChecker.check(imported).isEmpty)
    }

    static let document = """
        {"openapi": "3.0.3", "info": {"title": "T", "version": "1"},
         "paths": {
           "/inline": {"post": {"operationId": "inline",
             "requestBody": {"required": true, "content": {"multipart/form-data": {"schema": {
               "type": "object", "required": ["file"],
               "properties": {"file": {"type": "string", "format": "binary"},
                              "more": {"type": "array", "items": {"type": "string", "format": "binary"}},
                              "note": {"type": "string"}}}}}},
             "responses": {"204": {"description": "Stored"}}}},
           "/modern": {"post": {"operationId": "modern",
             "requestBody": {"required": true, "content": {"multipart/form-data": {"schema": {"$ref": "#/components/schemas/Modern"}}}},
             "responses": {"204": {"description": "Stored"}}}},
           "/json": {"post": {"operationId": "json",
             "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Both"}}}},
             "responses": {"204": {"description": "Stored"}}}},
           "/both": {"post": {"operationId": "both",
             "requestBody": {"required": true, "content": {"multipart/form-data": {"schema": {"$ref": "#/components/schemas/Both"}}}},
             "responses": {"204": {"description": "Stored"}}}}},
         "components": {"schemas": {
           "Modern": {"type": "object", "required": ["image"],
                      "properties": {"image": {"type": "string", "contentMediaType": "image/png"}}},
           "Both": {"type": "object", "required": ["blob"],
                    "properties": {"blob": {"type": "string", "format": "binary"}}}}}}
        """

    @Test func binaryPropertiesOfMultipartOnlyTypesAreFiles() throws {
        let (definition, warnings) = try OpenAPIImporter.convert(
            Data(Self.document.utf8), file: "t.json", serviceName: "T")
        let inline = try #require(definition.operations.first { $0.name == "inline" }?.body?.type)
        guard case .named(let name) = inline else {
            Issue.record("\(inline)")
            return
        }
        #expect(definition.type(named: name)?.fields.map(\.type) == [.file, .array(.file), .string])
        #expect(definition.type(named: "Modern")?.fields.map(\.type) == [.file])
        // Sent as JSON too: the file stays text, and says so.
        #expect(definition.type(named: "Both")?.fields.map(\.type) == [.string])
        let binary = warnings.filter { $0.kind.rawValue == "binary-content" }.map { "\($0.pointer): \($0.message)" }
        #expect(
            binary == [
                "#/components/schemas/Both/properties/blob/format: binary content is typed as a string of text: 'Both' is not sent as multipart/form-data only, and only multipart carries files"
            ])
        #expect(DefinitionChecker.check(definition).isEmpty)
    }
}

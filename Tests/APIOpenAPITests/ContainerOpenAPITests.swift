import APIDefinition
import APIOpenAPI
import Foundation
import Testing

/// Arrays and maps of any element (nested, of converted scalars) through `apigen import` and
/// `apigen openapi`: imported without a warning, exported as valid OpenAPI, and back the same.
@Suite("OpenAPI containers of any element")
struct ContainerOpenAPITests {
    static let document = """
        {"openapi": "3.0.3", "info": {"title": "Geo", "version": "1"},
         "paths": {
           "/places": {"put": {"operationId": "putPlaces",
             "parameters": [
               {"name": "ids", "in": "query", "schema": {"type": "array", "items": {"type": "string", "format": "uuid"}}},
               {"name": "since", "in": "query", "style": "form", "explode": false,
                "schema": {"type": "array", "items": {"type": "string", "format": "date-time"}}}],
             "requestBody": {"required": true, "content": {"application/json": {"schema":
               {"type": "array", "items": {"type": "string", "format": "uuid"}}}}},
             "responses": {"200": {"description": "Times by place",
               "content": {"application/json": {"schema": {"type": "object", "additionalProperties":
                 {"type": "array", "items": {"type": "string", "format": "date-time"}}}}}}}}},
           "/days": {"get": {"operationId": "getDays",
             "responses": {"200": {"description": "Holidays",
               "content": {"application/json": {"schema": {"type": "array", "items": {"type": "string", "format": "date"}}}}}}}},
           "/shapes": {"post": {"operationId": "postShape",
             "requestBody": {"required": true, "content": {"application/json": {"schema":
               {"$ref": "#/components/schemas/Shape"}}}},
             "responses": {"200": {"description": "A grid",
               "content": {"application/json": {"schema": {"type": "array", "items":
                 {"type": "array", "items": {"type": "number"}}}}}}}}}},
         "components": {"schemas": {
           "Shape": {"type": "object", "required": ["coordinates"], "properties": {
             "coordinates": {"type": "array", "items": {"type": "array", "items": {"type": "number"}}},
             "ids": {"type": "array", "items": {"type": "string", "format": "uuid"}},
             "seen": {"type": "array", "items": {"type": "string", "format": "date-time"}},
             "labels": {"type": "array", "items": {"type": "object", "additionalProperties": {"type": "string"}}},
             "counts": {"type": "object", "additionalProperties": {"type": "object", "additionalProperties": {"type": "integer", "format": "int32"}}},
             "blobs": {"type": "object", "additionalProperties": {"type": "string", "format": "byte"}},
             "links": {"type": "array", "items": {"type": "string", "format": "uri"}},
             "amounts": {"type": "array", "items": {"type": "number", "format": "decimal"}},
             "stamps": {"type": "array", "items": {"type": "array", "items": {"type": "integer", "format": "unix-time"}}},
             "rings": {"type": "array", "items": {"type": "array", "items": {"$ref": "#/components/schemas/Point"}}}}},
           "Point": {"type": "object", "required": ["x"], "properties": {"x": {"type": "number"}}}}}}
        """

    static let expectedFields = [
        "coordinates: [[number]]", "ids: [uuid]", "seen: [date-time]", "labels: [{string}]", "counts: {{int32}}",
        "blobs: {bytes}", "links: [uri]", "amounts: [decimal]", "stamps: [[unix-time]]", "rings: [[Point]]",
    ]

    @Test func realWorldContainersImportWithoutAWarning() throws {
        let (definition, warnings) = try OpenAPIImporter.convert(
            Data(Self.document.utf8), file: "geo.json", serviceName: "Geo")
        #expect(warnings.isEmpty, "\(warnings.map { "\($0.pointer): \($0.message) [\($0.kind)]" })")
        #expect(definition.type(named: "Shape")?.fields.map { "\($0.name): \($0.type)" } == Self.expectedFields)
        let places = try #require(definition.operations.first { $0.name == "putPlaces" })
        #expect(places.parameters.map { "\($0.name): \($0.type)" } == ["ids: [uuid]", "since: [date-time]"])
        #expect(places.parameters[1].explode == false)
        #expect(places.body?.type == .array(.uuid))
        #expect(places.responses.map(\.type) == [.map(.array(.dateTime))])
        let days = try #require(definition.operations.first { $0.name == "getDays" })
        #expect(days.responses.map(\.type) == [.array(.date)])
        let shape = try #require(definition.operations.first { $0.name == "postShape" })
        #expect(shape.responses.map(\.type) == [.array(.array(.number))])
        #expect(DefinitionChecker.check(definition).isEmpty)
    }

    @Test func aNestedArrayParameterIsStillSaidAndDropped() throws {
        let text = """
            {"openapi": "3.0.3", "info": {"title": "T", "version": "1"},
             "paths": {"/x": {"get": {"operationId": "getX",
               "parameters": [
                 {"name": "grid", "in": "query", "schema": {"type": "array", "items": {"type": "array", "items": {"type": "integer"}}}},
                 {"name": "at", "in": "query", "schema": {"type": "array", "items": {"type": "integer", "format": "unix-time"}}}],
               "responses": {"204": {"description": "OK"}}}}}}
            """
        let (definition, warnings) = try OpenAPIImporter.convert(Data(text.utf8), file: "t.json", serviceName: "T")
        let kinds = warnings.map { "\($0.kind): \($0.message)" }
        #expect(
            kinds.contains { $0.contains("array parameters are not supported when their items are [integer]") },
            "\(kinds)")
        #expect(kinds.count == 1, "\(kinds)")
        let parameters = try #require(definition.operations.first?.parameters)
        #expect(!parameters.contains { $0.name == "grid" && $0.type == .array(.array(.integer)) })
        // Unix times stay unix times: whole seconds on the wire, `Date`s in Swift.
        #expect(parameters.first { $0.name == "at" }?.type == .array(.unixTime))
        #expect(DefinitionChecker.check(definition).isEmpty)
    }

    @Test func theyExportAsValidOpenAPIAndImportBackTheSame() throws {
        let (definition, _) = try OpenAPIImporter.convert(
            Data(Self.document.utf8), file: "geo.json", serviceName: "Geo")
        let exported = OpenAPIExporter.document(definition)
        let failure = try OpenAPIExportTests().validate(exported.rendered())
        #expect(failure == nil, "\(failure ?? "")")
        let schema = try #require(exported["components"]?["schemas"]?["Shape"]?["properties"])
        #expect(schema["coordinates"]?["items"]?["items"]?["type"] == .string("number"))
        #expect(schema["counts"]?["additionalProperties"]?["additionalProperties"]?["format"] == .string("int32"))
        let (again, warnings) = try OpenAPIImporter.convert(
            Data(exported.rendered().utf8), file: "geo.openapi.json", serviceName: "Geo")
        #expect(warnings.isEmpty, "\(warnings.map { "\($0.pointer): \($0.message)" })")
        #expect(again.type(named: "Shape")?.fields.map { "\($0.name): \($0.type)" } == Self.expectedFields)
        #expect(again.operations.map(\.parameters) == definition.operations.map(\.parameters))
        #expect(again.operations.map(\.body) == definition.operations.map(\.body))
        #expect(
            again.operations.map { $0.responses.map(\.type) } == definition.operations.map { $0.responses.map(\.type) })
    }

    @Test func theAwkwardContainersExportTheirFormsInBracketNotation() throws {
        let definition = try DefinitionLoader.load(
            path: TestSupport.path("Tests/Fixtures/Definitions/awkward.json"), displayPath: "awkward.json")
        let document = OpenAPIExporter.document(definition)
        let form = try #require(
            document["paths"]?["/containers"]?["put"]?["requestBody"]?["content"]?[
                "application/x-www-form-urlencoded"]?["encoding"])
        for name in ["grid", "labels", "counts", "blobs", "amounts", "schedule", "stamps"] {
            #expect(form[name]?["style"] == .string("deepObject"), "\(name)")
        }
        #expect(form["ids"] == nil)
        let (imported, _) = try OpenAPIImporter.convert(
            Data(document.rendered().utf8), file: "awkward.openapi.json", serviceName: "Awkward")
        let original = try #require(definition.type(named: "Containers")?.fields)
        #expect(imported.type(named: "Containers")?.fields.map(\.type) == original.map(\.type))
        let echo = try #require(imported.operations.first { $0.name == "echoContainerIDs" })
        #expect(echo.body?.type == .array(.uuid))
        #expect(echo.responses.map(\.type) == [.map(.array(.dateTime))])
    }
}

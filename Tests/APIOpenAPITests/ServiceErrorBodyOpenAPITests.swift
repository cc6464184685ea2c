import APIDefinition
import APIOpenAPI
import Foundation
import Testing

/// `"service": {"errorBody": …}` in OpenAPI: the server's own error answers reference the declared
/// schema, the document stays valid, and `apigen import` gives the errorBody back.
@Suite struct ServiceErrorBodyOpenAPITests {
    static func problems() throws -> Definition {
        try DefinitionLoader.load(
            path: TestSupport.path("Tests/Fixtures/Definitions/problems.json"),
            displayPath: "Tests/Fixtures/Definitions/problems.json")
    }

    @Test func theServersOwnAnswersReferenceTheErrorBody() throws {
        let document = OpenAPIExporter.document(try Self.problems())
        #expect(document["x-apigen-error-body"] == .string("TwilioError"))
        let responses = try #require(document["paths"]?["/Messages"]?["post"]?["responses"])
        let statuses = (responses.members ?? []).map(\.key)
        #expect(statuses == ["201", "400", "401", "406", "413", "415"])
        for status in statuses.dropFirst() {
            let content = responses[status]?["content"]?["application/json"]
            #expect(content?["schema"]?["$ref"] == .string("#/components/schemas/TwilioError"), "\(status)")
            #expect(content?["x-apigen-runtime"] == .bool(true))
        }
        let failure = try OpenAPIExportTests().validate(document.rendered())
        #expect(failure == nil, "problems: \(failure ?? "")")
    }

    @Test func withoutAnErrorBodyTheAnswersAreTheRuntimesShape() throws {
        var definition = try Self.problems()
        definition.service.errorBody = nil
        let document = OpenAPIExporter.document(definition)
        #expect(document["x-apigen-error-body"] == nil)
        let schema = document["paths"]?["/Messages"]?["post"]?["responses"]?["400"]?["content"]?["application/json"]?[
            "schema"]
        #expect(schema?["properties"]?["error"] != nil)
    }

    @Test func theErrorBodyImportsBack() throws {
        var original = try Self.problems()
        let (definition, warnings) = try OpenAPIImporter.convert(
            Data(OpenAPIExporter.text(original).utf8), file: "problems.json")
        #expect(definition.service.errorBody == "TwilioError")
        #expect(warnings.isEmpty, "\(warnings)")
        original.file = definition.file
        #expect(definition == original)
    }

    @Test func anErrorBodyExtensionThatNamesNoObjectSchemaIsDroppedWithAWarning() throws {
        for target in ["Missing", "Color"] {
            let text = #"""
                {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "x-apigen-error-body": "\#(target)",
                 "paths": {}, "components": {"schemas": {"Color": {"type": "string", "enum": ["red"]}}}}
                """#
            let (definition, warnings) = try OpenAPIImporter.convert(Data(text.utf8), file: "t.json", serviceName: "T")
            #expect(definition.service.errorBody == nil)
            #expect(warnings.map(\.kind.rawValue) == ["error-body"], "\(warnings)")
            #expect(warnings.first?.pointer == "#/x-apigen-error-body")
        }
    }
}

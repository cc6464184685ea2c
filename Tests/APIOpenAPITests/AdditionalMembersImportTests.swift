import APIDefinition
import APIOpenAPI
import Foundation
import Testing

/// `additionalProperties` beside `properties` of any type, through `apigen import` and `apigen openapi`:
/// a Django REST framework-like document of our own (`Tests/Fixtures/OpenAPI/drf-members.json`) whose
/// error body is fields plus `[string]` members, with members of converted scalars and maps of maps in
/// JSON, form, multipart and XML bodies.
@Suite("OpenAPI members beside the fields")
struct AdditionalMembersImportTests {
    static var document: String {
        (try? String(contentsOfFile: TestSupport.path("Tests/Fixtures/OpenAPI/drf-members.json"), encoding: .utf8))
            ?? ""
    }

    static func imported() throws -> (Definition, [OpenAPIImporter.Warning]) {
        try OpenAPIImporter.convert(Data(document.utf8), file: "drf-members.json", serviceName: "Clinic")
    }

    @Test func typedMembersImportWithoutAWarning() throws {
        let (definition, warnings) = try Self.imported()
        #expect(definition.type(named: "ValidationErrorModel")?.additionalProperties == .array(.string))
        #expect(definition.type(named: "Patient")?.additionalProperties == .dateTime)
        #expect(definition.type(named: "Ward")?.additionalProperties == .map(.integer))
        #expect(DefinitionChecker.check(definition).filter { $0.severity == .error }.isEmpty)
        // Only the deepObject parameter's nested members are not expressible, said where they are.
        let members = warnings.filter { $0.kind.rawValue == "additional-properties" }
        #expect(members.map(\.pointer) == ["#/components/schemas/PatientFilter/additionalProperties"])
        #expect(members.first?.message.contains("deepObject") == true)
        #expect(definition.type(named: "PatientFilter")?.additionalProperties == nil)
        #expect(!warnings.contains { $0.pointer.hasSuffix("Patient/additionalProperties") })
        #expect(!warnings.contains { $0.pointer.hasSuffix("Ward/additionalProperties") })
    }

    @Test func theExportIsValidAndImportsBackTheSame() throws {
        let (definition, _) = try Self.imported()
        let document = OpenAPIExporter.document(definition)
        let schemas = try #require(document["components"]?["schemas"])
        let messages = schemas["ValidationErrorModel"]?["additionalProperties"]
        #expect(messages?["type"] == .string("array"))
        #expect(messages?["items"]?["type"] == .string("string"))
        #expect(schemas["Patient"]?["additionalProperties"]?["format"] == .string("date-time"))
        let failure = try OpenAPIExportTests().validate(document.rendered())
        #expect(failure == nil, "\(failure ?? "")")
        let (again, warnings) = try OpenAPIImporter.convert(
            Data(OpenAPIExporter.text(definition).utf8), file: "clinic.openapi.json")
        #expect(!warnings.contains { $0.kind.rawValue == "additional-properties" }, "\(warnings.map(\.message))")
        for name in ["ValidationErrorModel", "Patient", "Ward"] {
            #expect(again.type(named: name)?.additionalProperties == definition.type(named: name)?.additionalProperties)
        }
    }

    @Test func theAwkwardFixtureExportsItsMembersValidly() throws {
        let definition = try DefinitionLoader.load(path: TestSupport.path("Tests/Fixtures/Definitions/awkward.json"))
        let document = OpenAPIExporter.document(definition)
        let tallies = document["components"]?["schemas"]?["Scoreboard"]?["additionalProperties"]
        #expect(tallies?["type"] == .string("array"))
        #expect(
            tallies?["items"]?["allOf"] == .array([.object([.init("$ref", .string("#/components/schemas/Tally"))])]))
        let (again, _) = try OpenAPIImporter.convert(Data(OpenAPIExporter.text(definition).utf8), file: "a.json")
        for name in ["Scoreboard", "Stamps", "DRFErrors", "Labels"] {
            #expect(again.type(named: name)?.additionalProperties == definition.type(named: name)?.additionalProperties)
        }
    }
}

import APIDefinition
import APIOpenAPI
import Foundation
import Testing

/// `service.access` is not part of the API; it travels through OpenAPI as `x-apigen-access`, so that
/// import gives the definition back, and a definition without it exports none.
@Suite("OpenAPI export and import of the access level")
struct AccessLevelOpenAPITests {
    static func awkward() throws -> Definition {
        try DefinitionLoader.load(path: TestSupport.path("Tests/Fixtures/Definitions/awkward.json"))
    }

    @Test(arguments: AccessLevel.allCases)
    func theAccessLevelRoundTrips(_ level: AccessLevel) throws {
        var definition = try Self.awkward()
        definition.service.access = level
        let document = OpenAPIExporter.document(definition)
        #expect(document["x-apigen-access"] == .string(level.rawValue))
        let (imported, _) = try OpenAPIImporter.convert(Data(document.rendered().utf8), file: "awkward.json")
        #expect(imported.service.access == level)
        // The imported definition, written and loaded again, still says it.
        let written = DefinitionWriter.text(imported, schema: nil)
        let reloaded = try DefinitionLoader.load(data: Data(written.utf8), file: "awkward.json")
        #expect(reloaded.service.access == level)
    }

    @Test func anUnstatedAccessLevelIsNotExported() throws {
        let document = OpenAPIExporter.document(try Self.awkward())
        #expect(document["x-apigen-access"] == nil)
        let (imported, _) = try OpenAPIImporter.convert(Data(document.rendered().utf8), file: "awkward.json")
        #expect(imported.service.access == nil)
        #expect(!DefinitionWriter.text(imported, schema: nil).contains("\"access\""))
    }
}

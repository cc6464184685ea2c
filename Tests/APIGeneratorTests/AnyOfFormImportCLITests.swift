import Foundation
import Testing

/// `apigen import` on Stripe's form patterns (`Tests/Fixtures/OpenAPI/form-unions.json`: emptyable map,
/// object and array, a constant or a number, a oneOf, in a form body) prints no warning, and writes a
/// definition that `apigen lint` accepts and `apigen generate` turns into code.
@Suite struct AnyOfFormImportCLITests {
    @Test func importPrintsNoWarningAndTheDefinitionLints() throws {
        let root = try TestSupport.scratchDirectory()
        try FileManager.default.createDirectory(atPath: root + "/Definitions", withIntermediateDirectories: true)
        let imported = try TestSupport.runApigen(
            [
                "import", TestSupport.path("Tests/Fixtures/OpenAPI/form-unions.json"), "--output",
                "Definitions/unions.json",
            ], in: root)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.isEmpty, "\(imported.stderr)")
        let text = try String(contentsOfFile: root + "/Definitions/unions.json", encoding: .utf8)
        #expect(text.contains(#""variants": ["{string}", "PostSubscriptionsBodyMetadataVariant2"]"#), "\(text)")
        #expect(text.contains(#""variants": ["[string]", "PostSubscriptionsBodyCouponsVariant2"]"#), "\(text)")
        #expect(text.contains(#""application/x-www-form-urlencoded""#), "\(text)")
        let lint = try TestSupport.runApigen(["lint", "Definitions/unions.json"], in: root)
        #expect(lint.status == 0 && !lint.stderr.contains("warning"), "\(lint.stdout)\(lint.stderr)")
    }
}

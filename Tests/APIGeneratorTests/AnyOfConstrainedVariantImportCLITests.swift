import Foundation
import Testing

/// `apigen import` on Stripe's expandable and time fields (`Tests/Fixtures/OpenAPI/expandable-fields.json`)
/// prints no warning, and writes a definition with the alternatives' constraints and formats that `apigen
/// lint` accepts.
@Suite struct AnyOfConstrainedVariantImportCLITests {
    @Test func importPrintsNoWarningAndKeepsConstraintsAndFormats() throws {
        let root = try TestSupport.scratchDirectory()
        try FileManager.default.createDirectory(atPath: root + "/Definitions", withIntermediateDirectories: true)
        let imported = try TestSupport.runApigen(
            [
                "import", TestSupport.path("Tests/Fixtures/OpenAPI/expandable-fields.json"), "--output",
                "Definitions/expandable.json",
            ], in: root)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.isEmpty, "\(imported.stderr)")
        let text = try String(contentsOfFile: root + "/Definitions/expandable.json", encoding: .utf8)
        #expect(
            text.contains(
                """
                      "variants": [
                        {
                          "type": "string",
                          "maxLength": 5000
                        },
                        "customer",
                        "deleted_customer"
                      ]
                """), "\(text)")
        #expect(text.contains(#""variants": ["PostSubscriptionBodyTrialEndVariant1", "unix-time"]"#), "\(text)")
        #expect(text.contains(#""variants": ["uuid", "uri", "bytes", "date"]"#), "\(text)")
        let lint = try TestSupport.runApigen(["lint", "Definitions/expandable.json"], in: root)
        #expect(lint.status == 0 && !lint.stderr.contains("warning"), "\(lint.stdout)\(lint.stderr)")
    }
}

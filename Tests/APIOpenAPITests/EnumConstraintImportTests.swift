import APIDefinition
import APIOpenAPI
import Foundation
import Testing

/// A length or pattern on a string enum that every value meets (Stripe writes `maxLength: 5000` on its
/// enums) says nothing the enum does not: it imports without a warning. One that some value breaks is
/// still said to be dropped.
@Suite("Constraints on enums in OpenAPI import")
struct EnumConstraintImportTests {
    @Test func constraintsEveryValueMeetsGoUnsaid() throws {
        let document = #"""
            {"openapi": "3.0.0", "info": {"title": "E", "version": "1"}, "servers": [{"url": "https://e.example.com"}],
             "paths": {}, "components": {"schemas": {"T": {"type": "object", "properties": {
               "status": {"type": "string", "enum": ["active", "canceled"], "maxLength": 5000, "minLength": 1},
               "letters": {"type": "string", "enum": ["ab", "ac"], "pattern": "^a"},
               "short": {"type": "string", "enum": ["active", "canceled"], "maxLength": 3},
               "other": {"type": "string", "enum": ["ab", "b"], "pattern": "^a"}
             }}}}}
            """#
        let (definition, warnings) = try OpenAPIImporter.convert(Data(document.utf8), file: "e.json")
        #expect(
            warnings.map { "\($0.pointer) [\($0.kind)]" } == [
                "#/components/schemas/T/properties/short/maxLength [constraint]",
                "#/components/schemas/T/properties/other/pattern [constraint]",
            ])
        guard case .object(let fields)? = definition.type(named: "T")?.kind else {
            Issue.record("T is not an object")
            return
        }
        #expect(fields.allSatisfy { $0.constraints.isEmpty })
        #expect(fields.allSatisfy { if case .named = $0.type { true } else { false } })
    }
}

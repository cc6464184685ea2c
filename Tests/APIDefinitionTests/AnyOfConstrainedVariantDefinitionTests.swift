import APIDefinition
import Foundation
import Testing

/// anyOf alternatives with constraints (`{ "type": "string", "maxLength": 5000 }`) and converted scalars
/// (`date-time`, `unix-time`, …): loading, located diagnostics for misplaced constraints, Swift names,
/// `apigen diff`.
@Suite("anyOf constrained and converted-scalar variants")
struct AnyOfConstrainedVariantDefinitionTests {
    func load(_ variants: String) throws(DiagnosticList) -> Definition {
        try DefinitionLoader.load(
            data: Data(AnyOfDefinitionTests.definition(variants: variants).utf8), file: "demo.json")
    }

    func variants(_ text: String) throws -> [AnyOfVariant] {
        guard case .anyOf(let variants)? = try load(text).type(named: "U")?.kind else {
            Issue.record("U is not an anyOf")
            return []
        }
        return variants
    }

    /// The errors, as `line path: message`.
    func problems(_ variants: String) -> [String] {
        AnyOfDefinitionTests().problems(AnyOfDefinitionTests.definition(variants: variants))
    }

    @Test func constraintsLoadOnAPrimitiveVariant() throws {
        let loaded = try variants(
            #"{ "type": "string", "swiftName": "id", "maxLength": 5000, "minLength": 3, "pattern": "^cus_" }, { "type": "integer", "minimum": 0, "maximum": 9 }, "Cat""#
        )
        #expect(loaded[0].constraints == Constraints(minLength: 3, maxLength: 5000, pattern: "^cus_"))
        #expect(loaded[1].constraints == Constraints(minimum: 0, maximum: 9))
        #expect(loaded[2].constraints.isEmpty)
    }

    @Test func convertedScalarsAreVariantsWithReadableDistinctNames() throws {
        let loaded = try variants(#""date-time", "unix-time", "uuid", "date", "bytes", "decimal", "uri", "string""#)
        #expect(
            loaded.map(Naming.variantProperty) == [
                "dateTime", "unixTime", "uuid", "date", "bytes", "decimal", "uri", "string",
            ])
        #expect(loaded.map(\.type) == [.dateTime, .unixTime, .uuid, .date, .bytes, .decimal, .uri, .string])
    }

    @Test func misplacedOrContradictoryConstraintsAreLocatedErrors() {
        #expect(
            problems(#""Cat", { "type": "integer", "maxLength": 3 }"#) == [
                "9 types[4].variants[1].maxLength: 'maxLength' applies to strings, not to 'integer'"
            ])
        #expect(
            problems(#"{ "type": "Cat", "minimum": 1 }, "string""#) == [
                "9 types[4].variants[0].minimum: 'minimum' applies to numbers, not to 'Cat'"
            ])
        #expect(
            problems(#""Cat", { "type": "date-time", "pattern": "^2" }"#) == [
                "9 types[4].variants[1].pattern: 'pattern' applies to strings, not to 'date-time'"
            ])
        #expect(
            problems(#""Cat", { "type": "string", "minLength": 5, "maxLength": 2 }"#) == [
                "9 types[4].variants[1].minLength: minLength 5 is greater than maxLength 2: no value can satisfy both"
            ])
        #expect(
            problems(#""Cat", { "type": "integer", "minimum": 1.5 }"#) == [
                "9 types[4].variants[1].minimum: 'minimum' of an integer must be a whole number"
            ])
        #expect(
            problems(#""Cat", { "type": "string", "pattern": "(" }"#) == [
                "9 types[4].variants[1].pattern: '(' is not a valid regular expression"
            ])
        // Array constraints are not among a variant's keys.
        let unknown = problems(#""Cat", { "type": "[string]", "minItems": 1 }"#)
        #expect(
            unknown.count == 1 && unknown[0].contains("types[4].variants[1]") && unknown[0].contains("minItems"),
            "\(unknown)")
        // A container of a converted scalar is still not a variant.
        #expect(
            problems(#""Cat", { "type": "[uuid]", "swiftName": "ids" }"#).first?.contains(
                "an array or map anyOf variant holds") == true)
    }

    @Test func diffClassifiesAVariantsConstraints() throws {
        let before = try load(#""Cat", { "type": "string", "maxLength": 10, "pattern": "^a" }"#)
        let narrowed = try load(#""Cat", { "type": "string", "maxLength": 5, "minLength": 1, "pattern": "^a" }"#)
        let relaxed = try load(#""Cat", { "type": "string", "maxLength": 20 }"#)
        func changes(_ old: Definition, _ new: Definition) -> [String] {
            DefinitionDiff(old: old, new: new).changes.map { "\($0.impact.rawValue) \($0.path): \($0.message)" }
        }
        #expect(
            changes(before, narrowed) == [
                "breaking-wire types.U.variants.string: minLength narrowed from none to 1",
                "breaking-wire types.U.variants.string: maxLength narrowed from 10 to 5",
            ])
        #expect(
            changes(before, relaxed) == [
                "additive types.U.variants.string: maxLength relaxed from 10 to 20",
                "additive types.U.variants.string: pattern changed from ^a to none",
            ])
        #expect(changes(before, before).isEmpty)
    }
}

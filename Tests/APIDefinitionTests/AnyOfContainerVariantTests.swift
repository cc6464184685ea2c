import APIDefinition
import Foundation
import Testing

/// Arrays and maps as anyOf variants (`[string]`, `{Cat}`): what loads, and the located errors for what
/// an array or map variant cannot hold.
@Suite("anyOf array and map variants")
struct AnyOfContainerVariantTests {
    func problems(_ variants: String) -> [String] {
        do {
            _ = try DefinitionLoader.load(
                data: Data(AnyOfDefinitionTests.definition(variants: variants).utf8), file: "demo.json")
            return []
        } catch {
            return error.diagnostics.filter { $0.severity == .error }.map {
                "\($0.line.map(String.init) ?? "-") \($0.path): \($0.message)"
            }
        }
    }

    @Test func arraysAndMapsOfObjectsEnumsOneOfsAndPrimitivesLoad() throws {
        let text = AnyOfDefinitionTests.definition(
            variants:
                #"{ "type": "[string]", "swiftName": "ids" }, { "type": "{Cat}", "swiftName": "cats" }, "Unset", { "type": "[Pet]", "swiftName": "pets" }, { "type": "{Unset}", "swiftName": "unsets" }, { "type": "[int64]", "swiftName": "numbers" }"#
        )
        let definition = try DefinitionLoader.load(data: Data(text.utf8), file: "demo.json")
        guard case .anyOf(let variants)? = definition.type(named: "U")?.kind else {
            Issue.record("U is not an anyOf")
            return
        }
        #expect(
            variants.map(\.type) == [
                .array(.string), .map(.named("Cat")), .named("Unset"), .array(.named("Pet")), .map(.named("Unset")),
                .array(.int64),
            ])
    }

    @Test func whatAnArrayOrMapVariantCannotHoldIsALocatedError() {
        for type in ["[json]", "{json}", "[date-time]", "[uuid]", "{bytes}"] {
            #expect(
                problems(#""Cat", { "type": "\#(type)", "swiftName": "other" }"#) == [
                    "9 types[4].variants[1]: an array or map anyOf variant holds a declared object, enum or oneOf type or one of string, integer, int32, int64, number, boolean; '\(type)' does not"
                ], "\(type)")
        }
        // An array or map variant's Swift property: `[string]` → `stringArray`, `{Cat}` → `catMap`.
        #expect(problems(#""string", "[string]", "{Cat}""#).isEmpty)
        #expect(
            problems(#""string", "[string]", { "type": "Cat", "swiftName": "stringArray" }"#) == [
                "9 types[4].variants[2]: 'Cat' and '[string]' (types[4].variants[1]) both become the Swift property name 'stringArray'; rename one or give it a 'swiftName'"
            ])
        // Undeclared element type.
        #expect(
            problems(#""Cat", { "type": "[Cow]", "swiftName": "cows" }"#).first?.contains("types[4].variants[1]")
                == true)
    }

    @Test func anArrayOfAnAnyOfIsRefused() {
        let text = AnyOfDefinitionTests.definition(
            variants: #""Cat", { "type": "[V]", "swiftName": "vs" }"#,
            extraTypes: #", { "name": "V", "kind": "anyOf", "variants": ["Dog", "string"] }"#)
        do {
            _ = try DefinitionLoader.load(data: Data(text.utf8), file: "demo.json")
            Issue.record("expected an error")
        } catch {
            #expect(
                error.diagnostics.map { "\($0.path): \($0.message)" } == [
                    "types[4].variants[1]: an anyOf variant cannot be an array or map of an anyOf ('[V]')"
                ])
        }
    }

    @Test func diffClassifiesArrayAndMapVariantsByTheirType() throws {
        func load(_ variants: String) throws -> Definition {
            try DefinitionLoader.load(
                data: Data(AnyOfDefinitionTests.definition(variants: variants).utf8), file: "demo.json")
        }
        func changes(_ old: Definition, _ new: Definition) -> [String] {
            DefinitionDiff(old: old, new: new).changes.map { "\($0.impact.rawValue) \($0.path): \($0.message)" }
        }
        let before = try load(#""Unset", "[string]""#)
        #expect(
            changes(before, try load(#""Unset", "[string]", "{Cat}""#)) == [
                "additive types.U.variants.{Cat}: alternative added (a new optional property)"
            ])
        #expect(
            changes(before, try load(#""Unset", "[integer]""#)) == [
                "breaking-wire types.U.variants.[string]: alternative removed",
                "additive types.U.variants.[integer]: alternative added (a new optional property)",
            ])
        #expect(
            changes(before, try load(#""Unset", { "type": "[string]", "swiftName": "ids" }"#)) == [
                "breaking-source types.U.variants.[string]: Swift name changed from stringArray to ids"
            ])
    }

    @Test func aVariantCannotTakeTheTextTreeCodingMethodsName() {
        #expect(
            problems(#""Cat", { "type": "string", "swiftName": "textTree" }"#).first?.contains(
                "the XML and form coding method textTree()") == true)
    }
}

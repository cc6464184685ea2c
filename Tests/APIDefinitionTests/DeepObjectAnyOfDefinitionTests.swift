import APIDefinition
import Foundation
import Testing

/// An anyOf as a deepObject parameter's own type: accepted when its alternatives are flat objects,
/// enums and primitives; any other alternative is a located error at the parameter.
@Suite("deepObject anyOf definitions")
struct DeepObjectAnyOfDefinitionTests {
    static func definition(variants: String, style: String = #""style": "deepObject""#) -> String {
        """
        {
          "formatVersion": 1,
          "service": { "name": "Demo" },
          "types": [
            { "name": "Range", "kind": "object", "fields": [{ "name": "gte", "type": "integer", "required": false }] },
            { "name": "Deep", "kind": "object", "fields": [{ "name": "range", "type": "Range" }] },
            { "name": "Word", "kind": "enum", "values": ["now"] },
            { "name": "One", "kind": "oneOf", "variants": ["Range", "Deep"] },
            { "name": "Filter", "kind": "anyOf", "variants": \(variants) }
          ],
          "operations": [
            { "name": "list", "method": "GET", "path": "/t",
              "parameters": [{ "name": "created", "in": "query", "type": "Filter", "required": false, \(style) }],
              "responses": [{ "status": 204 }] }
          ]
        }
        """
    }

    func problems(_ text: String) -> [String] {
        do {
            _ = try DefinitionLoader.load(data: Data(text.utf8), file: "demo.json")
            return []
        } catch {
            return error.diagnostics.map { "\($0.path): \($0.message)" }
        }
    }

    @Test func flatObjectsEnumsAndPrimitivesAreAccepted() {
        #expect(problems(Self.definition(variants: #"["Range", "Word", "integer"]"#)) == [])
    }

    @Test func otherAlternativesAreLocatedErrors() {
        #expect(
            problems(Self.definition(variants: #"["Deep", "integer"]"#)) == [
                "operations[0].parameters[0].type: a deepObject parameter's type has only primitive and enum fields, neither nullable nor const; 'Deep.range' (field 0) is not"
            ])
        #expect(
            problems(Self.definition(variants: #"["One", "integer"]"#)) == [
                "operations[0].parameters[0].type: a deepObject parameter's anyOf has flat objects, enums and primitives as alternatives; 'One' is not one"
            ])
    }

    @Test func withoutDeepObjectAnAnyOfIsNoParameter() {
        #expect(
            problems(Self.definition(variants: #"["Range", "integer"]"#, style: #""explode": true"#)) == [
                "operations[0].parameters[0].type: a parameter must be a primitive, an enum or an array of them"
            ])
    }
}

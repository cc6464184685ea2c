import APIDefinition
import Foundation
import Testing

/// `items` (an array's) and `values` (a map's) constraints in definitions: loading, located diagnostics
/// for misuse at the element's own path, a bound on their nesting, and `apigen diff`.
@Suite("Item constraint definitions")
struct ItemConstraintsDefinitionTests {
    static func definition(field: String, parameter: String = #""type": "[integer]""#) -> String {
        """
        {
          "formatVersion": 1,
          "service": { "name": "Demo" },
          "types": [{ "name": "T", "kind": "object", "fields": [{ "name": "f", \(field) }] }],
          "operations": [
            { "name": "list", "method": "GET", "path": "/t",
              "parameters": [{ "name": "q", "in": "query", "required": false, \(parameter) }],
              "responses": [{ "status": 200, "type": "T" }] }
          ]
        }
        """
    }

    func load(_ text: String) throws(DiagnosticList) -> Definition {
        try DefinitionLoader.load(data: Data(text.utf8), file: "demo.json")
    }

    func problems(_ text: String) -> [String] {
        do {
            _ = try load(text)
            return []
        } catch {
            return error.diagnostics.map { "\($0.path): \($0.message)" }
        }
    }

    func field(_ definition: Definition) -> Field? {
        guard case .object(let fields)? = definition.type(named: "T")?.kind else { return nil }
        return fields.first
    }

    @Test func itemsAndValuesLoadAsTheElementsConstraints() throws {
        let array = try load(
            Self.definition(
                field: #""type": "[string]", "maxItems": 3, "items": { "minLength": 1, "pattern": "^a" }"#,
                parameter: #""type": "[integer]", "items": { "minimum": 0, "maximum": 9 }"#))
        #expect(
            field(array)?.constraints
                == Constraints(maxItems: 3, items: Constraints(minLength: 1, pattern: "^a")))
        #expect(array.operations[0].parameters[0].constraints == Constraints(items: Constraints(minimum: 0, maximum: 9)))
        let map = try load(Self.definition(field: #""type": "{number}", "values": { "maximum": 1.5 }"#))
        #expect(field(map)?.constraints == Constraints(values: Constraints(maximum: 1.5)))
    }

    @Test(arguments: [
        (
            #""type": "string", "items": { "maxLength": 3 }"#,
            "types[0].fields[0].items: 'items' applies to arrays, not to 'string'"
        ),
        (
            #""type": "{string}", "items": { "maxLength": 3 }"#,
            "types[0].fields[0].items: 'items' applies to arrays, not to '{string}'"
        ),
        (
            #""type": "[string]", "values": { "maxLength": 3 }"#,
            "types[0].fields[0].values: 'values' applies to maps, not to '[string]'"
        ),
        (
            #""type": "[string]", "items": { "minimum": 3 }"#,
            "types[0].fields[0].items.minimum: 'minimum' applies to numbers, not to 'string'"
        ),
        (
            #""type": "[integer]", "items": { "minimum": 1.5 }"#,
            "types[0].fields[0].items.minimum: 'minimum' of an integer must be a whole number"
        ),
        (
            #""type": "{string}", "values": { "minLength": 5, "maxLength": 2 }"#,
            "types[0].fields[0].values.minLength: minLength 5 is greater than maxLength 2: no value can satisfy both"
        ),
        (
            #""type": "[string]", "items": { "pattern": "(" }"#,
            "types[0].fields[0].items.pattern: '(' is not a valid regular expression"
        ),
        (
            #""type": "[string]", "items": { "items": { "maxLength": 1 } }"#,
            "types[0].fields[0].items.items: 'items' applies to arrays, not to 'string'"
        ),
        (
            #""type": "[string]", "items": { "maxLengh": 1 }"#,
            "types[0].fields[0].items.maxLengh: unknown key 'maxLengh' in the constraints on an array's items (did you mean 'maxLength'?)"
        ),
        (
            #""type": "[string]", "items": 5"#,
            "types[0].fields[0].items: expected the constraints on an array's items (an object), found an integer"
        ),
    ])
    func misuseIsLocatedAtTheElementsPath(field: String, expected: String) {
        #expect(problems(Self.definition(field: field)) == [expected])
    }

    @Test func aParameterSaysTheSame() {
        #expect(
            problems(Self.definition(field: #""type": "string""#, parameter: #""type": "integer", "items": {}"#))
                == ["operations[0].parameters[0].items: 'items' applies to arrays, not to 'integer'"])
    }

    @Test func nestingIsBoundedSoAHostileFileCannotRecurseWithoutEnd() {
        let depth = 100  // under the JSON reader's own bound (512), over the 16 levels a type can nest
        let nested = String(repeating: #"{ "items": "#, count: depth) + "{}" + String(repeating: " }", count: depth)
        let found = problems(Self.definition(field: #""type": "[string]", "items": \#(nested)"#))
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.hasSuffix("constraints nest deeper than 16 levels: no type nests so deep") == true, "\(found)")
    }

    @Test func diffClassifiesElementConstraintsLikeTheValuesOwn() throws {
        let old = try load(Self.definition(field: #""type": "[string]", "items": { "maxLength": 10 }"#))
        let narrowed = try load(Self.definition(field: #""type": "[string]", "items": { "maxLength": 5 }"#))
        let relaxed = try load(Self.definition(field: #""type": "[string]""#))
        func changes(_ a: Definition, _ b: Definition) -> [String] {
            DefinitionDiff(old: a, new: b).changes.map { "\($0.impact.rawValue) \($0.path): \($0.message)" }
        }
        #expect(changes(old, narrowed) == ["breaking-wire types.T.f.items: maxLength narrowed from 10 to 5"])
        #expect(changes(old, relaxed) == ["additive types.T.f.items: maxLength relaxed from 10 to none"])
    }
}

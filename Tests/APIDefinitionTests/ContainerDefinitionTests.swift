import APIDefinition
import Foundation
import Testing

/// Arrays and maps of any element in definitions: nested containers and containers of converted
/// scalars load and check for fields, bodies and answers; parameters stay flat lists (located errors);
/// `apigen diff` sees a change deep inside.
@Suite("Container definitions")
struct ContainerDefinitionTests {
    func problems(_ text: String) -> [String] {
        do {
            _ = try DefinitionLoader.load(data: Data(text.utf8), file: "demo.json")
            return []
        } catch {
            return error.diagnostics.map { "\($0.path): \($0.message)" }
        }
    }

    func load(_ text: String) throws -> Definition {
        try DefinitionLoader.load(data: Data(text.utf8), file: "demo.json")
    }

    static func definition(field: String, parameter: String = #""type": "string""#, body: String = #""type": "T""#)
        -> String
    {
        """
        {
          "formatVersion": 1,
          "service": { "name": "Demo" },
          "types": [
            { "name": "T", "kind": "object", "fields": [{ "name": "f", \(field) }] },
            { "name": "Cell", "kind": "object", "fields": [{ "name": "name", "type": "string" }] },
            { "name": "Level", "kind": "enum", "values": ["low", "high"] }
          ],
          "operations": [
            { "name": "put", "method": "PUT", "path": "/t",
              "parameters": [{ "name": "p", "in": "query", "required": false, \(parameter) }],
              "body": { \(body) },
              "responses": [{ "status": 200, \(body) }] }
          ]
        }
        """
    }

    @Test(arguments: [
        "[[number]]", "[{string}]", "{{integer}}", "{[[string]]}", "{[{boolean}]}", "[uuid]", "{uuid}", "[date-time]",
        "{[date-time]}", "[[bytes]]", "{decimal}", "[uri]", "[[unix-time]]", "[[Cell]]", "{{Cell}}", "[{Level}]",
        "[[json]]", "[[date]]", "[[[[[[string]]]]]]",
    ])
    func anyNestingIsAFieldType(type: String) throws {
        #expect(problems(Self.definition(field: #""type": "\#(type)""#)) == [], "\(type)")
        let definition = try load(Self.definition(field: #""type": "\#(type)""#))
        #expect(definition.types[0].fields[0].type.description == type)
    }

    @Test(arguments: [
        "[uuid]", "{[date-time]}", "[[number]]", "{[Cell]}", "[[Cell]]", "[{unix-time}]", "{{json}}", "[date]",
        "{[date]}",
    ])
    func anyNestingIsABodyAndAnAnswer(type: String) {
        #expect(problems(Self.definition(field: #""type": "string""#, body: #""type": "\#(type)""#)) == [], "\(type)")
    }

    @Test func bareConvertedScalarsAreNoBodies() {
        for type in ["date", "uuid", "unix-time"] {
            #expect(
                problems(Self.definition(field: #""type": "string""#, body: #""type": "\#(type)""#)).contains {
                    $0.hasPrefix("operations[0].body.type: a body must be a declared type")
                }, "\(type)")
        }
    }

    @Test(arguments: ["[uuid]", "[date-time]", "[bytes]", "[decimal]", "[uri]", "[date]", "[Level]"])
    func flatArraysOfScalarsAreParameters(type: String) {
        #expect(problems(Self.definition(field: #""type": "string""#, parameter: #""type": "\#(type)""#)) == [])
    }

    @Test(arguments: ["[[string]]", "[{string}]", "[[uuid]]", "{string}"])
    func nestedParametersAreRefusedWhereTheyAre(type: String) {
        #expect(
            problems(Self.definition(field: #""type": "string""#, parameter: #""type": "\#(type)""#)) == [
                "operations[0].parameters[0].type: a parameter is a primitive, an enum, an array of them, or (deepObject) a flat object; maps, json and nested arrays cannot be expressed: a parameter is a flat list of values"
            ], "\(type)")
    }

    @Test func unixTimeParametersAreListsOfSeconds() {
        #expect(problems(Self.definition(field: #""type": "string""#, parameter: #""type": "[unix-time]""#)) == [])
    }

    @Test func constraintsApplyToTheOuterContainer() {
        #expect(problems(Self.definition(field: #""type": "[[number]]", "minItems": 1, "maxItems": 3"#)) == [])
        #expect(
            problems(Self.definition(field: #""type": "[[number]]", "minimum": 1"#)) == [
                "types[0].fields[0].minimum: 'minimum' applies to numbers, not to '[[number]]'"
            ])
    }

    @Test func malformedNestingIsLocated() {
        for type in ["[[string]", "{[string}]", "[]", "[[]]"] {
            #expect(
                problems(Self.definition(field: #""type": "\#(type)""#)).contains {
                    $0.hasPrefix("types[0].fields[0].type:")
                }, "\(type)")
        }
    }

    @Test(arguments: [
        ("[[number]]", "[[integer]]"), ("[uuid]", "[string]"), ("{[date-time]}", "{[unix-time]}"),
        ("[{string}]", "[[string]]"), ("[[Cell]]", "[Cell]"),
    ])
    func aChangeDeepInsideIsBreakingAsForOneLevel(from: String, to: String) throws {
        let changes = DefinitionDiff(
            old: try load(Self.definition(field: #""type": "\#(from)""#)),
            new: try load(Self.definition(field: #""type": "\#(to)""#))
        ).changes.map { "\($0.impact.rawValue) \($0.path): \($0.message)" }
        #expect(changes == ["breaking-wire types.T.f: type changed from \(from) to \(to)"])
    }
}

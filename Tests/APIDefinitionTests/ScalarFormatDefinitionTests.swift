import APIDefinition
import Foundation
import Testing

/// The scalar formats `date`, `bytes`, `decimal`, `uri` and `unix-time` in definitions: loading,
/// located diagnostics for misuse, defaults that must be values of the type, `apigen diff`.
@Suite("Scalar format definitions")
struct ScalarFormatDefinitionTests {
    /// A definition whose one field is `field` (a JSON object's members) and whose one parameter is `parameter`.
    static func definition(field: String, parameter: String = #""type": "date""#) -> String {
        """
        {
          "formatVersion": 1,
          "service": { "name": "Demo" },
          "types": [{ "name": "T", "kind": "object", "fields": [{ "name": "f", \(field) }] }],
          "operations": [
            { "name": "get", "method": "GET", "path": "/t/{p}",
              "parameters": [{ "name": "p", "in": "path", \(parameter) }],
              "responses": [{ "status": 200, "type": "T" }] }
          ]
        }
        """
    }

    func load(_ text: String) throws(DiagnosticList) -> Definition {
        try DefinitionLoader.load(data: Data(text.utf8), file: "demo.json")
    }

    /// The diagnostics' paths and messages, without file positions.
    func problems(_ text: String) -> [String] {
        do {
            _ = try load(text)
            return []
        } catch {
            return error.diagnostics.map { "\($0.path): \($0.message)" }
        }
    }

    @Test(arguments: [
        ("date", TypeRef.date), ("bytes", .bytes), ("decimal", .decimal), ("uri", .uri), ("unix-time", .unixTime),
        ("[date]", .array(.date)), ("{date}", .map(.date)),
    ])
    func theNamesLoadAsTheirTypes(name: String, type: TypeRef) throws {
        #expect(TypeRef.parse(name) == type)
        #expect(type.description == name)
        let definition = try load(Self.definition(field: #""type": "\#(name)""#))
        guard case .object(let fields)? = definition.type(named: "T")?.kind else {
            Issue.record("T is not an object")
            return
        }
        #expect(fields.map(\.type) == [type])
    }

    @Test(arguments: [
        (#""type": "date", "required": false, "default": "2026-12-01""#, true),
        (#""type": "date", "required": false, "default": "2026-02-30""#, false),
        (#""type": "date", "required": false, "default": "2026-12-01T00:00:00Z""#, false),
        (#""type": "bytes", "required": false, "default": "aGVsbG8=""#, true),
        (#""type": "bytes", "required": false, "default": "aGVsbG8""#, false),
        (#""type": "uri", "required": false, "default": "https://example.com""#, true),
        (#""type": "uri", "required": false, "default": "example.com""#, false),
        (#""type": "decimal", "required": false, "default": 12.5"#, true),
        (#""type": "decimal", "required": false, "default": "12.5""#, false),
        (#""type": "unix-time", "required": false, "default": 1785340800"#, true),
        (#""type": "unix-time", "required": false, "default": 253402300800"#, false),
        (#""type": "unix-time", "required": false, "default": 1.5"#, false),
    ])
    func defaultsMustBeValuesOfTheType(field: String, valid: Bool) {
        let found = problems(Self.definition(field: field))
        if valid {
            #expect(found == [])
        } else {
            #expect(found.count == 1)
            #expect(found.first?.hasPrefix("types[0].fields[0].default: default ") == true, "\(found)")
        }
    }

    @Test func misuseIsLocated() {
        #expect(
            problems(Self.definition(field: #""type": "date", "maxLength": 10"#)) == [
                "types[0].fields[0].maxLength: 'maxLength' applies to strings, not to 'date'"
            ])
        #expect(
            problems(Self.definition(field: #""type": "decimal", "minimum": 0"#)) == [
                "types[0].fields[0].minimum: 'minimum' applies to numbers, not to 'decimal'"
            ])
        #expect(
            problems(Self.definition(field: #""type": "uri", "const": "https://example.com""#)) == [
                "types[0].fields[0].const: 'const' applies to strings, numbers, booleans and enums, not to 'uri'"
            ])
        // Arrays and maps of the converted scalars are fields like any other.
        #expect(problems(Self.definition(field: #""type": "[bytes]""#)) == [])
        for type in ["date", "bytes", "decimal", "uri", "unix-time"] {
            #expect(problems(Self.definition(field: #""type": "string""#, parameter: #""type": "\#(type)""#)) == [])
        }
    }

    @Test(arguments: [("date", "date-time"), ("unix-time", "int64"), ("decimal", "number"), ("uri", "string"), ("bytes", "string")])
    func changingBetweenThemIsBreaking(from: String, to: String) throws {
        let changes = DefinitionDiff(
            old: try load(Self.definition(field: #""type": "\#(from)""#)),
            new: try load(Self.definition(field: #""type": "\#(to)""#))
        ).changes.map { "\($0.impact.rawValue) \($0.path): \($0.message)" }
        #expect(changes == ["breaking-wire types.T.f: type changed from \(from) to \(to)"])
    }
}

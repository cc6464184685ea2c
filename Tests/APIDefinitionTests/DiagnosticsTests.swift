import APIDefinition
import Foundation
import Testing

/// Loading and checking: every malformed definition gets located diagnostics, all of them at once.
@Suite("Definition diagnostics")
struct DiagnosticsTests {
    /// A valid minimal definition to break in one place at a time.
    static let valid = """
        {
          "formatVersion": 1,
          "service": { "name": "Demo", "baseURL": "https://demo.test/v1" },
          "auth": [{ "name": "jwt", "kind": "bearer" }],
          "types": [
            { "name": "Item", "kind": "object", "fields": [
              { "name": "item_id", "type": "string", "maxLength": 10 },
              { "name": "count", "type": "integer", "required": false }
            ] }
          ],
          "operations": [
            { "name": "getItem", "method": "GET", "path": "/items/{item_id}", "auth": ["jwt"],
              "parameters": [{ "name": "item_id", "in": "path", "type": "string" }],
              "responses": [{ "status": 200, "type": "Item" }] }
          ]
        }
        """

    func diagnostics(_ text: String) -> [String] {
        do {
            _ = try DefinitionLoader.load(data: Data(text.utf8), file: "demo.json")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    func breaking(_ old: String, _ new: String) -> [String] {
        precondition(Self.valid.contains(old), "\(old) is not in the valid definition")
        return diagnostics(Self.valid.replacingOccurrences(of: old, with: new))
    }

    @Test func theValidDefinitionLoads() throws {
        let definition = try DefinitionLoader.load(data: Data(Self.valid.utf8), file: "demo.json")
        #expect(definition.service.name == "Demo")
        #expect(definition.types[0].fields.map(\.name) == ["item_id", "count"])
        #expect(definition.types[0].fields[1].required == false)
        #expect(definition.operations[0].auth == [["jwt"]])
    }

    @Test func invalidJSONIsLocated() {
        #expect(
            breaking(#""kind": "bearer" }"#, #""kind": "bearer", }"#)
                == ["demo.json:4:47: error: invalid JSON: expected a quoted key"])
        #expect(
            diagnostics("{\n  \"a\": tru\n}") == [
                "demo.json:2:8: error: invalid JSON: invalid literal; expected 'true'"
            ])
        #expect(diagnostics("") == ["demo.json:1:1: error: invalid JSON: unexpected end of file; expected a value"])
    }

    @Test func booleansAndNumbersAreToldApart() {
        #expect(
            breaking(#""required": false"#, #""required": 0"#)
                == [
                    "demo.json:8:57: error: types[0].fields[1].required: expected a boolean (true or false), found an integer"
                ])
        #expect(
            breaking(#""formatVersion": 1"#, #""formatVersion": true"#)
                == ["demo.json:2:20: error: formatVersion: expected an integer, found a boolean"])
        #expect(
            breaking(#""maxLength": 10"#, #""maxLength": 10.5"#)
                == ["demo.json:7:59: error: types[0].fields[0].maxLength: expected an integer, found a number"])
    }

    @Test func missingAndUnknownKeys() {
        #expect(
            breaking(#""name": "Demo", "#, "")
                == ["demo.json:3:14: error: service: missing required key 'name' in the service"])
        #expect(
            breaking(#""maxLength": 10"#, #""maxLenght": 10"#)
                == [
                    "demo.json:7:46: error: types[0].fields[0].maxLenght: unknown key 'maxLenght' in a field (did you mean 'maxLength'?)"
                ])
    }

    @Test func unknownTypesAreSuggested() {
        #expect(
            breaking(#""type": "integer""#, #""type": "integr""#)
                == ["demo.json:8:34: error: types[0].fields[1].type: unknown type 'integr' (did you mean 'integer'?)"])
        #expect(
            breaking(#""type": "Item" }"#, #""type": "Itme" }"#)
                == [
                    "demo.json:14:46: error: operations[0].responses[0].type: unknown type 'Itme' (did you mean 'Item'?)"
                ])
    }

    @Test func duplicatesAndSwiftNameCollisions() {
        #expect(
            breaking(#""name": "count""#, #""name": "item_id""#)
                == [
                    "demo.json:8:17: error: types[0].fields[1].name: duplicate field 'item_id' (first declared at types[0].fields[0].name)"
                ])
        #expect(
            breaking(#""name": "count""#, #""name": "itemId""#)
                == [
                    "demo.json:8:17: error: types[0].fields[1].name: 'itemId' and 'item_id' (types[0].fields[0].name) both become the Swift property name 'itemID'; rename one or give it a 'swiftName'"
                ])
    }

    @Test func pathTemplatesMustMatchPathParameters() {
        #expect(
            breaking(#""/items/{item_id}""#, #""/items/{id}""#)
                == [
                    "demo.json:12:51: error: operations[0].path: the path template uses '{id}', but no path parameter named 'id' is declared",
                    "demo.json:13:32: error: operations[0].parameters[0].name: path parameter 'item_id' does not appear in the path template '/items/{id}'",
                ])
    }

    @Test func authSchemesMustBeDeclared() {
        #expect(
            breaking(#""auth": ["jwt"]"#, #""auth": ["jtw"]"#)
                == [
                    "demo.json:12:80: error: operations[0].auth[0]: auth scheme 'jtw' is not declared in 'auth' (did you mean 'jwt'?)"
                ])
    }

    @Test func contradictoryConstraints() {
        #expect(
            breaking(#""maxLength": 10"#, #""maxLength": 10, "minLength": 11"#)
                == [
                    "demo.json:7:76: error: types[0].fields[0].minLength: minLength 11 is greater than maxLength 10: no value can satisfy both"
                ])
        #expect(
            breaking(#""type": "integer""#, #""type": "integer", "maxLength": 3"#)
                == [
                    "demo.json:8:45: error: types[0].fields[1].maxLength: 'maxLength' applies to strings, not to 'integer'"
                ])
    }

    @Test func everyErrorOfAFileInOneRun() {
        let found =
            breaking(#""type": "integer""#, #""type": "integr""#).count
            + breaking(#""auth": ["jwt"]"#, #""auth": ["jtw"]"#).count
        let both = diagnostics(
            Self.valid.replacingOccurrences(of: #""type": "integer""#, with: #""type": "integr""#)
                .replacingOccurrences(of: #""auth": ["jwt"]"#, with: #""auth": ["jtw"]"#)
                .replacingOccurrences(of: #""method": "GET""#, with: #""method": "get", "sumary": "x""#))
        #expect(found == 2)
        #expect(both.count == 4, "\(both)")
        #expect(both.contains { $0.contains("unknown HTTP method 'get' (write it upper-case: 'GET')") })
        #expect(both.contains { $0.contains("unknown key 'sumary' in an operation (did you mean 'summary'?)") })
    }

    @Test func namesThatWouldNotCompileAreRefused() {
        #expect(
            breaking(#""name": "Item""#, #""name": "Date""#).contains {
                $0.contains("types[0].name: 'Date' would shadow a type generated code uses")
            })
        #expect(
            breaking(#""name": "Item""#, #""name": "my-item""#).contains {
                $0.contains(
                    "'my-item' is not a usable Swift type name; start with a letter, use letters, digits and '_', and no Swift keyword (for example 'MyItem')"
                )
            })
        #expect(
            breaking(#""name": "getItem""#, #""name": "import""#).contains {
                $0.contains("'import' becomes the Swift keyword 'import'")
            })
        #expect(
            breaking(#""name": "count""#, #""name": "description", "sensitive": true"#).contains {
                $0.contains("'description' clashes with the description code generated for sensitive fields and recursive types")
            })
    }

    @Test func unsupportedShapesAreRefusedNotMiscompiled() {
        #expect(
            breaking(#""in": "path", "type": "string""#, #""in": "path", "type": "{string}""#).contains {
                $0.contains("a parameter is a primitive, an enum, an array of them, or (deepObject) a flat object")
            })
        #expect(
            breaking(#""type": "Item" }"#, #""type": "date-time" }"#).contains {
                $0.contains(
                    "a body must be a declared type, one of string, integer, int32, int64, number, boolean, json, or an array or map of one, not 'date-time'"
                )
            })
        #expect(
            breaking(#""required": false"#, #""required": false, "const": 3"#).contains {
                $0.contains("a field with 'const' is always present")
            })
    }

    @Test func valuesAndDialectsThatCannotBeReadBackAreRefused() {
        #expect(
            breaking(
                #""name": "Demo", "#,
                #""name": "Demo", "xml": {"rootElement": "r", "listItemElement": "i", "trueText": "yes"}, "#
            )
            .contains { $0.contains("service.xml.trueText: 'yes' cannot be read back as a boolean") })
        #expect(
            breaking(
                #""type": "integer", "required": false"#,
                #""type": "date-time", "required": false, "default": "tomorrow""#
            )
            .contains { $0.contains("default 'tomorrow' is not an RFC 3339 date-time") })
        #expect(
            breaking(#""in": "path", "type": "string""#, #""in": "path", "type": "Item""#)
                .contains { $0.contains("an object parameter travels only in the style deepObject") })
    }

    @Test func theSFOXDefinitionIsValid() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Definitions/sfox.json").path
        let definition = try DefinitionLoader.load(path: path, displayPath: "Definitions/sfox.json")
        #expect(definition.operations.map(\.path) == ["/enterprise/users/send-verification/{user_id}"])
        #expect(definition.operations[0].responses.map(\.status) == [200, 422])
        #expect(definition.auth.map(\.kind) == [.bearer(format: nil)])
    }

    /// A large definition is read and checked on every core, in runs of 64 types or operations;
    /// the diagnostics are the same, located the same and in the same order as one pass gives.
    @Test func largeDefinitionsGiveTheSameLocatedDiagnostics() {
        // One type or operation per line: line = 5 + index (types), 5 + 200 + 1 + index (operations).
        let types = (0..<200).map { index in
            switch index {
            case 10, 70, 150: #"{"name": "T\#(index)", "kind": "object", "colour": "red", "fields": []}"#
            case 130: #"{"name": "T\#(index)", "kind": "object", "fields": [{"name": "a", "type": "Nope"}]}"#
            default: #"{"name": "T\#(index)", "kind": "object", "fields": [{"name": "a", "type": "string"}]}"#
            }
        }
        let operations = (0..<100).map { index in
            index == 90
                ? #"{"name": "op\#(index)", "method": "GET", "path": "/o\#(index)", "body": {"type": "T1"}, "responses": [{"status": 200}]}"#
                : #"{"name": "op\#(index)", "method": "GET", "path": "/o\#(index)", "responses": [{"status": 200}]}"#
        }
        let text =
            "{\n\"formatVersion\": 1,\n\"service\": {\"name\": \"Big\", \"baseURL\": \"https://big.test\"},\n"
            + "\"types\": [\n" + types.joined(separator: ",\n") + "\n],\n\"operations\": [\n"
            + operations.joined(separator: ",\n") + "\n]\n}\n"
        // Unknown keys are reported by the reader; with them, the semantic rules still run.
        #expect(
            diagnostics(text) == [
                // Column 35: the key "colour" after `{"name": "T10", "kind": "object", `.
                "demo.json:15:35: error: types[10].colour: unknown key 'colour' in a type",
                "demo.json:75:35: error: types[70].colour: unknown key 'colour' in a type",
                "demo.json:135:69: error: types[130].fields[0].type: unknown type 'Nope'",
                "demo.json:155:36: error: types[150].colour: unknown key 'colour' in a type",
                "demo.json:297:59: error: operations[90].body: a GET request has no body",
            ])
    }
}

import APIDefinition
import APIOpenAPI
import Foundation
import Testing

/// Integer and number enums through `apigen openapi` and `apigen import`.
@Suite("OpenAPI integer and number enums")
struct NumericEnumImportTests {
    static let document = #"""
        {
          "openapi": "3.0.3", "info": { "title": "T", "version": "1" }, "paths": {},
          "components": {
            "schemas": {
              "Priority": { "type": "integer", "enum": [1, 2, 3], "x-enum-varnames": ["LOW", "NORMAL", "HIGH"] },
              "Level": { "type": "integer", "format": "int64", "enum": [-1, 0, 10, null] },
              "Ratio": { "type": "number", "enum": [0.5, 1, 2.5] },
              "Untyped": { "enum": [1, 2] },
              "Holder": {
                "type": "object", "required": ["one"],
                "properties": { "one": { "type": "integer", "enum": [7] }, "p": { "$ref": "#/components/schemas/Priority" },
                  "mixed": { "enum": [1, "a"] } }
              }
            }
          }
        }
        """#

    func imported(_ text: String) throws -> (Definition, [OpenAPIImporter.Warning]) {
        let (definition, warnings) = try OpenAPIImporter.convert(Data(text.utf8), file: "openapi.json", serviceName: "T")
        #expect(DefinitionChecker.check(definition).filter { $0.severity == .error }.isEmpty)
        let loaded = try DefinitionLoader.load(data: Data(DefinitionWriter.text(definition).utf8), file: "openapi.json")
        #expect(loaded == definition)
        return (definition, warnings)
    }

    @Test func numericEnumsBecomeEnumTypes() throws {
        let (definition, warnings) = try imported(Self.document)
        #expect(
            definition.type(named: "Priority")?.kind
                == .enumeration(
                    values: [
                        EnumValue(integer: 1, swiftName: "low"), EnumValue(integer: 2, swiftName: "normal"),
                        EnumValue(integer: 3, swiftName: "high"),
                    ], keepUnknown: false))
        #expect(
            definition.type(named: "Level")?.kind
                == .enumeration(values: [-1, 0, 10].map { EnumValue(integer: $0) }, keepUnknown: false))
        #expect(
            definition.type(named: "Ratio")?.kind
                == .enumeration(values: [0.5, 1, 2.5].map { EnumValue(number: $0) }, keepUnknown: false))
        #expect(
            definition.type(named: "Untyped")?.kind
                == .enumeration(values: [1, 2].map { EnumValue(integer: $0) }, keepUnknown: false))
        // A single integer on a required field stays a constant.
        let one = definition.type(named: "Holder")?.fields.first { $0.name == "one" }
        #expect(one?.type == .integer && one?.constant == .integer(7))
        // What remains of `number-enum`: an enum of strings and numbers together.
        #expect(
            warnings.filter { $0.kind.rawValue == "number-enum" }.map(\.pointer) == [
                "#/components/schemas/Holder/properties/mixed/enum"
            ])
    }

    @Test func exportedEnumsImportAsThemselves() throws {
        let definition = try DefinitionLoader.load(
            data: Data(
                #"""
                {
                  "formatVersion": 1, "service": { "name": "T" },
                  "types": [
                    { "name": "P", "kind": "enum", "values": [{ "value": 1, "swiftName": "low", "doc": "Low." }, 2] },
                    { "name": "R", "kind": "enum", "unknownValues": "keep", "values": [0.5, 1, -3.25] }
                  ],
                  "operations": []
                }
                """#.utf8), file: "t.json")
        let text = OpenAPIExporter.text(definition)
        #expect(text.contains(#""type" : "integer""#) || text.contains(#""type": "integer""#))
        let (back, _) = try imported(text)
        #expect(back.types == definition.types)
    }
}

import APIDefinition
import Foundation
import Testing

/// Integer and number enums in definitions: loading, the raw type, case names, located diagnostics
/// for misuse, defaults, `apigen diff`.
@Suite("Integer and number enum definitions")
struct NumericEnumDefinitionTests {
    /// A definition whose enum `E` has `values` (JSON array members) and whose object `T` has a field of it.
    static func definition(values: String, unknown: String = "fail", field: String = "") -> String {
        """
        {
          "formatVersion": 1,
          "service": { "name": "Demo" },
          "types": [
            { "name": "E", "kind": "enum", "unknownValues": "\(unknown)", "values": [\(values)] },
            { "name": "T", "kind": "object", "fields": [{ "name": "e", "type": "E"\(field) }] }
          ],
          "operations": [
            { "name": "get", "method": "GET", "path": "/t/{p}",
              "parameters": [{ "name": "p", "in": "path", "type": "E" }],
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
            return error.diagnostics.filter { $0.severity == .error }.map { "\($0.path): \($0.message)" }
        }
    }

    func values(_ text: String) throws -> [EnumValue] {
        guard case .enumeration(let values, _)? = try load(text).type(named: "E")?.kind else {
            Issue.record("E is not an enum")
            return []
        }
        return values
    }

    @Test func integersLoadAsAnIntegerEnum() throws {
        let values = try values(Self.definition(values: #"1, -1, { "value": 30, "swiftName": "high", "doc": "Hi." }"#))
        #expect(values.map(\.value) == ["1", "-1", "30"])
        #expect(values.map(\.kind) == [.integer, .integer, .integer])
        #expect(values.map(Naming.enumCase) == ["_1", "minus1", "high"])
        #expect(values[2].doc == "Hi.")
        #expect(EnumRawType(values) == .integer && EnumRawType(values).swiftType == "Int")
    }

    @Test func anyFractionMakesANumberEnum() throws {
        let values = try values(Self.definition(values: "0.5, 2, -2.5, 1e300"))
        #expect(EnumRawType(values) == .number && EnumRawType(values).swiftType == "Double")
        #expect(values.map(Naming.enumCase) == ["_0_5", "_2", "minus2_5", "_1e300"])
        #expect(values.map { EnumRawType.number.numericLiteral($0) } == ["0.5", "2.0", "-2.5", "1e+300"])
    }

    @Test func stringEnumsAreUnchanged() throws {
        let values = try values(Self.definition(values: #""1", "b""#))
        #expect(EnumRawType(values) == .string)
        #expect(values.map(\.kind) == [.string, .string])
    }

    @Test(arguments: [
        (#""a", 1"#, "types[0].values[1]: an enum's values are all strings or all numbers; this one is a number and values[0] is not"),
        (#"1, "a""#, "types[0].values[1]: an enum's values are all strings or all numbers; this one is a string and values[0] is not"),
        ("1, 2, 1", "types[0].values[2]: duplicate enum value '1' (first declared at types[0].values[0])"),
        ("0.5, 1, 1.0", "types[0].values[2]: duplicate enum value '1.0' (first declared at types[0].values[1])"),
        ("0.5, 0, -0.0", "types[0].values[2]: duplicate enum value '0.0' (first declared at types[0].values[1])"),
        (#"1, { "value": 2, "swiftName": "_1" }"#,
         "types[0].values[1]: '2' and '1' (types[0].values[0]) both become the Swift case name '_1'; rename one or give it a 'swiftName'"),
        ("true", "types[0].values[0]: expected an enum value (an object), found a boolean"),
    ])
    func misuseIsReportedWhereItIs(values: String, problem: String) {
        #expect(problems(Self.definition(values: values)).contains(problem), "\(problems(Self.definition(values: values)))")
    }

    @Test func theOpenCaseNameIsTaken() {
        #expect(
            problems(Self.definition(values: #"{ "value": 1, "swiftName": "unknown" }"#, unknown: "keep")).contains {
                $0.hasPrefix("types[0].values[0]: the case 'unknown'")
            })
    }

    @Test(arguments: [
        (#", "required": false, "default": 2"#, true),
        (#", "required": false, "default": 2.0"#, true),
        (#", "required": false, "default": 3"#, false),
        (#", "required": false, "default": "2""#, false),
        (#", "const": 1"#, true),
    ])
    func defaultsAndConstantsAreNumbersOfTheEnum(field: String, valid: Bool) {
        let found = problems(Self.definition(values: "1, 2", field: field))
        #expect(found.isEmpty == valid, "\(found)")
    }

    @Test func addingAndRemovingValuesIsClassifiedLikeStringEnums() throws {
        let changes = DefinitionDiff(
            old: try load(Self.definition(values: "1, 2")), new: try load(Self.definition(values: "2, 3"))
        ).changes.map { "\($0.impact.rawValue) \($0.path): \($0.message)" }
        #expect(
            changes == [
                "breaking-wire types.E.1: enum value removed",
                "breaking-source types.E.3: enum value added (a new case breaks exhaustive switches)",
            ])
    }

    @Test func changingFromStringsToIntegersBreaksTheWire() throws {
        let changes = DefinitionDiff(
            old: try load(Self.definition(values: #""1", "2""#)), new: try load(Self.definition(values: "1, 2"))
        ).changes.map { "\($0.impact.rawValue) \($0.path): \($0.message)" }
        #expect(changes == ["breaking-wire types.E: enum values changed from strings to integers"])
    }
}

extension NumericEnumDefinitionTests {
    @Test func anIntegerInANumberEnumIsANumber() throws {
        let values = try values(Self.definition(values: "0.5, 1"))
        #expect(values == [EnumValue(number: 0.5), EnumValue(number: 1)])
        #expect(values.map(\.value) == ["0.5", "1.0"] && values.map(Naming.enumCase) == ["_0_5", "_1"])
    }
}

extension NumericEnumDefinitionTests {
    /// JSON has no NaN or infinity; a number too large for a `Double` is refused, never an infinite case.
    @Test func aNumberTooLargeIsRefused() {
        let found = problems(Self.definition(values: "0.5, 1e999"))
        #expect(found.contains { $0.contains("1e999 is too large for a 64-bit floating-point number") }, "\(found)")
    }
}

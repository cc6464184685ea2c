import APIDefinition
import Foundation
import Testing

/// What the checker accepts compiles and runs: names that would not compile, integers out of
/// range, defaults and constants that break their own constraints, dates that do not exist and
/// nested payloads are refused with located diagnostics (the hostile-name test in
/// APIGeneratorTests compiles what is accepted).
@Suite("Checker soundness")
struct CheckerSoundnessTests {
    static let valid = """
        {
          "formatVersion": 1,
          "service": { "name": "Demo", "baseURL": "https://demo.test/v1" },
          "types": [
            { "name": "Item", "kind": "object", "fields": [
              { "name": "item_id", "type": "string", "maxLength": 10 },
              { "name": "count", "type": "integer", "required": false }
            ] },
            { "name": "Color", "kind": "enum", "values": ["red", "green"] }
          ],
          "operations": [
            { "name": "putItem", "method": "PUT", "path": "/items/{item_id}",
              "parameters": [{ "name": "item_id", "in": "path", "type": "string" }],
              "body": { "type": "Item" },
              "responses": [{ "status": 200, "type": "Item" }] }
          ]
        }
        """

    /// The diagnostics for the valid definition with `old` replaced by `new`, as printed.
    func breaking(_ old: String, _ new: String) -> [String] {
        precondition(Self.valid.contains(old), "\(old) is not in the valid definition")
        do {
            let text = Self.valid.replacingOccurrences(of: old, with: new)
            _ = try DefinitionLoader.load(data: Data(text.utf8), file: "demo.json")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// Whether one diagnostic is located (`demo.json:<line>:<col>: error: `) and says `message`.
    func located(_ diagnostics: [String], _ message: String) -> Bool {
        diagnostics.contains { line in
            line.contains(message)
                && line.range(of: #"^demo\.json:\d+:\d+: error: "#, options: .regularExpression) != nil
        }
    }

    @Test func theValidDefinitionLoads() {
        #expect(breaking("Item", "Item") == [])
    }

    /// Found by the property test: a wire name that is not an XML name (`1st`) was written as the
    /// malformed element `<1st>` in a type that travels as XML. XML types, and what they contain,
    /// need XML names; JSON-only types keep any wire name; the dialect's own names are checked too.
    @Test func typesThatTravelAsXMLNeedXMLNames() {
        let xml =
            #""baseURL": "https://demo.test/v1", "xml": { "rootElement": "root", "listItemElement": "list-item" }"#
        let asXML = #""responses": [{ "status": 200, "type": "Item", "contentTypes": ["application/xml"] }]"#
        let withXML = Self.valid.replacingOccurrences(of: #""baseURL": "https://demo.test/v1""#, with: xml)
            .replacingOccurrences(of: #""responses": [{ "status": 200, "type": "Item" }]"#, with: asXML)
        func diagnostics(_ text: String) -> [String] {
            do {
                _ = try DefinitionLoader.load(data: Data(text.utf8), file: "demo.json")
                return []
            } catch {
                return error.diagnostics.map(\.description)
            }
        }
        #expect(diagnostics(withXML) == [])
        #expect(
            diagnostics(withXML.replacingOccurrences(of: #""name": "count""#, with: #""name": "naïve_2-x.y""#)) == [])
        for name in ["1st", "a b", "x:y", "-x", ".x", "a/b", "·x", "µ"] {
            let found = diagnostics(withXML.replacingOccurrences(of: #""name": "count""#, with: #""name": "\#(name)""#))
            #expect(located(found, "types[0].fields[1].name: '"), "\(name): \(found)")
            #expect(located(found, "is not an XML element name, but 'Item' travels as XML"), "\(name): \(found)")
        }
        // The same name in a type that travels only as JSON is fine.
        #expect(breaking(#""name": "count""#, #""name": "1st""#) == [])
        let badRoot = diagnostics(
            withXML.replacingOccurrences(of: #""rootElement": "root""#, with: #""rootElement": "1root""#))
        #expect(located(badRoot, "service.xml.rootElement: '1root' is not an XML element name"), "\(badRoot)")
    }

    @Test(arguments: [" ", "_", "`", "-", "\n", "\r\n", "\u{2028}", "😀", "..."])
    func fieldNamesWithoutLettersOrDigitsAreRefused(_ name: String) throws {
        let json = String(decoding: try JSONEncoder().encode(name), as: UTF8.self)
        let found = breaking(#""name": "count""#, #""name": \#(json)"#)
        #expect(located(found, "types[0].fields[1].name: '"), "\(found)")
        #expect(located(found, "has no letters or digits to make a Swift property name from"), "\(found)")
        // The message stays on one line whatever the name holds.
        #expect(found.allSatisfy { !$0.contains("\n") && !$0.contains("\r") && !$0.contains("\u{2028}") })
        // With a swiftName the same wire name is fine.
        #expect(breaking(#""name": "count""#, #""name": \#(json), "swiftName": "count""#) == [])
    }

    @Test func namesOfGeneratedMembersAreRefused() {
        #expect(
            located(
                breaking(#""name": "count""#, #""name": "textTree""#),
                "types[0].fields[1].name: the Swift property name 'textTree' clashes with the XML and form coding method textTree()"
            ))
        #expect(
            located(
                breaking(#""name": "count""#, #""name": "hash_value""#),
                "the Swift property name 'hashValue' clashes with Hashable's hashValue"))
        #expect(
            located(
                breaking(#""name": "item_id", "in": "path""#, #""name": "item_id", "in": "path", "swiftName": "body""#),
                "operations[0].parameters[0].swiftName: the Swift argument name 'body' clashes with the request body"))
        #expect(
            located(
                breaking(
                    #""parameters": [{"#,
                    #""parameters": [{ "name": "body", "in": "query", "type": "string", "required": false }, {"#),
                "operations[0].parameters[0].name: the Swift argument name 'body' clashes with the request body"))
        #expect(
            located(
                breaking(#""name": "putItem""#, #""name": "transport""#),
                "operations[0].name: 'transport' becomes the Swift method 'transport', which clashes with the client's transport"
            ))
        #expect(
            located(
                breaking(#""name": "putItem""#, #""name": "registerPart2""#),
                "which clashes with the handler's registerPart<n>(on:)"))
        #expect(
            located(
                breaking(#"["red", "green"]"#, #"["red", "rawValue"]"#),
                "types[1].values[1]: the Swift case name 'rawValue' clashes with the enum's rawValue"))
        #expect(
            located(
                breaking(
                    #""name": "item_id", "in": "path""#, #""name": "item_id", "in": "path", "swiftName": "putItem""#),
                "the Swift argument name 'putItem' is the operation's method name"))
        // A member that starts upper-case could shadow a type inside the generated code.
        #expect(
            located(
                breaking(#""name": "count""#, #""name": "count", "swiftName": "Item""#),
                "types[0].fields[1].swiftName: 'Item' is not a usable Swift property name"))
    }

    @Test func namesWithNothingToMakeAMemberFromAreRefused() {
        #expect(
            located(
                breaking(#""name": "Demo""#, #""name": "_""#),
                "service.name: '_' is not a Swift identifier with a letter or digit"))
        #expect(
            located(
                breaking(#""name": "count""#, #""name": "count", "swiftName": "_""#),
                "types[0].fields[1].swiftName: '_' is not a usable Swift property name"))
        #expect(
            located(
                breaking(
                    #""service": {"#,
                    #""auth": [{ "name": "-", "kind": "apiKey", "header": "X-Key" }], "service": {"#),
                "auth[0].name: '-' has no letters or digits to make a Swift credential name from"))
        // Keywords are fine: they are escaped where they are declared (`let` and `var` also as labels).
        #expect(breaking(#""name": "count""#, #""name": "let""#) == [])
    }

    @Test func typeNamesBecomeUpperCamelCase() {
        #expect(Naming.type("repository") == "Repository")
        #expect(Naming.type("period") == "Period")
        #expect(Naming.type("ErrorBody") == "ErrorBody")
        #expect(Naming.type("éclair") == "Éclair")
        // A lower-case type name is fine, a field of the same name beside it too.
        let lowerCase = Self.valid.replacingOccurrences(of: #""name": "Color""#, with: #""name": "color""#)
            .replacingOccurrences(
                of: #"{ "name": "count", "type": "integer""#, with: #"{ "name": "color", "type": "color""#)
        #expect(throws: Never.self) { try DefinitionLoader.load(data: Data(lowerCase.utf8), file: "demo.json") }
        // Two names that become the same Swift type collide.
        #expect(
            located(
                breaking(#""name": "Color""#, #""name": "item""#),
                "types[1].name: 'item' and 'Item' (types[0].name) both become the Swift type name 'Item'"))
        // No upper-case form, or a leading '_': no usable type name.
        #expect(located(breaking(#""name": "Color""#, #""name": "_color""#), "is not a usable Swift type name"))
        #expect(located(breaking(#""name": "Color""#, #""name": "色""#), "is not a usable Swift type name"))
        #expect(
            located(
                breaking(#""name": "Color""#, #""name": "constrained""#),
                "'constrained' would shadow a type generated code uses"))
    }

    @Test func integerBoundsMustFitTheirType() {
        #expect(
            breaking(
                #""type": "integer", "required": false"#,
                #""type": "integer", "required": false, "minimum": 1e15, "maximum": 9e15"#) == [])
        #expect(
            located(
                breaking(
                    #""type": "integer", "required": false"#, #""type": "int32", "required": false, "maximum": 1e10"#),
                "types[0].fields[1].maximum: 'maximum' 10000000000 is outside the range of 'int32' (-2147483648...2147483647)"
            ))
        #expect(
            located(
                breaking(
                    #""type": "integer", "required": false"#, #""type": "integer", "required": false, "minimum": -1e19"#
                ),
                "'minimum' -1e+19 is outside the range of 'integer'"))
    }

    @Test func defaultsAndConstantsMeetTheirTypeAndConstraints() {
        func field(_ text: String) -> [String] {
            breaking(#"{ "name": "count", "type": "integer", "required": false }"#, "{ \"name\": \"count\", \(text) }")
        }
        #expect(
            located(
                field(#""type": "int32", "required": false, "default": 99999999999"#),
                "types[0].fields[1].default: default 99999999999 is outside the range of 'int32'"))
        #expect(
            located(
                field(#""type": "integer", "required": false, "maximum": 5, "default": 6"#),
                "default 6 is greater than the maximum 5"))
        #expect(
            located(
                field(#""type": "number", "required": false, "minimum": 0.5, "default": 0"#),
                "default 0 is less than the minimum 0.5"))
        #expect(
            located(
                field(#""type": "string", "required": false, "maxLength": 3, "default": "abcd""#),
                "default 'abcd' is longer than maxLength 3 (it has 4 code points)"))
        // Code points, not Characters: a flag is one Character and two code points.
        #expect(
            located(
                field(#""type": "string", "required": false, "maxLength": 1, "default": "🇫🇷""#),
                "is longer than maxLength 1 (it has 2 code points)"))
        #expect(
            located(
                field(#""type": "string", "required": false, "pattern": "^[0-9]+$", "default": "12a""#),
                "default '12a' does not match the pattern '^[0-9]+$'"))
        #expect(
            located(
                field(#""type": "Color", "required": false, "default": "blue""#),
                "default 'blue' is not a value of the enum 'Color'"))
        #expect(
            located(
                field(#""type": "integer", "maximum": 2, "const": 3"#),
                "types[0].fields[1].const: const 3 is greater than the maximum 2"))
        #expect(field(#""type": "int32", "required": false, "minimum": 1, "default": 2147483647"#) == [])
    }

    @Test func dateTimesMustExist() {
        func dated(_ text: String) -> [String] {
            breaking(
                #"{ "name": "count", "type": "integer", "required": false }"#,
                #"{ "name": "count", "type": "date-time", "required": false, "default": "\#(text)" }"#)
        }
        for missing in [
            "2023-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-13-01T00:00:00Z", "2024-01-01T24:00:00Z",
            "2024-01-01T00:00:00+24:00", "2024-01-01T00:00:00", "2024-01-01T00:00:00.Z", "tomorrow",
        ] {
            #expect(located(dated(missing), "is not an RFC 3339 date-time that exists"), "\(missing)")
        }
        for existing in ["2024-02-29T00:00:00Z", "2000-02-29T23:59:60.5+01:30", "2024-07-29t15:51:28z"] {
            #expect(dated(existing) == [], "\(existing)")
        }
        #expect(DefinitionValues.rfc3339Seconds("1970-01-01T00:00:00Z") == 0)
        #expect(DefinitionValues.rfc3339Seconds("2024-02-29T00:00:00+01:00") == 1_709_161_200)
    }

    @Test func payloadsOfNestedContainersAreAccepted() {
        for type in ["{Item}", "[Item]", "[{Item}]", "{[Item]}", "[[Item]]", "{{Item}}"] {
            #expect(breaking(#""body": { "type": "Item" }"#, #""body": { "type": "\#(type)" }"#) == [], "\(type)")
        }
    }

    @Test func primitiveBodiesTravelAsJSONOnly() {
        for type in [
            "string", "integer", "int32", "int64", "number", "boolean", "json", "[string]", "[number]", "{integer}",
            "[json]", "{json}", "[[string]]", "{[number]}", "[uuid]", "{date-time}", "[[bytes]]", "{[decimal]}",
            "[uri]", "[unix-time]",
        ] {
            #expect(breaking(#""body": { "type": "Item" }"#, #""body": { "type": "\#(type)" }"#) == [], "\(type)")
            #expect(
                breaking(
                    #""responses": [{ "status": 200, "type": "Item" }]"#,
                    #""responses": [{ "status": 200, "type": "\#(type)" }]"#)
                    == [], "\(type)")
        }
        // A bare converted scalar travels as text the runtime converts: no body type.
        for type in ["date-time", "uuid", "bytes", "unix-time"] {
            #expect(
                located(
                    breaking(#""body": { "type": "Item" }"#, #""body": { "type": "\#(type)" }"#),
                    "operations[0].body.type: a body must be a declared type, one of string, integer, int32, int64, number, boolean, json, or an array or map of one, not '\(type)'"
                ), "\(type)")
        }
        func withXML(_ body: String) -> [String] {
            let text = Self.valid
                .replacingOccurrences(
                    of: #""name": "Demo", "#,
                    with: #""name": "Demo", "xml": { "rootElement": "r", "listItemElement": "i" }, "#
                )
                .replacingOccurrences(of: #""body": { "type": "Item" }"#, with: body)
            do {
                _ = try DefinitionLoader.load(data: Data(text.utf8), file: "demo.json")
                return []
            } catch {
                return error.diagnostics.map(\.description)
            }
        }
        #expect(
            located(
                withXML(#""body": { "type": "[string]", "contentTypes": ["application/json", "application/xml"] }"#),
                "operations[0].body.contentTypes[1]: an application/xml body must be a declared type, or an array or map of one; '[string]' travels as JSON only"
            ))
        #expect(
            located(
                withXML(#""body": { "type": "[[uuid]]", "contentTypes": ["application/json", "application/xml"] }"#),
                "operations[0].body.contentTypes[1]: an application/xml body must be a declared type, or an array or map of one; '[[uuid]]' travels as JSON only"
            ))
        #expect(
            withXML(#""body": { "type": "[[Item]]", "contentTypes": ["application/json", "application/xml"] }"#) == [])
        for form in ["application/x-www-form-urlencoded", "multipart/form-data"] {
            #expect(
                located(
                    breaking(
                        #""body": { "type": "Item" }"#, #""body": { "type": "string", "contentTypes": ["\#(form)"] }"#),
                    "operations[0].body.contentTypes[0]: an \(form) body must be an object type"))
        }
    }

    @Test func rawBodiesListMediaTypesOrRanges() {
        let body = #""body": { "type": "Item" }"#
        for list in [#"["image/png"]"#, #"["image/png", "image/*", "*/*"]"#, #"["application/json"]"#] {
            #expect(breaking(body, #""body": { "contentTypes": \#(list) }"#) == [], "\(list)")
        }
        #expect(
            located(
                breaking(body, #""body": { "doc": "Bytes." }"#),
                "operations[0].body: a body without 'type' is raw bytes: list its media types in 'contentTypes'"))
        for bad in ["*/png", "image", "image/png; q=1", "im*ge/png", "/png"] {
            #expect(
                located(
                    breaking(body, #""body": { "contentTypes": ["image/gif", "\#(bad)"] }"#),
                    "operations[0].body.contentTypes[1]: '\(bad)' is not a media type ('type/subtype', 'type/*' or '*/*', without parameters)"
                ), "\(bad)")
        }
        #expect(
            located(
                breaking(body, #""body": { "contentTypes": ["image/png", "image/png"] }"#),
                "operations[0].body.contentTypes[1]"))
        #expect(
            located(
                breaking(body, #""body": { "type": "Item", "contentTypes": ["image/png"] }"#),
                "operations[0].body.contentTypes[0]: content type 'image/png' is not supported here"))
    }

    /// Integer defaults and constants are compared with their type and bounds exactly, as the
    /// generated code compares them (found by the property test): `Int.max` is an `int64`, and
    /// 2^53 + 1 is above a maximum of 2^53 (through Double the two are equal).
    @Test func integerValuesAreCheckedExactly() {
        let noBounds = Constraints()
        #expect(
            DefinitionValues.problem(with: .integer(Int.max), for: .int64, constraints: noBounds) { _ in nil } == nil)
        #expect(
            DefinitionValues.problem(with: .integer(Int.min), for: .integer, constraints: noBounds) { _ in nil } == nil)
        let upTo2p53 = Constraints(maximum: 9_007_199_254_740_992)
        #expect(
            DefinitionValues.problem(with: .integer(9_007_199_254_740_993), for: .int64, constraints: upTo2p53) { _ in
                nil
            } == "is greater than the maximum 9007199254740992")
        #expect(
            DefinitionValues.problem(with: .integer(9_007_199_254_740_992), for: .int64, constraints: upTo2p53) { _ in
                nil
            } == nil)
        let from2p53 = Constraints(minimum: 9_007_199_254_740_992)
        #expect(
            DefinitionValues.problem(with: .integer(9_007_199_254_740_991), for: .integer, constraints: from2p53) { _ in
                nil
            } == "is less than the minimum 9007199254740992")
        #expect(
            DefinitionValues.problem(with: .integer(Int(Int32.max) + 1), for: .int32, constraints: noBounds) { _ in nil
            }
                == "is outside the range of 'int32' (-2147483648...2147483647)")
    }
}

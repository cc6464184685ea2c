import APIDefinition
import APIGenerator
import APIOpenAPI
@_spi(Generated) import APIRuntime
import AwkwardAPI
import Foundation
import Testing

/// `"additionalProperties": "T"` beside an object's fields: the members the fields do not declare, kept
/// in `additionalProperties: [String: T]`. The awkward fixture's `Labels` (`putLabels`, `AwkwardAPI`)
/// has a map of strings beside `name` and `count`.
@Suite struct AdditionalPropertiesTests {
    static func load(_ text: String) throws -> Definition {
        try DefinitionLoader.load(data: Data(text.utf8), file: "d.json")
    }

    static func definition(
        rest: String = #""additionalProperties": "string""#, fields: String = #"{"name": "id", "type": "string"}"#,
        kind: String = "object", contentType: String = "application/json"
    ) -> String {
        let members = kind == "object" ? #""fields": [\#(fields)]"# : #""values": ["a"]"#
        return #"""
            {"formatVersion": 1, "service": {"name": "D", "baseURL": "https://example.com",
                "xml": {"rootElement": "r", "listItemElement": "i"}},
             "types": [{"name": "Bag", "kind": "\#(kind)", \#(members), \#(rest)},
                       {"name": "Score", "kind": "object", "fields": [{"name": "points", "type": "integer", "minimum": 0}]}],
             "operations": [{"name": "putBag", "method": "PUT", "path": "/bag",
                             "body": {"type": "Bag", "contentTypes": ["\#(contentType)"]},
                             "responses": [{"status": 204}]}]}
            """#
    }

    static func error(_ text: String) -> String {
        do {
            _ = try load(text)
            return ""
        } catch {
            return String(describing: error)
        }
    }

    // MARK: Definition, checker

    @Test func theLoaderReadsATypeReference() throws {
        #expect(try Self.load(Self.definition()).types[0].additionalProperties == .string)
        #expect(
            try Self.load(Self.definition(rest: #""additionalProperties": "Score""#)).types[0].additionalProperties
                == .named("Score"))
        #expect(try Self.load(Self.definition(rest: #""doc": "none""#)).types[0].additionalProperties == nil)
        #expect(
            Self.error(Self.definition(rest: #""additionalProperties": 3"#)).contains("types[0].additionalProperties"))
        #expect(
            Self.error(Self.definition(rest: #""additionalProperties": "string""#, kind: "enum")).contains(
                "'additionalProperties' belongs to kind 'object'"))
    }

    @Test func theCheckerRefusesMisuseWhereItIs() {
        #expect(
            Self.error(Self.definition(rest: #""additionalProperties": "Scor""#)).contains(
                "types[0].additionalProperties: unknown type 'Scor'"))
        // Any element type a map may hold is accepted (containers, converted scalars, enums, json).
        for type in ["[string]", "{string}", "date-time", "uuid", "[[Score]]", "{[unix-time]}", "json"] {
            #expect(Self.error(Self.definition(rest: #""additionalProperties": "\#(type)""#)) == "", "\(type)")
        }
        #expect(
            Self.error(Self.definition(rest: #""additionalProperties": "[file]""#)).contains(
                "types[0].additionalProperties: the members beside the fields cannot be files"))
        #expect(
            Self.error(Self.definition(fields: #"{"name": "additionalProperties", "type": "string"}"#)).contains(
                "types[0].fields[0].name: 'additionalProperties' holds the members beside the fields of 'Bag'"))
        #expect(
            Self.error(Self.definition(fields: #"{"name": "additional_properties", "type": "string"}"#)).contains(
                "types[0].fields[0].name"))
        // XML, forms and multipart carry the members beside the fields.
        for contentType in ["application/xml", "application/x-www-form-urlencoded", "multipart/form-data"] {
            #expect(Self.error(Self.definition(contentType: contentType)) == "", "\(contentType)")
            #expect(
                Self.error(Self.definition(rest: #""additionalProperties": "[Score]""#, contentType: contentType))
                    == "", "\(contentType)")
        }
        #expect(Self.error(Self.definition()) == "")
        let deepObject = #"""
            {"formatVersion": 1, "service": {"name": "D", "baseURL": "https://example.com"},
             "types": [{"name": "Bag", "kind": "object", "fields": [{"name": "id", "type": "string", "required": false}],
                        "additionalProperties": "string"}],
             "operations": [{"name": "listBags", "method": "GET", "path": "/bags",
                             "parameters": [{"name": "filter", "in": "query", "type": "Bag", "style": "deepObject",
                                             "required": false}],
                             "responses": [{"status": 204}]}]}
            """#
        // A deepObject carries flat items: members of a primitive are fine, containers and objects are not.
        #expect(Self.error(deepObject) == "")
        for type in ["[string]", "json", "unix-time", "Bag"] {
            let nested = deepObject.replacingOccurrences(
                of: #""additionalProperties": "string""#, with: #""additionalProperties": "\#(type)""#)
            #expect(
                Self.error(nested).contains(
                    "operations[0].parameters[0].type: a deepObject parameter carries flat name[member]=value items; the members beside the fields of 'Bag' are '\(type)'"
                ), "\(type): \(Self.error(nested))")
        }
    }

    @Test func diffClassifiesAddedRemovedAndChanged() throws {
        let none = try Self.load(Self.definition(rest: #""doc": "d""#))
        let strings = try Self.load(Self.definition())
        let jsons = try Self.load(Self.definition(rest: #""additionalProperties": "json""#))
        func changes(_ old: Definition, _ new: Definition) -> [String] {
            DefinitionDiff(old: old, new: new).changes.map { "\($0.impact.rawValue) \($0.path): \($0.message)" }
                .filter { $0.contains("additionalProperties") }
        }
        #expect(
            changes(none, strings) == [
                "additive types.Bag.additionalProperties: members beside the fields (string) kept"
            ])
        #expect(
            changes(strings, none) == [
                "breaking-source types.Bag.additionalProperties: members beside the fields (string) no longer kept"
            ])
        #expect(
            changes(strings, jsons) == [
                "breaking-wire types.Bag.additionalProperties: type of the members beside the fields changed from string to json"
            ])
        #expect(changes(strings, strings).isEmpty)
    }

    @Test func aRedactedDescriptionShowsTheMapAndHidesSensitiveFields() throws {
        let definition = try Self.load(
            Self.definition(
                fields: #"{"name": "id", "type": "string"}, {"name": "secret", "type": "string", "sensitive": true}"#))
        let models = Generator.generate(definition).first { $0.path.hasSuffix("/Models.swift") }?.contents ?? ""
        #expect(models.contains(#""secret": Redacted.placeholder"#))
        #expect(models.contains(#""additionalProperties": self.additionalProperties"#))
    }

    // MARK: Writer, OpenAPI

    @Test func theWriterExportAndImportKeepIt() throws {
        let definition = try Self.load(Self.definition(rest: #""additionalProperties": "Score""#))
        #expect(try Self.load(DefinitionWriter.text(definition)).types[0].additionalProperties == .named("Score"))
        let exported = OpenAPIExporter.document(definition)
        let schema = exported["components"]?["schemas"]?["Bag"]
        #expect(schema?["additionalProperties"]?["$ref"]?.stringValue == "#/components/schemas/Score")
        #expect(schema?["properties"]?["id"] != nil)
        let (imported, warnings) = try OpenAPIImporter.convert(
            Data(OpenAPIExporter.text(definition).utf8), file: "d.openapi.json")
        #expect(imported.type(named: "Bag")?.additionalProperties == .named("Score"))
        #expect(!warnings.contains { $0.pointer.contains("additionalProperties") })
    }

    static func openAPI(_ additional: String, contentType: String = "application/json") -> String {
        #"""
        {"openapi": "3.1.0", "info": {"title": "T", "version": "1"},
         "paths": {"/bag": {"put": {"operationId": "putBag",
            "requestBody": {"content": {"\#(contentType)": {"schema": {"$ref": "#/components/schemas/Bag"}}}},
            "responses": {"204": {"description": "ok"}}}}},
         "components": {"schemas": {"Bag": {"type": "object", "required": ["id"],
            "properties": {"id": {"type": "string"}}, "additionalProperties": \#(additional)}}}}
        """#
    }

    @Test func importKeepsTheRestAsAMap() throws {
        for (additional, expected) in [
            (#"{"type": "string"}"#, TypeRef.string), ("true", .json),
            (#"{"type": "integer", "format": "int32"}"#, .int32),
        ] {
            let (definition, warnings) = try OpenAPIImporter.convert(
                Data(Self.openAPI(additional).utf8), file: "o.json")
            #expect(definition.type(named: "Bag")?.additionalProperties == expected)
            #expect(!warnings.contains { $0.pointer.contains("additionalProperties") }, "\(additional): \(warnings)")
        }
        // Converted scalars and containers, and a type that also travels as a form: kept, without a warning.
        for (additional, expected) in [
            (#"{"type": "string", "format": "date-time"}"#, TypeRef.dateTime),
            (#"{"type": "array", "items": {"type": "string"}}"#, .array(.string)),
            (#"{"type": "object", "additionalProperties": {"type": "string", "format": "uuid"}}"#, .map(.uuid)),
        ] {
            let (definition, warnings) = try OpenAPIImporter.convert(
                Data(Self.openAPI(additional).utf8), file: "o.json")
            #expect(definition.type(named: "Bag")?.additionalProperties == expected)
            #expect(!warnings.contains { $0.pointer.contains("additionalProperties") }, "\(additional): \(warnings)")
        }
        let (form, formWarnings) = try OpenAPIImporter.convert(
            Data(Self.openAPI(#"{"type": "string"}"#, contentType: "application/x-www-form-urlencoded").utf8),
            file: "o.json")
        #expect(form.type(named: "Bag")?.additionalProperties == .string)
        #expect(!formWarnings.contains { $0.pointer.hasSuffix("Bag/additionalProperties") })
        // false, {} and none: no map.
        for additional in ["false", "{}"] {
            let (definition, _) = try OpenAPIImporter.convert(Data(Self.openAPI(additional).utf8), file: "o.json")
            #expect(definition.type(named: "Bag")?.additionalProperties == nil)
        }
    }

    // MARK: Generated code (AwkwardAPI)

    @Test func jsonDecodesTheRestAndEncodesItInSortedOrder() throws {
        let labels = try JSONCoding.decode(
            Labels.self, from: Data(#"{"zeta":"z","name":"n","alpha":"a","count":2,"mid":"m"}"#.utf8))
        #expect(labels == Labels(name: "n", count: 2, additionalProperties: ["alpha": "a", "mid": "m", "zeta": "z"]))
        let encoded = String(decoding: try JSONCoding.encode(labels), as: UTF8.self)
        #expect(encoded == #"{"name":"n","count":2,"alpha":"a","mid":"m","zeta":"z"}"#)
        #expect(try JSONCoding.decode(Labels.self, from: Data(#"{"name":"n"}"#.utf8)) == Labels(name: "n"))
        // A value that is not a string names its member.
        let error = #expect(throws: (any Error).self) {
            try JSONCoding.decode(Labels.self, from: Data(#"{"name":"n","bad":1}"#.utf8))
        }
        #expect(String(describing: try #require(error)).contains("bad"))
        // A member a field owns is refused by validation and never encoded twice.
        let clash = Labels(name: "n", additionalProperties: ["name": "other", "ok": "1"])
        var checker = ConstraintChecker()
        clash.validate(&checker)
        #expect(checker.errors.map(\.path) == ["name"])
        #expect(String(decoding: try JSONCoding.encode(clash), as: UTF8.self) == #"{"name":"n","ok":"1"}"#)
    }

    struct Echo: AwkwardPartialHandler {
        func putLabels(_ input: PutLabelsInput) async throws -> PutLabelsOutput {
            var labels = input.body
            labels.additionalProperties["seen"] = String(labels.additionalProperties.count)
            return .ok(labels)
        }
    }

    typealias Recorder = RecordingTransport

    @Test func extraMembersRoundTripThroughClientAndServer() async throws {
        let recorder = Recorder(router: Echo().makeRouter())
        let client = AwkwardClient(transport: recorder)
        let sent = Labels(name: "n", count: 1, additionalProperties: ["b": "2", "a": "1", "é": "3"])
        var expected = sent
        expected.additionalProperties["seen"] = "3"
        #expect(try await client.putLabels(body: sent) == .ok(expected))
        let body = recorder.requests.first?.body?.bufferedData.map { String(decoding: $0, as: UTF8.self) }
        #expect(body == #"{"name":"n","count":1,"a":"1","b":"2","é":"3"}"#)
        // The client validates before sending: a member a field owns never leaves.
        await #expect(throws: ClientError.self) {
            try await client.putLabels(body: Labels(name: "n", additionalProperties: ["count": "1"]))
        }
        #expect(recorder.requests.count == 1)
    }

    static func put(_ body: String) async -> APIResponse {
        let request = APIRequest(
            method: .put, path: "/api/v2/labels", headers: ["Content-Type": "application/json"],
            body: APIBody(Data(body.utf8)))
        return await Echo().makeRouter().handle(request)
    }

    @Test func theServerRefusesABadExtraValueByName() async throws {
        let bad = await Self.put(#"{"name":"n","color":7}"#)
        #expect(bad.status == 400)
        #expect(String(decoding: bad.body.bufferedData ?? Data(), as: UTF8.self).contains("color"))
        let good = await Self.put(#"{"zz":"1","name":"n","aa":"2"}"#)
        #expect(good.status == 200)
        #expect(
            String(decoding: good.body.bufferedData ?? Data(), as: UTF8.self)
                == #"{"name":"n","aa":"2","seen":"2","zz":"1"}"#)
    }
}

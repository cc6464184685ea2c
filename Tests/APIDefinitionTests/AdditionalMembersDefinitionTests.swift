import APIDefinition
import Foundation
import Testing

/// Members beside the fields of any element type (`additionalProperties` of arrays, maps, converted
/// scalars): what the checker accepts, and its located diagnostics for what it refuses (files anywhere, and
/// members that are not flat in a deepObject parameter). Also Django REST framework's error body, fields plus
/// `[string]` members, as the service's `errorBody`.
@Suite("Members beside the fields: definitions")
struct AdditionalMembersDefinitionTests {
    static let valid = """
        {
          "formatVersion": 1,
          "service": {
            "name": "Demo", "baseURL": "https://demo.test/v1", "errorBody": "FieldErrors",
            "xml": { "rootElement": "demo", "listItemElement": "item" }
          },
          "types": [
            {
              "name": "FieldErrors", "kind": "object",
              "fields": [{ "name": "non_field_errors", "type": "[string]", "required": false }],
              "additionalProperties": "[string]"
            },
            {
              "name": "Filter", "kind": "object",
              "fields": [{ "name": "name", "type": "string", "required": false }],
              "additionalProperties": "Color"
            },
            {
              "name": "Board", "kind": "object",
              "fields": [{ "name": "title", "type": "string" }],
              "additionalProperties": "{[date-time]}"
            },
            { "name": "Color", "kind": "enum", "values": ["red"] }
          ],
          "operations": [
            {
              "name": "putBoard", "method": "PUT", "path": "/board",
              "parameters": [{ "name": "filter", "in": "query", "type": "Filter", "style": "deepObject", "required": false }],
              "body": { "type": "Board", "contentTypes": ["application/xml", "application/x-www-form-urlencoded", "multipart/form-data"] },
              "responses": [{ "status": 204 }, { "status": 400, "type": "FieldErrors" }]
            }
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

    func replacing(_ old: String, _ new: String) -> String {
        precondition(Self.valid.contains(old), "\(old) is not in the valid definition")
        return Self.valid.replacingOccurrences(of: old, with: new)
    }

    @Test func containersAndConvertedScalarsTravelInEveryBodyFormat() throws {
        #expect(diagnostics(Self.valid) == [])
        let definition = try DefinitionLoader.load(data: Data(Self.valid.utf8), file: "demo.json")
        #expect(definition.type(named: "FieldErrors")?.additionalProperties == .array(.string))
        #expect(definition.type(named: "Board")?.additionalProperties == .map(.array(.dateTime)))
        for type in ["[[Color]]", "{Board}", "unix-time", "bytes", "decimal", "uri", "uuid", "json", "[FieldErrors]"] {
            let text = replacing(#""additionalProperties": "{[date-time]}""#, #""additionalProperties": "\#(type)""#)
            #expect(diagnostics(text) == [], "\(type)")
        }
    }

    @Test func aFileMemberIsRefusedWhereItIs() {
        let text = replacing(#""additionalProperties": "{[date-time]}""#, #""additionalProperties": "[file]""#)
        let found = diagnostics(text)
        #expect(found.count == 1)
        #expect(
            found.first?.hasPrefix(
                "demo.json:21:31: error: types[2].additionalProperties: the members beside the fields cannot be files")
                == true, "\(found)")
    }

    @Test func aDeepObjectRefusesMembersThatAreNotFlat() {
        for type in ["[string]", "{string}", "json", "unix-time", "Board"] {
            let text = replacing(#""additionalProperties": "Color""#, #""additionalProperties": "\#(type)""#)
            let found = diagnostics(text)
            #expect(
                found == [
                    "demo.json:28:65: error: operations[0].parameters[0].type: a deepObject parameter carries flat name[member]=value items; the members beside the fields of 'Filter' are '\(type)', not a primitive or an enum"
                ], "\(type): \(found)")
        }
        for type in ["string", "integer", "boolean", "date", "date-time", "uuid"] {
            let text = replacing(#""additionalProperties": "Color""#, #""additionalProperties": "\#(type)""#)
            #expect(diagnostics(text) == [], "\(type)")
        }
    }

    @Test func diffClassifiesAChangedElementType() throws {
        let before = try DefinitionLoader.load(data: Data(Self.valid.utf8), file: "demo.json")
        let after = try DefinitionLoader.load(
            data: Data(replacing(#""additionalProperties": "[string]""#, #""additionalProperties": "[json]""#).utf8),
            file: "demo.json")
        let changes = DefinitionDiff(old: before, new: after).changes.map {
            "\($0.impact.rawValue) \($0.path): \($0.message)"
        }
        #expect(
            changes == [
                "breaking-wire types.FieldErrors.additionalProperties: type of the members beside the fields changed from [string] to [json]"
            ])
    }
}

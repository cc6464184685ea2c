import APIDefinition
import Foundation
import Testing

/// `"type": "file"`: fields of a type sent only as a multipart/form-data body. Every other place is a
/// located error naming where the file is used.
@Suite("File field definitions")
struct FileFieldDefinitionTests {
    /// A definition with the types `Upload` (`fields`) and `Other` (`otherFields`) and one operation
    /// whose body is `body` and whose answer is `response`, with `parameters`.
    static func definition(
        fields: String = #"{ "name": "doc", "type": "file" }"#,
        otherFields: String = #"{ "name": "n", "type": "string" }"#,
        body: String = #""type": "Upload", "contentTypes": ["multipart/form-data"]"#,
        response: String = #""type": "Other""#, parameters: String = "[]"
    ) -> String {
        """
        {
          "formatVersion": 1,
          "service": { "name": "Demo", "xml": { "rootElement": "r", "listItemElement": "i" } },
          "types": [
            { "name": "Upload", "kind": "object", "fields": [\(fields)] },
            { "name": "Other", "kind": "object", "fields": [\(otherFields)] }
          ],
          "operations": [
            { "name": "upload", "method": "POST", "path": "/u", "parameters": \(parameters),
              "body": { \(body) },
              "responses": [{ "status": 200, \(response) }] }
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

    @Test func filesLoadInMultipartBodies() throws {
        #expect(TypeRef.parse("file") == .file && TypeRef.file.description == "file")
        let text = Self.definition(
            fields: #"""
                { "name": "doc", "type": "file", "maxLength": 10, "minLength": 1 },
                { "name": "more", "type": "[file]", "required": false, "maxItems": 2 },
                { "name": "title", "type": "string" }
                """#)
        #expect(problems(text) == [])
        let definition = try DefinitionLoader.load(data: Data(text.utf8), file: "demo.json")
        #expect(definition.type(named: "Upload")?.fields.map(\.type) == [.file, .array(.file), .string])
    }

    @Test func aDiagnosticIsLocated() {
        do {
            _ = try DefinitionLoader.load(
                data: Data(Self.definition(parameters: #"[{ "name": "f", "in": "query", "type": "file" }]"#).utf8),
                file: "demo.json")
            Issue.record("loaded")
        } catch {
            let diagnostic = error.diagnostics.first { $0.path == "operations[0].parameters[0].type" }
            #expect(diagnostic?.file == "demo.json")
            #expect(diagnostic?.line == 9)
        }
    }

    static let onlyHere = "a file travels only as a part of a multipart/form-data body"

    @Test(arguments: [
        // JSON, XML and URL-encoded bodies.
        (
            Self.definition(body: #""type": "Upload""#),
            "operations[0].body.contentTypes[0]: 'Upload' has file fields, and \(onlyHere): list only multipart/form-data, not application/json"
        ),
        (
            Self.definition(body: #""type": "Upload", "contentTypes": ["multipart/form-data", "application/xml"]"#),
            "operations[0].body.contentTypes[1]: 'Upload' has file fields, and \(onlyHere): list only multipart/form-data, not application/xml"
        ),
        (
            Self.definition(body: #""type": "Upload", "contentTypes": ["application/x-www-form-urlencoded"]"#),
            "operations[0].body.contentTypes[0]: 'Upload' has file fields, and \(onlyHere): list only multipart/form-data, not application/x-www-form-urlencoded"
        ),
        // Answers.
        (
            Self.definition(response: #""type": "Upload""#),
            "operations[0].responses[0].type: 'Upload' has file fields, and \(onlyHere): an answer cannot carry it (answer with raw bytes instead)"
        ),
        // Inside other types.
        (
            Self.definition(otherFields: #"{ "name": "u", "type": "Upload" }"#),
            "types[1].fields[0].type: 'Upload' has file fields, and \(onlyHere): it can be an operation's body only, not a field of 'Other'"
        ),
        (
            Self.definition(fields: #"{ "name": "docs", "type": "{file}" }"#),
            "types[0].fields[0].type: a map of files is not supported; \(onlyHere), one per field or an array of files"
        ),
        // Parameters.
        (
            Self.definition(parameters: #"[{ "name": "f", "in": "query", "type": "file" }]"#),
            "operations[0].parameters[0].type: a parameter cannot be a file; \(onlyHere)"
        ),
        // Constraints: lengths (bytes) only.
        (
            Self.definition(fields: #"{ "name": "doc", "type": "file", "pattern": "^a" }"#),
            "types[0].fields[0].pattern: 'pattern' applies to strings, not to 'file'"
        ),
        (
            Self.definition(fields: #"{ "name": "doc", "type": "file", "required": false, "default": "x" }"#),
            "types[0].fields[0].default: default 'x' does not fit the type 'file'"
        ),
    ])
    func misuseIsRefusedWhereItHappens(text: String, expected: String) {
        #expect(problems(text).contains(expected), "\(problems(text))")
    }

    @Test func aOneOfOfATypeWithFilesIsRefused() {
        let text = Self.definition().replacingOccurrences(
            of: #"{ "name": "Other", "kind": "object", "fields": [{ "name": "n", "type": "string" }] }"#,
            with: #"""
                { "name": "Other", "kind": "object", "fields": [{ "name": "n", "type": "string" }] },
                { "name": "Either", "kind": "oneOf", "variants": [{ "type": "Upload" }, { "type": "Other" }] }
                """#)
        #expect(
            problems(text).contains(
                "types[2].variants[0]: 'Upload' has file fields, and \(Self.onlyHere): it cannot be an alternative of a oneOf"
            ), "\(problems(text))")
    }

    @Test func aBodyThatIsNotTheTypeItselfIsRefused() {
        #expect(
            problems(Self.definition(body: #""type": "[Upload]", "contentTypes": ["multipart/form-data"]"#)).contains {
                $0.hasPrefix("operations[0].body.") && $0.contains("Upload")
            })
    }

    @Test func aFileBodyOrAnswerIsRefused() {
        #expect(
            problems(Self.definition(body: #""type": "file", "contentTypes": ["multipart/form-data"]"#)).contains {
                $0.hasPrefix("operations[0].body.type: a body must be a declared type")
            })
        #expect(
            problems(Self.definition(response: #""type": "file""#)).contains {
                $0.hasPrefix("operations[0].responses[0].type: a body must be a declared type")
            })
    }
}

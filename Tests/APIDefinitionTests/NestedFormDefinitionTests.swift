import APIDefinition
import Foundation
import Testing

/// Form and multipart bodies with nested objects, arrays of objects and maps (bracket notation): what
/// the checker accepts, and what it refuses with a located diagnostic naming the field.
@Suite("Nested form body definitions")
struct NestedFormDefinitionTests {
    static func definition(types: String, contentType: String = "application/x-www-form-urlencoded") -> String {
        """
        {
          "formatVersion": 1,
          "service": { "name": "Demo", "baseURL": "https://demo.test/v1" },
          "types": [
        \(types)
          ],
          "operations": [
            { "name": "createOrder", "method": "POST", "path": "/orders",
              "body": { "type": "Order", "contentTypes": ["\(contentType)"] },
              "responses": [{ "status": 204 }] }
          ]
        }
        """
    }

    static let valid = """
            { "name": "Address", "kind": "object", "fields": [
              { "name": "city", "type": "string" }, { "name": "geo", "type": "Geo", "required": false } ] },
            { "name": "Geo", "kind": "object", "fields": [{ "name": "lat", "type": "number" }] },
            { "name": "Line", "kind": "object", "fields": [
              { "name": "price", "type": "integer" }, { "name": "tags", "type": "[string]" } ] },
            { "name": "Color", "kind": "enum", "values": ["red"] },
            { "name": "Order", "kind": "object", "fields": [
              { "name": "address", "type": "Address" },
              { "name": "lines", "type": "[Line]" },
              { "name": "metadata", "type": "{string}" },
              { "name": "by_name", "type": "{Line}" },
              { "name": "colors", "type": "[Color]" } ] }
        """

    func diagnostics(_ text: String) -> [String] {
        do {
            _ = try DefinitionLoader.load(data: Data(text.utf8), file: "demo.json")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func acceptsNestedObjectsArraysOfObjectsAndMaps() {
        for contentType in ["application/x-www-form-urlencoded", "multipart/form-data"] {
            #expect(diagnostics(Self.definition(types: Self.valid, contentType: contentType)) == [])
        }
    }

    @Test func acceptsOneOfsAndAnyOfsAndRefusesRecursionThroughThem() {
        let types = """
                { "name": "Card", "kind": "object", "fields": [{ "name": "number", "type": "string" }] },
                { "name": "Bank", "kind": "object", "fields": [{ "name": "iban", "type": "string" }] },
                { "name": "Method", "kind": "oneOf", "variants": [{ "type": "Card" }, { "type": "Bank" }] },
                { "name": "Either", "kind": "anyOf", "variants": ["Card", { "type": "[string]", "swiftName": "ids" }] },
                { "name": "Order", "kind": "object", "fields": [{ "name": "methods", "type": "{Method}" }, { "name": "either", "type": "[Either]" }] }
            """
        for contentType in ["application/x-www-form-urlencoded", "multipart/form-data"] {
            #expect(diagnostics(Self.definition(types: types, contentType: contentType)) == [])
        }
        // A form's nesting must be bounded, through an anyOf's alternatives too.
        let recursive = """
                { "name": "Card", "kind": "object", "fields": [{ "name": "number", "type": "string" }, { "name": "next", "type": "Either", "required": false }] },
                { "name": "Either", "kind": "anyOf", "variants": ["Card", "string"] },
                { "name": "Order", "kind": "object", "fields": [{ "name": "either", "type": "Either" }] }
            """
        #expect(
            diagnostics(Self.definition(types: recursive, contentType: "multipart/form-data")) == [
                "demo.json:11:51: error: operations[0].body.contentTypes[0]: an multipart/form-data body cannot hold the field 'either.next' of 'Card': 'Either' contains itself (Order → Either → Card → Either), and a form's nesting must be bounded"
            ])
    }

    @Test func refusesRecursiveTypes() {
        let types = """
                { "name": "Node", "kind": "object", "fields": [
                  { "name": "name", "type": "string" }, { "name": "children", "type": "[Node]" } ] },
                { "name": "Order", "kind": "object", "fields": [{ "name": "root", "type": "Node" }] }
            """
        #expect(
            diagnostics(Self.definition(types: types)) == [
                "demo.json:11:51: error: operations[0].body.contentTypes[0]: an application/x-www-form-urlencoded body cannot hold the field 'root.children' of 'Node': 'Node' contains itself (Order → Node → Node), and a form's nesting must be bounded"
            ])
    }

    @Test func refusesBracketsInWireNames() {
        let types = """
                { "name": "Inner", "kind": "object", "fields": [{ "name": "a]b", "type": "string" }] },
                { "name": "Order", "kind": "object", "fields": [
                  { "name": "tags[]", "type": "[string]" }, { "name": "inner", "type": "Inner" } ] }
            """
        let found = diagnostics(Self.definition(types: types))
        #expect(found.count == 2)
        #expect(
            found.first?.hasSuffix(
                "an application/x-www-form-urlencoded body cannot hold the field 'tags[]' of 'Order': a form reads '[' and ']' in a name as nesting; rename it"
            ) == true)
        #expect(found.last?.contains("the field 'inner.a]b' of 'Inner'") == true)
    }

    @Test func stillRefusesBodiesThatAreNotObjects() {
        let types = Self.valid.replacingOccurrences(of: #""name": "Order", "kind": "object", "fields": ["#, with: #""name": "Unused", "kind": "object", "fields": ["#)
            + #", { "name": "Order", "kind": "enum", "values": ["a"] }"#
        #expect(
            diagnostics(Self.definition(types: types)) == [
                "demo.json:20:51: error: operations[0].body.contentTypes[0]: an application/x-www-form-urlencoded body must be an object type"
            ])
    }
}

import APIDefinition
import APIOpenAPI
import Foundation
import Testing

/// What Stripe's document says everywhere and which loses nothing: an optional empty form body on
/// `GET` and `DELETE`, and `style: deepObject` encodings on a multipart upload. Both import without a
/// warning; a body that can hold something still says it is dropped on a `GET`.
@Suite("Empty bodies and multipart encodings in OpenAPI import")
struct EmptyBodyAndEncodingImportTests {
    static func document(getBody: String, deleteBody: String) -> String {
        #"""
        {
          "openapi": "3.0.0",
          "info": { "title": "Shop", "version": "1" },
          "servers": [{ "url": "https://shop.example.com" }],
          "paths": {
            "/v1/items": {
              "get": { "operationId": "GetItems", "requestBody": \#(getBody),
                "responses": { "204": { "description": "ok" } } } },
            "/v1/items/{item}": {
              "delete": { "operationId": "DeleteItem",
                "parameters": [{ "in": "path", "name": "item", "required": true, "schema": { "type": "string" } }],
                "requestBody": \#(deleteBody), "responses": { "204": { "description": "ok" } } } },
            "/v1/files": {
              "post": { "operationId": "PostFiles",
                "requestBody": { "required": true, "content": { "multipart/form-data": {
                  "encoding": { "expand": { "explode": true, "style": "deepObject" } },
                  "schema": { "type": "object", "required": ["file"], "properties": {
                    "expand": { "type": "array", "items": { "type": "string" } },
                    "file": { "type": "string", "format": "binary" } } } } } },
                "responses": { "204": { "description": "ok" } } } }
          }
        }
        """#
    }

    static let empty = #"""
        { "required": false, "content": { "application/x-www-form-urlencoded": { "encoding": {},
          "schema": { "type": "object", "properties": {}, "additionalProperties": false } } } }
        """#

    @Test func anEmptyOptionalBodyIsLeftOutWithoutAWarning() throws {
        let (definition, warnings) = try OpenAPIImporter.convert(
            Data(Self.document(getBody: Self.empty, deleteBody: Self.empty).utf8), file: "shop.json")
        #expect(warnings.map(\.description) == [])
        #expect(definition.operations.map(\.name) == ["GetItems", "DeleteItem", "PostFiles"])
        #expect(definition.operations[0].body == nil && definition.operations[1].body == nil)
        // The multipart upload keeps its body, its file part and its list.
        let upload = try #require(definition.operations[2].body)
        #expect(upload.contentTypes == [MediaTypes.multipart])
        guard case .named(let name) = upload.type, case .object(let fields)? = definition.type(named: name)?.kind else {
            Issue.record("the upload body is not an object")
            return
        }
        #expect(fields.map(\.type) == [.array(.string), .file])
    }

    @Test func aBodyThatCanHoldSomethingIsStillSaid() throws {
        let something = #"""
            { "content": { "application/x-www-form-urlencoded": {
              "schema": { "type": "object", "properties": { "q": { "type": "string" } } } } } }
            """#
        let required = Self.empty.replacingOccurrences(of: #""required": false"#, with: #""required": true"#)
        let (definition, warnings) = try OpenAPIImporter.convert(
            Data(Self.document(getBody: something, deleteBody: required).utf8), file: "shop.json")
        #expect(
            warnings.map { "\($0.pointer) [\($0.kind)]" } == [
                "#/paths/~1v1~1items/get/requestBody [body-in-method]"
            ])
        // A required empty body is kept as it is: the API says one must be sent.
        #expect(definition.operations[1].body != nil)
    }
}

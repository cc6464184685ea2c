import APIDefinition
import APIOpenAPI
import Foundation
import Testing

/// Nested form bodies (bracket notation) in OpenAPI: exported with `style: deepObject, explode: true` in
/// the form's `encoding`, imported from that and from Stripe's plain nested schemas without a warning.
@Suite("Nested form bodies in OpenAPI")
struct NestedFormOpenAPITests {
    static func awkward() throws -> Definition {
        try DefinitionLoader.load(path: TestSupport.path("Tests/Fixtures/Definitions/awkward.json"))
    }

    @Test func exportSaysDeepObjectForTheNestedFieldsOfAURLEncodedForm() throws {
        let document = OpenAPIExporter.document(try Self.awkward())
        let content = try #require(document["paths"]?["/checkouts"]?["post"]?["requestBody"]?["content"])
        let deep = OrderedJSON.object([.init("style", .string("deepObject")), .init("explode", .bool(true))])
        #expect(
            content["application/x-www-form-urlencoded"]?["encoding"]
                == .object([
                    .init("address", deep), .init("shipping", deep), .init("lines", deep), .init("metadata", deep),
                    .init("line_by_name", deep),
                ]))
        // `style` applies to URL-encoded forms only; multipart says nothing more.
        #expect(content["multipart/form-data"]?["encoding"] == nil)
        // A flat form has no encoding.
        let flat = try DefinitionLoader.load(path: TestSupport.path("Definitions/teamup.json"))
        #expect(!OpenAPIExporter.text(flat).contains("\"encoding\""))
        let failure = try OpenAPIExportTests().validate(document.rendered())
        #expect(failure == nil, "awkward: \(failure ?? "")")
    }

    @Test func theExportImportsBackWithoutAWarning() throws {
        let definition = try Self.awkward()
        let (imported, warnings) = try OpenAPIImporter.convert(
            Data(OpenAPIExporter.text(definition).utf8), file: "awkward.openapi.json")
        #expect(!warnings.contains { $0.pointer.contains("~1checkouts") }, "\(warnings)")
        let operation = try #require(imported.operations.first { $0.name == "createCheckout" })
        #expect(operation.body?.contentTypes == [MediaTypes.formURLEncoded, MediaTypes.multipart])
        #expect(operation.body?.type == .named("Checkout"))
        let original = try #require(definition.type(named: "Checkout"))
        #expect(imported.type(named: "Checkout")?.kind == original.kind)
    }

    static let stripe = #"""
        {
          "openapi": "3.0.0",
          "info": { "title": "Stripe-like", "version": "1" },
          "paths": {
            "/v1/customers": {
              "post": {
                "operationId": "PostCustomers",
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/x-www-form-urlencoded": {
                      "encoding": {
                        "address": { "explode": true, "style": "deepObject" },
                        "expand": { "explode": true, "style": "deepObject" },
                        "metadata": { "explode": true, "style": "deepObject" },
                        "tax_ids": { "explode": true, "style": "deepObject" }
                      },
                      "schema": {
                        "type": "object",
                        "additionalProperties": false,
                        "properties": {
                          "address": {
                            "type": "object",
                            "title": "optional_fields_address",
                            "properties": { "city": { "type": "string", "maxLength": 5000 }, "line1": { "type": "string" } }
                          },
                          "description": { "type": "string" },
                          "expand": { "type": "array", "items": { "type": "string" } },
                          "metadata": { "type": "object", "additionalProperties": { "type": "string" } },
                          "tax_ids": {
                            "type": "array",
                            "items": {
                              "type": "object",
                              "title": "data_params",
                              "required": ["type", "value"],
                              "properties": {
                                "type": { "type": "string", "enum": ["eu_vat", "us_ein"] },
                                "value": { "type": "string" }
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                },
                "responses": { "200": { "description": "OK" } }
              }
            }
          }
        }
        """#

    @Test func stripesPlainNestedSchemasImportWithoutAWarning() throws {
        for text in [Self.stripe, Self.stripe.replacingOccurrences(of: #""encoding": {"#, with: #""x-encoding": {"#)] {
            let (definition, warnings) = try OpenAPIImporter.convert(Data(text.utf8), file: "stripe.json")
            #expect(warnings.isEmpty, "\(warnings.map(\.message))")
            let body = try #require(definition.operations.first?.body)
            #expect(body.contentTypes == [MediaTypes.formURLEncoded])
            #expect(DefinitionChecker.check(definition).isEmpty)
            guard case .named(let name)? = body.type, case .object(let fields)? = definition.type(named: name)?.kind
            else {
                Issue.record("the body is not an object: \(String(describing: body.type))")
                return
            }
            #expect(fields.map(\.name) == ["address", "description", "expand", "metadata", "tax_ids"])
            #expect(fields[3].type == .map(.string))
        }
    }

    @Test func anEncodingApigenDoesNotWriteStillWarns() throws {
        let text = Self.stripe.replacingOccurrences(
            of: #""address": { "explode": true, "style": "deepObject" }"#,
            with: #""address": { "contentType": "application/json" }"#)
        let (_, warnings) = try OpenAPIImporter.convert(Data(text.utf8), file: "stripe.json")
        #expect(warnings.map(\.kind.rawValue) == ["encoding"])
    }

    @Test func aOneOfInAFormIsKept() throws {
        let text = Self.stripe.replacingOccurrences(
            of: #""line1": { "type": "string" }"#,
            with: ##""line1": { "oneOf": [{ "$ref": "#/components/schemas/A" }, { "$ref": "#/components/schemas/B" }] }"##
        ).replacingOccurrences(
            of: #"  "paths": {"#,
            with: #"""
                  "components": { "schemas": {
                    "A": { "type": "object", "properties": { "a": { "type": "string" } } },
                    "B": { "type": "object", "properties": { "b": { "type": "integer" } } } } },
                  "paths": {
                """#)
        let (definition, warnings) = try OpenAPIImporter.convert(Data(text.utf8), file: "stripe.json")
        // Forms carry oneOfs (in bracket notation): no warning, and the body keeps its form.
        #expect(warnings.isEmpty, "\(warnings.map(\.message))")
        #expect(definition.operations.first?.body?.contentTypes == [MediaTypes.formURLEncoded])
        #expect(DefinitionChecker.check(definition).isEmpty)
    }
}

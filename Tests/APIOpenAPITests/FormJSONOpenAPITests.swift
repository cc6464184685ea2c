import APIDefinition
import APIOpenAPI
import Foundation
import Testing

/// `json` fields in form and multipart bodies in OpenAPI: a free-form object property (Twilio's
/// "stringified JSON") imports as `json` instead of dropping the form (or the whole body); an `encoding`
/// entry `contentType: application/json` on such a property says the same; the export writes that entry,
/// passes the validator and imports back to the same definition.
@Suite("json fields in forms in OpenAPI")
struct FormJSONOpenAPITests {
    /// A Twilio-like form: free-form properties spelled every way a document says "any JSON".
    static let document = #"""
        {
          "openapi": "3.0.1",
          "info": { "title": "Verify-like", "version": "1" },
          "paths": {
            "/Services": {
              "post": {
                "operationId": "CreateService",
                "requestBody": {
                  "content": {
                    "application/x-www-form-urlencoded": {
                      "schema": {
                        "type": "object",
                        "title": "CreateServiceRequest",
                        "required": ["FriendlyName"],
                        "properties": {
                          "FriendlyName": { "type": "string" },
                          "RateLimits": { "type": "object", "description": "A stringified JSON object." },
                          "Metadata": { "type": "object", "additionalProperties": true },
                          "Push": { "type": "object", "additionalProperties": {} },
                          "Channels": { "type": "array", "items": { "type": "object" } },
                          "Details": {
                            "type": "object",
                            "properties": { "Fields": { "type": "object" }, "Message": { "type": "string" } }
                          }
                        }
                      }
                    }
                  }
                },
                "responses": { "204": { "description": "Created" } }
              }
            },
            "/Uploads": {
              "post": {
                "operationId": "CreateUpload",
                "requestBody": {
                  "required": true,
                  "content": {
                    "multipart/form-data": {
                      "encoding": { "Config": { "contentType": "application/json" } },
                      "schema": {
                        "type": "object",
                        "required": ["Config"],
                        "properties": { "Config": { "type": "object" }, "Name": { "type": "string" } }
                      }
                    }
                  }
                },
                "responses": { "204": { "description": "Created" } }
              }
            }
          }
        }
        """#

    func fields(_ definition: Definition, _ operation: String) throws -> [Field] {
        let body = try #require(definition.operations.first { $0.name == operation }?.body)
        guard case .named(let name)? = body.type, case .object(let fields)? = definition.type(named: name)?.kind else {
            Issue.record("the body is not an object: \(String(describing: body.type))")
            return []
        }
        return fields
    }

    @Test func freeFormPropertiesImportAsJSONFieldsWithoutAWarning() throws {
        let (definition, warnings) = try OpenAPIImporter.convert(Data(Self.document.utf8), file: "verify.json")
        #expect(warnings.isEmpty, "\(warnings.map(\.description))")
        #expect(DefinitionChecker.check(definition).isEmpty)
        let service = try fields(definition, "CreateService")
        // `additionalProperties: {}` keeps its existing import, a map of any JSON (`Push[key]=<JSON text>`).
        #expect(
            service.map(\.type) == [
                .string, .json, .json, .map(.json), .array(.json), .named("CreateServiceBodyDetails"),
            ])
        let details = try #require(definition.type(named: "CreateServiceBodyDetails"))
        guard case .object(let inner) = details.kind else {
            Issue.record("Details is not an object")
            return
        }
        #expect(inner.map(\.type) == [.json, .string])
        #expect(
            definition.operations.first { $0.name == "CreateService" }?.body?.contentTypes == [
                MediaTypes.formURLEncoded
            ])
        let upload = try fields(definition, "CreateUpload")
        #expect(upload.map(\.type) == [.json, .string])
        #expect(definition.operations.first { $0.name == "CreateUpload" }?.body?.contentTypes == [MediaTypes.multipart])
    }

    @Test func anApplicationJSONEncodingOnAFieldThatIsNotJSONStillWarns() throws {
        let text = Self.document.replacingOccurrences(
            of: #""Config": { "contentType": "application/json" }"#,
            with: #""Name": { "contentType": "application/json" }"#)
        let (_, warnings) = try OpenAPIImporter.convert(Data(text.utf8), file: "verify.json")
        #expect(warnings.map(\.kind.rawValue) == ["encoding"], "\(warnings.map(\.description))")
    }

    @Test func anApplicationJSONEncodingOnATypedPropertyOfAnInlineBodyRetypesItAsJSON() throws {
        let text = Self.document.replacingOccurrences(
            of: #""Config": { "type": "object" }"#,
            with: #""Config": { "type": "object", "properties": { "a": { "type": "string" } } }"#)
        let (definition, warnings) = try OpenAPIImporter.convert(Data(text.utf8), file: "verify.json")
        #expect(warnings.map(\.kind.rawValue) == ["encoding"], "\(warnings.map(\.description))")
        #expect(warnings.first?.message.contains("sends 'Config' as JSON text; typed as any JSON (json)") == true)
        #expect(try fields(definition, "CreateUpload").map(\.type) == [.json, .string])
        #expect(DefinitionChecker.check(definition).filter { $0.severity == .error }.isEmpty)
        // A component's property is not retyped (other places may use the component): the encoding is ignored.
        let component = ##"""
            {
              "openapi": "3.0.1",
              "info": { "title": "Shared", "version": "1" },
              "components": { "schemas": { "Upload": { "type": "object", "required": ["Config"], "properties": {
                "Config": { "type": "object", "properties": { "a": { "type": "string" } } } } } } },
              "paths": { "/Uploads": { "post": {
                "operationId": "CreateUpload",
                "requestBody": { "required": true, "content": { "multipart/form-data": {
                  "encoding": { "Config": { "contentType": "application/json" } },
                  "schema": { "$ref": "#/components/schemas/Upload" } } } },
                "responses": { "204": { "description": "Created" } } } } }
            }
            """##
        let (shared, sharedWarnings) = try OpenAPIImporter.convert(Data(component.utf8), file: "shared.json")
        #expect(sharedWarnings.map(\.message) == ["'encoding' cannot be expressed; ignored"], "\(sharedWarnings)")
        #expect(try fields(shared, "CreateUpload").first?.type == .named("UploadConfig"))
    }

    @Test func exportWritesAnApplicationJSONEncodingAndImportsBack() throws {
        let definition = try NestedFormOpenAPITests.awkward()
        let document = OpenAPIExporter.document(definition)
        let content = try #require(document["paths"]?["/verify-settings"]?["post"]?["requestBody"]?["content"])
        let json = OrderedJSON.object([.init("contentType", .string(MediaTypes.json))])
        let deep = OrderedJSON.object([.init("style", .string("deepObject")), .init("explode", .bool(true))])
        #expect(
            content["application/x-www-form-urlencoded"]?["encoding"]
                == .object([.init("RateLimits", json), .init("Channels", json), .init("Metadata", deep)]))
        #expect(
            content["multipart/form-data"]?["encoding"]
                == .object([.init("RateLimits", json), .init("Channels", json)]))
        let failure = try OpenAPIExportTests().validate(document.rendered())
        #expect(failure == nil, "awkward: \(failure ?? "")")

        let (imported, warnings) = try OpenAPIImporter.convert(
            Data(OpenAPIExporter.text(definition).utf8), file: "awkward.openapi.json")
        #expect(!warnings.contains { $0.pointer.contains("~1verify-settings") }, "\(warnings)")
        let operation = try #require(imported.operations.first { $0.name == "updateVerifySettings" })
        #expect(operation.body?.contentTypes == [MediaTypes.formURLEncoded, MediaTypes.multipart])
        #expect(imported.type(named: "VerifySettings")?.kind == definition.type(named: "VerifySettings")?.kind)
    }
}

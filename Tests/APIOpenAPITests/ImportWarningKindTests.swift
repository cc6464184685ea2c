import APIOpenAPI
import Foundation
import Testing

/// Every import warning carries a stable kind (`response-headers`, `security-scheme`, …) that tools
/// such as `Benchmarks/corpus.sh` group by, and `apigen import` prints it after the message.
@Suite("Import warning kinds")
struct ImportWarningKindTests {
    /// The importer's test documents, which between them give most of its warnings.
    static let documents = [
        ("petStore", OpenAPIImportTests.petStore), ("shapes", OpenAPIImportTests.shapes),
        ("recursive", OpenAPIImportTests.recursive), ("names", OpenAPIImportTests.names),
    ]

    static func warnings(_ text: String) throws -> [OpenAPIImporter.Warning] {
        try OpenAPIImporter.convert(Data(text.utf8), file: "openapi.json").warnings
    }

    @Test(arguments: documents.map(\.0))
    func everyWarningHasAKind(document: String) throws {
        let text = try #require(Self.documents.first { $0.0 == document }?.1)
        let warnings = try Self.warnings(text)
        #expect(!warnings.isEmpty)
        let unclassified = warnings.filter { $0.kind == .other }
        #expect(unclassified.isEmpty, "\(unclassified.map(\.description).joined(separator: "\n"))")
    }

    @Test func theConstructsOfTheCorpusTableHaveTheirOwnKinds() throws {
        let warnings = try Self.warnings(OpenAPIImportTests.petStore)
        var kinds: [String: String] = [:]
        for warning in warnings { kinds[warning.pointer] = warning.kind.rawValue }
        let expected: [(String, String)] = [
            ("#/components/securitySchemes/mtls", "security-scheme"),
            ("#/components/securitySchemes/digest", "security-scheme"),
            ("#/paths/~1pets~1{petId}/trace", "trace"),
            ("#/paths/~1pets~1{petId}/get", "rename"),
            ("#/components/schemas/Error", "rename"),
            ("#/components/schemas/Pet/properties/weight/exclusiveMaximum", "constraint"),
            ("#/components/schemas/Pet/properties/shape/not", "unsupported-keyword"),
            ("#/paths/~1pets/post/callbacks", "callbacks"),
            ("#/paths/~1pets/post/requestBody/content/application~1xml", "xml"),
            ("#/paths/~1pets~1{petId}/get/responses/200/links", "links"),
            ("#/paths/~1pets~1{petId}/get/security/1/oauth", "security-scopes"),
            ("#/paths/~1pets~1{petId}/get/security/2", "security-scheme"),
            ("#/paths/~1login/post/security", "optional-auth"),
        ]
        for (pointer, kind) in expected {
            #expect(kinds[pointer] == kind, "\(pointer)")
        }
    }

    /// A document without servers imports without a warning: the definition names no base URL, and the
    /// generated client takes one.
    @Test func aDocumentWithoutServersImportsWithoutAWarning() throws {
        let text = #"{"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {}}"#
        #expect(try Self.warnings(text).isEmpty)
        let (definition, _) = try OpenAPIImporter.convert(Data(text.utf8), file: "openapi.json", serviceName: "T")
        #expect(definition.service.baseURL == nil)
    }

    @Test func serversAndBodiesHaveTheirOwnKinds() throws {
        let text = #"""
            {
              "openapi": "3.0.3", "info": { "title": "T", "version": "1" }, "servers": [{ "url": "https://a.example.com" }],
              "paths": {
                "/up": {
                  "servers": [{ "url": "https://b.example.com" }],
                  "post": {
                    "operationId": "up",
                    "requestBody": {
                      "required": true,
                      "content": {
                        "application/json": { "schema": { "type": "string" } },
                        "application/octet-stream": { "schema": { "type": "string", "format": "binary" } }
                      }
                    },
                    "responses": {
                      "200": {
                        "description": "OK",
                        "content": {
                          "application/json": {
                            "schema": { "type": "array", "items": { "$ref": "#/components/schemas/A" }, "maxItems": 3 }
                          }
                        }
                      }
                    }
                  }
                }
              },
              "components": { "schemas": { "A": { "type": "object", "properties": { "a": { "type": "string" } } } } }
            }
            """#
        let warnings = try Self.warnings(text)
        #expect(
            warnings.map { "\($0.pointer) \($0.kind)" } == [
                "#/paths/~1up/servers operation-servers",
                "#/paths/~1up/post/requestBody/content/application~1octet-stream media-type-unsupported",
                "#/paths/~1up/post/responses/200/content/application~1json/schema body-constraints",
            ])
    }

    @Test func theDescriptionEndsWithTheKindInBrackets() throws {
        let warning = OpenAPIImporter.Warning(
            pointer: "#/paths/~1pets/post/callbacks", message: "callbacks are not supported; dropped")
        #expect(warning.kind.rawValue == "callbacks")
        #expect(
            warning.description
                == "#/paths/~1pets/post/callbacks: warning: callbacks are not supported; dropped [callbacks]")
        let unknown = OpenAPIImporter.Warning(pointer: "#/x", message: "something new")
        #expect(unknown.kind == .other)
        #expect(unknown.description.hasSuffix("something new [other]"))
    }
}

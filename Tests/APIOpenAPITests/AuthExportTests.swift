import APIDefinition
import APIOpenAPI
import Foundation
import Testing

/// Auth kinds (issue 12 §2) in OpenAPI: the awkward fixture's schemes export as valid OpenAPI 3.1
/// security schemes (flows, scopes in order, OpenID Connect, keys in the query and a cookie) and
/// import back as they were, without a security warning.
@Suite("OpenAPI export and import of auth")
struct AuthExportTests {
    static func awkward() throws -> Definition {
        try DefinitionLoader.load(
            path: TestSupport.path("Tests/Fixtures/Definitions/awkward.json"),
            displayPath: "Tests/Fixtures/Definitions/awkward.json")
    }

    @Test func securitySchemesSayWhatTheDefinitionSays() throws {
        let document = OpenAPIExporter.document(try Self.awkward())
        let schemes = try #require(document["components"]?["securitySchemes"])
        #expect(schemes["basic_login"]?["type"] == .string("http"))
        #expect(schemes["basic_login"]?["scheme"] == .string("basic"))
        #expect(schemes["query_key"]?["in"] == .string("query"))
        #expect(schemes["query_key"]?["name"] == .string("api-key"))
        #expect(schemes["cookie_key"]?["in"] == .string("cookie"))
        #expect(schemes["oidc"]?["type"] == .string("openIdConnect"))
        let flows = try #require(schemes["oauth"]?["flows"])
        #expect(flows.members?.map(\.key) == ["authorizationCode", "clientCredentials"])
        #expect(flows["authorizationCode"]?["scopes"]?.members?.map(\.key) == ["write:accounts", "read:accounts"])
        #expect(flows["authorizationCode"]?["refreshUrl"] == .string("https://example.com/oauth/refresh"))
        let security = try #require(document["paths"]?["/accounts/{id}"]?["get"]?["security"]?.arrayValue)
        #expect(security.count == 4)
        #expect(security[1]["oauth"] == .array([.string("read:accounts"), .string("write:accounts")]))
        #expect(security[3].members?.map(\.key) == ["query_key", "cookie_key"])
    }

    @Test func theExportIsValidOpenAPI31() throws {
        let document = OpenAPIExporter.document(try Self.awkward())
        let failure = try OpenAPIExportTests().validate(document.rendered())
        #expect(failure == nil, "\(failure ?? "")")
    }

    @Test func importOfTheExportKeepsEverySchemeAndRequirement() throws {
        let definition = try Self.awkward()
        let document = OpenAPIExporter.document(definition)
        let (imported, warnings) = try OpenAPIImporter.convert(
            Data(document.rendered().utf8), file: "awkward.json")
        let security = warnings.filter { $0.kind.rawValue.contains("security") || $0.kind.rawValue.contains("auth") }
        #expect(security.isEmpty, "\(security)")
        #expect(imported.auth.map(\.name) == definition.auth.map(\.name))
        // The export keeps no doc of a scope without one, and a scheme's doc becomes its description.
        #expect(imported.auth.map(\.kind) == definition.auth.map(\.kind))
        let account = try #require(imported.operations.first { $0.name == "getAccount" })
        #expect(account.auth == definition.operations.first { $0.name == "getAccount" }?.auth)
    }
}

/// What import keeps of security schemes, and what it still drops with a warning.
@Suite("OpenAPI import of auth kinds")
struct AuthImportTests {
    static let document = #"""
        {
          "openapi": "3.1.0", "info": { "title": "T", "version": "1" }, "servers": [{ "url": "https://a.example.com" }],
          "components": {
            "securitySchemes": {
              "oidc": { "type": "openIdConnect", "openIdConnectUrl": "https://a.example.com/.well-known/openid-configuration" },
              "cookieKey": { "type": "apiKey", "in": "cookie", "name": "sid", "description": "The session." },
              "oauth": {
                "type": "oauth2",
                "flows": {
                  "password": { "tokenUrl": "https://a.example.com/token", "scopes": { "z": "Last.", "a": "" } },
                  "implicit": { "scopes": {} },
                  "deviceCode": { "tokenUrl": "https://a.example.com/device" }
                }
              },
              "broken": { "type": "oauth2", "flows": { "implicit": { "scopes": {} } } },
              "noURL": { "type": "openIdConnect" }
            }
          },
          "paths": {
            "/me": {
              "get": {
                "operationId": "me",
                "security": [{ "oauth": ["z", "a", "z"] }, { "oidc": ["openid"] }, { "cookieKey": ["admin"] }],
                "responses": { "204": { "description": "Me." } }
              }
            }
          }
        }
        """#

    @Test func kindsFlowsAndScopesAreKeptInTheDocumentsOrder() throws {
        let (definition, warnings) = try OpenAPIImporter.convert(Data(Self.document.utf8), file: "openapi.json")
        #expect(
            definition.auth == [
                AuthScheme(
                    name: "oidc", kind: .openIdConnect(url: "https://a.example.com/.well-known/openid-configuration"),
                    doc: nil),
                AuthScheme(name: "cookieKey", kind: .apiKeyCookie(name: "sid"), doc: "The session."),
                AuthScheme(
                    name: "oauth",
                    kind: .oauth2(flows: [
                        OAuthFlow(
                            kind: .password, tokenURL: "https://a.example.com/token",
                            scopes: [OAuthScope(name: "z", doc: "Last."), OAuthScope(name: "a")])
                    ]), doc: nil),
            ])
        #expect(
            definition.operations[0].auth == [
                [AuthUse(scheme: "oauth", scopes: ["z", "a"])], [AuthUse(scheme: "oidc", scopes: ["openid"])],
                ["cookieKey"],
            ])
        #expect(
            warnings.map { "\($0.pointer) [\($0.kind)]" } == [
                "#/components/securitySchemes/oauth/flows/implicit [security-scheme]",
                "#/components/securitySchemes/oauth/flows/deviceCode [security-scheme]",
                "#/components/securitySchemes/broken/flows/implicit [security-scheme]",
                "#/components/securitySchemes/broken/flows [security-scheme]",
                "#/components/securitySchemes/noURL [security-scheme]",
                "#/paths/~1me/get/security/2/cookieKey [security-scopes]",
            ])
        #expect(DefinitionChecker.check(definition).isEmpty)
    }
}

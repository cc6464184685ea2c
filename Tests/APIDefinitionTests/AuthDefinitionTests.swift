import APIDefinition
import Foundation
import Testing

/// Auth kinds (issue 12 §2): basic, apiKey in a header, the query or a cookie, oauth2 with flows and
/// scopes, openIdConnect — loaded, checked with located diagnostics, and classified by `apigen diff`.
@Suite("Auth definitions")
struct AuthDefinitionTests {
    static let valid = """
        {
          "formatVersion": 1,
          "service": { "name": "Demo", "baseURL": "https://demo.test/v1" },
          "auth": [
            { "name": "login", "kind": "basic" },
            { "name": "oauth", "kind": "oauth2", "flows": [
              { "kind": "clientCredentials", "tokenUrl": "https://demo.test/token",
                "scopes": [{ "name": "write" }, { "name": "read", "doc": "Read." }] }
            ] },
            { "name": "oidc", "kind": "openIdConnect", "openIdConnectUrl": "https://demo.test/.well-known/openid-configuration" },
            { "name": "qkey", "kind": "apiKey", "query": "api_key" },
            { "name": "ckey", "kind": "apiKey", "cookie": "sid" }
          ],
          "operations": [
            { "name": "getItem", "method": "GET", "path": "/items",
              "auth": ["login", { "scheme": "oauth", "scopes": ["read"] }, ["qkey", "ckey"]],
              "responses": [{ "status": 204 }] }
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

    func breaking(_ old: String, _ new: String) -> [String] {
        precondition(Self.valid.contains(old), "\(old) is not in the valid definition")
        return diagnostics(Self.valid.replacingOccurrences(of: old, with: new))
    }

    static func load(_ text: String = valid) throws -> Definition {
        try DefinitionLoader.load(data: Data(text.utf8), file: "demo.json")
    }

    @Test func theValidDefinitionLoadsInTheAuthorsOrder() throws {
        let definition = try Self.load()
        #expect(
            definition.auth.map(\.kind) == [
                .basic,
                .oauth2(flows: [
                    OAuthFlow(
                        kind: .clientCredentials, tokenURL: "https://demo.test/token",
                        scopes: [OAuthScope(name: "write"), OAuthScope(name: "read", doc: "Read.")])
                ]),
                .openIdConnect(url: "https://demo.test/.well-known/openid-configuration"),
                .apiKeyQuery(name: "api_key"), .apiKeyCookie(name: "sid"),
            ])
        #expect(
            definition.operations[0].auth == [
                ["login"], [AuthUse(scheme: "oauth", scopes: ["read"])], ["qkey", "ckey"],
            ])
    }

    @Test func anAPIKeyNeedsExactlyOnePlace() {
        #expect(
            breaking(#""query": "api_key""#, #""query": "api_key", "header": "X-Key""#)
                == [
                    "demo.json:11:5: error: auth[3]: an auth scheme of kind 'apiKey' takes one of 'header', 'query' or 'cookie', not 'header' and 'query'"
                ])
        #expect(
            breaking(#", "cookie": "sid""#, "")
                == [
                    "demo.json:12:5: error: auth[4]: an auth scheme of kind 'apiKey' needs 'header', 'query' or 'cookie': the header, query item or cookie that carries the key"
                ])
    }

    @Test func keysOfAnotherKindAreErrors() {
        #expect(
            breaking(#""kind": "basic""#, #""kind": "basic", "bearerFormat": "JWT""#)
                == ["demo.json:5:57: error: auth[0].bearerFormat: 'bearerFormat' applies to kind 'bearer' only"])
        #expect(
            breaking(#""kind": "openIdConnect""#, #""kind": "bearer""#)
                == [
                    "demo.json:10:61: error: auth[2].openIdConnectUrl: 'openIdConnectUrl' applies to kind 'openIdConnect' only"
                ])
    }

    @Test func flowsNeedTheirURLs() {
        #expect(
            breaking(#""tokenUrl": "https://demo.test/token","#, "")
                == ["demo.json:7:7: error: auth[1].flows[0]: an OAuth 2 flow 'clientCredentials' needs 'tokenUrl'"])
        #expect(
            breaking(#""kind": "clientCredentials""#, #""kind": "implicit""#)
                == [
                    "demo.json:7:7: error: auth[1].flows[0]: an OAuth 2 flow 'implicit' needs 'authorizationUrl'",
                    "demo.json:7:41: error: auth[1].flows[0].tokenUrl: 'tokenUrl' does not apply to an implicit flow",
                ])
        #expect(
            breaking(#""kind": "clientCredentials""#, #""kind": "clientCredential""#)
                == [
                    "demo.json:7:17: error: auth[1].flows[0].kind: unknown OAuth 2 flow 'clientCredential' (did you mean 'clientCredentials'?); expected one of 'implicit', 'password', 'clientCredentials', 'authorizationCode'"
                ])
    }

    @Test func scopesMustBeOfferedAndOnlyOnOAuthKinds() {
        #expect(
            breaking(#""scopes": ["read"]"#, #""scopes": ["raed"]"#)
                == [
                    "demo.json:16:25: error: operations[0].auth[1]: scope 'raed' is not offered by a flow of auth scheme 'oauth' (did you mean 'read'?)"
                ])
        #expect(
            breaking(#""auth": ["login","#, #""auth": [{ "scheme": "login", "scopes": ["x"] },"#)
                == [
                    "demo.json:16:16: error: operations[0].auth[0]: auth scheme 'login' takes no scopes: only kinds 'oauth2' and 'openIdConnect' do"
                ])
        // OpenID Connect scopes are the provider's: any name.
        #expect(
            breaking(#"{ "scheme": "oauth", "scopes": ["read"] }"#, #"{ "scheme": "oidc", "scopes": ["x"] }"#) == [])
    }

    @Test func aQueryKeyMustNotCollideWithAQueryParameter() {
        #expect(
            breaking(
                #""responses": [{ "status": 204 }]"#,
                #""parameters": [{ "name": "api_key", "in": "query", "type": "string" }], "responses": [{ "status": 204 }]"#
            )
                == [
                    "demo.json:16:68: error: operations[0].auth[2]: auth scheme 'qkey' sends its key in the query item 'api_key', which parameters[0] also uses"
                ])
    }

    @Test func aCookieKeyMustNotCollideWithACookieParameter() {
        #expect(
            breaking(
                #""responses": [{ "status": 204 }]"#,
                #""parameters": [{ "name": "sid", "in": "cookie", "type": "string" }], "responses": [{ "status": 204 }]"#
            )
                == [
                    "demo.json:16:68: error: operations[0].auth[2]: auth scheme 'ckey' sends its key in the cookie 'sid', which parameters[0] also uses"
                ])
    }

    static func diff(_ old: String, _ new: String) throws -> [String] {
        let before = try load()
        let after = try load(valid.replacingOccurrences(of: old, with: new))
        return DefinitionDiff(old: before, new: after).changes.map {
            "\($0.impact.rawValue) \($0.path): \($0.message)"
        }
    }

    @Test func diffClassifiesSchemeChanges() throws {
        #expect(
            try Self.diff(#""kind": "basic""#, #""kind": "bearer""#)
                == ["breaking-wire auth.login: auth scheme changed from HTTP Basic to bearer"])
        #expect(
            try Self.diff(
                #""kind": "openIdConnect", "openIdConnectUrl": "https://demo.test/.well-known/openid-configuration""#,
                #""kind": "bearer""#)
                == [
                    "additive auth.oidc: auth scheme changed from OpenID Connect to bearer (the same bearer token on the wire)"
                ])
        #expect(
            try Self.diff(#""query": "api_key""#, #""cookie": "api_key""#)
                == [
                    "breaking-wire auth.qkey: auth scheme changed from API key in query item api_key to API key in cookie api_key"
                ])
        #expect(
            try Self.diff(#"{ "name": "write" }, "#, "")
                == ["breaking-wire auth.oauth.flows.clientCredentials.scopes.write: scope removed"])
        #expect(
            try Self.diff(#"{ "name": "write" }"#, #"{ "name": "write" }, { "name": "admin" }"#)
                == ["additive auth.oauth.flows.clientCredentials.scopes.admin: scope added"])
        #expect(
            try Self.diff("https://demo.test/token", "https://demo.test/oauth/token")
                == ["breaking-wire auth.oauth.flows.clientCredentials: OAuth 2 flow URLs changed"])
    }

    @Test func diffClassifiesRequiredScopes() throws {
        #expect(
            try Self.diff(#""scopes": ["read"]"#, #""scopes": ["read", "write"]"#)
                == [
                    "breaking-wire operations.getItem.auth: required scopes changed from login or oauth[read] or qkey + ckey to login or oauth[read, write] or qkey + ckey"
                ])
        #expect(
            try Self.diff(#""scopes": ["read"]"#, #""scopes": []"#)
                == [
                    "additive operations.getItem.auth: required scopes changed from login or oauth[read] or qkey + ckey to login or oauth or qkey + ckey"
                ])
    }
}

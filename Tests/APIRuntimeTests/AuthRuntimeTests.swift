@_spi(Generated) import APIRuntime
import Foundation
import Testing

/// The runtime side of the auth kinds: attaching Basic, query and cookie credentials, reading them
/// back, and the `WWW-Authenticate` challenges of a 401.
@Suite("Auth runtime")
struct AuthRuntimeTests {
    static func request(_ headers: HeaderFields = [:], query: [URLQueryItem] = []) -> ServerRequest {
        var http = APIRequest(method: .get, path: "/x", headers: headers)
        http.query = query
        return ServerRequest(http: http, pathParameters: [:])
    }

    @Test func basicIsBase64OfUserColonPasswordInUTF8() throws {
        var request = APIRequest(method: .get, path: "/x")
        try ClientSupport.authorize(
            &request, oneOf: [[.basic("login", BasicCredentials(username: "Aladdin", password: "open sesame"))]])
        #expect(request.headers["Authorization"] == "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")  // RFC 7617 §2
        let found = try Self.request(["Authorization": "basic  QWxhZGRpbjpvcGVuIHNlc2FtZQ== "])
            .authenticate(oneOf: [[.basic("login", realm: "r")]])
        #expect(found.basic("login") == BasicCredentials(username: "Aladdin", password: "open sesame"))
        #expect(found["login"] == nil)
    }

    @Test func queryAndCookieKeysAreAttachedAndRead() throws {
        var request = APIRequest(method: .get, path: "/x", headers: ["Cookie": "theme=dark"])
        try ClientSupport.authorize(
            &request,
            oneOf: [[.query("q", name: "api_key", value: "a b&c"), .cookie("c", name: "sid", value: "x;y \"z\" 5%")]])
        #expect(request.query == [URLQueryItem(name: "api_key", value: "a b&c")])
        #expect(request.headers["Cookie"] == "theme=dark; sid=x%3By%20%22z%22%205%25")
        let found = try Self.request(request.headers, query: request.query)
            .authenticate(oneOf: [[.query("q", name: "api_key"), .cookie("c", name: "sid")]])
        #expect(found["q"] == "a b&c" && found["c"] == "x;y \"z\" 5%")
    }

    @Test func everyKindIsChallengedOnceInOrder() {
        do {
            _ = try Self.request().authenticate(
                oneOf: [
                    [.header("k", name: "X-Key")], [.basic("l", realm: "A \"quoted\" \\ realm\nwith é")],
                    [.bearer("b")], [.bearer("o"), .cookie("c", name: "sid")],
                ])
            Issue.record("accepted")
        } catch {
            #expect(error.status == 401)
            #expect(
                error.headers["WWW-Authenticate"]
                    == #"API-Key, Basic realm="A \"quoted\" \\ realm?with ?", charset="UTF-8", Bearer"#)
            #expect(
                error.message
                    == "missing X-Key header; or missing Authorization header; or missing Authorization header; or missing Authorization header and missing sid cookie"
            )
        }
    }

    @Test func aBearerOnlyRouteStillSaysBearer() {
        do {
            _ = try Self.request().authenticate(oneOf: [[.bearer("b")]])
            Issue.record("accepted")
        } catch {
            #expect(error.headers["WWW-Authenticate"] == "Bearer")
        }
    }

    @Test func basicCredentialsNeverShowThePassword() {
        let credentials = BasicCredentials(username: "u", password: "SECRET")
        var dumped = ""
        dump(credentials, to: &dumped)
        for text in [credentials.description, credentials.debugDescription, "\(credentials)", dumped] {
            #expect(!text.contains("SECRET") && text.contains(Redacted.placeholder), "\(text)")
        }
    }
}

@_spi(Generated) import APIRuntime
import Foundation
import Testing

/// Plants secrets (in sensitive fields, credentials and parameters, as strings, numbers, enum values and
/// field names) in requests and responses that fail, and looks for them in every error text.
@Suite("Secrets never show in errors")
struct SecretsTests {
    /// Every planted secret contains one of these.
    static let markers = ["SECRET", "987654321987654321987"]

    static func leaks(_ text: String) -> Bool { markers.contains { text.contains($0) } }

    static func json(_ path: String, _ body: String, headers: HeaderFields = [:]) -> APIRequest {
        var headers = headers
        if headers["Content-Type"] == nil { headers["Content-Type"] = "application/json" }
        return APIRequest(method: .post, path: path, headers: headers, body: Data(body.utf8))
    }

    static func form(_ path: String, _ body: String) -> APIRequest {
        APIRequest(
            method: .post, path: path, headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: Data(body.utf8))
    }

    @Test func serverAnswersQuoteNoSecret() async throws {
        let start = "/api/v2/auth/two_factor/start_verification"
        let login = "/api/v2/auth/password_login"
        let sfox = "/v1/enterprise/users/send-verification/u1"
        let cases: [(APIRouter, APIRequest)] = [
            (ServiceCalls.sfox, APIRequest(method: .post, path: sfox, headers: ["Authorization": "Basic SECRET-1"])),
            (ServiceCalls.sfox, Self.json(sfox, #"{"type":"email"}"#, headers: ["Authorization": "Bearer SECRET-2"])),
            (
                ServiceCalls.sfox,
                Self.json(sfox, #"{"type":"SECRET-3"}"#, headers: ["Authorization": "Bearer test-key"])
            ),
            (ServiceCalls.sfox, APIRequest(method: .get, path: "/v1/users/SECRET-4/x/y")),
            (
                ServiceCalls.teamUp,
                Self.json(start, #"{"phone_number":"1","provider":1,"direct_auth_key":987654321987654321987}"#)
            ),
            (
                ServiceCalls.teamUp,
                Self.json(start, #"{"phone_number":"1","provider":987654321987654321987,"direct_auth_key":"k"}"#)
            ),
            (
                ServiceCalls.teamUp,
                Self.json(start, #"{"phone_number":"1","provider":1,"direct_auth_key":"k","pending_login":"SECRET-5"}"#)
            ),
            (ServiceCalls.teamUp, Self.form(start, "phone_number=1&provider=SECRET-6&direct_auth_key=k")),
            (ServiceCalls.teamUp, Self.form(start, "phone_number=1&provider=1&direct_auth_key=k&SECRET-7%zz=1")),
            (ServiceCalls.teamUp, Self.form(start, "phone_number=1&provider=1&direct_auth_key=SECRET-8%zz")),
            (
                ServiceCalls.teamUp,
                Self.json(login + "?format=SECRET-9", #"{"username":"u","password":"p","direct_auth_key":"k"}"#)
            ),
            (
                ServiceCalls.teamUp,
                Self.json(login, #"{"username":"u","password":["SECRET-10"],"direct_auth_key":"k"}"#)
            ),
            (
                ServiceCalls.teamUp,
                Self.json(
                    login,
                    #"{"username":"u","password":"p","direct_auth_key":"k","verification_key":{"a":"SECRET-11"}}"#)
            ),
            (ServiceCalls.teamUp, Self.json(login, #"{"username":"u","password":"SECRET-12","direct_auth_key":"k"}"#)),
            (
                ServiceCalls.smsend,
                Self.json("/API/v1.0/REST/2fa/request", #"{"recipient":"1"}"#, headers: ["user_key": "SECRET-13"])
            ),
            (
                ServiceCalls.authEndpoints,
                APIRequest(
                    method: .get, path: "/identity/users/enable_2fa", headers: ["Authorization": "Bearer SECRET-14"])
            ),
            (
                ServiceCalls.authEndpoints,
                APIRequest(method: .get, path: "/identity/users/enable_2fa", headers: ["Authorization": "SECRET-15"])
            ),
            (
                ServiceCalls.xml,
                APIRequest(
                    method: .post, path: "/xml/verification", headers: ["Content-Type": "application/xml"],
                    body: Data(
                        "<root><phone_number>1</phone_number><provider>SECRET-16</provider><direct_auth_key>k</direct_auth_key></root>"
                            .utf8))
            ),
            (
                ServiceCalls.xml,
                APIRequest(
                    method: .post, path: "/xml/login", headers: ["Content-Type": "application/xml"],
                    body: Data(
                        "<root><username>u</username><password><a>SECRET-17</a></password><direct_auth_key>k</direct_auth_key></root>"
                            .utf8))
            ),
            (
                ServiceCalls.xml,
                APIRequest(
                    method: .post, path: "/xml/login", headers: ["Content-Type": "multipart/form-data; boundary=b"],
                    body: Data(
                        "--b\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\n\u{FF}SECRET-18\r\n--b--\r\n"
                            .utf8))
            ),
        ]
        var statuses: [Int] = []
        for (router, request) in cases {
            let response = await router.handle(request)
            statuses.append(response.status)
            let text = String(decoding: response.body.bytes, as: UTF8.self) + "\(response.headers)"
            #expect(!Self.leaks(text), "\(request.method) \(request.path): \(response.status) \(text)")
            #expect((400..<500).contains(response.status), "\(request.path): \(response.status) \(text)")
        }
        #expect(statuses.contains(401) && statuses.contains(400))
    }

    @Test func clientErrorsQuoteNoSecret() async throws {
        func errors(answering body: String, contentType: String, status: Int = 200) async -> [ClientError] {
            let transport = CannedTransport(
                response: APIResponse(status: status, headers: ["Content-Type": contentType], body: Data(body.utf8)))
            var found: [ClientError] = []
            for call in ServiceCalls.all {
                do { try await call.call(transport) } catch { found.append(error) }
            }
            return found
        }
        var all: [ClientError] = []
        for (body, contentType) in [
            (#"{"access_token":987654321987654321987,"expires_in":null,"refresh_token":"r"}"#, "application/json"),
            (#"{"access_token":"a","expires_in":"SECRET-20","refresh_token":"r"}"#, "application/json"),
            (#"{"success":true,"message":"m","verification_code":"SECRET-21"}"#, "application/json"),
            (#"{"data":{"user_id":"u","type":"SECRET-22"}}"#, "application/json"),
            (#"{"accessToken":["SECRET-23"],"refreshToken":"r"}"#, "application/json"),
            ("<root><object>SECRET-24</object></root>", "application/xml"),
            (
                "<root><success>True</success><message>m</message><verification_code>SECRET-25</verification_code></root>",
                "application/xml"
            ),
            ("<root><access_token><a>SECRET-26</a></access_token></root>", "application/xml"),
            ("<root><expires_in>SECRET-27</expires_in></root>", "application/xml"),
            ("SECRET-28", "text/html"),
        ] {
            all += await errors(answering: body, contentType: contentType)
        }
        struct Failing: ClientTransport {
            func send(_ request: APIRequest, baseURL: URL) async throws -> APIResponse {
                throw URLError(
                    .timedOut,
                    userInfo: [NSURLErrorFailingURLErrorKey: URL(string: "https://x.example/?token=SECRET-30")!])
            }
        }
        for call in ServiceCalls.all.prefix(3) {
            do { try await call.call(Failing()) } catch { all.append(error) }
        }
        #expect(all.count > 30)
        #expect(all.contains { if case .transport = $0 { true } else { false } })
        for error in all {
            var dumped = ""
            dump(error, to: &dumped)
            let texts = ["\(error)", String(reflecting: error), dumped, error.localizedDescription]
            #expect(!texts.contains(where: Self.leaks), "\(texts)")
        }
    }
}

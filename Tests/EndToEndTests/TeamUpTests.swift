@_spi(Generated) import APIRuntime
import Foundation
import TeamUpAPI
import Testing

/// A TeamUp stand-in with the real 2FA login flow: a user with two-factor authentication gets a
/// pending login, starts a verification for it, and logs in again with the code.
final class FakeTeamUp: TeamUpHandler, @unchecked Sendable {
    static let directAuthKey = "direct-key"
    static let code = "123456"
    private let lock = NSLock()
    private var pending: [UUID: Int] = [:]
    private var verified: Set<UUID> = []
    let created = RFC3339.date(from: "2024-07-29T15:51:28.071Z")!

    func startVerification(_ input: StartVerificationInput) async throws -> StartVerificationOutput {
        guard input.body.directAuthKey == Self.directAuthKey else {
            throw ServerError(status: 403, message: "unknown direct_auth_key")
        }
        if let id = input.body.pendingLogin {
            let known = lock.withLock { pending[id] != nil }
            guard known else { throw ServerError.badRequest("unknown pending login") }
        }
        return .ok(
            StartVerificationResponse(
                message: "Code sent to \(input.body.phoneNumber)", expiresAt: created.addingTimeInterval(600),
                verificationCode: Self.code))
    }

    func passwordLogin(_ input: PasswordLoginInput) async throws -> PasswordLoginOutput {
        guard input.body.directAuthKey == Self.directAuthKey, input.body.password == "hunter22" else {
            throw ServerError(status: 401, message: "invalid credentials")
        }
        if input.body.username == "simple@example.com" {
            return .ok(
                .getAccessTokenSuccess(
                    GetAccessTokenSuccess(accessToken: "token-1", expiresIn: nil, refreshToken: "refresh-1")))
        }
        if let key = input.body.verificationKey {
            guard key == Self.code else { throw ServerError(status: 401, message: "wrong verification code") }
            return .ok(
                .getAccessTokenSuccess(
                    GetAccessTokenSuccess(accessToken: "token-2fa", expiresIn: 3600, refreshToken: "refresh-2fa"))
            )
        }
        let id = UUID(uuidString: "3FA85F64-5717-4562-B3FC-2C963F66AFA6")!
        lock.withLock { pending[id] = 42 }
        return .ok(
            .pendingLogin(PendingLogin(id: id, createdAt: created, user: 42, twoFactorRequiredProviders: [7, 9])))
    }
}

@Suite("TeamUp")
struct TeamUpTests {
    let router = FakeTeamUp().makeRouter()
    var client: TeamUpClient { TeamUpClient(transport: InProcessTransport(router: router)) }

    func post(_ path: String, _ body: String, contentType: String, query: [URLQueryItem] = []) async -> APIResponse {
        await router.handle(
            APIRequest(
                method: .post, path: "/api/v2" + path, query: query, headers: ["Content-Type": contentType],
                body: Data(body.utf8)))
    }

    func text(_ response: APIResponse) -> String { String(decoding: response.body.bytes, as: UTF8.self) }

    // MARK: The seed's examples

    @Test func seedJSONExamplesDecode() throws {
        let start = try JSONCoding.decode(
            StartVerificationResponse.self,
            from: Data(
                #"{  "success": true,  "message": "string",  "expires_at": "2024-07-29T15:51:28.071Z",  "verification_code": "string"}"#
                    .utf8))
        #expect(start.message == "string")
        #expect(start.expiresAt == RFC3339.date(from: "2024-07-29T15:51:28.071Z"))
        #expect(start.verificationCode == "string")
        let request = try JSONCoding.decode(
            StartVerificationRequest.self,
            from: Data(
                #"{  "phone_number": "string",  "provider": 0,  "direct_auth_key": "string",  "pending_login": "3fa85f64-5717-4562-b3fc-2c963f66afa6"}"#
                    .utf8))
        #expect(request.pendingLogin == UUID(uuidString: "3fa85f64-5717-4562-b3fc-2c963f66afa6"))
        let login = try JSONCoding.decode(
            PasswordLoginResponse.self,
            from: Data(#"{  "access_token": "string",  "expires_in": 0,  "refresh_token": "string"}"#.utf8))
        #expect(
            login
                == .getAccessTokenSuccess(
                    GetAccessTokenSuccess(accessToken: "string", expiresIn: 0, refreshToken: "string")))
        let loginRequest = try JSONCoding.decode(
            PasswordLoginRequest.self,
            from: Data(
                #"{  "username": "string",  "password": "string",  "direct_auth_key": "string",  "verification_key": "string"}"#
                    .utf8))
        #expect(loginRequest.verificationKey == "string")
    }

    @Test func seedXMLExamplesDecode() throws {
        let start = try BodyCoding.decode(
            StartVerificationResponse.self,
            from: Data(
                "<root>  <success>true</success>  <message>string</message>  <expires_at>2024-07-29T15:51:28.071Z</expires_at>  <verification_code>string</verification_code></root>"
                    .utf8),
            format: .xml, contentType: "application/xml", dialect: .teamUp)
        #expect(start.message == "string")
        #expect(start.expiresAt == RFC3339.date(from: "2024-07-29T15:51:28.071Z"))
        let login = try BodyCoding.decode(
            PasswordLoginResponse.self,
            from: Data(
                "<root>  <access_token>string</access_token>  <expires_in>0</expires_in>  <refresh_token>string</refresh_token></root>"
                    .utf8),
            format: .xml, contentType: "application/xml", dialect: .teamUp)
        #expect(
            login
                == .getAccessTokenSuccess(
                    GetAccessTokenSuccess(accessToken: "string", expiresIn: 0, refreshToken: "string")))
    }

    // MARK: Django REST framework's XML

    @Test func xmlIsWrittenExactlyAsDjangoRESTFrameworkWritesIt() throws {
        let pending = PasswordLoginResponse.pendingLogin(
            PendingLogin(
                id: UUID(uuidString: "3FA85F64-5717-4562-B3FC-2C963F66AFA6")!,
                createdAt: RFC3339.date(from: "2024-07-29T15:51:28.071Z")!, user: 42,
                twoFactorRequiredProviders: [7, 9]))
        let xml = try BodyCoding.encode(pending, as: .xml, dialect: .teamUp)
        #expect(
            String(decoding: xml.data, as: UTF8.self)
                == "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<root><object>pending_login</object><id>3fa85f64-5717-4562-b3fc-2c963f66afa6</id><created_at>2024-07-29T15:51:28.071Z</created_at><user>42</user><two_factor_required_providers><list-item>7</list-item><list-item>9</list-item></two_factor_required_providers></root>"
        )
        let token = PasswordLoginResponse.getAccessTokenSuccess(
            GetAccessTokenSuccess(accessToken: "a<b&c", expiresIn: nil, refreshToken: "r"))
        #expect(
            String(decoding: try BodyCoding.encode(token, as: .xml, dialect: .teamUp).data, as: UTF8.self)
                == "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<root><access_token>a&lt;b&amp;c</access_token><expires_in></expires_in><refresh_token>r</refresh_token></root>"
        )
        let start = StartVerificationResponse(message: "m")
        #expect(
            String(decoding: try BodyCoding.encode(start, as: .xml, dialect: .teamUp).data, as: UTF8.self)
                == "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<root><success>True</success><message>m</message></root>"
        )
        // DRF writes microseconds; True/False; empty elements for null.
        let fromDRF = try BodyCoding.decode(
            StartVerificationResponse.self,
            from: Data(
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<root><success>True</success><message>m</message><expires_at>2024-07-29T15:51:28.071000Z</expires_at><verification_code></verification_code></root>"
                    .utf8),
            format: .xml, contentType: "application/xml", dialect: .teamUp)
        #expect(fromDRF.expiresAt == RFC3339.date(from: "2024-07-29T15:51:28.071Z"))
        #expect(fromDRF.verificationCode == nil)
    }

    // MARK: Round trips

    static let models: [any (Codable & TextTreeCodable & Hashable & Sendable)] = [
        StartVerificationRequest(phoneNumber: "+4412345", provider: 3, directAuthKey: "k", pendingLogin: UUID()),
        StartVerificationRequest(phoneNumber: "+4412345", provider: 3, directAuthKey: "k", pendingLogin: nil),
        StartVerificationResponse(
            message: "sent", expiresAt: Date(timeIntervalSince1970: 1_722_268_288.5), verificationCode: "654321"),
        StartVerificationResponse(message: "sent"),
        PasswordLoginRequest(username: "u", password: "p & q = r", directAuthKey: "k", verificationKey: "123"),
        PasswordLoginRequest(username: "u", password: "p", directAuthKey: "k"),
        GetAccessTokenSuccess(accessToken: "a", expiresIn: nil, refreshToken: "r"),
        GetAccessTokenSuccess(accessToken: "a", expiresIn: 60, refreshToken: "r"),
        PendingLogin(
            id: UUID(), createdAt: Date(timeIntervalSince1970: 1_722_268_288), user: 1,
            twoFactorRequiredProviders: [1, 2, 3]),
        PasswordLoginResponse.pendingLogin(
            PendingLogin(
                id: UUID(), createdAt: Date(timeIntervalSince1970: 0), user: 1, twoFactorRequiredProviders: [5])),
        PasswordLoginResponse.getAccessTokenSuccess(
            GetAccessTokenSuccess(accessToken: "a", expiresIn: 1, refreshToken: "r")),
    ]

    @Test(arguments: [BodyFormat.json, .xml])
    func everyModelRoundTrips(format: BodyFormat) throws {
        for model in Self.models {
            try roundTrip(model, format: format)
        }
    }

    @Test(arguments: [BodyFormat.formURLEncoded, .multipart])
    func requestBodiesRoundTripAsForms(format: BodyFormat) throws {
        for model in Self.models where model is StartVerificationRequest || model is PasswordLoginRequest {
            try roundTrip(model, format: format)
        }
    }

    func roundTrip<T: Codable & TextTreeCodable & Hashable>(_ value: T, format: BodyFormat) throws {
        let (data, contentType) = try BodyCoding.encode(value, as: format, dialect: .teamUp)
        let decoded = try BodyCoding.decode(
            T.self, from: data, format: format, contentType: contentType, dialect: .teamUp)
        #expect(decoded == value, "\(format): \(String(decoding: data, as: UTF8.self))")
    }

    // MARK: End to end: every operation × request content type × response format

    @Test(arguments: [BodyFormat.json, .formURLEncoded, .multipart], [ResponseFormat.json, .xml])
    func everyOperationInEveryFormat(bodyFormat: BodyFormat, responseFormat: ResponseFormat) async throws {
        let start = try await client.startVerification(
            format: responseFormat,
            body: StartVerificationRequest(
                phoneNumber: "+15550100", provider: 1, directAuthKey: FakeTeamUp.directAuthKey),
            bodyFormat: bodyFormat)
        guard case .ok(let started) = start else {
            Issue.record("expected 200, got \(start)")
            return
        }
        #expect(started.message == "Code sent to +15550100")
        #expect(started.verificationCode == FakeTeamUp.code)

        let login = try await client.passwordLogin(
            format: responseFormat,
            body: PasswordLoginRequest(
                username: "simple@example.com", password: "hunter22", directAuthKey: FakeTeamUp.directAuthKey),
            bodyFormat: bodyFormat)
        #expect(
            login
                == .ok(
                    .getAccessTokenSuccess(
                        GetAccessTokenSuccess(accessToken: "token-1", expiresIn: nil, refreshToken: "refresh-1"))))
    }

    @Test func responseFormatFollowsTheParameterThenAccept() async throws {
        let body = #"{"phone_number":"+1555","provider":1,"direct_auth_key":"direct-key"}"#
        let json = await post("/auth/two_factor/start_verification", body, contentType: "application/json")
        #expect(json.headers["Content-Type"] == "application/json")
        let xml = await post(
            "/auth/two_factor/start_verification", body, contentType: "application/json",
            query: [URLQueryItem(name: "format", value: "xml")])
        #expect(xml.status == 200)
        #expect(xml.headers["Content-Type"] == "application/xml; charset=utf-8")
        #expect(text(xml).hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<root><success>True</success>"))
        var request = APIRequest(
            method: .post, path: "/api/v2/auth/two_factor/start_verification",
            headers: ["Content-Type": "application/json", "Accept": "application/xml"], body: Data(body.utf8))
        #expect(await router.handle(request).headers["Content-Type"] == "application/xml; charset=utf-8")
        request.headers["Accept"] = "text/html"
        let refused = await router.handle(request)
        #expect(refused.status == 406)
        #expect(text(refused).contains("application/json, application/xml"))
        request.query = [URLQueryItem(name: "format", value: "yaml")]
        let badFormat = await router.handle(request)
        #expect(badFormat.status == 400)
        #expect(text(badFormat).contains(#""path":"format""#))
    }

    // MARK: The whole 2FA login

    @Test(arguments: [ResponseFormat.json, .xml])
    func twoFactorLoginScenario(format: ResponseFormat) async throws {
        let client = self.client
        let first = try await client.passwordLogin(
            format: format,
            body: PasswordLoginRequest(
                username: "2fa@example.com", password: "hunter22", directAuthKey: FakeTeamUp.directAuthKey))
        guard case .ok(.pendingLogin(let pending)) = first else {
            Issue.record("expected a pending login, got \(first)")
            return
        }
        #expect(pending.object == "pending_login")
        #expect(pending.twoFactorRequiredProviders == [7, 9])

        let started = try await client.startVerification(
            format: format,
            body: StartVerificationRequest(
                phoneNumber: "+15550100", provider: 7, directAuthKey: FakeTeamUp.directAuthKey, pendingLogin: pending.id
            ))
        guard case .ok(let verification) = started, let code = verification.verificationCode else {
            Issue.record("expected a verification code, got \(started)")
            return
        }

        let second = try await client.passwordLogin(
            format: format,
            body: PasswordLoginRequest(
                username: "2fa@example.com", password: "hunter22", directAuthKey: FakeTeamUp.directAuthKey,
                verificationKey: code))
        #expect(
            second
                == .ok(
                    .getAccessTokenSuccess(
                        GetAccessTokenSuccess(accessToken: "token-2fa", expiresIn: 3600, refreshToken: "refresh-2fa"))))

        let wrong = try await client.passwordLogin(
            format: format,
            body: PasswordLoginRequest(
                username: "2fa@example.com", password: "hunter22", directAuthKey: FakeTeamUp.directAuthKey,
                verificationKey: "000000"))
        guard case .undocumented(401, _) = wrong else {
            Issue.record("expected 401, got \(wrong)")
            return
        }
    }

    // MARK: Bad input

    struct BadInput: Sendable, CustomStringConvertible {
        var body: String
        var contentType: String
        var status: Int
        var path: String?
        var reason: String
        var description: String { "\(contentType): \(body)" }
    }

    static let badInputs: [BadInput] = [
        BadInput(
            body: #"{"provider":1,"direct_auth_key":"k"}"#, contentType: "application/json", status: 400,
            path: "phone_number", reason: "required"),
        BadInput(
            body: #"{"phone_number":"123456789012345678901","provider":1,"direct_auth_key":"k"}"#,
            contentType: "application/json", status: 400, path: "phone_number", reason: "longer than 20 characters"),
        BadInput(
            body: #"{"phone_number":"","provider":1,"direct_auth_key":"k"}"#, contentType: "application/json",
            status: 400, path: "phone_number", reason: "must not be empty"),
        BadInput(
            body: #"{"phone_number":"1","provider":"one","direct_auth_key":"k"}"#, contentType: "application/json",
            status: 400, path: "provider", reason: "expected an integer"),
        BadInput(
            body: #"{"phone_number":null,"provider":1,"direct_auth_key":"k"}"#, contentType: "application/json",
            status: 400, path: "phone_number", reason: "must not be null (expected a string)"),
        BadInput(
            body: #"{"phone_number":"1","provider":1,"direct_auth_key":"k","pending_login":"nope"}"#,
            contentType: "application/json", status: 400, path: "pending_login", reason: "not a UUID"),
        BadInput(
            body: #"{"phone_number":"1","provider":1,"#, contentType: "application/json", status: 400, path: "",
            reason: "not valid JSON"),
        BadInput(
            body: "phone_number=1&provider=x&direct_auth_key=k", contentType: "application/x-www-form-urlencoded",
            status: 400, path: "provider", reason: "is not an integer"),
        BadInput(
            body: "phone_number=1&provider=1", contentType: "application/x-www-form-urlencoded", status: 400,
            path: "direct_auth_key", reason: "required"),
        BadInput(
            body: "phone_number=%ZZ&provider=1&direct_auth_key=k", contentType: "application/x-www-form-urlencoded",
            status: 400, path: nil, reason: "percent"),
        BadInput(
            body: "--x\r\nContent-Disposition: form-data; name=\"phone_number\"\r\n\r\n1\r\n",
            contentType: "multipart/form-data; boundary=x", status: 400, path: nil, reason: "closing"),
        BadInput(
            body: "<root/>", contentType: "application/xml", status: 415, path: nil,
            reason: "unsupported content type 'application/xml'"),
        BadInput(
            body: "{}", contentType: "text/plain", status: 415, path: nil,
            reason: "unsupported content type 'text/plain'"),
    ]

    @Test(arguments: badInputs)
    func badInputGetsItsExactErrorAndStatus(_ bad: BadInput) async throws {
        let response = await post("/auth/two_factor/start_verification", bad.body, contentType: bad.contentType)
        #expect(response.status == bad.status, "\(text(response))")
        let decoded = try JSONSerialization.jsonObject(with: response.body.bytes) as? [String: Any]
        if let path = bad.path {
            let fields = decoded?["fields"] as? [[String: String]] ?? []
            #expect(fields.contains { $0["path"] == path && $0["reason"] == bad.reason }, "\(text(response))")
        } else {
            #expect(text(response).contains(bad.reason), "\(text(response))")
        }
    }

    @Test func badResponsesAreTypedErrors() async throws {
        func client(answering body: String, contentType: String) -> TeamUpClient {
            struct Canned: ClientTransport {
                var response: APIResponse
                func send(_ request: APIRequest, baseURL: URL) async throws -> APIResponse { response }
            }
            return TeamUpClient(
                transport: Canned(
                    response: APIResponse(status: 200, headers: ["Content-Type": contentType], body: Data(body.utf8))))
        }
        let request = PasswordLoginRequest(username: "u", password: "p", directAuthKey: "k")
        let cases: [(String, String, String)] = [
            (
                #"{"object":"pending_login","id":"3fa85f64-5717-4562-b3fc-2c963f66afa6"}"#, "application/json",
                "created_at"
            ),
            (
                #"{"object":"login","user":1}"#, "application/json",
                "matches no alternative (not GetAccessTokenSuccess: missing 'access_token', 'expires_in', 'refresh_token'; not PendingLogin: 'object' is not 'pending_login')"
            ),
            (
                #"{"access_token":"a","refresh_token":"r"}"#, "application/json",
                "not GetAccessTokenSuccess: missing 'expires_in'"
            ),
            (
                "<root><object>other</object></root>", "application/xml",
                "not PendingLogin: 'object' is not 'pending_login'"
            ),
            ("<!DOCTYPE root [<!ENTITY x \"y\">]><root>&x;</root>", "application/xml", "DOCTYPE"),
            ("<root><access_token>a</root>", "application/xml", "line"),
        ]
        for (body, contentType, expected) in cases {
            await #expect {
                _ = try await client(answering: body, contentType: contentType).passwordLogin(body: request)
            } throws: { error in
                guard case ClientError.invalidResponse(200, let errors) = error else { return false }
                return errors.description.contains(expected)
            }
        }
    }

    @Test func clientRefusesInvalidRequestsBeforeSending() async throws {
        await #expect {
            _ = try await client.startVerification(
                body: StartVerificationRequest(
                    phoneNumber: String(repeating: "1", count: 21), provider: 1, directAuthKey: ""))
        } throws: { error in
            guard case ClientError.invalidRequest(let errors) = error else { return false }
            return errors.errors == [
                ValidationError(path: "phone_number", reason: "longer than 20 characters"),
                ValidationError(path: "direct_auth_key", reason: "must not be empty"),
            ]
        }
    }

    @Test func secretsAreRedacted() {
        let request = PasswordLoginRequest(
            username: "u", password: "pw-secret", directAuthKey: "key-secret", verificationKey: "code-secret")
        let token = GetAccessTokenSuccess(accessToken: "access-secret", expiresIn: 1, refreshToken: "refresh-secret")
        for text in [
            String(describing: request), String(reflecting: request), String(describing: token),
            String(describing: PasswordLoginResponse.getAccessTokenSuccess(token)),
        ] {
            for secret in ["pw-secret", "key-secret", "code-secret", "access-secret", "refresh-secret"] {
                #expect(!text.contains(secret), "\(text)")
            }
        }
        var dumped = ""
        dump(request, to: &dumped)
        #expect(!dumped.contains("pw-secret"))
    }
}

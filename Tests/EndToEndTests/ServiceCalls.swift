@_spi(Generated) import APIRuntime
import AuthEndpointsAPI
import Foundation
import SFOXAPI
import SmsendAPI
import TeamUpAPI

/// One call of a generated client with valid input, and the router (a test handler that answers every
/// operation as documented) that serves it: what the fuzz tests start from.
struct ServiceCall: Sendable {
    var name: String
    var router: APIRouter
    var call: @Sendable (any ClientTransport) async throws(ClientError) -> Void
}

/// Every operation of every generated service, in each request and response format it has.
enum ServiceCalls {
    static let sfox = FakeSFOX(verifiedEmails: ["verified_user"]).makeRouter()
    static let teamUp = FakeTeamUp().makeRouter()
    static let smsend = FakeSmsend().makeRouter()
    static let authBase = URL(string: "https://app.example.com/identity")!
    static let authEndpoints = FakeAuthEndpoints().makeRouter(basePath: "/identity")

    static let all: [ServiceCall] = sfoxCalls + teamUpCalls + smsendCalls + authEndpointsCalls

    static let sfoxCalls: [ServiceCall] = [
        ("new_user", VerificationType.email), ("new_user", .sms), ("verified_user", .email),
    ].map { user, type in
        ServiceCall(name: "SFOX.sendVerification(\(user), \(type))", router: sfox) { transport throws(ClientError) in
            let client = SFOXClient(credentials: SFOXCredentials(enterpriseAPIKey: "test-key"), transport: transport)
            _ = try await client.sendVerification(userID: user, body: SendVerificationRequest(type: type))
        }
    }

    static let teamUpCalls: [ServiceCall] = {
        var calls: [ServiceCall] = []
        for format in [ResponseFormat?.none, .json, .xml] {
            for bodyFormat in [BodyFormat.json, .formURLEncoded, .multipart] {
                let suffix = "(\(format.map(\.rawValue) ?? "accept"), \(bodyFormat))"
                calls.append(
                    ServiceCall(name: "TeamUp.startVerification\(suffix)", router: teamUp) {
                        transport throws(ClientError) in
                        let body = StartVerificationRequest(
                            phoneNumber: "+15555550100", provider: 7, directAuthKey: FakeTeamUp.directAuthKey)
                        _ = try await TeamUpClient(transport: transport)
                            .startVerification(format: format, body: body, bodyFormat: bodyFormat)
                    })
                for (user, key) in [
                    ("simple@example.com", String?.none), ("2fa@example.com", nil), ("2fa@example.com", "123456"),
                ] {
                    calls.append(
                        ServiceCall(name: "TeamUp.passwordLogin\(suffix) \(user)", router: teamUp) {
                            transport throws(ClientError) in
                            let body = PasswordLoginRequest(
                                username: user, password: "hunter22", directAuthKey: FakeTeamUp.directAuthKey,
                                verificationKey: key)
                            _ = try await TeamUpClient(transport: transport)
                                .passwordLogin(format: format, body: body, bodyFormat: bodyFormat)
                        })
                }
            }
        }
        return calls
    }()

    static let smsendCalls: [ServiceCall] = [
        SmsendCredentials(userKey: "UK1", sessionKey: "S1"), SmsendCredentials(userKey: "UK1", accessToken: "T1"),
    ].map { credentials in
        ServiceCall(name: "Smsend.requestTwoFactorPin", router: smsend) { transport throws(ClientError) in
            _ = try await SmsendClient(credentials: credentials, transport: transport)
                .requestTwoFactorPin(body: TwoFactorPinRequest(recipient: "+391234567890", messageBody: "PIN %PIN%"))
        }
    }

    static let authEndpointsCalls: [ServiceCall] = {
        @Sendable func client(_ transport: any ClientTransport) -> AuthEndpointsClient {
            AuthEndpointsClient(
                baseURL: authBase, credentials: AuthEndpointsCredentials(jwt: FakeAuthEndpoints.jwt),
                transport: transport)
        }
        return [
            ServiceCall(name: "AuthEndpoints.enableTwoFactor", router: authEndpoints) { transport throws(ClientError) in
                _ = try await client(transport).enableTwoFactor()
            },
            ServiceCall(name: "AuthEndpoints.confirmEnableTwoFactor", router: authEndpoints) {
                transport throws(ClientError) in
                _ = try await client(transport).confirmEnableTwoFactor(
                    body: TwoFactorConfirmRequest(email: "ann@example.com", provider: "Email", token: "246810"))
            },
            ServiceCall(name: "AuthEndpoints.twoStepVerificationLogin", router: authEndpoints) {
                transport throws(ClientError) in
                _ = try await client(transport).twoStepVerificationLogin(
                    body: TwoStepLoginRequest(username: "ann", password: "pw", provider: "Email"))
            },
            ServiceCall(name: "AuthEndpoints.twoStepVerificationConfirm", router: authEndpoints) {
                transport throws(ClientError) in
                _ = try await client(transport).twoStepVerificationConfirm(
                    body: TwoFactorConfirmRequest(email: "ann@example.com", provider: "Email", token: "135790"))
            },
        ]
    }()

    /// A router that reads TeamUp's models from XML (and every other body format): TeamUp's own operations
    /// take no XML bodies, but a service's may, and the server must survive any XML.
    static let xml: APIRouter = {
        var router = APIRouter(basePath: "/xml")
        router.add(.post, "/login") { request in
            let body = try request.decodeBody(
                PasswordLoginRequest.self, formats: [.xml, .json, .formURLEncoded, .multipart], dialect: .teamUp)
            try request.validate(body)
            let format = try request.responseFormat([.json, .xml])
            return try .encode(
                status: 200, StartVerificationResponse(message: body.username), format: format, dialect: .teamUp)
        }
        router.add(.post, "/verification") { request in
            let body = try request.decodeBody(
                StartVerificationRequest.self, formats: [.xml, .json, .formURLEncoded, .multipart], dialect: .teamUp)
            try request.validate(body)
            return try .encode(
                status: 200,
                PendingLogin(
                    id: body.pendingLogin ?? UUID(), createdAt: Date(timeIntervalSince1970: 0), user: body.provider,
                    twoFactorRequiredProviders: [body.provider]),
                format: try request.responseFormat([.xml, .json]), dialect: .teamUp)
        }
        return router
    }()

    /// Requests for ``xml``, in every body format.
    static func xmlRequests() throws -> [APIRequest] {
        let login = PasswordLoginRequest(username: "ann", password: "pw", directAuthKey: "k", verificationKey: "1")
        let start = StartVerificationRequest(
            phoneNumber: "+1555", provider: 3, directAuthKey: "k",
            pendingLogin: UUID(uuidString: "3FA85F64-5717-4562-B3FC-2C963F66AFA6"))
        var requests: [APIRequest] = []
        for format in BodyFormat.allCases {
            for (path, encoded) in [
                ("/xml/login", try BodyCoding.encode(login, as: format, dialect: .teamUp)),
                ("/xml/verification", try BodyCoding.encode(start, as: format, dialect: .teamUp)),
            ] {
                requests.append(
                    APIRequest(
                        method: .post, path: path,
                        headers: ["Content-Type": encoded.contentType, "Accept": "application/xml"], body: encoded.data)
                )
            }
        }
        return requests
    }
}

/// Hands each request to a router and keeps every exchange.
final class RecordingTransport: ClientTransport, @unchecked Sendable {
    let router: APIRouter
    private let lock = NSLock()
    private var recorded: [(APIRequest, APIResponse)] = []

    init(router: APIRouter) { self.router = router }

    var exchanges: [(request: APIRequest, response: APIResponse)] { lock.withLock { recorded } }

    func send(_ request: APIRequest, baseURL: URL) async throws -> APIResponse {
        var routed = request
        routed.path = baseURL.path.trimmingSuffix("/") + request.path
        let response = await router.handle(routed)
        lock.withLock { recorded.append((routed, response)) }
        return response
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}

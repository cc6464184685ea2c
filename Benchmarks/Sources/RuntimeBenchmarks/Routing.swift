@_spi(Generated) import APIRuntime
import AuthEndpointsAPI
import Foundation
import SFOXAPI
import SmsendAPI
import TeamUpAPI

/// Handlers that answer at once, so the figures are the generated server's and client's own cost:
/// encoding, routing, auth, decoding, validation.
struct SFOXBench: SFOXHandler {
    func sendVerification(_ input: SendVerificationInput, credentials: SFOXCredentials) async throws
        -> SendVerificationOutput
    {
        .ok(
            SendVerificationResponse(
                data: VerificationCode(userID: input.userID, type: input.body.type, email: "a@b.c")))
    }
}

struct TeamUpBench: TeamUpHandler {
    func startVerification(_ input: StartVerificationInput) async throws -> StartVerificationOutput {
        .ok(StartVerificationResponse(message: "sent", expiresAt: DataSet.base, verificationCode: "123456"))
    }

    func passwordLogin(_ input: PasswordLoginInput) async throws -> PasswordLoginOutput {
        .ok(.getAccessTokenSuccess(GetAccessTokenSuccess(accessToken: "a", expiresIn: 3600, refreshToken: "r")))
    }
}

struct SmsendBench: SmsendHandler {
    func requestTwoFactorPin(_ input: RequestTwoFactorPinInput, credentials: SmsendCredentials) async throws
        -> RequestTwoFactorPinOutput
    {
        .ok(RawBody(contentType: nil, data: Data()))
    }
}

struct AuthEndpointsBench: AuthEndpointsHandler {
    func enableTwoFactor(_ input: EnableTwoFactorInput, credentials: AuthEndpointsCredentials) async throws
        -> EnableTwoFactorOutput
    { .ok(RawBody(contentType: nil, data: Data())) }

    func confirmEnableTwoFactor(_ input: ConfirmEnableTwoFactorInput, credentials: AuthEndpointsCredentials)
        async throws -> ConfirmEnableTwoFactorOutput
    { .ok(RawBody(contentType: nil, data: Data())) }

    func twoStepVerificationLogin(_ input: TwoStepVerificationLoginInput) async throws
        -> TwoStepVerificationLoginOutput
    { .ok(RawBody(contentType: nil, data: Data())) }

    func twoStepVerificationConfirm(_ input: TwoStepVerificationConfirmInput) async throws
        -> TwoStepVerificationConfirmOutput
    { .ok(AuthenticatedUserResponse(accessToken: "a", refreshToken: "r")) }
}

enum Routing {
    /// Every operation of the four services, client → in-process transport → generated server.
    static func fourServices(_ count: Int, _ runs: Int) async throws -> Result {
        let sfox = SFOXClient(
            credentials: .init(enterpriseAPIKey: "k"), transport: InProcessTransport(router: SFOXBench().makeRouter()))
        let teamUp = TeamUpClient(transport: InProcessTransport(router: TeamUpBench().makeRouter()))
        let smsend = SmsendClient(
            credentials: .init(userKey: "u", sessionKey: "s"),
            transport: InProcessTransport(router: SmsendBench().makeRouter()))
        let auth = AuthEndpointsClient(
            credentials: .init(jwt: "t"), transport: InProcessTransport(router: AuthEndpointsBench().makeRouter()))
        let start = StartVerificationRequest(phoneNumber: "+15550100", provider: 1, directAuthKey: "k")
        let login = PasswordLoginRequest(username: "u", password: "p", directAuthKey: "k")
        let confirm = TwoFactorConfirmRequest(email: "a@b.c", provider: "Email", token: "1")
        let operations = 9
        let rounds = max(1, count / operations)
        let times = try await measureAsync(runs) {
            for _ in 0..<rounds {
                _ = try await sfox.sendVerification(userID: "u1", body: .init(type: .email))
                _ = try await teamUp.startVerification(body: start)
                _ = try await teamUp.passwordLogin(format: .xml, body: login, bodyFormat: .formURLEncoded)
                _ = try await smsend.requestTwoFactorPin(body: TwoFactorPinRequest(recipient: "+391234567"))
                _ = try await auth.enableTwoFactor()
                _ = try await auth.confirmEnableTwoFactor(body: confirm)
                _ = try await auth.twoStepVerificationLogin(
                    body: .init(username: "u", password: "p", provider: "Email"))
                _ = try await auth.twoStepVerificationConfirm(body: confirm)
                _ = try await teamUp.passwordLogin(body: login)
            }
        }
        let requests = Double(rounds * operations)
        let median = times.sorted()[times.count / 2]
        return Result(
            name: "routing-four-services", runs: times, bytes: 0,
            extra: ["requests": requests, "requests_per_second": requests / (median / 1000)])
    }

    /// Route matching alone: `routes` templates, each request matching the last one added.
    static func matching(routes: Int, lookups: Int, runs: Int) async -> Result {
        var router = APIRouter(basePath: "/v1")
        for index in 0..<routes {
            router.add(.get, "/r\(index)/{id}/items/{item}") { _ in APIResponse(status: 204) }
            router.add(.post, "/r\(index)/{id}") { _ in APIResponse(status: 204) }
        }
        let request = APIRequest(method: .get, path: "/v1/r\(routes - 1)/42/items/7")
        let times = await measureAsync(runs) {
            for _ in 0..<lookups { _ = await router.handle(request) }
        }
        let median = times.sorted()[times.count / 2]
        return Result(
            name: "routing-\(routes)-routes", runs: times, bytes: 0,
            extra: ["ns_per_request": median * 1e6 / Double(lookups)])
    }
}

import APIRuntime
import AuthEndpointsAPI
import Foundation
import SFOXAPI
import SmsendAPI
import TeamUpAPI

/// sFOX as its documentation answers: email and sms codes, 422 when the email is already verified, and an
/// undocumented 401 for an unknown key.
struct TestSFOX: SFOXHandler {
    static let key = "test-key"

    func sendVerification(_ input: SendVerificationInput, credentials: SFOXCredentials) async throws
        -> SendVerificationOutput
    {
        guard credentials.enterpriseAPIKey == Self.key else { throw ServerError.unauthorized("unknown API key") }
        if input.userID == "verified_user", input.body.type == .email {
            return .unprocessableEntity(ErrorBody(error: "Email already verified"))
        }
        switch input.body.type {
        case .email:
            return .ok(.init(data: VerificationCode(userID: input.userID, type: .email, email: "sfox@example.com")))
        case .sms:
            return .ok(.init(data: VerificationCode(userID: input.userID, type: .sms, phoneNumber: "+12223334444")))
        }
    }
}

/// TeamUp's two-factor login: a user with 2FA gets a pending login, starts a verification for it, and logs
/// in again with the code; `simple@example.com` gets tokens at once.
final class TestTeamUp: TeamUpHandler, @unchecked Sendable {
    static let directAuthKey = "direct-key"
    static let code = "123456"
    static let pendingID = UUID(uuidString: "3FA85F64-5717-4562-B3FC-2C963F66AFA6")!
    static let created = Date(timeIntervalSince1970: 1_722_268_288)
    private let lock = NSLock()
    private var pending: Set<UUID> = []

    func startVerification(_ input: StartVerificationInput) async throws -> StartVerificationOutput {
        guard input.body.directAuthKey == Self.directAuthKey else {
            throw ServerError(status: 403, message: "unknown direct_auth_key")
        }
        if let id = input.body.pendingLogin, !lock.withLock({ pending.contains(id) }) {
            throw ServerError.badRequest("unknown pending login")
        }
        return .ok(
            StartVerificationResponse(
                message: "Code sent to \(input.body.phoneNumber)", expiresAt: Self.created.addingTimeInterval(600),
                verificationCode: Self.code))
    }

    func passwordLogin(_ input: PasswordLoginInput) async throws -> PasswordLoginOutput {
        guard input.body.directAuthKey == Self.directAuthKey, input.body.password == "hunter22" else {
            throw ServerError(status: 401, message: "invalid credentials")
        }
        if input.body.username == "simple@example.com" {
            return .ok(.getAccessTokenSuccess(.init(accessToken: "token-1", expiresIn: nil, refreshToken: "refresh-1")))
        }
        if let key = input.body.verificationKey {
            guard key == Self.code else { throw ServerError(status: 401, message: "wrong verification code") }
            return .ok(.getAccessTokenSuccess(.init(accessToken: "token-2fa", expiresIn: 3600, refreshToken: "r-2fa")))
        }
        _ = lock.withLock { pending.insert(Self.pendingID) }
        return .ok(
            .pendingLogin(
                PendingLogin(id: Self.pendingID, createdAt: Self.created, user: 42, twoFactorRequiredProviders: [7, 9])))
    }
}

/// smsend: a known user key with a session key or an access token; 400, 401 and 404 as documented.
struct TestSmsend: SmsendHandler {
    func requestTwoFactorPin(_ input: RequestTwoFactorPinInput, credentials: SmsendCredentials) async throws
        -> RequestTwoFactorPinOutput
    {
        if credentials.userKey == "UK-unknown" { return .notFound(RawBody(contentType: nil, data: Data())) }
        guard credentials.userKey == "UK1", credentials.sessionKey == "S1" || credentials.accessToken == "T1" else {
            return .unauthorized(RawBody(contentType: "text/plain", data: Data("invalid credentials".utf8)))
        }
        if input.body.recipient.hasSuffix("0000000") {
            return .badRequest(
                RawBody(contentType: "application/json", data: Data(#"{"error":"not enough credit"}"#.utf8)))
        }
        let summary = "\(input.body.recipient) \(input.body.expiry) \(input.body.messageBody ?? "-")"
        return .ok(RawBody(contentType: "text/plain", data: Data(summary.utf8)))
    }
}

/// AuthEndpoints: one user, `ann`, with two-step verification by email; enabling 2FA needs the JWT.
struct TestAuthEndpoints: AuthEndpointsHandler {
    static let jwt = "eyJhbGciOiJIUzI1NiJ9.e30.sig"

    static func text(_ message: String) -> RawBody {
        RawBody(contentType: "text/plain; charset=utf-8", data: Data(message.utf8))
    }

    func enableTwoFactor(_ input: EnableTwoFactorInput, credentials: AuthEndpointsCredentials) async throws
        -> EnableTwoFactorOutput
    {
        credentials.jwt == Self.jwt ? .ok(RawBody(contentType: nil, data: Data())) : .unauthorized(Self.text("invalid token"))
    }

    func confirmEnableTwoFactor(_ input: ConfirmEnableTwoFactorInput, credentials: AuthEndpointsCredentials)
        async throws -> ConfirmEnableTwoFactorOutput
    {
        guard credentials.jwt == Self.jwt else { return .unauthorized(Self.text("invalid token")) }
        return input.body.token == "246810"
            ? .ok(RawBody(contentType: nil, data: Data())) : .badRequest(Self.text("Invalid token"))
    }

    func twoStepVerificationLogin(_ input: TwoStepVerificationLoginInput) async throws -> TwoStepVerificationLoginOutput
    {
        guard input.body.username == "ann" else { return .notFound(Self.text("user not found")) }
        guard input.body.password == "pw" else { return .unauthorized(Self.text("wrong password")) }
        guard input.body.provider == "Email" else { return .badRequest(Self.text("unknown provider")) }
        return .ok(RawBody(contentType: nil, data: Data()))
    }

    func twoStepVerificationConfirm(_ input: TwoStepVerificationConfirmInput) async throws
        -> TwoStepVerificationConfirmOutput
    {
        guard input.body.email == "ann@example.com" else { return .notFound(Self.text("user not found")) }
        guard input.body.token == "135790" else { return .unauthorized(RawBody(contentType: nil, data: Data())) }
        return .ok(AuthenticatedUserResponse(accessToken: Self.jwt, refreshToken: "refresh"))
    }
}

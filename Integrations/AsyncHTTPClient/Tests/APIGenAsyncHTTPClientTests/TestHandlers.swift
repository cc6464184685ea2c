import APIRuntime
import AuthEndpointsAPI
import Foundation
import SFOXAPI
import SmsendAPI
import TeamUpAPI

/// sFOX: an email or sms code; 422 for a user whose email is verified; 401 for another key.
struct SFOXStandIn: SFOXHandler {
    func sendVerification(_ input: SendVerificationInput, credentials: SFOXCredentials) async throws
        -> SendVerificationOutput
    {
        guard credentials.enterpriseAPIKey == "test-key" else { throw ServerError.unauthorized("unknown API key") }
        if input.userID == "verified_user", input.body.type == .email {
            return .unprocessableEntity(ErrorBody(error: "Email already verified"))
        }
        return .ok(
            SendVerificationResponse(
                data: VerificationCode(
                    userID: input.userID, type: input.body.type,
                    email: input.body.type == .email ? "user@example.com" : nil)))
    }
}

/// TeamUp: a user with a token and a user with a pending two-factor login.
struct TeamUpStandIn: TeamUpHandler {
    static let created = Date(timeIntervalSince1970: 1_722_268_288)
    static let pendingID = UUID(uuidString: "3FA85F64-5717-4562-B3FC-2C963F66AFA6")!

    func startVerification(_ input: StartVerificationInput) async throws -> StartVerificationOutput {
        .ok(StartVerificationResponse(message: "Code sent to \(input.body.phoneNumber)", verificationCode: "123456"))
    }

    func passwordLogin(_ input: PasswordLoginInput) async throws -> PasswordLoginOutput {
        guard input.body.password == "hunter22" else { throw ServerError(status: 401, message: "invalid credentials") }
        if input.body.username == "simple@example.com" {
            return .ok(
                .getAccessTokenSuccess(
                    GetAccessTokenSuccess(accessToken: "token-1", expiresIn: nil, refreshToken: "refresh-1")))
        }
        return .ok(
            .pendingLogin(
                PendingLogin(id: Self.pendingID, createdAt: Self.created, user: 42, twoFactorRequiredProviders: [7, 9]))
        )
    }
}

/// smsend: user key `UK1` with session key `S1` or access token `T1`.
struct SmsendStandIn: SmsendHandler {
    func requestTwoFactorPin(_ input: RequestTwoFactorPinInput, credentials: SmsendCredentials) async throws
        -> RequestTwoFactorPinOutput
    {
        guard credentials.userKey == "UK1", credentials.sessionKey == "S1" || credentials.accessToken == "T1" else {
            return .unauthorized(RawBody(contentType: "text/plain", data: Data("invalid keys".utf8)))
        }
        if input.body.recipient.hasSuffix("0000000") {
            return .badRequest(RawBody(contentType: "application/json", data: Data(#"{"error":"no credit"}"#.utf8)))
        }
        return .ok(RawBody(contentType: "text/plain", data: Data("\(input.body.recipient) \(input.body.expiry)".utf8)))
    }
}

/// AuthEndpoints: one user, `ann`, with two-step verification by email.
struct AuthEndpointsStandIn: AuthEndpointsHandler {
    static let jwt = "eyJhbGciOiJIUzI1NiJ9.e30.sig"

    func text(_ message: String) -> RawBody {
        RawBody(contentType: "text/plain; charset=utf-8", data: Data(message.utf8))
    }

    func enableTwoFactor(_ input: EnableTwoFactorInput, credentials: AuthEndpointsCredentials) async throws
        -> EnableTwoFactorOutput
    {
        credentials.jwt == Self.jwt
            ? .ok(RawBody(contentType: nil, data: Data())) : .unauthorized(text("invalid token"))
    }

    func confirmEnableTwoFactor(_ input: ConfirmEnableTwoFactorInput, credentials: AuthEndpointsCredentials)
        async throws -> ConfirmEnableTwoFactorOutput
    {
        guard credentials.jwt == Self.jwt else { return .unauthorized(text("invalid token")) }
        return input.body.token == "246810"
            ? .ok(RawBody(contentType: nil, data: Data())) : .badRequest(text("Invalid token"))
    }

    func twoStepVerificationLogin(_ input: TwoStepVerificationLoginInput) async throws -> TwoStepVerificationLoginOutput
    {
        input.body.username == "ann" ? .ok(RawBody(contentType: nil, data: Data())) : .notFound(text("user not found"))
    }

    func twoStepVerificationConfirm(_ input: TwoStepVerificationConfirmInput) async throws
        -> TwoStepVerificationConfirmOutput
    {
        input.body.token == "135790"
            ? .ok(AuthenticatedUserResponse(accessToken: Self.jwt, refreshToken: "refresh"))
            : .unauthorized(RawBody(contentType: nil, data: Data()))
    }
}

import APIRuntime
import AuthEndpointsAPI
import Foundation
import SFOXAPI
import SmsendAPI
import TeamUpAPI

/// Small implementations of the four generated services: each answers every status its definition
/// documents, chosen by the input.

struct TestSFOX: SFOXHandler {
    static let key = "enterprise-key"

    func sendVerification(_ input: SendVerificationInput, credentials: SFOXCredentials) async throws
        -> SendVerificationOutput
    {
        guard credentials.enterpriseAPIKey == Self.key else { throw ServerError.unauthorized("unknown key") }
        switch input.userID {
        case "verified": return .unprocessableEntity(ErrorBody(error: "email already verified"))
        case "teapot": return .undocumented(status: 418, body: RawBody(contentType: "text/plain", data: Data("short and stout".utf8)))
        default: return .ok(SendVerificationResponse(data: VerificationCode(userID: input.userID, type: input.body.type)))
        }
    }
}

struct TestTeamUp: TeamUpHandler {
    static let key = "direct-key"
    static let created = Date(timeIntervalSince1970: 1_722_268_288)
    static let pendingID = UUID(uuidString: "3FA85F64-5717-4562-B3FC-2C963F66AFA6")!

    func startVerification(_ input: StartVerificationInput) async throws -> StartVerificationOutput {
        guard input.body.directAuthKey == Self.key else { throw ServerError(status: 403, message: "unknown key") }
        return .ok(
            StartVerificationResponse(
                message: "Code sent to \(input.body.phoneNumber)", expiresAt: Self.created, verificationCode: "123456"))
    }

    func passwordLogin(_ input: PasswordLoginInput) async throws -> PasswordLoginOutput {
        if input.body.username == "2fa@example.com" {
            return .ok(
                .pendingLogin(
                    PendingLogin(id: Self.pendingID, createdAt: Self.created, user: 42, twoFactorRequiredProviders: [7, 9])))
        }
        return .ok(.getAccessTokenSuccess(GetAccessTokenSuccess(accessToken: "token", expiresIn: 3600, refreshToken: "refresh")))
    }
}

struct TestSmsend: SmsendHandler {
    func requestTwoFactorPin(_ input: RequestTwoFactorPinInput, credentials: SmsendCredentials) async throws
        -> RequestTwoFactorPinOutput
    {
        guard credentials.userKey == "UK1", credentials.sessionKey == "S1" || credentials.accessToken == "T1" else {
            return .unauthorized(RawBody(contentType: "text/plain", data: Data("invalid session".utf8)))
        }
        switch input.body.recipient {
        case "+391111111111": return .badRequest(RawBody(contentType: "text/plain", data: Data("bad recipient".utf8)))
        case "+392222222222": return .notFound(RawBody(contentType: "text/plain", data: Data("no such user".utf8)))
        default:
            return .ok(RawBody(contentType: "application/json", data: Data(#"{"pin_id":"\#(input.body.expiry)"}"#.utf8)))
        }
    }
}

struct TestAuthEndpoints: AuthEndpointsHandler {
    static let jwt = "eyJhbGciOiJIUzI1NiJ9.e30.sig"

    func text(_ message: String) -> RawBody { RawBody(contentType: "text/plain; charset=utf-8", data: Data(message.utf8)) }

    func enableTwoFactor(_ input: EnableTwoFactorInput, credentials: AuthEndpointsCredentials) async throws
        -> EnableTwoFactorOutput
    {
        switch credentials.jwt {
        case Self.jwt: .ok(text("enabled"))
        case "disabled-account": .badRequest(text("account disabled"))
        default: .unauthorized(text("invalid token"))
        }
    }

    func confirmEnableTwoFactor(_ input: ConfirmEnableTwoFactorInput, credentials: AuthEndpointsCredentials)
        async throws -> ConfirmEnableTwoFactorOutput
    {
        guard credentials.jwt == Self.jwt else { return .unauthorized(text("invalid token")) }
        return input.body.token == "246810" ? .ok(text("confirmed")) : .badRequest(text("wrong token"))
    }

    func twoStepVerificationLogin(_ input: TwoStepVerificationLoginInput) async throws -> TwoStepVerificationLoginOutput {
        guard input.body.username == "ann" else { return .notFound(text("user not found")) }
        guard input.body.password == "pw" else { return .unauthorized(text("wrong password")) }
        guard input.body.provider == "Email" else { return .badRequest(text("unknown provider")) }
        return .ok(text("token sent"))
    }

    func twoStepVerificationConfirm(_ input: TwoStepVerificationConfirmInput) async throws
        -> TwoStepVerificationConfirmOutput
    {
        guard input.body.email == "ann@example.com" else { return .notFound(text("user not found")) }
        guard input.body.token == "135790" else { return .unauthorized(text("wrong token")) }
        guard input.body.provider == "Email" else { return .badRequest(text("unknown provider")) }
        return .ok(AuthenticatedUserResponse(accessToken: Self.jwt, refreshToken: "refresh"))
    }
}

import APIRuntime
import AuthEndpointsAPI
import Foundation
import Synchronization

/// AuthEndpoints' two-step verification, in memory.
///
/// A signed-in user (``issueAccessToken(username:)`` stands for the application's ordinary login,
/// which is not one of these endpoints) calls `enable_2fa`, gets a six-digit token by email and
/// confirms it with `enable_2fa_confirm`. From then on `two_step_verification_login` with the
/// password emails a token, and `two_step_verification_confirm` with it answers an access token (a
/// JWT-shaped token that this service issued and checks) and a refresh token.
///
/// Answers: 401 for a missing, unknown or expired access token, a wrong password or a wrong or expired
/// two-factor token; 404 for an unknown user; 400 (a plain-text message) when two-factor
/// authentication is already on (enable), not on (login), or the provider is not `Email`.
public final class AuthEndpointsService: AuthEndpointsHandler {
    /// A user of the application.
    public struct User: Sendable, Hashable {
        /// The user name.
        public var username: String
        /// The email address the tokens go to.
        public var email: String
        /// The password.
        public var password: String
        /// Whether two-factor authentication is on.
        public var twoFactorEnabled: Bool

        /// Creates a user.
        public init(username: String, email: String, password: String, twoFactorEnabled: Bool = false) {
            self.username = username
            self.email = email
            self.password = password
            self.twoFactorEnabled = twoFactorEnabled
        }
    }

    enum Purpose { case enable, login }

    struct Challenge {
        var token: String
        var purpose: Purpose
        var expiresAt: Date
    }

    struct Session {
        var username: String
        var expiresAt: Date
    }

    struct State {
        var users: [String: User]
        var challenges: [String: Challenge] = [:]
        var sessions: [String: Session] = [:]
        var sessionOrder: [String] = []
    }

    /// The only token provider this service has: AuthEndpoints' default.
    public static let provider = "Email"

    /// How long an emailed token is valid.
    public let tokenLifetime: TimeInterval
    /// How long an access token is valid.
    public let accessTokenLifetime: TimeInterval
    /// The most access tokens valid at once; the oldest is revoked first.
    public let maxSessions: Int

    private let environment: ServiceEnvironment
    private let outbox: Outbox
    private let state: Mutex<State>

    /// Creates the service.
    ///
    /// - Parameters:
    ///   - users: The users (user names compared case-insensitively).
    ///   - environment: The clock and randomness.
    ///   - outbox: Where emails go.
    ///   - tokenLifetime: How long an emailed token is valid (5 minutes by default).
    ///   - accessTokenLifetime: How long an access token is valid (an hour by default).
    ///   - maxSessions: The most access tokens valid at once.
    ///   - standingAccessTokens: Access tokens that never expire, by token, with the user name each
    ///     signs in (for a demo or a test client that has no login of its own).
    public init(
        users: [User], environment: ServiceEnvironment = ServiceEnvironment(), outbox: Outbox = Outbox(),
        tokenLifetime: TimeInterval = 300, accessTokenLifetime: TimeInterval = 3600, maxSessions: Int = 10_000,
        standingAccessTokens: [String: String] = [:]
    ) {
        var state = State(
            users: Dictionary(users.map { ($0.username.lowercased(), $0) }, uniquingKeysWith: { first, _ in first }))
        for (token, username) in standingAccessTokens {
            state.sessions[token] = Session(username: username.lowercased(), expiresAt: .distantFuture)
        }
        self.state = Mutex(state)
        self.environment = environment
        self.outbox = outbox
        self.tokenLifetime = tokenLifetime
        self.accessTokenLifetime = accessTokenLifetime
        self.maxSessions = max(1, maxSessions)
    }

    /// Signs `username` in as the application's own login would, and answers an access token for the
    /// `Authorization: Bearer` header; `nil` for an unknown user.
    public func issueAccessToken(username: String) -> String? {
        let now = environment.now()
        return state.withLock { state in
            guard let user = state.users[username.lowercased()] else { return nil }
            return newSession(for: user, now: now, in: &state)
        }
    }

    /// Whether two-factor authentication is on for `username`.
    public func isTwoFactorEnabled(username: String) -> Bool {
        state.withLock { $0.users[username.lowercased()]?.twoFactorEnabled ?? false }
    }

    public func enableTwoFactor(
        _ input: EnableTwoFactorInput, credentials: AuthEndpointsCredentials
    ) async throws -> EnableTwoFactorOutput {
        let now = environment.now()
        let token = environment.digits(6)
        let outcome = state.withLock { state -> Decision<User, EnableRefusal> in
            guard let user = signedInUser(credentials.jwt, now: now, in: state) else { return .refuse(.unauthorized) }
            guard !user.twoFactorEnabled else { return .refuse(.alreadyEnabled) }
            state.challenges[user.email.lowercased()] = Challenge(
                token: token, purpose: .enable, expiresAt: now.addingTimeInterval(tokenLifetime))
            return .proceed(user)
        }
        switch outcome {
        case .refuse(.unauthorized): return .unauthorized(Self.text("Missing or invalid access token."))
        case .refuse(.alreadyEnabled): return .badRequest(Self.text("Two-factor authentication is already enabled."))
        case .proceed(let user):
            send(token, to: user.email)
            return .ok(Self.text("A two-factor token was sent."))
        }
    }

    public func confirmEnableTwoFactor(
        _ input: ConfirmEnableTwoFactorInput, credentials: AuthEndpointsCredentials
    ) async throws -> ConfirmEnableTwoFactorOutput {
        let now = environment.now()
        let body = input.body
        return state.withLock { state -> ConfirmEnableTwoFactorOutput in
            guard let user = signedInUser(credentials.jwt, now: now, in: state) else {
                return .unauthorized(Self.text("Missing or invalid access token."))
            }
            guard body.provider == Self.provider else { return .badRequest(Self.text("Unknown provider.")) }
            guard body.email.lowercased() == user.email.lowercased(),
                take(body.token, purpose: .enable, email: user.email, now: now, in: &state)
            else { return .badRequest(Self.text("Invalid token.")) }
            state.users[user.username.lowercased()]?.twoFactorEnabled = true
            return .ok(Self.text("Two-factor authentication is enabled."))
        }
    }

    public func twoStepVerificationLogin(
        _ input: TwoStepVerificationLoginInput
    ) async throws -> TwoStepVerificationLoginOutput {
        let now = environment.now()
        let token = environment.digits(6)
        let body = input.body
        let outcome = state.withLock { state -> Decision<User, TwoStepVerificationLoginOutput> in
            guard let user = state.users[body.username.lowercased()] else {
                return .refuse(.notFound(Self.text("No such user.")))
            }
            guard user.password == body.password else {
                return .refuse(.unauthorized(Self.text("Wrong user name or password.")))
            }
            guard body.provider == Self.provider else { return .refuse(.badRequest(Self.text("Unknown provider."))) }
            guard user.twoFactorEnabled else {
                return .refuse(.badRequest(Self.text("Two-factor authentication is not enabled.")))
            }
            state.challenges[user.email.lowercased()] = Challenge(
                token: token, purpose: .login, expiresAt: now.addingTimeInterval(tokenLifetime))
            return .proceed(user)
        }
        switch outcome {
        case .refuse(let answer): return answer
        case .proceed(let user):
            send(token, to: user.email)
            return .ok(Self.text("A two-factor token was sent."))
        }
    }

    public func twoStepVerificationConfirm(
        _ input: TwoStepVerificationConfirmInput
    ) async throws -> TwoStepVerificationConfirmOutput {
        let now = environment.now()
        let body = input.body
        let refreshToken = environment.token(byteCount: 32)
        return state.withLock { state -> TwoStepVerificationConfirmOutput in
            guard let user = state.users.values.first(where: { $0.email.lowercased() == body.email.lowercased() }) else {
                return .notFound(Self.text("No such user."))
            }
            guard body.provider == Self.provider else { return .badRequest(Self.text("Unknown provider.")) }
            guard take(body.token, purpose: .login, email: user.email, now: now, in: &state) else {
                return .unauthorized(Self.text("Invalid token."))
            }
            let accessToken = newSession(for: user, now: now, in: &state)
            return .ok(AuthenticatedUserResponse(accessToken: accessToken, refreshToken: refreshToken))
        }
    }

    enum EnableRefusal { case unauthorized, alreadyEnabled }

    private func signedInUser(_ jwt: String?, now: Date, in state: State) -> User? {
        guard let jwt, let session = state.sessions[jwt], now < session.expiresAt else { return nil }
        return state.users[session.username]
    }

    private func take(_ token: String, purpose: Purpose, email: String, now: Date, in state: inout State) -> Bool {
        let key = email.lowercased()
        guard let challenge = state.challenges[key], challenge.purpose == purpose, challenge.token == token,
            now < challenge.expiresAt
        else { return false }
        state.challenges[key] = nil
        return true
    }

    /// A JWT-shaped token: a header, the claims (subject and expiry), and a random signature; the
    /// service keeps it, so only tokens it issued are accepted.
    private func newSession(for user: User, now: Date, in state: inout State) -> String {
        let expiresAt = now.addingTimeInterval(accessTokenLifetime)
        let header = Base64URL.encode(Data(#"{"alg":"HS256","typ":"JWT"}"#.utf8))
        let claims = Base64URL.encode(
            Data(#"{"sub":\#(JSONText.quote(user.username)),"exp":\#(Int(expiresAt.timeIntervalSince1970))}"#.utf8))
        let token = "\(header).\(claims).\(environment.token(byteCount: 32))"
        state.sessions[token] = Session(username: user.username.lowercased(), expiresAt: expiresAt)
        state.sessionOrder.append(token)
        while state.sessionOrder.count > maxSessions { state.sessions[state.sessionOrder.removeFirst()] = nil }
        return token
    }

    private func send(_ token: String, to email: String) {
        outbox.deliver(.init(channel: .email, recipient: email, text: "Your two-factor token is \(token).", code: token))
    }

    static func text(_ message: String) -> RawBody {
        RawBody(contentType: "text/plain; charset=utf-8", data: Data(message.utf8))
    }
}

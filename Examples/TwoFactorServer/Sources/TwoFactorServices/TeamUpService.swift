import APIRuntime
import Foundation
import Synchronization
import TeamUpAPI

/// TeamUp's login, in memory: a password login of a user with two-factor authentication answers a
/// pending login; `startVerification` with its id texts a six-digit code (and returns it, as TeamUp
/// does to direct-auth applications) that expires after ``codeLifetime``; the same login again with
/// the code as `verification_key` answers tokens whose `expires_in` is `nil` (they do not expire).
///
/// Refusals (401, with a JSON `{"detail": …}` body as Django REST framework writes it): an unknown
/// direct-auth key, a wrong username or password, a wrong or expired verification key, or an unknown or
/// expired pending login.
public final class TeamUpService: TeamUpHandler {
    /// A TeamUp user.
    public struct User: Sendable, Hashable {
        /// The user's id.
        public var id: Int
        /// The username (an email address), compared case-insensitively.
        public var username: String
        /// The password.
        public var password: String
        /// The providers that require two-factor verification; empty when the user has none.
        public var twoFactorProviders: [Int]

        /// Creates a user.
        public init(id: Int, username: String, password: String, twoFactorProviders: [Int]) {
            self.id = id
            self.username = username
            self.password = password
            self.twoFactorProviders = twoFactorProviders
        }
    }

    struct Pending {
        var login: PendingLogin
        var code: String?
        var codeExpiresAt: Date?
    }

    struct State {
        var pending: [UUID: Pending] = [:]
        var order: [UUID] = []
    }

    /// How long a verification code is valid.
    public let codeLifetime: TimeInterval
    /// How long a pending login waits for its verification.
    public let pendingLifetime: TimeInterval
    /// The most pending logins kept at once; the oldest is dropped first.
    public let maxPendingLogins: Int

    private let users: [String: User]
    private let directAuthKeys: Set<String>
    private let environment: ServiceEnvironment
    private let outbox: Outbox
    private let state = Mutex(State())
    /// Where each password login is recorded (the LoginEvents feed).
    public let loginLog: LoginLog

    /// Creates the service.
    ///
    /// - Parameters:
    ///   - users: The users who can log in.
    ///   - directAuthKeys: The direct-auth keys of the applications allowed to log users in.
    ///   - environment: The clock and randomness.
    ///   - outbox: Where text messages go.
    ///   - codeLifetime: How long a code is valid (10 minutes by default).
    ///   - pendingLifetime: How long a pending login waits (15 minutes by default).
    ///   - maxPendingLogins: The most pending logins kept at once.
    ///   - loginLog: Where each password login is recorded.
    public init(
        users: [User], directAuthKeys: Set<String>,
        environment: ServiceEnvironment = ServiceEnvironment(), outbox: Outbox = Outbox(),
        codeLifetime: TimeInterval = 600, pendingLifetime: TimeInterval = 900, maxPendingLogins: Int = 1000,
        loginLog: LoginLog = LoginLog()
    ) {
        self.loginLog = loginLog
        self.users = Dictionary(users.map { ($0.username.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        self.directAuthKeys = directAuthKeys
        self.environment = environment
        self.outbox = outbox
        self.codeLifetime = codeLifetime
        self.pendingLifetime = pendingLifetime
        self.maxPendingLogins = max(1, maxPendingLogins)
    }

    public func passwordLogin(_ input: PasswordLoginInput) async throws -> PasswordLoginOutput {
        let body = input.body
        guard directAuthKeys.contains(body.directAuthKey) else { return .unauthorized(Self.invalidKey) }
        let now = environment.now()
        guard let user = users[body.username.lowercased()], user.password == body.password else {
            loginLog.record(.failed, username: body.username, at: now)
            return .unauthorized(Self.detail("Unable to log in with provided credentials."))
        }
        if user.twoFactorProviders.isEmpty {
            loginLog.record(.login, username: user.username, at: now)
            return .ok(.getAccessTokenSuccess(issueTokens()))
        }
        guard let key = body.verificationKey else {
            loginLog.record(.twoFactorRequired, username: user.username, at: now)
            let login = PendingLogin(
                id: environment.uuid(), createdAt: now, user: user.id,
                twoFactorRequiredProviders: user.twoFactorProviders)
            state.withLock { state in
                state.pending[login.id] = Pending(login: login)
                state.order.append(login.id)
                while state.order.count > maxPendingLogins { state.pending[state.order.removeFirst()] = nil }
            }
            return .ok(.pendingLogin(login))
        }
        let verified = state.withLock { state -> Bool in
            expire(&state, now: now)
            guard
                let id = state.order.first(where: { id in
                    guard let pending = state.pending[id], pending.login.user == user.id,
                        let code = pending.code, let expiry = pending.codeExpiresAt
                    else { return false }
                    return code == key && now < expiry
                })
            else { return false }
            state.pending[id] = nil
            state.order.removeAll { $0 == id }
            return true
        }
        guard verified else {
            loginLog.record(.failed, username: user.username, at: now)
            return .unauthorized(Self.detail("Invalid or expired verification code."))
        }
        loginLog.record(.login, username: user.username, at: now)
        return .ok(.getAccessTokenSuccess(issueTokens()))
    }

    public func startVerification(_ input: StartVerificationInput) async throws -> StartVerificationOutput {
        let body = input.body
        guard directAuthKeys.contains(body.directAuthKey) else { return .unauthorized(Self.invalidKey) }
        let now = environment.now()
        let code = environment.digits(6)
        let expiresAt = now.addingTimeInterval(codeLifetime)
        if let id = body.pendingLogin {
            let found = state.withLock { state -> Bool in
                expire(&state, now: now)
                guard state.pending[id] != nil else { return false }
                state.pending[id]?.code = code
                state.pending[id]?.codeExpiresAt = expiresAt
                return true
            }
            guard found else { return .unauthorized(Self.detail("Unknown or expired pending login.")) }
        }
        outbox.deliver(
            .init(
                channel: .sms, recipient: body.phoneNumber, text: "Your TeamUp verification code is \(code).",
                code: code))
        return .ok(
            StartVerificationResponse(
                message: "A verification code was sent.", expiresAt: expiresAt, verificationCode: code))
    }

    static let invalidKey = detail("Invalid direct_auth_key.")

    static func detail(_ message: String) -> RawBody {
        RawBody(contentType: "application/json", data: Data("{\"detail\":\(JSONText.quote(message))}".utf8))
    }

    private func issueTokens() -> GetAccessTokenSuccess {
        GetAccessTokenSuccess(
            accessToken: environment.token(byteCount: 30), expiresIn: nil, refreshToken: environment.token(byteCount: 30))
    }

    private func expire(_ state: inout State, now: Date) {
        let lifetime = pendingLifetime
        let stale = state.order.filter { id in
            guard let pending = state.pending[id] else { return true }
            return now >= pending.login.createdAt.addingTimeInterval(lifetime)
        }
        guard !stale.isEmpty else { return }
        for id in stale { state.pending[id] = nil }
        let staleSet = Set(stale)
        state.order.removeAll { staleSet.contains($0) }
    }
}

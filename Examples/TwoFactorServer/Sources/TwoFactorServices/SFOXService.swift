import APIRuntime
import Foundation
import SFOXAPI
import Synchronization

/// sFOX Connect's verification codes, in memory: send-verification emails or texts a six-digit code to
/// the user; ``confirm(userID:type:code:)`` checks it, as sFOX's Confirm Verification Code call does.
///
/// Answers: 422 with an error message for a type the user cannot verify now (email or phone already
/// verified, an SMS before the email is verified, or an SMS for a business account, which verifies
/// email only) and for an unknown user id; 401 for an unknown enterprise API key.
public final class SFOXService: SFOXHandler {
    /// An end user of the enterprise.
    public struct User: Sendable, Hashable {
        /// Whether the account belongs to a person or to a business.
        public enum Kind: Sendable, Hashable {
            /// A person: verifies email, then phone.
            case individual
            /// A business: verifies email only.
            case business
        }

        /// The id the enterprise gave the user.
        public var id: String
        /// Person or business.
        public var kind: Kind
        /// The email address codes go to.
        public var email: String
        /// The phone number SMS codes go to.
        public var phoneNumber: String
        /// Whether the email address is verified.
        public var emailVerified: Bool
        /// Whether the phone number is verified.
        public var phoneVerified: Bool

        /// Creates a user.
        public init(
            id: String, kind: Kind, email: String, phoneNumber: String, emailVerified: Bool = false,
            phoneVerified: Bool = false
        ) {
            self.id = id
            self.kind = kind
            self.email = email
            self.phoneNumber = phoneNumber
            self.emailVerified = emailVerified
            self.phoneVerified = phoneVerified
        }
    }

    struct Code: Hashable {
        var userID: String
        var type: VerificationType
    }

    struct State {
        var users: [String: User]
        var codes: [Code: (code: String, expiresAt: Date)] = [:]
    }

    /// How long a code is valid.
    public let codeLifetime: TimeInterval

    private let apiKeys: Set<String>
    private let environment: ServiceEnvironment
    private let outbox: Outbox
    private let state: Mutex<State>

    /// Creates the service.
    ///
    /// - Parameters:
    ///   - users: The enterprise's end users.
    ///   - apiKeys: The enterprise API keys accepted as bearer tokens.
    ///   - environment: The clock and randomness.
    ///   - outbox: Where emails and text messages go.
    ///   - codeLifetime: How long a code is valid (10 minutes by default).
    public init(
        users: [User], apiKeys: Set<String>, environment: ServiceEnvironment = ServiceEnvironment(),
        outbox: Outbox = Outbox(), codeLifetime: TimeInterval = 600
    ) {
        state = Mutex(State(users: Dictionary(users.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })))
        self.apiKeys = apiKeys
        self.environment = environment
        self.outbox = outbox
        self.codeLifetime = codeLifetime
    }

    public func sendVerification(
        _ input: SendVerificationInput, credentials: SFOXCredentials
    ) async throws -> SendVerificationOutput {
        guard let key = credentials.enterpriseAPIKey, apiKeys.contains(key) else {
            throw ServerError.unauthorized("Invalid enterprise API key.")
        }
        let now = environment.now()
        let code = environment.digits(6)
        let type = input.body.type
        let outcome = state.withLock { state -> Decision<User, ErrorBody> in
            guard let user = state.users[input.userID] else { return .refuse(ErrorBody(error: "Unknown user")) }
            switch type {
            case .email where user.emailVerified: return .refuse(ErrorBody(error: "Email already verified"))
            case .sms where user.kind == .business:
                return .refuse(ErrorBody(error: "Business accounts verify email only"))
            case .sms where !user.emailVerified: return .refuse(ErrorBody(error: "Email must be verified first"))
            case .sms where user.phoneVerified: return .refuse(ErrorBody(error: "Phone already verified"))
            default: break
            }
            state.codes[Code(userID: user.id, type: type)] = (code, now.addingTimeInterval(codeLifetime))
            return .proceed(user)
        }
        switch outcome {
        case .refuse(let error):
            return .unprocessableEntity(error)
        case .proceed(let user):
            switch type {
            case .email:
                outbox.deliver(.init(channel: .email, recipient: user.email, text: "Your sFOX code is \(code).", code: code))
                return .ok(SendVerificationResponse(data: VerificationCode(userID: user.id, type: .email, email: user.email)))
            case .sms:
                outbox.deliver(
                    .init(channel: .sms, recipient: user.phoneNumber, text: "Your sFOX code is \(code).", code: code))
                return .ok(
                    SendVerificationResponse(
                        data: VerificationCode(userID: user.id, type: .sms, phoneNumber: user.phoneNumber)))
            }
        }
    }

    /// Confirms a code the user received: marks the email or phone verified and answers `true` when it
    /// is the user's outstanding, unexpired code of that type.
    public func confirm(userID: String, type: VerificationType, code: String) -> Bool {
        let now = environment.now()
        return state.withLock { state in
            let key = Code(userID: userID, type: type)
            guard let stored = state.codes[key], stored.code == code, now < stored.expiresAt else { return false }
            state.codes[key] = nil
            switch type {
            case .email: state.users[userID]?.emailVerified = true
            case .sms: state.users[userID]?.phoneVerified = true
            }
            return true
        }
    }
}

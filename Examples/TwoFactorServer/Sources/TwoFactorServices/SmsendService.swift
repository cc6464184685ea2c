import APIRuntime
import Foundation
import SmsendAPI
import Synchronization

/// smsend's two-factor PINs, in memory: a request texts a six-digit PIN to the recipient, valid for
/// `expiry` minutes (60 unless the request says otherwise), in the request's message body (at
/// `%PIN%`, or at the end) or a default one. ``verify(recipient:pin:)`` checks a PIN, as smsend's
/// verification call does.
///
/// Answers: 401 when the `user_key` is known but the session key or user token is not its own (the
/// generated router already answers 401 when the headers are missing); 404 when the `user_key` or the
/// recipient is unknown; 400 when too many PINs are outstanding.
public final class SmsendService: SmsendHandler {
    /// An smsend account and the keys that authenticate it.
    public struct Account: Sendable, Hashable {
        /// The account's user key (`user_key`).
        public var userKey: String
        /// Session keys from logins (`Session_key`).
        public var sessionKeys: Set<String>
        /// User tokens (`Access_token`).
        public var accessTokens: Set<String>

        /// Creates an account.
        public init(userKey: String, sessionKeys: Set<String> = [], accessTokens: Set<String> = []) {
            self.userKey = userKey
            self.sessionKeys = sessionKeys
            self.accessTokens = accessTokens
        }
    }

    struct Pin {
        var pin: String
        var expiresAt: Date
    }

    private let accounts: [String: Account]
    private let recipients: Set<String>
    private let environment: ServiceEnvironment
    private let outbox: Outbox
    private let pins = Mutex<[String: Pin]>([:])
    /// The most recipients with an outstanding PIN; requests past it answer 400 until PINs expire.
    public let maxOutstandingPins: Int

    /// Creates the service.
    ///
    /// - Parameters:
    ///   - accounts: The accounts that may send PINs.
    ///   - recipients: The phone numbers that can receive a text message.
    ///   - environment: The clock and randomness.
    ///   - outbox: Where text messages go.
    ///   - maxOutstandingPins: The most recipients with an outstanding PIN at once.
    public init(
        accounts: [Account], recipients: Set<String>, environment: ServiceEnvironment = ServiceEnvironment(),
        outbox: Outbox = Outbox(), maxOutstandingPins: Int = 10_000
    ) {
        self.accounts = Dictionary(accounts.map { ($0.userKey, $0) }, uniquingKeysWith: { first, _ in first })
        self.recipients = recipients
        self.environment = environment
        self.outbox = outbox
        self.maxOutstandingPins = max(1, maxOutstandingPins)
    }

    public func requestTwoFactorPin(
        _ input: RequestTwoFactorPinInput, credentials: SmsendCredentials
    ) async throws -> RequestTwoFactorPinOutput {
        guard let userKey = credentials.userKey, let account = accounts[userKey] else {
            return .notFound(Self.json(["result": "error", "message": "The user_key was not found."]))
        }
        let authenticated =
            credentials.sessionKey.map(account.sessionKeys.contains) ?? false
            || credentials.accessToken.map(account.accessTokens.contains) ?? false
        guard authenticated else {
            return .unauthorized(Self.json(["result": "error", "message": "The session key or user token is invalid."]))
        }
        let body = input.body
        guard recipients.contains(body.recipient) else {
            return .notFound(Self.json(["result": "error", "message": "The recipient was not found."]))
        }
        let now = environment.now()
        let pin = environment.digits(6)
        let expiresAt = now.addingTimeInterval(TimeInterval(body.expiry) * 60)
        let stored = pins.withLock { pins -> Bool in
            if pins.count >= maxOutstandingPins { pins = pins.filter { $0.value.expiresAt > now } }
            guard pins.count < maxOutstandingPins || pins[body.recipient] != nil else { return false }
            pins[body.recipient] = Pin(pin: pin, expiresAt: expiresAt)
            return true
        }
        guard stored else {
            return .badRequest(Self.json(["result": "error", "message": "Too many outstanding PINs."]))
        }
        let template = body.messageBody ?? "Your verification code is %PIN%"
        let text =
            template.contains("%PIN%")
            ? template.replacingOccurrences(of: "%PIN%", with: pin) : template + " " + pin
        outbox.deliver(.init(channel: .sms, recipient: body.recipient, text: text, code: pin))
        return .ok(Self.json(["result": "OK", "expires_at": RFC3339.string(expiresAt)]))
    }

    /// Whether `pin` is the outstanding, unexpired PIN of `recipient`; a right PIN is used up.
    public func verify(recipient: String, pin: String) -> Bool {
        let now = environment.now()
        return pins.withLock { pins in
            guard let stored = pins[recipient], stored.pin == pin, now < stored.expiresAt else { return false }
            pins[recipient] = nil
            return true
        }
    }

    static func json(_ fields: KeyValuePairs<String, String>) -> RawBody {
        var object = [String]()
        for (key, value) in fields { object.append("\(JSONText.quote(key)):\(JSONText.quote(value))") }
        return RawBody(contentType: "application/json", data: Data("{\(object.joined(separator: ","))}".utf8))
    }
}

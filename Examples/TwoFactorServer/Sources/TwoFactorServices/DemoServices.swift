import Foundation

/// The four services with the demo accounts the example server starts with (documented in the
/// README). The keys and passwords are demo values, not secrets: the server never logs them.
public struct DemoServices: Sendable {
    /// TeamUp's demo direct-auth key.
    public static let teamUpDirectAuthKey = "demo-direct-auth-key"
    /// TeamUp's demo user, who has two-factor authentication on provider 1.
    public static let teamUpUser = TeamUpService.User(
        id: 1, username: "ada@example.com", password: "correct horse battery staple", twoFactorProviders: [1])
    /// TeamUp's demo user without two-factor authentication.
    public static let teamUpPlainUser = TeamUpService.User(
        id: 2, username: "grace@example.com", password: "hopper", twoFactorProviders: [])
    /// smsend's demo account: `user_key`, a `Session_key` and an `Access_token`.
    public static let smsendAccount = SmsendService.Account(
        userKey: "demo-user-key", sessionKeys: ["demo-session-key"], accessTokens: ["demo-access-token"])
    /// The phone number smsend can text.
    public static let smsendRecipient = "+393401234567"
    /// AuthEndpoints' demo user, with two-factor authentication off.
    public static let authEndpointsUser = AuthEndpointsService.User(
        username: "alan", email: "alan@example.com", password: "enigma")
    /// A standing access token (JWT-shaped) of AuthEndpoints' demo user, for clients that have no login.
    public static let authEndpointsAccessToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGFuIn0.ZGVtby1zaWduYXR1cmU"
    /// sFOX's demo enterprise API key.
    public static let sfoxAPIKey = "demo-enterprise-api-key"
    /// sFOX's demo individual user (verifies email, then phone) and business user (email only).
    public static let sfoxUsers = [
        SFOXService.User(id: "client_account_1", kind: .individual, email: "sfox_connect@email.com", phoneNumber: "+12223334444"),
        SFOXService.User(id: "business_account_1", kind: .business, email: "business@example.com", phoneNumber: "+12223335555"),
    ]

    /// TeamUp, serving the demo users.
    public let teamUp: TeamUpService
    /// smsend, serving the demo account.
    public let smsend: SmsendService
    /// AuthEndpoints, serving the demo user.
    public let authEndpoints: AuthEndpointsService
    /// sFOX, serving the demo users.
    public let sfox: SFOXService
    /// TeamUp's login events, streamed (recorded by ``teamUp``).
    public let loginFeed: LoginFeedService
    /// Where all four send their codes.
    public let outbox: Outbox

    /// Creates the four services, sharing `environment` and `outbox`.
    public init(environment: ServiceEnvironment = ServiceEnvironment(), outbox: Outbox = Outbox()) {
        self.outbox = outbox
        let loginLog = LoginLog()
        loginFeed = LoginFeedService(log: loginLog)
        teamUp = TeamUpService(
            users: [Self.teamUpUser, Self.teamUpPlainUser], directAuthKeys: [Self.teamUpDirectAuthKey],
            environment: environment, outbox: outbox, loginLog: loginLog)
        smsend = SmsendService(
            accounts: [Self.smsendAccount], recipients: [Self.smsendRecipient], environment: environment, outbox: outbox)
        authEndpoints = AuthEndpointsService(
            users: [Self.authEndpointsUser], environment: environment, outbox: outbox,
            standingAccessTokens: [Self.authEndpointsAccessToken: Self.authEndpointsUser.username])
        sfox = SFOXService(users: Self.sfoxUsers, apiKeys: [Self.sfoxAPIKey], environment: environment, outbox: outbox)
    }
}

import APIRuntime
import Foundation
import LoginEventsAPI
import TeamUpAPI
import Testing
import TwoFactorServices

/// The streaming operation: TeamUp's password logins, streamed back by the LoginEvents feed over HTTP.
@Suite("Login events flow")
struct LoginEventsFlowTests {
    func feed(_ harness: Harness) -> LoginEventsClient {
        LoginEventsClient(
            baseURL: URL(string: harness.url.absoluteString + ServiceDirectory.loginEventsBasePath)!,
            transport: harness.endpoint(.teamUp).transport)
    }

    @Test("password logins → server-sent events, JSON Lines and a JSON Text Sequence")
    func loginsAreStreamed() async throws {
        let harness = try await Harness.start()
        let teamUp = harness.teamUp()
        let user = DemoServices.teamUpUser
        let key = DemoServices.teamUpDirectAuthKey
        _ = try await teamUp.passwordLogin(
            body: PasswordLoginRequest(username: user.username, password: "wrong", directAuthKey: key))
        _ = try await teamUp.passwordLogin(
            body: PasswordLoginRequest(username: user.username, password: user.password, directAuthKey: key))
        let plain = DemoServices.teamUpPlainUser
        _ = try await teamUp.passwordLogin(
            body: PasswordLoginRequest(username: plain.username, password: plain.password, directAuthKey: key))

        guard case .ok(let stream) = try await feed(harness).loginEvents() else {
            Issue.record("expected a stream")
            return
        }
        var events: [ServerSentEvent<LoginEvent>] = []
        for try await event in stream { events.append(event) }
        #expect(events.map(\.data.kind) == [.failed, .twoFactorRequired, .login])
        #expect(events.map(\.id) == ["0", "1", "2"])
        #expect(events.map(\.event) == ["failed", "two_factor_required", "login"])
        #expect(events.map(\.data.username) == [user.username, user.username, plain.username])
        #expect(events.allSatisfy { $0.data.at == harness.clock.now })

        guard case .ok(let after) = try await feed(harness).loginEvents(after: 0, limit: 1) else {
            Issue.record("expected a stream")
            return
        }
        var later: [Int64] = []
        for try await event in after { later.append(event.data.sequence) }
        #expect(later == [1])

        guard case .ok(let lines) = try await feed(harness).loginEventLog(limit: 2) else {
            Issue.record("expected JSON Lines")
            return
        }
        var logged: [LoginEventKind] = []
        for try await event in lines { logged.append(event.kind) }
        #expect(logged == [.failed, .twoFactorRequired])

        guard case .ok(let records) = try await feed(harness).loginEventSequence() else {
            Issue.record("expected a JSON Text Sequence")
            return
        }
        var sequenced = 0
        for try await _ in records { sequenced += 1 }
        #expect(sequenced == 3)
    }
}

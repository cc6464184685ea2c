import APIRuntime
import Foundation
import SFOXAPI

/// The client comparison: the generated sFOX client makes the same calls through one transport
/// against a running server, one after the other or from several tasks at once.
public enum ClientCalls {
    /// Makes `calls` send-verification calls through `transport` to the server at `baseURL`, from
    /// `concurrency` tasks, and returns the measurement; every answer must be a 200 with the
    /// expected body (any other answer is counted as a failure).
    public static func run(
        transport: any ClientTransport, baseURL: URL, calls: Int, concurrency: Int
    ) async throws -> RunResult {
        let client = SFOXClient(
            baseURL: baseURL, credentials: SFOXCredentials(enterpriseAPIKey: Demo.apiKey), transport: transport)
        // One call first, so that connection setup is not measured and a broken setup fails early.
        guard try await call(client, index: -1) else { throw UnexpectedAnswer() }
        let workers = max(1, min(concurrency, calls))
        let start = ContinuousClock.now
        let failures = try await withThrowingTaskGroup(of: Int.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var failures = 0
                    for index in stride(from: worker, to: calls, by: workers) where try await !call(client, index: index) {
                        failures += 1
                    }
                    return failures
                }
            }
            return try await group.reduce(0, +)
        }
        return RunResult(count: calls, seconds: RunResult.seconds(since: start), failures: failures)
    }

    /// The first call was not answered as expected.
    struct UnexpectedAnswer: Error, CustomStringConvertible {
        var description: String { "the server did not answer the first call with the expected 200" }
    }

    /// One call; whether it was answered 200 with the expected body.
    private static func call(_ client: SFOXClient, index: Int) async throws -> Bool {
        let userID = "user-\(index)"
        guard case .ok(let answer) = try await client.sendVerification(userID: userID, body: .init(type: .email))
        else { return false }
        return answer.data.userID == userID && answer.data.email == Demo.email(userID: userID, type: "email")
    }
}

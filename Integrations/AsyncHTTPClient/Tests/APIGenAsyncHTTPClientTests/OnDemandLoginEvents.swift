import APIRuntime
import Foundation
import LoginEventsAPI

/// What the server's producer has done, shared between a handler and the test that reads its stream:
/// how many events it has been asked for, and whether the server has let go of it.
final class ProducerTally: @unchecked Sendable {
    private let lock = NSLock()
    private var pulledCount: Int64 = 0
    private var isReleased = false

    /// How many events the server has pulled from the producer so far.
    var pulled: Int64 { lock.withLock { pulledCount } }
    /// Whether the server has dropped the producer's iterator (it finished, failed or stopped writing).
    var released: Bool { lock.withLock { isReleased } }

    fileprivate func pull() { lock.withLock { pulledCount += 1 } }
    fileprivate func release() { lock.withLock { isReleased = true } }
}

/// Reports to its tally when the last copy of the iterator holding it goes away.
private final class ReleaseToken: Sendable {
    let tally: ProducerTally
    init(_ tally: ProducerTally) { self.tally = tally }
    deinit { tally.release() }
}

/// Login events made on demand: event `i` exists only once the server asks the sequence for it, and the
/// tally counts every ask.
struct LoginEventsOnDemand<Element: Sendable>: AsyncSequence, Sendable {
    let count: Int64
    /// The sequence number of an event written with an empty `username`, which breaks `minLength: 1`.
    var broken: Int64?
    let tally: ProducerTally
    let make: @Sendable (LoginEvent) -> Element

    func makeAsyncIterator() -> Iterator { Iterator(source: self, token: ReleaseToken(tally)) }

    struct Iterator: AsyncIteratorProtocol {
        let source: LoginEventsOnDemand
        fileprivate let token: ReleaseToken
        var next: Int64 = 0

        mutating func next() async -> Element? {
            guard next < source.count else { return nil }
            defer { next += 1 }
            source.tally.pull()
            return source.make(loginEvent(next, broken: next == source.broken))
        }
    }
}

/// Event `sequence` of the test feed.
func loginEvent(_ sequence: Int64, broken: Bool = false) -> LoginEvent {
    LoginEvent(
        sequence: sequence, kind: sequence.isMultiple(of: 2) ? .login : .logout,
        username: broken ? "" : "user\(sequence % 97)@example.com",
        at: Date(timeIntervalSince1970: 1_764_522_000 + Double(sequence)))
}

/// The login feed: `limit` events (100,000 by default), the one numbered `broken` invalid, each pull
/// counted by `tally`.
struct TestLoginEvents: LoginEventsPartialHandler {
    let tally: ProducerTally
    var broken: Int64?

    func loginEvents(_ input: LoginEventsInput) async throws -> LoginEventsOutput {
        .ok(
            EventStream(
                LoginEventsOnDemand(count: Int64(input.limit ?? 100_000), broken: broken, tally: tally) {
                    ServerSentEvent(event: $0.kind.rawValue, id: String($0.sequence), data: $0)
                }))
    }

    func loginEventLog(_ input: LoginEventLogInput) async throws -> LoginEventLogOutput {
        .ok(EventStream(LoginEventsOnDemand(count: Int64(input.limit ?? 100_000), tally: tally) { $0 }))
    }
}

/// Polls `condition` every 10 ms until it holds or `seconds` have passed; returns whether it held.
func eventually(within seconds: Int, _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}

/// Polls until the producer has not been pulled for `quiet` consecutive 10 ms polls (it is blocked by
/// back-pressure), or `seconds` have passed; returns the count it settled at.
func settledPulls(of tally: ProducerTally, quiet: Int = 30, within seconds: Int = 10) async -> Int64 {
    let deadline = ContinuousClock.now + .seconds(seconds)
    var last = tally.pulled
    var unchanged = 0
    while unchanged < quiet, ContinuousClock.now < deadline {
        try? await Task.sleep(for: .milliseconds(10))
        let now = tally.pulled
        unchanged = now == last ? unchanged + 1 : 0
        last = now
    }
    return last
}

import Foundation

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

    func pull() { lock.withLock { pulledCount += 1 } }
    func release() { lock.withLock { isReleased = true } }
}

/// Reports to its tally when the last copy of the iterator holding it goes away.
final class ReleaseToken: Sendable {
    let tally: ProducerTally?
    init(_ tally: ProducerTally?) { self.tally = tally }
    deinit { tally?.release() }
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

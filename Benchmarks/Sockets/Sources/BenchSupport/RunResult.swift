import Foundation

/// What a client-side run measured, printed as one JSON line for the harness (`run.sh`).
public struct RunResult: Sendable {
    /// Calls made, or events received.
    public var count: Int
    /// Wall-clock seconds the calls or the stream took.
    public var seconds: Double
    /// Calls not answered as expected, or events that were wrong or missing.
    public var failures: Int

    /// Creates a measurement.
    public init(count: Int, seconds: Double, failures: Int) {
        self.count = count
        self.seconds = seconds
        self.failures = failures
    }

    /// `count` per second.
    public var rate: Double { seconds > 0 ? Double(count) / seconds : 0 }

    /// The seconds from `start` to now.
    public static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// The JSON line the harness reads: `{"count", "failures", "rate", "seconds"}`.
    public func line() throws -> String {
        struct Line: Encodable {
            var count: Int
            var seconds: Double
            var failures: Int
            var rate: Double
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(Line(count: count, seconds: seconds, failures: failures, rate: rate))
        return String(decoding: data, as: UTF8.self)
    }
}

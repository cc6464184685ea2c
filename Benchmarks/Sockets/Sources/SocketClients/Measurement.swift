import Foundation

/// What a client-side run measured, printed as one JSON line for the harness (`run.sh`).
struct Measurement: Encodable {
    /// Calls made, or events received.
    var count: Int
    /// Wall-clock seconds the calls or the stream took.
    var seconds: Double
    /// Calls not answered as expected, or events that were not the expected ones.
    var failures: Int

    /// `count` per second.
    var rate: Double { seconds > 0 ? Double(count) / seconds : 0 }

    /// The seconds from `start` to now.
    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// The JSON line the harness reads.
    func line() throws -> String {
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

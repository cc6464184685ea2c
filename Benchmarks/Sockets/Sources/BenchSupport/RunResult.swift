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

    /// The JSON line the harness reads: `{"count", "failures", "peak_rss_kib", "rate", "seconds"}`, with
    /// the process's peak resident set size so far (`VmHWM`; `null` where `/proc` has none).
    public func line() throws -> String {
        struct Line: Encodable {
            var count: Int
            var seconds: Double
            var failures: Int
            var rate: Double
            var peak_rss_kib: Int?
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(
            Line(count: count, seconds: seconds, failures: failures, rate: rate, peak_rss_kib: Self.peakResidentKiB()))
        return String(decoding: data, as: UTF8.self)
    }

    /// The peak resident set size of this process in KiB: the `VmHWM` line of `/proc/self/status`.
    public static func peakResidentKiB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.dropFirst("VmHWM:".count).split(whereSeparator: \.isWhitespace).first ?? "")
        }
        return nil
    }
}

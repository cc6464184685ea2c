import Foundation

/// The seed of a generative or fuzz test: `APIGEN_FUZZ_SEED` when it is set (to replay a run),
/// otherwise the test's default or a fresh one. Printed either way, so that a failure can be replayed.
public enum FuzzSeed {
    /// The environment variable that replays a run.
    public static let variable = "APIGEN_FUZZ_SEED"

    /// The seed set in `APIGEN_FUZZ_SEED`, if any.
    public static var fromEnvironment: UInt64? {
        ProcessInfo.processInfo.environment[variable].flatMap { UInt64($0) }
    }

    /// `APIGEN_FUZZ_SEED`, else `fallback` (a fresh random seed unless given); printed with `test`.
    public static func choose(
        _ test: String, default fallback: @autoclosure () -> UInt64 = UInt64.random(in: 0...UInt64(UInt32.max))
    ) -> UInt64 {
        let seed = fromEnvironment ?? fallback()
        print("\(test): seed \(seed) (repeat with \(variable)=\(seed))")
        return seed
    }

    /// `APIGEN_FUZZ_SEED`, else `fallback`, without printing (for a seed read more than once).
    public static func value(default fallback: UInt64) -> UInt64 { fromEnvironment ?? fallback }
}

/// The seed of a fuzz test: ``FuzzSeed/choose(_:default:)`` with a fresh default.
public func fuzzSeed(_ test: String) -> UInt64 { FuzzSeed.choose(test) }

/// A time budget for a bounded test: start it, then loop while it ``isLeft``.
public struct TimeBudget: Sendable {
    /// When the budget started.
    public let start = Date()
    /// Its length in seconds.
    public let seconds: TimeInterval

    /// A budget of `seconds` from now.
    public init(seconds: TimeInterval) { self.seconds = seconds }

    /// Seconds since the start.
    public var elapsed: TimeInterval { Date().timeIntervalSince(start) }

    /// Whether time is left.
    public var isLeft: Bool { elapsed < seconds }
}

import Foundation
import Synchronization

/// What the in-memory services take from the world: the time, and randomness for codes and tokens.
///
/// Tests pass a ``ManualClock`` and a seed, so codes, tokens and expiries are the same on every run.
public struct ServiceEnvironment: Sendable {
    /// The current time.
    public var now: @Sendable () -> Date
    let random: RandomSource

    /// Creates an environment.
    ///
    /// - Parameters:
    ///   - now: The clock; by default the system's.
    ///   - seed: A seed for codes and tokens; `nil` (the default) draws them from the system's
    ///     random number generator.
    public init(now: @escaping @Sendable () -> Date = { Date() }, seed: UInt64? = nil) {
        self.now = now
        self.random = RandomSource(seed: seed)
    }

    /// A code of `count` decimal digits.
    func digits(_ count: Int) -> String {
        String((0..<count).map { _ in Character(String(random.next() % 10)) })
    }

    /// `byteCount` random bytes, base64url-encoded without padding.
    func token(byteCount: Int) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(byteCount)
        while bytes.count < byteCount {
            withUnsafeBytes(of: random.next().littleEndian) { bytes.append(contentsOf: $0.prefix(byteCount - bytes.count)) }
        }
        return Base64URL.encode(Data(bytes))
    }

    /// A random (version 4) UUID.
    func uuid() -> UUID {
        var bytes = [UInt8]()
        for _ in 0..<2 { withUnsafeBytes(of: random.next().littleEndian) { bytes.append(contentsOf: $0) } }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}

/// SplitMix64 when seeded, the system's generator otherwise; safe to share between tasks.
final class RandomSource: Sendable {
    private let state: Mutex<UInt64?>

    init(seed: UInt64?) { state = Mutex(seed) }

    func next() -> UInt64 {
        state.withLock { state in
            guard var z = state else {
                var system = SystemRandomNumberGenerator()
                return system.next()
            }
            z &+= 0x9E37_79B9_7F4A_7C15
            state = z
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}

/// A clock that moves only when told to, for tests of expiry.
public final class ManualClock: Sendable {
    private let current: Mutex<Date>

    /// Creates a clock that reads `start` until it is advanced.
    public init(start: Date) { current = Mutex(start) }

    /// The clock's time.
    public var now: Date { current.withLock { $0 } }

    /// Moves the clock forward by `interval` seconds.
    public func advance(by interval: TimeInterval) { current.withLock { $0 += interval } }
}

enum Base64URL {
    static func encode(_ data: Data) -> String {
        data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

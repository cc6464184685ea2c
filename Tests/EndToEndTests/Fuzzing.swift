import Foundation

/// A small, fast, seedable random number generator (SplitMix64) for the fuzz tests: the same seed gives
/// the same inputs on every machine.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The seed of a fuzz test: `APIGEN_FUZZ_SEED` when it is set (to repeat a run), otherwise a fresh one.
/// Printed, so that a failure can be reproduced.
func fuzzSeed(_ test: String) -> UInt64 {
    let seed =
        ProcessInfo.processInfo.environment["APIGEN_FUZZ_SEED"].flatMap { UInt64($0) }
        ?? UInt64.random(in: 0...UInt64(UInt32.max))
    print("\(test): seed \(seed) (repeat with APIGEN_FUZZ_SEED=\(seed))")
    return seed
}

/// Byte-level mutations of a valid input: flips, insertions of hostile fragments, deletions,
/// duplications and truncations, a few at a time.
enum Mutation {
    static func mutate(_ input: [UInt8], fragments: [[UInt8]], using random: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0 where position < bytes.count:
                bytes[position] = UInt8.random(in: 0...255, using: &random)
            case 1, 2:
                bytes.insert(contentsOf: fragments.randomElement(using: &random) ?? [], at: position)
            case 3 where position < bytes.count:
                bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...8, using: &random)))
            case 4 where position < bytes.count:
                let end = min(bytes.count, position + Int.random(in: 1...32, using: &random))
                bytes.insert(contentsOf: bytes[position..<end], at: position)
            default:
                bytes = Array(bytes.prefix(position))
            }
        }
        return bytes
    }
}

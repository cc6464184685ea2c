/// Byte-level mutations of a valid input: flips, insertions of hostile fragments, deletions,
/// duplications and truncations, a few at a time.
public enum Mutation {
    /// `input` with 1–4 random mutations; `fragments` are the hostile pieces it may insert.
    public static func mutate(_ input: [UInt8], fragments: [[UInt8]], using random: inout SeededGenerator) -> [UInt8] {
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

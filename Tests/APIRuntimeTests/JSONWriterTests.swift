import Foundation
import TestSupport
import Testing

@_spi(Generated) @testable import APIRuntime

/// `JSONWriter`, the runtime's JSON encoder: the same bytes as `JSONEncoder` (`.sortedKeys`,
/// `.withoutEscapingSlashes`) whenever members are written in sorted order, members in the order a type
/// writes them otherwise, sorted dictionaries, and typed errors instead of bad JSON.
@Suite("JSONWriter")
struct JSONWriterTests {
    static let foundation: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    func text(_ value: some Encodable) throws -> String {
        String(decoding: try JSONWriter.encode(value), as: UTF8.self)
    }

    /// Seeded random JSON values with every object's members in sorted order, so `JSONEncoder`'s sorted
    /// output is the reference byte for byte: odd strings (quotes, backslashes, every control character,
    /// slashes, non-BMP), integers at the ends of `Int`, finite doubles of every magnitude, deep nesting.
    @Test func matchesJSONEncoderByteForByteOnRandomValues() throws {
        let seed = fuzzSeed("JSONWriterTests")
        var random = SeededGenerator(seed: seed)
        for round in 0..<2_000 {
            let value = Self.randomValue(&random, depth: 0)
            let ours = try JSONWriter.encode(value)
            let theirs = try Self.foundation.encode(value)
            #expect(
                ours == theirs,
                "seed \(seed), round \(round): \(String(decoding: ours, as: UTF8.self)) vs \(String(decoding: theirs, as: UTF8.self))"
            )
            if ours != theirs { return }
        }
    }

    static func randomValue(_ random: inout SeededGenerator, depth: Int) -> AnyJSON {
        switch random.below(depth > 4 ? 4 : 6) {
        case 0: return .null
        case 1: return .bool(random.below(2) == 0)
        case 2:
            let pick = random.below(6)
            if pick == 0 { return .number(Double(Int(truncatingIfNeeded: random.next()) >> 12)) }
            if pick == 1 {
                return .number(
                    random.pick([0, -0.0, 1e15, 1e16, 1e300, Double.leastNonzeroMagnitude, 0.1, -2.5, 1e-7, 123456.789])
                )
            }
            let bits = random.next()
            let double = Double(bitPattern: bits)
            return .number(double.isFinite ? double : 1.5)
        case 3: return .string(randomString(&random))
        case 4: return .array((0..<random.below(4)).map { _ in randomValue(&random, depth: depth + 1) })
        default:
            var keys = Set<String>()
            for _ in 0..<random.below(5) { keys.insert(randomString(&random)) }
            return .object(keys.sorted().map { AnyJSON.Member($0, randomValue(&random, depth: depth + 1)) })
        }
    }

    static func randomString(_ random: inout SeededGenerator) -> String {
        let pool: [String] = [
            "a", "Z", "\"", "\\", "/", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", "\u{8}", "\u{C}", "é", "\u{2028}",
            "日", "🎉", " ", "{", "}",
        ]
        return (0..<random.below(8)).map { _ in random.pick(pool) }.joined()
    }

    @Test func writesMembersInTheOrderTheTypeWritesThem() throws {
        struct Pair: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: AnyCodingKey.self)
                try container.encode("z", forKey: "zeta")
                try container.encode(1, forKey: "alpha")
                try container.encodeNil(forKey: "mid")
            }
        }
        #expect(try text(Pair()) == #"{"zeta":"z","alpha":1,"mid":null}"#)
        #expect(
            try text([Pair(), Pair()]) == #"[{"zeta":"z","alpha":1,"mid":null},{"zeta":"z","alpha":1,"mid":null}]"#)
    }

    @Test func dictionariesAreSortedInEveryProcess() throws {
        let map = ["b": 2, "a": 1, "é": 3, "A": 0]
        #expect(try text(map) == #"{"A":0,"a":1,"b":2,"é":3}"#)
        #expect(try text(["outer": map]) == #"{"outer":{"A":0,"a":1,"b":2,"é":3}}"#)
        #expect(try text([String: [Int]]()) == "{}")
    }

    @Test func foundationTypesAsJSONEncoderWritesThem() throws {
        struct Sample: Encodable {
            // Declared in sorted order, so the sorted reference has the same order.
            let aData = Data([0, 255, 7])
            let bURL = URL(string: "https://example.com/a/b?c=d")!
            let cDecimal = Decimal(string: "12345678901234567890.123456789")!
            let dDate = Date(timeIntervalSinceReferenceDate: 1.5)
            let eFloat: Float = 0.1
            let fWhole = 2.0
            let gSmall: Int8 = -128
            let hBig = UInt64.max
            let iLow = Int64.min
            let jBytes = [Data([1]), Data()]
        }
        #expect(try JSONWriter.encode(Sample()) == Self.foundation.encode(Sample()))
    }

    @Test func nestedContainersAndSuperEncoders() throws {
        struct Nested: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: AnyCodingKey.self)
                var inner = container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: "inner")
                try inner.encode(true, forKey: "flag")
                var list = inner.nestedUnkeyedContainer(forKey: "list")
                try list.encode(1)
                var deeper = list.nestedContainer(keyedBy: AnyCodingKey.self)
                try deeper.encode("x", forKey: "y")
                try list.encode(2)
                try container.encode("after", forKey: "next")
                var single = container.superEncoder(forKey: "super").singleValueContainer()
                try single.encode(3)
            }
        }
        let expected = #"{"inner":{"flag":true,"list":[1,{"y":"x"},2]},"next":"after","super":3}"#
        #expect(try text(Nested()) == expected)
        #expect(try JSONSerialization.jsonObject(with: Data(expected.utf8)) is [String: Any])
    }

    /// `superEncoder()` writes under `super` even when the container's key type has no such key.
    @Test func aSuperEncoderWithoutAKeyOfItsOwn() throws {
        enum Keys: String, CodingKey { case only }
        struct Parent: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(1, forKey: .only)
                try "base".encode(to: container.superEncoder())
            }
        }
        #expect(try text(Parent()) == #"{"only":1,"super":"base"}"#)
        #expect(try JSONWriter.encode(Parent()) == Self.foundation.encode(Parent()))
    }

    /// A second request for the same value's container continues the same object (a discriminator after
    /// a variant's fields); a value that writes nothing is `{}`.
    @Test func aContainerAskedForTwiceIsOneObject() throws {
        struct Twice: Encodable {
            func encode(to encoder: any Encoder) throws {
                var first = encoder.container(keyedBy: AnyCodingKey.self)
                try first.encode(1, forKey: "a")
                var second = encoder.container(keyedBy: AnyCodingKey.self)
                try second.encode(2, forKey: "b")
            }
        }
        struct Nothing: Encodable {
            func encode(to encoder: any Encoder) throws {}
        }
        #expect(try text(Twice()) == #"{"a":1,"b":2}"#)
        #expect(try text([Nothing()]) == "[{}]")
        #expect(try text(Nothing()) == "{}")
    }

    @Test func notANumberIsAnErrorWithItsPath() throws {
        do {
            _ = try JSONWriter.encode(["values": [1, Double.nan]])
            Issue.record("NaN was written")
        } catch let error as EncodingError {
            guard case .invalidValue(_, let context) = error else { throw error }
            #expect(context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue } == ["values", "1"])
        }
        #expect(throws: EncodingError.self) { try JSONWriter.encode([Double.infinity]) }
        #expect(throws: EncodingError.self) { try JSONWriter.encode(Decimal.nan) }
    }

    /// A container used after its parent moved on cannot write into the wrong place: a typed error.
    @Test func aContainerUsedAfterItsParentMovedOnIsAnError() throws {
        struct Interleaved: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: AnyCodingKey.self)
                var early = container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: "early")
                try container.encode(1, forKey: "late")
                try early.encode(2, forKey: "x")
            }
        }
        struct Twice: Encodable {
            func encode(to encoder: any Encoder) throws {
                var single = encoder.singleValueContainer()
                try single.encode(1)
                try single.encode(2)
            }
        }
        #expect(throws: EncodingError.self) { try JSONWriter.encode(Interleaved()) }
        #expect(throws: EncodingError.self) { try JSONWriter.encode(Twice()) }
    }
}

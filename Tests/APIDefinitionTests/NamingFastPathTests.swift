@testable import APIDefinition
import TestSupport
import Testing

/// `Naming.words` splits ASCII names byte by byte; it must split every ASCII name exactly as the
/// `Character` path does.
@Suite struct NamingFastPathTests {
    @Test func asciiWordsMatchCharacterWordsOnRandomNames() {
        let seed = fuzzSeed("NamingFastPathTests")
        var random = SeededGenerator(seed: seed)
        // Weighted toward the characters the rules look at: separators, case changes, digits.
        let alphabet = Array("aAbBzZ09_-./ xXyY:+@~\t") + (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }
        for _ in 0..<20_000 {
            let name = String((0..<random.within(0...12)).map { _ in alphabet[random.next(below: alphabet.count)] })
            #expect(Naming.asciiWords(name) == Naming.characterWords(name), "\(name.debugDescription), seed \(seed)")
        }
    }

    @Test func nonASCIINamesTakeTheCharacterPath() {
        #expect(Naming.words("élanVital") == Naming.characterWords("élanVital"))
        #expect(Naming.words("élanVital") == ["élan", "Vital"])
    }
}

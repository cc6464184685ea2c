import APIDefinition
import Foundation
import Testing

/// The loader survives any bytes: each reproducer of a crash, a trap, an unlocated message or an
/// unbounded cost ends in one located diagnostic, quickly.
@Suite("Hostile input")
struct HostileInputTests {
    func diagnostics(_ bytes: [UInt8]) -> [String] {
        do {
            _ = try DefinitionLoader.load(data: Data(bytes), file: "x.json")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    func diagnostics(_ text: String) -> [String] { diagnostics(Array(text.utf8)) }

    /// `valid` with `old` replaced by `new` (the minimal definition of DiagnosticsTests).
    func breaking(_ old: String, _ new: String) -> [String] {
        precondition(DiagnosticsTests.valid.contains(old), "\(old) is not in the valid definition")
        return diagnostics(DiagnosticsTests.valid.replacingOccurrences(of: old, with: new))
    }

    @Test func deepNestingIsAnErrorNotAStackOverflow() {
        #expect(
            diagnostics(String(repeating: "[", count: 50_000))
                == ["x.json:1:513: error: invalid JSON: arrays and objects nest more than 512 levels deep"])
        #expect(
            diagnostics("{\"a\": " + String(repeating: "{\"b\": ", count: 600))
                == ["x.json:1:3073: error: invalid JSON: arrays and objects nest more than 512 levels deep"])
        // 512 levels are JSON (and then not a definition).
        let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(diagnostics(deepest) == ["x.json:1:1: error: expected the definition (an object), found an array"])
    }

    @Test func truncatedEscapesAreLocated() {
        #expect(diagnostics("\"\\") == ["x.json:1:3: error: invalid JSON: unterminated string"])
        #expect(diagnostics("\"") == ["x.json:1:1: error: invalid JSON: unterminated string"])
        #expect(diagnostics("{\"a\\") == ["x.json:1:5: error: invalid JSON: unterminated string"])
        #expect(
            diagnostics("\"\\u12\"")
                == ["x.json:1:2: error: invalid JSON: invalid escape: '\\u' must be followed by 4 hexadecimal digits"])
        #expect(
            diagnostics("\"\\ud800\"")
                == ["x.json:1:2: error: invalid JSON: invalid escape: a high surrogate (\\uD800) without a low one"])
        #expect(diagnostics("\"\\q\"") == ["x.json:1:2: error: invalid JSON: invalid escape '\\'q'' in a string"])
    }

    @Test func whatJSONSerializationRejectsIsSaidAndLocated() {
        #expect(
            diagnostics([0x7B, 0x0A, 0x20, 0x22, 0x61, 0xFF, 0x22, 0x3A, 0x31, 0x7D])
                == ["x.json:2:4: error: invalid JSON: invalid UTF-8: byte 0xFF, which is not UTF-8 in a string"])
        #expect(
            breaking(#""formatVersion": 1"#, #""formatVersion": 1e999"#)
                == ["x.json:2:20: error: invalid JSON: number 1e999 is too large for a 64-bit floating-point number"])
        #expect(
            breaking(#""formatVersion": 1"#, #""formatVersion": 18446744073709551616"#)
                == ["x.json:2:20: error: invalid JSON: integer 18446744073709551616 does not fit in 64 bits"])
        #expect(
            breaking(#""maxLength": 10"#, #""maxLength": 10, "maxLength": 11"#)
                == [
                    "x.json:7:63: error: invalid JSON: duplicate key 'maxLength' (each key may appear once in an object)"
                ])
        #expect(
            diagnostics("\"a\tb\"")
                == [
                    "x.json:1:3: error: invalid JSON: control character U+0009 in a string; write it as an escape ('\\u00XX')"
                ])
        #expect(diagnostics("01") == ["x.json:1:1: error: invalid JSON: invalid number: no leading zeros"])
        #expect(
            diagnostics([0xEF, 0xBB, 0xBF] + Array("[]".utf8)) == [
                "x.json:1:1: error: expected the definition (an object), found an array"
            ])
        for bytes: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            let found = diagnostics([0x22] + bytes + [0x22])
            #expect(
                found.count == 1 && found[0].hasPrefix("x.json:1:2: error: invalid JSON: invalid UTF-8"), "\(found)")
        }
        // Outside strings too, without printing the raw byte.
        #expect(
            diagnostics([0xFF]) == [
                "x.json:1:1: error: invalid JSON: unexpected byte 0xFF, which is not UTF-8; expected a value"
            ])
    }

    @Test func hugeUnknownNamesCostLinearTime() {
        let huge = String(repeating: "Q", count: 5_000_000)
        let start = Date()
        let found = breaking(#""type": "Item""#, "\"type\": \"\(huge)\"")
        let seconds = Date().timeIntervalSince(start)
        #expect(found.count == 1)
        #expect(
            found.first?.hasPrefix("x.json:14:46: error: operations[0].responses[0].type: unknown type 'QQQ") == true)
        // Cut to a readable length, and no suggestion computed for a name no typo makes.
        #expect((found.first?.count ?? 0) < 2200)
        #expect(found.first?.contains("did you mean") == false)
        #expect(seconds < 30, "\(seconds) s")
        // A nest of brackets as a type name is not parsed recursively.
        let nest = String(repeating: "[", count: 1_000_000) + "Item" + String(repeating: "]", count: 1_000_000)
        #expect(
            breaking(#""type": "Item""#, "\"type\": \"\(nest)\"")
                == [
                    "x.json:14:46: error: operations[0].responses[0].type: type nests arrays and maps more than 16 levels deep"
                ])
    }

    /// Suggestions compare each unknown name with every type: bounded, so that many unknown names
    /// among many types cost linear time, and the first ones still get a suggestion.
    @Test func manyUnknownNamesAmongManyTypesCostLinearTime() throws {
        let count = 3000
        let things = (0..<count).map { #"{"name": "Thing\#($0)", "kind": "object", "fields": []}"# }
        let fields = (0..<count).map { #"{"name": "f\#($0)", "type": "Thnig\#($0)"}"# }
        let holder = #"{"name": "Holder", "kind": "object", "fields": ["# + fields.joined(separator: ",") + "]}"
        let text =
            #"{"formatVersion": 1, "service": {"name": "Q", "baseURL": "https://q.test"}, "types": ["#
            + (things + [holder]).joined(separator: ",\n") + #"], "operations": []}"#
        let start = Date()
        let found = diagnostics(text)
        let seconds = Date().timeIntervalSince(start)
        #expect(found.count == count)
        #expect(
            found.first?.hasSuffix("unknown type 'Thnig0' (did you mean 'Thing0'?)") == true, "\(found.first ?? "")")
        #expect(found.last?.hasSuffix("unknown type 'Thnig\(count - 1)'") == true, "\(found.last ?? "")")
        #expect(seconds < 30, "\(seconds) s")
    }

    @Test func serviceNamesMustFitInAFileName() {
        let long = String(repeating: "S", count: 300)
        #expect(
            breaking(#""name": "Demo""#, "\"name\": \"\(long)\"")
                == [
                    "x.json:3:24: error: service.name: the service name is 300 bytes long; it names a directory, a module and files, so it may be at most 64 bytes"
                ])
        let longest = String(repeating: "S", count: DefinitionChecker.maximumServiceNameLength)
        #expect(breaking(#""name": "Demo""#, "\"name\": \"\(longest)\"") == [])
        for bad in ["a/b", ".hidden", "a:b", "a\\u0000b"] {
            let found = breaking(#""name": "Demo""#, "\"name\": \"\(bad)\"")
            #expect(found.count == 1 && found[0].hasPrefix("x.json:3:24: error: service.name: "), "\(bad): \(found)")
        }
    }

    @Test func diagnosticsStayOnOneLine() {
        let found = breaking(#""name": "jwt""#, #""name": "jwt", "a\u2028b\u001b[31m": 1"#)
        #expect(found.count == 1)
        #expect(found.first?.contains("\\u{2028}") == true, "\(found)")
        #expect(found.first?.contains("\\u{1B}") == true, "\(found)")
        #expect(found.first?.contains(where: { $0.isNewline || $0 == "\u{1B}" }) == false)
    }
}

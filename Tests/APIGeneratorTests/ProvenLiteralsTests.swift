import APIDefinition
import APIGenerator
@_spi(Generated) import APIRuntime
import Foundation
import TestSupport
import Testing

/// Generated code writes defaults and constants as literals, with no `!` or `try!` the checker
/// did not prove: the checker's rules agree with the runtime's, and no generated file holds an
/// unproven force.
@Suite("Proven literals")
struct ProvenLiteralsTests {
    /// The checker's RFC 3339 reading and the runtime's give the same instant, or both refuse:
    /// seeded mutations of date-times (`APIGEN_FUZZ_SEED` to repeat a run), bounded in count.
    @Test func checkerAndRuntimeAgreeOnDateTimes() {
        let seed = FuzzSeed.choose("checkerAndRuntimeAgreeOnDateTimes", default: 20_261_130)
        var random = SeededGenerator(seed: seed)
        let bases = [
            "2024-02-29T00:00:00Z", "2023-02-28T23:59:59.999+14:00", "1999-12-31t23:59:60z",
            "2000-02-29 12:30:00-00:30",
            "1900-02-28T00:00:00.5Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.123456789-23:59",
        ]
        let pieces: [Character] = Array("0123456789-:TtZz+. x")
        var disagreements: [String] = []
        var refused = 0
        for _ in 0..<20_000 {
            var text = Array(bases[random.next(below: bases.count)])
            for _ in 0...random.next(below: 3) where !text.isEmpty {
                let index = random.next(below: text.count)
                switch random.next(below: 3) {
                case 0: text[index] = pieces[random.next(below: pieces.count)]
                case 1: text.remove(at: index)
                default: text.insert(pieces[random.next(below: pieces.count)], at: index)
                }
            }
            let candidate = String(text)
            let checker = DefinitionValues.rfc3339Seconds(candidate)
            let runtime = RFC3339.date(from: candidate)?.timeIntervalSince1970
            if checker == nil { refused += 1 }
            if checker != runtime { disagreements.append(candidate) }
        }
        #expect(disagreements.isEmpty, "seed \(seed): \(disagreements.prefix(10))")
        // Both outcomes were tried many times.
        #expect(refused > 1_000 && refused < 19_000, "seed \(seed): \(refused) refused")
    }

    /// The checker's reading of a `date` default and `CalendarDate`'s agree: seeded mutations of
    /// calendar dates (`APIGEN_FUZZ_SEED` to repeat a run), bounded in count.
    @Test func checkerAndRuntimeAgreeOnCalendarDates() {
        let seed = FuzzSeed.choose("checkerAndRuntimeAgreeOnCalendarDates", default: 20_261_201)
        var random = SeededGenerator(seed: seed)
        let bases = ["2024-02-29", "2023-02-28", "1900-02-28", "2000-02-29", "0000-01-01", "9999-12-31", "2026-04-30"]
        let pieces: [Character] = Array("0123456789-T ")
        var disagreements: [String] = []
        var refused = 0
        for _ in 0..<20_000 {
            var text = Array(bases[random.next(below: bases.count)])
            for _ in 0...random.next(below: 2) where !text.isEmpty {
                let index = random.next(below: text.count)
                switch random.next(below: 3) {
                case 0: text[index] = pieces[random.next(below: pieces.count)]
                case 1: text.remove(at: index)
                default: text.insert(pieces[random.next(below: pieces.count)], at: index)
                }
            }
            let candidate = String(text)
            let checker = DefinitionValues.problem(
                with: .string(candidate), for: .date, constraints: Constraints(), enumValues: { _ in nil }) == nil
            let runtime = CalendarDate(candidate)?.description == candidate
            if !checker { refused += 1 }
            if checker != runtime { disagreements.append(candidate) }
        }
        #expect(disagreements.isEmpty, "seed \(seed): \(disagreements.prefix(10))")
        #expect(refused > 1_000 && refused < 19_000, "seed \(seed): \(refused) refused")
    }

    /// Every `!`, `try!`, `as!`, `fatalError` and `preconditionFailure` in generated code, outside
    /// comments and string literals, is one the checker proved safe.
    @Test func generatedCodeForcesOnlyWhatTheCheckerProved() throws {
        var files: [(path: String, text: String)] = []
        for directory in ["Generated", "Tests/Fixtures/Generated"] {
            let root = TestSupport.path(directory)
            for relative in (FileManager.default.subpaths(atPath: root) ?? []).sorted()
            where relative.hasSuffix(".swift") {
                let text = try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
                files.append((directory + "/" + relative, text))
            }
        }
        #expect(files.count >= 25)
        let unproven = files.flatMap { file in ForceAudit.unproven(in: file.text).map { "\(file.path): \($0)" } }
        #expect(unproven.isEmpty, "\(unproven.joined(separator: "\n"))")
    }

    /// Integer bounds are exact integer literals, and date-time defaults instants, in the
    /// generated code.
    @Test func boundsAndDatesAreWrittenExactly() throws {
        let text = """
            {
              "formatVersion": 1,
              "service": { "name": "Exact", "baseURL": "https://exact.test" },
              "types": [{ "name": "sample", "kind": "object", "fields": [
                { "name": "big", "type": "int64", "minimum": 1e15, "maximum": 9e18 },
                { "name": "small", "type": "int32", "minimum": -2147483648, "required": false, "default": 5 },
                { "name": "ratio", "type": "number", "maximum": 1e300 },
                { "name": "when", "type": "date-time", "required": false, "default": "2024-02-29T12:30:00.25+01:00" }
              ] }],
              "operations": []
            }
            """
        let definition = try DefinitionLoader.load(data: Data(text.utf8), file: "exact.json")
        let code = Generator.generate(definition).map(\.contents).joined()
        #expect(code.contains("minimum: 1000000000000000, maximum: 9000000000000000000"))
        #expect(code.contains("minimum: -2147483648"))
        #expect(code.contains("maximum: 1e+300"))
        #expect(code.contains("Date(timeIntervalSince1970: 1709206200.25)"))
        #expect(RFC3339.date(from: "2024-02-29T12:30:00.25+01:00")?.timeIntervalSince1970 == 1_709_206_200.25)
        #expect(code.contains("public struct Sample: Sendable, Hashable"))
        #expect(ForceAudit.unproven(in: code).isEmpty)
    }

    @Test func theAuditFindsForces() {
        let found = ForceAudit.unproven(
            in: """
                let a = b!
                let c = try! d()
                let e = f as! G
                fatalError("x")
                let h = "not ! code" // nor this!
                /* nor ! this */ let i = j != k
                let l = URL(string: "https://x.test")!
                let m = UUID(uuidString: "3f0c4e0e-5b7a-4b8e-9a57-2f5d1c7e9b10")!
                let n = #"raw "! string"#
                """)
        #expect(found == ["let a = b!", "let c = try! d()", "let e = f as! G", "fatalError(\"x\")"])
    }
}

/// Finds forced operations in Swift source, outside comments and string literals.
enum ForceAudit {
    /// Forced constructs the checker proves safe: it checks the base URL and `uri` defaults with
    /// `URL(string:)`, UUID literals with `UUID(uuidString:)`, `bytes` with `Data(base64Encoded:)` and
    /// `decimal` with `Decimal(string:locale:)`, the same initializers; `date` defaults with the
    /// RFC 3339 reader that `CalendarDate` agrees with (`checkerAndRuntimeAgreeOnCalendarDates`).
    static let proven = [
        #"URL\(string: ""\)!"#, #"UUID\(uuidString: ""\)!"#, #"CalendarDate\(""\)!"#,
        #"Data\(base64Encoded: ""\)!"#, #"Decimal\(string: "", locale: nil\)!"#,
    ]

    /// The lines (as written) with a force that is not on the ``proven`` list.
    static func unproven(in source: String) -> [String] {
        let code = codeOnly(source).split(separator: "\n", omittingEmptySubsequences: false)
        let original = source.split(separator: "\n", omittingEmptySubsequences: false)
        var result: [String] = []
        for (index, line) in code.enumerated() {
            var rest = String(line)
            for pattern in proven {
                rest = rest.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
            }
            let forced =
                rest.range(of: #"[\w\)\]\}>\?]!(?!=)"#, options: .regularExpression) != nil
                || rest.range(of: #"\b(try|as)!"#, options: .regularExpression) != nil
                || rest.range(
                    of: #"\b(fatalError|preconditionFailure|unsafeBitCast|unsafeDowncast)\b"#,
                    options: .regularExpression)
                    != nil
            if forced { result.append(String(original[index]).trimmingCharacters(in: .whitespaces)) }
        }
        return result
    }

    /// `source` with comments removed and string literals emptied (`"…"`, `#"…"#`, `"""…"""`),
    /// line breaks kept so that line numbers stay.
    static func codeOnly(_ source: String) -> String {
        let characters = Array(source)
        var output = ""
        var index = 0
        func at(_ offset: Int, _ text: String) -> Bool {
            let expected = Array(text)
            guard offset + expected.count <= characters.count else { return false }
            return Array(characters[offset..<offset + expected.count]) == expected
        }
        while index < characters.count {
            if at(index, "//") {
                while index < characters.count, characters[index] != "\n" { index += 1 }
            } else if at(index, "/*") {
                index += 2
                while index < characters.count, !at(index, "*/") {
                    if characters[index] == "\n" { output.append("\n") }
                    index += 1
                }
                index += 2
            } else if characters[index] == "#" || characters[index] == "\"" {
                var hashes = 0
                while index + hashes < characters.count, characters[index + hashes] == "#" { hashes += 1 }
                guard index + hashes < characters.count, characters[index + hashes] == "\"" else {
                    output.append(characters[index])
                    index += 1
                    continue
                }
                let multiline = at(index + hashes, "\"\"\"")
                let quote = multiline ? "\"\"\"" : "\""
                let close = quote + String(repeating: "#", count: hashes)
                index += hashes + quote.count
                output += "\"\""
                while index < characters.count, !at(index, close) {
                    if hashes == 0, characters[index] == "\\" { index += 1 }
                    if index < characters.count, characters[index] == "\n" { output.append("\n") }
                    index += 1
                }
                index += close.count
            } else {
                output.append(characters[index])
                index += 1
            }
        }
        return output
    }
}

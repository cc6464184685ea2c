import APIDefinition
import APIOpenAPI
import Foundation
import TestSupport
import Testing

@testable import APIGenerator

/// Text from a definition never becomes code: every doc, summary, title, enum value, wire name,
/// constant, default, pattern, path, header name and base URL goes through `SwiftSource.commentLines`
/// or `SwiftSource.stringLiteral`. The texts are drawn from a seeded table of hostile pieces (every
/// newline kind, `*/`, `"""`, `\(`, `#`, quotes, backslashes, NUL, bidi controls, a `fatalError`
/// call); set `APIGEN_FUZZ_SEED` to replay a printed seed.
@Suite("Hostile text")
struct HostileTextTests {
    // MARK: Hostile texts

    /// The pieces hostile texts are made of.
    static let pieces: [String] = [
        "\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}", "*/", "/*", "\"\"\"", "\\(", "#",
        "#\"", "\"#", "\"", "'", "\\", "\u{0}", "\u{7F}", "\u{1B}", "\u{9B}", "\u{202E}", "\u{202A}", "\u{2066}",
        "\u{2069}", "\u{200E}", "\u{200F}", "\u{061C}", "\u{FEFF}", "`", "}", "{", "fatalError(\"pwned\")", "\t",
        "é", "👍🏽", "🇫🇷", "e\u{301}", "\\u{41}", "//", "///", " ", "word", ")", "$0", "<", "&",
    ]

    /// A hostile text: `lead` then 2–7 pieces; it always holds a line break followed by code.
    static func hostile(_ lead: String, _ random: inout SeededGenerator) -> String {
        var text = lead
        for _ in 0..<Int.random(in: 2...7, using: &random) { text += pieces.randomElement(using: &random)! }
        let breaks = ["\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}"]
        return text + breaks.randomElement(using: &random)! + "fatalError(\"pwned\")"
            + pieces.randomElement(using: &random)!
    }

    // MARK: The two functions

    /// Reads a Swift string literal as `SwiftSource.stringLiteral` writes it (one line, plain, with
    /// `\"`, `\\`, `\n`, `\r`, `\t` and `\u{…}` escapes) and returns its value; `nil` for anything
    /// else, such as a raw control character, an unescaped quote or an interpolation.
    static func valueOfLiteral(_ literal: String) -> String? {
        var scalars = Array(literal.unicodeScalars)
        guard scalars.count >= 2, scalars.first == "\"", scalars.last == "\"" else { return nil }
        scalars = Array(scalars.dropFirst().dropLast())
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if SwiftSource.needsEscape(scalar) || scalar == "\"" { return nil }
            guard scalar == "\\" else {
                result.append(scalar)
                index += 1
                continue
            }
            guard index + 1 < scalars.count else { return nil }
            switch scalars[index + 1] {
            case "\"": result.append("\"")
            case "\\": result.append("\\")
            case "n": result.append("\n")
            case "r": result.append("\r")
            case "t": result.append("\t")
            case "u":
                guard index + 2 < scalars.count, scalars[index + 2] == "{",
                    let close = scalars[(index + 3)...].firstIndex(of: "}"),
                    let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 3)..<close])), radix: 16),
                    let decoded = Unicode.Scalar(value)
                else { return nil }
                result.append(decoded)
                index = close + 1
                continue
            default: return nil  // `\(` and anything else
            }
            index += 2
        }
        return String(result)
    }

    /// The number of line breaks in `text`, `\r\n` counted once.
    static func lineBreakCount(_ text: String) -> Int {
        var count = 0
        var afterCarriageReturn = false
        for scalar in text.unicodeScalars {
            if !(scalar == "\n" && afterCarriageReturn), SwiftSource.lineBreaks.contains(scalar.value) { count += 1 }
            afterCarriageReturn = scalar == "\r"
        }
        return count
    }

    @Test func stringLiteralsHoldTheirTextByteForByte() {
        let seed = FuzzSeed.choose("stringLiteralsHoldTheirTextByteForByte")
        var random = SeededGenerator(seed: seed)
        for round in 0..<3000 {
            let text = Self.hostile("t\(round)", &random)
            let literal = SwiftSource.stringLiteral(text)
            #expect(Self.valueOfLiteral(literal) == text, "seed \(seed), round \(round): \(literal)")
            #expect(!literal.hasPrefix("#") && !literal.hasPrefix("\"\"\""))
        }
        #expect(SwiftSource.stringLiteral("plain/path_{id}") == "\"plain/path_{id}\"")
        #expect(SwiftSource.stringLiteral("a\"b\\(c)\u{202E}\u{0}") == #""a\"b\\(c)\u{202e}\u{0}""#)
    }

    @Test func commentLinesSplitAtEveryLineBreakAndShowControls() {
        let seed = FuzzSeed.choose("commentLinesSplitAtEveryLineBreakAndShowControls")
        var random = SeededGenerator(seed: seed)
        for round in 0..<3000 {
            let text = Self.hostile("t\(round)", &random)
            let lines = SwiftSource.commentLines(text)
            #expect(lines.count == Self.lineBreakCount(text) + 1, "seed \(seed), round \(round)")
            for line in lines {
                #expect(
                    !line.unicodeScalars.contains { $0 != "\t" && SwiftSource.needsEscape($0) },
                    "seed \(seed), round \(round): \(line.debugDescription)")
            }
            let comment = SwiftSource.docComment(text, indent: "    ", extra: [text])
            for line in comment.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                #expect(line.hasPrefix("    ///"), "seed \(seed), round \(round): \(line.debugDescription)")
            }
        }
        #expect(SwiftSource.commentLines("a\r\nb\rc\u{2028}d") == ["a", "b", "c", "d"])
        #expect(SwiftSource.commentLines("x\u{202E}y\u{0}") == ["x\\u{202e}y\\u{0}"])
    }

    /// Generated comments and literals are built in `SwiftSource` only: no other generator file
    /// writes a `//` line with interpolated text or a hand-quoted interpolation (`\"\(…)`), so new
    /// definition text cannot bypass `commentLines` or `stringLiteral`.
    @Test func commentsAndLiteralsAreBuiltOnlyInSwiftSource() throws {
        let directory = TestSupport.path("Sources/APIGenerator")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".swift") }
        #expect(files.contains("ClientEmitter.swift"))
        var offenders: [String] = []
        // `PackageManifest` reads the user's Package.swift (it quotes names to search for them); it emits nothing.
        let exempt: Set<String> = ["SwiftSource.swift", "PackageManifest.swift"]
        for file in files where !exempt.contains(file) {
            let text = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where (line.contains("//") && line.contains("\\(")) || line.contains(#"\"\("#) {
                offenders.append("\(file):\(number + 1): \(line)")
            }
        }
        let list = offenders.joined(separator: "\n")
        #expect(
            offenders.isEmpty,
            "build comments with SwiftSource.docComment and literals with SwiftSource.stringLiteral:\n\(list)")
    }

    /// `JSONSerialization` drops a raw U+FEFF at the start of a string or after an escape; the
    /// loader and the importer keep it wherever it is.
    @Test func byteOrderMarksInTextArriveAsWritten() throws {
        let values = ["\u{FEFF}z", "a\u{FEFF}b", "c\t\u{FEFF}d", "\u{FEFF}q", "e\u{FEFF}\u{FEFF}"]
        let list = values.map { "\"" + $0.replacingOccurrences(of: "\t", with: "\\t") + "\"" }
            .joined(separator: ", ")
        let definition = """
            {
              "formatVersion": 1,
              "service": { "name": "Marks", "baseURL": "https://example.com" },
              "types": [{ "name": "Mark", "kind": "enum", "values": [\(list)] }],
              "operations": []
            }
            """
        let loaded = try DefinitionLoader.load(data: Data(definition.utf8), file: "marks.json")
        guard case .enumeration(let enumValues, _)? = loaded.type(named: "Mark")?.kind else {
            Issue.record("no enum")
            return
        }
        #expect(enumValues.map(\.value) == values)

        let document = """
            { "openapi": "3.1.0", "info": { "title": "Marks", "version": "1" }, "paths": {},
              "components": { "schemas": { "Mark": { "type": "string", "enum": [\(list)] } } } }
            """
        let (imported, _) = try OpenAPIImporter.convert(Data(document.utf8), file: "marks.json", serviceName: "Marks")
        guard case .enumeration(let importedValues, _)? = imported.type(named: "Mark")?.kind else {
            Issue.record("no imported enum")
            return
        }
        #expect(importedValues.map(\.value) == values)
        let written = try DefinitionLoader.load(data: Data(DefinitionWriter.text(imported).utf8), file: "marks.json")
        #expect(written == imported)
    }

    // MARK: Doc slips

    static let small = #"""
        {
          "formatVersion": 1,
          "service": {
            "name": "Small", "title": "Small", "baseURL": "https://example.com/v1",
            "doc": "Line one.\nfatalError(\"x\")"
          },
          "types": [
            { "name": "ErrorBody", "kind": "object", "fields": [{ "name": "error", "type": "string" }] },
            { "name": "Item", "kind": "object", "fields": [{ "name": "ok", "type": "boolean", "const": true }] }
          ],
          "operations": [
            {
              "name": "startVerification", "method": "POST", "path": "/verifications",
              "summary": "Start a new verification.",
              "responses": [{ "status": 200, "type": "Item" }, { "status": 400, "type": "ErrorBody" }]
            }
          ]
        }
        """#

    @Test func generatedDocsReadRight() throws {
        let definition = try DefinitionLoader.load(data: Data(Self.small.utf8), file: "small.json")
        #expect(DefinitionChecker.check(definition).isEmpty)
        let files = Dictionary(
            uniqueKeysWithValues: Generator.generate(definition).map {
                (($0.path as NSString).lastPathComponent, $0.contents)
            })
        let client = try #require(files["Client.swift"])
        let models = try #require(files["Models.swift"])
        let server = try #require(files["Server.swift"])
        // The reproducer: a second line of the service doc stays a comment.
        #expect(client.contains("/// Line one.\n/// fatalError(\"x\")\n"))
        #expect(!client.split(separator: "\n").contains { $0.hasPrefix("fatalError") })
        // A summary ending in a period is one sentence, not "verification., with".
        #expect(client.contains("/// Start a new verification. Takes the input as one value.\n"))
        #expect(!client.contains(".,") && !client.contains(".."))
        // Method and path are named in the client's and the handler's docs.
        #expect(client.components(separatedBy: "/// `POST /verifications`\n").count == 3)
        #expect(server.contains("/// `POST /verifications`\n"))
        // "an `ErrorBody`"; a constant documented once; no empty `validate(_:) {}`.
        #expect(models.contains("/// Creates an `ErrorBody`."))
        #expect(models.components(separatedBy: "Always").count == 2)
        #expect(models.contains("/// Always `true`.\n"))
        #expect(models.contains("extension ErrorBody: Unconstrained {}\n"))
        #expect(!files.values.contains { $0.contains("inout ConstraintChecker) {}") })
    }

    @Test func articles() {
        let cases = [
            ("ErrorBody", "an"), ("Item", "an"), ("User", "a"), ("Update", "an"), ("UUIDList", "a"),
            ("HTTPError", "an"), ("SMSCode", "an"), ("Pet", "a"), ("Order", "an"), ("URLInfo", "a"),
        ]
        for (name, article) in cases { #expect(ModelsEmitter.article(name) == article, "\(name)") }
    }
}

@Suite struct CommentLinesFastPathTests {
    /// The hash-free line-break test is the set it replaces, for every scalar up to U+3000.
    @Test func isLineBreakIsTheSetOfLineBreaks() {
        for value in UInt32(0)...0x3000 {
            #expect(SwiftSource.isLineBreak(value) == SwiftSource.lineBreaks.contains(value), "U+\(String(value, radix: 16))")
        }
    }

    /// Printable ASCII takes the fast path: one line, trailing spaces trimmed, nothing escaped.
    @Test func printableASCIIIsOneTrimmedLine() {
        #expect(SwiftSource.commentLines("Sends a PIN.  ") == ["Sends a PIN."])
        #expect(SwiftSource.commentLines("a */ b \\(x) \"q\"") == ["a */ b \\(x) \"q\""])
        #expect(SwiftSource.commentLines("tab\tthen") == ["tab\tthen"])
        #expect(SwiftSource.commentLines("one\ntwo\r\nthree\u{2028}four") == ["one", "two", "three", "four"])
    }
}

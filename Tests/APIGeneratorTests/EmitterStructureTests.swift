import Foundation
import Testing

@testable import APIGenerator

/// The generator's structure: emitters read the derived model and shared helpers, never each other,
/// and write through `SwiftWriter` rather than counting indentation by hand.
@Suite("Emitter structure")
struct EmitterStructureTests {
    static let directory = TestSupport.path("Sources/APIGenerator")

    static func emitterFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix("Emitter.swift") }.sorted()
    }

    @Test func noEmitterCallsAnother() throws {
        let files = try Self.emitterFiles()
        #expect(files.count == 6, "\(files)")
        let emitters = files.map { String($0.dropLast(".swift".count)) }
        var offenders: [String] = []
        for file in files {
            let own = String(file.dropLast(".swift".count))
            let text = try String(contentsOfFile: Self.directory + "/" + file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for other in emitters where other != own && line.contains(other + ".") {
                    offenders.append("\(file):\(number + 1): \(line)")
                }
            }
        }
        #expect(
            offenders.isEmpty,
            "move what is shared into the derived model or a helper:\n\(offenders.joined(separator: "\n"))")
    }

    /// Every generated declaration takes its access level from one place, `EmitContext.access`: no
    /// generator file writes a literal `public ` (or `package `/`internal `) into a string, so
    /// `--access internal` leaves no public declaration behind.
    @Test func noLiteralAccessLevelInGeneratedCode() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 10)
        let literal = try Regex(#""[^"]*\b(public|package|internal) "#)
        var offenders: [String] = []
        for file in files.sorted() {
            let text = try String(contentsOfFile: Self.directory + "/" + file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") && line.contains(literal) {
                offenders.append("\(file):\(number + 1): \(line)")
            }
        }
        #expect(offenders.isEmpty, "write \\(context.access.keyword):\n\(offenders.joined(separator: "\n"))")
    }

    /// Emitters give no indent by hand: no `indent:` argument and no literal that starts with spaces and
    /// then code (`"    public var`); the writer's scope indents. (Doc text may indent a continuation line.)
    @Test func emittersDoNotCountIndentation() throws {
        let code = [
            "public ", "case ", "let ", "var ", "func ", "self", "try ", "return", "}", "switch ", "extension ",
        ]
        var offenders: [String] = []
        for file in try Self.emitterFiles() {
            let text = try String(contentsOfFile: Self.directory + "/" + file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let handIndented = line.components(separatedBy: "\"    ").dropFirst().contains { rest in
                    let statement = rest.drop(while: { $0 == " " })
                    return code.contains { statement.hasPrefix($0) }
                }
                if line.contains("indent: ") || handIndented { offenders.append("\(file):\(number + 1): \(line)") }
            }
        }
        #expect(offenders.isEmpty, "write through SwiftWriter:\n\(offenders.joined(separator: "\n"))")
    }
}

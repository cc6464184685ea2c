import APIDefinition
import APIGenerator
import Foundation
import TestSupport
import Testing

/// The loader survives any bytes: every input ends in a definition or in located diagnostics, in
/// bounded time, never in a crash. Mutated copies of every definition and fixture of the repository
/// go through the loader in process, and a sample through the real `apigen lint` in a child process
/// (where a crash shows as a signal instead of killing the tests).
///
/// Seeded and bounded in count and time; the seed is printed. Reproduce a failure with
/// `APIGEN_FUZZ_SEED=<seed> swift test --filter LoaderFuzzTests`; `APIGEN_FUZZ_COUNT` sets the number
/// of inputs.
@Suite("Loader fuzzing")
struct LoaderFuzzTests {
    static let seed: UInt64 =
FuzzSeed.value(default: 20_261_130)
    static let count = ProcessInfo.processInfo.environment["APIGEN_FUZZ_COUNT"].flatMap { Int($0) } ?? 1500
    /// Inputs that also run through `apigen lint` in a child process.
    static let childProcessCount = 40
    /// The time budget of the in-process part; the test stops early (and says so) when it is used up.
    static let budget: TimeInterval = 40

    /// The seed corpus: every definition and fixture of the repository.
    static func corpus() throws -> [(name: String, bytes: [UInt8])] {
        try JSONSchemaTests.definitionFiles().map { file in
            (file, Array(try Data(contentsOf: URL(fileURLWithPath: TestSupport.path(file)))))
        }
    }

    /// Text a hostile definition may hold: every newline kind, comment and string delimiters,
    /// interpolation, NUL, bidirectional controls, names that cannot be file names.
    static let hostileStrings: [String] = [
        "a\nb", "a\rb", "a\r\nb", "a\u{85}b", "a\u{2028}b", "a\u{2029}b", "*/", "/*", "\"\"\"", "\\(x)", "#", "\"",
        "\\", "\u{0}", "\u{202E}evil\u{202C}", "\u{2066}", "", " ", "_", "`", "-", "/", "..", ".hidden", "a:b",
        String(repeating: "S", count: 300), String(repeating: "[", count: 40) + "x" + String(repeating: "]", count: 40),
        "{string}", "[[string]]", "{[Item]}", "date-time", "json", "self", "Type", "String", "ErrorBody",
        String(repeating: "é", count: 2000), "x\u{301}\u{301}\u{301}", "🇨🇦", "\u{FEFF}", "\u{FFFF}",
    ]

    /// Raw tokens inserted into the bytes: broken JSON, numbers that do not fit, invalid UTF-8.
    static let hostileTokens: [[UInt8]] = [
        [0x00], [0x22], [0x5C], Array("\\u".utf8), Array("\"\\ud800\"".utf8), Array("\"\\udc00\"".utf8),
        Array("[".utf8), Array("{".utf8), Array("]".utf8), Array("}".utf8), Array(",".utf8), Array(":".utf8),
        Array("1e999".utf8), Array("-1e999".utf8), Array("18446744073709551616".utf8), Array("NaN".utf8),
        Array("Infinity".utf8), Array("-0".utf8), Array("0.".utf8), Array("1e".utf8), Array("01".utf8),
        [0x0D], [0x0D, 0x0A], [0xC2, 0x85], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9], [0xFF], [0xC0, 0x80],
        [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xEF, 0xBB, 0xBF], [0xE2, 0x80, 0xAE], Array("true".utf8),
        Array("null".utf8), Array("\"\\".utf8), Array("\t".utf8),
    ]

    /// The JSON text of `string` as a string literal.
    static func literal(_ string: String) -> [UInt8] {
        let data = (try? JSONSerialization.data(withJSONObject: [string], options: [.fragmentsAllowed])) ?? Data()
        return Array(data.dropFirst().dropLast())
    }

    /// One mutation of `bytes`.
    static func mutate(_ bytes: inout [UInt8], _ random: inout SeededGenerator) {
        let at = bytes.isEmpty ? 0 : random.below(bytes.count + 1)
        switch random.below(10) {
        case 0 where !bytes.isEmpty:
            bytes[min(at, bytes.count - 1)] = UInt8(truncatingIfNeeded: random.next())
        case 1:
            bytes.removeSubrange(at...)
        case 2:
            bytes.insert(contentsOf: random.pick(hostileTokens), at: at)
        case 3, 4:
            // Replace the contents of a string value with hostile text, keeping the JSON valid, so
            // that the checker (and not only the parser) sees it.
            let quotes = bytes.indices.filter { bytes[$0] == 0x22 }
            guard quotes.count >= 2 else { return }
            let pair = random.below(quotes.count / 2) * 2
            let start = quotes[pair]
            let end = quotes[pair + 1]
            var text = random.pick(hostileStrings)
            // Now and then a long one (at most about 100 KB: the megabyte cases are HostileInputTests').
            if random.chance(10) {
                text = String(repeating: text.isEmpty ? "Q" : text, count: 100_000 / max(1, text.utf8.count))
            }
            bytes.replaceSubrange(start...end, with: literal(text))
        case 5:
            let depth = random.pick([100, 511, 512, 513, 5_000, 60_000])
            let opener: UInt8 = random.chance(50) ? 0x5B : 0x7B
            var nest = [UInt8](repeating: opener, count: depth)
            if random.chance(50), opener == 0x5B { nest += [UInt8](repeating: 0x5D, count: depth) }
            bytes.insert(contentsOf: nest, at: at)
        case 6:
            // Duplicate a line (often a key).
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            guard lines.count > 2 else { return }
            let line = random.below(lines.count - 1)
            var result: [UInt8] = []
            for (index, content) in lines.enumerated() {
                result += content
                if index == line { result += [0x0A] + content }
                if index < lines.count - 1 { result.append(0x0A) }
            }
            bytes = result
        case 7 where !bytes.isEmpty:
            // Splice a chunk elsewhere.
            let from = random.below(bytes.count)
            let chunk = Array(bytes[from..<min(bytes.count, from + random.within(1...200))])
            bytes.insert(contentsOf: chunk, at: at)
        case 8:
            // Replace a number with one that does not fit, or is not a number at all.
            let digits = bytes.indices.filter { (0x30...0x39).contains(bytes[$0]) && $0 > 0 && bytes[$0 - 1] == 0x20 }
            guard let index = digits.isEmpty ? nil : random.pick(digits) else { return }
            var end = index
            while end < bytes.count, (0x30...0x39).contains(bytes[end]) { end += 1 }
            let replacement = random.pick([
                "1e999", "99999999999", "18446744073709551616", "-9223372036854775809", "1e15", "0.5", "-1", "1e-999",
                "1E400", "9223372036854775807", "-9223372036854775808", "0",
            ])
            bytes.replaceSubrange(index..<end, with: Array(replacement.utf8))
        default:
            // Every newline kind between tokens.
            bytes.insert(contentsOf: random.pick([[0x0D], [0x0D, 0x0A], [0x0A], [0x09]]), at: at)
        }
    }

    /// Checks what loading `bytes` gave: a definition and no errors, or errors; every diagnostic
    /// located and on one line.
    static func checkLoad(_ bytes: [UInt8], name: String, rejected: inout Int) -> String? {
        let (definition, diagnostics) = DefinitionLoader.loadWithWarnings(data: Data(bytes), file: "fuzz.json")
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { rejected += 1 }
        if definition == nil, errors.isEmpty { return "\(name): no definition and no error" }
        for diagnostic in diagnostics {
            guard diagnostic.line != nil, diagnostic.column != nil else { return "\(name): unlocated: \(diagnostic)" }
            let text = diagnostic.description
            if text.contains(where: { $0.isNewline }) {
                return "\(name): a diagnostic spans lines: \(text.debugDescription)"
            }
            if text.count > 4000 { return "\(name): a diagnostic of \(text.count) characters" }
            if text.contains("The data is not in the correct format") {
                return "\(name): Foundation's message: \(text)"
            }
        }
        return nil
    }

    @Test(.timeLimit(.minutes(5)))
    func mutatedDefinitionsEndInADefinitionOrLocatedDiagnostics() throws {
        print("LoaderFuzzTests: seed \(Self.seed) (APIGEN_FUZZ_SEED=\(Self.seed) reproduces), \(Self.count) inputs")
        let corpus = try Self.corpus()
        var random = SeededGenerator(seed: Self.seed)
        let start = Date()
        var tried = 0
        var rejected = 0
        var slowest: (seconds: Double, name: String) = (0, "")
        var failures: [String] = []
        var sample: [(name: String, bytes: [UInt8])] = []
        while tried < Self.count, Date().timeIntervalSince(start) < Self.budget {
            let (file, original) = random.pick(corpus)
            var bytes = original
            for _ in 0..<random.within(1...3) { Self.mutate(&bytes, &random) }
            let name = "input \(tried) (from \(file))"
            let began = Date()
            if let failure = Self.checkLoad(bytes, name: name, rejected: &rejected) { failures.append(failure) }
            let seconds = Date().timeIntervalSince(began)
            if seconds > slowest.seconds { slowest = (seconds, name) }
            if sample.count < Self.childProcessCount, tried % 5 == 0 {
                sample.append((name, bytes))
            }
            tried += 1
        }
        print(
            "LoaderFuzzTests: \(tried) inputs in \(Int(Date().timeIntervalSince(start))) s, \(rejected) rejected, \(failures.count) failures, slowest \(Int(slowest.seconds * 1000)) ms (\(slowest.name))"
        )
        #expect(failures.isEmpty, "seed \(Self.seed):\n\(failures.prefix(20).joined(separator: "\n"))")
        #expect(tried >= min(Self.count, 200), "only \(tried) inputs within the time budget")
        #expect(slowest.seconds < 10, "seed \(Self.seed): \(slowest.name) took \(slowest.seconds) s")

        // The real executable: exit 0 or 1, never a signal; every error line located.
        let scratch = try TestSupport.scratchDirectory()
        for (index, input) in sample.enumerated() {
            let path = scratch + "/fuzz-\(index).json"
            try Data(input.bytes).write(to: URL(fileURLWithPath: path))
            let result = try Self.runLint(path, in: scratch)
            #expect(!result.signalled, "seed \(Self.seed): \(input.name): apigen lint died of signal \(result.status)")
            #expect([0, 1].contains(result.status), "seed \(Self.seed): \(input.name): exit \(result.status)")
            let located = try Regex(#"^fuzz-\d+\.json:\d+:\d+: (error|warning): "#)
            for line in result.stderr.split(separator: "\n") where line.contains(": error: ") {
                #expect(line.prefixMatch(of: located) != nil, "seed \(Self.seed): \(input.name): \(line.prefix(300))")
            }
        }
        print("LoaderFuzzTests: \(sample.count) inputs through `apigen lint`, no signal")
    }

    /// Runs `apigen lint <path>`; drains stdout and stderr together so that neither pipe fills.
    static func runLint(_ path: String, in directory: String) throws -> (status: Int32, signalled: Bool, stderr: String)
    {
        let executable = try #require(TestSupport.apigenExecutable, "the apigen executable is not built")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["lint", (path as NSString).lastPathComponent]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, process.terminationReason == .uncaughtSignal,
            String(decoding: stderr, as: UTF8.self)
        )
    }
}

import Foundation

/// A problem found in a definition, printed the way compilers print them:
/// `Definitions/sfox.json:12:17: error: operations[0].body.type: unknown type 'Strng' (did you mean 'string'?)`.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var severity: Severity
    public var file: String
    /// 1-based line and column of the offending key or value, when known.
    public var line: Int?
    public var column: Int?
    /// The JSON path of the offending value (`operations[2].body.type`); empty for the whole file.
    public var path: String
    public var message: String

    public init(
        severity: Severity = .error, file: String, line: Int?, column: Int?, path: String, message: String
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.path = Self.printable(path, limit: Self.maximumPathLength)
        self.message = Self.printable(message, limit: Self.maximumMessageLength)
    }

    /// Longer paths and messages are cut (with "…"): text from a hostile definition can be megabytes.
    public static let maximumPathLength = 1000
    public static let maximumMessageLength = 2000

    /// `text` on one line and safe for a terminal: control characters, line and paragraph
    /// separators and bidirectional controls become `\u{…}` escapes; cut to `limit` characters.
    static func printable(_ text: String, limit: Int) -> String {
        let needsEscaping = text.unicodeScalars.contains(where: isUnprintable)
        if !needsEscaping, text.utf8.count <= limit { return text }
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= limit {
                result += "…"
                break
            }
            if isUnprintable(scalar) {
                let escape = "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                result += escape
                count += escape.unicodeScalars.count
            } else {
                result.unicodeScalars.append(scalar)
                count += 1
            }
        }
        return result
    }

    /// Control characters (line breaks of every kind included), format characters (bidi controls),
    /// separators, private-use, surrogate and unassigned scalars: what must not reach a terminal raw.
    private static func isUnprintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned: true
        default: false
        }
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        let subject = path.isEmpty ? "" : "\(path): "
        return Self.printable("\(location): \(severity.rawValue): \(subject)\(message)", limit: .max)
    }
}

/// All the diagnostics of a failed load or check.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// The work one check may spend on "did you mean" suggestions, in cells of edit-distance tables.
/// Each unknown name is compared with every candidate, so without a bound a definition with many
/// unknown names and many types costs their product; once the budget is spent, diagnostics come
/// without suggestions. Shared by the runs of one check on every core.
final class SuggestionBudget: @unchecked Sendable {
    private let lock = NSLock()
    private var remaining: Int

    /// About 50 ms of work in a release build: suggestions for some fifty misspelt names among a
    /// thousand types.
    init(cells: Int = 5_000_000) { remaining = cells }

    /// Takes up to `wanted` cells; returns how many were granted.
    func take(_ wanted: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        let granted = min(wanted, remaining)
        remaining -= granted
        return granted
    }

    /// Whether too little is left for one more comparison (then candidates need not even be listed).
    var isSpent: Bool {
        lock.lock()
        defer { lock.unlock() }
        return remaining < (Suggest.maximumWordLength + 1) * (Suggest.maximumWordLength + 1)
    }

    /// Returns cells taken but not used.
    func giveBack(_ cells: Int) {
        lock.lock()
        remaining += cells
        lock.unlock()
    }
}

/// "Did you mean" for other modules (the command line's options and subcommands).
public enum NameSuggestion {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        Suggest.closest(to: word, in: candidates)
    }
}

/// Suggestions for misspelt names.
enum Suggest {
    /// Words longer than this get no suggestion: no typo of a real name is that long, and the
    /// distance table grows with the product of the lengths.
    static let maximumWordLength = 64

    /// The candidate closest to `word`, if it is close enough to be a likely typo. With a `budget`,
    /// stops comparing (and may miss the closest) when the budget is spent.
    static func closest(to word: String, in candidates: [String], budget: SuggestionBudget? = nil) -> String? {
        guard word.utf8.count <= maximumWordLength, !candidates.isEmpty else { return nil }
        let lower = word.lowercased()
        let length = lower.count
        let perCandidate = (length + 1) * (maximumWordLength + 1)
        let granted = budget?.take(perCandidate * candidates.count) ?? .max
        var used = 0
        defer { budget?.giveBack(granted - used) }
        var best: (String, Int)?
        for candidate in candidates where candidate.utf8.count <= maximumWordLength {
            // The distance is at least the difference in length: skip candidates that cannot be close.
            let candidateLength = candidate.count
            guard abs(candidateLength - length) <= max(1, min(length, candidateLength) / 3) else { continue }
            let cells = (length + 1) * (candidateLength + 1)
            guard used + cells <= granted else { break }
            used += cells
            let distance = editDistance(lower, candidate.lowercased())
            if distance <= max(1, min(word.count, candidateLength) / 3), distance < (best?.1 ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    /// " (did you mean 'x'?)" or "". The candidates are listed only when a suggestion is possible.
    static func didYouMean(
        _ word: String, _ candidates: @autoclosure () -> [String], budget: SuggestionBudget? = nil
    ) -> String {
        guard word.utf8.count <= maximumWordLength, budget?.isSpent != true else { return "" }
        return closest(to: word, in: candidates(), budget: budget).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and adjacent
    /// transpositions ("Itme" → "Item") each cost 1.
    static func editDistance(_ a: String, _ b: String) -> Int {
        // Unicode scalars and one flat table: names are short, and this runs for every candidate.
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        var table = [Int](repeating: 0, count: (a.count + 1) * width)
        for i in 0...a.count { table[i * width] = i }
        for j in 0...b.count { table[j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = Swift.min(
                    table[(i - 1) * width + j] + 1, table[i * width + j - 1] + 1, table[(i - 1) * width + j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = Swift.min(best, table[(i - 2) * width + j - 2] + 1)
                }
                table[i * width + j] = best
            }
        }
        return table[a.count * width + b.count]
    }
}

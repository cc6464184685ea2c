/// A unified diff of two texts, line by line, for `generate --check` and golden tests.
public enum UnifiedDiff {
    /// The diff of `old` and `new` with three lines of context, or an empty string when they are equal.
    public static func diff(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        if old == new { return "" }
        let a = lines(old)
        let b = lines(new)
        // Trim the common prefix and suffix, then take the longest common subsequence of the middle.
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        let middleA = Array(a[prefix..<(a.count - suffix)])
        let middleB = Array(b[prefix..<(b.count - suffix)])
        var edits: [(Character, String)] = a[..<prefix].map { (" ", $0) }
        edits += lcsEdits(middleA, middleB)
        edits += a[(a.count - suffix)...].map { (" ", $0) }

        // Group the edits into hunks with `context` lines around each change.
        var output = "--- \(oldName)\n+++ \(newName)\n"
        var index = 0
        var oldLine = 1
        var newLine = 1
        var positions: [(old: Int, new: Int)] = []
        for edit in edits {
            positions.append((oldLine, newLine))
            if edit.0 != "+" { oldLine += 1 }
            if edit.0 != "-" { newLine += 1 }
        }
        while index < edits.count {
            guard let change = edits[index...].firstIndex(where: { $0.0 != " " }) else { break }
            let start = max(change - context, 0)
            var end = change
            var lastChange = change
            while end < edits.count {
                if edits[end].0 != " " { lastChange = end }
                if end - lastChange > 2 * context { break }
                end += 1
            }
            end = min(lastChange + context + 1, edits.count)
            let slice = edits[start..<end]
            let oldCount = slice.filter { $0.0 != "+" }.count
            let newCount = slice.filter { $0.0 != "-" }.count
            let oldStart = oldCount == 0 ? positions[start].old - 1 : positions[start].old
            let newStart = newCount == 0 ? positions[start].new - 1 : positions[start].new
            output += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for (mark, text) in slice { output += "\(mark)\(text)\n" }
            index = end
        }
        return output
    }

    static func lines(_ text: String) -> [String] {
        var result = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if result.last == "" { result.removeLast() }
        return result
    }

    static func lcsEdits(_ a: [String], _ b: [String]) -> [(Character, String)] {
        if a.isEmpty { return b.map { ("+", $0) } }
        if b.isEmpty { return a.map { ("-", $0) } }
        let width = b.count + 1
        var table = [Int](repeating: 0, count: (a.count + 1) * width)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i * width + j] =
                    a[i] == b[j]
                    ? table[(i + 1) * width + j + 1] + 1 : max(table[(i + 1) * width + j], table[i * width + j + 1])
            }
        }
        var edits: [(Character, String)] = []
        var i = 0
        var j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                edits.append((" ", a[i]))
                i += 1
                j += 1
            } else if table[(i + 1) * width + j] >= table[i * width + j + 1] {
                edits.append(("-", a[i]))
                i += 1
            } else {
                edits.append(("+", b[j]))
                j += 1
            }
        }
        edits += a[i...].map { ("-", $0) }
        edits += b[j...].map { ("+", $0) }
        return edits
    }
}

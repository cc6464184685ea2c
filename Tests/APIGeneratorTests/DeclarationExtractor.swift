/// Finds declarations in Swift source by name, with their doc comments and attributes, for the
/// reference tests (`ReferenceTests`): each construct's reference file holds only the declarations
/// that construct generates.
///
/// A selector is a declaration name (`Pet` finds `struct Pet` and every `extension Pet`, in order)
/// or a dotted path into members (`ShopClient.getPet` finds both `getPet` methods of the client;
/// `ShopHandler.getPet` finds the protocol requirement and the default in `extension ShopHandler`;
/// `Output.Headers` finds the nested type and every top-level `extension Output.Headers`).
///
/// It scans as much Swift as generated code uses: braces, brackets and parentheses count only
/// outside comments (`//`, nested `/* */`) and string literals (`"…"`, `"""…"""`, raw `#"…"#`,
/// with `\( … )` interpolation inside). A declaration starts at a line at its scope's depth that is
/// not blank, takes the `///` comments and attribute lines before it, and ends at the first line
/// after which the depth is back to the scope's.
struct DeclarationExtractor {
    /// One declaration: its name and its lines, re-indented to start at column 0.
    struct Declaration: Equatable {
        var name: String
        var text: String
    }

    /// The source's lines, without line terminators.
    let lines: [Substring]
    /// The bracket depth (`{`, `(`, `[`) at the end of each line.
    private let depthAfter: [Int]
    /// Whether each line starts in code (not inside a multi-line string or block comment).
    private let startsInCode: [Bool]

    init(source: String) {
        lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        var scanner = Scanner()
        var depths: [Int] = []
        var starts: [Bool] = []
        for line in lines {
            starts.append(scanner.inCode)
            scanner.scan(line)
            depths.append(scanner.depth)
        }
        depthAfter = depths
        startsInCode = starts
    }

    /// The declarations `selector` names, in source order; empty when there is none.
    func declarations(_ selector: String) -> [Declaration] {
        let path = selector.split(separator: ".").map(String.init)
        var scopes: [(range: Range<Int>, depth: Int)] = [(0..<lines.count, 0)]
        var found: [Range<Int>] = []
        for (index, name) in path.enumerated() {
            found = scopes.flatMap { scope in
                chunks(in: scope.range, depth: scope.depth).filter { declaredName(of: $0) == name }
            }
            if index < path.count - 1 {
                scopes = found.compactMap { chunk in body(of: chunk).map { ($0, depth(before: chunk.lowerBound) + 1) } }
            }
        }
        // `extension Outer.Inner` at the top level: a dotted selector names it as well as the nested type.
        if path.count > 1 {
            found += chunks(in: 0..<lines.count, depth: 0).filter { declaredName(of: $0) == selector }
            found.sort { $0.lowerBound < $1.lowerBound }
        }
        return found.map { Declaration(name: selector, text: dedented($0)) }
    }

    /// The names of the declarations directly in the file (not members), in order, for diagnostics.
    var topLevelNames: [String] {
        chunks(in: 0..<lines.count, depth: 0).compactMap(declaredName(of:))
    }

    /// A declaration the extractor sees, with the members of types, protocols and extensions.
    struct Outline {
        /// The declared name, or nil for a chunk that declares nothing the extractor knows.
        var name: String?
        /// Its lines, from its doc comment to its last line.
        var lines: Range<Int>
        /// The lines inside its braces (when it is a type, protocol or extension with members).
        var body: Range<Int>?
        var members: [Outline]
    }

    /// Every declaration in the file, and the members of the type-like ones, for checking the
    /// extractor against whole generated files.
    var outline: [Outline] { outline(in: 0..<lines.count, depth: 0) }

    /// Whether the file ends in code at depth 0 (every bracket, string and comment closed).
    var isBalanced: Bool { (depthAfter.last ?? 0) == 0 && Scanner.endsInCode(lines) }

    private func outline(in range: Range<Int>, depth: Int) -> [Outline] {
        chunks(in: range, depth: depth).map { chunk in
            let body = Self.containers.contains(keyword(of: chunk) ?? "") ? body(of: chunk) : nil
            return Outline(
                name: declaredName(of: chunk), lines: chunk, body: body,
                members: body.map { outline(in: $0, depth: depth + 1) } ?? [])
        }
    }

    private static let containers: Set<String> = ["struct", "enum", "class", "protocol", "actor", "extension"]

    /// The keyword of a chunk's declaration (`struct`, `func`, `init`, …).
    private func keyword(of chunk: Range<Int>) -> String? {
        guard let line = chunk.first(where: { !isPrefixOnly(lines[$0]) }) else { return nil }
        var words = Self.words(Self.droppingAttributes(lines[line].drop(while: \.isWhitespace)))
        while let word = words.first, Self.modifiers.contains(word) { words.removeFirst() }
        return words.first.map { String($0.prefix { $0.isLetter }) }
    }

    // MARK: - Chunks

    private func depth(before line: Int) -> Int { line == 0 ? 0 : depthAfter[line - 1] }

    private func isBlank(_ line: Int) -> Bool { lines[line].allSatisfy(\.isWhitespace) }

    /// The declarations (as line ranges) directly in `range`, whose lines start at `depth`.
    private func chunks(in range: Range<Int>, depth: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start: Int?
        var onlyPrefix = true
        for line in range {
            let atScope = startsInCode[line] && self.depth(before: line) == depth
            if start == nil {
                guard atScope, !isBlank(line) else { continue }
                start = line
                onlyPrefix = true
            } else if atScope, isBlank(line), onlyPrefix {
                // A comment or attribute followed by a blank line belongs to no declaration.
                start = nil
                continue
            }
            if atScope, !isPrefixOnly(lines[line]) { onlyPrefix = false }
            if !onlyPrefix, depthAfter[line] == depth, line + 1 >= lines.count || startsInCode[line + 1],
                let first = start
            {
                result.append(first..<(line + 1))
                start = nil
            }
        }
        return result
    }

    /// The lines inside the braces of a declaration (its members), or nil when its body is on one line.
    private func body(of chunk: Range<Int>) -> Range<Int>? {
        let depth = depth(before: chunk.lowerBound)
        guard
            let open = chunk.first(where: {
                depthAfter[$0] == depth + 1 && lines[$0].trimmingTrailingWhitespace.hasSuffix("{")
            }),
            open + 1 < chunk.upperBound - 1
        else { return nil }
        return (open + 1)..<(chunk.upperBound - 1)
    }

    /// The declared name of a chunk: the identifier after its keyword (`init` for initializers,
    /// the extended type for extensions), without backticks.
    private func declaredName(of chunk: Range<Int>) -> String? {
        guard let line = chunk.first(where: { !isPrefixOnly(lines[$0]) }) else { return nil }
        var words = Self.words(Self.droppingAttributes(lines[line].drop(while: \.isWhitespace)))
        while let word = words.first, Self.modifiers.contains(word) { words.removeFirst() }
        guard let keyword = words.first else { return nil }
        if keyword.hasPrefix("init") || keyword.hasPrefix("subscript") || keyword == "deinit" {
            return String(keyword.prefix { $0.isLetter })
        }
        guard Self.keywords.contains(keyword), words.count > 1 else { return nil }
        let name = words[1].prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "`" || $0 == "." }
        return name.replacingOccurrences(of: "`", with: "")
    }

    private static let keywords: Set<String> = [
        "struct", "enum", "class", "protocol", "actor", "extension", "typealias", "func", "var", "let", "case",
        "import", "associatedtype",
    ]
    private static let modifiers: Set<String> = [
        "public", "private", "fileprivate", "internal", "package", "open", "static", "final", "indirect",
        "nonisolated", "mutating", "nonmutating", "override", "convenience", "required", "lazy", "weak",
        "private(set)", "public(set)", "internal(set)", "package(set)", "fileprivate(set)",
    ]

    /// Words separated by spaces, keeping `private(set)` together.
    private static func words(_ text: Substring) -> [String] {
        text.split(separator: " ").map(String.init)
    }

    /// `text` without the attributes (`@available(…)`, `@_spi(Generated)`) it starts with.
    private static func droppingAttributes(_ text: Substring) -> Substring {
        var rest = text
        while rest.first == "@" {
            rest = rest.dropFirst().drop { $0.isLetter || $0.isNumber || $0 == "_" }
            if rest.first == "(" {
                var scanner = Scanner()
                var index = rest.startIndex
                repeat {
                    scanner.scan(rest[index...index])
                    index = rest.index(after: index)
                } while scanner.depth > 0 && index < rest.endIndex
                rest = rest[index...]
            }
            rest = rest.drop(while: \.isWhitespace)
        }
        return rest
    }

    /// Whether a line only leads up to a declaration: a comment, or attributes alone.
    private func isPrefixOnly(_ line: Substring) -> Bool {
        let trimmed = line.drop(while: \.isWhitespace)
        if trimmed.hasPrefix("//") || trimmed.hasPrefix("/*") { return true }
        return trimmed.first == "@" && Self.droppingAttributes(trimmed).isEmpty
    }

    /// The chunk's lines, with the indentation of its first line removed from every line.
    private func dedented(_ chunk: Range<Int>) -> String {
        let indent = lines[chunk.lowerBound].prefix { $0 == " " }.count
        return chunk.map { line in
            let text = lines[line]
            let leading = text.prefix { $0 == " " }.count
            return String(text.dropFirst(min(indent, leading)))
        }.joined(separator: "\n")
    }
}

extension Substring {
    fileprivate var trimmingTrailingWhitespace: Substring {
        var text = self
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return text
    }
}

/// Counts bracket depth through Swift text, line by line, skipping comments and string literals.
private struct Scanner {
    enum Context: Equatable {
        /// Code; `parens` counts open parentheses inside a string interpolation (the outermost code has no string around it).
        case code(parens: Int)
        case string(multiline: Bool, hashes: Int)
        case blockComment(depth: Int)
    }

    /// The structural depth of the outermost code.
    var depth = 0
    var stack: [Context] = [.code(parens: 0)]

    /// Whether the scanner is in code (not in a string or comment) at this point.
    var inCode: Bool { if case .code = stack.last { return true } else { return false } }

    /// Whether scanning `lines` ends in the outermost code (no string or comment left open).
    static func endsInCode(_ lines: [Substring]) -> Bool {
        var scanner = Scanner()
        for line in lines { scanner.scan(line) }
        return scanner.stack == [.code(parens: 0)]
    }

    mutating func scan(_ line: Substring) {
        let characters = Array(line)
        var index = 0
        func at(_ offset: Int) -> Character? {
            index + offset < characters.count ? characters[index + offset] : nil
        }
        func hashes(from start: Int) -> Int {
            var count = 0
            while start + count < characters.count, characters[start + count] == "#" { count += 1 }
            return count
        }
        while index < characters.count {
            let character = characters[index]
            switch stack[stack.count - 1] {
            case .code(let parens):
                if character == "/", at(1) == "/" { return }  // a line comment runs to the end
                if character == "/", at(1) == "*" {
                    stack.append(.blockComment(depth: 1))
                    index += 2
                    continue
                }
                let rawHashes = character == "#" ? hashes(from: index) : 0
                if character == "\"" || (rawHashes > 0 && at(rawHashes) == "\"") {
                    let quote = index + rawHashes
                    let multiline =
                        quote + 2 < characters.count && characters[quote + 1] == "\"" && characters[quote + 2] == "\""
                    stack.append(.string(multiline: multiline, hashes: rawHashes))
                    index = quote + (multiline ? 3 : 1)
                    continue
                }
                if stack.count > 1 {
                    // Inside `\( … )`: only the parentheses matter, to find its end.
                    if character == "(" {
                        stack[stack.count - 1] = .code(parens: parens + 1)
                    } else if character == ")" {
                        if parens == 0 {
                            stack.removeLast()
                        } else {
                            stack[stack.count - 1] = .code(parens: parens - 1)
                        }
                    }
                } else if "{([".contains(character) {
                    depth += 1
                } else if "})]".contains(character) {
                    depth -= 1
                }
                index += 1
            case .string(let multiline, let count):
                if character == "\\", hashes(from: index + 1) == count {
                    let next = index + 1 + count
                    if next < characters.count, characters[next] == "(" {
                        stack.append(.code(parens: 0))
                    }
                    index = next + 1
                    continue
                }
                if character == "\"" {
                    let closes = multiline ? at(1) == "\"" && at(2) == "\"" : true
                    let after = index + (multiline ? 3 : 1)
                    if closes, hashes(from: after) >= count {
                        stack.removeLast()
                        index = after + count
                        continue
                    }
                }
                index += 1
            case .blockComment(let nesting):
                if character == "*", at(1) == "/" {
                    if nesting == 1 {
                        stack.removeLast()
                    } else {
                        stack[stack.count - 1] = .blockComment(depth: nesting - 1)
                    }
                    index += 2
                } else if character == "/", at(1) == "*" {
                    stack[stack.count - 1] = .blockComment(depth: nesting + 1)
                    index += 2
                } else {
                    index += 1
                }
            }
        }
        // A single-line string cannot continue on the next line (the source does not compile); recover.
        while case .string(multiline: false, _) = stack.last { stack.removeLast() }
    }
}

import Foundation

/// Bracket notation, how form and multipart bodies carry nested values (as Rails, PHP and Stripe do):
///
/// - a member of an object is `parent[member]`, to any depth: `address[city]=Paris`,
///   `a[b][c]=v`; a map's entries are written the same way, `metadata[key]=v`;
/// - a list of leaves repeats the name, `tags=a&tags=b`; a list that holds objects (or lists) numbers its
///   items from 0: `items[0][price]=5&items[0][qty]=1&items[1][price]=7`, and so does a list inside a list
///   (`grid[0][0]=1&grid[0][1]=2&grid[1]=`: an empty inner list is one empty value);
/// - an object or map without members is one empty value, `address=`.
///
/// Reading splits each name into its base and its bracketed segments. A segment ends at the first `]`
/// that is followed by `[` or ends the name, so a segment may hold `[` and `]` but not `][`. A name
/// without a well-formed bracket suffix (`a[b`, `[x]`) is taken whole, as a flat name. A trailing `[]`
/// adds to a list (`tags[]=a&tags[]=b` is `tags=a&tags=b`); `[]` anywhere else is refused. Numbered
/// members (`tags[0]=a&tags[1]=b`) read as an object whose member names are the numbers, which a list
/// accepts when they run from 0 without gaps (see `Array.init(textTree:)`): no index ever allocates.
/// A name that is both a value and an object (`a=1&a[b]=2`), and a name with more segments than the
/// depth limit, are errors naming the key.
enum FormBrackets {
    /// The fields a tree writes, in order; a file is a field with its part (multipart writes it as a file
    /// part, its bytes as they are: no text copy of them here).
    static func fields(_ tree: TextTree) -> [(name: String, value: String, file: FilePart?)] {
        var fields: [(name: String, value: String, file: FilePart?)] = []
        func add(_ value: TextTree, _ name: String, inList: Bool = false) {
            switch value {
            case .text(let text): fields.append((name, text, nil))
            case .boolean(let flag): fields.append((name, flag ? "true" : "false", nil))
            case .null: fields.append((name, "", nil))
            case .file(let part): fields.append((name, "", part))
            case .json(let value):
                // JSON text, as a file part in `application/json` so that multipart says what it is; a URL-encoded
                // form writes the part's bytes as the value. `unrepresentable` refuses what JSON cannot write.
                let text = (try? JSONCoding.encode(value)) ?? Data("null".utf8)
                fields.append((name, "", FilePart(data: text, contentType: MediaType.json)))
            case .list(let items):
                if inList, items.isEmpty {
                    fields.append((name, "", nil))
                } else if inList || items.contains(where: \.isContainer) {
                    for (index, item) in items.enumerated() { add(item, "\(name)[\(index)]", inList: true) }
                } else {
                    for item in items { add(item, name) }
                }
            case .object(let members):
                if name.isEmpty {
                    for member in members { add(member.value, member.name) }
                } else if members.isEmpty {
                    fields.append((name, "", nil))
                } else {
                    for member in members { add(member.value, "\(name)[\(member.name)]") }
                }
            }
        }
        add(tree, "")
        return fields
    }

    /// The first member of `tree` that bracket notation cannot carry so that it reads back the same, as
    /// a wire path (`metadata[a][b]`) and the reason; `nil` when every name is fine. Only the names of
    /// nested members matter (a top-level name is written as it is, but must not end in brackets, which
    /// would read as nesting): a nested name must not be empty (`a[]` adds to a list) nor contain `][`
    /// (it would read as two segments).
    static func unrepresentable(_ tree: TextTree) -> ValidationError? {
        func check(_ value: TextTree, _ name: String, nested: Bool) -> ValidationError? {
            switch value {
            case .text, .boolean, .null, .file: return nil
            case .json(let value):
                guard let path = value.nonFiniteNumberPath(name) else { return nil }
                return ValidationError(path: path, reason: "is not a number JSON can write (infinite or NaN)")
            case .list(let items):
                for (index, item) in items.enumerated() {
                    if let problem = check(item, "\(name)[\(index)]", nested: true) { return problem }
                }
                return nil
            case .object(let members):
                for member in members {
                    let path = nested ? "\(name)[\(member.name)]" : member.name
                    if nested, member.name.isEmpty {
                        return ValidationError(path: path, reason: "an empty name cannot be sent in a form")
                    }
                    if nested, member.name.contains("][") {
                        return ValidationError(path: path, reason: "a name containing '][' cannot be sent in a form")
                    }
                    // A top-level name (a field's, or a member's beside the fields) that ends in brackets would
                    // read back as a nested value: `a[b]=v` is `a` holding `b`.
                    if !nested, segments(member.name) != nil {
                        return ValidationError(
                            path: path, reason: "a top-level name ending in brackets cannot be sent in a form")
                    }
                    if let problem = check(member.value, path, nested: true) { return problem }
                }
                return nil
            }
        }
        return check(tree, "", nested: false)
    }

    /// A field name split into its base and bracketed segments: `items[0][price]` is `items`, `0`,
    /// `price`; `nil` when the name is flat (no well-formed bracket suffix).
    static func segments(_ name: String) -> [Substring]? {
        let utf8 = name.utf8
        guard let open = utf8.firstIndex(of: 0x5B), open != utf8.startIndex else { return nil }  // [
        var result: [Substring] = [name[..<open]]
        var index = open
        while index != utf8.endIndex {
            guard utf8[index] == 0x5B else { return nil }
            let start = utf8.index(after: index)
            var close = start
            var found: String.Index?
            while close != utf8.endIndex {
                if utf8[close] == 0x5D {  // ]
                    let next = utf8.index(after: close)
                    if next == utf8.endIndex || utf8[next] == 0x5B {
                        found = close
                        break
                    }
                }
                close = utf8.index(after: close)
            }
            guard let found else { return nil }
            result.append(name[start..<found])
            index = utf8.index(after: found)
        }
        return result
    }
}

extension TextTree {
    fileprivate var isContainer: Bool {
        switch self {
        case .list, .object: true
        case .text, .boolean, .null, .file, .json: false
        }
    }
}

/// Fields as they are read, nested by bracket notation: names in order of first appearance, values in
/// order. Linear in the input: each field walks its own segments once, and a node's values and members
/// live in arrays of their own, so they grow in place.
struct FormFieldTree {
    private enum Kind { case empty, values, object }

    private var kinds: [Kind] = [.object]
    /// The leaves sent under each node: text, or a multipart file.
    private var values: [[TextTree]] = [[]]
    private var names: [[String]] = [[]]
    private var children: [[String: Int]] = [[:]]
    private(set) var errors: [ValidationError] = []
    private var conflicted: Set<String> = []
    let maxDepth: Int

    init(maxDepth: Int) { self.maxDepth = maxDepth }

    mutating func add(_ name: String, _ value: String) {
        add(name, leaf: .text(value))
    }

    /// Adds a text or file leaf under `name`.
    mutating func add(_ name: String, leaf value: TextTree) {
        var path: [Substring]
        if let segments = FormBrackets.segments(name) {
            path = segments
            if path.count > 1, path[path.count - 1].isEmpty { path.removeLast() }  // tags[] adds to tags
            if path.dropFirst().contains(where: \.isEmpty) {
                errors.append(
                    ValidationError(path: name, reason: "'[]' may only end a name (number the items: a[0][b])"))
                return
            }
            if path.count - 1 > maxDepth {
                errors.append(
                    ValidationError(
                        path: String(path[0]), reason: "is nested deeper than \(maxDepth) levels of brackets"))
                return
            }
        } else {
            path = [name[...]]
        }
        var node = 0
        for (depth, segment) in path.enumerated() {
            let key = String(segment)
            let child: Int
            if let existing = children[node][key] {
                child = existing
            } else {
                child = kinds.count
                kinds.append(.empty)
                values.append([])
                names.append([])
                children.append([:])
                names[node].append(key)
                children[node][key] = child
            }
            let last = depth == path.count - 1
            switch (kinds[child], last) {
            case (.empty, true), (.values, true):
                kinds[child] = .values
                values[child].append(value)
            case (.empty, false), (.object, false):
                kinds[child] = .object
            case (.values, false), (.object, true):
                let wire = Self.wireName(path[...depth])
                if conflicted.insert(wire).inserted {
                    errors.append(
                        ValidationError(path: wire, reason: "is sent both as a value and as an object (with '[…]')"))
                }
                return
            }
            node = child
        }
    }

    private static func wireName(_ path: ArraySlice<Substring>) -> String {
        var name = String(path[path.startIndex])
        for segment in path.dropFirst() { name += "[\(segment)]" }
        return name
    }

    /// The fields as a tree: an `.object` at the root; a name sent once is its leaf (`.text`, or `.file`
    /// from multipart), a repeated one a `.list` of them.
    var tree: TextTree {
        func build(_ index: Int) -> TextTree {
            switch kinds[index] {
            case .empty: return .text("")
            case .values:
                let sent = values[index]
                return sent.count == 1 ? sent[0] : .list(sent)
            case .object:
                return .object(names[index].map { TextTree.Member($0, build(children[index][$0]!)) })
            }
        }
        return build(0)
    }
}

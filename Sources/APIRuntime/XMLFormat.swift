import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads and writes a ``TextTree`` as XML in a service's ``XMLDialect``.
///
/// The mapping, both ways:
/// - the document element is `dialect.rootElement` and holds the value itself;
/// - an object is one child element per member, in order (duplicate names are kept, in order);
/// - a list is one `dialect.listItemElement` element per item;
/// - text is the element's text, escaped; a boolean is `dialect.trueText` or `dialect.falseText`;
/// - null is an empty element, written `<name></name>`.
///
/// Some values cannot be told apart once written, so they read back differently:
/// - an empty list and null are both an empty element, and read as `.null` (in DRF's dialect as in any other);
/// - text that is empty or only whitespace reads as `.null`;
/// - booleans read as `.text` (`True`), like every other leaf: the generated decoders parse it;
/// - an object whose members are all named like the list item element reads as a `.list`.
public enum XMLFormat {
    /// Parses `data` into a tree.
    ///
    /// Refuses, with a ``ValidationError`` each: a document with a DOCTYPE (no DTDs, so no entity
    /// expansion or external entities), a document element other than `dialect.rootElement`, an element
    /// that mixes text with child elements, a document that is not UTF-8 (or US-ASCII or ISO-8859-1), and
    /// malformed XML (the reason gives the parser's line and column). Whitespace between elements is
    /// ignored; text is kept exactly as written, with entities and CDATA sections decoded (line ends are
    /// normalised to `\n`, as XML requires). Attributes and comments are ignored.
    ///
    /// Before the parser sees a byte, the whole document is screened (one linear pass, no recursion) and
    /// refused, with a ``ValidationError`` saying why, when it holds a processing instruction, a markup
    /// declaration, an entity reference other than the predefined ones and character references, a NUL
    /// byte or bytes that are not UTF-8, elements nested deeper than `limits.maxDepth`, or an element
    /// with more than `limits.maxAttributesPerElement` attributes. No input can crash the process or
    /// take more than linear time.
    public static func read(
        _ data: Data, dialect: XMLDialect, limits: XMLLimits = .default
    ) throws(ValidationErrors) -> TextTree {
        if let refusal = Prolog.refusal(data) ?? Screen.refusal(data, limits: limits) {
            throw ValidationErrors([ValidationError(path: "", reason: refusal)])
        }
        // A stream, not `XMLParser(data:)`: on Linux the latter hands libxml2 the whole document as one
        // chunk, which it refuses beyond 10 MB ("huge input lookup").
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldResolveExternalEntities = false
        let builder = TreeBuilder(dialect: dialect, maxDepth: limits.maxDepth)
        // `delegate` is weak: the builder must outlive the parse.
        let parsed = withExtendedLifetime(builder) { () -> Bool in
            parser.delegate = builder
            defer { parser.delegate = nil }
            return parser.parse()
        }
        return try builder.tree(parsed: parsed, parser: parser)
    }

    /// Writes `tree` as Django REST framework's `XMLRenderer` does: the declaration
    /// `<?xml version="1.0" encoding="utf-8"?>` and a newline, then the root element, with no indentation
    /// or other whitespace.
    ///
    /// Text escapes `&`, `<` and `>`; quotes are written as they are. Two departures from DRF, both for
    /// characters XML 1.0 cannot carry as they are: a carriage return is written `&#13;` (so that it
    /// survives the parser's line-end normalisation), and control characters other than tab, line feed
    /// and carriage return, and U+FFFE and U+FFFF, are written as U+FFFD (DRF raises an error instead).
    /// Member names are written as they are, as DRF writes them: a name that is not an XML name (one with
    /// a space, or starting with a digit) makes a document that no XML parser accepts.
    public static func write(_ tree: TextTree, dialect: XMLDialect) -> Data {
        var writer = Writer(dialect: dialect)
        writer.bytes.reserveCapacity(Writer.declaration.count + Writer.estimate(dialect.rootElement, tree, dialect))
        writer.bytes.append(contentsOf: Writer.declaration)
        writer.element(dialect.rootElement, tree)
        return Data(writer.bytes)
    }
}

// MARK: - Reading

extension XMLFormat {
    /// Looks at what comes before the document element without parsing it: refuses a DOCTYPE, and any
    /// encoding in which such a scan of the bytes could miss one.
    fileprivate enum Prolog {
        static func refusal(_ data: Data) -> String? {
            data.withUnsafeBytes { raw in refusal(raw.bindMemory(to: UInt8.self)) }
        }

        static func refusal(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
            let count = bytes.count
            var index = 0
            func hasPrefix(_ prefix: StaticString, at position: Int, caseInsensitive: Bool = false) -> Bool {
                let length = prefix.utf8CodeUnitCount
                guard position + length <= count else { return false }
                let start = prefix.utf8Start
                for offset in 0..<length {
                    var byte = bytes[position + offset]
                    if caseInsensitive, byte >= 0x61, byte <= 0x7A { byte -= 0x20 }
                    if byte != start[offset] { return false }
                }
                return true
            }
            func find(_ terminator: StaticString, from position: Int) -> Int? {
                var position = position
                while position < count {
                    if hasPrefix(terminator, at: position) { return position + terminator.utf8CodeUnitCount }
                    position += 1
                }
                return nil
            }

            if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
                index = 3
            } else if count >= 2, bytes[0] == 0 || bytes[1] == 0 || bytes[0] == 0xFE || bytes[0] == 0xFF {
                return "the document is not UTF-8 (it looks like UTF-16 or UTF-32); XML bodies must be UTF-8"
            } else if count >= 2, bytes[0] == 0x4C, bytes[1] == 0x6F {
                return "the document is not UTF-8 (it looks like EBCDIC); XML bodies must be UTF-8"
            }
            let start = index
            while index < count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D:
                    index += 1
                case 0x3C:  // <
                    if hasPrefix("<?", at: index) {
                        guard let end = find("?>", from: index + 2) else { return nil }
                        if index == start, hasPrefix("<?xml ", at: index),
                            let refusal = encodingRefusal(bytes, declaration: index..<end)
                        {
                            return refusal
                        }
                        index = end
                    } else if hasPrefix("<!--", at: index) {
                        guard let end = find("-->", from: index + 4) else { return nil }
                        index = end
                    } else if hasPrefix("<!DOCTYPE", at: index, caseInsensitive: true) {
                        return "a DOCTYPE is not allowed in XML bodies (no DTDs or entity declarations)"
                    } else {
                        return nil  // the document element, or something the parser will report
                    }
                default:
                    return nil  // not well-formed: the parser reports it with its location
                }
            }
            return nil
        }

        /// Refuses an XML declaration naming an encoding that is not a superset of ASCII, in which the
        /// byte scan for a DOCTYPE would not be reliable.
        static func encodingRefusal(_ bytes: UnsafeBufferPointer<UInt8>, declaration: Range<Int>) -> String? {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[declaration]), as: UTF8.self)
            guard let key = text.range(of: "encoding") else { return nil }
            var rest = text[key.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            guard rest.first == "=" else { return nil }
            rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
            let name = rest.dropFirst().prefix { $0 != quote }
            switch name.lowercased() {
            case "utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin1": return nil
            default: return "the document declares the encoding \(name); XML bodies must be UTF-8"
            }
        }
    }

    /// Builds the tree from the parser's events. The parser calls it synchronously, on the thread that
    /// called `parse()`, so it needs no synchronisation and never leaves ``XMLFormat/read(_:dialect:)``.
    fileprivate final class TreeBuilder: NSObject, XMLParserDelegate {
        private struct Frame {
            var name: String
            var text = ""
            var children: [TextTree.Member] = []
        }

        private let dialect: XMLDialect
        private let maxDepth: Int
        private var stack: [Frame] = []
        private var result: TextTree?
        private var failure: ValidationError?

        init(dialect: XMLDialect, maxDepth: Int) {
            self.dialect = dialect
            self.maxDepth = maxDepth
        }

        /// The tree, or the first problem found.
        func tree(parsed: Bool, parser: XMLParser) throws(ValidationErrors) -> TextTree {
            if let failure { throw ValidationErrors([failure]) }
            if let result, parsed, stack.isEmpty { return result }
            let reason: String
            if !parsed {
                reason = "malformed XML at line \(parser.lineNumber), column \(parser.columnNumber)"
            } else if stack.isEmpty {
                reason = "the document is empty: expected the root element <\(dialect.rootElement)>"
            } else {
                reason = "the document ends before </\(dialect.rootElement)>"
            }
            throw ValidationErrors([ValidationError(path: "", reason: reason)])
        }

        private func fail(_ parser: XMLParser, path: String = "", _ reason: String) {
            guard failure == nil else { return }
            failure = ValidationError(path: path, reason: reason)
            parser.abortParsing()
        }

        /// The wire path of the innermost open element (`user.phones[1]`), empty for the root.
        private var path: String {
            var path = ""
            for index in stack.indices.dropFirst() {
                let name = stack[index].name
                if name == dialect.listItemElement {
                    path += "[\(stack[index - 1].children.count)]"
                } else {
                    path += path.isEmpty ? name : ".\(name)"
                }
            }
            return path
        }

        private static func isWhitespace(_ text: String) -> Bool {
            text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            guard failure == nil else { return }
            if stack.isEmpty {
                guard result == nil else {
                    return fail(parser, "content after </\(dialect.rootElement)>: <\(elementName)>")
                }
                guard elementName == dialect.rootElement else {
                    return fail(parser, "expected the root element <\(dialect.rootElement)>, found <\(elementName)>")
                }
            }
            // The screen has already refused deeper documents; this keeps the tree bounded whatever the parser does.
            guard stack.count < maxDepth else {
                return fail(parser, "elements are nested deeper than \(maxDepth) levels")
            }
            stack.append(Frame(name: elementName))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard failure == nil, !stack.isEmpty else { return }
            stack[stack.count - 1].text += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            guard failure == nil, !stack.isEmpty else { return }
            stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
        ) {
            guard failure == nil, !stack.isEmpty else { return }
            let frame = stack.removeLast()
            let value: TextTree
            if frame.children.isEmpty {
                value = Self.isWhitespace(frame.text) ? .null : .text(frame.text)
            } else if !Self.isWhitespace(frame.text) {
                stack.append(frame)
                return fail(parser, path: path, "mixes text with child elements")
            } else if frame.children.allSatisfy({ $0.name == dialect.listItemElement }) {
                value = .list(frame.children.map(\.value))
            } else {
                value = .object(frame.children)
            }
            if stack.isEmpty {
                result = value
            } else {
                stack[stack.count - 1].children.append(TextTree.Member(frame.name, value))
            }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            let code = (parseError as NSError).code
            // libxml2 reports a namespace URI that is not absolute as a warning; the document is well-formed.
            guard code != 99, code != 100 else { return }
            if code == 5, stack.isEmpty, result == nil {
                // Whitespace, comments or processing instructions only.
                return fail(parser, "the document is empty: expected the root element <\(dialect.rootElement)>")
            }
            let location = "line \(parser.lineNumber), column \(parser.columnNumber)"
            fail(parser, "malformed XML at \(location): \(Self.describe(code))")
        }

        func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
            fail(parser, "a DOCTYPE is not allowed in XML bodies (entity \(name) declared)")
        }

        func parser(
            _ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?,
            systemID: String?
        ) {
            fail(parser, "a DOCTYPE is not allowed in XML bodies (entity \(name) declared)")
        }

        func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
            nil
        }

        /// libxml2's error codes (the `NSError` codes FoundationXML reports; its `XMLParser.ErrorCode`
        /// numbering differs from them on Linux), in words.
        private static func describe(_ code: Int) -> String {
            switch code {
            case 4: "expected an element ('<' not found)"
            case 5: "the document ends before its root element closes, or has content after it"
            case 6, 7, 8: "invalid character reference"
            case 9: "invalid character"
            case 23: "entity reference without ';'"
            case 26: "undeclared entity"
            case 31, 32: "unsupported encoding"
            case 38: "'<' in an attribute value"
            case 39, 40, 41: "malformed attribute value"
            case 42: "attribute given twice"
            case 45: "unterminated comment"
            case 47: "unterminated processing instruction"
            case 63: "unterminated CDATA section"
            case 65: "whitespace required"
            case 68: "name expected (an unescaped '&' or '<'?)"
            case 73: "'>' expected"
            case 76: "end tag does not match its start tag"
            case 77: "unfinished tag"
            default: "libxml2 error \(code)"
            }
        }
    }
}

// MARK: - Writing

extension XMLFormat {
    /// Writes into one byte buffer; no intermediate strings.
    fileprivate struct Writer {
        static let declaration = Array(#"<?xml version="1.0" encoding="utf-8"?>"#.utf8) + [0x0A]

        var bytes: [UInt8] = []
        let listItem: [UInt8]
        let trueText: [UInt8]
        let falseText: [UInt8]

        init(dialect: XMLDialect) {
            listItem = Array(dialect.listItemElement.utf8)
            trueText = Array(dialect.trueText.utf8)
            falseText = Array(dialect.falseText.utf8)
        }

        /// About how many bytes `element(name, value)` writes.
        static func estimate(_ name: String, _ value: TextTree, _ dialect: XMLDialect) -> Int {
            let tags = 2 * name.utf8.count + 5
            switch value {
            case .text(let text): return tags + text.utf8.count + text.utf8.count / 16
            case .boolean: return tags + 5
            case .null: return tags
            case .file(let part): return tags + part.data.count * 4 / 3 + 4
            case .json(let value): return estimate(name, value.elementTree(), dialect)
            case .list(let items):
                return items.reduce(tags) { $0 + estimate(dialect.listItemElement, $1, dialect) }
            case .object(let members):
                return members.reduce(tags) { $0 + estimate($1.name, $1.value, dialect) }
            }
        }

        mutating func element(_ name: String, _ value: TextTree) {
            bytes.append(0x3C)  // <
            bytes.append(contentsOf: name.utf8)
            bytes.append(0x3E)  // >
            content(value)
            bytes.append(0x3C)
            bytes.append(0x2F)  // /
            bytes.append(contentsOf: name.utf8)
            bytes.append(0x3E)
        }

        private mutating func element(_ name: [UInt8], _ value: TextTree) {
            bytes.append(0x3C)
            bytes.append(contentsOf: name)
            bytes.append(0x3E)
            content(value)
            bytes.append(0x3C)
            bytes.append(0x2F)
            bytes.append(contentsOf: name)
            bytes.append(0x3E)
        }

        private mutating func content(_ value: TextTree) {
            switch value {
            case .text(let text): appendEscaped(text)
            case .boolean(let flag): bytes.append(contentsOf: flag ? trueText : falseText)
            case .null: break
            // The checker keeps files out of XML; written best-effort as base64, like `bytes`.
            case .file(let part): appendEscaped(part.data.base64EncodedString())
            // Any JSON is the element tree it stands for.
            case .json(let value): content(value.elementTree())
            case .list(let items): for item in items { element(listItem, item) }
            case .object(let members): for member in members { element(member.name, member.value) }
            }
        }

        private static let amp = Array("&amp;".utf8)
        private static let lt = Array("&lt;".utf8)
        private static let gt = Array("&gt;".utf8)
        private static let carriageReturn = Array("&#13;".utf8)
        private static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

        /// What to write instead of the character at `index`, and its length in bytes; nil to copy it.
        private static func replacement(_ utf8: UnsafeBufferPointer<UInt8>, _ index: Int) -> ([UInt8], Int)? {
            switch utf8[index] {
            case 0x26: (amp, 1)
            case 0x3C: (lt, 1)
            case 0x3E: (gt, 1)
            case 0x0D: (carriageReturn, 1)
            case 0x09, 0x0A: nil
            case 0x00..<0x20: (replacementCharacter, 1)
            // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters either.
            case 0xEF where index + 2 < utf8.count && utf8[index + 1] == 0xBF && utf8[index + 2] >= 0xBE:
                (replacementCharacter, 3)
            default: nil
            }
        }

        private mutating func appendEscaped(_ text: String) {
            var text = text
            text.withUTF8 { utf8 in
                var run = 0
                var index = 0
                while index < utf8.count {
                    guard let (replacement, length) = Self.replacement(utf8, index) else {
                        index += 1
                        continue
                    }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index]))
                    bytes.append(contentsOf: replacement)
                    index += length
                    run = index
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<utf8.count]))
            }
        }
    }
}

import Foundation

/// Limits on the XML documents ``XMLFormat/read(_:dialect:limits:)`` accepts.
///
/// They keep hostile documents away from the parser (libxml2 through Foundation's `XMLParser`), which
/// recurses per nesting level and compares each attribute with every earlier one of its element.
public struct XMLLimits: Sendable, Hashable {
    /// The deepest element nesting accepted; the root element is depth 1.
    public var maxDepth: Int
    /// The most attributes one element may have (Django REST framework's dialect writes none).
    public var maxAttributesPerElement: Int

    /// Creates limits.
    public init(maxDepth: Int = 128, maxAttributesPerElement: Int = 16) {
        self.maxDepth = maxDepth
        self.maxAttributesPerElement = maxAttributesPerElement
    }

    /// 128 levels of nesting, 16 attributes per element.
    public static let `default` = XMLLimits()
}

extension XMLFormat {
    /// Reads the whole document once, byte by byte and without recursion, before the parser sees any
    /// of it, and refuses what the parser must never be handed:
    /// - a NUL byte, and bytes that are not UTF-8 (unless the declaration names US-ASCII or ISO-8859-1);
    /// - a processing instruction (`<?x?>`: Foundation's callback for one without data dereferences a
    ///   null pointer), other than the XML declaration at the very start;
    /// - any markup declaration (`<!DOCTYPE`, `<!ENTITY`, …) and any entity reference other than the five
    ///   predefined ones and character references (so no entity is ever looked up);
    /// - elements nested deeper than ``XMLLimits/maxDepth`` (the parser and the tree recurse per level);
    /// - an element with more than ``XMLLimits/maxAttributesPerElement`` attributes (the parser's
    ///   duplicate check is quadratic);
    /// - a comment, CDATA section or tag that does not end.
    ///
    /// Comments and CDATA sections are allowed and skipped. What the screen accepts may still be malformed;
    /// the parser reports that, with its location.
    enum Screen {
        static func refusal(_ data: Data, limits: XMLLimits) -> String? {
            data.withUnsafeBytes { raw in refusal(raw.bindMemory(to: UInt8.self), limits: limits) }
        }

        static func refusal(_ bytes: UnsafeBufferPointer<UInt8>, limits: XMLLimits) -> String? {
            let count = bytes.count
            var index = 0
            if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }

            func hasPrefix(_ prefix: StaticString, at position: Int) -> Bool {
                let length = prefix.utf8CodeUnitCount
                guard position + length <= count else { return false }
                let start = prefix.utf8Start
                for offset in 0..<length where bytes[position + offset] != start[offset] { return false }
                return true
            }
            func find(_ terminator: StaticString, from position: Int) -> Int? {
                var position = position
                let first = terminator.utf8Start[0]
                while position < count {
                    if bytes[position] == first, hasPrefix(terminator, at: position) {
                        return position + terminator.utf8CodeUnitCount
                    }
                    position += 1
                }
                return nil
            }

            var isUTF8 = true
            if hasPrefix("<?xml", at: index), index + 5 < count, isSpace(bytes[index + 5]) {
                guard let end = find("?>", from: index + 5) else { return "the XML declaration does not end" }
                if let name = declaredEncoding(UnsafeBufferPointer(rebasing: bytes[index..<end])) {
                    isUTF8 = !["us-ascii", "ascii", "iso-8859-1", "latin1"].contains(name.lowercased())
                }
                index = end
            }
            if let problem = encodingProblem(bytes, utf8: isUTF8) { return problem }

            var depth = 0
            while index < count {
                switch bytes[index] {
                case 0x3C:  // <
                    guard index + 1 < count else { return "the document ends inside a tag" }
                    switch bytes[index + 1] {
                    case 0x3F:  // ?
                        return "a processing instruction (<?…?>) is not allowed in XML bodies"
                    case 0x21:  // !
                        if hasPrefix("<!--", at: index) {
                            guard let end = find("-->", from: index + 4) else { return "a comment does not end" }
                            index = end
                        } else if hasPrefix("<![CDATA[", at: index) {
                            guard let end = find("]]>", from: index + 9) else { return "a CDATA section does not end" }
                            index = end
                        } else {
                            return "a markup declaration (<!…>) is not allowed in XML bodies (no DTDs or entities)"
                        }
                    case 0x2F:  // /
                        guard let end = find(">", from: index + 2) else { return "the document ends inside a tag" }
                        depth = max(0, depth - 1)
                        index = end
                    default:
                        var position = index + 1
                        var quote: UInt8? = nil
                        var attributes = 0
                        var last: UInt8 = 0
                        scanning: while position < count {
                            let byte = bytes[position]
                            if let open = quote {
                                if byte == open {
                                    quote = nil
                                } else if byte == 0x26, let problem = entityProblem(bytes, at: position) {
                                    return problem
                                }
                            } else {
                                switch byte {
                                case 0x22, 0x27: quote = byte
                                case 0x3D:  // =
                                    attributes += 1
                                    if attributes > limits.maxAttributesPerElement {
                                        return "an element has more than \(limits.maxAttributesPerElement) attributes"
                                    }
                                case 0x3E: break scanning  // >
                                case 0x20, 0x09, 0x0A, 0x0D: break
                                default: last = byte
                                }
                            }
                            position += 1
                        }
                        guard position < count else { return "the document ends inside a tag" }
                        if last != 0x2F {  // not <empty/>
                            depth += 1
                            if depth > limits.maxDepth {
                                return "elements are nested deeper than \(limits.maxDepth) levels"
                            }
                        }
                        index = position + 1
                    }
                case 0x26:  // &
                    if let problem = entityProblem(bytes, at: index) { return problem }
                    index += 1
                default:
                    index += 1
                }
            }
            return nil
        }

        private static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }

        /// A NUL byte anywhere, or (when `utf8`) a byte sequence that is not UTF-8, located by byte offset.
        private static func encodingProblem(_ bytes: UnsafeBufferPointer<UInt8>, utf8: Bool) -> String? {
            if let nul = bytes.firstIndex(of: 0) { return "a NUL byte (at byte \(nul)) is not allowed in XML" }
            guard utf8, bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var iterator = bytes.makeIterator()
            var parser = Unicode.UTF8.ForwardParser()
            var offset = 0
            while true {
                switch parser.parseScalar(from: &iterator) {
                case .valid(let scalar): offset += scalar.count
                case .emptyInput: return nil
                case .error: return "the document is not valid UTF-8 (at byte \(offset))"
                }
            }
        }

        /// Refuses an entity reference at `index` (an `&`) other than `&lt;`, `&gt;`, `&amp;`, `&quot;`,
        /// `&apos;`, `&#…;` and `&#x…;`.
        private static func entityProblem(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> String? {
            var end = index + 1
            while end < bytes.count, end - index <= 12, bytes[end] != 0x3B { end += 1 }  // ;
            guard end < bytes.count, bytes[end] == 0x3B, end > index + 1 else {
                return "an '&' that does not start an entity reference (write &amp;)"
            }
            let name = UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end])
            let text = String(decoding: name, as: UTF8.self)
            switch text {
            case "lt", "gt", "amp", "quot", "apos": return nil
            default:
                if name[0] == 0x23 {  // #
                    let digits = name.dropFirst()
                    let isHex = digits.first == 0x78  // x
                    let rest = isHex ? digits.dropFirst() : digits
                    let valid =
                        !rest.isEmpty
                        && rest.allSatisfy { byte in
                            (0x30...0x39).contains(byte)
                                || (isHex && ((0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)))
                        }
                    if valid { return nil }
                }
                return
                    "only the predefined entities (&lt; &gt; &amp; &quot; &apos;) and character references are allowed"
            }
        }

        /// The encoding an XML declaration names, if it names one.
        static func declaredEncoding(_ declaration: UnsafeBufferPointer<UInt8>) -> String? {
            let text = String(decoding: declaration, as: UTF8.self)
            guard let key = text.range(of: "encoding") else { return nil }
            var rest = text[key.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            guard rest.first == "=" else { return nil }
            rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
            return String(rest.dropFirst().prefix { $0 != quote })
        }
    }
}

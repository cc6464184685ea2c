import Foundation

/// Byte-level fast paths for the text a server reads on every request: header names, the `Bearer`
/// scheme, a one-range `Accept`, path parameters without `%`.
///
/// Each one answers only when the text is ASCII (or, for percent-decoding, has no `%`) and returns `nil`
/// otherwise, so its caller falls back to the Foundation path it replaces: the answer is always the
/// one that path gives (`ASCIIFastPathTests` compares the two on random text).
enum ASCIIFastPaths {
    /// Whether `a` and `b` are equal ignoring ASCII case, as `caseInsensitiveCompare` says for ASCII
    /// text; `nil` when either holds a non-ASCII byte (Unicode case folding decides then).
    static func caseInsensitiveEquals(_ a: String, _ b: String) -> Bool? {
        let answer = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in caseInsensitiveEquals(x, y) }
        }
        if let answer { return answer ?? nil }
        return caseInsensitiveEquals(Array(a.utf8)[...], Array(b.utf8)[...])
    }

    private static func caseInsensitiveEquals(
        _ x: some Collection<UInt8>, _ y: some Collection<UInt8>
    ) -> Bool? {
        var combined: UInt8 = 0
        guard x.count == y.count else {
            for byte in x { combined |= byte }
            for byte in y { combined |= byte }
            return combined < 0x80 ? false : nil
        }
        var same = true
        for (p, q) in zip(x, y) {
            combined |= p | q
            if p != q, lowered(p) != lowered(q) { same = false }
        }
        return combined < 0x80 ? same : nil
    }

    /// `byte` with `A`–`Z` mapped to `a`–`z`.
    @inline(__always)
    static func lowered(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// The token of `Bearer <token>` when the value is ASCII, the scheme is `Bearer` in any case followed
    /// by one space, and the token is not empty and neither starts nor ends with a space or tab; `nil`
    /// otherwise (the caller's full parser decides, and names what is wrong).
    static func bearerToken(_ value: String) -> String? {
        let utf8 = value.utf8
        guard utf8.count > 7 else { return nil }
        let scheme: [UInt8] = Array("bearer".utf8)
        var index = utf8.startIndex
        for expected in scheme {
            guard lowered(utf8[index]) == expected else { return nil }
            index = utf8.index(after: index)
        }
        guard utf8[index] == 0x20 else { return nil }
        let tokenStart = utf8.index(after: index)
        let token = utf8[tokenStart...]
        guard let first = token.first, let last = token.last, !isSpaceOrTab(first), !isSpaceOrTab(last),
            token.allSatisfy({ $0 < 0x80 })
        else { return nil }
        return String(value[tokenStart...])
    }

    @inline(__always)
    static func isSpaceOrTab(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// The media type an ASCII `Accept` of one range without parameters names, trimmed of spaces and tabs
    /// and lower-cased: `""` when it is only spaces and tabs; `nil` when it is not ASCII or has a `,` or
    /// `;` (several ranges, or q-values: the full parser decides).
    static func singleMediaRange(_ accept: String) -> String? {
        let utf8 = accept.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        for byte in utf8 where byte >= 0x80 || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") {
            return nil
        }
        while start < end, isSpaceOrTab(utf8[start]) { start = utf8.index(after: start) }
        while start < end, isSpaceOrTab(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        let range = utf8[start..<end]
        if range.allSatisfy({ lowered($0) == $0 }) { return String(accept[start..<end]) }
        return String(decoding: range.map(lowered), as: UTF8.self)
    }

    /// The essence of an ASCII `Content-Type` (`type/subtype`, trimmed of spaces and tabs, lower-cased)
    /// whose text before the first `;` is not empty; `nil` otherwise (the caller's full parser decides).
    static func essence(_ contentType: String) -> String? {
        let utf8 = contentType.utf8
        let end = utf8.firstIndex(of: UInt8(ascii: ";")) ?? utf8.endIndex
        guard end != utf8.startIndex, utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var start = utf8.startIndex
        var last = end
        while start < last, isSpaceOrTab(utf8[start]) { start = utf8.index(after: start) }
        while start < last, isSpaceOrTab(utf8[utf8.index(before: last)]) { last = utf8.index(before: last) }
        let range = utf8[start..<last]
        if range.allSatisfy({ lowered($0) == $0 }) { return String(contentType[start..<last]) }
        return String(decoding: range.map(lowered), as: UTF8.self)
    }

    /// The decoded text of a path segment: itself when it has no `%` (nothing to decode), otherwise
    /// Foundation's `removingPercentEncoding` (`nil` when it is not percent-encoded UTF-8).
    static func percentDecoded(_ text: String) -> String? {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        return text.removingPercentEncoding
    }

    /// The same for a slice; concrete, like the `String` one, so that a request's path segment is not
    /// decoded through a generic `StringProtocol` witness table.
    static func percentDecoded(_ text: Substring) -> String? {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        return text.removingPercentEncoding
    }
}

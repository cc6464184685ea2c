import Foundation

/// Reads and writes a ``TextTree`` as `application/x-www-form-urlencoded` and `multipart/form-data`.
///
/// A form is a list of named text fields; nested values use bracket notation (see `FormBrackets`).
/// Writing:
/// - text is the field's value, a boolean is `true` or `false`, null is an empty value (`key=`);
/// - a list of leaves is the field repeated once per item, in order; an empty list writes no field at all
///   (it reads back as absent); a list holding objects numbers its items: `items[0][price]=5`;
/// - a nested object's members are `parent[member]=…`, to any depth; one without members is an empty
///   value (`parent=`); a top-level value that is not an object is one field with an empty name;
/// - any JSON (``TextTree/json(_:)``) is its compact JSON text in one value (`meta={"a":1}`), in multipart
///   a part with `Content-Type: application/json`.
///
/// Reading gives an `.object` whose members are in the order of each name's first field: a name sent
/// once is `.text`, a repeated name (or `name[]`) is a `.list` of `.text` in order, `a[b]=…` is an
/// object `a` with the member `b` (numbered members too: a list accepts `items[0]…items[n-1]`), and an
/// empty value is `.text("")` (the generated decoders treat empty text as null where a field is nullable,
/// and, for a field that is not text, the word `null` too). Every leaf reads as text. Bracket nesting
/// deeper than `maxDepth`, and a name sent both as a value and as an object, are errors naming the key.
@_spi(Generated) public enum FormFormat {
    // MARK: application/x-www-form-urlencoded

    /// Parses a URL-encoded form: fields separated by `&`, name and value by the first `=` (a field
    /// without `=` has an empty value), `+` is a space, percent escapes are decoded as UTF-8. Empty fields
    /// (`a=1&&b=2`, a trailing `&`) are skipped. An invalid percent escape, or a field that is not UTF-8
    /// once decoded, is an error naming the field (by its position, `field 3: …`, when it is the name that
    /// does not decode: raw input is never echoed).
    public static func readURLEncoded(
        _ data: Data, maxDepth: Int = XMLLimits.default.maxDepth
    ) throws(ValidationErrors) -> TextTree {
        var fields = FormFieldTree(maxDepth: maxDepth)
        var errors: [ValidationError] = []
        let bytes = [UInt8](data)
        for (offset, field) in bytes.split(separator: 0x26, omittingEmptySubsequences: true).enumerated() {  // &
            let number = offset + 1
            let equals = field.firstIndex(of: 0x3D)  // =
            let rawName = field[..<(equals ?? field.endIndex)]
            let rawValue = equals.map { field[field.index(after: $0)...] } ?? []
            let name: String
            switch URLEncoding.decode(rawName) {
            case .success(let decoded):
                name = decoded
            case .failure(let problem):
                // The name is not a name: it is not echoed (it could be anything, a secret included), the
                // field is located by its position instead.
                errors.append(ValidationError(path: "", reason: "field \(number): " + problem.reason("name")))
                continue
            }
            switch URLEncoding.decode(rawValue) {
            case .success(let value): fields.add(name, value)
            case .failure(let problem): errors.append(ValidationError(path: name, reason: problem.reason("value")))
            }
        }
        errors += fields.errors
        if !errors.isEmpty { throw ValidationErrors(errors) }
        return fields.tree
    }

    /// Writes a URL-encoded form (see ``FormFormat`` for how the tree maps to fields). Names and values
    /// are percent-encoded as UTF-8, everything but the unreserved characters `A-Z a-z 0-9 - . _ ~`
    /// escaped (a space is `%20`).
    public static func writeURLEncoded(_ tree: TextTree) -> Data {
        let fields = flatten(tree)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fields.reduce(0) { $0 + ($1.name.utf8.count + $1.value.utf8.count) * 3 / 2 + 2 })
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(0x26) }
            URLEncoding.encode(field.name, into: &bytes)
            bytes.append(0x3D)
            // A file (which the checker keeps out of URL-encoded forms) is written as its bytes' text, best-effort.
            URLEncoding.encode(field.file.map { String(decoding: $0.data, as: UTF8.self) } ?? field.value, into: &bytes)
        }
        return Data(bytes)
    }

    // MARK: multipart/form-data

    /// A fresh boundary for ``writeMultipart(_:boundary:)``: `apigen-` and a random UUID.
    public static func makeBoundary() -> String {
        "apigen-" + UUID().uuidString
    }

    /// Writes a `multipart/form-data` body (RFC 7578) with CRLF line ends: one part per field (see
    /// ``FormFormat`` for how the tree maps to fields), each with only a
    /// `Content-Disposition: form-data; name="…"` header and the value as UTF-8, then the closing
    /// delimiter. A ``TextTree/file(_:)`` is a file part: `; filename="…"` when it has a name (see
    /// `MultipartFiles.appendQuoted`), a `Content-Type` line, and its bytes as they are. In names, `"`
    /// and `\` are escaped with a backslash (as Django reads them), a carriage return is `%0D` and a
    /// line feed `%0A` (as browsers write them). The caller makes sure no value
    /// contains the boundary, which ``makeBoundary()`` makes as good as certain.
    public static func writeMultipart(_ tree: TextTree, boundary: String) -> Data {
        let fields = flatten(tree)
        let delimiter = Array("--\(boundary)".utf8)
        let disposition = Array("Content-Disposition: form-data; name=\"".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(
            fields.reduce(delimiter.count + 4) { total, field in
                let file = field.file.map { $0.data.count + 3 * ($0.filename?.utf8.count ?? 0) + 40 } ?? 0
                return total + delimiter.count + disposition.count + field.name.utf8.count + field.value.utf8.count
                    + file + 10
            })
        for field in fields {
            bytes.append(contentsOf: delimiter)
            bytes.append(contentsOf: Multipart.crlf)
            bytes.append(contentsOf: disposition)
            for byte in field.name.utf8 {
                switch byte {
                case 0x22, 0x5C: bytes.append(contentsOf: [0x5C, byte])  // \" and \\
                case 0x0D: bytes.append(contentsOf: Array("%0D".utf8))
                case 0x0A: bytes.append(contentsOf: Array("%0A".utf8))
                default: bytes.append(byte)
                }
            }
            bytes.append(0x22)
            if let file = field.file {
                Multipart.appendFileHeaders(file, to: &bytes)
            }
            bytes.append(contentsOf: Multipart.crlf)
            bytes.append(contentsOf: Multipart.crlf)
            if let file = field.file {
                bytes.append(contentsOf: file.data)
            } else {
                bytes.append(contentsOf: field.value.utf8)
            }
            bytes.append(contentsOf: Multipart.crlf)
        }
        bytes.append(contentsOf: delimiter)
        bytes.append(contentsOf: [0x2D, 0x2D])  // --
        bytes.append(contentsOf: Multipart.crlf)
        return Data(bytes)
    }

    /// Parses a `multipart/form-data` body (RFC 7578, RFC 2046) with the boundary from `contentType`'s
    /// `boundary` parameter (quoted or not).
    ///
    /// A preamble before the first delimiter and an epilogue after the closing one are ignored; header
    /// names are case-insensitive; in the `name` parameter, `\"` and `\\` are unescaped (as Django does).
    /// A part with a `filename` (or `filename*`) or a `Content-Type` header is a ``TextTree/file(_:)`` of
    /// its bytes as they are; so is one whose bytes are not UTF-8 (a text field then refuses it, naming
    /// itself). Any other part is text. Errors: a content type that is not `multipart/form-data` or
    /// has no boundary (or one longer than RFC 2046's 70 characters), a body without the boundary or without the closing delimiter, and a part without
    /// `Content-Disposition: form-data; name="…"` (naming the part by its position).
    public static func readMultipart(
        _ data: Data, contentType: String, maxDepth: Int = XMLLimits.default.maxDepth
    ) throws(ValidationErrors) -> TextTree {
        func failure(_ reason: String) -> ValidationErrors {
            ValidationErrors([ValidationError(path: "", reason: reason)])
        }
        let header = HeaderValue(contentType)
        guard header.value == MediaType.multipart else {
            throw failure("expected the content type \(MediaType.multipart), got '\(contentType)'")
        }
        guard let boundary = header.parameters["boundary"], !boundary.isEmpty else {
            throw failure("the Content-Type '\(contentType)' has no boundary parameter")
        }
        // RFC 2046 allows 70 characters; a longer boundary would make the search for it slow.
        guard boundary.utf8.count <= 70 else { throw failure("the boundary is longer than 70 characters") }
        let bytes = [UInt8](data)
        let dashBoundary = Array("--\(boundary)".utf8)
        let delimiter = Multipart.crlf + dashBoundary
        let closing = "the body has no closing delimiter --\(boundary)--"

        var position: Int
        if bytes.starts(with: dashBoundary) {
            position = dashBoundary.count
        } else if let found = Multipart.search(bytes[...], for: delimiter, from: 0) {
            position = found + delimiter.count
        } else {
            throw failure("the body does not contain the boundary --\(boundary)")
        }
        var fields = FormFieldTree(maxDepth: maxDepth)
        var errors: [ValidationError] = []
        var number = 0
        while true {
            if bytes[position...].starts(with: [0x2D, 0x2D]) { break }  // the closing delimiter; the rest is epilogue
            while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
            guard bytes[position...].starts(with: Multipart.crlf) else {
                throw failure(position >= bytes.count ? closing : "a delimiter line has text after the boundary")
            }
            position += 2
            number += 1
            guard let end = Multipart.search(bytes[...], for: delimiter, from: position) else { throw failure(closing) }
            switch Multipart.part(bytes[position..<end], number: number) {
            case .success(let (name, value)): fields.add(name, leaf: value)
            case .failure(let error): errors.append(error)
            }
            position = end + delimiter.count
        }
        errors += fields.errors
        if !errors.isEmpty { throw ValidationErrors(errors) }
        return fields.tree
    }
}

// MARK: - Fields

extension FormFormat {
    /// The fields a tree writes, in order, in bracket notation; a file is a field with its part.
    fileprivate static func flatten(_ tree: TextTree) -> [(name: String, value: String, file: FilePart?)] {
        FormBrackets.fields(tree)
    }

    /// The first nested member name of `tree` that bracket notation cannot carry (empty, or containing
    /// `][`), as an error naming its wire path; `nil` when the tree can be written and read back.
    public static func unrepresentableName(_ tree: TextTree) -> ValidationError? {
        FormBrackets.unrepresentable(tree)
    }
}

// MARK: - Percent-encoding

extension FormFormat {
    fileprivate enum URLEncoding {
        enum Problem: Error {
            case invalidEscape, notUTF8

            func reason(_ part: String) -> String {
                switch self {
                case .invalidEscape: "invalid percent escape in the field's \(part)"
                case .notUTF8: "the field's \(part) is not UTF-8 once percent-decoded"
                }
            }
        }

        private static let hex = Array("0123456789ABCDEF".utf8)

        static func encode(_ text: String, into bytes: inout [UInt8]) {
            for byte in text.utf8 {
                switch byte {
                case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x2E, 0x5F, 0x7E:  // A-Z a-z 0-9 - . _ ~
                    bytes.append(byte)
                default:
                    bytes.append(0x25)  // %
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 0x0F)])
                }
            }
        }


        static func decode(_ raw: ArraySlice<UInt8>) -> Result<String, Problem> {
            guard raw.contains(where: { $0 == 0x2B || $0 == 0x25 }) else {  // no + or %
                return UTF8Text.string(raw).map { .success($0) } ?? .failure(.notUTF8)
            }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(raw.count)
            var index = raw.startIndex
            while index < raw.endIndex {
                let byte = raw[index]
                if byte == 0x2B {  // +
                    bytes.append(0x20)
                } else if byte == 0x25 {  // %
                    guard index + 2 < raw.endIndex, let high = ASCIIHex.value(raw[index + 1]),
                        let low = ASCIIHex.value(raw[index + 2])
                    else { return .failure(.invalidEscape) }
                    bytes.append(high << 4 | low)
                    index += 2
                } else {
                    bytes.append(byte)
                }
                index += 1
            }
            return UTF8Text.string(bytes[...]).map { .success($0) } ?? .failure(.notUTF8)
        }
    }

    /// Strict UTF-8 decoding (no replacement characters), without Foundation's string machinery.
    fileprivate enum UTF8Text {
        static func string(_ bytes: ArraySlice<UInt8>) -> String? {
            if bytes.contains(where: { $0 >= 0x80 }) {
                var iterator = bytes.makeIterator()
                var parser = Unicode.UTF8.ForwardParser()
                decoding: while true {
                    switch parser.parseScalar(from: &iterator) {
                    case .valid: continue
                    case .emptyInput: break decoding
                    case .error: return nil
                    }
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}

// MARK: - Multipart

extension FormFormat {
    fileprivate enum Multipart {
        static let crlf: [UInt8] = [0x0D, 0x0A]
        static let blankLine: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A]

        /// The first index of `haystack` at or after `start` where `needle` occurs.
        static func search(_ haystack: ArraySlice<UInt8>, for needle: [UInt8], from start: Int) -> Int? {
            guard let first = needle.first, haystack.endIndex - needle.count >= start else { return nil }
            return haystack.withUnsafeBufferPointer { hay in
                needle.withUnsafeBufferPointer { needle in
                    guard let hayStart = hay.baseAddress, let needleStart = needle.baseAddress else { return nil }
                    var offset = start - haystack.startIndex
                    let last = hay.count - needle.count
                    while offset <= last {
                        if hay[offset] == first, memcmp(hayStart + offset, needleStart, needle.count) == 0 {
                            return offset + haystack.startIndex
                        }
                        offset += 1
                    }
                    return nil
                }
            }
        }

        private static let contentDisposition = Array("content-disposition".utf8)
        private static let contentTypeName = Array("content-type".utf8)

        /// Whether a header name (surrounded by optional spaces) is `lowerName`, in any case.
        private static func isHeader(_ name: ArraySlice<UInt8>, named lowerName: [UInt8]) -> Bool {
            let trimmed = name.drop { $0 == 0x20 || $0 == 0x09 }
            let end = trimmed.lastIndex { $0 != 0x20 && $0 != 0x09 }.map { $0 + 1 } ?? trimmed.startIndex
            return trimmed[..<end].elementsEqual(lowerName) { byte, lower in
                (byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) == lower
            }
        }

        /// `; filename="…"` (when the file has a name) and the `Content-Type` line of a file part.
        static func appendFileHeaders(_ file: FilePart, to bytes: inout [UInt8]) {
            if let filename = file.filename {
                bytes.append(contentsOf: Array("; filename=\"".utf8))
                MultipartFiles.appendQuoted(filename, to: &bytes)
                bytes.append(0x22)
            }
            bytes.append(contentsOf: crlf)
            bytes.append(contentsOf: Array("Content-Type: ".utf8))
            bytes.append(contentsOf: MultipartFiles.headerSafe(file.contentType))
        }

        /// The file's name: `filename*` (RFC 8187, UTF-8) when it is there and decodes, else `filename`.
        static func filename(_ header: HeaderValue) -> String? {
            if let extended = header.parameters["filename*"], let name = MultipartFiles.extendedValue(extended) {
                return name
            }
            return header.parameters["filename"]
        }

        /// A file part's value; without a `Content-Type`, `text/plain` (RFC 7578).
        static func file(_ body: ArraySlice<UInt8>, contentType: ArraySlice<UInt8>?, filename: String?) -> FilePart {
            let type = contentType.map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespaces) }
            return FilePart(
                data: Data(body), contentType: type.flatMap { $0.isEmpty ? nil : $0 } ?? "text/plain",
                filename: filename)
        }

        /// Whether a header name (surrounded by optional spaces) is `Content-Disposition`, in any case.
        private static func isContentDisposition(_ name: ArraySlice<UInt8>) -> Bool {
            let trimmed = name.drop { $0 == 0x20 || $0 == 0x09 }
            let end = trimmed.lastIndex { $0 != 0x20 && $0 != 0x09 }.map { $0 + 1 } ?? trimmed.startIndex
            return trimmed[..<end].elementsEqual(contentDisposition) { byte, lower in
                (byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) == lower
            }
        }

        /// One part's field name and value.
        static func part(_ bytes: ArraySlice<UInt8>, number: Int) -> Result<(String, TextTree), ValidationError> {
            func failure(_ reason: String) -> Result<(String, TextTree), ValidationError> {
                .failure(ValidationError(path: "", reason: "part \(number): \(reason)"))
            }
            let headerBytes: ArraySlice<UInt8>
            let body: ArraySlice<UInt8>
            if bytes.starts(with: crlf) {
                headerBytes = []
                body = bytes.dropFirst(2)
            } else if let end = search(bytes, for: blankLine, from: bytes.startIndex) {
                headerBytes = bytes[..<end]
                body = bytes[(end + 4)...]
            } else {
                return failure("no blank line after the headers")
            }
            var disposition: ArraySlice<UInt8>?
            var partContentType: ArraySlice<UInt8>?
            var lineStart = headerBytes.startIndex
            while lineStart < headerBytes.endIndex {
                let lineEnd = search(headerBytes, for: crlf, from: lineStart) ?? headerBytes.endIndex
                let line = headerBytes[lineStart..<lineEnd]
                if let colon = line.firstIndex(of: 0x3A) {  // :
                    if disposition == nil, isContentDisposition(line[..<colon]) {
                        disposition = line[(colon + 1)...]
                    } else if partContentType == nil, isHeader(line[..<colon], named: contentTypeName) {
                        partContentType = line[(colon + 1)...]
                    }
                }
                lineStart = lineEnd + 2
            }
            guard let disposition else {
                return failure("no Content-Disposition header (expected Content-Disposition: form-data; name=\"…\")")
            }
            let header = HeaderValue(disposition)
            guard header.value == "form-data" else {
                return failure("the Content-Disposition is '\(header.value)', not form-data")
            }
            guard let name = header.parameters["name"] else {
                return failure("the Content-Disposition has no name (expected form-data; name=\"…\")")
            }
            let filename = Self.filename(header)
            if filename != nil || header.parameters["filename*"] != nil || partContentType != nil {
                return .success((name, .file(file(body, contentType: partContentType, filename: filename))))
            }
            // A part without a filename or Content-Type is text; bytes that are not UTF-8 are a file, which a
            // text field refuses (naming itself) and a file field takes.
            guard let value = UTF8Text.string(body) else {
                return .success((name, .file(FilePart(data: Data(body), contentType: "application/octet-stream"))))
            }
            return .success((name, .text(value)))
        }
    }

    /// A header value with parameters: `multipart/form-data; boundary="abc"`, `form-data; name="x"`.
    /// The value is lower-cased; parameter names are lower-cased, the first of each name wins; quoted
    /// values may contain `;`, and `\"` and `\\` in them are unescaped.
    fileprivate struct HeaderValue {
        var value: String
        var parameters: [String: String] = [:]

        init(_ text: String) {
            self.init(Array(text.utf8)[...])
        }

        init(_ bytes: ArraySlice<UInt8>) {
            let bytes = Array(bytes)
            var index = 0
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
            func trimmed(_ slice: ArraySlice<UInt8>) -> String {
                guard let first = slice.firstIndex(where: { !isSpace($0) }),
                    let last = slice.lastIndex(where: { !isSpace($0) })
                else { return "" }
                return String(decoding: slice[first...last], as: UTF8.self)
            }
            while index < bytes.count, bytes[index] != 0x3B { index += 1 }  // ;
            value = trimmed(bytes[0..<index]).lowercased()
            while index < bytes.count {
                index += 1  // past ;
                let nameStart = index
                while index < bytes.count, bytes[index] != 0x3D, bytes[index] != 0x3B { index += 1 }
                let name = trimmed(bytes[nameStart..<index]).lowercased()
                guard index < bytes.count, bytes[index] == 0x3D else { continue }  // a parameter without a value
                index += 1
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                var parameter: [UInt8] = []
                if index < bytes.count, bytes[index] == 0x22 {  // "
                    index += 1
                    while index < bytes.count, bytes[index] != 0x22 {
                        let escapes = index + 1 < bytes.count && (bytes[index + 1] == 0x22 || bytes[index + 1] == 0x5C)
                        if bytes[index] == 0x5C, escapes { index += 1 }
                        parameter.append(bytes[index])
                        index += 1
                    }
                    while index < bytes.count, bytes[index] != 0x3B { index += 1 }  // past the closing quote
                    if parameters[name] == nil { parameters[name] = String(decoding: parameter, as: UTF8.self) }
                } else {
                    let valueStart = index
                    while index < bytes.count, bytes[index] != 0x3B { index += 1 }
                    if parameters[name] == nil { parameters[name] = trimmed(bytes[valueStart..<index]) }
                }
            }
        }
    }
}

/// The value of one hexadecimal digit (`0-9`, `A-F`, `a-f`), for percent-decoding; `nil` for any other byte.
enum ASCIIHex {
    static func value(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}

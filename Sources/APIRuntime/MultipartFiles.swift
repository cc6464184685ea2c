import Foundation

/// The header text of multipart file parts: quoting a filename, keeping a content type to one header
/// line, and reading an RFC 8187 `filename*`.
enum MultipartFiles {
    private static let hex = Array("0123456789ABCDEF".utf8)

    /// Appends `text` for a quoted parameter (`filename="…"`), as UTF-8, as browsers and RFC 7578 write
    /// it (RFC 7578 §4.2 forbids `filename*` in form data): `"` and `\` are escaped with a backslash (as
    /// the `name` parameter is, and as Django and the reader here unescape them); a carriage return, a
    /// line feed and every other control character are percent-encoded (`%0D`, `%0A`, as browsers write
    /// them), so no name can end the header line or the quoted string.
    static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case 0x22, 0x5C: bytes.append(contentsOf: [0x5C, byte])
            case 0x00..<0x20, 0x7F:
                bytes.append(0x25)
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
    }

    /// A content type for one header line: control characters (CR and LF among them) are dropped, and an
    /// empty one is `application/octet-stream`.
    static func headerSafe(_ contentType: String) -> [UInt8] {
        let kept = contentType.utf8.filter { $0 >= 0x20 && $0 != 0x7F }
        let trimmed = kept.drop { $0 == 0x20 }
        return trimmed.isEmpty ? Array("application/octet-stream".utf8) : Array(trimmed)
    }

    /// Decodes an RFC 8187 extended value, `UTF-8'lang'percent-encoded`; `nil` when the charset is not
    /// UTF-8 or the value does not decode to UTF-8.
    static func extendedValue(_ value: String) -> String? {
        let pieces = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0].lowercased() == "utf-8" else { return nil }
        var bytes: [UInt8] = []
        let raw = Array(pieces[2].utf8)
        var index = 0
        while index < raw.count {
            if raw[index] == 0x25 {  // %
                guard index + 2 < raw.count, let high = ASCIIHex.value(raw[index + 1]),
                    let low = ASCIIHex.value(raw[index + 2])
                else { return nil }
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(raw[index])
                index += 1
            }
        }
        return FilePart(data: Data(bytes)).utf8Text
    }

}

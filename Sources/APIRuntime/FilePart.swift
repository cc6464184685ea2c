import Foundation

/// A file in a `multipart/form-data` body: its bytes, their media type and, optionally, the file's
/// name. Fields of type `file` in a definition are `FilePart`s in Swift.
///
/// The client writes one part per file (RFC 7578):
/// `Content-Disposition: form-data; name="…"; filename="…"` and `Content-Type: …`, then the bytes as
/// they are (binary: CR, LF and NUL bytes travel unchanged). The server reads a part as a file with its
/// `filename` (`filename*` wins when a client sends it), its `Content-Type` (`text/plain` when the part
/// has none, as RFC 7578 says) and its bytes.
///
/// The filename is what the sender says it is: never use it as a path without cleaning it.
public struct FilePart: Sendable, Hashable {
    /// The name of the file as sent (`filename` in `Content-Disposition`), or `nil` for none.
    public var filename: String?
    /// The media type of ``data`` (`image/png`, `application/pdf`).
    public var contentType: String
    /// The file's bytes.
    public var data: Data

    /// A file of `data` in `contentType` (by default `application/octet-stream`), named `filename`.
    public init(data: Data, contentType: String = "application/octet-stream", filename: String? = nil) {
        self.data = data
        self.contentType = contentType
        self.filename = filename
    }
}

extension FilePart {
    /// The bytes as text when they are well-formed UTF-8 (no replacement characters), otherwise `nil`.
    var utf8Text: String? {
        var iterator = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid: continue
            case .emptyInput: return String(decoding: data, as: UTF8.self)
            case .error: return nil
            }
        }
    }
}

extension FilePart: CustomStringConvertible {
    /// `FilePart(report.pdf, application/pdf, 1024 bytes)`: never the bytes.
    public var description: String {
        "FilePart(\(filename ?? "no filename"), \(contentType), \(data.count) bytes)"
    }
}

extension FilePart: Codable {
    private enum CodingKeys: String, CodingKey { case filename, contentType, data }

    /// A file in JSON (which the definition checker allows nowhere on the wire; this is for storing one):
    /// `{"filename": "…", "contentType": "…", "data": "<standard base64>"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let text = try container.decode(String.self, forKey: .data)
        guard let data = Data(base64Encoded: text) else {
            throw DecodingError.dataCorruptedError(
                forKey: .data, in: container, debugDescription: "not standard base64")
        }
        self.init(
            data: data, contentType: try container.decode(String.self, forKey: .contentType),
            filename: try container.decodeIfPresent(String.self, forKey: .filename))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(filename, forKey: .filename)
        try container.encode(contentType, forKey: .contentType)
        try container.encode(data.base64EncodedString(), forKey: .data)
    }
}

extension FilePart: TextTreeCodable {
    /// A file part; a text part (a client that sends a file without a filename or `Content-Type`) is a
    /// file of its UTF-8 bytes in `text/plain`, as RFC 7578 says a part without `Content-Type` is.
    public init(textTree reader: TextTreeReader) throws(ValidationErrors) {
        switch reader.tree {
        case .file(let part): self = part
        case .text(let text): self.init(data: Data(text.utf8), contentType: "text/plain")
        case .boolean, .null, .json: throw reader.error("expected a file")
        case .list: throw reader.error("expected a single file, found a list")
        case .object: throw reader.error("expected a file, found an object")
        }
    }

    public func textTree() -> TextTree { .file(self) }
}

extension ConstraintChecker {
    /// Checks a file's size in bytes (a file field's `minLength` and `maxLength`).
    public mutating func check(_ value: FilePart?, _ key: String, minLength: Int? = nil, maxLength: Int? = nil) {
        guard let value else { return }
        if let minLength, value.data.count < minLength {
            fail(key, minLength == 1 ? "must not be empty" : "smaller than \(minLength) bytes")
        }
        if let maxLength, value.data.count > maxLength { fail(key, "larger than \(maxLength) bytes") }
    }
}

import Foundation

/// The formats a typed body can travel in.
public enum BodyFormat: String, Sendable, Hashable, CaseIterable {
    case json, xml, formURLEncoded, multipart

    /// The media type, as in `Content-Type`.
    public var mediaType: String {
        switch self {
        case .json: MediaType.json
        case .xml: MediaType.xml
        case .formURLEncoded: MediaType.formURLEncoded
        case .multipart: MediaType.multipart
        }
    }

    /// This format when it is one of `formats`, otherwise the first of them.
    public func within(_ formats: [BodyFormat]) -> BodyFormat { formats.contains(self) ? self : formats[0] }

    /// The format of a `Content-Type` value (`text/xml` counts as XML).
    public init?(contentType: String) {
        let essence = MediaType.essence(of: contentType)
        if essence == "text/xml" {
            self = .xml
            return
        }
        guard let format = Self.allCases.first(where: { $0.mediaType == essence }) else { return nil }
        self = format
    }
}

/// Encodes and decodes typed bodies in any of their formats.
@_spi(Generated) public enum BodyCoding {
    /// The bytes and `Content-Type` of `value` in `format`.
    public static func encode<T: Encodable & TextTreeCodable>(
        _ value: T, as format: BodyFormat, dialect: XMLDialect
    ) throws -> (data: Data, contentType: String) {
        switch format {
        case .json: return (try JSONCoding.encode(value), MediaType.json)
        case .xml: return (XMLFormat.write(value.textTree(), dialect: dialect), MediaType.xml + "; charset=utf-8")
        case .formURLEncoded: return (FormFormat.writeURLEncoded(try formTree(value)), MediaType.formURLEncoded)
        case .multipart:
            let boundary = FormFormat.makeBoundary()
            return (
                FormFormat.writeMultipart(try formTree(value), boundary: boundary),
                MediaType.multipart + "; boundary=\(boundary)"
            )
        }
    }

    /// The tree a form or multipart body writes; refuses a map key bracket notation cannot carry.
    private static func formTree(_ value: some TextTreeCodable) throws(ValidationErrors) -> TextTree {
        let tree = value.textTree()
        if let problem = FormFormat.unrepresentableName(tree) { throw ValidationErrors([problem]) }
        return tree
    }

    /// Decodes (and, when `validate`, validates) a body of the given content type. `xmlLimits.maxDepth`
    /// also bounds the bracket nesting of form and multipart field names, and of the JSON text a form or
    /// multipart body carries for any JSON (`json` fields).
    public static func decode<T: Decodable & TextTreeCodable>(
        _ type: T.Type, from data: Data, format: BodyFormat, contentType: String, dialect: XMLDialect,
        validate: Bool = true, xmlLimits: XMLLimits = .default, direction: ValidationDirection? = nil
    ) throws(ValidationErrors) -> T {
        let value: T
        switch format {
        case .json: return try JSONCoding.decode(T.self, from: data, validate: validate, direction: direction)
        case .xml:
            value = try T(textTree: TextTreeReader(try XMLFormat.read(data, dialect: dialect, limits: xmlLimits)))
        case .formURLEncoded:
            value = try T(
                textTree: TextTreeReader(
                    try FormFormat.readURLEncoded(data, maxDepth: xmlLimits.maxDepth),
                    anyJSON: .text(maxDepth: xmlLimits.maxDepth)))
        case .multipart:
            value = try T(
                textTree: TextTreeReader(
                    try FormFormat.readMultipart(data, contentType: contentType, maxDepth: xmlLimits.maxDepth),
                    anyJSON: .text(maxDepth: xmlLimits.maxDepth)))
        }
        if validate, let validatable = value as? any Constrained {
            let errors = validatable.validationErrors(direction: direction)
            if !errors.isEmpty { throw ValidationErrors(errors) }
        }
        return value
    }
}

/// `Accept` header negotiation.
@_spi(Generated) public enum ContentNegotiation {
    /// The first of `offered` with the highest quality in `accept`; the first offered when there is
    /// no `Accept`; `nil` when nothing offered is acceptable.
    public static func choose(_ offered: [BodyFormat], accept: String?) -> BodyFormat? {
        guard let accept else { return offered.first }
        if let range = ASCIIFastPaths.singleMediaRange(accept) {
            // One range of quality 1: the first offered format it matches, however specifically.
            guard !range.isEmpty else { return offered.first }
            return offered.first { matches(range, $0.mediaType) }
        }
        return chooseByParsing(offered, accept: accept)
    }

    /// ``choose(_:accept:)`` without its fast path: every range of `accept` parsed, with its quality. The
    /// fast path's tests compare the two.
    public static func chooseByParsing(_ offered: [BodyFormat], accept: String) -> BodyFormat? {
        guard !accept.trimmingCharacters(in: .whitespaces).isEmpty else { return offered.first }
        var best: (format: BodyFormat, quality: Double)?
        for format in offered {
            let quality = Self.quality(of: format.mediaType, in: accept)
            if quality > 0, quality > (best?.quality ?? 0) { best = (format, quality) }
        }
        return best?.format
    }

    /// Whether the media range `name` (lower-cased, without parameters) matches `mediaType` at all.
    static func matches(_ name: String, _ mediaType: String) -> Bool {
        if name == mediaType || name == "*/*" || (mediaType == MediaType.xml && name == "text/xml") { return true }
        guard name.hasSuffix("/*") else { return false }
        let type = mediaType.split(separator: "/").first ?? ""
        return name.utf8.count == type.utf8.count + 2 && name.hasPrefix(type)
    }

    /// The quality `accept` gives `mediaType`: the most specific matching range wins.
    static func quality(of mediaType: String, in accept: String) -> Double {
        var result: (specificity: Int, quality: Double) = (-1, 0)
        let type = mediaType.split(separator: "/").first.map(String.init) ?? ""
        for range in accept.split(separator: ",") {
            let parts = range.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let name = parts.first else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 1
            }
            let specificity: Int
            if name == mediaType || (mediaType == MediaType.xml && name == "text/xml") {
                specificity = 2
            } else if name == "\(type)/*" {
                specificity = 1
            } else if name == "*/*" {
                specificity = 0
            } else {
                continue
            }
            if specificity > result.specificity { result = (specificity, quality) }
        }
        return result.quality
    }

    /// The `Accept` value a client sends: the preferred format, or all offered ones in order.
    public static func acceptHeader(_ offered: [BodyFormat], preferred: BodyFormat?) -> String {
        if let preferred { return preferred.mediaType }
        return offered.enumerated().map { index, format in
            index == 0
                ? format.mediaType
                : "\(format.mediaType);q=\(String(format: "%.1f", max(0.1, 1 - 0.1 * Double(index))))"
        }.joined(separator: ", ")
    }
}

@_spi(Generated) extension ServerRequest {
    /// The response format: the format query parameter (`json`, `xml`) when the operation has one
    /// and the request sets it, otherwise `Accept`. 406 when nothing offered is acceptable.
    public func responseFormat(_ offered: [BodyFormat], parameter: String? = nil) throws(ServerError) -> BodyFormat {
        if let parameter, let value = http.queryValue(parameter) {
            guard let format = BodyFormat(rawValue: value), offered.contains(format) else {
                throw .badRequest(
                    "invalid parameter",
                    fields: [
                        ValidationError(
                            path: parameter,
                            reason: "is not one of "
                                + offered.map { "'\($0.rawValue)'" }.joined(separator: ", ")
                        )
                    ])
            }
            return format
        }
        guard let format = ContentNegotiation.choose(offered, accept: http.headers["Accept"]) else {
            throw ServerError(
                status: 406,
                message: "cannot answer in any format the Accept header allows; available: "
                    + offered.map(\.mediaType).joined(separator: ", "))
        }
        return format
    }

    /// Answers 406 unless `Accept` allows one of `offered`.
    public func checkAccept(_ offered: [BodyFormat]) throws(ServerError) {
        _ = try responseFormat(offered)
    }

    /// Decodes a body in any of `formats` (chosen by `Content-Type`, JSON when it is absent);
    /// 415 for other content types, 400 naming the field when it does not decode. Validation
    /// happens once the whole input is built (``validate(_:)``).
    public func decodeBody<T: Decodable & TextTreeCodable>(
        _ type: T.Type, formats: [BodyFormat], dialect: XMLDialect
    ) throws(ServerError) -> T {
        let contentType = http.headers["Content-Type"] ?? MediaType.json
        guard let format = BodyFormat(contentType: contentType), formats.contains(format) else {
            throw ServerError(
                status: 415,
                message: "unsupported content type '\(contentType)'; expected "
                    + formats.map(\.mediaType).joined(separator: ", "))
        }
        guard let body = http.body?.bufferedData, !body.isEmpty else { throw .badRequest("a request body is required") }
        do {
            return try BodyCoding.decode(
                T.self, from: body, format: format, contentType: contentType, dialect: dialect, validate: false,
                xmlLimits: limits.xml)
        } catch {
            throw .badRequest("invalid request body", fields: error.errors)
        }
    }

    /// Decodes an optional body: `nil` when the request has none (no body, or an empty one, whatever its
    /// `Content-Type`); otherwise as ``decodeBody(_:formats:dialect:)``.
    public func decodeBodyIfPresent<T: Decodable & TextTreeCodable>(
        _ type: T.Type, formats: [BodyFormat], dialect: XMLDialect
    ) throws(ServerError) -> T? {
        guard hasBody else { return nil }
        return try decodeBody(T.self, formats: formats, dialect: dialect)
    }
}

@_spi(Generated) extension APIResponse {
    /// A response with `value` encoded in `format`.
    public static func encode<T: Encodable & TextTreeCodable>(
        status: Int, _ value: T, format: BodyFormat, dialect: XMLDialect
    ) throws -> APIResponse {
        let (data, contentType) = try BodyCoding.encode(value, as: format, dialect: dialect)
        return APIResponse(status: status, headers: ["Content-Type": contentType], body: data)
    }
}

@_spi(Generated) extension ClientSupport {
    /// Encodes a request body in `format` and sets `Content-Type`.
    public static func setBody<T: Encodable & TextTreeCodable>(
        _ value: T, format: BodyFormat, allowed: [BodyFormat], dialect: XMLDialect, on request: inout APIRequest
    ) throws(ClientError) {
        guard allowed.contains(format) else {
            let list = allowed.map(\.mediaType).joined(separator: ", ")
            throw .invalidRequest(
                ValidationErrors([
                    ValidationError(path: "", reason: "this operation takes \(list), not \(format.mediaType)")
                ]))
        }
        do {
            let (data, contentType) = try BodyCoding.encode(value, as: format, dialect: dialect)
            request.body = APIBody(data)
            request.headers["Content-Type"] = contentType
        } catch {
            throw .invalidRequest(
                ValidationErrors([ValidationError(path: "", reason: "could not be encoded: \(error)")]))
        }
    }

    /// Decodes and validates a response body in the format its `Content-Type` names (JSON when absent).
    public static func decode<T: Decodable & TextTreeCodable>(
        _ type: T.Type, from response: APIResponse, dialect: XMLDialect
    ) throws(ClientError) -> T {
        let contentType = response.headers["Content-Type"] ?? MediaType.json
        guard let format = BodyFormat(contentType: contentType) else {
            throw .invalidResponse(
                status: response.status,
                ValidationErrors([ValidationError(path: "", reason: "unexpected content type '\(contentType)'")]))
        }
        do {
            return try BodyCoding.decode(
                T.self, from: response.body.bufferedData ?? Data(), format: format, contentType: contentType, dialect: dialect,
                direction: .response)
        } catch {
            throw .invalidResponse(status: response.status, error)
        }
    }
}

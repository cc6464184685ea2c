import Foundation

// Raw request bodies: a body declared without a `type` is bytes plus their content type (`RawBody`),
// in any of the media types or ranges (`image/png`, `image/*`, `*/*`) the definition lists.

@_spi(Generated) extension MediaType {
    /// Whether `contentType` (parameters ignored, any case) falls in one of `ranges`
    /// (`image/png`, `image/*`, `*/*`).
    public static func isAccepted(_ contentType: String, by ranges: [String]) -> Bool {
        let essence = essence(of: contentType)
        guard let slash = essence.firstIndex(of: "/"), slash != essence.startIndex,
            essence.index(after: slash) != essence.endIndex
        else { return false }
        let type = essence[..<slash]
        return ranges.contains { range in
            let range = range.lowercased()
            if range == "*/*" { return true }
            if range.hasSuffix("/*") { return range.dropLast(2) == type }
            return range == essence
        }
    }
}

@_spi(Generated) extension ClientSupport {
    /// Sets a raw body and its `Content-Type`: the body's own, or the only listed media type when it
    /// has none; ``ClientError/invalidRequest(_:)`` (path `body`) when that is not one of `ranges`.
    public static func setRawBody(_ body: RawBody, accepting ranges: [String], on request: inout APIRequest)
        throws(ClientError)
    {
        let listed = ranges.count == 1 && !ranges[0].contains("*") ? ranges[0] : nil
        guard let contentType = body.contentType ?? listed else {
            throw .invalidRequest(
                ValidationErrors([
                    ValidationError(
                        path: "body", reason: "needs a content type: one of \(ranges.joined(separator: ", "))")
                ]))
        }
        guard MediaType.isAccepted(contentType, by: ranges) else {
            throw .invalidRequest(
                ValidationErrors([
                    ValidationError(
                        path: "body", reason: "its content type is not one of \(ranges.joined(separator: ", "))")
                ]))
        }
        request.body = APIBody(body.data)
        request.headers["Content-Type"] = contentType
    }
}

@_spi(Generated) extension ServerRequest {
    /// The collected body as bytes with its `Content-Type`; 415 when that is missing or not one of
    /// `ranges`. The body-size limit applied when it was collected.
    public func rawBody(accepting ranges: [String]) throws(ServerError) -> RawBody {
        guard let contentType = http.headers["Content-Type"], MediaType.isAccepted(contentType, by: ranges) else {
            let shown = http.headers["Content-Type"].map { "unsupported content type '\($0)'" } ?? "no content type"
            throw ServerError(status: 415, message: "\(shown); expected " + ranges.joined(separator: ", "))
        }
        return RawBody(contentType: contentType, data: http.body?.bufferedData ?? Data())
    }

    /// An optional raw body: `nil` when the request has none (no body, or an empty one, whatever its
    /// `Content-Type`); otherwise as ``rawBody(accepting:)``.
    public func rawBodyIfPresent(accepting ranges: [String]) throws(ServerError) -> RawBody? {
        guard hasBody else { return nil }
        return try rawBody(accepting: ranges)
    }
}

import Foundation

/// Limits a ``APIRouter`` enforces before it routes a request, so that no request can make it spend more
/// than linear time or memory: a request over a limit is answered at once, without calling a handler.
///
/// - a request target (path and query) over ``maxTargetBytes``: 414 URI Too Long;
/// - more than ``maxHeaderCount`` header fields, one field (name and value) over ``maxHeaderFieldBytes``,
///   or all of them together over ``maxHeaderBytes``: 431 Request Header Fields Too Large;
/// - a body over ``maxBodyBytes``: 413 Content Too Large;
/// - an XML body over ``xml``'s limits (nesting depth, attributes per element): 400; ``XMLLimits/maxDepth``
///   also bounds the bracket nesting of a form or multipart field name (`a[b][c]` is 2 levels), and the
///   nesting of the JSON text a form or multipart value carries for a `json` field: 400.
///
/// Set them on the router: `var router = handler.makeRouter(); router.limits.maxBodyBytes = 1 << 20`.
public struct ServerLimits: Sendable, Hashable {
    /// The largest body accepted, in bytes (10 MiB by default).
    public var maxBodyBytes: Int
    /// The most header fields accepted (100 by default).
    public var maxHeaderCount: Int
    /// The largest header field accepted, name and value together, in UTF-8 bytes (8 KiB by default).
    public var maxHeaderFieldBytes: Int
    /// The largest total of all header fields, in UTF-8 bytes (32 KiB by default).
    public var maxHeaderBytes: Int
    /// The longest request target, the path and every query item's name and value, in UTF-8 bytes
    /// (8 KiB by default).
    public var maxTargetBytes: Int
    /// What XML bodies may hold.
    public var xml: XMLLimits

    /// Creates limits; every argument has the default described on its property.
    public init(
        maxBodyBytes: Int = 10 << 20, maxHeaderCount: Int = 100, maxHeaderFieldBytes: Int = 8 << 10,
        maxHeaderBytes: Int = 32 << 10, maxTargetBytes: Int = 8 << 10, xml: XMLLimits = .default
    ) {
        self.maxBodyBytes = maxBodyBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxHeaderFieldBytes = maxHeaderFieldBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxTargetBytes = maxTargetBytes
        self.xml = xml
    }

    /// The defaults: 10 MiB bodies, 100 header fields of at most 8 KiB and 32 KiB in all, 8 KiB targets,
    /// XML nested at most 128 levels with at most 16 attributes per element.
    public static let `default` = ServerLimits()

    /// The error a request breaks first, or `nil` when it is within every limit. Never quotes the request.
    /// A streamed body of unknown length is checked as it is collected (``ServerRequest/collectingBody()``).
    /// Adapters call this before they hand a request on.
    public func violation(_ request: APIRequest) -> ServerError? {
        var target = request.path.utf8.count
        for item in request.query {
            target += item.name.utf8.count + (item.value?.utf8.count ?? 0) + 2
            if target > maxTargetBytes { break }
        }
        if target > maxTargetBytes {
            return ServerError(status: 414, message: "the request target is longer than \(maxTargetBytes) bytes")
        }
        if request.headers.fields.count > maxHeaderCount {
            return ServerError(status: 431, message: "more than \(maxHeaderCount) header fields")
        }
        var total = 0
        for field in request.headers.fields {
            let size = field.name.utf8.count + field.value.utf8.count
            if size > maxHeaderFieldBytes {
                return ServerError(status: 431, message: "a header field is larger than \(maxHeaderFieldBytes) bytes")
            }
            total += size
        }
        if total > maxHeaderBytes {
            return ServerError(status: 431, message: "the header fields are larger than \(maxHeaderBytes) bytes")
        }
        if let length = request.body?.length, length > maxBodyBytes {
            return ServerError(status: 413, message: "the body is larger than \(maxBodyBytes) bytes")
        }
        return nil
    }
}

import Foundation

/// An HTTP method.
public struct RequestMethod: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The method's token as sent on the wire, for example `POST`.
    public var rawValue: String

    /// Creates a method from its wire token; the token is upper-cased.
    public init(rawValue: String) { self.rawValue = rawValue.uppercased() }

    public static let get = RequestMethod(rawValue: "GET")
    public static let post = RequestMethod(rawValue: "POST")
    public static let put = RequestMethod(rawValue: "PUT")
    public static let patch = RequestMethod(rawValue: "PATCH")
    public static let delete = RequestMethod(rawValue: "DELETE")
    public static let head = RequestMethod(rawValue: "HEAD")
    public static let options = RequestMethod(rawValue: "OPTIONS")

    public var description: String { rawValue }
    public static func < (lhs: RequestMethod, rhs: RequestMethod) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// An ordered list of header fields with case-insensitive lookup by name.
public struct HeaderFields: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// One header field as it was added (name spelled as given).
    public struct Field: Sendable, Hashable {
        public var name: String
        public var value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The fields in the order they were added.
    public private(set) var fields: [Field] = []

    public init() {}
    public init(dictionaryLiteral elements: (String, String)...) {
        for (name, value) in elements { add(name, value) }
    }

    /// The first value for `name`, compared case-insensitively.
    public subscript(name: String) -> String? {
        get { fields.first { Self.namesMatch($0.name, name) }?.value }
        set {
            fields.removeAll { Self.namesMatch($0.name, name) }
            if let newValue { fields.append(Field(name: name, value: newValue)) }
        }
    }

    /// Whether two header names are the same name: ASCII names compared byte by byte, ignoring case;
    /// anything else as `caseInsensitiveCompare` compares it.
    static func namesMatch(_ a: String, _ b: String) -> Bool {
        if let same = ASCIIFastPaths.caseInsensitiveEquals(a, b) { return same }
        return a.caseInsensitiveCompare(b) == .orderedSame
    }

    /// Makes room for `count` fields, so that copying a request's fields in allocates once.
    public mutating func reserveCapacity(_ count: Int) { fields.reserveCapacity(count) }

    /// Appends a field, keeping any earlier field of the same name.
    public mutating func add(_ name: String, _ value: String) {
        fields.append(Field(name: name, value: value))
    }

    public func makeIterator() -> IndexingIterator<[Field]> { fields.makeIterator() }
}

extension HeaderFields: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The fields as `[Name: value, …]`, with the value of every field that may carry a credential
    /// shown as ``Redacted/placeholder``: `Authorization`, `Proxy-Authorization`, `Cookie`, `Set-Cookie`,
    /// and any name containing `auth`, `key`, `token`, `secret`, `password`, `session` or `signature`.
    public var description: String {
        "["
            + fields.map { "\($0.name): \(Self.mayCarryCredential($0.name) ? Redacted.placeholder : $0.value)" }
            .joined(separator: ", ") + "]"
    }

    public var debugDescription: String { description }

    /// `dump` shows the redacted fields too.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: fields.map { field in
                (
                    label: Optional(field.name),
                    value: Self.mayCarryCredential(field.name) ? Redacted.placeholder : field.value
                )
            }, displayStyle: .dictionary)
    }

    private static let credentialWords = [
        "auth", "key", "token", "secret", "password", "session", "signature", "cookie",
    ]

    /// Whether a header of this name may carry a credential.
    static func mayCarryCredential(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return credentialWords.contains { lowered.contains($0) }
    }
}

/// The identity of one operation of a service: what a transport, a middleware, a log line or a metric
/// needs to name a request without parsing its path.
public struct OperationInfo: Sendable, Hashable, CustomStringConvertible {
    /// The operation's id in the definition, for example `sendVerification`.
    public var id: String
    /// The operation's method.
    public var method: RequestMethod
    /// The path template under the service's base path, for example `/users/{user_id}`.
    public var pathTemplate: String

    public init(id: String, method: RequestMethod, pathTemplate: String) {
        self.id = id
        self.method = method
        self.pathTemplate = pathTemplate
    }

    /// `id (METHOD /template)`.
    public var description: String { "\(id) (\(method) \(pathTemplate))" }
}

/// A request as the client sends it and the server receives it.
public struct APIRequest: Sendable {
    public var method: RequestMethod
    /// The percent-encoded path, starting with `/`, without the query.
    public var path: String
    /// Query items in order, not percent-encoded.
    public var query: [URLQueryItem]
    public var headers: HeaderFields
    public var body: APIBody?
    /// The operation this request calls: set by generated clients before the middlewares and the transport
    /// see the request, and by a server's registration before its middlewares and the handler see it.
    public var operation: OperationInfo?

    public init(
        method: RequestMethod, path: String, query: [URLQueryItem] = [], headers: HeaderFields = [:],
        body: APIBody? = nil, operation: OperationInfo? = nil
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.operation = operation
    }

    /// A request with buffered body bytes.
    public init(
        method: RequestMethod, path: String, query: [URLQueryItem] = [], headers: HeaderFields = [:],
        body: Data?, operation: OperationInfo? = nil
    ) {
        self.init(
            method: method, path: path, query: query, headers: headers, body: body.map { APIBody($0) },
            operation: operation)
    }

    /// A request for `operation` (its method) to `path`, the template expanded.
    public init(operation: OperationInfo, path: String) {
        self.init(method: operation.method, path: path, operation: operation)
    }

    /// The request target (`/path?query`), percent-encoded.
    public var target: String {
        guard !query.isEmpty else { return path }
        return path + "?"
            + query.map {
                PercentEncoding.queryComponent($0.name) + "=" + PercentEncoding.queryComponent($0.value ?? "")
            }
            .joined(separator: "&")
    }

    /// The value of the first query item named `name`.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }
}

/// A response as the server produces it and the client receives it.
public struct APIResponse: Sendable {
    public var status: Int
    public var headers: HeaderFields
    public var body: APIBody

    public init(status: Int, headers: HeaderFields = [:], body: APIBody = APIBody()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response with buffered body bytes.
    public init(status: Int, headers: HeaderFields = [:], body: Data) {
        self.init(status: status, headers: headers, body: APIBody(body))
    }
}

/// A body whose schema the definition does not document: its bytes and its content type.
public struct RawBody: Sendable, Hashable, CustomStringConvertible {
    public var contentType: String?
    public var data: Data

    public init(contentType: String?, data: Data) {
        self.contentType = contentType
        self.data = data
    }

    /// The body as UTF-8 text, if it is valid UTF-8.
    public var text: String? { String(data: data, encoding: .utf8) }

    public var description: String { "RawBody(\(contentType ?? "no content type"), \(data.count) bytes)" }
}

/// Media types the runtime reads and writes.
@_spi(Generated) public enum MediaType {
    public static let json = "application/json"
    public static let xml = "application/xml"
    public static let formURLEncoded = "application/x-www-form-urlencoded"
    public static let multipart = "multipart/form-data"
    public static let text = "text/plain"

    /// The `type/subtype` of a `Content-Type` value, lower-cased, without parameters.
    public static func essence(of contentType: String) -> String {
        if let essence = ASCIIFastPaths.essence(contentType) { return essence }
        let main = contentType.split(separator: ";", maxSplits: 1).first ?? ""
        return main.trimmingCharacters(in: .whitespaces).lowercased()
    }
}

/// Percent-encoding as RFC 3986 asks for path segments and query components.
@_spi(Generated) public enum PercentEncoding {
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Encodes one path segment: everything but the unreserved characters is escaped, `/` included.
    public static func pathSegment(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value
    }

    /// Encodes a query name or value.
    public static func queryComponent(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value
    }

    /// Decodes one path segment as a server receives it: `nil` when it is not percent-encoded UTF-8.
    /// A segment without `%` is returned as it is, without a pass through Foundation.
    public static func decodePathSegment(_ segment: String) -> String? {
        ASCIIFastPaths.percentDecoded(segment)
    }

    /// Decodes one path segment, a slice of the path: `nil` when it is not percent-encoded UTF-8.
    public static func decodePathSegment(_ segment: Substring) -> String? {
        ASCIIFastPaths.percentDecoded(segment)
    }
}

import Foundation

/// An HTTP method.
public struct HTTPMethod: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The method's token as sent on the wire, for example `POST`.
    public var rawValue: String

    /// Creates a method from its wire token; the token is upper-cased.
    public init(rawValue: String) { self.rawValue = rawValue.uppercased() }

    public static let get = HTTPMethod(rawValue: "GET")
    public static let post = HTTPMethod(rawValue: "POST")
    public static let put = HTTPMethod(rawValue: "PUT")
    public static let patch = HTTPMethod(rawValue: "PATCH")
    public static let delete = HTTPMethod(rawValue: "DELETE")
    public static let head = HTTPMethod(rawValue: "HEAD")
    public static let options = HTTPMethod(rawValue: "OPTIONS")

    public var description: String { rawValue }
    public static func < (lhs: HTTPMethod, rhs: HTTPMethod) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// An ordered list of header fields with case-insensitive lookup by name.
public struct HTTPHeaders: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
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
        get { fields.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value }
        set {
            fields.removeAll { $0.name.caseInsensitiveCompare(name) == .orderedSame }
            if let newValue { fields.append(Field(name: name, value: newValue)) }
        }
    }

    /// Appends a field, keeping any earlier field of the same name.
    public mutating func add(_ name: String, _ value: String) {
        fields.append(Field(name: name, value: value))
    }

    public func makeIterator() -> IndexingIterator<[Field]> { fields.makeIterator() }
}

extension HTTPHeaders: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
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

/// A request as the client sends it and the router receives it.
public struct HTTPRequest: Sendable, Hashable {
    public var method: HTTPMethod
    /// The percent-encoded path, starting with `/`, without the query.
    public var path: String
    /// Query items in order, not percent-encoded.
    public var query: [URLQueryItem]
    public var headers: HTTPHeaders
    public var body: Data?

    public init(
        method: HTTPMethod, path: String, query: [URLQueryItem] = [], headers: HTTPHeaders = [:],
        body: Data? = nil
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
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
public struct HTTPResponse: Sendable, Hashable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: Data

    public init(status: Int, headers: HTTPHeaders = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
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
public enum MediaType {
    public static let json = "application/json"
    public static let xml = "application/xml"
    public static let formURLEncoded = "application/x-www-form-urlencoded"
    public static let multipart = "multipart/form-data"
    public static let text = "text/plain"

    /// The `type/subtype` of a `Content-Type` value, lower-cased, without parameters.
    public static func essence(of contentType: String) -> String {
        let main = contentType.split(separator: ";", maxSplits: 1).first ?? ""
        return main.trimmingCharacters(in: .whitespaces).lowercased()
    }
}

/// Percent-encoding as RFC 3986 asks for path segments and query components.
public enum PercentEncoding {
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
}

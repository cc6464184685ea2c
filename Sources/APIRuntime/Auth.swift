import Foundation

/// A user name and password for HTTP Basic auth (RFC 7617), sent as
/// `Authorization: Basic base64(username:password)`. Its description never shows the password.
public struct BasicCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The user name; it cannot contain `:` (the client refuses to send one that does).
    public var username: String
    public var password: String

    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    public var description: String { "BasicCredentials(username: \(username), password: \(Redacted.placeholder))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["username": username, "password": Redacted.placeholder], displayStyle: .struct)
    }

    /// The `Authorization` header value.
    var headerValue: String { "Basic " + Data("\(username):\(password)".utf8).base64EncodedString() }

    /// Decodes the value of an `Authorization: Basic …` header.
    /// - Throws: 401 naming what is malformed (never the value).
    static func decode(_ header: String, challenge: String) throws(ServerError) -> BasicCredentials {
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].caseInsensitiveCompare("Basic") == .orderedSame else {
            throw .unauthorized("malformed Authorization header: expected 'Basic <credentials>'", challenge: challenge)
        }
        let encoded = parts[1].trimmingCharacters(in: .whitespaces)
        guard let data = Data(base64Encoded: encoded) else {
            throw .unauthorized(
                "malformed Authorization header: the Basic credentials are not base64", challenge: challenge)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unauthorized(
                "malformed Authorization header: the Basic credentials are not UTF-8", challenge: challenge)
        }
        guard let colon = text.firstIndex(of: ":") else {
            throw .unauthorized(
                "malformed Authorization header: the Basic credentials have no ':' between user name and password",
                challenge: challenge)
        }
        return BasicCredentials(username: String(text[..<colon]), password: String(text[text.index(after: colon)...]))
    }
}

/// A credential a client attaches to a request, by auth scheme.
@_spi(Generated) public enum AuthCredential: Sendable {
    /// `Authorization: Bearer <token>`; `nil` when the client has no token for the scheme.
    case bearer(_ scheme: String, token: String?)
    /// A secret in the header `name`; `nil` when the client has none.
    case header(_ scheme: String, name: String, value: String?)
    /// A secret in the query item `name`; `nil` when the client has none.
    case query(_ scheme: String, name: String, value: String?)
    /// A secret in the cookie `name` (percent-encoded where a cookie value needs it); `nil` when the client has none.
    case cookie(_ scheme: String, name: String, value: String?)
    /// `Authorization: Basic base64(username:password)`; `nil` when the client has none.
    case basic(_ scheme: String, BasicCredentials?)

    /// A bearer credential whose token may come from `provider`: with a provider and no token of its own
    /// the credential counts as present (an empty placeholder that ``TokenRefreshMiddleware`` replaces with
    /// the provider's token before the request is sent).
    public static func bearer(_ scheme: String, token: String?, provider: (any AccessTokenProvider)?) -> Self {
        .bearer(scheme, token: token ?? (provider == nil ? nil : ""))
    }

    var scheme: String {
        switch self {
        case .bearer(let scheme, _), .header(let scheme, _, _), .query(let scheme, _, _), .cookie(let scheme, _, _),
            .basic(let scheme, _):
            scheme
        }
    }

    var isPresent: Bool {
        switch self {
        case .bearer(_, let token): token != nil
        case .header(_, _, let value), .query(_, _, let value), .cookie(_, _, let value): value != nil
        case .basic(_, let credentials): credentials != nil
        }
    }
}

/// What a route requires of a request, by auth scheme.
@_spi(Generated) public enum AuthRequirement: Sendable {
    case bearer(_ scheme: String)
    case header(_ scheme: String, name: String)
    case query(_ scheme: String, name: String)
    case cookie(_ scheme: String, name: String)
    /// HTTP Basic; `realm` goes into the `WWW-Authenticate` challenge.
    case basic(_ scheme: String, realm: String)

    var scheme: String {
        switch self {
        case .bearer(let scheme), .header(let scheme, _), .query(let scheme, _), .cookie(let scheme, _),
            .basic(let scheme, _):
            scheme
        }
    }

    /// The `WWW-Authenticate` challenge of the requirement's kind.
    var challenge: String {
        switch self {
        case .bearer: "Bearer"
        case .header, .query, .cookie: "API-Key"
        case .basic(_, let realm): "Basic realm=\(AuthChallenge.quoted(realm)), charset=\"UTF-8\""
        }
    }
}

enum AuthChallenge {
    /// An RFC 9110 quoted-string: `"` and `\` escaped, control characters and non-ASCII replaced by `?`
    /// (a header value carries neither).
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\": result += "\\" + String(scalar)
            case " "..."~": result.unicodeScalars.append(scalar)
            default: result += "?"
            }
        }
        return result + "\""
    }
}

/// The credentials a request carried for the alternative it satisfied, by scheme name.
@_spi(Generated) public struct FoundCredentials: Sendable {
    var values: [String: String] = [:]
    var basics: [String: BasicCredentials] = [:]

    /// The token or key of a bearer, OAuth 2, OpenID Connect or API key scheme.
    public subscript(_ scheme: String) -> String? { values[scheme] }

    /// The decoded user name and password of a Basic scheme.
    public func basic(_ scheme: String) -> BasicCredentials? { basics[scheme] }
}

/// Characters a cookie value may hold as they are (RFC 6265 `cookie-octet`), minus `%`, which escapes the rest.
private let cookieValueAllowed: CharacterSet = {
    var set = CharacterSet()
    for byte in UInt8(0x21)...0x7E where ![0x22, 0x2C, 0x3B, 0x5C, 0x25].contains(byte) {
        set.insert(Unicode.Scalar(byte))
    }
    return set
}()

@_spi(Generated) extension ClientSupport {
    /// Attaches the first alternative whose credentials are all configured.
    /// - Throws: ``ClientError/missingCredential(scheme:)`` naming what is missing when none is complete;
    ///   ``ClientError/invalidRequest(_:)`` when a Basic user name contains `:`.
    public static func authorize(_ request: inout APIRequest, oneOf alternatives: [[AuthCredential]])
        throws(ClientError)
    {
        guard let chosen = alternatives.first(where: { $0.allSatisfy(\.isPresent) }) else {
            let missing = alternatives.map { group in
                group.filter { !$0.isPresent }.map(\.scheme).joined(separator: " + ")
            }
            throw .missingCredential(scheme: missing.joined(separator: " or "))
        }
        for credential in chosen {
            switch credential {
            case .bearer(_, let token?): request.headers["Authorization"] = "Bearer \(token)"
            case .header(_, let name, let value?): request.headers[name] = value
            case .query(_, let name, let value?): request.query.append(URLQueryItem(name: name, value: value))
            case .cookie(_, let name, let value?):
                let encoded = value.addingPercentEncoding(withAllowedCharacters: cookieValueAllowed) ?? value
                Cookies.add(name: name, value: encoded, to: &request.headers)
            case .basic(let scheme, let credentials?):
                guard !credentials.username.contains(":") else {
                    throw .invalidRequest(
                        ValidationErrors([
                            ValidationError(
                                path: "credentials.\(scheme).username", reason: "a Basic user name cannot contain ':'")
                        ]))
                }
                request.headers["Authorization"] = credentials.headerValue
            default: break
            }
        }
    }
}

@_spi(Generated) extension ServerRequest {
    /// The credentials of the first alternative the request satisfies, by scheme name.
    /// - Throws: 401 naming what is missing or malformed, with a `WWW-Authenticate` challenge for every
    ///   kind of scheme among the alternatives (e.g. `Basic realm="…", charset="UTF-8", Bearer`).
    public func authenticate(oneOf alternatives: [[AuthRequirement]]) throws(ServerError) -> FoundCredentials {
        var problems: [String] = []
        for group in alternatives {
            var found = FoundCredentials()
            var missing: [String] = []
            for requirement in group {
                switch requirement {
                case .bearer(let scheme):
                    do {
                        found.values[scheme] = try bearerToken()
                    } catch {
                        missing.append(error.message)
                    }
                case .header(let scheme, let name):
                    if let value = http.headers[name], !value.isEmpty {
                        found.values[scheme] = value
                    } else {
                        missing.append("missing \(name) header")
                    }
                case .query(let scheme, let name):
                    if let value = http.queryValue(name), !value.isEmpty {
                        found.values[scheme] = value
                    } else {
                        missing.append("missing \(name) query item")
                    }
                case .cookie(let scheme, let name):
                    if let value = Cookies.value(named: name, in: http.headers), !value.isEmpty {
                        found.values[scheme] = value.removingPercentEncoding ?? value
                    } else {
                        missing.append("missing \(name) cookie")
                    }
                case .basic(let scheme, _):
                    if let value = http.headers["Authorization"] {
                        do {
                            found.basics[scheme] = try BasicCredentials.decode(value, challenge: "")
                        } catch {
                            missing.append(error.message)
                        }
                    } else {
                        missing.append("missing Authorization header")
                    }
                }
            }
            if missing.isEmpty { return found }
            problems.append(missing.joined(separator: " and "))
        }
        var challenges: [String] = []
        for requirement in alternatives.joined() where !challenges.contains(requirement.challenge) {
            challenges.append(requirement.challenge)
        }
        throw .unauthorized(problems.joined(separator: "; or "), challenge: challenges.joined(separator: ", "))
    }
}

/// Supplies the access token of a bearer, OAuth 2 or OpenID Connect scheme, and a new one when the
/// server rejects it (a refresh grant, a new client-credentials token, a re-login — the provider decides).
/// Use it through ``TokenRefreshMiddleware``.
public protocol AccessTokenProvider: Sendable {
    /// The token to send now.
    func token() async throws -> String
    /// A new token after the server answered 401 to `rejected`; `nil` when there is none (the 401 stands).
    func refreshToken(after rejected: String) async throws -> String?
}

/// Sends every request that carries `Authorization: Bearer` with the ``AccessTokenProvider``'s current
/// token instead, and when the server answers 401 asks the provider for a new token and sends the
/// request once more with it — only when its body can be sent again (none, or buffered in memory; a
/// streamed body is sent once and its 401 returned).
///
/// A generated client whose service has a bearer, OAuth 2 or OpenID Connect scheme takes the provider
/// directly, `AwkwardClient(tokenProvider: tokens)`, and runs this middleware innermost (after the
/// client's own middlewares, so a retried request gets the current token). It applies to every bearer
/// scheme of the client alike, and the provider's token wins over a credential set on the client.
public struct TokenRefreshMiddleware: ClientMiddleware {
    public var provider: any AccessTokenProvider

    public init(provider: any AccessTokenProvider) { self.provider = provider }

    public func intercept(
        _ request: APIRequest, baseURL: URL,
        next: @Sendable (APIRequest, URL) async throws -> APIResponse
    ) async throws -> APIResponse {
        // `Bearer <anything>`, also `Bearer ` with an empty placeholder.
        guard let authorization = request.headers["Authorization"]?.lowercased(),
            authorization == "bearer" || authorization.hasPrefix("bearer ")
        else { return try await next(request, baseURL) }
        var request = request
        let token = try await provider.token()
        request.headers["Authorization"] = "Bearer \(token)"
        let response = try await next(request, baseURL)
        let replayable = request.body == nil || request.body?.bufferedData != nil
        guard response.status == 401, replayable, let fresh = try await provider.refreshToken(after: token),
            fresh != token
        else { return response }
        request.headers["Authorization"] = "Bearer \(fresh)"
        return try await next(request, baseURL)
    }
}

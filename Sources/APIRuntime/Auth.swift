import Foundation

/// A credential a client attaches to a request, by auth scheme.
@_spi(Generated) public enum AuthCredential: Sendable {
    /// `Authorization: Bearer <token>`; `nil` when the client has no token for the scheme.
    case bearer(_ scheme: String, token: String?)
    /// A secret in the header `name`; `nil` when the client has none.
    case header(_ scheme: String, name: String, value: String?)

    var scheme: String {
        switch self {
        case .bearer(let scheme, _), .header(let scheme, _, _): scheme
        }
    }

    var isPresent: Bool {
        switch self {
        case .bearer(_, let token): token != nil
        case .header(_, _, let value): value != nil
        }
    }
}

/// What a route requires of a request, by auth scheme.
@_spi(Generated) public enum AuthRequirement: Sendable {
    case bearer(_ scheme: String)
    case header(_ scheme: String, name: String)

    var scheme: String {
        switch self {
        case .bearer(let scheme), .header(let scheme, _): scheme
        }
    }
}

@_spi(Generated) extension ClientSupport {
    /// Attaches the first alternative whose credentials are all configured.
    /// - Throws: ``ClientError/missingCredential(scheme:)`` naming what is missing when none is complete.
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
            default: break
            }
        }
    }
}

@_spi(Generated) extension ServerRequest {
    /// The credentials of the first alternative the request satisfies, by scheme name.
    /// - Throws: 401 naming what is missing or malformed.
    public func authenticate(oneOf alternatives: [[AuthRequirement]]) throws(ServerError) -> [String: String] {
        var problems: [String] = []
        var needsBearer = false
        for group in alternatives {
            var found: [String: String] = [:]
            var missing: [String] = []
            for requirement in group {
                switch requirement {
                case .bearer(let scheme):
                    needsBearer = true
                    do {
                        found[scheme] = try bearerToken()
                    } catch {
                        missing.append(error.message)
                    }
                case .header(let scheme, let name):
                    if let value = http.headers[name], !value.isEmpty {
                        found[scheme] = value
                    } else {
                        missing.append("missing \(name) header")
                    }
                }
            }
            if missing.isEmpty { return found }
            problems.append(missing.joined(separator: " and "))
        }
        throw .unauthorized(problems.joined(separator: "; or "), challenge: needsBearer ? "Bearer" : "API-Key")
    }
}

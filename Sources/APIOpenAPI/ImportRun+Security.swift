import APIDefinition
import Foundation

/// Security schemes → auth schemes, and security requirements → auth alternatives.
extension ImportRun {
    func loadSecuritySchemes() {
        var taken: Set<String> = []
        for (index, member) in (root["components"]?["securitySchemes"]?.members ?? []).enumerated() {
            let key = member.key
            guard
                case let (scheme, pointer, _)? = dereference(
                    member.value, at: child("#/components/securitySchemes", key))
            else {
                authState.dropped.insert(key)
                continue
            }
            var kind: AuthScheme.Kind?
            let type = scheme["type"]?.stringValue ?? ""
            switch type {
            case "http":
                let name = (scheme["scheme"]?.stringValue ?? "").lowercased()
                if name == "bearer" {
                    kind = .bearer(format: scheme["bearerFormat"]?.stringValue)
                } else if name == "basic" {
                    kind = .basic
                } else {
                    warn(
                        pointer,
                        "HTTP \(name) authentication is not supported (only basic and bearer); the scheme '\(key)' is dropped"
                    )
                }
            case "apiKey":
                let location = scheme["in"]?.stringValue ?? ""
                let name = scheme["name"]?.stringValue ?? ""
                switch location {
                case "header" where !name.isEmpty: kind = .apiKeyHeader(name: name)
                case "query" where !name.isEmpty: kind = .apiKeyQuery(name: name)
                case "cookie" where !name.isEmpty: kind = .apiKeyCookie(name: name)
                default:
                    warn(
                        pointer,
                        "API keys in the \(location.isEmpty ? "unnamed place" : location) are not supported (only in a header, query or cookie, with a name); the scheme '\(key)' is dropped"
                    )
                }
            case "oauth2":
                kind = oauthFlows(scheme["flows"], at: child(pointer, "flows"), key: key).map { .oauth2(flows: $0) }
            case "openIdConnect":
                if let url = nonEmpty(scheme["openIdConnectUrl"]?.stringValue) {
                    kind = .openIdConnect(url: url)
                } else {
                    warn(pointer, "the openIdConnect scheme '\(key)' has no 'openIdConnectUrl'; the scheme is dropped")
                }
            default:
                warn(pointer, "\(type) security schemes are not supported; the scheme '\(key)' is dropped")
            }
            guard let kind else {
                authState.dropped.insert(key)
                continue
            }
            var name = key
            var reason: String?
            if Naming.words(key).isEmpty {
                name = "scheme\(index + 1)"
                reason = "'\(key)' has no letters or digits"
            } else if Naming.keywords.contains(Naming.lowerCamel(key))
                || Self.redactionMembers.contains(Naming.lowerCamel(key))
            {
                name = Naming.lowerCamel(key) + "Auth"
                reason = "'\(key)' clashes with a member of the generated credentials"
            }
            if taken.contains(Naming.lowerCamel(name)) {
                name = Self.numbered(name) { taken.contains(Naming.lowerCamel($0)) }
                reason = "another scheme has the same Swift name"
            }
            taken.insert(Naming.lowerCamel(name))
            if let reason { warn(pointer, "the security scheme '\(key)' is named '\(name)': \(reason)") }
            authState.schemeNames[key] = name
            authState.schemes.append(
                AuthScheme(name: name, kind: kind, doc: nonEmpty(scheme["description"]?.stringValue)))
        }
    }

    /// The flows of an `oauth2` scheme, in the document's order; `nil` (with a warning) when none is usable.
    func oauthFlows(_ flows: OrderedJSON?, at pointer: String, key: String) -> [OAuthFlow]? {
        var result: [OAuthFlow] = []
        for member in flows?.members ?? [] {
            let flowPointer = child(pointer, member.key)
            guard let kind = OAuthFlow.Kind(rawValue: member.key) else {
                warn(flowPointer, "the OAuth 2 flow '\(member.key)' is not supported; the flow is dropped")
                continue
            }
            let flow = member.value
            let authorizationURL = nonEmpty(flow["authorizationUrl"]?.stringValue)
            let tokenURL = nonEmpty(flow["tokenUrl"]?.stringValue)
            let complete =
                switch kind {
                case .implicit: authorizationURL != nil
                case .password, .clientCredentials: tokenURL != nil
                case .authorizationCode: authorizationURL != nil && tokenURL != nil
                }
            guard complete else {
                warn(flowPointer, "the OAuth 2 flow '\(member.key)' lacks the URLs it needs; the flow is dropped")
                continue
            }
            let scopes = (flow["scopes"]?.members ?? []).map {
                OAuthScope(name: $0.key, doc: nonEmpty($0.value.stringValue))
            }
            result.append(
                OAuthFlow(
                    kind: kind,
                    authorizationURL: kind == .password || kind == .clientCredentials ? nil : authorizationURL,
                    tokenURL: kind == .implicit ? nil : tokenURL, refreshURL: nonEmpty(flow["refreshUrl"]?.stringValue),
                    scopes: scopes))
        }
        if result.isEmpty {
            warn(pointer, "the oauth2 scheme '\(key)' has no usable flow; the scheme is dropped")
            return nil
        }
        return result
    }

    /// The auth alternatives of a `security` array.
    func auth(_ requirements: OrderedJSON, at pointer: String) -> [[AuthUse]] {
        guard let list = requirements.arrayValue else {
            warn(pointer, "'security' must be an array; ignored")
            return []
        }
        var alternatives: [[AuthUse]] = []
        var optional = false
        for (index, requirement) in list.enumerated() {
            let requirementPointer = child(pointer, index)
            let members = requirement.members ?? []
            if members.isEmpty {
                optional = true
                continue
            }
            var names: [AuthUse] = []
            var usable = true
            for member in members {
                if let name = authState.schemeNames[member.key] {
                    let requested = (member.value.arrayValue ?? []).compactMap { nonEmpty($0.stringValue) }
                    var scopes: [String] = []
                    var dropped = false
                    let kind = authState.schemes.first { $0.name == name }?.kind
                    for scope in requested where !scopes.contains(scope) {
                        switch kind {
                        case .oauth2(let flows) where flows.contains(where: { $0.scopes.contains { $0.name == scope } }):
                            scopes.append(scope)
                        case .openIdConnect?: scopes.append(scope)
                        default: dropped = true
                        }
                    }
                    if dropped {
                        warn(
                            child(requirementPointer, member.key),
                            "scopes or roles cannot be expressed (roles, or scopes no flow offers); only the scheme and its offered scopes are required"
                        )
                    }
                    names.append(AuthUse(scheme: name, scopes: scopes))
                } else if authState.dropped.contains(member.key) {
                    warn(
                        requirementPointer,
                        "this alternative uses '\(member.key)', which is not supported; the alternative is dropped")
                    usable = false
                } else {
                    warn(
                        requirementPointer,
                        "the security scheme '\(member.key)' is not declared; the alternative is dropped")
                    usable = false
                }
            }
            if usable, !alternatives.contains(names) { alternatives.append(names) }
        }
        if optional {
            warn(
                pointer,
                "an empty security requirement makes auth optional, which cannot be expressed; the operation needs no auth"
            )
            return []
        }
        return alternatives
    }
}

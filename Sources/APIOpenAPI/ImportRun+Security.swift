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
                } else {
                    warn(pointer, "HTTP \(name) authentication is not supported; the scheme '\(key)' is dropped")
                }
            case "apiKey":
                let location = scheme["in"]?.stringValue ?? ""
                if location == "header", let header = scheme["name"]?.stringValue, !header.isEmpty {
                    kind = .apiKeyHeader(name: header)
                } else {
                    warn(
                        pointer,
                        "API keys in the \(location) are not supported (only in a header); the scheme '\(key)' is dropped"
                    )
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
                let base = name
                var number = 2
                while taken.contains(Naming.lowerCamel("\(base)\(number)")) { number += 1 }
                name = "\(base)\(number)"
                reason = "another scheme has the same Swift name"
            }
            taken.insert(Naming.lowerCamel(name))
            if let reason { warn(pointer, "the security scheme '\(key)' is named '\(name)': \(reason)") }
            authState.schemeNames[key] = name
            authState.schemes.append(
                AuthScheme(name: name, kind: kind, doc: nonEmpty(scheme["description"]?.stringValue)))
        }
    }

    /// The auth alternatives of a `security` array.
    func auth(_ requirements: OrderedJSON, at pointer: String) -> [[String]] {
        guard let list = requirements.arrayValue else {
            warn(pointer, "'security' must be an array; ignored")
            return []
        }
        var alternatives: [[String]] = []
        var optional = false
        for (index, requirement) in list.enumerated() {
            let requirementPointer = child(pointer, index)
            let members = requirement.members ?? []
            if members.isEmpty {
                optional = true
                continue
            }
            var names: [String] = []
            var usable = true
            for member in members {
                if let name = authState.schemeNames[member.key] {
                    names.append(name)
                    if let scopes = member.value.arrayValue, !scopes.isEmpty {
                        warn(
                            child(requirementPointer, member.key),
                            "scopes or roles cannot be expressed; only the scheme is required")
                    }
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

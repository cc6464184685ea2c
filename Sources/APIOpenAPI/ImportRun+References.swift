import APIDefinition
import Foundation

/// JSON pointers into the document, and resolving the local `$ref`s in it.
extension ImportRun {
    static func escape(_ token: String) -> String {
        guard token.contains(where: { $0 == "~" || $0 == "/" }) else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    static func unescape(_ token: Substring) -> String {
        guard token.contains("~") else { return String(token) }
        return token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }

    func child(_ pointer: String, _ token: String) -> String { pointer + "/" + Self.escape(token) }

    func child(_ pointer: String, _ index: Int) -> String { pointer + "/\(index)" }

    /// The key of a `#/components/schemas/<key>` reference.
    func componentKey(_ ref: String) -> String? {
        let prefix = "#/components/schemas/"
        guard ref.hasPrefix(prefix) else { return nil }
        let rest = ref.dropFirst(prefix.count)
        guard !rest.contains("/") else { return nil }
        let key = Self.unescape(rest)
        return key.removingPercentEncoding ?? key
    }

    func componentPointer(_ key: String) -> String { "#/components/schemas/" + Self.escape(key) }

    /// The value a local reference points at, and its canonical pointer.
    func resolveLocal(_ ref: String) -> (value: OrderedJSON, pointer: String)? {
        guard ref.hasPrefix("#") else { return nil }
        var fragment = String(ref.dropFirst())
        fragment = fragment.removingPercentEncoding ?? fragment
        if fragment.isEmpty { return (root, "#") }
        guard fragment.hasPrefix("/") else { return nil }
        var node = root
        var pointer = "#"
        for token in fragment.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let key = Self.unescape(token)
            switch node {
            case .object(let members):
                guard let member = members.first(where: { $0.key == key }) else { return nil }
                node = member.value
            case .array(let values):
                guard let index = Int(key), values.indices.contains(index) else { return nil }
                node = values[index]
            default: return nil
            }
            pointer = child(pointer, key)
        }
        return (node, pointer)
    }

    /// Follows a `$ref` (one level) where a component other than a schema is expected.
    func dereference(_ value: OrderedJSON, at pointer: String) -> (value: OrderedJSON, pointer: String, key: String?)? {
        guard let ref = value["$ref"]?.stringValue else { return (value, pointer, nil) }
        guard ref.hasPrefix("#") else {
            warn(pointer, "the external reference '\(ref)' is not followed; dropped")
            return nil
        }
        guard let target = resolveLocal(ref) else {
            fail(pointer, "the reference '\(ref)' does not resolve")
            return nil
        }
        let key = ref.split(separator: "/").last.map { Self.unescape($0) }
        if target.value["$ref"] != nil { return dereference(target.value, at: target.pointer) }
        return (target.value, target.pointer, key)
    }
}

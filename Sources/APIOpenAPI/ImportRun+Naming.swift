import APIDefinition
import Foundation

/// Type and operation names: which names the document keeps, which are renamed, and the names
/// generated code takes.
extension ImportRun {
    /// Whether the checker accepts `name` as a type name (asked of the checker itself, so that the
    /// rule cannot drift: its reserved names are not public).
    func isUsableTypeName(_ name: String) -> Bool {
        if let known = typeNames.usable[name] { return known }
        let probe = Definition(
            file: "", formatVersion: 1,
            service: Service(name: "ImportProbe", title: nil, doc: nil, baseURL: "https://example.com"), auth: [],
            types: [TypeDeclaration(name: name, doc: nil, kind: .object(fields: []))], operations: [])
        let usable = !DefinitionChecker.check(probe).contains { $0.path == "types[0].name" }
        typeNames.usable[name] = usable
        return usable
    }

    /// A new, unique, usable type name for `raw`, and why it differs from `raw`.
    func newTypeName(_ raw: String) -> (name: String, reason: String?) {
        var name = raw
        var reason: String?
        if !Naming.isIdentifier(raw) || Naming.words(raw).isEmpty {
            name = Naming.upperCamel(raw)
            if Naming.words(raw).isEmpty || !Naming.isIdentifier(name) { name = "Schema" }
            reason = "'\(raw)' is not a Swift identifier"
        }
        while !isUsableTypeName(name) || typeNames.generated.contains(Naming.type(name)) {
            if reason == nil {
                if Naming.keywords.contains(name) {
                    reason = "'\(raw)' is a Swift keyword"
                } else if typeNames.generated.contains(Naming.type(name)) {
                    reason = "'\(raw)' is a name apigen generates"
                } else if TypeRef.parse(name) != .named(name) {
                    reason = "'\(raw)' is a primitive type name"
                } else {
                    reason = "'\(raw)' would shadow a type generated code uses"
                }
            }
            name = Naming.upperCamel(name) + "Model"
        }
        // Names are unique as Swift spells them: 'repository' and 'Repository' are one.
        if typeNames.taken.contains(Naming.type(name)) {
            name = Self.numbered(name) { typeNames.taken.contains(Naming.type($0)) }
            reason = reason ?? "another type is already named '\(raw)'"
        }
        typeNames.taken.insert(Naming.type(name))
        return (name, reason)
    }

    func nameSchemas() {
        for member in root["components"]?["schemas"]?.members ?? [] where components.schemas[member.key] == nil {
            components.keys.append(member.key)
            components.schemas[member.key] = member.value
            components.keyByPointer[componentPointer(member.key)] = member.key
        }
        expandInheritance()
        for (index, key) in components.keys.enumerated() {
            components.ranks[key] = index
            let pointer = componentPointer(key)
            if componentForm(key) == .other {
                components.baseNames[key] = Naming.isIdentifier(key) ? key : Naming.upperCamel(key)
                continue
            }
            let (name, reason) = newTypeName(key)
            if let reason { warn(pointer, "the schema '\(key)' is named '\(name)': \(reason)") }
            components.typeNames[key] = name
            components.baseNames[key] = name
            components.keyByTypeName[name] = key
            declared.namesByPointer[pointer] = name
        }
    }

    /// The form of a component schema, computed once (a schema that refers to itself while its form
    /// is being decided counts as not an object there).
    func componentForm(_ key: String) -> Form {
        if let known = components.forms[key] { return known }
        guard let schema = components.schemas[key] else { return .other }
        components.forms[key] = .other
        let computed = form(of: schema, component: true)
        components.forms[key] = computed
        return computed
    }

    func nameOperations(_ pending: inout [PendingOperation]) {
        var taken: Set<String> = []
        for index in pending.indices {
            let item = pending[index]
            let id = item.json["operationId"]?.stringValue ?? ""
            var name: String
            var reason: String?
            if !Naming.words(id).isEmpty, Naming.isIdentifier(Naming.lowerCamel(id)) {
                name = id
                if Naming.keywords.contains(Naming.lowerCamel(id)) {
                    name = Naming.lowerCamel(id) + "Operation"
                    reason = "'\(id)' is a Swift keyword"
                } else if let owner = ReservedNames.clash(Naming.lowerCamel(id), in: ReservedNames.serviceMembers) {
                    name = Naming.lowerCamel(id) + "Operation"
                    reason = "it clashes with \(owner)"
                }
            } else {
                var words = [item.method.lowercased()]
                for segment in item.path.split(separator: "/") {
                    if segment.hasPrefix("{"), segment.hasSuffix("}") {
                        words += ["by", String(segment.dropFirst().dropLast())]
                    } else {
                        words.append(String(segment))
                    }
                }
                name = Naming.lowerCamel(words.joined(separator: "_"))
                reason = id.isEmpty ? nil : "'\(id)' cannot be made a Swift method name"
                if id.isEmpty { warn(item.pointer, "the operation has no operationId; it is named '\(name)'") }
            }
            if taken.contains(Naming.lowerCamel(name)) {
                name = Self.numbered(name) { taken.contains(Naming.lowerCamel($0)) }
                reason = "another operation has the same Swift name"
            }
            taken.insert(Naming.lowerCamel(name))
            if let reason {
                warn(child(item.pointer, "operationId"), "the operation '\(id)' is named '\(name)': \(reason)")
            }
            pending[index].name = name
            typeNames.generated.insert(Naming.upperCamel(name) + "Input")
            typeNames.generated.insert(Naming.upperCamel(name) + "Output")
        }
    }
}

extension ImportRun {
    /// `base` with the smallest number from 2 on appended that `isTaken` does not refuse (`name2`, `name3`, …):
    /// how the import makes a clashing name unique.
    static func numbered(_ base: String, isTaken: (String) -> Bool) -> String {
        var number = 2
        while isTaken("\(base)\(number)") { number += 1 }
        return "\(base)\(number)"
    }
}

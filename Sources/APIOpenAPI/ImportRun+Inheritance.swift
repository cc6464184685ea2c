import APIDefinition
import Foundation

/// Polymorphism by inheritance: a base schema with a `discriminator` and no `oneOf` or `anyOf`, whose
/// subtypes take its fields through `allOf` (as Java and .NET generators write it). OpenAPI reads a
/// reference to such a base as "any of its subtypes, told apart by the discriminator", which the
/// definition says with a oneOf. So before conversion the base's key becomes that oneOf (its variants:
/// the mapping's targets, then every schema whose `allOf` refers to the base) and its object moves to
/// a key of its own (`<Base>Base`), which the subtypes' `allOf` parts then refer to; the base object is
/// a variant itself only when the mapping names it.
extension ImportRun {
    func expandInheritance() {
        for key in components.keys {
            guard let schema = components.schemas[key], schema["oneOf"] == nil, schema["anyOf"] == nil,
                let discriminator = schema["discriminator"],
                let property = discriminator["propertyName"]?.stringValue, !property.isEmpty
            else { continue }
            var entries: [(value: String, key: String)] = []
            for entry in discriminator["mapping"]?.members ?? [] {
                guard let target = entry.value.stringValue,
                    let targetKey = componentKey(target) ?? (target.contains("/") || target.contains("#") ? nil : target),
                    components.schemas[targetKey] != nil
                else { continue }  // the oneOf's conversion says so
                entries.append((entry.key, targetKey))
            }
            for other in components.keys where other != key && refersInAllOf(components.schemas[other], to: key) {
                if !entries.contains(where: { $0.key == other }) { entries.append((other, other)) }
            }
            guard entries.contains(where: { $0.key != key }) else { continue }  // no subtype: a plain object
            var baseKey = key + "Base"
            var number = 2
            while components.schemas[baseKey] != nil {
                baseKey = key + "Base\(number)"
                number += 1
            }
            components.keys.append(baseKey)
            components.schemas[baseKey] = removing("discriminator", from: schema)
            components.keyByPointer[componentPointer(baseKey)] = baseKey
            components.shownPointers[componentPointer(baseKey)] = componentPointer(key)
            for other in components.keys where other != baseKey {
                if let part = components.schemas[other], refersInAllOf(part, to: key) {
                    components.schemas[other] = redirectingAllOf(part, from: key, to: baseKey)
                }
            }
            var variants: [String] = []
            var mapping: [OrderedJSON.Member] = []
            for entry in entries {
                let variant = entry.key == key ? baseKey : entry.key
                if !variants.contains(variant) { variants.append(variant) }
                mapping.append(.init(entry.value, .string(componentPointer(variant))))
            }
            var members: [OrderedJSON.Member] = (schema.members ?? []).filter {
                ["description", "title", "deprecated", "nullable"].contains($0.key) || $0.key.hasPrefix("x-")
            }
            members.append(.init("oneOf", .array(variants.map { .object([.init("$ref", .string(componentPointer($0)))]) })))
            members.append(
                .init(
                    "discriminator",
                    .object([.init("propertyName", .string(property)), .init("mapping", .object(mapping))])))
            components.schemas[key] = .object(members)
        }
    }

    /// Whether `schema`'s `allOf` lists a reference to the component `key`.
    private func refersInAllOf(_ schema: OrderedJSON?, to key: String) -> Bool {
        (schema?["allOf"]?.arrayValue ?? []).contains { part in
            part["$ref"]?.stringValue.flatMap(componentKey) == key
        }
    }

    private func redirectingAllOf(_ schema: OrderedJSON, from key: String, to newKey: String) -> OrderedJSON {
        guard case .object(var members) = schema, let index = members.firstIndex(where: { $0.key == "allOf" }),
            case .array(let parts) = members[index].value
        else { return schema }
        members[index].value = .array(
            parts.map { part in
                part["$ref"]?.stringValue.flatMap(componentKey) == key
                    ? .object([.init("$ref", .string(componentPointer(newKey)))]) : part
            })
        return .object(members)
    }

    private func removing(_ name: String, from schema: OrderedJSON) -> OrderedJSON {
        guard case .object(let members) = schema else { return schema }
        return .object(members.filter { $0.key != name })
    }

    /// The pointer a warning shows: a moved base object's warnings point into the document's base schema.
    func shownPointer(_ pointer: String) -> String {
        for (moved, original) in components.shownPointers where pointer == moved || pointer.hasPrefix(moved + "/") {
            return original + pointer.dropFirst(moved.count)
        }
        return pointer
    }
}

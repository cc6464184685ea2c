import APIDefinition
import Foundation

/// Types that would contain themselves: fields that break a cycle, and renames of recursive types.
extension ImportRun {
    /// Recursive schemas become recursive types (generated code stores them out of line). Only a
    /// cycle of required, non-nullable fields, which no finite value satisfies, is broken: one of
    /// its fields is made optional.
    func breakCycles() {
        while true {
            let types = declared.order.sorted { ($0.rank, $0.sequence) < ($1.rank, $1.sequence) }.compactMap {
                declared.declarations[$0.name]
            }
            let infinite = Recursion(types: types).infiniteTypes
            guard !infinite.isEmpty, let (typeName, fieldIndex, cycle) = findCycle(within: infinite),
                case .object(var fields)? = declared.declarations[typeName]?.kind
            else { return }
            let field = fields[fieldIndex]
            fields[fieldIndex].required = false
            declared.declarations[typeName]?.kind = .object(fields: fields)
            warn(
                declared.fieldOrigins[typeName]?[field.name] ?? "#",
                "'\(typeName).\(field.name)' makes \(cycle.joined(separator: " → ")) contain itself without end (every field on the way is required); the field is made optional"
            )
        }
    }

    /// Recursive types get generated descriptions (like sensitive ones) and store their recursive
    /// fields in `_<name>`: fields whose Swift names clash with those are renamed.
    func renameForRecursion() {
        let types = declared.order.sorted { ($0.rank, $0.sequence) < ($1.rank, $1.sequence) }.compactMap {
            declared.declarations[$0.name]
        }
        let recursion = Recursion(types: types)
        for type in types {
            guard let indirect = recursion.indirectFields[type.name], case .object(var fields) = type.kind else {
                continue
            }
            let storage = Set(fields.filter { indirect.contains($0.name) }.map { "_" + Naming.property($0) })
            var taken = Set(fields.map(Naming.property))
            var changed = false
            for index in fields.indices where indirect.contains(fields[index].name) && fields[index].deprecated != nil {
                fields[index].deprecated = nil
                fields[index].doc = Self.paragraphs(fields[index].doc, "Deprecated.")
                changed = true
                warn(
                    child(declared.fieldOrigins[type.name]?[fields[index].name] ?? "#", "deprecated"),
                    "a field that makes its type recursive cannot be deprecated yet; noted in the doc comment")
            }
            for index in fields.indices {
                let swift = Naming.property(fields[index])
                let reason: String
                if Self.redactionMembers.contains(swift) {
                    reason = "it clashes with the description code generated for recursive types"
                } else if storage.contains(swift) {
                    reason = "it clashes with the storage of the recursive field '\(swift.dropFirst())'"
                } else {
                    continue
                }
                var renamed = swift + "Value"
                var number = 2
                while taken.contains(renamed) || storage.contains(renamed) {
                    renamed = "\(swift)Value\(number)"
                    number += 1
                }
                taken.insert(renamed)
                fields[index].swiftName = renamed
                changed = true
                warn(
                    declared.fieldOrigins[type.name]?[fields[index].name] ?? "#",
                    "the field '\(fields[index].name)' is '\(renamed)' in Swift: \(reason)")
            }
            if changed { declared.declarations[type.name]?.kind = .object(fields: fields) }
        }
    }

    /// A cycle among `types` through required, non-nullable fields and oneOf alternatives, and the
    /// field on it to break.
    func findCycle(within types: Set<String>) -> (type: String, field: Int, cycle: [String])? {
        func edges(_ name: String) -> [(target: String, field: Int?)] {
            switch declared.declarations[name]?.kind {
            case .object(let fields)?:
                return fields.enumerated().compactMap { index, field in
                    guard field.required, !field.nullable, case .named(let target) = field.type,
                        types.contains(target)
                    else { return nil }
                    return (target, index)
                }
            case .oneOf(let variants, _)?:
                return variants.filter { types.contains($0.type) }.map { ($0.type, nil) }
            case .anyOf(let variants)?:
                return variants.compactMap { variant in
                    guard case .named(let target) = variant.type, types.contains(target) else { return nil }
                    return (target, nil)
                }
            default:
                return []
            }
        }
        let names = declared.order.sorted { ($0.rank, $0.sequence) < ($1.rank, $1.sequence) }.map(\.name)
            .filter(types.contains)
        var color: [String: Int] = [:]
        for start in names where color[start] == nil {
            var stack: [(node: String, edges: [(target: String, field: Int?)], next: Int)] = [(start, edges(start), 0)]
            color[start] = 1
            while let top = stack.indices.last {
                guard stack[top].next < stack[top].edges.count else {
                    color[stack[top].node] = 2
                    stack.removeLast()
                    continue
                }
                let edge = stack[top].edges[stack[top].next]
                stack[top].next += 1
                switch color[edge.target] {
                case 1?:
                    guard let first = stack.firstIndex(where: { $0.node == edge.target }) else { continue }
                    let cycle = stack[first...].map(\.node) + [edge.target]
                    if let field = edge.field { return (stack[top].node, field, cycle) }
                    for index in stride(from: top - 1, through: first, by: -1) {
                        if let field = stack[index].edges[stack[index].next - 1].field {
                            return (stack[index].node, field, cycle)
                        }
                    }
                case nil:
                    color[edge.target] = 1
                    stack.append((edge.target, edges(edge.target), 0))
                default:
                    continue
                }
            }
        }
        return nil
    }
}

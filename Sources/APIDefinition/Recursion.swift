/// Which fields make a type contain itself, and so need indirect storage.
///
/// A Swift struct cannot hold a value of its own type inline, directly or through other structs,
/// optionals or enums (arrays and dictionaries already store their elements out of line). The
/// "contains by value" graph has an edge from an object type to the object or oneOf type of each
/// field that is not an array or a map, and from a oneOf to each of its variants. Every field whose
/// edge stays inside one strongly connected component of that graph (a self-reference included) is
/// stored indirectly. Every cycle passes through at least one object field (oneOf variants are
/// objects), so that breaks them all.
public struct Recursion: Sendable, Hashable {
    /// Type name → wire names of its fields that are stored indirectly.
    public private(set) var indirectFields: [String: Set<String>] = [:]

    /// Whether `field` of the object type `type` is stored indirectly.
    public func isIndirect(_ type: String, _ field: String) -> Bool {
        indirectFields[type]?.contains(field) ?? false
    }

    /// The types that have an indirectly stored field.
    public var recursiveTypes: Set<String> { Set(indirectFields.keys) }

    /// anyOf type → its variants (type names, in order) that lead back to it: each would decode the same
    /// payload again at every level, so two or more make decoding exponential (the checker refuses it).
    public private(set) var anyOfVariantsOnCycles: [String: [String]] = [:]

    /// Object and oneOf types that have no finite value: every value would contain another one
    /// through required, non-nullable fields (`{"name": "next", "type": "Node"}` in `Node`).
    public private(set) var infiniteTypes: Set<String> = []

    /// Finds the recursive fields of `definition` (types it does not declare are ignored).
    public init(_ definition: Definition) { self.init(types: definition.types) }

    /// Finds the recursive fields among `types` (names they do not declare are ignored).
    public init(types: [TypeDeclaration]) {
        let names = types.map(\.name)
        var position: [String: Int] = [:]
        for (index, name) in names.enumerated() where position[name] == nil { position[name] = index }
        // Edges by position, in declaration order: (target, field wire name or nil for a variant).
        var edges: [[(target: Int, field: String?)]] = Array(repeating: [], count: names.count)
        for (index, type) in types.enumerated() where position[type.name] == index {
            switch type.kind {
            case .object(let fields):
                for field in fields {
                    guard case .named(let target) = field.type, let to = position[target],
                        types[to].isObjectOrOneOf
                    else { continue }
                    edges[index].append((to, field.name))
                }
            case .oneOf(let variants, _):
                for variant in variants {
                    guard let to = position[variant.type], types[to].isObjectOrOneOf else { continue }
                    edges[index].append((to, nil))
                }
            case .anyOf(let variants):
                for variant in variants {
                    guard case .named(let target) = variant.type, let to = position[target], types[to].isObjectOrOneOf
                    else { continue }
                    edges[index].append((to, nil))
                }
            case .enumeration:
                break
            }
        }
        infiniteTypes = Self.infiniteTypes(types, position)
        let component = Self.components(edges.map { $0.map(\.target) })
        for (from, list) in edges.enumerated() {
            for edge in list where component[edge.target] == component[from] {
                guard let field = edge.field else { continue }
                indirectFields[names[from], default: []].insert(field)
            }
        }
        anyOfVariantsOnCycles = Self.anyOfVariantsOnCycles(types, position)
    }

    /// Each anyOf's variants that lead back to it through anything at all (fields, arrays, maps,
    /// variants): the cycles of the "contains" graph, where arrays and maps count too.
    static func anyOfVariantsOnCycles(_ types: [TypeDeclaration], _ position: [String: Int]) -> [String: [String]] {
        guard types.contains(where: { if case .anyOf = $0.kind { true } else { false } }) else { return [:] }
        var successors: [[Int]] = Array(repeating: [], count: types.count)
        for (index, type) in types.enumerated() where position[type.name] == index {
            var targets: [TypeRef] = []
            switch type.kind {
            case .object(let fields):
                targets = fields.map(\.type) + (type.additionalProperties.map { [$0] } ?? [])
            case .oneOf(let variants, _): targets = variants.map { .named($0.type) }
            case .anyOf(let variants): targets = variants.map(\.type)
            case .enumeration: break
            }
            successors[index] = targets.compactMap { target in
                guard case .named(let name) = target.element else { return nil }
                return position[name]
            }
        }
        let component = components(successors)
        var result: [String: [String]] = [:]
        for (index, type) in types.enumerated() where position[type.name] == index {
            guard case .anyOf(let variants) = type.kind else { continue }
            let onCycle = variants.compactMap { variant -> String? in
                guard case .named(let name) = variant.type, let to = position[name], component[to] == component[index]
                else { return nil }
                return name
            }
            if !onCycle.isEmpty { result[type.name] = onCycle }
        }
        return result
    }

    /// The types with no finite value: the least fixed point of "has a finite value", where an object
    /// has one when all its required, non-nullable fields of declared types do, and a oneOf when
    /// any variant does (a oneOf with an undeclared variant counts as finite; the checker reports
    /// that). Linear in the number of types and fields.
    static func infiniteTypes(_ types: [TypeDeclaration], _ position: [String: Int]) -> Set<String> {
        // waiting[i]: how many more finite types the type at i needs (a oneOf needs one).
        var waiting = Array(repeating: 0, count: types.count)
        var dependents: [[Int]] = Array(repeating: [], count: types.count)
        for (index, type) in types.enumerated() where position[type.name] == index {
            switch type.kind {
            case .enumeration:
                break
            case .object(let fields):
                for field in fields where field.required && !field.nullable {
                    guard case .named(let target) = field.type, let to = position[target] else { continue }
                    waiting[index] += 1
                    dependents[to].append(index)
                }
            case .oneOf(let variants, _):
                let declared = variants.compactMap { position[$0.type] }
                if declared.count == variants.count, !declared.isEmpty {
                    waiting[index] = 1
                    for to in declared { dependents[to].append(index) }
                }
            case .anyOf(let variants):
                // Finite when any variant is: a primitive always is.
                let declared = variants.compactMap { variant -> Int? in
                    guard case .named(let target) = variant.type else { return nil }
                    return position[target]
                }
                if declared.count == variants.count, !declared.isEmpty {
                    waiting[index] = 1
                    for to in declared { dependents[to].append(index) }
                }
            }
        }
        var finite = Array(repeating: false, count: types.count)
        var queue = types.indices.filter { waiting[$0] == 0 && position[types[$0].name] == $0 }
        for index in queue { finite[index] = true }
        while let index = queue.popLast() {
            for dependent in dependents[index] where !finite[dependent] {
                waiting[dependent] -= 1
                if waiting[dependent] == 0 {
                    finite[dependent] = true
                    queue.append(dependent)
                }
            }
        }
        return Set(types.indices.filter { !finite[$0] && position[types[$0].name] == $0 }.map { types[$0].name })
    }

    /// The strongly connected component of each node (Tarjan's algorithm, iterative so that a long
    /// chain of types cannot overflow the stack).
    static func components(_ successors: [[Int]]) -> [Int] {
        let count = successors.count
        var index = Array(repeating: -1, count: count)
        var low = Array(repeating: 0, count: count)
        var onStack = Array(repeating: false, count: count)
        var component = Array(repeating: -1, count: count)
        var stack: [Int] = []
        var next = 0
        var components = 0
        for root in 0..<count where index[root] < 0 {
            var work: [(node: Int, edge: Int)] = [(root, 0)]
            index[root] = next
            low[root] = next
            next += 1
            stack.append(root)
            onStack[root] = true
            while let (node, edge) = work.last {
                if edge < successors[node].count {
                    work[work.count - 1].edge += 1
                    let target = successors[node][edge]
                    if index[target] < 0 {
                        index[target] = next
                        low[target] = next
                        next += 1
                        stack.append(target)
                        onStack[target] = true
                        work.append((target, 0))
                    } else if onStack[target] {
                        low[node] = min(low[node], index[target])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.node { low[parent] = min(low[parent], low[node]) }
                guard low[node] == index[node] else { continue }
                while let member = stack.popLast() {
                    onStack[member] = false
                    component[member] = components
                    if member == node { break }
                }
                components += 1
            }
        }
        return component
    }
}

extension TypeDeclaration {
    /// Whether values of this type are generated structs or enums of structs (not string enums).
    var isObjectOrOneOf: Bool {
        if case .enumeration = kind { return false }
        return true
    }
}

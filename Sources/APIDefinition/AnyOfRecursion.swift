/// When a recursive anyOf would decode in exponential time. Decoding tries every variant on the same
/// payload; a variant whose string constants the payload does not hold is ruled out without decoding.
/// So when two variants lead back to the anyOf and the payload can be both, every level decodes what
/// is below it twice. The checker refuses that, and the importer avoids it.
public enum AnyOfRecursion {
    /// An object type's string constants (wire name, value), in field order; none for other types.
    public static func stringConstants(_ declaration: TypeDeclaration?) -> [(key: String, value: String)] {
        guard let declaration else { return [] }
        return declaration.fields.compactMap { field in
            guard case .string(let value)? = field.constant else { return nil }
            return (field.name, value)
        }
    }

    /// Whether no payload can be both: a field both have as a string constant, with different values.
    public static func excludeEachOther(_ first: TypeDeclaration?, _ second: TypeDeclaration?) -> Bool {
        let others = stringConstants(second)
        return stringConstants(first).contains { constant in
            others.contains { $0.key == constant.key && $0.value != constant.value }
        }
    }

    /// anyOf type name → two of its variants that both lead back to it and that a payload can be both
    /// at once: the anyOfs that would decode in exponential time.
    public static func exponential(
        _ recursion: Recursion, declaration: (String) -> TypeDeclaration?
    ) -> [String: (String, String)] {
        var result: [String: (String, String)] = [:]
        for (name, onCycle) in recursion.anyOfVariantsOnCycles where onCycle.count > 1 {
            search: for (index, first) in onCycle.enumerated() {
                for second in onCycle[(index + 1)...]
                where !excludeEachOther(declaration(first), declaration(second)) {
                    result[name] = (first, second)
                    break search
                }
            }
        }
        return result
    }
}

import APIDefinition
import Foundation

/// Default and constant values, numbers as JSON writes them, and doc text.
extension ImportRun {
    static func scalar(_ value: OrderedJSON) -> JSONValue? {
        switch value {
        case .string(let text): .string(text)
        case .int(let number): .integer(number)
        case .double(let number):
            number.rounded() == number && abs(number) < 1e15 ? .integer(Int(number)) : .number(number)
        case .bool(let flag): .boolean(flag)
        default: nil
        }
    }

    /// Whether a value fits a type, by the checker's rules.
    /// Whether the checker accepts `value` as a default or constant of `type` (its own rule, so
    /// that the two cannot drift).
    func fits(_ value: JSONValue, _ type: TypeRef, _ constraints: Constraints) -> Bool {
        DefinitionValues.problem(
            with: value, for: type, constraints: constraints,
            enumValues: { name in
                if case .enumeration(let values, _)? = self.declaration(name)?.kind { return values }
                return nil
            }) == nil
    }

    /// A number as JSON writes it: `100`, not `100.0`.
    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    static func paragraphs(_ first: String?, _ second: String) -> String {
        guard let first, !first.isEmpty else { return second }
        return first + "\n\n" + second
    }

    func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return text
    }
}

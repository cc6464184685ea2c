import APIDefinition

/// How constraints reach generated code, for models and operation inputs alike: their description in
/// docs, the validator calls that check them, and the `Constrained` conformance that holds those calls.
enum ConstraintSource {
    /// "non-empty, at most 64 characters", "matches `…`", "≥ 1": the constraints as doc text.
    /// A file's lengths are bytes (`of: .file`).
    static func descriptions(_ constraints: Constraints, of type: TypeRef? = nil) -> [String] {
        var result: [String] = []
        let unit = type == .file ? "bytes" : "characters"
        switch (constraints.minLength, constraints.maxLength) {
        case (1?, let max?): result.append("non-empty, at most \(max) \(unit)")
        case (1?, nil): result.append("non-empty")
        case (let min?, let max?): result.append("\(min) to \(max) \(unit)")
        case (let min?, nil): result.append("at least \(min) \(unit)")
        case (nil, let max?): result.append("at most \(max) \(unit)")
        case (nil, nil): break
        }
        if let pattern = constraints.pattern { result.append("matches `\(pattern)`") }
        if let minimum = constraints.minimum { result.append("≥ \(number(minimum))") }
        if let maximum = constraints.maximum { result.append("≤ \(number(maximum))") }
        if let minItems = constraints.minItems { result.append("at least \(minItems) items") }
        if let maxItems = constraints.maxItems { result.append("at most \(maxItems) items") }
        for (what, element) in [("each item", constraints.items), ("each value", constraints.values)] {
            guard let element, case let parts = descriptions(element, of: type?.element), !parts.isEmpty else {
                continue
            }
            result.append("\(what) (\(parts.joined(separator: ", ")))")
        }
        return result
    }

    /// A whole number as an exact integer literal (`1000000000000000`, never `1e+15`); other numbers
    /// as Swift writes them. The checker makes sure an integer's bounds are whole and fit its type.
    static func number(_ value: Double) -> String {
        Int64(exactly: value).map { String($0) } ?? String(value)
    }

    /// Writes the validator calls for one value; nothing when nothing about it can be wrong.
    static func check(
        _ writer: SwiftWriter, value: String, key: String, type: TypeRef, constraints: Constraints,
        context: EmitContext
    ) {
        let keyLiteral = SwiftSource.stringLiteral(key)
        let arguments = checkArguments(constraints, type: type)
        if !arguments.isEmpty {
            writer.call("validator.check", [value, keyLiteral] + arguments)
        }
        if context.isValidatable(type) {
            writer.call(validation(of: type), [value, keyLiteral])
        }
        elementChecks(writer, value: value, key: keyLiteral, type: type, constraints: constraints)
    }

    /// The checks of an array's `items` or a map's `values` constraints: a closure run on each element at
    /// its own path (`tags[2]`, `metadata.key`), nested as deep as the constraints are.
    private static func elementChecks(
        _ writer: SwiftWriter, value: String, key: String, type: TypeRef, constraints: Constraints
    ) {
        let walk: (method: String, element: TypeRef, constraints: Constraints)
        if case .array(let element) = type, let items = constraints.items, !items.isEmpty {
            walk = ("validator.eachItem", element, items)
        } else if case .map(let element) = type, let values = constraints.values, !values.isEmpty {
            walk = ("validator.eachValue", element, values)
        } else {
            return
        }
        writer.block("\(walk.method)(\(value), \(key)) { validator, item, key in") {
            let arguments = checkArguments(walk.constraints, type: walk.element)
            if !arguments.isEmpty { writer.call("validator.check", ["item", "key"] + arguments) }
            elementChecks(writer, value: "item", key: "key", type: walk.element, constraints: walk.constraints)
        }
    }

    /// The validator call that checks a primitive's own constraints at the current value's path (an anyOf
    /// alternative, the same payload as the anyOf): `validator.check(self.id, "", maxLength: 5000)`, with
    /// `validator` and `value` as given; nil when there are none.
    static func checkHere(_ constraints: Constraints, type: TypeRef, validator: String, value: String) -> String? {
        let arguments = checkArguments(constraints, type: type)
        guard !arguments.isEmpty else { return nil }
        return "\(validator).check(" + ([value, "\"\""] + arguments).joined(separator: ", ") + ")"
    }

    /// The labelled arguments of one `validator.check` call: the constraints on the value itself.
    private static func checkArguments(_ constraints: Constraints, type: TypeRef) -> [String] {
        var arguments: [String] = []
        if let minLength = constraints.minLength { arguments.append("minLength: \(minLength)") }
        if let maxLength = constraints.maxLength { arguments.append("maxLength: \(maxLength)") }
        if let pattern = constraints.pattern { arguments.append("pattern: \(SwiftSource.stringLiteral(pattern))") }
        if let minimum = constraints.minimum {
            arguments.append("minimum: \(type.isInteger ? number(minimum) : String(minimum))")
        }
        if let maximum = constraints.maximum {
            arguments.append("maximum: \(type.isInteger ? number(maximum) : String(maximum))")
        }
        if let minItems = constraints.minItems { arguments.append("minItems: \(minItems)") }
        if let maxItems = constraints.maxItems { arguments.append("maxItems: \(maxItems)") }
        return arguments
    }

    /// The validator call for a value of `type` that holds objects: `validator.nested` for one,
    /// `validator.each` for an array or map of them (and a map of arrays of them, `{[Child]}`), and
    /// `validator.eachNested` for deeper nesting (`[[Child]]`, `[{Child}]`), which validates each in place.
    static func validation(of type: TypeRef) -> String {
        switch type {
        case .map(.array(let item)) where !item.isContainer: "validator.each"
        case .array(let inner), .map(let inner): inner.isContainer ? "validator.eachNested" : "validator.each"
        default: "validator.nested"
        }
    }

    /// The `Constrained` conformance of `name`, holding what `checks` writes. When it writes nothing,
    /// the type conforms to `Unconstrained` (a `Constrained` that reports nothing) and no empty
    /// `validate(_:)` is written.
    static func conformance(
        _ writer: SwiftWriter, _ name: String, _ context: EmitContext, checks: (SwiftWriter) -> Void
    ) {
        let body = writer.capture { inner in inner.indented { inner.indented { checks(inner) } } }
        if body.isEmpty {
            writer.line("extension \(name): Unconstrained {}")
            return
        }
        writer.block("extension \(name): Constrained {") {
            writer.block("\(context.access.keyword)func validate(_ validator: inout ConstraintChecker) {") {
                writer.raw(body)
            }
        }
    }
}

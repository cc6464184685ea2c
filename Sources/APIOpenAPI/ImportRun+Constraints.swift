import APIDefinition
import Foundation

/// Constraint keywords (lengths, pattern, bounds, item counts) on a shape.
extension ImportRun {
    /// Reads the constraint keywords that fit the shape's type, reporting those that do not.
    func applyConstraints(_ schema: OrderedJSON, at pointer: String, to shape: inout Shape) {
        let type = shape.type
        var constraints = shape.constraints
        let isArray: Bool = {
            if case .array = type { return true }
            return false
        }()
        // A string enum's values are all the values there are: a length or pattern every one of them
        // meets (Stripe writes `maxLength: 5000` on its enums) says nothing more, and goes unsaid.
        let enumValues = (schema["enum"]?.arrayValue ?? []).filter { $0 != .null }
        let enumTexts = enumValues.compactMap(\.stringValue)
        func holdsForEveryEnumValue(_ key: String) -> Bool {
            guard !enumTexts.isEmpty, enumTexts.count == enumValues.count else { return false }
            switch key {
            case "minLength":
                guard let low = schema[key]?.intValue else { return false }
                return enumTexts.allSatisfy { $0.unicodeScalars.count >= low }
            case "maxLength":
                guard let high = schema[key]?.intValue else { return false }
                return enumTexts.allSatisfy { $0.unicodeScalars.count <= high }
            case "pattern":
                guard let pattern = schema[key]?.stringValue, let regex = try? NSRegularExpression(pattern: pattern)
                else { return false }
                return enumTexts.allSatisfy {
                    regex.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil
                }
            default: return false
            }
        }
        func misplaced(_ key: String, _ kind: String) {
            if kind == "strings", holdsForEveryEnumValue(key) { return }
            warn(child(pointer, key), "'\(key)' applies to \(kind), not to '\(type)'; dropped")
        }
        func count(_ key: String, applies: Bool, kind: String) -> Int? {
            guard let value = schema[key] else { return nil }
            guard applies else {
                misplaced(key, kind)
                return nil
            }
            guard let number = value.intValue, number >= 0 else {
                warn(child(pointer, key), "'\(key)' must be a whole number, not negative; dropped")
                return nil
            }
            return number
        }
        // A file's lengths are its size in bytes.
        let hasLength = type == .string || type == .file
        if let value = count("minLength", applies: hasLength, kind: "strings") { constraints.minLength = value }
        if let value = count("maxLength", applies: hasLength, kind: "strings") { constraints.maxLength = value }
        if let value = count("minItems", applies: isArray, kind: "arrays") { constraints.minItems = value }
        if let value = count("maxItems", applies: isArray, kind: "arrays") { constraints.maxItems = value }
        if let value = schema["pattern"] {
            if type == .uuid, value.stringValue == OpenAPIExporter.uuidPattern {
                // The exporter's own statement of the UUID form: the type says it already.
            } else if type != .string {
                misplaced("pattern", "strings")
            } else if let pattern = value.stringValue, (try? NSRegularExpression(pattern: pattern)) != nil {
                constraints.pattern = pattern
            } else {
                warn(child(pointer, "pattern"), "the pattern is not a regular expression apigen can use; dropped")
            }
        }
        var minimum = schema["minimum"]?.doubleValue
        var maximum = schema["maximum"]?.doubleValue
        for (key, isLow) in [("exclusiveMinimum", true), ("exclusiveMaximum", false)] {
            guard let value = schema[key] else { continue }
            let bound: Double?
            switch value {
            case .bool(true): bound = isLow ? minimum : maximum
            case .bool(false): continue
            default: bound = value.doubleValue
            }
            guard let bound, type.isNumeric else {
                if !type.isNumeric { misplaced(key, "numbers") }
                continue
            }
            let inclusive: Double
            if type.isInteger {
                inclusive = isLow ? (bound + 1).rounded(.down) : (bound - 1).rounded(.up)
            } else {
                inclusive = bound
                warn(
                    child(pointer, key),
                    "'\(key)' cannot be expressed; the bound \(Self.number(bound)) is kept as inclusive")
            }
            if isLow {
                minimum = max(minimum ?? inclusive, inclusive)
            } else {
                maximum = min(maximum ?? inclusive, inclusive)
            }
        }
        if minimum != nil || maximum != nil {
            if type.isNumeric {
                constraints.minimum = minimum.map { type.isInteger ? $0.rounded(.up) : $0 } ?? constraints.minimum
                constraints.maximum = maximum.map { type.isInteger ? $0.rounded(.down) : $0 } ?? constraints.maximum
                // A bound beyond the integer type's range says nothing the type does not.
                if type.isInteger {
                    for (key, bound) in [("minimum", constraints.minimum), ("maximum", constraints.maximum)] {
                        guard let bound, !DefinitionValues.integerFits(bound, type) else { continue }
                        warn(
                            child(pointer, key),
                            "\(key) \(DefinitionValues.shown(bound)) is outside the range of '\(type)'; dropped")
                        if key == "minimum" { constraints.minimum = nil } else { constraints.maximum = nil }
                    }
                }
            } else {
                misplaced(schema["minimum"] != nil ? "minimum" : "maximum", "numbers")
            }
        }
        for (low, high, lowKey, highKey) in [
            (constraints.minLength.map(Double.init), constraints.maxLength.map(Double.init), "minLength", "maxLength"),
            (constraints.minItems.map(Double.init), constraints.maxItems.map(Double.init), "minItems", "maxItems"),
            (constraints.minimum, constraints.maximum, "minimum", "maximum"),
        ] {
            guard let low, let high, low > high else { continue }
            warn(child(pointer, lowKey), "\(lowKey) is greater than \(highKey): no value fits; both are dropped")
            switch lowKey {
            case "minLength": (constraints.minLength, constraints.maxLength) = (nil, nil)
            case "minItems": (constraints.minItems, constraints.maxItems) = (nil, nil)
            default: (constraints.minimum, constraints.maximum) = (nil, nil)
            }
        }
        shape.constraints = constraints
    }
}

import Foundation

/// A value that travels as text in a path segment, query item or header.
public protocol ParameterValue: Sendable {
    /// Parses the text form; `nil` when the text is not a valid value.
    init?(parameterValue: String)
    /// The text form.
    var parameterValue: String { get }
}

extension String: ParameterValue {
    public init?(parameterValue: String) { self = parameterValue }
    public var parameterValue: String { self }
}

extension Int: ParameterValue {
    public init?(parameterValue: String) { self.init(parameterValue) }
    public var parameterValue: String { String(self) }
}

extension Int32: ParameterValue {
    public init?(parameterValue: String) { self.init(parameterValue) }
    public var parameterValue: String { String(self) }
}

extension Int64: ParameterValue {
    public init?(parameterValue: String) { self.init(parameterValue) }
    public var parameterValue: String { String(self) }
}

extension Double: ParameterValue {
    /// Parses a decimal number; `nan`, `inf` and numbers too large for a `Double` are not numbers on the wire
    /// (JSON cannot carry them), so they do not parse.
    public init?(parameterValue: String) {
        guard let value = Double(parameterValue), value.isFinite else { return nil }
        self = value
    }
    public var parameterValue: String { String(self) }
}

extension Bool: ParameterValue {
    public init?(parameterValue: String) {
        switch parameterValue.lowercased() {
        case "true", "1": self = true
        case "false", "0": self = false
        default: return nil
        }
    }
    public var parameterValue: String { self ? "true" : "false" }
}

extension UUID: ParameterValue {
    public init?(parameterValue: String) { self.init(uuidString: parameterValue) }
    /// Lower-case, as RFC 9562 recommends.
    public var parameterValue: String { uuidString.lowercased() }
}

extension Date: ParameterValue {
    public init?(parameterValue: String) {
        guard let date = RFC3339.date(from: parameterValue) else { return nil }
        self = date
    }
    public var parameterValue: String { RFC3339.string(from: self) }
}

extension ParameterValue where Self: RawRepresentable, RawValue == String {
    public init?(parameterValue: String) { self.init(rawValue: parameterValue) }
    public var parameterValue: String { rawValue }
}

/// Integer and number enums travel as their value's text (`-1`, `2.5`).
extension ParameterValue where Self: RawRepresentable, RawValue == Int {
    public init?(parameterValue: String) {
        guard let raw = Int(parameterValue: parameterValue) else { return nil }
        self.init(rawValue: raw)
    }
    public var parameterValue: String { rawValue.parameterValue }
}

extension ParameterValue where Self: RawRepresentable, RawValue == Double {
    public init?(parameterValue: String) {
        guard let raw = Double(parameterValue: parameterValue) else { return nil }
        self.init(rawValue: raw)
    }
    public var parameterValue: String { rawValue.parameterValue }
}

@_spi(Generated) extension APIRequest {
    /// Appends a query item; nothing for `nil`.
    public mutating func addQuery(_ name: String, _ value: (some ParameterValue)?) {
        guard let value else { return }
        query.append(URLQueryItem(name: name, value: value.parameterValue))
    }

    /// Sets a header; nothing for `nil`.
    public mutating func setHeader(_ name: String, _ value: (some ParameterValue)?) {
        guard let value else { return }
        headers[name] = value.parameterValue
    }
}

/// Placeholders that keep sensitive values out of descriptions, dumps and errors.
@_spi(Generated) public enum Redacted {
    /// What is shown instead of a sensitive value.
    public static let placeholder = "<redacted>"

    /// `Name(field: value, secret: <redacted>)`.
    public static func describe(_ typeName: String, _ fields: KeyValuePairs<String, Any>) -> String {
        let members = fields.map { label, value -> String in
            if let string = value as? String, string == placeholder { return "\(label): \(placeholder)" }
            return "\(label): \(String(describing: unwrap(value)))"
        }
        return "\(typeName)(\(members.joined(separator: ", ")))"
    }

    /// A mirror with the given children, so `dump` shows the placeholders too.
    public static func mirror(_ subject: Any, _ fields: KeyValuePairs<String, Any>) -> Mirror {
        Mirror(subject, children: fields.map { (label: Optional($0.key), value: $0.value) }, displayStyle: .struct)
    }

    private static func unwrap(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value ?? "nil"
    }
}

/// Path templates as definitions write them: `/users/{user_id}/keys/{key}`.
@_spi(Generated) public enum PathTemplate {
    /// Replaces each `{name}` placeholder, in order, with the next value, percent-encoded as one segment.
    public static func expand(_ template: String, _ values: any ParameterValue...) -> String {
        var result = ""
        var remaining = values[...]
        var inPlaceholder = false
        for character in template {
            if character == "{" {
                inPlaceholder = true
                if let value = remaining.popFirst() {
                    if let encoded = value as? EncodedPathSegment {
                        result += encoded.encoded
                    } else {
                        result += PercentEncoding.pathSegment(value.parameterValue)
                    }
                }
            } else if character == "}" {
                inPlaceholder = false
            } else if !inPlaceholder {
                result.append(character)
            }
        }
        return result
    }
}

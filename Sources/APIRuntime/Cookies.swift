/// The `Cookie` request header (RFC 6265 §5.4): `name=value` pairs joined by `; `, which cookie
/// parameters and API keys in a cookie travel in. Names compare exactly (cookie names are
/// case-sensitive); a request may carry several `Cookie` fields, read as one list.
@_spi(Generated) public enum Cookies {
    /// The value of the first cookie called `name` in `headers`' `Cookie` fields, as it was sent
    /// (surrounding double quotes removed); `nil` when there is none.
    public static func value(named name: String, in headers: HeaderFields) -> String? {
        for field in headers where HeaderFields.namesMatch(field.name, "Cookie") {
            for pair in field.value.split(separator: ";", omittingEmptySubsequences: true) {
                guard let equals = pair.firstIndex(of: "=") else { continue }
                guard pair[..<equals].trimmingSpaces == name[...] else { continue }
                var value = pair[pair.index(after: equals)...].trimmingSpaces
                if value.count >= 2, value.first == "\"", value.last == "\"" {
                    value = value.dropFirst().dropLast()
                }
                return String(value)
            }
        }
        return nil
    }

    /// Adds the cookie `name=value` to `headers`, after any cookie already there (one `Cookie` field).
    /// The caller makes `value` a valid cookie value (percent-encoded where it must be).
    public static func add(name: String, value: String, to headers: inout HeaderFields) {
        let pair = "\(name)=\(value)"
        if let existing = headers["Cookie"], !existing.isEmpty {
            headers["Cookie"] = existing + "; " + pair
        } else {
            headers["Cookie"] = pair
        }
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}

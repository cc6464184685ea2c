import Foundation

/// How array and cookie parameters are written and read (OpenAPI 3.1 styles).
///
/// The request model keeps query items and path parameters percent-decoded, and the transport encodes
/// them; so an item of a delimited array (`ids=1,2`, `/items/1,2`, a header `1,2`) escapes, in its text,
/// `%` and the delimiter (`%25`, `%2C`, `%20`, `%7C`), and the reader splits on the delimiter before it
/// unescapes. Plain items are sent exactly as OpenAPI says; an item that holds the delimiter or `%`
/// travels escaped once more (`a,b` → `a%252Cb` in a query). Headers also escape what is not visible
/// ASCII, and cookies percent-encode everything but letters, digits and `-._~`.
@_spi(Generated) public enum ParameterStyles {
    /// `item` with `%`, the delimiter and everything outside `allowed` percent-encoded.
    static func escape(_ item: String, delimiter: Character, allowed: CharacterSet) -> String {
        var set = allowed
        set.remove(charactersIn: "%" + String(delimiter))
        return item.addingPercentEncoding(withAllowedCharacters: set) ?? item
    }

    /// Every character but `%` (and the delimiter, removed by ``escape(_:delimiter:allowed:)``).
    public static let anything = CharacterSet(charactersIn: "%").inverted
    /// Visible ASCII: what a header value keeps as it is.
    public static let visibleASCII = CharacterSet(charactersIn: Unicode.Scalar(0x21)...Unicode.Scalar(0x7E))
    /// Letters, digits and `-._~`: what a cookie value keeps as it is.
    public static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// The items joined by `delimiter`, each escaped.
    public static func join(
        _ values: [some ParameterValue], delimiter: Character, allowed: CharacterSet = anything
    ) -> String {
        values.map { escape($0.parameterValue, delimiter: delimiter, allowed: allowed) }
            .joined(separator: String(delimiter))
    }

    /// The unescaped items of `text` split on `delimiter`; `nil` when an item is not percent-encoded UTF-8.
    /// Spaces and tabs around each item are dropped when `trimming` (header lists: `1, 2`).
    public static func split(_ text: String, delimiter: Character, trimming: Bool = false) -> [String]? {
        var items: [String] = []
        for piece in text.split(separator: delimiter, omittingEmptySubsequences: false) {
            var piece = piece
            if trimming {
                while let first = piece.first, first == " " || first == "\t" { piece = piece.dropFirst() }
                while let last = piece.last, last == " " || last == "\t" { piece = piece.dropLast() }
            }
            guard let item = piece.contains("%") ? String(piece).removingPercentEncoding : String(piece) else {
                return nil
            }
            items.append(item)
        }
        return items
    }

    /// A cookie value: percent-encoded but for letters, digits and `-._~`.
    public static func cookieValue(_ value: some ParameterValue) -> String {
        value.parameterValue.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value.parameterValue
    }
}

@_spi(Generated) extension APIRequest {
    /// Appends an array query parameter: one item per value when `delimiter` is `nil` (`form`, exploded),
    /// else one item of the values joined by it (`form` `,`, `spaceDelimited` ` `, `pipeDelimited` `|`).
    /// Nothing for `nil` or an empty array.
    public mutating func addQueryArray<T: ParameterValue>(_ name: String, _ values: [T]?, delimiter: Character?) {
        guard let values, !values.isEmpty else { return }
        guard let delimiter else {
            for value in values { query.append(URLQueryItem(name: name, value: value.parameterValue)) }
            return
        }
        query.append(URLQueryItem(name: name, value: ParameterStyles.join(values, delimiter: delimiter)))
    }

    /// Sets an array header parameter, `simple`: the values joined by `,`. Nothing for `nil` or an empty array.
    public mutating func setHeaderArray<T: ParameterValue>(_ name: String, _ values: [T]?) {
        guard let values, !values.isEmpty else { return }
        headers[name] = ParameterStyles.join(values, delimiter: ",", allowed: ParameterStyles.visibleASCII)
    }

    /// Adds a cookie parameter, its value percent-encoded; nothing for `nil`.
    public mutating func addCookie(_ name: String, _ value: (some ParameterValue)?) {
        guard let value else { return }
        Cookies.add(name: name, value: ParameterStyles.cookieValue(value), to: &headers)
    }

    /// Adds an array cookie parameter, `form` not exploded: the values joined by `,`, each percent-encoded.
    /// Nothing for `nil` or an empty array.
    public mutating func addCookieArray<T: ParameterValue>(_ name: String, _ values: [T]?) {
        guard let values, !values.isEmpty else { return }
        let text = ParameterStyles.join(values, delimiter: ",", allowed: ParameterStyles.unreserved)
        Cookies.add(name: name, value: text, to: &headers)
    }
}

@_spi(Generated) extension APIRequest {
    /// Appends a `deepObject` query parameter: one item `name[field]=value` per field that has a value, in
    /// the type's field order. Nothing for `nil`.
    /// An anyOf whose set alternative is a value rather than an object is one item `name=value`.
    public mutating func addDeepObject(_ name: String, _ value: (some TextTreeCodable)?) {
        guard let value else { return }
        let members: [TextTree.Member]
        switch value.textTree() {
        case .object(let fields): members = fields
        case .text(let text): return query.append(URLQueryItem(name: name, value: text))
        case .boolean(let flag): return query.append(URLQueryItem(name: name, value: flag ? "true" : "false"))
        default: return
        }
        for member in members {
            let text: String
            switch member.value {
            case .text(let value): text = value
            case .boolean(let value): text = value ? "true" : "false"
            // The checker keeps these (json among them) out of deepObject types.
            case .null, .list, .object, .file, .json: continue
            }
            query.append(URLQueryItem(name: "\(name)[\(member.name)]", value: text))
        }
    }
}

@_spi(Generated) extension APIRequest {
    /// Appends an array in the style `deepObject`, in bracket notation as Stripe and Rails read it: one
    /// item `name[index]=value` per value, numbered from 0. Nothing for `nil` or an empty array.
    public mutating func addDeepObjectArray<T: ParameterValue>(_ name: String, _ values: [T]?) {
        guard let values else { return }
        for (index, value) in values.enumerated() {
            query.append(URLQueryItem(name: "\(name)[\(index)]", value: value.parameterValue))
        }
    }
}

/// A path parameter's text already percent-encoded for the path: an array, `simple` (`1,2`).
@_spi(Generated) public struct EncodedPathSegment: ParameterValue {
    public let encoded: String

    /// The values, each escaped and encoded as a path segment, joined by a literal `,`.
    public init(_ values: [some ParameterValue]) {
        encoded = values.map {
            PercentEncoding.pathSegment(
                ParameterStyles.escape($0.parameterValue, delimiter: ",", allowed: ParameterStyles.anything))
        }
        .joined(separator: ",")
    }

    public init?(parameterValue: String) { return nil }
    public var parameterValue: String { encoded }
}

@_spi(Generated) extension ServerRequest {
    /// An array query parameter (see ``APIRequest/addQueryArray(_:_:delimiter:)``); `nil` when absent.
    /// 400 naming the parameter and the item's index when an item does not convert.
    public func queryArray<T: ParameterValue>(
        _ name: String, as type: T.Type, delimiter: Character?
    ) throws(ServerError) -> [T]? {
        guard let delimiter else {
            var texts: [String] = []
            for item in http.query where item.name == name { texts.append(item.value ?? "") }
            return texts.isEmpty ? nil : try convertItems(texts, name)
        }
        // Lenient: a client that repeats the item (`ids=1&ids=2`) is read as well as one that joins them.
        var texts: [String]?
        for item in http.query where item.name == name {
            texts = (texts ?? []) + (try split(item.value ?? "", delimiter, name))
        }
        guard let texts else { return nil }
        return try convertItems(texts, name)
    }

    /// An array in the style `deepObject` (see ``APIRequest/addDeepObjectArray(_:_:)``): items
    /// `name[0]=…&name[1]=…`, in any order but numbered from 0 without gaps, or `name[]=…` in the order
    /// they come; `nil` when there are none. 400 naming `name[index]` for an item that does not convert,
    /// and for a number out of sequence (nothing is allocated for it).
    public func deepObjectArray<T: ParameterValue>(_ name: String, as type: T.Type) throws(ServerError) -> [T]? {
        let prefix = name + "["
        var numbered: [Int: String] = [:]
        var appended: [String] = []
        for item in http.query where item.name.hasPrefix(prefix) && item.name.hasSuffix("]") {
            let index = item.name.dropFirst(prefix.count).dropLast()
            if index.isEmpty {
                appended.append(item.value ?? "")
            } else if index.count <= 9, index.allSatisfy(\.isASCII), let number = Int(index), number >= 0,
                String(number) == index
            {
                // The first item of an index wins, as for other query parameters.
                if numbered[number] == nil { numbered[number] = item.value ?? "" }
            } else {
                throw .badRequest(
                    "invalid parameter",
                    fields: [ValidationError(path: "\(name)[\(index)]", reason: "is not an item number (0, 1, …)")])
            }
        }
        if numbered.isEmpty, appended.isEmpty { return nil }
        guard numbered.isEmpty || appended.isEmpty else {
            throw .badRequest(
                "invalid parameter",
                fields: [ValidationError(path: name, reason: "mixes numbered items with name[] items")])
        }
        var texts = appended
        if !numbered.isEmpty {
            for index in numbered.keys.sorted() where index >= numbered.count {
                throw .badRequest(
                    "invalid parameter",
                    fields: [ValidationError(path: "\(name)[\(index)]", reason: "items must be numbered from 0 without gaps")])
            }
            texts = (0..<numbered.count).map { numbered[$0] ?? "" }
        }
        return try convertItems(texts, name)
    }

    /// A required array in the style `deepObject`: absent reads as `[]` (an empty array is not sent).
    public func requiredDeepObjectArray<T: ParameterValue>(_ name: String, as type: T.Type) throws(ServerError) -> [T] {
        try deepObjectArray(name, as: type) ?? []
    }

    /// A required array query parameter: absent reads as `[]` (an empty array is not sent).
    public func requiredQueryArray<T: ParameterValue>(
        _ name: String, as type: T.Type, delimiter: Character?
    ) throws(ServerError) -> [T] {
        try queryArray(name, as: type, delimiter: delimiter) ?? []
    }

    /// An array header parameter (`1,2`); `nil` when absent.
    public func headerArray<T: ParameterValue>(_ name: String, as type: T.Type) throws(ServerError) -> [T]? {
        guard let text = http.headers[name] else { return nil }
        return try convertItems(try split(text, ",", name, trimming: true), name)
    }

    /// A required array header parameter: absent reads as `[]` (an empty array is not sent).
    public func requiredHeaderArray<T: ParameterValue>(_ name: String, as type: T.Type) throws(ServerError) -> [T] {
        try headerArray(name, as: type) ?? []
    }

    /// An array path parameter (`/items/1,2`).
    public func pathArray<T: ParameterValue>(_ name: String, as type: T.Type) throws(ServerError) -> [T] {
        try convertItems(try split(try pathParameter(name), ",", name), name)
    }

    /// A cookie parameter (percent-encoded); `nil` when absent.
    public func cookie<T: ParameterValue>(_ name: String, as type: T.Type) throws(ServerError) -> T? {
        guard let text = Cookies.value(named: name, in: http.headers) else { return nil }
        guard let value = text.removingPercentEncoding else {
            throw .badRequest(
                "invalid parameter", fields: [ValidationError(path: name, reason: "is not percent-encoded UTF-8")])
        }
        guard let converted = T(parameterValue: value) else {
            throw .badRequest(
                "invalid parameter",
                fields: [ValidationError(path: name, reason: "is not \(TextTreeReader.describe(T.self))")])
        }
        return converted
    }

    /// A required cookie parameter; 400 when missing.
    public func requiredCookie<T: ParameterValue>(_ name: String, as type: T.Type) throws(ServerError) -> T {
        guard let value = try cookie(name, as: type) else {
            throw .badRequest("missing cookie", fields: [ValidationError(path: name, reason: "required")])
        }
        return value
    }

    /// An array cookie parameter (`1,2`, each item percent-encoded); `nil` when absent.
    public func cookieArray<T: ParameterValue>(_ name: String, as type: T.Type) throws(ServerError) -> [T]? {
        guard let text = Cookies.value(named: name, in: http.headers) else { return nil }
        return try convertItems(try split(text, ",", name), name)
    }

    /// A required array cookie parameter: absent reads as `[]` (an empty array is not sent).
    public func requiredCookieArray<T: ParameterValue>(_ name: String, as type: T.Type) throws(ServerError) -> [T] {
        try cookieArray(name, as: type) ?? []
    }

    /// A `deepObject` query parameter read from its items `name[field]=value`; `nil` when it has none.
    /// 400 naming `name.field` when a field is missing or does not convert.
    /// With `allowsValue` (an anyOf with a value alternative), a plain item `name=value` is read as that
    /// value when no `name[field]` item is there.
    public func deepObject<T: TextTreeCodable>(
        _ name: String, as type: T.Type, allowsValue: Bool = false
    ) throws(ServerError) -> T? {
        let prefix = name + "["
        var members: [TextTree.Member] = []
        for item in http.query where item.name.hasPrefix(prefix) && item.name.hasSuffix("]") {
            let key = String(item.name.dropFirst(prefix.count).dropLast())
            // The first item of a field wins, as for other query parameters.
            if !members.contains(where: { $0.name == key }) {
                members.append(TextTree.Member(key, .text(item.value ?? "")))
            }
        }
        if members.isEmpty {
            guard allowsValue, let item = http.query.first(where: { $0.name == name }) else { return nil }
            return try decode(.text(item.value ?? ""), name)
        }
        return try decodeDeepObject(members, name)
    }

    /// A required `deepObject` query parameter that may also be a value (an anyOf's): absent is a 400.
    public func requiredDeepObject<T: TextTreeCodable>(
        _ name: String, as type: T.Type, allowsValue: Bool
    ) throws(ServerError) -> T {
        if let value = try deepObject(name, as: type, allowsValue: allowsValue) { return value }
        guard allowsValue else { return try decodeDeepObject([], name) }
        throw .badRequest("invalid parameter", fields: [ValidationError(path: name, reason: "is required")])
    }

    /// A required `deepObject` query parameter: absent reads as an object without fields (so its required
    /// fields are reported missing).
    public func requiredDeepObject<T: TextTreeCodable>(_ name: String, as type: T.Type) throws(ServerError) -> T {
        if let value = try deepObject(name, as: type) { return value }
        return try decodeDeepObject([], name)
    }

    private func decodeDeepObject<T: TextTreeCodable>(_ members: [TextTree.Member], _ name: String) throws(ServerError)
        -> T
    {
        try decode(.object(members), name)
    }

    private func decode<T: TextTreeCodable>(_ tree: TextTree, _ name: String) throws(ServerError) -> T {
        do {
            return try T(textTree: TextTreeReader(tree, path: name))
        } catch {
            throw .badRequest("invalid parameter", fields: error.errors)
        }
    }

    private func split(
        _ text: String, _ delimiter: Character, _ name: String, trimming: Bool = false
    ) throws(ServerError) -> [String] {
        guard let items = ParameterStyles.split(text, delimiter: delimiter, trimming: trimming) else {
            throw .badRequest(
                "invalid parameter", fields: [ValidationError(path: name, reason: "is not percent-encoded UTF-8")])
        }
        return items
    }

    private func convertItems<T: ParameterValue>(_ texts: [String], _ name: String) throws(ServerError) -> [T] {
        var values: [T] = []
        values.reserveCapacity(texts.count)
        for (index, text) in texts.enumerated() {
            guard let value = T(parameterValue: text) else {
                throw .badRequest(
                    "invalid parameter",
                    fields: [
                        ValidationError(path: "\(name)[\(index)]", reason: "is not \(TextTreeReader.describe(T.self))")
                    ]
                )
            }
            values.append(value)
        }
        return values
    }
}

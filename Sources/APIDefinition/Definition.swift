/// A service definition as loaded from one JSON file: plain values, in the author's order.
public struct Definition: Sendable, Hashable {
    /// The path of the definition file as it was given (used in diagnostics and file headers).
    public var file: String
    public var formatVersion: Int
    public var service: Service
    public var auth: [AuthScheme]
    public var types: [TypeDeclaration] {
        didSet { typeIndex = Self.index(types) }
    }
    /// Positions in `types` by name (the first of duplicates), so lookups stay O(1) in large APIs.
    private(set) var typeIndex: [String: Int]
    public var operations: [Operation]

    public init(
        file: String, formatVersion: Int, service: Service, auth: [AuthScheme], types: [TypeDeclaration],
        operations: [Operation]
    ) {
        self.file = file
        self.formatVersion = formatVersion
        self.service = service
        self.auth = auth
        self.types = types
        self.typeIndex = Self.index(types)
        self.operations = operations
    }

    /// The declared type named `name`.
    public func type(named name: String) -> TypeDeclaration? { typeIndex[name].map { types[$0] } }

    private static func index(_ types: [TypeDeclaration]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, type) in types.enumerated() where index[type.name] == nil { index[type.name] = position }
        return index
    }
}

/// What the service is and where it lives.
public struct Service: Sendable, Hashable {
    /// The Swift prefix of the service's generated types (`SFOX` → `SFOXClient`).
    public var name: String
    public var title: String?
    public var doc: String?
    /// The default base URL; clients can override it, and servers mount their routes under its path.
    /// `nil` when the definition names none: the client then takes one, and the server mounts at `/`.
    public var baseURL: String?
    /// How the service writes XML, when any body or response is XML.
    public var xml: XMLDialectSpec?
    /// A query parameter whose value (`json`, `xml`) chooses the response format, before `Accept`.
    public var responseFormatParameter: String?
    /// The access level of the generated declarations, when the definition states one; `nil` leaves
    /// the choice to the generator (`public` for `apigen generate`, `internal` for the build plugin).
    public var access: AccessLevel? = nil
    /// The declared object type of the body of every error the generated server answers by itself (400,
    /// 401, 404, 405, 406, 413, 415, …), instead of the runtime's `{"error": …, "fields": […]}`.
    public var errorBody: String? = nil

    public init(
        name: String, title: String?, doc: String?, baseURL: String?, xml: XMLDialectSpec? = nil,
        responseFormatParameter: String? = nil
    ) {
        self.name = name
        self.title = title
        self.doc = doc
        self.baseURL = baseURL
        self.xml = xml
        self.responseFormatParameter = responseFormatParameter
    }
}

/// The access level of generated declarations: `public` for a library others import (committed
/// `Generated/`), `package` for targets of one package, `internal` for code compiled into the target
/// that uses it (the build plugin's default), so that it does not become that target's public API.
public enum AccessLevel: String, Sendable, Hashable, CaseIterable {
    case `public`
    case `package`
    case `internal`

    /// The keyword, with the space that follows it, that starts a declaration.
    public var keyword: String { rawValue + " " }

    /// Orders the levels: `internal` < `package` < `public`.
    public var visibility: Int {
        switch self {
        case .internal: 0
        case .package: 1
        case .public: 2
        }
    }
}

/// An XML dialect: the root element, the element of each array item, and how booleans are spelled.
public struct XMLDialectSpec: Sendable, Hashable {
    public var rootElement: String
    public var listItemElement: String
    public var trueText: String
    public var falseText: String

    public init(rootElement: String, listItemElement: String, trueText: String, falseText: String) {
        self.rootElement = rootElement
        self.listItemElement = listItemElement
        self.trueText = trueText
        self.falseText = falseText
    }
}

/// The body formats apigen reads and writes.
public enum MediaTypes {
    public static let json = "application/json"
    public static let xml = "application/xml"
    public static let formURLEncoded = "application/x-www-form-urlencoded"
    public static let multipart = "multipart/form-data"
    /// Content types a typed request body may declare.
    public static let requestBodies = [json, xml, formURLEncoded, multipart]
    /// Content types a typed response may declare.
    public static let responses = [json, xml]

    /// Whether `text` is a media type or range a raw body may list: `image/png`, `image/*` or `*/*`
    /// (RFC 9110 tokens, no parameters).
    public static func isMediaRange(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        let token = Set("!#$%&'*+-.^_`|~abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        guard parts.allSatisfy({ $0 == "*" || $0.allSatisfy({ $0 != "*" && token.contains($0) }) }) else {
            return false
        }
        return parts[0] != "*" || parts[1] == "*"
    }
}

/// A way to authenticate a request.
public struct AuthScheme: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// `Authorization: Bearer <token>`.
        case bearer(format: String?)
        /// A secret in the named header.
        case apiKeyHeader(name: String)
        /// A secret in the named query item.
        case apiKeyQuery(name: String)
        /// A secret in the named cookie.
        case apiKeyCookie(name: String)
        /// HTTP Basic: `Authorization: Basic base64(username:password)`.
        case basic
        /// OAuth 2: a bearer token obtained through one of the flows, in the author's order.
        case oauth2(flows: [OAuthFlow])
        /// OpenID Connect: a bearer token; the discovery document is at the URL.
        case openIdConnect(url: String)

        /// Whether the request carries the credential as `Authorization: Bearer <token>`.
        public var isBearer: Bool {
            switch self {
            case .bearer, .oauth2, .openIdConnect: true
            default: false
            }
        }
    }

    public var name: String
    public var kind: Kind
    public var doc: String?

    public init(name: String, kind: Kind, doc: String?) {
        self.name = name
        self.kind = kind
        self.doc = doc
    }
}

/// One OAuth 2 flow of an `oauth2` auth scheme.
public struct OAuthFlow: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case implicit, password, clientCredentials, authorizationCode
    }

    public var kind: Kind
    public var authorizationURL: String?
    public var tokenURL: String?
    public var refreshURL: String?
    /// The scopes the flow offers, in the author's order.
    public var scopes: [OAuthScope]

    public init(
        kind: Kind, authorizationURL: String? = nil, tokenURL: String? = nil, refreshURL: String? = nil,
        scopes: [OAuthScope] = []
    ) {
        self.kind = kind
        self.authorizationURL = authorizationURL
        self.tokenURL = tokenURL
        self.refreshURL = refreshURL
        self.scopes = scopes
    }
}

/// An OAuth 2 scope a flow offers.
public struct OAuthScope: Sendable, Hashable {
    public var name: String
    public var doc: String?

    public init(name: String, doc: String? = nil) {
        self.name = name
        self.doc = doc
    }
}

/// A scheme an operation's auth alternative uses, with the scopes it requires (OAuth 2 and OpenID Connect).
public struct AuthUse: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var scheme: String
    /// Required scopes, in the author's order; the generated server hands them to the handler to check.
    public var scopes: [String]

    public init(scheme: String, scopes: [String] = []) {
        self.scheme = scheme
        self.scopes = scopes
    }

    public init(stringLiteral value: String) { self.init(scheme: value) }

    /// `scheme` or `scheme[read, write]`.
    public var description: String { scopes.isEmpty ? scheme : "\(scheme)[\(scopes.joined(separator: ", "))]" }
}

/// A reference to a type: a primitive, a declared type, or an array of either.
public indirect enum TypeRef: Sendable, Hashable, CustomStringConvertible {
    /// `json`: any JSON value, kept as it came.
    case string, integer, int32, int64, number, boolean, uuid, dateTime, json
    /// `date`: a calendar date (`2026-12-01`), `CalendarDate` in Swift.
    case date
    /// `bytes`: binary data sent as standard base64 text, `Data` in Swift.
    case bytes
    /// `decimal`: a base-10 number sent as a JSON number and read without going through `Double`, `Decimal` in Swift.
    case decimal
    /// `uri`: an absolute URI (`https://…`, `urn:…`), `URL` in Swift.
    case uri
    /// `unix-time`: whole seconds since 1970 sent as a JSON integer, `Date` in Swift.
    case unixTime
    /// `file`: a file part of a `multipart/form-data` body (bytes, content type, filename), `FilePart` in
    /// Swift. Only fields of a type that travels as a multipart body only may be files.
    case file
    case named(String)
    case array(TypeRef)
    /// An object with arbitrary keys, every value of the element type: `{string}`.
    case map(TypeRef)

    /// The primitive type names a definition may use.
    public static let primitives: [(name: String, type: TypeRef)] = [
        ("string", .string), ("integer", .integer), ("int32", .int32), ("int64", .int64), ("number", .number),
        ("boolean", .boolean), ("uuid", .uuid), ("date-time", .dateTime), ("json", .json),
        ("date", .date), ("bytes", .bytes), ("decimal", .decimal), ("uri", .uri), ("unix-time", .unixTime),
        ("file", .file),
    ]

    /// Whether values of this type travel in JSON as a text the runtime parses (`date-time`, `uuid`,
    /// `bytes`, `uri`), as an integer it converts (`unix-time`) or as a number it checks (`decimal`: not
    /// NaN) rather than through `Codable` as they are. Arrays and maps of them (at any depth) are coded
    /// item by item, each in its scalar's wire form (the runtime's `ValueCoding`).
    public var isConvertedScalar: Bool { [.dateTime, .uuid, .bytes, .uri, .unixTime, .decimal].contains(self) }

    /// The primitives a body or typed answer may be (or hold in an array or map): the ones that travel in
    /// JSON through `Codable` as they are, as a bare JSON value (`"x"`, `42`, `[1,2]`).
    public static let bodyPrimitiveNames = ["string", "integer", "int32", "int64", "number", "boolean", "json"]

    /// Whether this is one of ``bodyPrimitiveNames``.
    public var isBodyPrimitive: Bool { [.string, .integer, .int32, .int64, .number, .boolean, .json].contains(self) }

    /// The deepest nesting of `[…]` and `{…}` a type reference may have.
    public static let maximumNesting = 16

    /// Parses `string`, `Model`, `[integer]`, `{string}`; nil for anything else, including nesting
    /// deeper than ``maximumNesting``. Iterative and linear in the length of `text`.
    public static func parse(_ text: String) -> TypeRef? {
        var wrappers: [Bool] = []  // true: map, false: array; outermost first
        var inner = Substring(text)
        while inner.count > 2 {
            if inner.hasPrefix("["), inner.hasSuffix("]") {
                wrappers.append(false)
            } else if inner.hasPrefix("{"), inner.hasSuffix("}") {
                wrappers.append(true)
            } else {
                break
            }
            guard wrappers.count <= maximumNesting else { return nil }
            inner = inner.dropFirst().dropLast()
        }
        guard var type = element(named: String(inner)) else { return nil }
        for isMap in wrappers.reversed() { type = isMap ? .map(type) : .array(type) }
        return type
    }

    /// A primitive or a declared type's name.
    private static func element(named text: String) -> TypeRef? {
        if let primitive = primitives.first(where: { $0.name == text }) { return primitive.type }
        if Naming.isIdentifier(text) { return .named(text) }
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || first == "_",
            text.unicodeScalars.allSatisfy({
                $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_"
            })
        else { return nil }
        return .named(text)
    }

    public var description: String {
        switch self {
        case .named(let name): name
        case .array(let element): "[\(element)]"
        case .map(let element): "{\(element)}"
        default: Self.primitives.first { $0.type == self }?.name ?? "?"
        }
    }

    /// The innermost non-array type.
    public var element: TypeRef {
        switch self {
        case .array(let inner), .map(let inner): inner.element
        default: self
        }
    }

    /// Whether this is an array or a map (a container of `element`).
    public var isContainer: Bool {
        switch self {
        case .array, .map: true
        default: false
        }
    }

    public var isStringLike: Bool { self == .string }
    public var isInteger: Bool { [.integer, .int32, .int64].contains(self) }
    public var isNumeric: Bool { isInteger || self == .number }
}

/// A JSON value written in a definition (constants, defaults, examples).
public enum JSONValue: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case null
    case array([JSONValue])
    case object([Member])

    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    public var description: String {
        switch self {
        case .string(let value): "\"\(value)\""
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .boolean(let value): String(value)
        case .null: "null"
        case .array(let values): "[" + values.map(\.description).joined(separator: ", ") + "]"
        case .object(let members):
            "{" + members.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "}"
        }
    }
}

/// Limits a value must respect; each applies only to the kinds of values it names.
public struct Constraints: Sendable, Hashable {
    public var minLength: Int?
    public var maxLength: Int?
    public var pattern: String?
    public var minimum: Double?
    public var maximum: Double?
    public var minItems: Int?
    public var maxItems: Int?
    /// The constraints on each item of an array (`items`), checked at `key[index]`.
    public var items: Constraints? {
        get { itemsBox.first }
        set { itemsBox = newValue.map { [$0] } ?? [] }
    }
    /// The constraints on each value of a map (`values`), checked at `key.name`.
    public var values: Constraints? {
        get { valuesBox.first }
        set { valuesBox = newValue.map { [$0] } ?? [] }
    }
    // A struct cannot hold an optional of itself; an array of at most one can.
    private var itemsBox: [Constraints] = []
    private var valuesBox: [Constraints] = []

    public init(
        minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil, minimum: Double? = nil,
        maximum: Double? = nil, minItems: Int? = nil, maxItems: Int? = nil, items: Constraints? = nil,
        values: Constraints? = nil
    ) {
        self.minLength = minLength
        self.maxLength = maxLength
        self.pattern = pattern
        self.minimum = minimum
        self.maximum = maximum
        self.minItems = minItems
        self.maxItems = maxItems
        self.items = items
        self.values = values
    }

    public var isEmpty: Bool { self == Constraints() }
}

/// A named type the definition declares.
public struct TypeDeclaration: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case object(fields: [Field])
        /// A string enum; with `keepUnknown`, values the definition does not list decode as `.unknown`.
        case enumeration(values: [EnumValue], keepUnknown: Bool)
        /// Exactly one of several object types, told apart by constants (and a discriminator), then by
        /// required fields.
        case oneOf(variants: [OneOfVariant], discriminator: String?)
        /// Any of several types at once: every alternative the payload is valid as is kept (`anyOf`).
        case anyOf(variants: [AnyOfVariant])
    }

    public var name: String
    public var doc: String?
    public var kind: Kind
    /// For an object type: the type of every member its fields do not declare (`additionalProperties`),
    /// kept in a map beside the fields; `nil` when the object has only its fields.
    public var additionalProperties: TypeRef?

    public init(name: String, doc: String?, kind: Kind, additionalProperties: TypeRef? = nil) {
        self.name = name
        self.doc = doc
        self.kind = kind
        self.additionalProperties = additionalProperties
    }

    public var fields: [Field] {
        if case .object(let fields) = kind { return fields }
        return []
    }
}

/// One alternative of a `oneOf` type.
public struct OneOfVariant: Sendable, Hashable {
    /// The object type of this alternative.
    public var type: String
    /// The discriminator property's value that selects this alternative.
    public var discriminatorValue: String?
    /// An explicit Swift case name; otherwise derived from the type name.
    public var swiftName: String?
    public var doc: String?

    public init(type: String, discriminatorValue: String?, swiftName: String?, doc: String?) {
        self.type = type
        self.discriminatorValue = discriminatorValue
        self.swiftName = swiftName
        self.doc = doc
    }
}

/// One alternative of an `anyOf` type: a declared object, enum or oneOf type, a primitive
/// (`string`, `integer`, `number`, `boolean`), a converted scalar (`date-time`, `uuid`, …), or an array
/// or map of those.
public struct AnyOfVariant: Sendable, Hashable {
    /// The type of this alternative.
    public var type: TypeRef
    /// An explicit Swift property name; otherwise derived from the type (`cat` for `Cat`, `string`).
    public var swiftName: String?
    public var doc: String?
    /// A primitive alternative's constraints (`minLength`, `maxLength`, `pattern`, `minimum`,
    /// `maximum`): the alternative matches only a value that holds them.
    public var constraints: Constraints

    public init(type: TypeRef, swiftName: String? = nil, doc: String? = nil, constraints: Constraints = Constraints()) {
        self.type = type
        self.swiftName = swiftName
        self.doc = doc
        self.constraints = constraints
    }
}

/// One allowed value of an enum: a string, an integer or a number.
public struct EnumValue: Sendable, Hashable {
    /// The JSON kind of an enum value.
    public enum Kind: String, Sendable, Hashable {
        case string, integer, number
    }

    /// A string value as written; an integer or number in its canonical text (`-1`, `2.5`, `1e+300`,
    /// as Swift's `Int`/`Double` `description` writes it).
    public var value: String
    public var swiftName: String?
    public var doc: String?
    public var kind: Kind = .string

    public init(value: String, swiftName: String?, doc: String?, kind: Kind = .string) {
        self.value = value
        self.swiftName = swiftName
        self.doc = doc
        self.kind = kind
    }

    /// An integer value.
    public init(integer: Int, swiftName: String? = nil, doc: String? = nil) {
        self.init(value: String(integer), swiftName: swiftName, doc: doc, kind: .integer)
    }

    /// A (finite) number value.
    public init(number: Double, swiftName: String? = nil, doc: String? = nil) {
        self.init(value: String(number), swiftName: swiftName, doc: doc, kind: .number)
    }

    /// The values with each integer of a number enum (`[0.5, 1]`) made a number (`1.0`), so that a value has
    /// one spelling whichever way it was written.
    public static func normalized(_ values: [EnumValue]) -> [EnumValue] {
        guard EnumRawType(values) == .number else { return values }
        return values.map { value in
            guard value.kind == .integer, let number = value.numericValue else { return value }
            return EnumValue(number: number, swiftName: value.swiftName, doc: value.doc)
        }
    }

    /// The value as a number, for integer and number values.
    public var numericValue: Double? { kind == .string ? nil : Double(value) }

    /// The value as a JSON value of its kind.
    public var jsonValue: JSONValue {
        switch kind {
        case .string: .string(value)
        case .integer: .integer(Int(value) ?? 0)
        case .number: .number(Double(value) ?? 0)
        }
    }
}

/// What the values of an enum are, and so its Swift raw type.
public enum EnumRawType: String, Sendable, Hashable {
    /// `String`: all values are strings (or there are none).
    case string
    /// `Int`: all values are JSON integers.
    case integer
    /// `Double`: all values are numbers, at least one of them not an integer.
    case number
    /// Strings and numbers together: the checker refuses it.
    case mixed

    public init(_ values: [EnumValue]) {
        let kinds = Set(values.map(\.kind))
        if kinds.isEmpty || kinds == [.string] {
            self = .string
        } else if kinds.contains(.string) {
            self = .mixed
        } else {
            self = kinds.contains(.number) ? .number : .integer
        }
    }

    /// The Swift raw type.
    public var swiftType: String {
        switch self {
        case .string, .mixed: "String"
        case .integer: "Int"
        case .number: "Double"
        }
    }

    public var isNumeric: Bool { self == .integer || self == .number }

    /// The Swift literal of `value` as a value of this raw type (a string literal is escaped by the caller's
    /// function; this is for numbers, which need none).
    public func numericLiteral(_ value: EnumValue) -> String {
        switch self {
        case .number: String(Double(value.value) ?? 0)
        default: value.value
        }
    }
}

/// A field of an object, in the author's order.
public struct Field: Sendable, Hashable {
    /// The name on the wire, exactly as the API spells it.
    public var name: String
    /// An explicit Swift name; otherwise derived from `name`.
    public var swiftName: String?
    public var doc: String?
    public var type: TypeRef
    /// Whether the key must be present (default `true`).
    public var required: Bool
    /// Whether the value may be `null`.
    public var nullable: Bool
    /// Whether the value is a secret that must never be shown.
    public var sensitive: Bool
    /// A value the field always has.
    public var constant: JSONValue?
    public var defaultValue: JSONValue?
    public var constraints: Constraints
    /// The deprecation message (empty: deprecated without one); `nil` when the field is not deprecated.
    public var deprecated: String? = nil
    /// Whether only the server sends it: a request need not carry it, even when it is required.
    public var readOnly: Bool = false
    /// Whether only the client sends it (a password): a response need not carry it, even when it is required.
    public var writeOnly: Bool = false

    /// Whether the key must be present in both directions: required, and neither read-only nor write-only.
    /// A required read-only (write-only) field is required only in responses (requests).
    public var requiredBothWays: Bool { required && !readOnly && !writeOnly }

    public init(
        name: String, swiftName: String? = nil, doc: String? = nil, type: TypeRef, required: Bool = true,
        nullable: Bool = false, sensitive: Bool = false, constant: JSONValue? = nil, defaultValue: JSONValue? = nil,
        constraints: Constraints = Constraints()
    ) {
        self.name = name
        self.swiftName = swiftName
        self.doc = doc
        self.type = type
        self.required = required
        self.nullable = nullable
        self.sensitive = sensitive
        self.constant = constant
        self.defaultValue = defaultValue
        self.constraints = constraints
    }
}

/// Where a parameter travels.
public enum ParameterLocation: String, Sendable, Hashable, CaseIterable {
    case path, query, header, cookie
}

/// How a parameter's value is written, as OpenAPI 3.1's `style` names it.
public enum ParameterStyle: String, Sendable, Hashable, CaseIterable {
    /// Query and cookie: `ids=1&ids=2` exploded, `ids=1,2` not.
    case form
    /// Path and header: `1,2`.
    case simple
    /// Query, not exploded: `ids=1 2` (`ids=1%202` on the wire).
    case spaceDelimited
    /// Query, not exploded: `ids=1|2`.
    case pipeDelimited
    /// Query, an object of flat fields: `filter[name]=x&filter[min]=1`.
    case deepObject

    /// OpenAPI's default style for a location: `form` in the query and cookies, `simple` in the path and headers.
    public static func defaultStyle(for location: ParameterLocation) -> ParameterStyle {
        location == .query || location == .cookie ? .form : .simple
    }
}

/// A path, query, header or cookie parameter.
public struct Parameter: Sendable, Hashable {
    public var name: String
    public var location: ParameterLocation
    public var swiftName: String?
    public var doc: String?
    public var type: TypeRef
    public var required: Bool
    public var sensitive: Bool
    public var defaultValue: JSONValue?
    public var constraints: Constraints
    /// The deprecation message (empty: deprecated without one); `nil` when the parameter is not deprecated.
    public var deprecated: String? = nil
    /// `"style"` as written; `nil` for the location's default (``ParameterStyle/defaultStyle(for:)``).
    public var style: ParameterStyle? = nil
    /// `"explode"` as written; `nil` for the style's default (`true` for `form` and `deepObject`).
    public var explode: Bool? = nil

    /// The style the value travels in.
    public var effectiveStyle: ParameterStyle { style ?? ParameterStyle.defaultStyle(for: location) }
    /// Whether an array travels as one item per value (OpenAPI's default: `true` for `form` and `deepObject`).
    public var effectiveExplode: Bool { explode ?? (effectiveStyle == .form || effectiveStyle == .deepObject) }

    public init(
        name: String, location: ParameterLocation, swiftName: String? = nil, doc: String? = nil, type: TypeRef,
        required: Bool = true, sensitive: Bool = false, defaultValue: JSONValue? = nil,
        constraints: Constraints = Constraints()
    ) {
        self.name = name
        self.location = location
        self.swiftName = swiftName
        self.doc = doc
        self.type = type
        self.required = required
        self.sensitive = sensitive
        self.defaultValue = defaultValue
        self.constraints = constraints
    }
}

/// A request body.
public struct RequestBody: Sendable, Hashable {
    /// The body's type; `nil` for a raw body (bytes and their content type, `RawBody` in Swift) in
    /// any of ``contentTypes``, which may be media ranges (`image/*`, `*/*`).
    public var type: TypeRef?
    public var contentTypes: [String]
    public var doc: String?
    /// Whether a request must carry the body (`"required"`, default `true`). An optional body is
    /// `body: T?` on the input: the client sends nothing for `nil`, and the server hands `nil` to the
    /// handler for a request without a body.
    public var required: Bool

    public init(type: TypeRef?, contentTypes: [String], doc: String?, required: Bool = true) {
        self.type = type
        self.contentTypes = contentTypes
        self.doc = doc
        self.required = required
    }
}

/// The status a response documents: one code (`404`), a class of codes (`4XX`: 400–499) or `default`
/// (any status no other response of the operation documents).
///
/// An integer literal is a ``code(_:)``; `String(status)` is the definition's (and OpenAPI's) spelling:
/// `404`, `4XX`, `default`.
public enum ResponseStatus: Sendable, Hashable, ExpressibleByIntegerLiteral, LosslessStringConvertible {
    /// One status code.
    case code(Int)
    /// The statuses `class * 100 ... class * 100 + 99`; `class` is 1–5.
    case range(Int)
    /// Every status no code or range of the operation documents.
    case `default`

    public init(integerLiteral value: Int) { self = .code(value) }

    /// Reads `404`, `4XX` (class 1–5, upper-case `XX`) or `default`.
    public init?(_ description: String) {
        if description == "default" {
            self = .default
        } else if let code = Int(description), description.allSatisfy(\.isASCII) {
            self = .code(code)
        } else if description.count == 3, description.hasSuffix("XX"), let first = description.first,
            let digit = first.wholeNumberValue, first.isASCII, (1...5).contains(digit)
        {
            self = .range(digit)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .code(let code): return String(code)
        case .range(let digit): return "\(digit)XX"
        case .default: return "default"
        }
    }

    /// The doc of a response that has none: `Status 404.`, `Status 4XX.`, `Any other status.`
    public var defaultDoc: String { self == .default ? "Any other status." : "Status \(self)." }

    /// The one code, for ``code(_:)``.
    public var code: Int? {
        if case .code(let code) = self { return code }
        return nil
    }

    /// The codes this status covers on its own: one code, a class of 100, or every status (100–599).
    public var codes: ClosedRange<Int> {
        switch self {
        case .code(let code): return code...code
        case .range(let digit): return digit * 100...digit * 100 + 99
        case .default: return 100...599
        }
    }
}

/// A documented response.
public struct Response: Sendable, Hashable {
    public var status: ResponseStatus
    public var doc: String?
    /// The body's type; `nil` when the body is undocumented (clients get its raw bytes). For a stream,
    /// the type of each event's data.
    public var type: TypeRef?
    /// The media types the body travels as; for a stream, its format's one media type.
    public var contentTypes: [String]
    /// How the body streams events of `type`; `nil` for a body that is one value.
    public var stream: StreamFormat?
    /// The typed headers the response carries, in the definition's order. Each is a ``Parameter`` in
    /// ``ParameterLocation/header`` without a default; `required` is `false` unless the definition says
    /// otherwise (OpenAPI's default for response headers).
    public var headers: [Parameter] = []

    public init(
        status: ResponseStatus, doc: String?, type: TypeRef?, contentTypes: [String], stream: StreamFormat? = nil,
        headers: [Parameter] = []
    ) {
        self.status = status
        self.doc = doc
        self.type = type
        self.contentTypes = contentTypes
        self.stream = stream
        self.headers = headers
    }
}

/// The wire format of a response that is a stream of typed events.
public enum StreamFormat: String, Sendable, Hashable, CaseIterable {
    /// Server-sent events (`text/event-stream`): each event's `data` is a JSON value; `event`, `id` and
    /// `retry` travel with it.
    case serverSentEvents = "sse"
    /// JSON Lines (`application/jsonl`): one JSON value per line.
    case jsonLines = "jsonl"
    /// JSON Text Sequences (`application/json-seq`, RFC 7464): each JSON value after an RS byte.
    case jsonSequence = "json-seq"

    /// The media type the stream travels as.
    public var mediaType: String {
        switch self {
        case .serverSentEvents: "text/event-stream"
        case .jsonLines: "application/jsonl"
        case .jsonSequence: "application/json-seq"
        }
    }

    /// The format that travels as `mediaType` (compared without parameters, ignoring case), if any.
    public init?(mediaType: String) {
        let essence = mediaType.split(separator: ";").first.map { $0.lowercased().filter { $0 != " " && $0 != "\t" } }
        guard let format = Self.allCases.first(where: { $0.mediaType == essence }) else { return nil }
        self = format
    }
}

/// One HTTP operation.
public struct Operation: Sendable, Hashable {
    /// The operation's name (`sendVerification`); the Swift method name derives from it.
    public var name: String
    public var method: String
    /// The path template relative to the base URL, with `{name}` path parameters.
    public var path: String
    public var summary: String?
    public var doc: String?
    /// Alternatives: the request must satisfy one entry, each entry a set of schemes used together.
    public var auth: [[AuthUse]]
    public var parameters: [Parameter]
    public var body: RequestBody?
    public var responses: [Response]
    /// The deprecation message (empty: deprecated without one); `nil` when the operation is not deprecated.
    public var deprecated: String? = nil

    public init(
        name: String, method: String, path: String, summary: String?, doc: String?, auth: [[AuthUse]],
        parameters: [Parameter], body: RequestBody?, responses: [Response]
    ) {
        self.name = name
        self.method = method
        self.path = path
        self.summary = summary
        self.doc = doc
        self.auth = auth
        self.parameters = parameters
        self.body = body
        self.responses = responses
    }

    /// The parameter names in the path template, in order.
    public var templateParameters: [String] { Self.templateParameters(in: path) }

    /// The `{name}` parameter names of a path template, in order.
    public static func templateParameters(in path: String) -> [String] {
        var names: [String] = []
        var current: String?
        for character in path {
            if character == "{" {
                current = ""
            } else if character == "}" {
                if let name = current { names.append(name) }
                current = nil
            } else if current != nil {
                current?.append(character)
            }
        }
        return names
    }
}

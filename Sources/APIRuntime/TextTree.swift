import Foundation

/// A value as XML documents and form bodies carry it: every leaf is text, and the structure is
/// objects (ordered members), lists and explicit nulls. Generated models convert to and from a
/// `TextTree` (`TextTreeCodable`); the runtime reads and writes each wire format:
/// XML in a service's dialect (``XMLDialect``), `application/x-www-form-urlencoded` and
/// `multipart/form-data`.
public enum TextTree: Sendable, Hashable {
    /// A leaf. XML: the element's text; forms: the field's value.
    case text(String)
    /// A boolean leaf, kept apart so each format can spell it (`True` in Django REST framework's XML).
    case boolean(Bool)
    /// An explicit null. XML: an empty element; forms: an empty value.
    case null
    /// An ordered list. XML: one item element per value (`<list-item>` in DRF's dialect); forms:
    /// the field repeated once per value.
    case list([TextTree])
    /// An object: members in order. XML: one child element per member.
    case object([Member])
    /// A file: a `multipart/form-data` part with its own `Content-Type` and filename, and bytes that need not
    /// be text. Only multipart carries files; other formats write its bytes as text, best-effort.
    case file(FilePart)
    /// Any JSON (a definition's `json` field). XML writes it as the element tree it stands for (objects as
    /// elements, arrays as list items, every leaf as text); a form writes its JSON text as one value
    /// (`RateLimits={"a":"b"}`), multipart as a part with `Content-Type: application/json`. Readers never
    /// produce it: a form's JSON text reads back as `.text` (or a multipart part as `.file`), which
    /// `AnyJSON` parses when the reader's ``TextTreeReader/anyJSON`` says JSON travels as text.
    case json(AnyJSON)

    public struct Member: Sendable, Hashable {
        public var name: String
        public var value: TextTree

        public init(_ name: String, _ value: TextTree) {
            self.name = name
            self.value = value
        }
    }
}

/// How a service writes XML: the root element, the element for each array item, and the spelling
/// of booleans. `XMLDialect.djangoREST` is Django REST framework's `XMLRenderer`.
public struct XMLDialect: Sendable, Hashable {
    public var rootElement: String
    public var listItemElement: String
    public var trueText: String
    public var falseText: String

    public init(rootElement: String, listItemElement: String, trueText: String = "true", falseText: String = "false") {
        self.rootElement = rootElement
        self.listItemElement = listItemElement
        self.trueText = trueText
        self.falseText = falseText
    }

    /// `<root>`, `<list-item>`, `True`/`False`, empty elements for null.
    public static let djangoREST = XMLDialect(
        rootElement: "root", listItemElement: "list-item", trueText: "True", falseText: "False")
}

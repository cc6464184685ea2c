@_spi(Generated) import APIRuntime
import Foundation
import Testing

@Suite("XML format")
struct XMLFormatTests {
    let dialect = XMLDialect.djangoREST
    let declaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"

    func object(_ members: (String, TextTree)...) -> TextTree {
        .object(members.map { TextTree.Member($0.0, $0.1) })
    }

    func write(_ tree: TextTree) -> String {
        String(decoding: XMLFormat.write(tree, dialect: dialect), as: UTF8.self)
    }

    func read(_ xml: String) throws(ValidationErrors) -> TextTree {
        try XMLFormat.read(Data(xml.utf8), dialect: dialect)
    }

    /// The reasons `xml` is refused with; fails the test when it is accepted.
    func refusal(_ xml: String, sourceLocation: SourceLocation = #_sourceLocation) -> [ValidationError] {
        do {
            let tree = try read(xml)
            Issue.record("accepted: \(tree)", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.errors
        }
    }

    // MARK: Writing as DRF writes

    /// Found by the random-definition property test: an object whose fields are all absent is
    /// written as an empty element, which reads as null; it must read back as an empty object.
    @Test func anObjectWithoutMembersRoundTrips() throws {
        let xml = write(object())
        #expect(xml == declaration + "<root></root>")
        let tree = try read(xml)
        #expect(try TextTreeReader(tree).object().members.isEmpty)
        let nested = try read(write(object(("child", object()))))
        guard case .object(let members) = nested, let child = members.first?.value else {
            Issue.record("expected an object, got \(nested)")
            return
        }
        #expect(try TextTreeReader(child, path: "child").object().members.isEmpty)
        #expect(throws: ValidationErrors.self) { try TextTreeReader(.text("x")).object() }
    }

    @Test func writesATokenResponseExactlyAsDRF() {
        let tree = object(("access_token", .text("abc")), ("expires_in", .null), ("refresh_token", .text("r")))
        #expect(
            write(tree)
                == declaration + "<root><access_token>abc</access_token><expires_in></expires_in>"
                + "<refresh_token>r</refresh_token></root>")
    }

    @Test func writesListsAsListItems() throws {
        let tree = object(
            ("object", .text("pending_login")), ("id", .text("3fa85f64-5717-4562-b3fc-2c963f66afa6")),
            ("user", .text("7")), ("two_factor_required_providers", .list([.text("1"), .text("2")])))
        let xml =
            declaration
            + "<root><object>pending_login</object><id>3fa85f64-5717-4562-b3fc-2c963f66afa6</id><user>7</user>"
            + "<two_factor_required_providers><list-item>1</list-item><list-item>2</list-item>"
            + "</two_factor_required_providers></root>"
        #expect(write(tree) == xml)
        #expect(try read(xml) == tree)
    }

    @Test func writesBooleansInTheDialectsSpelling() {
        #expect(
            write(object(("active", .boolean(true)), ("staff", .boolean(false))))
                == declaration + "<root><active>True</active><staff>False</staff></root>")
        let plain = XMLDialect(rootElement: "response", listItemElement: "item")
        #expect(
            String(decoding: XMLFormat.write(.list([.boolean(true), .null]), dialect: plain), as: UTF8.self)
                == declaration + "<response><item>true</item><item></item></response>")
    }

    @Test func writesNestedObjectsAndTopLevelLists() throws {
        let nested = object(
            ("user", object(("id", .text("7")), ("profile", object(("name", .text("Ann")), ("bio", .null))))))
        let nestedXML =
            declaration + "<root><user><id>7</id><profile><name>Ann</name><bio></bio></profile></user></root>"
        #expect(write(nested) == nestedXML)
        #expect(try read(nestedXML) == nested)

        let list = TextTree.list([object(("id", .text("1"))), object(("id", .text("2")))])
        let listXML =
            declaration + "<root><list-item><id>1</id></list-item><list-item><id>2</id></list-item></root>"
        #expect(write(list) == listXML)
        #expect(try read(listXML) == list)

        #expect(write(.null) == declaration + "<root></root>")
        #expect(write(.text("plain")) == declaration + "<root>plain</root>")
    }

    @Test func escapesTextAndRoundTrips() throws {
        let tree = object(("note", .text("a < b & \"c\" > 'd'")))
        #expect(write(tree) == declaration + "<root><note>a &lt; b &amp; \"c\" &gt; 'd'</note></root>")
        #expect(try read(write(tree)) == tree)

        let awkward = object(
            ("unicode", .text("naïve café – 日本 🎉")), ("lines", .text("one\ntwo\r\nthree\tfour")),
            ("spaced", .text("  padded  ")), ("markup", .text("<![CDATA[ ]]> &amp; <root/>")))
        #expect(try read(write(awkward)) == awkward)
    }

    @Test func replacesCharactersXMLCannotCarry() throws {
        #expect(write(.text("a\u{1}b\u{FFFF}c")) == declaration + "<root>a\u{FFFD}b\u{FFFD}c</root>")
        #expect(write(.text("a\rb")) == declaration + "<root>a&#13;b</root>")
        #expect(try read(write(.text("a\u{1}b"))) == .text("a\u{FFFD}b"))
    }

    @Test func roundTripsLargeTrees() throws {
        let items = (0..<50_000).map { index in
            object(("id", .text(String(index))), ("name", .text("item & \(index)")), ("active", .boolean(true)))
        }
        let tree = object(("results", .list(items)), ("count", .text("50000")))
        let data = XMLFormat.write(tree, dialect: dialect)
        #expect(data.count > 3_000_000)
        #expect(try XMLFormat.read(data, dialect: dialect) == Self.readBack(tree))
    }

    /// A tree as it reads back: booleans become text.
    static func readBack(_ tree: TextTree) -> TextTree {
        switch tree {
        case .boolean(let flag): .text(flag ? "True" : "False")
        case .list(let items): .list(items.map(readBack))
        case .object(let members): .object(members.map { TextTree.Member($0.name, readBack($0.value)) })
        case .text, .null: tree
        case .file(let part): .text(part.data.base64EncodedString())
        case .json(let value): readBack(elements(value))
        }
    }

    /// Any JSON as XML writes it: an element tree, numbers as text.
    static func elements(_ value: AnyJSON) -> TextTree {
        switch value {
        case .null: .null
        case .bool(let flag): .boolean(flag)
        case .number(let number): .text(number.rounded() == number ? String(Int(number)) : String(number))
        case .string(let text): .text(text)
        case .array(let items): .list(items.map(elements))
        case .object(let members): .object(members.map { TextTree.Member($0.key, elements($0.value)) })
        }
    }

    // MARK: Reading

    @Test func readsTheSeedExample() throws {
        let xml =
            "<root>  <success>true</success>  <message>string</message>  "
            + "<expires_at>2024-07-29T15:51:28.071Z</expires_at>  <verification_code>string</verification_code></root>"
        #expect(
            try read(xml)
                == object(
                    ("success", .text("true")), ("message", .text("string")),
                    ("expires_at", .text("2024-07-29T15:51:28.071Z")), ("verification_code", .text("string"))))
    }

    @Test func ignoresWhitespaceBetweenElements() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- a comment before the root -->
            <root>
                <access_token>abc</access_token>
                <expires_in>
                </expires_in>
                <scopes>
                    <list-item>read</list-item>
                    <list-item>write</list-item>
                </scopes>
                <user>
                    <id>7</id>
                </user>
            </root>

            """
        #expect(
            try read(xml)
                == object(
                    ("access_token", .text("abc")), ("expires_in", .null),
                    ("scopes", .list([.text("read"), .text("write")])), ("user", object(("id", .text("7"))))))
    }

    @Test func keepsTextAsWritten() throws {
        #expect(try read("<root><a>  x  </a></root>") == object(("a", .text("  x  "))))
        #expect(
            try read("<root><a>1 &lt; 2 &amp;&amp; &#233;&#x41;</a></root>")
                == .object([.init("a", .text("1 < 2 && éA"))]))
        #expect(
            try read("<root><a><![CDATA[<b>&amp;</b>]]> tail</a></root>") == object(("a", .text("<b>&amp;</b> tail"))))
        #expect(
            try read("<root><a x=\"1\">attributes are ignored</a></root>")
                == object(("a", .text("attributes are ignored"))))
        #expect(try read("\u{FEFF}<root>bom</root>") == .text("bom"))
    }

    @Test func readsEmptyElementsAsNull() throws {
        #expect(
            try read("<root><a></a><b/><c>  \n </c><d>0</d></root>")
                == object(("a", .null), ("b", .null), ("c", .null), ("d", .text("0"))))
        // An empty list cannot be told from null.
        #expect(try read(write(object(("tags", .list([]))))) == object(("tags", .null)))
        #expect(try read("<root/>") == .null)
    }

    /// Found by the random-definition property test (seed 10730): a required read-only array that was empty
    /// is written as an empty element; its Swift property is optional (absent in requests), and reading the
    /// element as nil made the response fail validation ("is required in a response"). A field required one
    /// way reads an empty element as its type's empty value; an optional field still reads it as nil (DRF
    /// writes `None` as an empty element).
    @Test func oneWayRequiredFieldsReadEmptyElementsAsEmptyValues() throws {
        var builder = TextTreeObjectBuilder()
        builder.encodeIfPresent([Int](), "list")
        builder.encodeIfPresent([String: Int](), "map")
        builder.encodeIfPresent("", "text")
        builder.encodeIfPresent(Data(), "bytes")
        builder.encodeIfPresent(Optional<Int>.none, "absent")
        builder.encodeIfPresent(7, "number")
        let members = try TextTreeReader(read(write(builder.tree))).object()
        #expect(try members.decodeOneWay("list") == [Int]())
        #expect(try members.decodeOneWay("map") == [String: Int]())
        #expect(try members.decodeOneWay("text") == "")
        #expect(try members.decodeOneWay("bytes") == Data())
        #expect(try members.decodeOneWay("absent") as [Int]? == nil)
        #expect(try members.decodeOneWay("number") == 7)
        #expect(try members.decodeIfPresent("list") as [Int]? == nil)
        #expect(try members.decodeIfPresent("map") as [String: Int]? == nil)
        #expect(try members.decodeIfPresent("text") as String? == nil)
        // Types without an empty value read an empty element as absent.
        let numbers = try TextTreeReader(read("<root><n></n><d/></root>")).object()
        #expect(try numbers.decodeOneWay("n") as Int? == nil)
        #expect(try numbers.decodeOneWay("d") as Date? == nil)
    }

    @Test func keepsDuplicateNamesInOrder() throws {
        #expect(
            try read("<root><a>1</a><b>2</b><a>3</a></root>")
                == object(("a", .text("1")), ("b", .text("2")), ("a", .text("3"))))
    }

    // MARK: Refusals

    @Test(arguments: [
        "<!DOCTYPE root><root/>",
        "<?xml version=\"1.0\"?>\n<!-- <root> -->\n<!doctype root [<!ELEMENT root ANY>]><root/>",
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE root [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <root><secret>&xxe;</secret></root>
        """,
        """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
        ]>
        <root>&lol3;</root>
        """,
    ])
    func refusesDoctypes(xml: String) {
        let errors = refusal(xml)
        #expect(errors.count == 1)
        #expect(errors.first?.reason.contains("DOCTYPE is not allowed") == true)
    }

    @Test func refusesEncodingsTheDoctypeScanCannotSee() throws {
        let utf16 = Data([0xFF, 0xFE]) + "<root/>".data(using: .utf16LittleEndian)!
        #expect(throws: ValidationErrors.self) { try XMLFormat.read(utf16, dialect: dialect) }
        let declared = refusal("<?xml version=\"1.0\" encoding=\"IBM037\"?><root/>")
        #expect(declared.first?.reason.contains("IBM037") == true)
        #expect(try read("<?xml version='1.0' encoding='ISO-8859-1'?><root>ok</root>") == .text("ok"))
    }

    @Test func refusesAnotherRootElement() {
        let errors = refusal("<response><a>1</a></response>")
        #expect(errors.map(\.reason) == ["expected the root element <root>, found <response>"])
    }

    @Test func reportsMalformedXMLWithItsLocation() {
        let mismatched = refusal("<root>\n  <a>1</b>\n</root>")
        #expect(mismatched.count == 1)
        #expect(mismatched.first?.reason.contains("line 2, column") == true)
        #expect(mismatched.first?.reason.contains("end tag does not match") == true)

        #expect(
            refusal("<root>a & b</root>").map(\.reason)
                == ["an '&' that does not start an entity reference (write &amp;)"])
        #expect(refusal("<root><a>1</a>").first?.reason.contains("malformed XML") == true)
        #expect(refusal("<root></root><root></root>").first?.reason.contains("malformed XML") == true)
        #expect(refusal("<root>&undefined;</root>").first?.reason.contains("only the predefined entities") == true)
        #expect(refusal("not xml").first?.reason.contains("malformed XML at line 1") == true)
        #expect(refusal("").first?.reason.contains("empty") == true)
        let blank = refusal("  \n <!-- only a comment -->\n")
        #expect(blank.first?.reason.contains("empty") == true, "\(blank)")
    }

    @Test func refusesMixedContentNamingThePath() {
        let errors = refusal("<root><items><list-item><a>x<b>1</b></a></list-item></items></root>")
        #expect(errors == [ValidationError(path: "items[0].a", reason: "mixes text with child elements")])
    }

    @Test func readsConcurrently() async throws {
        let dialect = dialect
        let failures = await withTaskGroup(of: Int.self) { group in
            for task in 0..<8 {
                group.addTask {
                    var failures = 0
                    for index in 0..<50 {
                        let good = "<root><task>\(task)</task><index>\(index)</index></root>"
                        let expected = TextTree.object([
                            .init("task", .text("\(task)")), .init("index", .text("\(index)")),
                        ])
                        if (try? XMLFormat.read(Data(good.utf8), dialect: dialect)) != expected { failures += 1 }
                        let bad = "<root><task>\(task)</oops></root>"
                        if (try? XMLFormat.read(Data(bad.utf8), dialect: dialect)) != nil { failures += 1 }
                    }
                    return failures
                }
            }
            return await group.reduce(0, +)
        }
        #expect(failures == 0)
    }

    // MARK: Size

    @Test func parsesDocumentsOverTenMegabytes() throws {
        var xml = "<root><results>"
        xml.reserveCapacity(12_000_000)
        let count = 150_000
        for index in 0..<count {
            xml += "<list-item><id>\(index)</id><name>name number \(index)</name><note></note></list-item>"
        }
        xml += "</results><big>" + String(repeating: "x", count: 1_000_000) + "</big></root>"
        let data = Data(xml.utf8)
        #expect(data.count > 10_485_760)
        guard case .object(let members) = try XMLFormat.read(data, dialect: dialect) else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.name) == ["results", "big"])
        guard case .list(let items) = members[0].value else {
            Issue.record("results is not a list")
            return
        }
        #expect(items.count == count)
        #expect(
            items.last
                == object(
                    ("id", .text("\(count - 1)")), ("name", .text("name number \(count - 1)")), ("note", .null)))
        #expect(members[1].value == .text(String(repeating: "x", count: 1_000_000)))
    }
}

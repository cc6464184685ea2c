@_spi(Generated) import APIRuntime
import Foundation
import Testing

private func object(_ members: (String, TextTree)...) -> TextTree {
    .object(members.map { TextTree.Member($0.0, $0.1) })
}

@Suite("URL-encoded forms")
struct FormFormatURLEncodedTests {
    func write(_ tree: TextTree) -> String {
        String(decoding: FormFormat.writeURLEncoded(tree), as: UTF8.self)
    }

    func read(_ body: String) throws(ValidationErrors) -> TextTree {
        try FormFormat.readURLEncoded(Data(body.utf8))
    }

    @Test func writesFieldsInOrder() {
        let tree = object(
            ("username", .text("ann")), ("note", .null), ("remember", .boolean(true)),
            ("scopes", .list([.text("read"), .text("write")])), ("query", .text("a b&c=d+é/~")))
        #expect(
            write(tree)
                == "username=ann&note=&remember=true&scopes=read&scopes=write&query=a%20b%26c%3Dd%2B%C3%A9%2F~")
        #expect(write(object()) == "")
    }

    @Test func writesNestedObjectsInBracketNotation() {
        let tree = object(("user", object(("id", .text("7")), ("tags", .list([.text("x")])))), ("ok", .boolean(false)))
        #expect(write(tree) == "user%5Bid%5D=7&user%5Btags%5D=x&ok=false")
    }

    @Test func readsFields() throws {
        #expect(
            try read("name=John+Smith&city=New%20York&tag=a&tag=b&empty=&bare&tag=c&sum=1%2B1%3D2&caf%C3%A9=cr%c3%a8me")
                == object(
                    ("name", .text("John Smith")), ("city", .text("New York")),
                    ("tag", .list([.text("a"), .text("b"), .text("c")])), ("empty", .text("")), ("bare", .text("")),
                    ("sum", .text("1+1=2")), ("café", .text("crème"))))
        #expect(try read("a=1&&b=2&") == object(("a", .text("1")), ("b", .text("2"))))
        #expect(try read("") == object())
        #expect(try read("eq=a=b") == object(("eq", .text("a=b"))))
    }

    @Test func roundTrips() throws {
        let tree = object(
            ("text", .text("Grüße, 世界! 100% & more + less = \"quoted\"\r\n")), ("empty", .text("")),
            ("list", .list([.text("1"), .text(""), .text("three")])), ("symbols", .text("!*'();:@&=+$,/?#[]")))
        #expect(try read(write(tree)) == tree)
        // Null and booleans read back as text.
        #expect(
            try read(write(object(("n", .null), ("b", .boolean(true)))))
                == object(("n", .text("")), ("b", .text("true"))))
    }

    @Test func refusesInvalidPercentEscapesNamingTheField() {
        #expect {
            try read("ok=1&a=%zz&b=50%&c=%4&d=%e9")
        } throws: { error in
            let errors = (error as? ValidationErrors)?.errors ?? []
            return errors.map(\.path) == ["a", "b", "c", "d"]
                && errors.prefix(3).allSatisfy { $0.reason == "invalid percent escape in the field's value" }
                && errors[3].reason == "the field's value is not UTF-8 once percent-decoded"
        }
        #expect {
            try read("bad%G1name=x")
        } throws: { error in
            (error as? ValidationErrors)?.errors
                == [ValidationError(path: "", reason: "field 1: invalid percent escape in the field's name")]
        }
    }
}

@Suite("Multipart forms")
struct FormFormatMultipartTests {
    func refusal(_ body: String, contentType: String, sourceLocation: SourceLocation = #_sourceLocation)
        -> [ValidationError]
    {
        do {
            let tree = try FormFormat.readMultipart(Data(body.utf8), contentType: contentType)
            Issue.record("accepted: \(tree)", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.errors
        }
    }

    @Test func writesRFC7578Parts() {
        let tree = object(("name", .text("Ann")), ("tags", .list([.text("a"), .text("b")])), ("bio", .null))
        let body = String(decoding: FormFormat.writeMultipart(tree, boundary: "XyZ"), as: UTF8.self)
        #expect(
            body
                == "--XyZ\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nAnn\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\na\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\nb\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"bio\"\r\n\r\n\r\n"
                + "--XyZ--\r\n")
        #expect(String(decoding: FormFormat.writeMultipart(object(), boundary: "XyZ"), as: UTF8.self) == "--XyZ--\r\n")
    }

    @Test func roundTrips() throws {
        let tree = object(
            ("text", .text("Grüße\r\nsecond line\r\n--not-the-boundary\r\n")), ("empty", .text("")),
            ("list", .list([.text("1"), .text("2"), .text("3")])), ("quote\"back\\slash", .text("x; name=\"y\"")))
        let boundary = FormFormat.makeBoundary()
        let data = FormFormat.writeMultipart(tree, boundary: boundary)
        #expect(try FormFormat.readMultipart(data, contentType: "multipart/form-data; boundary=\(boundary)") == tree)
        #expect(
            try FormFormat.readMultipart(
                data, contentType: "Multipart/Form-Data; charset=utf-8; boundary=\"\(boundary)\"")
                == tree)
    }

    @Test func makesFreshBoundaries() {
        let first = FormFormat.makeBoundary()
        let second = FormFormat.makeBoundary()
        #expect(first.hasPrefix("apigen-"))
        #expect(first.count > 30)
        #expect(first != second)
    }

    @Test func readsABodyAsCurlSendsIt() throws {
        // curl -F person=anonymous -F tag=a -F tag=b -F secret=@file.txt, with a preamble and an epilogue
        // added, a quoted boundary and header names in lower case.
        let boundary = "------------------------d74496d66958873e"
        let body =
            "This is the preamble; it is ignored.\r\n"
            + "--\(boundary)\r\n"
            + "Content-Disposition: form-data; name=\"person\"\r\n\r\n"
            + "anonymous\r\n"
            + "--\(boundary)\r\n"
            + "content-disposition: form-data; name=\"tag\"\r\n\r\n"
            + "a\r\n"
            + "--\(boundary)\r\n"
            + "CONTENT-DISPOSITION: Form-Data; name=tag\r\n\r\n"
            + "b\r\n"
            + "--\(boundary)\r\n"
            + "Content-Disposition: form-data; name=\"secret\"; filename=\"file.txt\"\r\n"
            + "Content-Type: text/plain\r\n\r\n"
            + "contents of the file\r\nwith two lines\r\n"
            + "--\(boundary)--\r\n"
            + "This is the epilogue; it is ignored too.\r\n"
        let tree = try FormFormat.readMultipart(
            Data(body.utf8), contentType: "multipart/form-data; boundary=\"\(boundary)\"")
        #expect(
            tree
                == object(
                    ("person", .text("anonymous")), ("tag", .list([.text("a"), .text("b")])),
                    (
                        "secret",
                        .file(
                            FilePart(
                                data: Data("contents of the file\r\nwith two lines".utf8), contentType: "text/plain",
                                filename: "file.txt"))
                    )))
    }

    @Test func refusesAContentTypeWithoutBoundary() {
        let errors = refusal("--x\r\n", contentType: "multipart/form-data")
        #expect(errors.map(\.reason) == ["the Content-Type 'multipart/form-data' has no boundary parameter"])
        #expect(refusal("", contentType: "application/json; boundary=x").first?.reason.contains("expected") == true)
        #expect(
            refusal("no delimiter here", contentType: "multipart/form-data; boundary=x").map(\.reason)
                == ["the body does not contain the boundary --x"])
    }

    @Test func refusesABodyWithoutClosingDelimiter() {
        let contentType = "multipart/form-data; boundary=x"
        let reason = "the body has no closing delimiter --x--"
        let truncated = "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue that never ends"
        #expect(refusal(truncated, contentType: contentType).map(\.reason) == [reason])
        let unclosed = "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x\r\n"
        #expect(refusal(unclosed, contentType: contentType).map(\.reason) == [reason])
        let bare = "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x"
        #expect(refusal(bare, contentType: contentType).map(\.reason) == [reason])
    }

    @Test func refusesPartsWithoutAName() {
        let body =
            "--x\r\nContent-Disposition: form-data\r\n\r\n1\r\n"
            + "--x\r\nContent-Type: text/plain\r\n\r\n2\r\n"
            + "--x\r\nContent-Disposition: attachment; name=\"c\"\r\n\r\n3\r\n"
            + "--x\r\nContent-Disposition: form-data; name=\"ok\"\r\n\r\n4\r\n"
            + "--x--\r\n"
        let reasons = refusal(body, contentType: "multipart/form-data; boundary=x").map(\.reason)
        #expect(reasons.count == 3)
        #expect(reasons.first?.hasPrefix("part 1: the Content-Disposition has no name") == true)
        #expect(reasons.dropFirst().first?.hasPrefix("part 2: no Content-Disposition header") == true)
        #expect(reasons.last == "part 3: the Content-Disposition is 'attachment', not form-data")
    }

    /// Bytes that are not UTF-8 are a file part (see MultipartFileTests), which a text field refuses, naming itself.
    @Test func refusesValuesThatAreNotTextForTextFields() throws {
        var body = Data("--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n".utf8)
        body.append(contentsOf: [0xFF, 0xFE, 0x00, 0x80])
        body.append(contentsOf: Data("\r\n--x--\r\n".utf8))
        let tree = try FormFormat.readMultipart(body, contentType: "multipart/form-data; boundary=x")
        let bytes = Data([0xFF, 0xFE, 0x00, 0x80])
        #expect(tree == object(("file", .file(FilePart(data: bytes, contentType: "application/octet-stream")))))
        #expect {
            try TextTreeReader(tree).object().decode("file") as String
        } throws: { error in
            (error as? ValidationErrors)?.errors == [ValidationError(path: "file", reason: "is not UTF-8 text")]
        }
    }
}

@_spi(Generated) import APIRuntime
import Foundation
import TestSupport
import Testing

private func object(_ members: (String, TextTree)...) -> TextTree {
    .object(members.map { TextTree.Member($0.0, $0.1) })
}

private let contentType = "multipart/form-data; boundary=b"

/// Bytes every file here carries: CR, LF, CRLF, NUL, a lone boundary-looking dash pair and bytes that
/// are not UTF-8.
private let awkwardBytes = Data([0x0D, 0x0A, 0x00, 0x2D, 0x2D, 0x62, 0x0D, 0x0A, 0x0D, 0x0A, 0xFF, 0xFE, 0x80, 0x0D])

@Suite("Multipart file parts")
struct MultipartFileTests {
    func read(_ data: Data, _ type: String = contentType) throws(ValidationErrors) -> TextTree {
        try FormFormat.readMultipart(data, contentType: type)
    }

    func header(of data: Data, part: Int) -> String {
        let text = String(decoding: data, as: UTF8.self)
        let parts = text.components(separatedBy: "--b\r\n")
        return parts[part].components(separatedBy: "\r\n\r\n")[0]
    }

    @Test func writesFilePartsWithFilenameAndContentType() {
        let file = FilePart(data: awkwardBytes, contentType: "image/png", filename: "a.png")
        let data = FormFormat.writeMultipart(object(("title", .text("x")), ("doc", .file(file))), boundary: "b")
        var expected = Data(
            "--b\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nx\r\n--b\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n"
                .utf8)
        expected.append(awkwardBytes)
        expected.append(Data("\r\n--b--\r\n".utf8))
        #expect(data == expected)
    }

    @Test func binaryBytesRoundTrip() throws {
        let files = [
            FilePart(data: awkwardBytes, contentType: "application/octet-stream", filename: "x.bin"),
            FilePart(data: Data(), contentType: "text/plain", filename: nil),
            FilePart(data: Data([0]), contentType: "application/pdf; version=\"1.7\"", filename: ""),
        ]
        let tree = object(
            ("title", .text("t\r\n")), ("files", .list(files.map(TextTree.file))), ("one", .file(files[0])))
        let data = FormFormat.writeMultipart(tree, boundary: "b")
        #expect(try read(data) == tree)
    }

    @Test func hostileFilenamesCannotBreakTheHeader() throws {
        let names = [
            "a\"b.txt", "back\\slash\"", "\"; name=\"evil", "crlf\r\nContent-Type: text/html\r\n\r\nboom",
            "nul\u{0}.bin",
            "naïve résumé 日本語 🎉.pdf", "--b--", "tab\there\u{7F}",
        ]
        for name in names {
            let file = FilePart(data: Data("data".utf8), contentType: "text/plain", filename: name)
            let data = FormFormat.writeMultipart(object(("f", .file(file)), ("after", .text("kept"))), boundary: "b")
            let header = header(of: data, part: 1)
            // One header line for the disposition, one for the type: nothing the name holds starts a line.
            #expect(header.components(separatedBy: "\r\n").count == 2, "\(name)")
            #expect(
                !header.contains("\n\r")
                    && !header.unicodeScalars.contains { $0.value < 0x20 && $0 != "\r" && $0 != "\n" })
            let tree = try read(data)
            guard case .object(let members) = tree, members.count == 2, case .file(let read) = members[0].value else {
                Issue.record("\(name): \(tree)")
                continue
            }
            #expect(members[0].name == "f" && members[1] == TextTree.Member("after", .text("kept")))
            #expect(read.data == Data("data".utf8) && read.contentType == "text/plain")
            // Quotes, backslashes and any Unicode come back as they were; control characters arrive
            // percent-encoded, as browsers send them.
            let expected = name.unicodeScalars.map { scalar in
                scalar.value < 0x20 || scalar.value == 0x7F
                    ? String(format: "%%%02X", scalar.value) : String(scalar)
            }.joined()
            #expect(read.filename == expected, "\(name)")
        }
    }

    @Test func hostileContentTypesStayOnOneLine() throws {
        let file = FilePart(data: Data("x".utf8), contentType: "text/plain\r\nX-Injected: 1", filename: "a")
        let data = FormFormat.writeMultipart(object(("f", .file(file))), boundary: "b")
        #expect(header(of: data, part: 1).components(separatedBy: "\r\n").count == 2)
        #expect(
            try read(data)
                == object(
                    ("f", .file(FilePart(data: Data("x".utf8), contentType: "text/plainX-Injected: 1", filename: "a"))))
        )
        let empty = FilePart(data: Data(), contentType: "\r\n", filename: nil)
        #expect(
            try read(FormFormat.writeMultipart(object(("f", .file(empty))), boundary: "b"))
                == object(("f", .file(FilePart(data: Data(), contentType: "application/octet-stream")))))
    }

    @Test func readsWhatBrowsersAndCurlSend() throws {
        var body = Data(
            "preamble\r\n--b\r\ncontent-disposition: form-data; name=\"doc\"; filename=\"r\u{e9}sum\u{e9}.pdf\"\r\nCONTENT-TYPE:  application/pdf \r\n\r\n"
                .utf8)
        body.append(awkwardBytes)
        body.append(
            Data(
                "\r\n--b\r\nContent-Disposition: form-data; name=\"ext\"; filename=\"fallback.txt\"; filename*=UTF-8''%E2%82%AC%20rates.txt\r\n\r\nabc\r\n--b\r\nContent-Disposition: form-data; name=\"typed\"\r\nContent-Type: application/json\r\n\r\n{}\r\n--b--\r\nepilogue"
                    .utf8))
        #expect(
            try read(body)
                == object(
                    (
                        "doc",
                        .file(FilePart(data: awkwardBytes, contentType: "application/pdf", filename: "résumé.pdf"))
                    ),
                    (
                        "ext",
                        .file(FilePart(data: Data("abc".utf8), contentType: "text/plain", filename: "€ rates.txt"))
                    ),
                    ("typed", .file(FilePart(data: Data("{}".utf8), contentType: "application/json")))))
    }

    @Test func anExtendedFilenameThatDoesNotDecodeFallsBack() throws {
        let body = Data(
            "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"plain.txt\"; filename*=ISO-8859-1''%E9\r\n\r\nx\r\n--b\r\nContent-Disposition: form-data; name=\"g\"; filename*=UTF-8''%FF\r\n\r\ny\r\n--b--\r\n"
                .utf8)
        #expect(
            try read(body)
                == object(
                    ("f", .file(FilePart(data: Data("x".utf8), contentType: "text/plain", filename: "plain.txt"))),
                    ("g", .file(FilePart(data: Data("y".utf8), contentType: "text/plain")))))
    }

    /// Text fields sent as file parts (curl `-F 'name=<file'`, clients that type every part) read as text
    /// when they are UTF-8; file fields read text parts as files.
    @Test func textAndFileFieldsReadEitherKindOfPart() throws {
        let members = try TextTreeReader(
            object(
                ("name", .file(FilePart(data: Data("Ann".utf8), contentType: "text/plain"))),
                ("doc", .text("hello")), ("bad", .file(FilePart(data: Data([0xFF]))))
            )
        ).object()
        #expect(try members.decode("name") as String == "Ann")
        #expect(try members.decode("doc") as FilePart == FilePart(data: Data("hello".utf8), contentType: "text/plain"))
        #expect {
            try members.decode("bad") as Int
        } throws: { error in
            (error as? ValidationErrors)?.errors == [ValidationError(path: "bad", reason: "is not UTF-8 text")]
        }
        #expect(try members.decodeIfPresent("missing") as FilePart? == nil)
        #expect(
            try [FilePart](textTree: TextTreeReader(.file(FilePart(data: Data([1]))))) == [FilePart(data: Data([1]))])
    }

    @Test func sizesAreValidatedInBytes() {
        var checker = ConstraintChecker()
        checker.check(FilePart(data: Data(count: 11)), "doc", maxLength: 10)
        checker.check(FilePart(data: Data()), "thumb", minLength: 1)
        checker.check(FilePart(data: Data(count: 2)), "small", minLength: 3)
        checker.check(FilePart(data: Data(count: 10)), "fits", minLength: 10, maxLength: 10)
        checker.check(nil as FilePart?, "absent", minLength: 1)
        #expect(
            checker.errors == [
                ValidationError(path: "doc", reason: "larger than 10 bytes"),
                ValidationError(path: "thumb", reason: "must not be empty"),
                ValidationError(path: "small", reason: "smaller than 3 bytes"),
            ])
    }

    @Test func descriptionNeverShowsTheBytes() {
        let file = FilePart(data: Data("secret".utf8), contentType: "text/plain", filename: "s.txt")
        #expect(file.description == "FilePart(s.txt, text/plain, 6 bytes)")
        #expect(!"\(file)".contains("secret"))
    }

    @Test func jsonFormKeepsEveryByte() throws {
        let file = FilePart(data: awkwardBytes, contentType: "image/png", filename: "a\"b")
        let data = try JSONEncoder().encode(file)
        #expect(try JSONDecoder().decode(FilePart.self, from: data) == file)
    }

    /// Hostile bodies (random bytes, mutated valid bodies with file parts) never crash the parser: it
    /// answers a tree or typed errors.
    @Test func fuzzedBodiesGiveATreeOrTypedErrors() {
        var random = SeededGenerator(seed: FuzzSeed.choose("MultipartFileTests.fuzz", default: 1207))
        let file = FilePart(data: awkwardBytes, contentType: "image/png", filename: "naïve \"x\".png")
        let valid = FormFormat.writeMultipart(
            object(("title", .text("t")), ("doc", .file(file)), ("more", .list([.file(file), .text("z")]))),
            boundary: "b")
        let alphabet: [UInt8] = Array("\r\n-b\";=:\\%*' ".utf8) + [0x00, 0xFF, 0x80]
        for round in 0..<3000 {
            var bytes = [UInt8](valid)
            if round % 10 == 0 {
                bytes = (0..<random.below(200)).map { _ in alphabet[random.below(alphabet.count)] }
            } else {
                for _ in 0...random.below(6) {
                    guard !bytes.isEmpty else { break }
                    let index = random.below(bytes.count)
                    switch random.below(4) {
                    case 0: bytes[index] = alphabet[random.below(alphabet.count)]
                    case 1: bytes.remove(at: index)
                    case 2: bytes.insert(alphabet[random.below(alphabet.count)], at: index)
                    default: bytes.removeSubrange(index..<min(bytes.count, index + random.below(40)))
                    }
                }
            }
            do {
                let tree = try read(Data(bytes))
                guard case .object = tree else {
                    Issue.record("round \(round): not an object")
                    return
                }
            } catch {
                #expect(!error.errors.isEmpty, "round \(round)")
            }
        }
    }
}

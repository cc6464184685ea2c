@_spi(Generated) import APIRuntime
import Foundation
import TestSupport
import Testing

/// Seconds `body` takes.
private func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

@Suite("Hostile XML")
struct HostileXMLTests {
    let dialect = XMLDialect.djangoREST

    /// The reasons `bytes` is refused with; records an issue when it is accepted.
    func refusal(_ bytes: Data, limits: XMLLimits = .default, sourceLocation: SourceLocation = #_sourceLocation)
        -> [String]
    {
        do {
            let tree = try XMLFormat.read(bytes, dialect: dialect, limits: limits)
            Issue.record("accepted: \(tree)", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.errors.map(\.reason)
        }
    }

    func refusal(_ xml: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        refusal(Data(xml.utf8), sourceLocation: sourceLocation)
    }

    // A processing instruction without data made Foundation's callback call strlen(NULL): SIGSEGV.
    @Test(arguments: [
        "<?x?>", "<?x?><root/>", "<root><?x?></root>", "<root/><?x?>", "<root><a><?x ?></a></root>",
        "<?xml version=\"1.0\"?><?x?><root/>", "<?xml-stylesheet?><root/>", " <?xml version=\"1.0\"?><root/>",
        "<root>\n<?php?>\n</root>",
    ])
    func refusesProcessingInstructions(xml: String) {
        #expect(refusal(xml) == ["a processing instruction (<?…?>) is not allowed in XML bodies"])
    }

    @Test func acceptsTheDeclarationEmptyCommentsAndEmptyCDATA() throws {
        let xml =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!----><root><a><!----><![CDATA[]]></a><b>&#65;</b></root>"
        #expect(
            try XMLFormat.read(Data(xml.utf8), dialect: dialect)
                == .object([.init("a", .null), .init("b", .text("A"))]))
    }

    @Test func refusesDeepNestingQuicklyAndAtTheLimit() throws {
        let depth = 50_000  // about 420 KB: it used to overflow the stack
        let deep =
            "<root>" + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth) + "</root>"
        var reasons: [String] = []
        let elapsed = seconds { reasons = refusal(Data(deep.utf8)) }
        print("HostileXMLTests: 50,000 levels refused in \(String(format: "%.2f", elapsed * 1000)) ms")
        #expect(reasons == ["elements are nested deeper than 128 levels"])
        #expect(elapsed < 2, "took \(elapsed) s")

        func nested(_ levels: Int) -> Data {
            Data(
                ("<root>" + String(repeating: "<a>", count: levels - 1) + "x"
                    + String(repeating: "</a>", count: levels - 1) + "</root>").utf8)
        }
        #expect(throws: Never.self) { try XMLFormat.read(nested(128), dialect: dialect) }
        #expect(refusal(nested(129)) == ["elements are nested deeper than 128 levels"])
        #expect(refusal(nested(9), limits: XMLLimits(maxDepth: 8)) == ["elements are nested deeper than 8 levels"])
        // Empty elements do not nest.
        let flat = "<root>" + String(repeating: "<a/>", count: 10_000) + "</root>"
        #expect(throws: Never.self) { try XMLFormat.read(Data(flat.utf8), dialect: dialect) }
    }

    @Test func refusesManyAttributesQuickly() throws {
        // 100,000 attributes (about 1 MB) took libxml2 2.1 s.
        let attributes = (0..<100_000).map { " a\($0)=\"1\"" }.joined()
        var reasons: [String] = []
        let elapsed = seconds { reasons = refusal(Data("<root\(attributes)/>".utf8)) }
        print("HostileXMLTests: 100,000 attributes refused in \(String(format: "%.2f", elapsed * 1000)) ms")
        #expect(reasons == ["an element has more than 16 attributes"])
        #expect(elapsed < 2, "took \(elapsed) s")
        let sixteen = (0..<16).map { " a\($0)='>'" }.joined()
        #expect(try XMLFormat.read(Data("<root\(sixteen)>x</root>".utf8), dialect: dialect) == .text("x"))
    }

    @Test func refusesWhatTheParserMustNotSee() {
        #expect(refusal(Data("<root>a\u{0}b</root>".utf8)) == ["a NUL byte (at byte 7) is not allowed in XML"])
        #expect(
            refusal(Data([0x3C, 0x72, 0x6F, 0x6F, 0x74, 0x3E, 0xFF, 0x3C, 0x2F, 0x72, 0x6F, 0x6F, 0x74, 0x3E]))
                == ["the document is not valid UTF-8 (at byte 6)"])
        #expect(refusal("<root><!ELEMENT a ANY></root>").first?.contains("markup declaration") == true)
        #expect(refusal("<root a=\"&ent;\"/>").first?.contains("only the predefined entities") == true)
        #expect(refusal("<root><!-- open").first == "a comment does not end")
        #expect(refusal("<root><![CDATA[ open").first == "a CDATA section does not end")
        #expect(refusal("<root a=\"").first == "the document ends inside a tag")
    }

    /// Mutated documents: every one is read or refused with a ``ValidationErrors``, quickly, and never
    /// crashes the process.
    @Test func survivesMutatedDocuments() throws {
        let seed = fuzzSeed("HostileXMLTests.survivesMutatedDocuments")
        var random = SeededGenerator(seed: seed)
        let seeds = [
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<root><access_token>abc</access_token><expires_in></expires_in>"
                + "<scopes><list-item>read</list-item><list-item>w&amp;r</list-item></scopes></root>",
            "<root><user><id>7</id><name><![CDATA[x]]></name><!-- c --></user><ok>True</ok></root>",
        ].map { Array($0.utf8) }
        let fragments =
            [
                "<?x?>", "<?", "?>", "<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE root>", "&", "&lt;", "&#0;",
                "&#xD800;",
                "&x;", "<a>", "</a>", "<a/>", "<root>", "</root>", " a=\"1\"", "\u{0}", "\u{FEFF}", "\r\n", "\u{2028}",
                "<list-item>", "</list-item>", " xmlns:a=\"\"", " xmlns=\"x\"", "<a:b>", "</a:b>", " a:c=\"1\"", "<:>",
                "<?xml version=\"1.0\" encoding=\"UTF-16\"?>",
            ].map { Array($0.utf8) } + [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]]
        let deadline = Date().addingTimeInterval(20)
        var tried = 0
        var accepted = 0
        var slowest = 0.0
        while tried < 20_000, Date() < deadline {
            let input = Data(Mutation.mutate(seeds[tried % seeds.count], fragments: fragments, using: &random))
            tried += 1
            let elapsed = seconds {
                if (try? XMLFormat.read(input, dialect: dialect)) != nil { accepted += 1 }
            }
            slowest = max(slowest, elapsed)
        }
        print("HostileXMLTests: \(tried) documents, \(accepted) accepted, slowest \(Int(slowest * 1000)) ms")
        #expect(tried >= 500)
        #expect(slowest < 0.5)
    }
}

@Suite("Hostile numbers, lengths and forms")
struct HostileValueTests {
    @Test(arguments: ["nan", "NaN", "-nan", "inf", "-inf", "infinity", "Infinity", "1e999", "-1e400"])
    func refusesNonFiniteNumbers(text: String) {
        #expect(Double(parameterValue: text) == nil)
        #expect(throws: ValidationErrors.self) { try Double(textTree: TextTreeReader(.text(text), path: "amount")) }
    }

    @Test func acceptsFiniteNumbersAndValidatesNaNAway() {
        #expect(Double(parameterValue: "1.5e3") == 1500)
        var validator = ConstraintChecker()
        validator.check(Double.nan, "amount", minimum: 0, maximum: 10)
        validator.check(-Double.infinity, "other")
        #expect(
            validator.errors.map(\.description) == [
                "amount: must be a finite number", "other: must be a finite number",
            ])
    }

    // A 20-Character phone number ending in a flag is 21 code points: DRF rejects it, so must we.
    @Test func countsLengthsInCodePoints() {
        let phone = String(repeating: "1", count: 19) + "🇩🇪"
        #expect(phone.count == 20)
        #expect(phone.unicodeScalars.count == 21)
        var validator = ConstraintChecker()
        validator.check(phone, "phone_number", minLength: 1, maxLength: 20)
        validator.check("e\u{301}", "accent", maxLength: 1)
        validator.check("🇩🇪", "flag", minLength: 2, maxLength: 2)
        #expect(
            validator.errors == [
                ValidationError(path: "phone_number", reason: "longer than 20 characters"),
                ValidationError(path: "accent", reason: "longer than 1 characters"),
            ])
    }

    @Test func parameterErrorsQuoteNoValue() {
        let request = ServerRequest(
            http: APIRequest(
                method: .get, path: "/", query: [URLQueryItem(name: "level", value: "SECRET-1")],
                headers: ["X-Pin": "SECRET-2", "X-When": "SECRET-3"]),
            pathParameters: ["id": "SECRET-4"])
        var texts: [String] = []
        do { _ = try request.header("X-Pin", as: Int.self) } catch {
            texts.append("\(error)" + "\(error.response.body)")
        }
        do { _ = try request.requiredHeader("X-When", as: Date.self) } catch { texts.append("\(error)") }
        do { _ = try request.query("level", as: Double.self) } catch { texts.append("\(error)") }
        do { _ = try request.pathParameter("id", as: UUID.self) } catch { texts.append("\(error)") }
        do { _ = try request.responseFormat([.json], parameter: "level") } catch { texts.append("\(error)") }
        #expect(texts.count == 5)
        #expect(!texts.contains { $0.contains("SECRET") }, "\(texts)")
        #expect(texts.first?.contains("X-Pin: is not an integer") == true, "\(texts)")
    }

    @Test func headerDescriptionsHideCredentials() {
        let request = APIRequest(
            method: .post, path: "/",
            headers: [
                "Authorization": "Bearer SECRET-1", "user_key": "SECRET-2", "Session_key": "SECRET-3",
                "Access_token": "SECRET-4", "Cookie": "SECRET-5", "X-Signature": "SECRET-6", "Accept": "text/plain",
            ])
        var dumped = ""
        dump(request, to: &dumped)
        for text in ["\(request)", String(reflecting: request), "\(request.headers)", dumped] {
            #expect(!text.contains("SECRET"), "\(text)")
            #expect(text.contains("text/plain"), "\(text)")
        }
        #expect(request.headers["Authorization"] == "Bearer SECRET-1", "only descriptions are redacted")
    }

    @Test func neverEchoesARawFieldName() {
        #expect {
            try FormFormat.readURLEncoded(Data("s3cr3t-token%zz=1&ok=2".utf8))
        } throws: { error in
            let text = "\(error)"
            return !text.contains("s3cr3t") && (error as? ValidationErrors)?.errors.first?.path == ""
        }
    }

    @Test func refusesBoundariesLongerThanRFC2046Allows() {
        let boundary = String(repeating: "a", count: 71)
        #expect {
            try FormFormat.readMultipart(
                Data("--\(boundary)--\r\n".utf8), contentType: "multipart/form-data; boundary=\(boundary)")
        } throws: { error in
            (error as? ValidationErrors)?.errors.first?.reason == "the boundary is longer than 70 characters"
        }
    }

    @Test func survivesDeeplyNestedJSON() {
        for depth in [600, 100_000] {
            let json = Data((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
            #expect(throws: ValidationErrors.self) { try JSONCoding.decode(AnyJSON.self, from: json) }
        }
    }

    /// Decoding errors say what was expected, never the value that was found.
    @Test func decodingErrorsQuoteNoInput() {
        enum Level: String, Sendable, CaseIterable, ParameterValue, TextTreeCodable, Decodable {
            case low, high
            init(from decoder: any Decoder) throws { self = try decoder.decodeStringEnum(Level.self) }
        }
        struct Holder: Decodable { var level: Level; var count: Int }
        for body in [#"{"level":"s3cr3t","count":1}"#, #"{"level":"low","count":98765432109876543210}"#] {
            do {
                _ = try JSONCoding.decode(Holder.self, from: Data(body.utf8))
                Issue.record("decoded \(body)")
            } catch {
                #expect(!"\(error)".contains("s3cr3t") && !"\(error)".contains("98765432109876543210"), "\(error)")
            }
        }
        do {
            _ = try Int(textTree: TextTreeReader(.text("s3cr3t"), path: "pin"))
            Issue.record("decoded")
        } catch {
            #expect(error.errors == [ValidationError(path: "pin", reason: "is not an integer")])
        }
        do {
            _ = try Level(textTree: TextTreeReader(.text("s3cr3t"), path: "level"))
            Issue.record("decoded")
        } catch {
            #expect(error.errors == [ValidationError(path: "level", reason: "is not one of 'low', 'high'")])
        }
    }
}

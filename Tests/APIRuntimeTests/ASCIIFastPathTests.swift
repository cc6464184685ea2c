@_spi(Generated) import APIRuntime
import Foundation
import TestSupport
import Testing

/// The Foundation code the server's byte-level fast paths replace, kept here as it was, so that the
/// tests compare every fast path with the answer the full parser gives.
enum Reference {
    /// `HeaderFields`' lookup before the fast path: `caseInsensitiveCompare` per field.
    static func header(_ fields: [(String, String)], _ name: String) -> String? {
        fields.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }

    /// `ServerRequest.bearerToken()` before the fast path; `nil` when it answers 401.
    static func bearerToken(_ value: String) -> String? {
        let parts = value.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].caseInsensitiveCompare("Bearer") == .orderedSame,
            !parts[1].trimmingCharacters(in: .whitespaces).isEmpty
        else { return nil }
        return String(parts[1]).trimmingCharacters(in: .whitespaces)
    }

    /// `ContentNegotiation.choose` before the fast path: the full parser, which the runtime keeps.
    static func choose(_ offered: [BodyFormat], accept: String?) -> BodyFormat? {
        guard let accept else { return offered.first }
        return ContentNegotiation.chooseByParsing(offered, accept: accept)
    }

    /// Path-parameter decoding before the fast path.
    static func pathSegment(_ text: String) -> String? { text.removingPercentEncoding }
}

/// A request carrying `Authorization: value`.
private func request(authorization value: String) -> ServerRequest {
    ServerRequest(
        http: APIRequest(method: .post, path: "/", headers: ["Authorization": value]), pathParameters: [:])
}

/// The token `bearerToken()` finds in `value`, or `nil` when it answers 401.
private func token(_ value: String) -> String? {
    do throws(ServerError) {
        return try request(authorization: value).bearerToken()
    } catch {
        #expect(error.status == 401)
        return nil
    }
}

@Suite("ASCII fast paths: header names")
struct HeaderNameFastPathTests {
    @Test func mixedCaseNamesMatch() {
        let headers: HeaderFields = ["content-TYPE": "application/json", "X-Request-Id": "1"]
        #expect(headers["Content-Type"] == "application/json")
        #expect(headers["CONTENT-type"] == "application/json")
        #expect(headers["x-request-id"] == "1")
        #expect(headers["Content-Typ"] == nil)
        #expect(headers["Content-Type2"] == nil)
        #expect(headers[""] == nil)
    }

    @Test func lettersOnlyFoldWithLetters() {
        // `[` and `{`, `@` and `` ` `` differ by 0x20 as `A` and `a` do, but are not letters.
        let headers: HeaderFields = ["a[b": "1", "@": "2"]
        #expect(headers["A{B"] == nil)
        #expect(headers["A[B"] == "1")
        #expect(headers["`"] == nil)
        #expect(headers["@"] == "2")
    }

    @Test func nonASCIINamesFallBackToUnicodeFolding() {
        let headers: HeaderFields = ["X-Grüße": "1", "X-Ä": "2"]
        #expect(headers["x-grÜSSE"] == Reference.header([("X-Grüße", "1")], "x-grÜSSE"))
        #expect(headers["x-GRÜßE"] == "1")
        #expect(headers["x-ä"] == "2")
        #expect(headers["X-A"] == nil)
    }

    @Test func settingReplacesEveryCaseOfTheName() {
        var headers: HeaderFields = ["accept": "a", "X": "1", "ACCEPT": "b"]
        headers["Accept"] = "c"
        #expect(headers.fields.map(\.name) == ["X", "Accept"])
        #expect(headers["aCCept"] == "c")
    }

    @Test func randomNamesAnswerAsCaseInsensitiveCompare() {
        let seed = fuzzSeed("HeaderNameFastPathTests.randomNamesAnswerAsCaseInsensitiveCompare")
        var random = SeededGenerator(seed: seed)
        let pieces = [
            "a", "A", "z", "Z", "-", "_", "@", "[", "`", "{", "0", "9", " ", "\t", "\0", "\u{7F}", "é", "É", "e\u{301}",
            "ß", "SS", "ss", "K", "\u{212A}", "ﬁ", "FI", "İ", "ı", "i", "I", "\u{AD}", "\u{200B}", "Ω", "ω",
        ]
        func name() -> String { (0..<random.int(0...6)).map { _ in random.pick(pieces) }.joined() }
        for _ in 0..<3_000 {
            let fields = (0..<random.int(0...4)).map { index in (name(), "v\(index)") }
            var headers = HeaderFields()
            for (fieldName, value) in fields { headers.add(fieldName, value) }
            let probe = random.chance(50) ? name() : (fields.randomElement(using: &random)?.0 ?? "")
            let mutated =
                random.chance(50) ? probe.map { random.chance(50) ? $0.uppercased() : String($0) }.joined() : probe
            #expect(headers[mutated] == Reference.header(fields, mutated), "seed \(seed): \(fields) [\(mutated)]")
        }
    }
}

@Suite("ASCII fast paths: Bearer")
struct BearerFastPathTests {
    @Test func schemeInAnyCase() {
        #expect(token("Bearer abc") == "abc")
        #expect(token("bearer abc") == "abc")
        #expect(token("BEARER abc.def-ghi_~+/=") == "abc.def-ghi_~+/=")
        #expect(token("BeArEr x") == "x")
    }

    @Test func extraSpacesAndTabs() {
        #expect(token("Bearer   abc  ") == "abc")
        #expect(token("  Bearer abc") == "abc")
        #expect(token("Bearer \tabc\t") == "abc")
        #expect(token("Bearer a b") == "a b")
        #expect(token("Bearer\tabc") == nil)
        #expect(token("Bearer ") == nil)
        #expect(token("Bearer \t ") == nil)
        #expect(token("Bearer") == nil)
    }

    @Test func otherSchemesAndNonASCII() {
        #expect(token("Basic abc") == nil)
        #expect(token("Bearers abc") == nil)
        #expect(token("Bear abc") == nil)
        #expect(token("Bearer tökén") == "tökén")
        #expect(token("Bearer abc\u{00A0}") == Reference.bearerToken("Bearer abc\u{00A0}"))
        #expect(token("Bearer \u{2003}abc") == Reference.bearerToken("Bearer \u{2003}abc"))
    }

    @Test func randomValuesAnswerAsTheFullParser() {
        let seed = fuzzSeed("BearerFastPathTests.randomValuesAnswerAsTheFullParser")
        var random = SeededGenerator(seed: seed)
        let schemes = ["Bearer", "bearer", "BEARER", "Bearer", "Basic", "Bear", "Bearerx", "", "ß", "Beärer"]
        let pieces = [
            "a", "Z", "0", ".", "-", "=", " ", "  ", "\t", "\r", "\n", "é", "\u{00A0}", "\u{2003}", "\u{0}", "~",
        ]
        for _ in 0..<3_000 {
            var value = random.chance(20) ? random.pick([" ", "\t", ""]) : ""
            value += random.pick(schemes) + random.pick([" ", " ", "  ", "\t", ""])
            value += (0..<random.int(0...8)).map { _ in random.pick(pieces) }.joined()
            #expect(token(value) == Reference.bearerToken(value), "seed \(seed): \(value.debugDescription)")
        }
    }
}

@Suite("ASCII fast paths: Accept")
struct AcceptFastPathTests {
    let json: [BodyFormat] = [.json]
    let both: [BodyFormat] = [.json, .xml]

    @Test func absentStarOrOneType() {
        #expect(ContentNegotiation.choose(both, accept: nil) == .json)
        #expect(ContentNegotiation.choose(both, accept: "*/*") == .json)
        #expect(ContentNegotiation.choose(both, accept: " \t") == .json)
        #expect(ContentNegotiation.choose(both, accept: "application/xml") == .xml)
        #expect(ContentNegotiation.choose(both, accept: " Text/XML ") == .xml)
        #expect(ContentNegotiation.choose(both, accept: "APPLICATION/*") == .json)
        #expect(ContentNegotiation.choose(json, accept: "text/html") == nil)
        #expect(ContentNegotiation.choose(json, accept: "application/jsonx") == nil)
        #expect(ContentNegotiation.choose(json, accept: "applicatio/*") == nil)
        #expect(ContentNegotiation.choose([.multipart], accept: "multipart/*") == .multipart)
        #expect(ContentNegotiation.choose([.multipart], accept: "application/*") == nil)
    }

    @Test func qValuesAndParametersUseTheFullParser() {
        #expect(ContentNegotiation.choose(both, accept: "application/json;q=0.5, application/xml") == .xml)
        #expect(ContentNegotiation.choose(both, accept: "application/json; q=0") == nil)
        #expect(ContentNegotiation.choose(both, accept: "application/xml;charset=utf-8") == .xml)
        #expect(ContentNegotiation.choose(both, accept: "text/html, */*;q=0.1") == .json)
        #expect(ContentNegotiation.choose(both, accept: ",") == nil)
        #expect(ContentNegotiation.choose(both, accept: "applicatión/json") == nil)
    }

    @Test func randomValuesAnswerAsTheFullParser() {
        let seed = fuzzSeed("AcceptFastPathTests.randomValuesAnswerAsTheFullParser")
        var random = SeededGenerator(seed: seed)
        let ranges = [
            "application/json", "APPLICATION/JSON", "application/xml", "text/xml", "Text/Xml", "application/*",
            "multipart/*", "multipart/form-data", "application/x-www-form-urlencoded", "*/*", "*/json", "text/*",
            "text/html", "", "application/jsoné", "ß/*", "application",
        ]
        let around = ["", " ", "\t", "  ", "\u{00A0}", "\n"]
        let parameters = ["", "", ";q=0", ";q=0.5", "; q=1", ";charset=utf-8", ";q=x", ";"]
        let offers: [[BodyFormat]] = [[.json], [.json, .xml], [.xml, .json], [.multipart], BodyFormat.allCases, []]
        for _ in 0..<3_000 {
            let count = random.chance(70) ? 1 : random.int(0...3)
            let accept = (0..<count).map { _ in
                random.pick(around) + random.pick(ranges) + random.pick(parameters) + random.pick(around)
            }.joined(separator: random.pick([",", ", "]))
            let offered = random.pick(offers)
            #expect(
                ContentNegotiation.choose(offered, accept: accept) == Reference.choose(offered, accept: accept),
                "seed \(seed): \(offered) \(accept.debugDescription)")
        }
    }
}

@Suite("ASCII fast paths: path parameters")
struct PathSegmentFastPathTests {
    @Test func decodesOnlyWhenThereIsAPercent() {
        #expect(PercentEncoding.decodePathSegment("user-1") == "user-1")
        #expect(PercentEncoding.decodePathSegment("a+b") == "a+b")
        #expect(PercentEncoding.decodePathSegment("caf%C3%A9") == "café")
        #expect(PercentEncoding.decodePathSegment("a%2Fb") == "a/b")
        #expect(PercentEncoding.decodePathSegment("café") == "café")
        #expect(PercentEncoding.decodePathSegment("") == "")
    }

    @Test func malformedEncodingIsRefused() {
        #expect(PercentEncoding.decodePathSegment("%") == nil)
        #expect(PercentEncoding.decodePathSegment("%4") == nil)
        #expect(PercentEncoding.decodePathSegment("%zz") == nil)
        #expect(PercentEncoding.decodePathSegment("%FF") == nil)
        #expect(PercentEncoding.decodePathSegment("%C3") == nil)
    }

    @Test func routerMatchesNoRouteForMalformedSegments() async {
        var router = APIRouter()
        router.add(.get, "/users/{id}") { request in
            APIResponse(status: 200, body: Data(try request.pathParameter("id").utf8))
        }
        let plain = await router.handle(APIRequest(method: .get, path: "/users/ada"))
        #expect(plain.status == 200 && plain.body.bufferedData == Data("ada".utf8))
        let encoded = await router.handle(APIRequest(method: .get, path: "/users/%C3%A9"))
        #expect(encoded.status == 200 && encoded.body.bufferedData == Data("é".utf8))
        let malformed = await router.handle(APIRequest(method: .get, path: "/users/%zz"))
        #expect(malformed.status == 404)
    }

    @Test func randomSegmentsDecodeAsFoundation() {
        let seed = fuzzSeed("PathSegmentFastPathTests.randomSegmentsDecodeAsFoundation")
        var random = SeededGenerator(seed: seed)
        let pieces = [
            "a", "Z", "0", "-", "+", "é", "\u{0}", " ", "%", "%2", "%20", "%2F", "%C3%A9", "%C3", "%FF", "%zz", "%%",
        ]
        for _ in 0..<3_000 {
            let segment = (0..<random.int(0...6)).map { _ in random.pick(pieces) }.joined()
            #expect(
                PercentEncoding.decodePathSegment(segment) == Reference.pathSegment(segment),
                "seed \(seed): \(segment.debugDescription)")
        }
    }
}

@Suite("ASCII fast paths: Content-Type")
struct ContentTypeFastPathTests {
    /// `MediaType.essence(of:)` before the fast path.
    static func reference(_ contentType: String) -> String {
        let main = contentType.split(separator: ";", maxSplits: 1).first ?? ""
        return main.trimmingCharacters(in: .whitespaces).lowercased()
    }

    @Test func essenceOfCommonValues() {
        #expect(MediaType.essence(of: "application/json") == "application/json")
        #expect(MediaType.essence(of: " Application/JSON ; charset=utf-8") == "application/json")
        #expect(MediaType.essence(of: "\tTEXT/XML\t") == "text/xml")
        #expect(MediaType.essence(of: "") == "")
        #expect(MediaType.essence(of: ";charset=utf-8") == Self.reference(";charset=utf-8"))
        #expect(MediaType.essence(of: "Appé/JSON") == "appé/json")
    }

    @Test func randomValuesAnswerAsTheFullParser() {
        let seed = fuzzSeed("ContentTypeFastPathTests.randomValuesAnswerAsTheFullParser")
        var random = SeededGenerator(seed: seed)
        let pieces = [
            "application/json", "Text/XML", "multipart/form-data", ";", "; charset=utf-8", " ", "\t", "\u{00A0}",
            "é", "A", "", ";;", "boundary=x",
        ]
        for _ in 0..<3_000 {
            let value = (0..<random.int(0...4)).map { _ in random.pick(pieces) }.joined()
            #expect(MediaType.essence(of: value) == Self.reference(value), "seed \(seed): \(value.debugDescription)")
        }
    }
}

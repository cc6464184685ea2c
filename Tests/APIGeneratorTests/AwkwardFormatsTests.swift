@_spi(Generated) import APIRuntime
import AwkwardAPI
import Foundation
import Testing

/// The awkward fixture's `Formats` (one field of each scalar format) and `putFormats` (them as
/// path, query and header parameters), generated and compiled: coding, defaults, refusals.
@Suite("Awkward fixture: scalar formats")
struct AwkwardFormatsTests {
    static func sample() -> Formats {
        Formats(
            day: CalendarDate(year: 2024, month: 2, day: 29)!, days: [CalendarDate("0001-01-01")!],
            blob: Data([0, 255, 7]), amount: Decimal(string: "12345678901234567890.123456789")!,
            holidays: ["new-year": CalendarDate("2027-01-01")!], homepage: URL(string: "https://example.com/~a?b=c")!,
            seenAt: Date(timeIntervalSince1970: -1), expiresAt: Date(timeIntervalSince1970: 253_402_300_799))
    }

    @Test func jsonHasTheWireForms() throws {
        let json = String(decoding: try JSONCoding.encode(Self.sample()), as: UTF8.self)
        #expect(
            json
                == #"{"day":"2024-02-29","days":["0001-01-01"],"start":"2026-12-01","blob":"AP8H","icon":"aGVsbG8=","amount":12345678901234567890.123456789,"price":9.99,"holidays":{"new-year":"2027-01-01"},"homepage":"https://example.com/~a?b=c","docs":"https://example.com/docs","seen_at":-1,"expires_at":253402300799,"renew":1785340800}"#
        )
        #expect(try JSONCoding.decode(Formats.self, from: Data(json.utf8)) == Self.sample())
    }

    @Test func nanIsNeverWrittenAsJSON() {
        var value = Self.sample()
        value.amount = .nan
        #expect(throws: EncodingError.self) { try JSONCoding.encode(value) }
    }

    @Test func defaultsApplyWhenAbsent() throws {
        let value = try JSONCoding.decode(
            Formats.self, from: Data(#"{"day":"2026-01-31","blob":"","amount":0,"homepage":null,"seen_at":0}"#.utf8))
        #expect(value.start == CalendarDate(year: 2026, month: 12, day: 1))
        #expect(value.icon == Data("hello".utf8))
        #expect(value.price == Decimal(string: "9.99"))
        #expect(value.docs.absoluteString == "https://example.com/docs")
        #expect(value.renew == Date(timeIntervalSince1970: 1_785_340_800))
        #expect(value.homepage == nil && value.expiresAt == nil && value.blob.isEmpty)
    }

    @Test(arguments: [
        (#""day":"2026-02-30""#, "day: not a calendar date (YYYY-MM-DD) that exists"),
        (#""blob":"AP8""#, "blob: not standard base64"),
        (#""homepage":"example.com""#, "homepage: not an absolute URI"),
        (#""seen_at":99999999999999"#, "seen_at: a unix time outside years 0001…9999"),
    ])
    func refusalsNameTheField(member: String, reason: String) throws {
        var members = [#""day":"2026-01-31""#, #""blob":"""#, #""amount":0"#, #""homepage":null"#, #""seen_at":0"#]
        let key = member.prefix { $0 != ":" }
        members.removeAll { $0.hasPrefix(key) }
        members.append(member)
        #expect(throws: ValidationErrors([ValidationError(path: reason.components(separatedBy: ": ")[0], reason: reason.components(separatedBy: ": ")[1])])) {
            try JSONCoding.decode(Formats.self, from: Data("{\(members.joined(separator: ","))}".utf8))
        }
    }

    struct Echo: AwkwardPartialHandler {
        func putFormats(_ input: PutFormatsInput) async throws -> PutFormatsOutput {
            var body = input.body
            body.days = [input.day]
            body.price = input.amount ?? -1
            body.blob = input.token ?? Data()
            body.homepage = input.xCallback
            return .ok(body)
        }
    }

    @Test func throughTheClientAndServerInJSONAndXML() async throws {
        let client = AwkwardClient(transport: InProcessTransport(router: Echo().makeRouter()))
        for format in [BodyFormat.json, .xml] {
            let output = try await client.putFormats(
                day: CalendarDate("2026-12-01")!, amount: Decimal(string: "0.1")!, token: Data([1, 2]),
                xCallback: URL(string: "urn:example:callback")!, body: Self.sample(), bodyFormat: format)
            var expected = Self.sample()
            expected.days = [CalendarDate("2026-12-01")!]
            expected.price = Decimal(string: "0.1")!
            expected.blob = Data([1, 2])
            expected.homepage = URL(string: "urn:example:callback")!
            #expect(output == .ok(expected), "\(format)")
        }
    }

    @Test func theServerRefusesBadParametersNamingThem() async {
        let router = Echo().makeRouter()
        let body = Data(try! JSONCoding.encode(Self.sample()))
        for (path, query, name) in [
            ("/api/v2/formats/2026-02-30", [URLQueryItem](), "day"),
            ("/api/v2/formats/2026-02-28", [URLQueryItem(name: "amount", value: "1,5")], "amount"),
            ("/api/v2/formats/2026-02-28", [URLQueryItem(name: "token", value: "a b")], "token"),
        ] {
            var request = APIRequest(method: .put, path: path, headers: ["Content-Type": "application/json"])
            request.query = query
            request.body = APIBody(body)
            let response = await router.handle(request)
            #expect(response.status == 400, "\(path) \(query)")
            #expect(String(decoding: response.body.bytes, as: UTF8.self).contains(#""path":"\#(name)""#))
        }
    }
}

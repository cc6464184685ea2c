@_spi(Generated) import APIRuntime
import Foundation
import TestSupport
import Testing

/// A model with one field of each scalar format, coded the way generated code codes them.
private struct Formats: Codable, Equatable {
    var day: CalendarDate
    var blob: Data
    var amount: Decimal
    var link: URL
    var at: Date

    init(day: CalendarDate, blob: Data, amount: Decimal, link: URL, at: Date) {
        (self.day, self.blob, self.amount, self.link, self.at) = (day, blob, amount, link, at)
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        day = try container.decode(CalendarDate.self, forKey: "day")
        blob = try container.decodeBytes(forKey: "blob")
        amount = try container.decode(Decimal.self, forKey: "amount")
        link = try container.decodeURI(forKey: "link")
        at = try container.decodeUnixTime(forKey: "at")
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(day, forKey: "day")
        try container.encodeBytes(blob, forKey: "blob")
        try container.encode(amount, forKey: "amount")
        try container.encodeURI(link, forKey: "link")
        try container.encodeUnixTime(at, forKey: "at")
    }
}

@Suite("Scalar formats")
struct ScalarFormatTests {
    static let valid =
        #"{"day":"2026-02-28","blob":"aGVsbG8=","amount":123456789012345678901234567890.12345678,"link":"https://example.com/a?b=c","at":1785340800}"#

    /// The reasons a JSON document is refused with; records an issue when it is accepted.
    func refusal(_ json: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        do {
            let value = try JSONCoding.decode(Formats.self, from: Data(json.utf8))
            Issue.record("accepted: \(value)", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.errors.map { "\($0.path): \($0.reason)" }
        }
    }

    @Test func jsonRoundTripKeepsEveryDigitAndByte() throws {
        let value = try JSONCoding.decode(Formats.self, from: Data(Self.valid.utf8))
        #expect(value.day == CalendarDate(year: 2026, month: 2, day: 28))
        #expect(value.blob == Data("hello".utf8))
        #expect(value.amount.description == "123456789012345678901234567890.12345678")
        #expect(value.link.absoluteString == "https://example.com/a?b=c")
        #expect(value.at == Date(timeIntervalSince1970: 1_785_340_800))
        #expect(String(decoding: try JSONCoding.encode(value), as: UTF8.self) == Self.valid)
    }

    @Test(arguments: [
        ("2026-02-30", "day"), ("2023-02-29", "day"), ("2026-13-01", "day"), ("26-01-01", "day"),
        ("2026-1-01", "day"), ("2026-01-01T00:00:00Z", "day"), (" 2026-01-01", "day"), ("2026-01-01\n", "day"),
    ])
    func refusesDatesThatDoNotExist(text: String, field: String) {
        let json = Self.valid.replacingOccurrences(of: "2026-02-28", with: text.replacingOccurrences(of: "\n", with: "\\n"))
        #expect(refusal(json) == ["day: not a calendar date (YYYY-MM-DD) that exists"])
    }

    @Test(arguments: ["aGVsbG8", "aGVs bG8=", "aGVsbG8=\\n", "a!==", "aGVsbG8=="])
    func refusesBase64ThatIsNotStandard(text: String) {
        let json = Self.valid.replacingOccurrences(of: "aGVsbG8=", with: text)
        #expect(refusal(json) == ["blob: not standard base64"])
    }

    @Test func decodesHugeBase64() throws {
        let bytes = Data((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let json = Self.valid.replacingOccurrences(of: "aGVsbG8=", with: bytes.base64EncodedString())
        #expect(try JSONCoding.decode(Formats.self, from: Data(json.utf8)).blob == bytes)
        // One character off the end of a huge value is still refused, without quoting it.
        let cut = Self.valid.replacingOccurrences(of: "aGVsbG8=", with: String(bytes.base64EncodedString().dropLast()))
        #expect(refusal(cut) == ["blob: not standard base64"])
    }

    @Test(arguments: ["\"1.5\"", "1e400", "NaN", "-1e-300", "true"])
    func refusesDecimalsThatAreNotNumbersDecimalHolds(text: String) {
        let json = Self.valid.replacingOccurrences(of: "123456789012345678901234567890.12345678", with: text)
        #expect(!refusal(json).isEmpty)
    }

    @Test(arguments: ["example.com/a", "/relative", "https://a b", "", "1http://x", "https://x/\\u0001", "https://x/<y>"])
    func refusesURIsThatAreNotAbsolute(text: String) {
        let json = Self.valid.replacingOccurrences(of: "https://example.com/a?b=c", with: text)
        #expect(refusal(json) == ["link: not an absolute URI"])
    }

    @Test(arguments: ["-62135596801", "253402300800", "9223372036854775807", "-9223372036854775808"])
    func refusesUnixTimesOutsideYearsOneToNineThousand(text: String) {
        let json = Self.valid.replacingOccurrences(of: "1785340800", with: text)
        #expect(refusal(json) == ["at: a unix time outside years 0001…9999"])
    }

    @Test(arguments: ["1.5", "99999999999999999999", "\"1785340800\""])
    func refusesUnixTimesThatAreNotIntegers(text: String) {
        let json = Self.valid.replacingOccurrences(of: "1785340800", with: text)
        #expect(refusal(json).count == 1)
    }

    @Test func unixTimeBoundsAndRounding() throws {
        #expect(ScalarFormats.unixTime(Date(timeIntervalSince1970: -1.5)) == -2)
        #expect(ScalarFormats.unixTime(Date(timeIntervalSince1970: 1.999)) == 1)
        #expect(ScalarFormats.unixTime(Date(timeIntervalSince1970: 1e300)) == nil)
        #expect(ScalarFormats.unixTime(Date(timeIntervalSince1970: -.infinity)) == nil)
        #expect(ScalarFormats.date(unixTime: ScalarFormats.latestUnixTime).map(RFC3339.string) == "9999-12-31T23:59:59Z")
        #expect(ScalarFormats.date(unixTime: ScalarFormats.earliestUnixTime).map(RFC3339.string) == "0001-01-01T00:00:00Z")
        var value = try JSONCoding.decode(Formats.self, from: Data(Self.valid.utf8))
        value.at = Date.distantFuture.addingTimeInterval(1e12)
        #expect(throws: EncodingError.self) { try JSONCoding.encode(value) }
    }

    @Test func calendarDateOrdersAndCountsDays() throws {
        let first = try #require(CalendarDate("1969-12-31"))
        let second = try #require(CalendarDate("1970-01-01"))
        #expect(first < second)
        #expect(first.daysSince1970 == -1 && second.daysSince1970 == 0)
        #expect(CalendarDate(daysSince1970: 59) == CalendarDate("1970-03-01"))
        #expect(CalendarDate(year: 2024, month: 2, day: 29)?.description == "2024-02-29")
        #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 10_000, month: 1, day: 1) == nil)
        #expect(CalendarDate(daysSince1970: .max) == nil && CalendarDate(daysSince1970: .min) == nil)
        #expect(CalendarDate("0000-01-01")?.description == "0000-01-01")
        #expect(CalendarDate("２０２６-01-01") == nil)
    }

    @Test func parameterTextsAreStrict() {
        #expect(Decimal(parameterValue: "12abc") == nil)
        #expect(Decimal(parameterValue: " 12") == nil)
        #expect(Decimal(parameterValue: "nan") == nil)
        #expect(Decimal(parameterValue: "1e400") == nil)
        #expect(Decimal(parameterValue: "-0.001")?.parameterValue == "-0.001")
        #expect(Data(parameterValue: "aGk=")?.parameterValue == "aGk=")
        #expect(Data(parameterValue: "aGk") == nil)
        #expect(URL(parameterValue: "urn:isbn:0451450523")?.parameterValue == "urn:isbn:0451450523")
        #expect(URL(parameterValue: "a b:c") == nil)
        #expect(CalendarDate(parameterValue: "2026-12-01")?.parameterValue == "2026-12-01")
    }

    @Test func textTreeLeavesNameTheFormat() {
        let reader = TextTreeReader(.text("2026-02-30"), path: "due")
        #expect(throws: ValidationErrors([ValidationError(path: "due", reason: "is not a calendar date (YYYY-MM-DD)")])) {
            _ = try CalendarDate(textTree: reader)
        }
        #expect(throws: ValidationErrors.self) { _ = try Data(textTree: TextTreeReader(.text("%%"))) }
        #expect(throws: ValidationErrors.self) { _ = try Decimal(textTree: TextTreeReader(.text("1,5"))) }
        #expect(throws: ValidationErrors.self) { _ = try URL(textTree: TextTreeReader(.text("no scheme"))) }
        #expect(Decimal(textTree: .text("2.50")) == Decimal(string: "2.5"))
    }

    /// Random values of every format survive JSON, parameter and text-tree coding unchanged.
    @Test func randomValuesRoundTrip() throws {
        var random = SeededGenerator(seed: FuzzSeed.choose("ScalarFormatTests.randomValuesRoundTrip", default: 12))
        for _ in 0..<500 {
            let day = try #require(CalendarDate(daysSince1970: Int.random(in: -719_528...2_932_896, using: &random)))
            let blob = Data((0..<Int.random(in: 0...64, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) })
            let mantissa = Int64.random(in: -999_999_999_999_999...999_999_999_999_999, using: &random)
            let amount = Decimal(sign: mantissa < 0 ? .minus : .plus, exponent: Int.random(in: -20...20, using: &random), significand: Decimal(mantissa.magnitude))
            let link = try #require(URL(string: "https://example.com/\(UInt32.random(in: 0...UInt32.max, using: &random))?q=\(day)"))
            let at = Date(timeIntervalSince1970: TimeInterval(Int64.random(in: ScalarFormats.earliestUnixTime...ScalarFormats.latestUnixTime, using: &random)))
            let value = Formats(day: day, blob: blob, amount: amount, link: link, at: at)
            let decoded = try JSONCoding.decode(Formats.self, from: try JSONCoding.encode(value))
            #expect(decoded == value)
            #expect(CalendarDate(parameterValue: day.parameterValue) == day)
            #expect(Data(parameterValue: blob.parameterValue) == blob)
            #expect(Decimal(parameterValue: amount.parameterValue) == amount)
            #expect(try Decimal(textTree: TextTreeReader(amount.textTree())) == amount)
            #expect(URL(parameterValue: link.parameterValue) == link)
        }
    }
}

extension Decimal {
    fileprivate init?(textTree tree: TextTree) { try? self.init(textTree: TextTreeReader(tree)) }
}

@Suite("Scalar formats, edges")
struct ScalarFormatEdgeTests {
    @Test(arguments: ["aGk=", "aGl="]) func base64HasOneTextPerValue(text: String) {
        // "aGl=" carries bits the value does not use: another writer's text for "hi", refused.
        #expect((ScalarFormats.bytes(base64: text) != nil) == (text == "aGk="))
    }
}

@Suite("Scalar formats in text trees")
struct ScalarFormatTextTreeTests {
    @Test func requiredEmptyBytesSurviveAnEmptyXMLElement() throws {
        // XML writes empty base64 as an empty element, which reads back as null.
        let members = try TextTreeReader(.object([TextTree.Member("blob", .null)])).object()
        let blob: Data = try members.decode("blob")
        #expect(blob.isEmpty)
        let number: Int? = try? members.decode("blob")
        #expect(number == nil)
    }

    @Test func unixTimeMembersAreSecondsNotRFC3339() throws {
        var builder = TextTreeObjectBuilder()
        builder.encodeUnixTime(Date(timeIntervalSince1970: 1.9), "at")
        builder.encodeNullableUnixTime(nil, "gone")
        builder.encodeUnixTimeIfPresent(Date.distantFuture.addingTimeInterval(1e15), "far")
        #expect(builder.tree == .object([.init("at", .text("1")), .init("gone", .null), .init("far", .text("253402300799"))]))
        let members = try TextTreeReader(builder.tree, path: "body").object()
        #expect(try members.decodeUnixTime("at") == Date(timeIntervalSince1970: 1))
        #expect(try members.decodeNullableUnixTime("gone") == nil)
        #expect(throws: ValidationErrors([ValidationError(path: "body.x", reason: "is a unix time outside years 0001…9999")])) {
            try TextTreeReader(.object([.init("x", .text("253402300800"))]), path: "body").object().decodeUnixTime("x")
        }
    }
}

@_spi(Generated) import APIRuntime
import Foundation
import Testing

/// `ValueCoding`: arrays and maps (at any depth) of the converted scalars keep each item's wire form in
/// JSON, XML, forms and multipart, and a malformed item is a typed error naming its path.
@Suite("Value codings")
struct ValueCodingTests {
    static let dialect = XMLDialect(rootElement: "root", listItemElement: "item")

    /// A map of arrays of arrays (`{[[T]]}`, two levels inside the map) through every body format and back.
    func roundTrip<C: ValueCoding>(_ coding: C.Type, _ items: [C.Value]) throws where C.Value: Equatable {
        let value: [String: [[C.Value]]] = ["a": [items, []], "b": [[items[0]]]]
        typealias Nested = MapCoding<ArrayCoding<ArrayCoding<C>>>
        for format in BodyFormat.allCases {
            let (data, contentType) = try BodyCoding.encode(Coded<Nested>(value), as: format, dialect: Self.dialect)
            let back = try BodyCoding.decode(
                Coded<Nested>.self, from: data, format: format, contentType: contentType, dialect: Self.dialect)
            #expect(back.value == value, "\(C.self) \(format): \(String(decoding: data, as: UTF8.self))")
        }
        // And an array of maps (`[{T}]`) in JSON.
        let list: [[String: C.Value]] = [["k": items[0]], [:]]
        let json = try JSONCoding.encode(Coded<ArrayCoding<MapCoding<C>>>(list))
        #expect(try JSONCoding.decode(Coded<ArrayCoding<MapCoding<C>>>.self, from: json).value == list)
    }

    @Test func eachConvertedScalarRoundTripsNestedInEveryFormat() throws {
        try roundTrip(UUIDCoding.self, [UUID(uuidString: "6F9619FF-8B86-D011-B42D-00C04FC964FF")!, UUID()])
        try roundTrip(
            DateTimeCoding.self, [Date(timeIntervalSince1970: 1_785_340_800.5), Date(timeIntervalSince1970: 0)])
        try roundTrip(BytesCoding.self, [Data([0, 255, 7]), Data("hello".utf8)])
        try roundTrip(URICoding.self, [URL(string: "https://example.com/a?b=c")!, URL(string: "urn:isbn:0451450523")!])
        try roundTrip(
            UnixTimeCoding.self, [Date(timeIntervalSince1970: -62_135_596_800), Date(timeIntervalSince1970: 7)])
        try roundTrip(DecimalCoding.self, [Decimal(string: "12345678901234567890.123456789")!, Decimal(-1)])
    }

    @Test func jsonWritesEachItemsWireForm() throws {
        func json<C: ValueCoding>(_ coding: C.Type, _ value: [C.Value]) throws -> String {
            String(decoding: try JSONCoding.encode(Coded<ArrayCoding<C>>(value)), as: UTF8.self)
        }
        #expect(
            try json(UUIDCoding.self, [UUID(uuidString: "6F9619FF-8B86-D011-B42D-00C04FC964FF")!])
                == #"["6f9619ff-8b86-d011-b42d-00c04fc964ff"]"#)
        #expect(
            try json(DateTimeCoding.self, [Date(timeIntervalSince1970: 0.25), Date(timeIntervalSince1970: 1)])
                == #"["1970-01-01T00:00:00.250Z","1970-01-01T00:00:01Z"]"#)
        #expect(try json(BytesCoding.self, [Data([0, 255, 7])]) == #"["AP8H"]"#)
        #expect(try json(URICoding.self, [URL(string: "https://example.com/a")!]) == #"["https://example.com/a"]"#)
        #expect(try json(UnixTimeCoding.self, [Date(timeIntervalSince1970: 1.9)]) == "[1]")
        #expect(try json(DecimalCoding.self, [Decimal(string: "0.1")!]) == "[0.1]")
        let map = try JSONCoding.encode(
            Coded<MapCoding<ArrayCoding<UUIDCoding>>>([
                "b": [], "a": [UUID(uuidString: "00000000-0000-0000-0000-0000000000AB")!],
            ]))
        #expect(String(decoding: map, as: UTF8.self) == #"{"a":["00000000-0000-0000-0000-0000000000ab"],"b":[]}"#)
    }

    @Test(arguments: [
        (#"[["1970-01-01T00:00:00Z"],["1970-01-01T00:00:00Z","noon"]]"#, "[1][1]", "not an RFC 3339 date-time"),
        (#"{"x":[["6f9619ff-8b86-d011-b42d-00c04fc964ff"],["z"]]}"#, "x[1][0]", "not a UUID"),
        (#"[[1],[99999999999999]]"#, "[1][0]", "a unix time outside years 0001…9999"),
        (#"{"k":{"j":"AP8"}}"#, "k.j", "not standard base64"),
        (#"[["https://a.example"],["relative/path"]]"#, "[1][0]", "not an absolute URI"),
    ])
    func malformedItemsAreTypedErrorsNamingTheirPath(json: String, path: String, reason: String) {
        func refusal<C: ValueCoding>(_ coding: C.Type) -> ValidationError? {
            do {
                _ = try JSONCoding.decode(Coded<C>.self, from: Data(json.utf8))
                return nil
            } catch {
                return error.errors.first
            }
        }
        let found: ValidationError? =
            switch reason {
            case "not an RFC 3339 date-time": refusal(ArrayCoding<ArrayCoding<DateTimeCoding>>.self)
            case "not a UUID": refusal(MapCoding<ArrayCoding<ArrayCoding<UUIDCoding>>>.self)
            case "not standard base64": refusal(MapCoding<MapCoding<BytesCoding>>.self)
            case "not an absolute URI": refusal(ArrayCoding<ArrayCoding<URICoding>>.self)
            default: refusal(ArrayCoding<ArrayCoding<UnixTimeCoding>>.self)
            }
        #expect(found == ValidationError(path: path, reason: reason))
    }

    @Test func textFormsOfMalformedItemsNameTheirPath() {
        #expect(throws: ValidationErrors([ValidationError(path: "a[1][0]", reason: "is not a UUID")])) {
            try BodyCoding.decode(
                Coded<MapCoding<ArrayCoding<ArrayCoding<UUIDCoding>>>>.self,
                from: Data("a[0][0]=6f9619ff-8b86-d011-b42d-00c04fc964ff&a[1][0]=nope".utf8), format: .formURLEncoded,
                contentType: "application/x-www-form-urlencoded", dialect: Self.dialect)
        }
        #expect(
            throws: ValidationErrors([
                ValidationError(path: "a[1][0]", reason: "is a unix time outside years 0001…9999")
            ])
        ) {
            try BodyCoding.decode(
                Coded<MapCoding<ArrayCoding<ArrayCoding<UnixTimeCoding>>>>.self,
                from: Data("a[0][0]=1&a[1][0]=99999999999999".utf8), format: .formURLEncoded,
                contentType: "application/x-www-form-urlencoded", dialect: Self.dialect)
        }
    }

    @Test func writingARangeOrNaNThatJSONCannotCarryFails() {
        #expect(throws: EncodingError.self) {
            try JSONCoding.encode(Coded<ArrayCoding<UnixTimeCoding>>([Date(timeIntervalSince1970: 1e13)]))
        }
        #expect(throws: EncodingError.self) { try JSONCoding.encode(Coded<MapCoding<DecimalCoding>>(["x": .nan])) }
        // Text formats write the nearest bound, as unix-time fields do.
        #expect(
            UnixTimeCoding.textTree(Date(timeIntervalSince1970: 1e13)) == .text("253402300799"))
    }

    @Test func formsNumberListsInsideListsAndKeepEmptyOnes() throws {
        let value: [String: [[Int64]]] = ["g": [[1, 2], [], [3]]]
        let tree = Coded<MapCoding<ArrayCoding<ArrayCoding<Int64Coding>>>>(value).textTree()
        let data = FormFormat.writeURLEncoded(tree)
        #expect(
            String(decoding: data, as: UTF8.self) == "g%5B0%5D%5B0%5D=1&g%5B0%5D%5B1%5D=2&g%5B1%5D=&g%5B2%5D%5B0%5D=3")
        let back = try [String: [[Int64]]](textTree: TextTreeReader(try FormFormat.readURLEncoded(data, maxDepth: 32)))
        #expect(back == value)
    }
}

/// Plain `Int64`, for the form layout test: a coding whose items are their own text.
private enum Int64Coding: ValueCoding {
    static func decode(from decoder: any Decoder) throws -> Int64 { try Int64(from: decoder) }
    static func encode(_ value: Int64, to encoder: any Encoder) throws { try value.encode(to: encoder) }
    static func decode(textTree reader: TextTreeReader) throws(ValidationErrors) -> Int64 {
        try Int64(textTree: reader)
    }
    static func textTree(_ value: Int64) -> TextTree { value.textTree() }
}

@_spi(Generated) import APIRuntime
import Foundation
import TestSupport
import Testing

/// Any JSON (`json` fields) in form and multipart bodies: written as JSON text in one value (a multipart
/// part in `application/json`), read back by parsing it; XML keeps its element tree. Hostile text is a
/// typed error naming the field, never a crash.
@Suite("Any JSON in forms")
struct FormJSONRuntimeTests {
    typealias Fields = [String: AnyJSON]

    static let kinds: Fields = [
        "null": .null, "true": .bool(true), "false": .bool(false), "int": .number(-42), "fraction": .number(0.125),
        "big": .number(1e300), "tiny": .number(-2.5e-9),
        "text": .string("a&b=c+d 100% é 😀 \u{0}\u{7F}"),
        "newlines": .string("lf\ncrlf\r\ncr\rnel\u{85}ls\u{2028}ps\u{2029}vt\u{0B}ff\u{0C}"),
        "empty text": .string(""), "empty array": .array([]), "empty object": .object([]),
        "nested": .object([
            AnyJSON.Member("a=b&c", .array([.null, .number(1), .string("\"quoted\" \\ /")])),
            AnyJSON.Member("z", .object([AnyJSON.Member("\n", .bool(false))])),
        ]),
        "array": .array([.array([.array([])]), .object([AnyJSON.Member("k", .string("v"))])]),
    ]

    func roundTrip(_ value: Fields, _ format: BodyFormat) throws -> Fields {
        let (data, contentType) = try BodyCoding.encode(value, as: format, dialect: .djangoREST)
        return try BodyCoding.decode(
            Fields.self, from: data, format: format, contentType: contentType, dialect: .djangoREST)
    }

    @Test(arguments: [BodyFormat.formURLEncoded, .multipart])
    func roundTripsEveryKindOfJSONValue(_ format: BodyFormat) throws {
        #expect(try roundTrip(Self.kinds, format) == Self.kinds)
        for (key, value) in Self.kinds.sorted(by: { $0.key < $1.key }) {
            #expect(try roundTrip([key: value], format) == [key: value], "\(key)")
        }
        let lists: [String: [AnyJSON]] = ["items": [.number(1), .string("two"), .null, .object([])], "one": [.null]]
        let (data, contentType) = try BodyCoding.encode(lists, as: format, dialect: .djangoREST)
        #expect(
            try BodyCoding.decode(
                [String: [AnyJSON]].self, from: data, format: format, contentType: contentType, dialect: .djangoREST)
                == lists)
    }

    @Test func aFormValueIsTheCompactJSONTextPercentEncoded() throws {
        let value: Fields = ["RateLimits": .object([AnyJSON.Member("a", .string("b"))])]
        let (data, _) = try BodyCoding.encode(value, as: .formURLEncoded, dialect: .djangoREST)
        #expect(String(decoding: data, as: UTF8.self) == "RateLimits=%7B%22a%22%3A%22b%22%7D")
        let (parts, contentType) = try BodyCoding.encode(value, as: .multipart, dialect: .djangoREST)
        let boundary = String(contentType.split(separator: "=").last ?? "")
        #expect(
            String(decoding: parts, as: UTF8.self)
                == "--\(boundary)\r\nContent-Disposition: form-data; name=\"RateLimits\"\r\nContent-Type: application/json"
                + "\r\n\r\n{\"a\":\"b\"}\r\n--\(boundary)--\r\n")
    }

    @Test func xmlReadsTextAsTextAndWritesTheElementTree() throws {
        let reader = TextTreeReader(.text("{\"a\":1}"))
        #expect(try AnyJSON(textTree: reader) == .string("{\"a\":1}"))
        let value: Fields = [
            "cfg": .object([AnyJSON.Member("a", .array([.number(1), .bool(true)])), AnyJSON.Member("n", .null)])
        ]
        let xml = XMLFormat.write(value.textTree(), dialect: .djangoREST)
        #expect(
            String(decoding: xml, as: UTF8.self).hasSuffix(
                "<root><cfg><a><list-item>1</list-item><list-item>True</list-item></a><n></n></cfg></root>"))
        let read = try Fields(textTree: TextTreeReader(try XMLFormat.read(xml, dialect: .djangoREST)))
        #expect(
            read == [
                "cfg": .object([
                    AnyJSON.Member("a", .array([.string("1"), .string("True")])), AnyJSON.Member("n", .null),
                ])
            ])
    }

    @Test func bracketNotationStillReadsAsTheElementTree() throws {
        let tree = try FormFormat.readURLEncoded(Data("meta[a]=1&meta[b]=x".utf8))
        let read = try Fields(textTree: TextTreeReader(tree, anyJSON: .text(maxDepth: 8)))
        #expect(read == ["meta": .object([AnyJSON.Member("a", .string("1")), AnyJSON.Member("b", .string("x"))])])
    }

    @Test func theClientRefusesNumbersJSONCannotWrite() {
        let value: Fields = ["limits": .object([AnyJSON.Member("rate", .array([.number(1), .number(.nan)]))])]
        #expect {
            _ = try BodyCoding.encode(value, as: .formURLEncoded, dialect: .djangoREST)
        } throws: { error in
            (error as? ValidationErrors)?.errors.first?.path == "limits.rate[1]"
        }
    }

    @Test func depthIsCountedOutsideStringsOnly() throws {
        let reader = { (text: String) in TextTreeReader(.text(text), path: "f", anyJSON: .text(maxDepth: 2)) }
        #expect(try AnyJSON(textTree: reader(#"[["[[[[\"{{{"]]"#)) == .array([.array([.string("[[[[\"{{{")])]))
        #expect(throws: ValidationErrors([ValidationError(path: "f", reason: "is nested deeper than 2 levels")])) {
            try AnyJSON(textTree: reader("[[[]]]"))
        }
        #expect(throws: ValidationErrors([ValidationError(path: "f", reason: "is not valid JSON")])) {
            try AnyJSON(textTree: reader("]]]]]]]]"))
        }
    }

    // MARK: Hostile input

    static func randomJSON(_ depth: Int, _ random: inout SeededGenerator) -> AnyJSON {
        let pieces = [
            "a", "é", "&", "=", "+", "%", "\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}", "😀", "\"", "\\",
            "\u{0}", "[", "{",
        ]
        func text(_ random: inout SeededGenerator) -> String {
            (0..<random.next(below: 5)).map { _ in pieces[random.next(below: pieces.count)] }.joined()
        }
        switch random.next(below: depth > 3 ? 4 : 6) {
        case 0: return .null
        case 1: return .bool(random.next(below: 2) == 0)
        case 2: return .number(Double(random.next(below: 2001) - 1000) / 8)
        case 3: return .string(text(&random))
        case 4: return .array((0..<random.next(below: 4)).map { _ in randomJSON(depth + 1, &random) })
        default:
            let keys = Set((0..<random.next(below: 4)).map { _ in text(&random) }).sorted()
            return .object(keys.map { AnyJSON.Member($0, randomJSON(depth + 1, &random)) })
        }
    }

    /// Random JSON values round-trip; mutated ones (random bytes, deep nesting, odd Unicode, every newline
    /// kind) are read or refused with a typed error naming the field, quickly, never a crash.
    @Test func survivesMutatedJSONText() throws {
        let seed = fuzzSeed("FormJSONRuntimeTests.survivesMutatedJSONText")
        var random = SeededGenerator(seed: seed)
        let fragments =
            [
                "[", "]", "{", "}", "\"", "\\", ",", ":", "null", "1e999", "-", "0x1", "\u{0}", "\u{FEFF}", "\n",
                "\r\n",
                "\r", "\u{85}", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}", "\\u", "\\uD800", "\\uDC00\\uD800", "😀",
                "é",
                String(repeating: "[", count: 300), String(repeating: "{\"a\":", count: 200),
            ].map { Array($0.utf8) } + [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]]
        let budget = TimeBudget(seconds: 10)
        var tried = 0
        var accepted = 0
        var slowest = 0.0
        let boundary = "fuzz-boundary"
        while tried < 3_000, budget.isLeft {
            let value = Self.randomJSON(0, &random)
            tried += 1
            let format: BodyFormat = tried % 2 == 0 ? .formURLEncoded : .multipart
            #expect(try roundTrip(["v": value], format) == ["v": value], "seed \(seed), value \(tried)")
            let text = Mutation.mutate(Array(try JSONCoding.encode(value)), fragments: fragments, using: &random)
            let data: Data
            let contentType: String
            if format == .formURLEncoded {
                var escaped = "v="
                for byte in text { escaped += String(format: "%%%02X", byte) }
                data = Data(escaped.utf8)
                contentType = MediaType.formURLEncoded
            } else {
                let head =
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"v\"\r\nContent-Type: application/json\r\n\r\n"
                data = Data(head.utf8) + Data(text) + Data("\r\n--\(boundary)--\r\n".utf8)
                contentType = "multipart/form-data; boundary=\(boundary)"
            }
            let start = Date()
            do {
                _ = try BodyCoding.decode(
                    Fields.self, from: data, format: format, contentType: contentType, dialect: .djangoREST)
                accepted += 1
            } catch {
                #expect(error.errors.allSatisfy { $0.path == "v" || $0.path.isEmpty }, "seed \(seed): \(error.errors)")
            }
            slowest = max(slowest, Date().timeIntervalSince(start))
        }
        print(
            "FormJSONRuntimeTests: \(tried) values, \(accepted) mutated ones accepted, slowest \(Int(slowest * 1000)) ms"
        )
        #expect(tried >= 200)
        #expect(slowest < 0.5)
    }
}

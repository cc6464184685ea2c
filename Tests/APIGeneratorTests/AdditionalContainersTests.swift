@_spi(Generated) import APIRuntime
import AwkwardAPI
import Foundation
import Testing

/// Members beside the fields of any element type (`additionalProperties` of `[Tally]`, `[date-time]`,
/// `[string]`), in JSON, XML, forms and multipart, and in a deepObject parameter: the awkward fixture's
/// `Scoreboard`, `Stamps` and `DRFErrors` (`putScoreboard`, `putStamps`).
@Suite struct AdditionalContainersTests {
    static let formats: [BodyFormat] = [.json, .xml, .formURLEncoded, .multipart]

    static func roundTrip<T: Codable & TextTreeCodable>(_ value: T, _ format: BodyFormat) throws -> T {
        let (data, contentType) = try BodyCoding.encode(value, as: format, dialect: .awkward)
        return try BodyCoding.decode(
            T.self, from: data, format: format, contentType: contentType, dialect: .awkward, validate: false)
    }

    static func text(_ value: some Codable & TextTreeCodable, _ format: BodyFormat) throws -> String {
        String(decoding: try BodyCoding.encode(value, as: format, dialect: .awkward).data, as: UTF8.self)
    }

    static let board = Scoreboard(
        title: "finals",
        additionalProperties: [
            "zoë": [Tally(points: 3)], "alice": [Tally(points: 1), Tally(points: 2)], "bob": [],
            "名前": [Tally(points: 0)],
        ])

    // MARK: JSON

    @Test func jsonKeepsContainersOfObjectsInSortedOrder() throws {
        #expect(
            try Self.text(Self.board, .json)
                == #"{"title":"finals","alice":[{"points":1},{"points":2}],"bob":[],"zoë":[{"points":3}],"名前":[{"points":0}]}"#
        )
        #expect(try Self.roundTrip(Self.board, .json) == Self.board)
        let read = try JSONCoding.decode(
            Scoreboard.self, from: Data(#"{"b":[{"points":2}],"title":"t","":[],"a[0]":[{"points":1}]}"#.utf8))
        #expect(read.additionalProperties == ["b": [Tally(points: 2)], "": [], "a[0]": [Tally(points: 1)]])
    }

    @Test func jsonKeepsTheExactWireFormOfConvertedScalars() throws {
        let date = Date(timeIntervalSince1970: 1_700_000_000.25)
        let stamps = Stamps(name: "n", additionalProperties: ["seen": [date], "none": []])
        let json = try Self.text(stamps, .json)
        #expect(json == #"{"name":"n","none":[],"seen":["2023-11-14T22:13:20.250Z"]}"#)
        #expect(try Self.roundTrip(stamps, .json) == stamps)
        // A member that is not a date-time names the member and the item.
        let error = #expect(throws: (any Error).self) {
            try JSONCoding.decode(Stamps.self, from: Data(#"{"name":"n","when":["2023-11-14T22:13:20Z","soon"]}"#.utf8))
        }
        let text = String(describing: try #require(error))
        #expect(text.contains("when[1]"), "\(text)")
        #expect(text.contains("not an RFC 3339 date-time"), "\(text)")
    }

    @Test func validationNamesTheObjectInsideAMember() throws {
        let bad = Scoreboard(title: "t", additionalProperties: ["alice": [Tally(points: 1), Tally(points: -1)]])
        #expect(bad.validationErrors().map(\.path) == ["alice[1].points"])
        let error = #expect(throws: ValidationErrors.self) {
            try JSONCoding.decode(
                Scoreboard.self, from: Data(#"{"title":"t","bob":[{"points":-5}],"alice":[{"points":-1}]}"#.utf8))
        }
        #expect(try #require(error).errors.map(\.path) == ["alice[0].points", "bob[0].points"])
        // A member a field owns is refused.
        let clash = Scoreboard(title: "t", additionalProperties: ["title": []])
        #expect(clash.validationErrors().map(\.path) == ["title"])
    }

    @Test func drfErrorBodyReadsEveryFieldsMessages() throws {
        let body =
            #"{"non_field_errors":["Passwords differ."],"email":["Enter a valid email."],"age":["Too young.","Required."]}"#
        let errors = try JSONCoding.decode(DRFErrors.self, from: Data(body.utf8))
        #expect(errors.nonFieldErrors == ["Passwords differ."])
        #expect(
            errors.additionalProperties == ["email": ["Enter a valid email."], "age": ["Too young.", "Required."]])
        #expect(
            String(decoding: try JSONCoding.encode(errors), as: UTF8.self)
                == #"{"non_field_errors":["Passwords differ."],"age":["Too young.","Required."],"email":["Enter a valid email."]}"#
        )
        let error = #expect(throws: (any Error).self) {
            try JSONCoding.decode(DRFErrors.self, from: Data(#"{"email":"not a list"}"#.utf8))
        }
        #expect(String(describing: try #require(error)).contains("email"))
    }

    // MARK: XML, forms, multipart

    @Test func everyFormatRoundTrips() throws {
        let stamps = Stamps(
            name: "n", additionalProperties: ["seen": [Date(timeIntervalSince1970: 1_700_000_000)], "later": []])
        // A form writes nothing for an empty array at the top (as for an array field): such a member is not sent.
        var boardWithoutEmpty = Self.board
        boardWithoutEmpty.additionalProperties["bob"] = nil
        #expect(try Self.roundTrip(Self.board, .formURLEncoded) == boardWithoutEmpty)
        #expect(try Self.roundTrip(Self.board, .multipart) == boardWithoutEmpty)
        for format in Self.formats {
            let board = [.json, .xml].contains(format) ? Self.board : boardWithoutEmpty
            #expect(try Self.roundTrip(board, format) == board, "\(format)")
            #expect(
                try Self.roundTrip(Labels(name: "n", additionalProperties: ["é": "1", "x": ""]), format)
                    == Labels(name: "n", additionalProperties: ["é": "1", "x": ""]), "\(format)")
            let dated = Stamps(name: "n", additionalProperties: ["seen": stamps.additionalProperties["seen"] ?? []])
            #expect(
                try Self.roundTrip([.json, .xml].contains(format) ? stamps : dated, format)
                    == ([.json, .xml].contains(format) ? stamps : dated), "\(format)")
        }
    }

    @Test func xmlAndFormsWriteTheMembersAfterTheFields() throws {
        let board = Scoreboard(title: "t", additionalProperties: ["b": [Tally(points: 2)], "a": [Tally(points: 1)]])
        #expect(
            try Self.text(board, .xml)
                == #"<?xml version="1.0" encoding="utf-8"?>\#n<root><title>t</title><a><list-item><points>1</points></list-item></a><b><list-item><points>2</points></list-item></b></root>"#
        )
        #expect(try Self.text(board, .formURLEncoded) == "title=t&a%5B0%5D%5Bpoints%5D=1&b%5B0%5D%5Bpoints%5D=2")
        let labels = Labels(name: "n", additionalProperties: ["a b": "1&2", "ü": "ß"])
        let form = try Self.text(labels, .formURLEncoded)
        #expect(form == "name=n&a%20b=1%262&%C3%BC=%C3%9F", "\(form)")
    }

    @Test func formsReadEveryNameTheFieldsDoNotTake() throws {
        func read(_ form: String) throws(ValidationErrors) -> Scoreboard {
            try BodyCoding.decode(
                Scoreboard.self, from: Data(form.utf8), format: .formURLEncoded,
                contentType: MediaType.formURLEncoded, dialect: .awkward)
        }
        #expect(
            try read("title=t&alice[1][points]=2&alice[0][points]=1&bob[0][points]=0")
                == Scoreboard(
                    title: "t",
                    additionalProperties: ["alice": [Tally(points: 1), Tally(points: 2)], "bob": [Tally(points: 0)]]))
        // A malformed member names its path; an out-of-range one is refused.
        let bad = #expect(throws: ValidationErrors.self) { try read("title=t&alice[0][points]=x") }
        #expect(try #require(bad).errors.map(\.path) == ["alice[0].points"])
        let negative = #expect(throws: ValidationErrors.self) { try read("title=t&alice[0][points]=-1") }
        #expect(try #require(negative).errors.map(\.path) == ["alice[0].points"])
        let gap = #expect(throws: ValidationErrors.self) { try read("title=t&alice[1][points]=1") }
        #expect(try #require(gap).errors.map(\.path) == ["alice[1]"])
    }

    @Test func namesAFormCannotCarryAreRefusedBeforeSending() throws {
        // A top-level name ending in brackets would read back as nesting.
        for name in ["a[b]", "x[0]"] {
            let error = #expect(throws: (any Error).self) {
                _ = try BodyCoding.encode(
                    Labels(name: "n", additionalProperties: [name: "v"]), as: .formURLEncoded, dialect: .awkward)
            }
            #expect(String(describing: try #require(error)).contains("ending in brackets"), "\(name)")
        }
        // An empty name at the top reads back (`=v`), as it does in JSON.
        let empty = Labels(name: "n", additionalProperties: ["": "v"])
        #expect(try Self.roundTrip(empty, .formURLEncoded) == empty)
        #expect(try Self.roundTrip(empty, .json) == empty)
        // Brackets that do not end the name, and odd Unicode, travel and read back.
        let odd = Labels(name: "n", additionalProperties: ["a[b": "1", "]x": "2", "\u{200B}": "3", "e\u{301}": "4"])
        #expect(try Self.roundTrip(odd, .formURLEncoded) == odd)
        #expect(try Self.roundTrip(odd, .json) == odd)
    }

    @Test func xmlReadsTheMembersAndNamesABadOne() throws {
        let xml = #"<root><title>t</title><alice><list-item><points>x</points></list-item></alice></root>"#
        let error = #expect(throws: ValidationErrors.self) {
            try BodyCoding.decode(
                Scoreboard.self, from: Data(xml.utf8), format: .xml, contentType: MediaType.xml, dialect: .awkward)
        }
        #expect(try #require(error).errors.map(\.path) == ["alice[0].points"])
        let stamps = #"<root><name>n</name><seen><list-item>2023-11-14T22:13:20Z</list-item></seen><none/></root>"#
        #expect(
            try BodyCoding.decode(
                Stamps.self, from: Data(stamps.utf8), format: .xml, contentType: MediaType.xml, dialect: .awkward)
                == Stamps(
                    name: "n", additionalProperties: ["seen": [Date(timeIntervalSince1970: 1_700_000_000)], "none": []])
        )
    }

    @Test func xmlNamesTravelAndOtherNamesFailTyped() throws {
        // XML names, odd Unicode among them, round-trip as element names.
        let named = Labels(name: "n", additionalProperties: ["Ωmega": "1", "a.b": "2", "x-1": "", "名前": "3"])
        #expect(try Self.roundTrip(named, .xml) == named)
        // A name that is not an XML name makes a document no parser accepts (as for a map's keys): reading it
        // fails with a typed error, never a crash.
        for name in ["a b", "1st", ""] {
            let (data, contentType) = try BodyCoding.encode(
                Labels(name: "n", additionalProperties: [name: "v"]), as: .xml, dialect: .awkward)
            #expect(throws: ValidationErrors.self, "\(name)") {
                try BodyCoding.decode(
                    Labels.self, from: data, format: .xml, contentType: contentType, dialect: .awkward)
            }
        }
    }

    // MARK: Client and server

    struct Echo: AwkwardPartialHandler {
        func putScoreboard(_ input: PutScoreboardInput) async throws -> PutScoreboardOutput {
            if input.body.additionalProperties.isEmpty {
                return .unprocessableEntity(DRFErrors(additionalProperties: ["players": ["No players."]]))
            }
            var board = input.body
            board.additionalProperties["total", default: []].append(
                Tally(points: board.additionalProperties.values.joined().reduce(0) { $0 + $1.points }))
            return .ok(board)
        }

        func putStamps(_ input: PutStampsInput) async throws -> PutStampsOutput {
            var stamps = input.body
            for (name, value) in input.labels?.additionalProperties ?? [:] where Int(value) != nil {
                stamps.additionalProperties[name] = [Date(timeIntervalSince1970: Double(value) ?? 0)]
            }
            return .ok(stamps)
        }
    }

    @Test func clientAndServerCarryTheMembersInEveryFormat() async throws {
        let recorder = RecordingTransport(router: Echo().makeRouter())
        let client = AwkwardClient(transport: recorder)
        var board = Self.board
        board.additionalProperties["bob"] = [Tally(points: 4)]
        var expected = board
        expected.additionalProperties["total"] = [Tally(points: 10)]
        for format in Self.formats {
            #expect(try await client.putScoreboard(body: board, bodyFormat: format) == .ok(expected), "\(format)")
        }
        #expect(
            try await client.putScoreboard(body: Scoreboard(title: "t"))
                == .unprocessableEntity(DRFErrors(additionalProperties: ["players": ["No players."]])))
        // The client validates each member before sending.
        await #expect(throws: ClientError.self) {
            try await client.putScoreboard(
                body: Scoreboard(title: "t", additionalProperties: ["alice": [Tally(points: -1)]]))
        }
        #expect(recorder.requests.count == Self.formats.count + 1)
    }

    @Test func aDeepObjectCarriesMembersBesideItsFields() async throws {
        let recorder = RecordingTransport(router: Echo().makeRouter())
        let client = AwkwardClient(transport: recorder)
        let output = try await client.putStamps(
            labels: Labels(name: "l", count: 2, additionalProperties: ["epoch": "0", "word": "w"]),
            body: Stamps(name: "s"), bodyFormat: .formURLEncoded)
        #expect(output == .ok(Stamps(name: "s", additionalProperties: ["epoch": [Date(timeIntervalSince1970: 0)]])))
        let query = recorder.requests.first?.query.map { "\($0.name)=\($0.value ?? "")" } ?? []
        #expect(query == ["labels[name]=l", "labels[count]=2", "labels[epoch]=0", "labels[word]=w"])
    }

    @Test func theServerRefusesABadMemberByPath() async throws {
        let router = Echo().makeRouter()
        for (body, contentType) in [
            (#"{"title":"t","alice":[{"points":-1}]}"#, MediaType.json),
            ("title=t&alice[0][points]=-1", MediaType.formURLEncoded),
        ] {
            let response = await router.handle(
                APIRequest(
                    method: .put, path: "/api/v2/scoreboard", headers: ["Content-Type": contentType],
                    body: APIBody(Data(body.utf8))))
            #expect(response.status == 400, "\(contentType)")
            let text = String(decoding: response.body.bufferedData ?? Data(), as: UTF8.self)
            #expect(text.contains("alice[0].points"), "\(contentType): \(text)")
        }
    }
}

@_spi(Generated) import APIRuntime
import AwkwardAPI
import Foundation
import Testing

/// The awkward fixture's `Containers` (arrays and maps of any element: nested, of converted scalars, of
/// objects) and `putContainers` / `echoContainerIDs`, generated and compiled: the wire forms in JSON, XML,
/// forms and multipart, refusals naming the item, validation in place, and client ↔ server in process.
@Suite("Awkward fixture: containers of any element")
struct AwkwardContainersTests {
    static let id1 = UUID(uuidString: "6F9619FF-8B86-D011-B42D-00C04FC964FF")!
    static let id2 = UUID(uuidString: "00000000-0000-0000-0000-0000000000AB")!

    static func sample() -> Containers {
        Containers(
            ids: [id1, id2],
            times: [Date(timeIntervalSince1970: 1_785_340_800.25), Date(timeIntervalSince1970: 0)],
            grid: [[1, 2.5], [], [-3]],
            labels: [["b": "2", "a": "1"], [:]],
            counts: ["x": ["one": 1, "two": 2]],
            blobs: ["k": Data([0, 255, 7])],
            links: [URL(string: "https://example.com/a?b=c")!, URL(string: "urn:example:x")!],
            stamps: [[Date(timeIntervalSince1970: -1), Date(timeIntervalSince1970: 253_402_300_799)], []],
            amounts: ["usd": [Decimal(string: "12345678901234567890.123456789")!, Decimal(string: "0.1")!]],
            schedule: [["start": Date(timeIntervalSince1970: 86_400)]],
            rows: [[ContainerCell(name: "a")], [ContainerCell(name: "b"), ContainerCell(name: "c")]])
    }

    static let json =
        #"{"ids":["6f9619ff-8b86-d011-b42d-00c04fc964ff","00000000-0000-0000-0000-0000000000ab"],"times":["2026-07-29T16:00:00.250Z","1970-01-01T00:00:00Z"],"grid":[[1,2.5],[],[-3]],"labels":[{"a":"1","b":"2"},{}],"counts":{"x":{"one":1,"two":2}},"blobs":{"k":"AP8H"},"links":["https://example.com/a?b=c","urn:example:x"],"stamps":[[-1,253402300799],[]],"amounts":{"usd":[12345678901234567890.123456789,0.1]},"schedule":[{"start":"1970-01-02T00:00:00Z"}],"rows":[[{"name":"a"}],[{"name":"b"},{"name":"c"}]]}"#

    @Test func jsonKeepsEachItemsWireForm() throws {
        let json = String(decoding: try JSONCoding.encode(Self.sample()), as: UTF8.self)
        #expect(json == Self.json)
        #expect(try JSONCoding.decode(Containers.self, from: Data(json.utf8)) == Self.sample())
        // Read in any case and with any offset, as the scalars are elsewhere.
        let loose =
            #"{"ids":["6F9619FF-8B86-D011-B42D-00C04FC964FF"],"times":["2026-07-29T18:00:00.250+02:00"],"grid":[]}"#
        let value = try JSONCoding.decode(Containers.self, from: Data(loose.utf8))
        #expect(value.ids == [Self.id1])
        #expect(value.times == [Date(timeIntervalSince1970: 1_785_340_800.25)])
    }

    @Test func nullAndAbsentStayApart() throws {
        let absent = try JSONCoding.decode(Containers.self, from: Data(#"{"ids":[],"grid":[[]]}"#.utf8))
        #expect(absent.links == nil && absent.times == nil && absent.grid == [[]])
        let json = String(decoding: try JSONCoding.encode(absent), as: UTF8.self)
        #expect(json == #"{"ids":[],"grid":[[]]}"#)
        let null = try JSONCoding.decode(Containers.self, from: Data(#"{"ids":[],"grid":[],"links":null}"#.utf8))
        #expect(null.links == nil)
    }

    @Test(arguments: [
        (#""ids":["6f9619ff-8b86-d011-b42d-00c04fc964ff","nope"]"#, "ids[1]", "not a UUID"),
        (#""times":["2026-07-29T16:00:00Z","yesterday"]"#, "times[1]", "not an RFC 3339 date-time"),
        (#""stamps":[[0],[1,99999999999999]]"#, "stamps[1][1]", "a unix time outside years 0001…9999"),
        (#""blobs":{"k":"AP8"}"#, "blobs.k", "not standard base64"),
        (#""links":["example.com"]"#, "links[0]", "not an absolute URI"),
        (#""schedule":[{},{"start":"1970-01-32T00:00:00Z"}]"#, "schedule[1].start", "not an RFC 3339 date-time"),
        (#""grid":[[1],["x"]]"#, "grid[1][0]", "expected a number"),
        (#""amounts":{"usd":["1"]}"#, "amounts.usd[0]", "expected an object"),
    ])
    func refusalsNameTheItem(member: String, path: String, reason: String) throws {
        var members = [#""ids":[]"#, #""grid":[]"#]
        let key = member.prefix { $0 != ":" }
        members.removeAll { $0.hasPrefix(key) }
        members.append(member)
        let error = #expect(throws: ValidationErrors.self) {
            try JSONCoding.decode(Containers.self, from: Data("{\(members.joined(separator: ","))}".utf8))
        }
        #expect(error?.errors.first?.path == path, "\(member)")
        if path != "amounts.usd[0]" { #expect(error?.errors.first?.reason == reason, "\(member)") }
    }

    @Test func objectsInNestedContainersValidateInPlace() {
        var value = Self.sample()
        value.rows = [[ContainerCell(name: "a")], [ContainerCell(name: "b"), ContainerCell(name: "")]]
        #expect(value.validationErrors() == [ValidationError(path: "rows[1][1].name", reason: "must not be empty")])
        #expect(throws: ValidationErrors([ValidationError(path: "rows[0][0].name", reason: "must not be empty")])) {
            try JSONCoding.decode(Containers.self, from: Data(#"{"ids":[],"grid":[],"rows":[[{"name":""}]]}"#.utf8))
        }
    }

    @Test func unixTimesOutsideTheRangeAreNotWrittenAsJSON() {
        var value = Self.sample()
        value.stamps = [[Date(timeIntervalSince1970: 1e13)]]
        #expect(throws: EncodingError.self) { try JSONCoding.encode(value) }
        value = Self.sample()
        value.amounts = ["x": [.nan]]
        #expect(throws: EncodingError.self) { try JSONCoding.encode(value) }
    }

    @Test(arguments: [BodyFormat.xml, .formURLEncoded, .multipart])
    func textFormatsRoundTrip(format: BodyFormat) throws {
        let (data, contentType) = try BodyCoding.encode(Self.sample(), as: format, dialect: .awkward)
        let back = try BodyCoding.decode(
            Containers.self, from: data, format: format, contentType: contentType, dialect: .awkward)
        #expect(back == Self.sample(), "\(format)")
    }

    @Test func formsWriteNestedItemsInBracketNotation() throws {
        var value = Containers(ids: [Self.id1, Self.id2], grid: [[1, 2.5], [-3]])
        value.stamps = [[Date(timeIntervalSince1970: 7)]]
        value.labels = [["k": "v"]]
        value.times = [Date(timeIntervalSince1970: 0)]
        let (data, _) = try BodyCoding.encode(value, as: .formURLEncoded, dialect: .awkward)
        let text = String(decoding: data, as: UTF8.self).removingPercentEncoding ?? ""
        #expect(
            try BodyCoding.decode(
                Containers.self, from: data, format: .formURLEncoded, contentType: MediaType.formURLEncoded,
                dialect: .awkward) == value)
        #expect(
            text.contains("ids=6f9619ff-8b86-d011-b42d-00c04fc964ff&ids=00000000-0000-0000-0000-0000000000ab"),
            "\(text)")
        #expect(text.contains("times=1970-01-01T00:00:00Z"), "\(text)")
        #expect(text.contains("grid[0][0]=1.0&grid[0][1]=2.5&grid[1][0]=-3.0"), "\(text)")
        #expect(text.contains("labels[0][k]=v"), "\(text)")
        #expect(text.contains("stamps[0][0]=7"), "\(text)")
        // And reads them back, naming a bad item by its path.
        let bad = Data("ids=nope&grid[0][0]=1".utf8)
        #expect(throws: ValidationErrors([ValidationError(path: "ids[0]", reason: "is not a UUID")])) {
            try BodyCoding.decode(
                Containers.self, from: bad, format: .formURLEncoded, contentType: MediaType.formURLEncoded,
                dialect: .awkward)
        }
        let late = Data("ids=\(Self.id1.uuidString)&grid[0][0]=1&stamps[0][0]=99999999999999".utf8)
        #expect(
            throws: ValidationErrors([
                ValidationError(path: "stamps[0][0]", reason: "is a unix time outside years 0001…9999")
            ])
        ) {
            try BodyCoding.decode(
                Containers.self, from: late, format: .formURLEncoded, contentType: MediaType.formURLEncoded,
                dialect: .awkward)
        }
    }

    @Test func xmlNestsItemElements() throws {
        let value = Containers(ids: [Self.id1], grid: [[1, 2]], stamps: [[Date(timeIntervalSince1970: 7)]])
        let (data, _) = try BodyCoding.encode(value, as: .xml, dialect: .awkward)
        let xml = String(decoding: data, as: UTF8.self)
        #expect(
            xml.contains("<grid><list-item><list-item>1.0</list-item><list-item>2.0</list-item></list-item></grid>"),
            "\(xml)")
        #expect(xml.contains("<stamps><list-item><list-item>7</list-item></list-item></stamps>"), "\(xml)")
        #expect(xml.contains("<ids><list-item>6f9619ff-8b86-d011-b42d-00c04fc964ff</list-item></ids>"), "\(xml)")
    }

    struct Echo: AwkwardPartialHandler {
        func putContainers(_ input: PutContainersInput) async throws -> PutContainersOutput {
            var body = input.body
            body.ids += (input.ids ?? []) + (input.xTraceIDs ?? [])
            body.times = (input.since ?? []) + (input.until ?? [])
            return .ok(body)
        }

        func echoContainerIDs(_ input: EchoContainerIDsInput) async throws -> EchoContainerIDsOutput {
            .ok(["ids": input.body.map { _ in Date(timeIntervalSince1970: 0) }])
        }

        func putContainerRows(_ input: PutContainerRowsInput) async throws -> PutContainerRowsOutput {
            .ok(input.body.map { row in CalendarDate(year: 2026, month: 12, day: row.count)! })
        }
    }

    @Test func throughTheClientAndServerInEachFormat() async throws {
        let client = AwkwardClient(transport: InProcessTransport(router: Echo().makeRouter()))
        let since = [Date(timeIntervalSince1970: 1), Date(timeIntervalSince1970: 2.5)]
        for format in [BodyFormat.json, .xml, .formURLEncoded] {
            let output = try await client.putContainers(
                ids: [Self.id2], since: since, until: [Date(timeIntervalSince1970: 9)], xTraceIDs: [Self.id1],
                body: Self.sample(), bodyFormat: format)
            var expected = Self.sample()
            expected.ids += [Self.id2, Self.id1]
            expected.times = since + [Date(timeIntervalSince1970: 9)]
            #expect(output == .ok(expected), "\(format)")
        }
        let ids = try await client.echoContainerIDs(body: [Self.id1, Self.id2])
        #expect(ids == .ok(["ids": [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 0)]]))
    }

    @Test func theWireOfBodiesAndParameters() async throws {
        let recorder = RecordingTransport(router: Echo().makeRouter())
        let client = AwkwardClient(transport: recorder)
        let output = try await client.echoContainerIDs(body: [Self.id1])
        #expect(output == .ok(["ids": [Date(timeIntervalSince1970: 0)]]))
        let sent = try #require(recorder.requests.last)
        #expect(sent.body?.bufferedData == Data(#"["6f9619ff-8b86-d011-b42d-00c04fc964ff"]"#.utf8))
        _ = try await client.putContainers(
            ids: [Self.id1, Self.id2], since: [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1)],
            until: [Date(timeIntervalSince1970: 2), Date(timeIntervalSince1970: 3.5)], xTraceIDs: [Self.id1, Self.id2],
            body: Containers(ids: [], grid: []))
        let put = try #require(recorder.requests.last)
        #expect(
            put.query.map { "\($0.name)=\($0.value ?? "")" } == [
                "ids=6f9619ff-8b86-d011-b42d-00c04fc964ff", "ids=00000000-0000-0000-0000-0000000000ab",
                "since=1970-01-01T00:00:00Z,1970-01-01T00:00:01Z",
                "until=1970-01-01T00:00:02Z|1970-01-01T00:00:03.500Z",
            ])
        #expect(
            put.headers["X-Trace-IDs"]
                == "6f9619ff-8b86-d011-b42d-00c04fc964ff,00000000-0000-0000-0000-0000000000ab")
    }

    @Test func nestedBodiesValidateInPlaceOnBothSides() async throws {
        let client = AwkwardClient(transport: InProcessTransport(router: Echo().makeRouter()))
        let rows = [[ContainerCell(name: "a")], [ContainerCell(name: "b"), ContainerCell(name: "c")]]
        #expect(
            try await client.putContainerRows(body: rows)
                == .ok([CalendarDate("2026-12-01")!, CalendarDate("2026-12-02")!]))
        // The client refuses to send an invalid item; the server refuses to take one.
        await #expect(throws: ClientError.self) {
            _ = try await client.putContainerRows(body: [[], [ContainerCell(name: "")]])
        }
        var request = APIRequest(
            method: .put, path: "/api/v2/containers/rows", headers: ["Content-Type": "application/json"])
        request.body = APIBody(Data(#"[[{"name":"a"}],[{"name":"b"},{"name":""}]]"#.utf8))
        let response = await Echo().makeRouter().handle(request)
        #expect(response.status == 400)
        #expect(String(decoding: response.body.bytes, as: UTF8.self).contains(#""path":"body[1][1].name""#))
    }

    @Test func theServerRefusesBadItemsNamingThem() async {
        let router = Echo().makeRouter()
        var request = APIRequest(
            method: .post, path: "/api/v2/containers/ids", headers: ["Content-Type": "application/json"])
        request.body = APIBody(Data(#"["6f9619ff-8b86-d011-b42d-00c04fc964ff","x"]"#.utf8))
        let response = await router.handle(request)
        #expect(response.status == 400)
        #expect(String(decoding: response.body.bytes, as: UTF8.self).contains(#""path":"[1]""#))
        var put = APIRequest(method: .put, path: "/api/v2/containers", headers: ["Content-Type": "application/json"])
        put.query = [URLQueryItem(name: "ids", value: "nope")]
        put.body = APIBody(Data(#"{"ids":[],"grid":[]}"#.utf8))
        let refused = await router.handle(put)
        #expect(refused.status == 400)
        #expect(String(decoding: refused.body.bytes, as: UTF8.self).contains(#""path":"ids[0]""#))
    }
}

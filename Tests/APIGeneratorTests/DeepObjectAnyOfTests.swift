@_spi(Generated) import APIRuntime
import AwkwardAPI
import Foundation
import Testing

/// An anyOf as a deepObject query parameter, end to end through the awkward fixture's `searchItems`
/// `created` (Stripe's list filter): a range object travels as `created[gte]=1&created[lt]=2`, a value as
/// `created=1`, and the server reads either back, validates it, and answers 400 naming what is wrong.
@Suite struct DeepObjectAnyOfTests {
    @Test func aRangeOrAValueRoundTripsInItsWireForm() async throws {
        let capture = ParameterStylesTests.Capture()
        let box = ParameterStylesTests.Box()
        let client = ParameterStylesTests.client(capture, box)
        for (value, items) in [
            (
                CreatedFilter(createdRange: CreatedRange(gt: nil, gte: 1_700_000_000, lt: 1_800_000_000, lte: nil)),
                ["created[gte]=1700000000", "created[lt]=1800000000"]
            ),
            (CreatedFilter(exactly: 42), ["created=42"]),
            (CreatedFilter(exactly: -7), ["created=-7"]),
        ] {
            _ = try await client.searchItems(ids: ["a"], created: value)
            let sent = box.last?.request.query.map { "\($0.name)=\($0.value ?? "")" }
            #expect(sent == items)
            #expect(capture.input?.created == value, "\(items)")
        }
    }

    func status(_ items: [URLQueryItem]) async -> (Int, String) {
        var request = APIRequest(method: .get, path: "/api/v2/items/a")
        request.query = items
        let response = await ParameterStylesTests.Capture().makeRouter().handle(request)
        return (response.status, String(decoding: response.body.bytes, as: UTF8.self))
    }

    @Test func theServerRefusesWhatIsNeitherNamingTheParameter() async {
        for items in [
            [URLQueryItem(name: "created", value: "soon")],
            [URLQueryItem(name: "created[gte]", value: "x")],
            [URLQueryItem(name: "created[lte]", value: "-1")],
        ] {
            let (status, body) = await status(items)
            #expect(status == 400, "\(items)")
            #expect(body.contains("created"), "\(body)")
            #expect(!body.contains("soon"), "the reason never quotes the value")
        }
        // Absent is absent; brackets win over a plain value sent beside them.
        #expect(await status([]).0 == 204)
        #expect(await status([URLQueryItem(name: "created[gt]", value: "1"), URLQueryItem(name: "created", value: "x")]).0 == 204)
    }
}

/// An array in the style deepObject, end to end through `searchItems`' `expand`: bracket notation as
/// Stripe takes its lists (`expand[0]=a&expand[1]=b`), read back numbered or as `expand[]`.
@Suite struct DeepObjectArrayTests {
    @Test func theClientNumbersTheItemsAndTheServerReadsThemBack() async throws {
        let capture = ParameterStylesTests.Capture()
        let box = ParameterStylesTests.Box()
        let values = ["customer", "a[b]=c&d", "", "ünï 😀"]
        _ = try await ParameterStylesTests.client(capture, box).searchItems(ids: ["a"], expand: values)
        #expect(
            box.last?.request.query.map(\.name) == ["expand[0]", "expand[1]", "expand[2]", "expand[3]"])
        #expect(capture.input?.expand == values)
    }

    func send(_ items: [(String, String)]) async -> (status: Int, body: String, input: SearchItemsInput?) {
        let capture = ParameterStylesTests.Capture()
        var request = APIRequest(method: .get, path: "/api/v2/items/a")
        request.query = items.map { URLQueryItem(name: $0.0, value: $0.1) }
        let response = await capture.makeRouter().handle(request)
        return (response.status, String(decoding: response.body.bytes, as: UTF8.self), capture.input)
    }

    @Test func theServerReadsAnyOrderAndTheEmptyBracketSpelling() async {
        let shuffled = await send([("expand[1]", "b"), ("expand[0]", "a"), ("expand[2]", "c")])
        #expect(shuffled.status == 204)
        #expect(shuffled.input?.expand == ["a", "b", "c"])
        let appended = await send([("expand[]", "x"), ("expand[]", "y")])
        #expect(appended.input?.expand == ["x", "y"])
        #expect(await send([]).input?.expand == nil)
    }

    @Test func theServerRefusesGapsAndOddNumbersNamingTheItem() async {
        for (items, path) in [
            ([("expand[0]", "a"), ("expand[99999999]", "b")], "expand[99999999]"),
            ([("expand[1]", "a")], "expand[1]"),
            ([("expand[01]", "a")], "expand[01]"),
            ([("expand[-1]", "a")], "expand[-1]"),
            ([("expand[x]", "a")], "expand[x]"),
            ([("expand[0]", "a"), ("expand[]", "b")], "expand"),
        ] {
            let result = await send(items)
            #expect(result.status == 400, "\(items)")
            #expect(result.body.contains(path), "\(result.body)")
        }
    }
}

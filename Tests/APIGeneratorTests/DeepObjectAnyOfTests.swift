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

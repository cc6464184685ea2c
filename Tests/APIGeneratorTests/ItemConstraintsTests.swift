@_spi(Generated) import APIRuntime
import AwkwardAPI
import Foundation
import Testing

/// Constraints on each item of an array (`items`) and each value of a map (`values`), end to end
/// through the awkward fixture: `Checkout.expand` (items 1…40 characters), `Checkout.metadata` (values
/// at most 500 characters) and `searchItems`' `code` query parameter (items ≤ 1000). The client refuses to
/// send a value that breaks them and the server answers 400, both naming the element's path.
@Suite struct ItemConstraintsTests {
    struct Echo: AwkwardPartialHandler {
        func createCheckout(_ input: CreateCheckoutInput) async throws -> CreateCheckoutOutput { .ok(input.body) }
        func searchItems(_ input: SearchItemsInput) async throws -> SearchItemsOutput {
            .noContent(RawBody(contentType: nil, data: Data()))
        }
    }

    static var checkout: Checkout { NestedFormBodyTests.checkout }

    @Test func validationNamesEachItemAndValueThatBreaksItsConstraints() {
        var value = Self.checkout
        #expect(value.validationErrors() == [])
        value.expand = ["customer", "", String(repeating: "x", count: 41), "lines"]
        value.metadata = ["b": String(repeating: "é", count: 501), "a": "ok", "c": String(repeating: "y", count: 500)]
        #expect(
            value.validationErrors().map(\.description) == [
                "metadata.b: longer than 500 characters",
                "expand[1]: must not be empty",
                "expand[2]: longer than 40 characters",
            ])
        // Absent (optional) containers and empty ones have nothing to check.
        value.expand = nil
        value.metadata = [:]
        #expect(value.validationErrors() == [])
    }

    @Test func theClientRefusesToSendABadItem() async {
        let client = AwkwardClient(transport: InProcessTransport(router: Echo().makeRouter()))
        var value = Self.checkout
        value.expand = ["ok", ""]
        await #expect {
            _ = try await client.createCheckout(body: value)
        } throws: { error in
            guard case ClientError.invalidRequest(let errors)? = error as? ClientError else { return false }
            return errors.errors.map(\.description) == ["expand[1]: must not be empty"]
        }
        await #expect {
            _ = try await client.searchItems(ids: ["a"], code: [3, 1001])
        } throws: { error in
            guard case ClientError.invalidRequest(let errors)? = error as? ClientError else { return false }
            return errors.errors.map(\.description) == ["code[1]: greater than 1000"]
        }
    }

    func send(_ request: APIRequest) async -> (Int, String) {
        let response = await Echo().makeRouter().handle(request)
        return (response.status, String(decoding: response.body.bytes, as: UTF8.self))
    }

    @Test func theServerAnswers400NamingTheItem() async {
        var post = APIRequest(
            method: .post, path: "/api/v2/checkouts", headers: ["Content-Type": "application/x-www-form-urlencoded"])
        let long = String(repeating: "z", count: 41)
        post.body = APIBody(Data("customer=c&address[line1]=l&address[city]=x&lines[0][price]=1&expand=a&expand=\(long)".utf8))
        let (status, body) = await send(post)
        #expect(status == 400)
        #expect(body.contains("expand[1]"), "\(body)")
        #expect(!body.contains(long), "the reason never quotes the value")

        var get = APIRequest(method: .get, path: "/api/v2/items/a")
        get.query = [URLQueryItem(name: "code", value: "1,5000,2")]
        let (getStatus, getBody) = await send(get)
        #expect(getStatus == 400)
        #expect(getBody.contains("code[1]"), "\(getBody)")
        get.query = [URLQueryItem(name: "code", value: "1,5,2")]
        #expect(await send(get).0 == 204)
    }
}

/// `unix-time` parameters, end to end through `searchItems`' `since`: a `Date` in Swift, whole seconds
/// on the wire (not the RFC 3339 text of a `date-time`), refused with a 400 when they are not.
@Suite struct UnixTimeParameterTests {
    @Test func theClientSendsWholeSecondsAndTheServerReadsThemBack() async throws {
        let capture = ParameterStylesTests.Capture()
        let box = ParameterStylesTests.Box()
        let client = ParameterStylesTests.client(capture, box)
        let date = Date(timeIntervalSince1970: 1_700_000_000.75)
        _ = try await client.searchItems(ids: ["a"], since: date)
        #expect(box.last?.request.query == [URLQueryItem(name: "since", value: "1700000000")])
        #expect(capture.input?.since == Date(timeIntervalSince1970: 1_700_000_000))
        // Before 1970, and at the ends of the range: a date outside it writes the nearest bound.
        for (sent, seconds) in [
            (Date(timeIntervalSince1970: -1.5), -2), (Date.distantPast, -62_135_596_800),
            (Date(timeIntervalSince1970: 1e12), 253_402_300_799),
        ] {
            _ = try await client.searchItems(ids: ["a"], since: sent)
            #expect(box.last?.request.query == [URLQueryItem(name: "since", value: String(seconds))])
            #expect(capture.input?.since == Date(timeIntervalSince1970: TimeInterval(seconds)))
        }
    }

    @Test func anArrayOfUnixTimesIsAListOfSeconds() async throws {
        let capture = ParameterStylesTests.Capture()
        let box = ParameterStylesTests.Box()
        let dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -86_400.5)]
        _ = try await ParameterStylesTests.client(capture, box).searchItems(ids: ["a"], at: dates)
        #expect(box.last?.request.query == [URLQueryItem(name: "at", value: "0,-86401")])
        #expect(capture.input?.at == [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -86_401)])
        var request = APIRequest(method: .get, path: "/api/v2/items/a")
        request.query = [URLQueryItem(name: "at", value: "1,x")]
        let response = await capture.makeRouter().handle(request)
        #expect(response.status == 400)
        #expect(String(decoding: response.body.bytes, as: UTF8.self).contains("at[1]"))
    }

    @Test func theServerRefusesWhatIsNotWholeSecondsInRange() async {
        for text in ["2026-12-01T00:00:00Z", "1.5", "1e3", " 1", "", "253402300800", "-62135596801", "0x10"] {
            var request = APIRequest(method: .get, path: "/api/v2/items/a")
            request.query = [URLQueryItem(name: "since", value: text)]
            let response = await ParameterStylesTests.Capture().makeRouter().handle(request)
            #expect(response.status == 400, "\(text)")
            #expect(String(decoding: response.body.bytes, as: UTF8.self).contains("since"), "\(text)")
        }
    }
}

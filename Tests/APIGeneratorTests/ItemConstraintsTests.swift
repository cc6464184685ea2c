@_spi(Generated) import APIRuntime
import AwkwardAPI
import Foundation
import Testing

/// Constraints on each item of an array (`items`) and each value of a map (`values`), end to end
/// through the awkward fixture: `Checkout.expand` (items 1…40 characters), `Checkout.metadata` (values
/// at most 500 characters) and `searchItems`' `code` query parameter (items ≥ 0). The client refuses to
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
            _ = try await client.searchItems(ids: ["a"], code: [3, -1])
        } throws: { error in
            guard case ClientError.invalidRequest(let errors)? = error as? ClientError else { return false }
            return errors.errors.map(\.description) == ["code[1]: less than 0"]
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
        get.query = [URLQueryItem(name: "code", value: "1,-5,2")]
        let (getStatus, getBody) = await send(get)
        #expect(getStatus == 400)
        #expect(getBody.contains("code[1]"), "\(getBody)")
        get.query = [URLQueryItem(name: "code", value: "1,5,2")]
        #expect(await send(get).0 == 204)
    }
}

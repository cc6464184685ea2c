@_spi(Generated) import APIRuntime
import AwkwardAPI
import Foundation
import Testing

/// Nested form and multipart bodies in bracket notation, end to end through the awkward fixture's
/// `createCheckout`: the generated client writes `address[city]=…`, `lines[0][price]=…` and
/// `metadata[key]=…`, the generated server reads them back, validates nested constraints and refuses
/// hostile keys with a 400 naming them.
@Suite struct NestedFormBodyTests {
    static let checkout = Checkout(
        customer: "cus_1", address: CheckoutAddress(line1: "1 Rue de Rivoli", city: "Paris", postalCode: "75001"),
        shipping: nil,
        lines: [
            CheckoutLine(price: 500, quantity: 2, tags: ["gift", "fragile"], tier: .paid),
            CheckoutLine(price: 0, quantity: nil, tags: ["x"], tier: nil),
        ],
        metadata: ["order id": "A&B=1", "é": ""], lineByName: ["extra": CheckoutLine(price: 7, quantity: nil, tags: nil, tier: .free)],
        expand: ["customer"])

    struct Echo: AwkwardPartialHandler {
        func createCheckout(_ input: CreateCheckoutInput) async throws -> CreateCheckoutOutput { .ok(input.body) }
    }

    typealias Recorder = RecordingTransport

    @Test func theClientWritesBracketNotationAndTheServerReadsItBack() async throws {
        let recorder = Recorder(router: Echo().makeRouter())
        let client = AwkwardClient(transport: recorder)
        var withShipping = Self.checkout
        withShipping.shipping = CheckoutAddress(line1: "2 Main St", city: "Oslo", postalCode: nil)
        for value in [Self.checkout, withShipping] {
            for format in [BodyFormat.formURLEncoded, .multipart] {
                #expect(try await client.createCheckout(body: value, bodyFormat: format) == .ok(value), "\(format)")
            }
        }
        let form = try #require(recorder.requests.first?.body?.bufferedData)
        #expect(
            String(decoding: form, as: UTF8.self).removingPercentEncoding
                == "customer=cus_1&address[line1]=1 Rue de Rivoli&address[city]=Paris&address[postal_code]=75001"
                + "&lines[0][price]=500&lines[0][quantity]=2&lines[0][tags]=gift&lines[0][tags]=fragile"
                + "&lines[0][tier]=paid&lines[1][price]=0&lines[1][tags]=x&metadata[order id]=A&B=1&metadata[é]="
                + "&line_by_name[extra][price]=7&line_by_name[extra][tier]=free&expand=customer")
        let multipart = String(decoding: try #require(recorder.requests[1].body?.bufferedData), as: UTF8.self)
        #expect(multipart.contains("name=\"lines[0][tags]\"\r\n\r\nfragile\r\n"))
        #expect(multipart.contains("name=\"line_by_name[extra][tier]\"\r\n\r\nfree\r\n"))
    }

    @Test func theClientRefusesAMapKeyAFormCannotCarry() async {
        let client = AwkwardClient(transport: InProcessTransport(router: Echo().makeRouter()))
        var value = Self.checkout
        value.metadata = ["a][b": "1"]
        await #expect {
            _ = try await client.createCheckout(body: value)
        } throws: { error in
            guard case ClientError.invalidRequest(let errors)? = error as? ClientError else { return false }
            return errors.errors.first?.reason.contains("metadata[a][b]") == true
        }
    }

    func post(_ body: String, contentType: String = "application/x-www-form-urlencoded") async -> (Int, String) {
        var request = APIRequest(method: .post, path: "/api/v2/checkouts", headers: ["Content-Type": contentType])
        request.body = APIBody(Data(body.utf8))
        let response = await Echo().makeRouter().handle(request)
        return (response.status, String(decoding: response.body.bytes, as: UTF8.self))
    }

    @Test func theServerReadsTheOtherListSpellings() async throws {
        let base = "customer=c&address[line1]=l&address[city]=x"
        for lines in [
            "lines[1][price]=2&lines[0][price]=1&lines[0][tags][]=a&lines[0][tags][]=b",
            "lines%5B0%5D%5Bprice%5D=1&lines[0][tags][0]=a&lines[0][tags][1]=b&lines[1][price]=2",
        ] {
            let (status, body) = await post(base + "&" + lines)
            #expect(status == 200, "\(body)")
            let read = try JSONCoding.decode(Checkout.self, from: Data(body.utf8))
            #expect(read.lines.map(\.price) == [1, 2])
            #expect(read.lines[0].tags == ["a", "b"])
        }
    }

    @Test func theServerValidatesNestedFieldsNamingThem() async {
        let (status, body) = await post("customer=c&address[line1]=&address[city]=x&lines[0][price]=-1")
        #expect(status == 400)
        #expect(body.contains(#""path":"address.line1""#), "\(body)")
        #expect(body.contains(#""path":"lines[0].price""#), "\(body)")
    }

    @Test func theServerRefusesHostileKeysWith400NamingThem() async {
        let base = "customer=c&address[line1]=l&address[city]=x"
        for (body, path) in [
            (base + "&lines[99999999][price]=1", "lines[99999999]"),
            (base + "&lines[0][price]=1&lines[5][price]=1", "lines[5]"),
            (base + "&lines[0][price]=1&address=1", "address"),
            (base + "&lines[0][price]=1&lines[0][price][x]=2", "lines[0][price]"),
            (base + "&lines[][price]=1", "lines[][price]"),
            ("customer" + String(repeating: "[a]", count: 200) + "=1&" + base, "customer"),
        ] {
            let (status, answer) = await post(body)
            #expect(status == 400, "\(body.prefix(80))")
            #expect(answer.contains(#""path":"\#(path)""#), "\(answer)")
        }
        let boundary = "xyz"
        let multipart =
            "--xyz\r\nContent-Disposition: form-data; name=\"customer\"\r\n\r\nc\r\n"
            + "--xyz\r\nContent-Disposition: form-data; name=\"customer[x]\"\r\n\r\nd\r\n--xyz--\r\n"
        let (status, answer) = await post(multipart, contentType: "multipart/form-data; boundary=\(boundary)")
        #expect(status == 400)
        #expect(answer.contains(#""path":"customer""#), "\(answer)")
    }
}

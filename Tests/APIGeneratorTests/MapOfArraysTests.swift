import APIDefinition
@_spi(Generated) import APIRuntime
import AwkwardAPI
import Foundation
import Testing

/// The awkward fixture's `FieldErrors`: maps of arrays (`{[string]}`, `{[CheckoutLine]}`, `{[integer]}`), as
/// Django REST framework's `{"field": ["message"]}`, through the generated client and server in every body
/// format the operation lists, with nested validation naming `lines.<key>[index].<field>`.
@Suite("Awkward fixture: maps of arrays")
struct MapOfArraysTests {
    struct Echo: AwkwardPartialHandler {
        func putFieldErrors(_ input: PutFieldErrorsInput) async throws -> PutFieldErrorsOutput { .ok(input.body) }
    }

    static let value = FieldErrors(
        errors: ["email": ["is taken", "is too long"], "non_field_errors": ["try again"], "é x": []],
        lines: ["a": [CheckoutLine(price: 5, quantity: 2, tags: ["x"]), CheckoutLine(price: 0)], "b": []],
        codes: ["n": [1, -2]])

    @Test func everyBodyFormatRoundTrips() async throws {
        let client = AwkwardClient(transport: InProcessTransport(router: Echo().makeRouter()))
        // JSON keeps everything; XML and forms cannot carry a key that is not an XML name or an empty array
        // (an empty element is null in XML, and a form writes no field for an empty array), so those two
        // round-trip a value without them.
        #expect(try await client.putFieldErrors(body: Self.value, bodyFormat: .json) == .ok(Self.value))
        let plain = FieldErrors(
            errors: ["email": ["is taken", "is too long"], "name": ["required"]],
            lines: ["a": [CheckoutLine(price: 5, quantity: 2, tags: ["x", "y"]), CheckoutLine(price: 0)]],
            codes: ["n": [1, -2]])
        for format in [BodyFormat.xml, .formURLEncoded, .multipart] {
            let answer = try await client.putFieldErrors(body: plain, bodyFormat: format)
            #expect(answer == .ok(plain), "\(format)")
        }
    }

    @Test func onTheWireAMapOfArraysIsAnObjectOfArrays() async throws {
        let router = Echo().makeRouter()
        let request = APIRequest(
            method: .put, path: "/api/v2/field-errors", headers: ["Content-Type": "application/json"],
            body: APIBody(Data(#"{"errors":{"email":["is taken"]},"lines":{"a":[{"price":1}]}}"#.utf8)))
        let response = await router.handle(request)
        #expect(response.status == 200)
        let text = String(decoding: response.body.bytes, as: UTF8.self)
        #expect(text.contains(#""errors":{"email":["is taken"]}"#), "\(text)")
        // A value of the wrong kind inside the arrays, and a broken constraint of an item, name their paths.
        for (body, path) in [
            (#"{"errors":{"email":[1]}}"#, "errors.email[0]"),
            (#"{"errors":{},"lines":{"a":[{"price":1},{"price":-1}]}}"#, "lines.a[1].price"),
        ] {
            let bad = await router.handle(
                APIRequest(
                    method: .put, path: "/api/v2/field-errors", headers: ["Content-Type": "application/json"],
                    body: APIBody(Data(body.utf8))))
            let text = String(decoding: bad.body.bytes, as: UTF8.self)
            #expect(bad.status == 400, "\(body)")
            #expect(text.contains(path), "\(body): \(text)")
        }
    }

    @Test func theCheckerAcceptsMapsOfArraysAndDeeper() {
        func diagnostics(_ type: String) -> [String] {
            let text = """
                {"formatVersion": 1, "service": {"name": "D", "baseURL": "https://example.com"},
                 "types": [{"name": "T", "kind": "object", "fields": [{"name": "f", "type": "\(type)"}]}],
                 "operations": []}
                """
            do {
                _ = try DefinitionLoader.load(data: Data(text.utf8), file: "d.json")
                return []
            } catch {
                return error.diagnostics.map(\.description)
            }
        }
        #expect(diagnostics("{[string]}") == [])
        #expect(diagnostics("{[T]}") == [])
        // Any nesting is a field type now (ContainerDefinitionTests has more).
        for nested in ["{[[string]]}", "{[{string}]}", "{[uuid]}", "[{string}]", "[[string]]", "{{string}}"] {
            #expect(diagnostics(nested) == [], "\(nested)")
        }
        // What is still no type reference stays a located error.
        let found = diagnostics("{[string}]")
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.contains("types[0].fields[0].type") == true, "\(found)")
    }
}

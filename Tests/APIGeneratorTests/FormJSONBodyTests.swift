@_spi(Generated) import APIRuntime
import AwkwardAPI
import Foundation
import Testing

/// `json` fields in form and multipart bodies, end to end through the awkward fixture's
/// `updateVerifySettings` (Twilio's shape: `RateLimits={"a":1}`): the generated client writes each as its
/// JSON text in one value (a multipart part in `application/json`), the generated server parses it back,
/// and text that is not JSON (or nests too deep) is a 400 naming the field.
@Suite struct FormJSONBodyTests {
    /// Every kind of JSON value, with text a form must escape (`&`, `=`, `+`, `%`, non-ASCII, newlines).
    static let settings = VerifySettings(
        friendlyName: "Verify & co",
        rateLimits: .object([
            AnyJSON.Member("a", .string("b")),
            AnyJSON.Member("limits", .array([.number(1), .number(2.5), .number(-3e-7)])),
            AnyJSON.Member("on", .bool(true)),
            AnyJSON.Member("x", .null),
        ]),
        channels: [
            .string("a&b=c+d 100%"), .number(42), .null, .bool(false), .array([]),
            .object([AnyJSON.Member("line\nbreak", .string("é\r\n\u{2028}😀"))]),
        ],
        metadata: ["é key": .string("v"), "obj": .object([AnyJSON.Member("k", .array([.null]))])])

    struct Echo: AwkwardPartialHandler {
        func updateVerifySettings(_ input: UpdateVerifySettingsInput) async throws -> UpdateVerifySettingsOutput {
            .ok(input.body)
        }
    }

    typealias Recorder = RecordingTransport

    @Test func theClientWritesJSONTextAndTheServerReadsItBack() async throws {
        let recorder = Recorder(router: Echo().makeRouter())
        let client = AwkwardClient(transport: recorder)
        var single = Self.settings
        single.channels = [.null]
        single.rateLimits = .string("just text")
        single.metadata = nil
        var scalar = Self.settings
        scalar.rateLimits = .number(7)
        scalar.channels = [.object([])]
        for value in [Self.settings, single, scalar] {
            for format in [BodyFormat.formURLEncoded, .multipart] {
                #expect(
                    try await client.updateVerifySettings(body: value, bodyFormat: format) == .ok(value), "\(format)")
            }
        }
        let form = String(decoding: try #require(recorder.requests.first?.body?.bufferedData), as: UTF8.self)
        #expect(
            form.hasPrefix(
                "FriendlyName=Verify%20%26%20co&RateLimits=%7B%22a%22%3A%22b%22%2C%22limits%22%3A%5B1%2C2.5%2C"))
        #expect(
            form.removingPercentEncoding?.contains(
                #"&Channels="a&b=c+d 100%"&Channels=42&Channels=null&Channels=false&Channels=[]&Channels={"line\nbreak":"é\r\n"#
            )
                == true, "\(form)")
        #expect(form.contains("&Metadata%5Bobj%5D=%7B%22k%22%3A%5Bnull%5D%7D"), "\(form)")
        let multipart = String(decoding: try #require(recorder.requests[1].body?.bufferedData), as: UTF8.self)
        #expect(
            multipart.contains(
                "name=\"RateLimits\"\r\nContent-Type: application/json\r\n\r\n{\"a\":\"b\",\"limits\":[1,2.5,"),
            "\(multipart)")
        #expect(multipart.contains("name=\"Channels\"\r\nContent-Type: application/json\r\n\r\n42\r\n"))
        #expect(multipart.contains("name=\"FriendlyName\"\r\n\r\nVerify & co\r\n"))
    }

    func post(_ body: String, contentType: String = "application/x-www-form-urlencoded") async -> (Int, String) {
        var request = APIRequest(method: .post, path: "/api/v2/verify-settings", headers: ["Content-Type": contentType])
        request.body = APIBody(Data(body.utf8))
        let response = await Echo().makeRouter().handle(request)
        return (response.status, String(decoding: response.body.bytes, as: UTF8.self))
    }

    @Test func theServerReadsJSONTextAsOtherClientsSendIt() async throws {
        // Twilio's own form: an object in one value; a list field sent once; a multipart text part.
        let (status, body) = await post(
            "FriendlyName=f&RateLimits=%7B%22b%22%3A%7B%22max%22%3A10%7D%7D&Channels=%5B1%2C%22two%22%5D"
                + "&Metadata[k]=%22v%22")
        #expect(status == 200, "\(body)")
        let read = try JSONCoding.decode(VerifySettings.self, from: Data(body.utf8))
        #expect(read.rateLimits == .object([AnyJSON.Member("b", .object([AnyJSON.Member("max", .number(10))]))]))
        #expect(read.channels == [.array([.number(1), .string("two")])])
        #expect(read.metadata == ["k": .string("v")])
        let multipart =
            "--b\r\nContent-Disposition: form-data; name=\"FriendlyName\"\r\n\r\nf\r\n"
            + "--b\r\nContent-Disposition: form-data; name=\"RateLimits\"\r\n\r\n{\"a\": [true, null]}\r\n"
            + "--b\r\nContent-Disposition: form-data; name=\"Channels\"\r\nContent-Type: text/plain\r\n\r\n\"x\"\r\n"
            + "--b--\r\n"
        let (partStatus, partBody) = await post(multipart, contentType: "multipart/form-data; boundary=b")
        #expect(partStatus == 200, "\(partBody)")
        let fromParts = try JSONCoding.decode(VerifySettings.self, from: Data(partBody.utf8))
        #expect(fromParts.rateLimits == .object([AnyJSON.Member("a", .array([.bool(true), .null]))]))
        #expect(fromParts.channels == [.string("x")])
    }

    @Test func textThatIsNotJSONIsA400NamingTheField() async {
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        for (body, path, reason) in [
            ("FriendlyName=f&RateLimits=%7Bnot&Channels=1", "RateLimits", "is not valid JSON"),
            ("FriendlyName=f&RateLimits=1&Channels=1&Channels=oops", "Channels[1]", "is not valid JSON"),
            ("FriendlyName=f&RateLimits=1&Channels=1&Metadata[k]=%7B", "Metadata.k", "is not valid JSON"),
            ("FriendlyName=f&RateLimits=&Channels=1", "RateLimits", "is not valid JSON"),
            ("FriendlyName=f&RateLimits=\(deep)&Channels=1", "RateLimits", "is nested deeper than 128 levels"),
        ] {
            let (status, answer) = await post(body)
            #expect(status == 400, "\(body.prefix(80))")
            #expect(answer.contains(#""path":"\#(path)""#), "\(answer)")
            #expect(answer.contains(reason), "\(answer)")
        }
    }

    @Test func theServersDepthLimitAppliesToJSONText() async throws {
        var router = Echo().makeRouter()
        router.limits.xml.maxDepth = 3
        for (depth, expected) in [(3, 200), (4, 400)] {
            let value = String(repeating: "%7B%22a%22%3A", count: depth) + "1" + String(repeating: "%7D", count: depth)
            var request = APIRequest(
                method: .post, path: "/api/v2/verify-settings",
                headers: ["Content-Type": "application/x-www-form-urlencoded"])
            request.body = APIBody(Data("FriendlyName=f&RateLimits=\(value)&Channels=1".utf8))
            let response = await router.handle(request)
            #expect(response.status == expected, "\(depth)")
        }
    }

    @Test func xmlKeepsWritingAnyJSONAsAnElementTree() throws {
        let data = XMLFormat.write(Self.settings.textTree(), dialect: .djangoREST)
        let xml = String(decoding: data, as: UTF8.self)
        #expect(
            xml.contains("<RateLimits><a>b</a><limits><list-item>1</list-item><list-item>2.5</list-item>"), "\(xml)")
        #expect(xml.contains("<on>True</on><x></x></RateLimits>"), "\(xml)")
    }
}

@_spi(Generated) import APIRuntime
import AwkwardAPI
import Foundation
import TestSupport
import Testing

/// Parameters of every kind, end to end through the awkward fixture's `searchItems`
/// (`GET /items/{ids}`): a path array, query arrays in each style, a deepObject, a header array,
/// a cookie and a cookie array. Requests travel as they would on a socket: the target is written
/// percent-encoded and parsed back, so the tests see what a server framework hands over.
@Suite("Parameters of every kind")
struct ParameterStylesTests {
    /// Keeps the last input the server decoded.
    final class Capture: AwkwardPartialHandler, @unchecked Sendable {
        private let lock = NSLock()
        private var last: SearchItemsInput?
        var input: SearchItemsInput? { lock.withLock { last } }
        func searchItems(_ input: SearchItemsInput) async throws -> SearchItemsOutput {
            lock.withLock { last = input }
            return .noContent(RawBody(contentType: nil, data: Data()))
        }
    }

    /// Sends a request through its wire form: `target` percent-encoded, then split and decoded the way
    /// a server framework does (path kept encoded for the router, query items decoded).
    struct WireTransport: ClientTransport {
        let router: APIRouter
        let sent: @Sendable (APIRequest, String) -> Void

        func send(_ request: APIRequest, baseURL: URL) async throws -> APIResponse {
            let target = baseURL.path.trimmingSuffix("/") + request.target
            sent(request, target)
            let components = try #require(URLComponents(string: "http://h" + target))
            var received = request
            received.path = components.percentEncodedPath
            received.query = components.queryItems ?? []
            return await router.handle(received)
        }
    }

    final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [(APIRequest, String)] = []
        func add(_ request: APIRequest, _ target: String) { lock.withLock { items.append((request, target)) } }
        var last: (request: APIRequest, target: String)? { lock.withLock { items.last } }
    }

    static func client(_ capture: Capture, _ box: Box = Box()) -> AwkwardClient {
        AwkwardClient(transport: WireTransport(router: capture.makeRouter(), sent: { box.add($0, $1) }))
    }

    static let full = SearchItemsInput(
        ids: ["a", "b"], tag: ["x", "y"], code: [1, 2], word: ["hello", "world"], channel: [.eMail, .sms],
        filter: ItemFilter(name: "n", min: 1, channel: .inApp, active: true), xTrace: ["t1", "t2"], session: "s",
        prefs: ["p", "q"])

    @Test func eachStyleHasItsOpenAPIWireForm() async throws {
        let capture = Capture()
        let box = Box()
        let output = try await Self.client(capture, box).searchItems(Self.full)
        #expect(output == .noContent(RawBody(contentType: nil, data: Data())))
        let (request, target) = try #require(box.last)
        #expect(
            target
                == "/api/v2/items/a,b?tag=x&tag=y&code=1%2C2&word=hello%20world&channel=e-mail%7CSMS"
                + "&filter%5Bname%5D=n&filter%5Bmin%5D=1&filter%5Bchannel%5D=in%20app&filter%5Bactive%5D=true")
        // The decoded query items are the strings OpenAPI 3.1 specifies.
        #expect(
            request.query.map { "\($0.name)=\($0.value ?? "")" } == [
                "tag=x", "tag=y", "code=1,2", "word=hello world", "channel=e-mail|SMS", "filter[name]=n",
                "filter[min]=1", "filter[channel]=in app", "filter[active]=true",
            ])
        #expect(request.headers["X-Trace"] == "t1,t2")
        #expect(request.headers["Cookie"] == "session=s; prefs=p,q")
        #expect(capture.input == Self.full)
    }

    @Test func absentOptionalsAreNilAndEmptyArraysAreNotSent() async throws {
        let capture = Capture()
        let box = Box()
        let client = Self.client(capture, box)
        _ = try await client.searchItems(ids: ["only"])
        #expect(box.last?.target == "/api/v2/items/only")
        #expect(box.last?.request.headers["Cookie"] == nil)
        #expect(capture.input == SearchItemsInput(ids: ["only"]))
        // An empty array is not sent: the server reads an absent optional array as nil.
        _ = try await client.searchItems(ids: ["only"], tag: [], code: [], xTrace: [], prefs: [])
        #expect(box.last?.target == "/api/v2/items/only")
        #expect(capture.input == SearchItemsInput(ids: ["only"]))
        // One empty string is sent, and read back (but in the path, where it is an empty segment that
        // no route matches).
        let empty = try await client.searchItems(ids: ["", ""], tag: [""], word: [""], xTrace: [""], prefs: [""])
        #expect(empty == .noContent(RawBody(contentType: nil, data: Data())))
        #expect(box.last?.target == "/api/v2/items/,?tag=&word=")
        #expect(capture.input == SearchItemsInput(ids: ["", ""], tag: [""], word: [""], xTrace: [""], prefs: [""]))
        guard case .undocumented(let status, _) = try await client.searchItems(ids: [""]) else {
            Issue.record("a route matched an empty path segment")
            return
        }
        #expect(status == 404)
    }

    static let hostile = [
        "a,b", "c|d", "e f", "g&h=i", "[j]", "100%", "%2C", "ünï 😀", " lead", "trail ", ";", "\"q\"", "a\\b", "+",
        "x;y=z",
    ]

    @Test func hostileValuesRoundTripInEveryStyle() async throws {
        let capture = Capture()
        let input = SearchItemsInput(
            ids: Self.hostile, tag: Self.hostile, code: [-1, 0, 42], word: Self.hostile,
            channel: Channel.allCases, filter: ItemFilter(name: "&=[]%, ü|", min: 0, active: false),
            xTrace: Self.hostile, session: "a=b; c,d ü", prefs: Self.hostile)
        _ = try await Self.client(capture).searchItems(input)
        #expect(capture.input == input)
    }

    /// Seeded random arrays of hostile strings through every style, client to server.
    @Test func randomArraysRoundTrip() async throws {
        let alphabet = Array("ab ,|&=[]%;\"\\+é😀\t-._~/?#")
        var generator = SeededGenerator(seed: 12)
        let capture = Capture()
        let client = Self.client(capture)
        for _ in 0..<60 {
            func word() -> String {
                String(
                    (0..<Int.random(in: 0...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)!
                    })
            }
            func words(_ minimum: Int = 1) -> [String] {
                (0..<Int.random(in: minimum...4, using: &generator)).map { _ in word() }
            }
            var ids = words()
            if ids == [""] { ids = ["x"] }  // an empty path segment matches no route
            let input = SearchItemsInput(
                ids: ids, tag: words(), word: words(), xTrace: words(), session: word(), prefs: words())
            let output = try await client.searchItems(input)
            #expect(output == .noContent(RawBody(contentType: nil, data: Data())))
            #expect(capture.input == input)
        }
    }

    /// The runtime's join and split are inverse for every delimiter, on seeded random items.
    @Test func joinAndSplitAreInverse() {
        let alphabet = Array("ab ,|%2C;é😀\t")
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<500 {
            let items = (0..<Int.random(in: 1...5, using: &generator)).map { _ in
                String(
                    (0..<Int.random(in: 0...5, using: &generator)).map { _ in alphabet.randomElement(using: &generator)!
                    })
            }
            for delimiter: Character in [",", " ", "|"] {
                let text = ParameterStyles.join(items, delimiter: delimiter)
                #expect(ParameterStyles.split(text, delimiter: delimiter) == items)
            }
            let header = ParameterStyles.join(items, delimiter: ",", allowed: ParameterStyles.visibleASCII)
            #expect(header.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F })
            #expect(ParameterStyles.split(header, delimiter: ",", trimming: true) == items)
            let cookie = ParameterStyles.join(items, delimiter: ",", allowed: ParameterStyles.unreserved)
            #expect(!cookie.contains(";") && !cookie.contains(" ") && !cookie.contains("\""))
            #expect(ParameterStyles.split(cookie, delimiter: ",") == items)
        }
    }

    // MARK: Refusals

    static func get(_ target: String, headers: HeaderFields = [:]) async throws -> (status: Int, body: String) {
        let components = try #require(URLComponents(string: "http://h/api/v2" + target))
        let request = APIRequest(
            method: .get, path: components.percentEncodedPath, query: components.queryItems ?? [], headers: headers)
        let response = await Capture().makeRouter().handle(request)
        return (response.status, String(decoding: response.body.bufferedData ?? Data(), as: UTF8.self))
    }

    @Test(arguments: [
        ("/items/a?code=1,x", "code[1]", "is not an integer"),
        ("/items/a?code=1,2,3,4", "code", "more than 3 items"),
        ("/items/a?channel=SMS%7Cfax", "channel[1]", "is not one of"),
        ("/items/a?word=a%20%25zz", "word", "is not percent-encoded UTF-8"),
        ("/items/a?filter%5Bmin%5D=abc&filter%5Bactive%5D=true", "filter.min", "is not an integer"),
        ("/items/a?filter%5Bname%5D=x", "filter.active", "required"),
        ("/items/a?filter%5Bmin%5D=-1&filter%5Bactive%5D=true", "filter.min", "less than 0"),
        ("/items/a,%25zz", "ids", "is not percent-encoded UTF-8"),
    ])
    func malformedInputIsRefusedNamingTheParameter(target: String, path: String, reason: String) async throws {
        let (status, body) = try await Self.get(target)
        #expect(status == 400, "\(body)")
        #expect(body.contains(#""path":"\#(path)""#), "\(body)")
        #expect(body.contains(reason), "\(body)")
    }

    @Test func aDelimitedArrayIsAlsoReadWhenRepeated() async throws {
        let capture = Capture()
        let components = try #require(URLComponents(string: "http://h/api/v2/items/a?code=1,2&code=3&word=x%20y"))
        let request = APIRequest(method: .get, path: components.percentEncodedPath, query: components.queryItems ?? [])
        #expect(await capture.makeRouter().handle(request).status == 204)
        #expect(capture.input?.code == [1, 2, 3])
        #expect(capture.input?.word == ["x", "y"])
    }

    @Test func malformedHeadersAndCookiesAreRefusedNamingTheParameter() async throws {
        let header = try await Self.get("/items/a", headers: ["X-Trace": "a,%zz"])
        #expect(header.status == 400 && header.body.contains(#""path":"X-Trace""#))
        let cookie = try await Self.get("/items/a", headers: ["Cookie": "other=1; prefs=ok,%zz"])
        #expect(cookie.status == 400 && cookie.body.contains(#""path":"prefs""#))
        let session = try await Self.get("/items/a", headers: ["Cookie": "session=%E0"])
        #expect(session.status == 400 && session.body.contains(#""path":"session""#))
        // A header list written with spaces after the commas, as HTTP allows, reads the same.
        let spaced = try await Self.get("/items/a", headers: ["X-Trace": "a, b"])
        #expect(spaced.status == 204)
    }

    @Test func theClientValidatesArrayConstraintsBeforeSending() async throws {
        let client = Self.client(Capture())
        await #expect(throws: ClientError.self) { try await client.searchItems(ids: []) }
        await #expect(throws: ClientError.self) { try await client.searchItems(ids: ["a"], code: [1, 2, 3, 4]) }
        await #expect(throws: ClientError.self) {
            try await client.searchItems(ids: ["a"], filter: ItemFilter(min: -1, active: true))
        }
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}

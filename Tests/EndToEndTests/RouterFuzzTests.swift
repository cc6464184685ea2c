@_spi(Generated) import APIRuntime
import Foundation
import TestSupport
import Testing

/// Drives every generated router in process with mutated requests: bodies in every format, headers,
/// paths, queries and methods. No input may crash the process, answer 5xx, or take long.
@Suite("APIRouter fuzzing")
struct RouterFuzzTests {
    /// The slowest answer allowed: 50 ms in a release build; a debug build on a busy machine gets more.
    #if DEBUG
        static let slowestAllowed = 0.5
    #else
        static let slowestAllowed = 0.05
    #endif

    /// Fragments that break each format in interesting ways.
    static let fragments: [[UInt8]] =
        [
            "{", "}", "[", "]", "\"", "\\", "\\u0000", "\\ud800", ":", ",", "null", "true", "1e999", "-0", "NaN",
            "18446744073709551616", "99999999999999999999", "1.5", "\"\"", "{\"a\":", "[[[[[[[[",
            "<?x?>", "<!--", "<![CDATA[", "<!DOCTYPE root>", "&x;", "&#0;", "<root>", "</root>", "<list-item>",
            " a=\"1\"", "&", "=", "%", "%zz", "%00", "%C0%80", "+", "nan", "inf", "\r\n", "--", "\r\n\r\n",
            "Content-Disposition: form-data; name=\"password\"", "\u{0}", "\u{FEFF}", "\u{202E}", "🇩🇪", "\u{2028}",
        ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xED, 0xA0, 0x80], Array(repeating: 0x5B, count: 2_000)]

    static let contentTypes = [
        "application/json", "application/xml", "text/xml", "application/x-www-form-urlencoded",
        "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"x",
        "multipart/form-data; boundary=" + String(repeating: "b", count: 200), "text/plain", "", ";;;",
        "application/json; charset=utf-16",
    ]
    static let accepts = [
        "application/xml", "application/json;q=0", "*/*;q=0.5, application/xml", "text/html", "application/*",
        "q=2", ";;", "application/json;q=nan", "application/json;q=1e999", String(repeating: "*/*,", count: 1_000),
    ]

    static func mutate(_ request: APIRequest, seeds: [APIRequest], using random: inout SeededGenerator) -> APIRequest
    {
        var request = request
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            switch Int.random(in: 0..<10, using: &random) {
            case 0...3:
                request.body = APIBody(
                    Data(Mutation.mutate([UInt8](request.body?.bytes ?? Data()), fragments: fragments, using: &random)))
            case 4:
                request.headers["Content-Type"] = contentTypes.randomElement(using: &random)
            case 5:
                request.headers["Accept"] = accepts.randomElement(using: &random)
            case 6:
                // A body from another request, in another format, under this request's Content-Type.
                request.body = seeds.randomElement(using: &random)?.body
            case 7:
                var path = Array(request.path.utf8)
                path = Mutation.mutate(
                    path, fragments: ["/", "%", "%2F", "..", "{id}", "%zz", "//"].map { Array($0.utf8) }, using: &random
                )
                request.path = String(decoding: path, as: UTF8.self)
            case 8:
                let names = ["format", "format", "user_id", "", "x"]
                let values = ["xml", "json", "XML", "", "nan", "%zz", "\u{0}", String(repeating: "q", count: 300)]
                request.query.append(
                    URLQueryItem(
                        name: names.randomElement(using: &random)!, value: values.randomElement(using: &random)))
            default:
                let names = ["Authorization", "user_key", "Session_key", "Access_token", "X-Other", "content-type"]
                let values = [
                    "Bearer", "Bearer ", "Bearer test-key", "bearer  x", "Basic abc", "", "\u{0}", "UK1", "S1",
                    String(repeating: "k", count: 5_000),
                ]
                request.headers.add(names.randomElement(using: &random)!, values.randomElement(using: &random)!)
                if Bool.random(using: &random) {
                    request.method = [.get, .put, .delete, .head, .options, RequestMethod(rawValue: "BREW")]
                        .randomElement(using: &random)!
                }
            }
        }
        return request
    }

    /// The answer to `request` and the seconds it took.
    static func timed(_ router: APIRouter, _ request: APIRequest) async -> (APIResponse, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let response = await router.handle(request)
        return (response, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    @Test func everyRouterSurvivesMutatedRequests() async throws {
        // Seeds: what the generated clients send for every operation, and XML-body requests.
        var seeds: [(router: APIRouter, request: APIRequest)] = []
        for call in ServiceCalls.all {
            let recorder = RecordingTransport(router: call.router)
            try? await call.call(recorder)
            seeds += recorder.exchanges.map { (call.router, $0.request) }
        }
        seeds += try ServiceCalls.xmlRequests().map { (ServiceCalls.xml, $0) }
        #expect(seeds.count >= ServiceCalls.all.count)

        let seed = fuzzSeed("RouterFuzzTests.everyRouterSurvivesMutatedRequests")
        var random = SeededGenerator(seed: seed)
        let requests = seeds.map(\.request)
        let deadline = Date().addingTimeInterval(40)
        var tried = 0
        var serverErrors: [String] = []
        var statuses: [Int: Int] = [:]
        var slowest = 0.0
        var slowestRequest = ""
        var rawSlowest = 0.0
        var times: [Double] = []
        while tried < 20_000, Date() < deadline {
            let (router, original) = seeds[tried % seeds.count]
            let request = tried < seeds.count ? original : Self.mutate(original, seeds: requests, using: &random)
            tried += 1
            let (response, first) = await Self.timed(router, request)
            var elapsed = first
            if elapsed > Self.slowestAllowed {
                // The machine may have been busy: a request that is slow in itself stays slow when repeated.
                rawSlowest = max(rawSlowest, elapsed)
                for _ in 0..<3 { elapsed = min(elapsed, await Self.timed(router, request).1) }
            }
            times.append(elapsed)
            if elapsed > slowest {
                slowest = elapsed
                slowestRequest =
                    "\(request.method) \(request.path) \(request.headers["Content-Type"] ?? "-"), "
                    + "\(request.body?.length ?? 0) bytes → \(response.status)"
            }
            statuses[response.status, default: 0] += 1
            if response.status >= 500, serverErrors.count < 5 {
                serverErrors.append(
                    "\(response.status) for \(request): \(String(decoding: response.body.bytes, as: UTF8.self))")
            }
        }
        let fiveHundreds = statuses.filter { $0.key >= 500 }.values.reduce(0, +)
        times.sort()
        let percentiles = [0.5, 0.99].map { String(format: "%.3f ms", times[Int(Double(times.count - 1) * $0)] * 1000) }
        print("RouterFuzzTests: answer times: median \(percentiles[0]), 99th percentile \(percentiles[1])")
        print(
            "RouterFuzzTests: \(tried) requests, 0 crashes, \(fiveHundreds) 5xx, slowest answer \(String(format: "%.2f", slowest * 1000)) ms; statuses "
                + statuses.keys.sorted().map { "\($0)×\(statuses[$0]!)" }.joined(separator: " ")
                + "; slowest: \(slowestRequest)"
                + (rawSlowest > 0 ? " (the slowest first measurement, repeated: \(Int(rawSlowest * 1000)) ms)" : ""))
        #expect(tried >= 1_000)
        #expect(serverErrors.isEmpty, "\(serverErrors.joined(separator: "\n"))")
        #expect(statuses.keys.contains(200) && statuses.keys.contains(400), "the mutations reach the handlers")
        #expect(slowest < Self.slowestAllowed, "slowest answer \(slowest) s")
    }

    /// The reproducers: each is refused quickly with the documented status.
    @Test func limitsAnswerQuickly() async throws {
        let router = ServiceCalls.teamUp
        let path = "/api/v2/auth/password_login"
        let body = Data(#"{"username":"u","password":"p","direct_auth_key":"k"}"#.utf8)
        func answer(_ request: APIRequest) async -> (Int, Double) {
            let start = DispatchTime.now().uptimeNanoseconds
            let response = await router.handle(request)
            return (response.status, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        let cases: [(APIRequest, Int)] = [
            // A 1.7 MB Accept took 0.67 s; a 50 MB Authorization 3.2 s.
            (
                APIRequest(
                    method: .post, path: path, headers: ["Accept": String(repeating: "a/b,", count: 425_000)],
                    body: body), 431
            ),
            (
                APIRequest(
                    method: .post, path: path,
                    headers: ["Authorization": "Bearer " + String(repeating: "t", count: 50 << 20)], body: body), 431
            ),
            (
                APIRequest(
                    method: .post, path: path, headers: HeaderFields(dictionaryLiteral: ("X", "1")).repeated(101),
                    body: body), 431
            ),
            (
                APIRequest(
                    method: .post, path: path,
                    headers: HeaderFields(dictionaryLiteral: ("X", String(repeating: "1", count: 7_000))).repeated(5),
                    body: body), 431
            ),
            (APIRequest(method: .post, path: path, body: Data(count: 10 << 20 + 1)), 413),
            (APIRequest(method: .post, path: path + "/" + String(repeating: "p", count: 9_000)), 414),
            (
                APIRequest(
                    method: .post, path: path,
                    query: [URLQueryItem(name: "format", value: String(repeating: "q", count: 9_000))]), 414
            ),
            // NaN and infinity never reach a handler (they used to answer 500 when the answer was encoded).
            (
                APIRequest(
                    method: .post, path: "/xml/verification",
                    headers: ["Content-Type": "application/x-www-form-urlencoded"],
                    body: Data("phone_number=1&provider=nan&direct_auth_key=k".utf8)), 400
            ),
        ]
        for (request, expected) in cases {
            let target = request.path.hasPrefix("/xml") ? ServiceCalls.xml : router
            let start = DispatchTime.now().uptimeNanoseconds
            let response = await target.handle(request)
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            print(
                "RouterFuzzTests.limitsAnswerQuickly: \(response.status) in \(String(format: "%.2f", elapsed * 1000)) ms "
                    + "(\(request.headers.reduce(0) { $0 + $1.value.utf8.count }) header bytes, "
                    + "\(request.body?.length ?? 0) body bytes)")
            #expect(response.status == expected, "\(String(decoding: response.body.bytes, as: UTF8.self))")
            #expect(elapsed < Self.slowestAllowed, "took \(elapsed) s")
        }
        var limited = ServiceCalls.teamUp
        limited.limits.maxBodyBytes = 10
        #expect(await limited.handle(APIRequest(method: .post, path: path, body: body)).status == 413)
        #expect(
            await answer(
                APIRequest(method: .post, path: path, headers: ["Content-Type": "application/json"], body: body)
            ).0 == 401)
    }

    /// JSON nested 100,000 levels deep is a 400 (Foundation's decoder stops at 512 levels), not a stack overflow.
    @Test func deeplyNestedJSONAnswers400() async {
        let body = Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)
        for (router, path) in [
            (ServiceCalls.teamUp, "/api/v2/auth/two_factor/start_verification"), (ServiceCalls.xml, "/xml/login"),
        ] {
            let response = await router.handle(
                APIRequest(method: .post, path: path, headers: ["Content-Type": "application/json"], body: body))
            #expect(response.status == 400)
        }
    }

    /// XML bodies that crashed the process, overflowed the stack or took seconds are answered 400.
    @Test(arguments: [
        "<?x?>", "<root><username>a<?x?></username></root>",
        "<root>" + String(repeating: "<a>", count: 50_000) + String(repeating: "</a>", count: 50_000) + "</root>",
        "<root" + (0..<100_000).map { " a\($0)=\"1\"" }.joined() + "/>",
        "<root><username>a\u{0}</username></root>", "<root><username>\u{FF}</username></root>", "<root>&x;</root>",
    ])
    func hostileXMLBodiesAnswer400(xml: String) async {
        for path in ["/xml/login", "/xml/verification"] {
            let start = DispatchTime.now().uptimeNanoseconds
            let response = await ServiceCalls.xml.handle(
                APIRequest(
                    method: .post, path: path, headers: ["Content-Type": "application/xml"], body: Data(xml.utf8)))
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            #expect(response.status == 400)
            #expect(elapsed < 2, "took \(elapsed) s")
        }
    }
}

extension HeaderFields {
    /// These fields, `count` times over.
    fileprivate func repeated(_ count: Int) -> HeaderFields {
        var headers = HeaderFields()
        for _ in 0..<count { for field in self { headers.add(field.name, field.value) } }
        return headers
    }
}

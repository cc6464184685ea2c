@_spi(Generated) import APIRuntime
import Foundation
import TestSupport
import Testing

/// A transport that answers every request with one fixed response.
struct CannedTransport: ClientTransport {
    var response: APIResponse
    func send(_ request: APIRequest, baseURL: URL) async throws -> APIResponse { response }
}

/// Drives every generated client with mutated responses: statuses, content types and bodies. Every call
/// ends in a value or a typed ``ClientError``; none crashes the process.
@Suite("Client fuzzing")
struct ClientFuzzTests {
    static let statuses = [200, 201, 204, 400, 401, 404, 406, 415, 422, 500, 0, -1, 999]
    static let contentTypes: [String?] = [
        nil, "application/json", "application/xml", "text/xml; charset=utf-8", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", "multipart/form-data", "text/plain", "",
    ]

    @Test func everyClientSurvivesMutatedResponses() async throws {
        // Seeds: what each router answers each call, plus error bodies.
        var seeds: [(call: ServiceCall, response: APIResponse)] = []
        for call in ServiceCalls.all {
            let recorder = RecordingTransport(router: call.router)
            try? await call.call(recorder)
            seeds += recorder.exchanges.map { (call, $0.response) }
        }
        #expect(seeds.count >= ServiceCalls.all.count)
        let bodies = seeds.map { [UInt8]($0.response.body.bytes) }

        let seed = fuzzSeed("ClientFuzzTests.everyClientSurvivesMutatedResponses")
        var random = SeededGenerator(seed: seed)
        let deadline = Date().addingTimeInterval(30)
        var tried = 0
        var values = 0
        var errors: [String: Int] = [:]
        var slowest = 0.0
        while tried < 10_000, Date() < deadline {
            let (call, original) = seeds[tried % seeds.count]
            var response = original
            if tried >= seeds.count {
                if Int.random(in: 0..<4, using: &random) == 0 {
                    response.status = Self.statuses.randomElement(using: &random)!
                }
                if Int.random(in: 0..<4, using: &random) == 0 {
                    response.headers["Content-Type"] = Self.contentTypes.randomElement(using: &random)!
                }
                let base =
                    Int.random(in: 0..<8, using: &random) == 0
                    ? bodies.randomElement(using: &random)! : [UInt8](response.body.bytes)
                response.body = APIBody(Data(Mutation.mutate(base, fragments: RouterFuzzTests.fragments, using: &random)))
            }
            tried += 1
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                try await call.call(CannedTransport(response: response))
                values += 1
            } catch {
                let kind: String
                switch error {
                case .invalidRequest: kind = "invalidRequest"
                case .missingCredential: kind = "missingCredential"
                case .invalidResponse: kind = "invalidResponse"
                case .transport: kind = "transport"
                case .serviceError: kind = "serviceError"
                }
                _ = "\(error)" + String(reflecting: error)  // describing any error must not crash either
                errors[kind, default: 0] += 1
            }
            slowest = max(slowest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        print(
            "ClientFuzzTests: \(tried) responses, 0 crashes, \(values) values, errors "
                + errors.keys.sorted().map { "\($0)×\(errors[$0]!)" }.joined(separator: " ")
                + ", slowest call \(String(format: "%.2f", slowest * 1000)) ms")
        #expect(tried >= 1_000)
        #expect(values > 0 && (errors["invalidResponse"] ?? 0) > 0, "the mutations reach the decoders")
        #expect(errors["invalidRequest"] == nil && errors["missingCredential"] == nil && errors["transport"] == nil)
        #expect(slowest < RouterFuzzTests.slowestAllowed * 2)
    }

    /// The responses that crashed the shipped TeamUp client or overflowed its stack are typed errors.
    @Test(arguments: [
        "<?x?>", "<root><access_token>a<?x?></access_token></root>",
        "<root>" + String(repeating: "<a>", count: 50_000) + String(repeating: "</a>", count: 50_000) + "</root>",
        "<root" + (0..<100_000).map { " a\($0)=\"1\"" }.joined() + "/>",
        String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
    ])
    func hostileResponsesAreInvalidResponses(body: String) async {
        for contentType in ["application/xml", "application/json"] {
            let transport = CannedTransport(
                response: APIResponse(status: 200, headers: ["Content-Type": contentType], body: Data(body.utf8)))
            for call in ServiceCalls.teamUpCalls.prefix(2) {
                do {
                    try await call.call(transport)
                    Issue.record("\(call.name) accepted \(body.prefix(40))")
                } catch {
                    guard case .invalidResponse(status: 200, _) = error else {
                        Issue.record("\(error)")
                        continue
                    }
                }
            }
        }
    }
}

@_spi(Generated) import APIRuntime
import AuthEndpointsAPI
import Foundation
import SFOXAPI
import SmsendAPI
import TeamUpAPI
import XMLCoder

struct Result {
    var name: String
    var runs: [Double]
    var bytes: Int
    var extra: [String: Double] = [:]

    var median: Double { runs.sorted()[runs.count / 2] }

    var json: String {
        let runList = runs.map { String(format: "%.3f", $0) }.joined(separator: ", ")
        let extras = extra.keys.sorted().map { ", \"\($0)\": \(String(format: "%.3f", extra[$0]!))" }.joined()
        return
            "{\"name\": \"\(name)\", \"median_ms\": \(String(format: "%.3f", median)), \"runs_ms\": [\(runList)], \"bytes\": \(bytes)\(extras)}"
    }
}

/// Times `body` `runs` times (after one warm-up), in milliseconds.
func measure(_ runs: Int, _ body: () throws -> Void) rethrows -> [Double] {
    try body()
    var times: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    return times
}

func measureAsync(_ runs: Int, _ body: () async throws -> Void) async rethrows -> [Double] {
    try await body()
    var times: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        try await body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    return times
}

/// The data set: `count` PendingLogin records (about 170 bytes of JSON each), deterministic.
enum DataSet {
    static let base = Date(timeIntervalSince1970: 1_722_268_288)

    static func records(_ count: Int) -> [PendingLogin] {
        (0..<count).map { index in
            let bytes = withUnsafeBytes(of: UInt64(index).bigEndian) { Array($0) }
            let uuid = UUID(
                uuid: (
                    0x3f, 0xa8, 0x5f, 0x64, 0x57, 0x17, 0x45, 0x62, bytes[0], bytes[1], bytes[2], bytes[3], bytes[4],
                    bytes[5], bytes[6], bytes[7]
                ))
            return PendingLogin(
                id: uuid, createdAt: base.addingTimeInterval(Double(index)), user: 100_000 + index,
                twoFactorRequiredProviders: [1, 2 + index % 5, 7])
        }
    }

    static func synthesized(_ count: Int) -> [SynthesizedPendingLogin] {
        records(count).map {
            SynthesizedPendingLogin(
                object: "pending_login", id: $0.id, createdAt: $0.createdAt, user: $0.user,
                twoFactorRequiredProviders: $0.twoFactorRequiredProviders)
        }
    }

    static func xmlCoderRoot(_ count: Int) -> XMLRoot {
        XMLRoot(
            listItem: records(count).map {
                XMLPendingLogin(
                    object: "pending_login", id: $0.id, createdAt: $0.createdAt, user: $0.user,
                    twoFactorRequiredProviders: .init(listItem: $0.twoFactorRequiredProviders))
            })
    }

    /// The same records as JSON (both sides read the same bytes: no fractional seconds).
    static func json(_ count: Int) throws -> Data { try JSONCoding.encode(records(count)) }

    /// The same records as Django REST framework's XML.
    static func xml(_ count: Int) throws -> Data {
        try BodyCoding.encode(records(count), as: .xml, dialect: .teamUp).data
    }
}

enum Benchmarks {
    typealias Body = @Sendable (_ records: Int, _ runs: Int) async throws -> Result

    static let all: [String: Body] = [
        // JSON: our generated Codable vs compiler-synthesized Codable, both through Foundation.
        "json-decode-ours": { count, runs in
            let data = try DataSet.json(count)
            let times = try measure(runs) { _ = try JSONDecoder().decode([PendingLogin].self, from: data) }
            return Result(name: "json-decode-ours", runs: times, bytes: data.count)
        },
        "json-decode-synthesized": { count, runs in
            let data = try DataSet.json(count)
            let decoder = Peers.jsonDecoder()
            let times = try measure(runs) { _ = try decoder.decode([SynthesizedPendingLogin].self, from: data) }
            return Result(name: "json-decode-synthesized", runs: times, bytes: data.count)
        },
        "json-encode-ours": { count, runs in
            let values = DataSet.records(count)
            var size = 0
            // What the generated client and server do: the runtime's JSONWriter over the generated conformances.
            let times = try measure(runs) { size = try JSONCoding.encode(values).count }
            return Result(name: "json-encode-ours", runs: times, bytes: size)
        },
        "json-encode-synthesized": { count, runs in
            let values = DataSet.synthesized(count)
            let encoder = Peers.jsonEncoder()
            var size = 0
            let times = try measure(runs) { size = try encoder.encode(values).count }
            return Result(name: "json-encode-synthesized", runs: times, bytes: size)
        },
        // XML: our XML format + generated text-tree coding vs XMLCoder, on the same DRF document.
        "xml-decode-ours": { count, runs in
            let data = try DataSet.xml(count)
            let times = try measure(runs) {
                _ = try BodyCoding.decode(
                    [PendingLogin].self, from: data, format: .xml, contentType: "application/xml", dialect: .teamUp)
            }
            return Result(name: "xml-decode-ours", runs: times, bytes: data.count)
        },
        "xml-decode-xmlcoder": { count, runs in
            let data = try DataSet.xml(count)
            let decoder = Peers.xmlDecoder()
            let times = try measure(runs) { _ = try decoder.decode(XMLRoot.self, from: data) }
            return Result(name: "xml-decode-xmlcoder", runs: times, bytes: data.count)
        },
        "xml-encode-ours": { count, runs in
            let values = DataSet.records(count)
            var size = 0
            let times = try measure(runs) {
                size = try BodyCoding.encode(values, as: .xml, dialect: .teamUp).data.count
            }
            return Result(name: "xml-encode-ours", runs: times, bytes: size)
        },
        "xml-encode-xmlcoder": { count, runs in
            let root = DataSet.xmlCoderRoot(count)
            let encoder = Peers.xmlEncoder()
            var size = 0
            let times = try measure(runs) { size = try encoder.encode(root, withRootKey: "root").count }
            return Result(name: "xml-encode-xmlcoder", runs: times, bytes: size)
        },
        // TeamUp's small documents, one at a time (`records` of them per run).
        "teamup-small-json-ours": { count, runs in
            let data = Data(#"{"access_token":"a","expires_in":3600,"refresh_token":"r"}"#.utf8)
            let times = try measure(runs) {
                for _ in 0..<count { _ = try JSONCoding.decode(PasswordLoginResponse.self, from: data) }
            }
            return Result(name: "teamup-small-json-ours", runs: times, bytes: data.count)
        },
        "routing-four-services": { count, runs in try await Routing.fourServices(count, runs) },
        "routing-10-routes": { count, runs in await Routing.matching(routes: 10, lookups: count, runs: runs) },
        "routing-1000-routes": { count, runs in await Routing.matching(routes: 1000, lookups: count, runs: runs) },
        // Server-sent events decoded as they arrive, ours and swift-openapi-runtime's.
        "sse-decode-ours": { count, runs in try await EventStreamBenchmarks.ours(count, runs) },
        "sse-decode-openapiruntime": { count, runs in try await EventStreamBenchmarks.openAPIRuntime(count, runs) },
    ]
}

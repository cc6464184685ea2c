@_spi(Generated) import APIRuntime
import Foundation
import OpenAPIRuntime

/// Server-sent events decoded as the bytes arrive: apigen's `EventStreamCoding` side by side with
/// swift-openapi-runtime's `asDecodedServerSentEventsWithJSONData`, on the same lazily made body
/// (16 KiB chunks, made only when the reader asks), so the peak memory shows whether a reader holds
/// the stream or one event at a time: run it with 100,000 and with 1,000,000 events.
enum EventStreamBenchmarks {
    /// One event's data.
    struct Tick: Codable, Sendable, Hashable {
        var sequence: Int
        var username: String
        var at: String
    }

    /// The body: `count` events, `event`, `id` and one `data` line each, cut into 16 KiB chunks.
    struct Body: AsyncSequence, Sendable {
        let count: Int

        func makeAsyncIterator() -> Iterator { Iterator(count: count) }

        struct Iterator: AsyncIteratorProtocol {
            let count: Int
            var next = 0
            var pending: [UInt8] = []

            mutating func next() async -> Data? {
                guard next < count || !pending.isEmpty else { return nil }
                while pending.count < 16_384 && next < count {
                    pending += Array(Body.event(next).utf8)
                    next += 1
                }
                let chunk = Data(pending.prefix(16_384))
                pending.removeFirst(chunk.count)
                return chunk
            }
        }

        /// Event `index` as it travels.
        static func event(_ index: Int) -> String {
            "event: login\nid: \(index)\ndata: {\"sequence\":\(index),\"username\":\"ada@example.com\",\"at\":\"2026-11-30T17:00:00Z\"}\n\n"
        }

        /// The size of the whole body, counted without holding it.
        var byteCount: Int { (0..<count).reduce(0) { $0 + Body.event($1).utf8.count } }
    }

    static func ours(_ count: Int, _ runs: Int) async throws -> Result {
        var seen = 0
        let times = try await measureAsync(runs) {
            seen = 0
            for try await event in EventStreamCoding.decodeServerSentEvents(Tick.self, from: Body(count: count)) {
                if event.data.sequence == seen { seen += 1 }
            }
        }
        guard seen == count else { throw CocoaError(.coderReadCorrupt) }
        return Result(name: "sse-decode-ours", runs: times, bytes: Body(count: count).byteCount)
    }

    static func openAPIRuntime(_ count: Int, _ runs: Int) async throws -> Result {
        var seen = 0
        let times = try await measureAsync(runs) {
            seen = 0
            let body = HTTPBody(
                Body(count: count).map { ArraySlice($0) }, length: .unknown, iterationBehavior: .single)
            for try await event in body.asDecodedServerSentEventsWithJSONData(of: Tick.self) {
                if event.data?.sequence == seen { seen += 1 }
            }
        }
        guard seen == count else { throw CocoaError(.coderReadCorrupt) }
        return Result(name: "sse-decode-openapiruntime", runs: times, bytes: Body(count: count).byteCount)
    }
}

import APIGenAsyncHTTPClient
import APIRuntime
import Foundation
import LoginEventsAPI
import Testing

/// How far a reading task has got: events read, and how its iteration ended.
final class ReaderProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var readCount = 0
    private var ending: (any Error)??

    /// Events read so far.
    var count: Int { lock.withLock { readCount } }
    /// Whether the iteration has ended (normally or by an error).
    var isFinished: Bool { lock.withLock { ending != nil } }
    /// The error that ended the iteration, `nil` if it has not ended or ended normally.
    var error: (any Error)? { lock.withLock { ending ?? nil } }

    func read() { lock.withLock { readCount += 1 } }
    func finish(_ error: (any Error)?) { lock.withLock { ending = .some(error) } }
}

/// Event streams from the generated LoginEvents service, read by the generated client through
/// `AsyncHTTPClientTransport` over a real socket (the NIO HTTP/1 `TestServer`, which writes each body chunk
/// as the service produces it, with the channel's back-pressure).
@Suite("Event streams over AsyncHTTPClient", .serialized)
struct EventStreamTests {
    let transport = AsyncHTTPClientTransport()

    /// How far the server's producer may get ahead of the events the client has read while the client
    /// pauses early in the stream: what fits in the buffers between them (the server's channel, its 16 KiB
    /// socket send buffer, the client's receive buffer, which Linux has not grown yet, and AsyncHTTPClient's
    /// read-ahead; each SSE event ~140 bytes). An implementation that buffered the stream on either side
    /// would let the producer run to the end (100,000 events).
    static let maxEventsAhead: Int64 = 20_000

    @Test func aStreamOf100000ServerSentEventsIsProducedAsItIsRead() async throws {
        let tally = ProducerTally()
        try await TestServer.with(
            TestLoginEvents(tally: tally).makeRouter().handle, basePath: "/api/v2", sendBuffer: 16_384
        ) { url in
            let client = LoginEventsClient(baseURL: url, transport: transport)
            guard case .ok(let events) = try await client.loginEvents() else {
                Issue.record("no event stream")
                return
            }
            var read: Int64 = 0
            var wrong: [Int64] = []
            var maxAhead: Int64 = 0
            var aheadWhilePaused: Int64 = 0
            for try await event in events {
                if event.data != loginEvent(read) || event.id != String(read) { wrong.append(read) }
                read += 1
                maxAhead = max(maxAhead, tally.pulled - read)
                if read == 1_000 {
                    // The reader pauses: the producer goes on only until the buffers between them are full.
                    aheadWhilePaused = await settledPulls(of: tally) - read
                }
            }
            print(
                "100,000 SSE events over AsyncHTTPClient: producer ahead by \(aheadWhilePaused) events while the"
                    + " reader paused, at most \(maxAhead) while it read")
            #expect(read == 100_000)
            #expect(wrong.isEmpty)
            #expect(tally.pulled == 100_000)
            #expect(aheadWhilePaused <= Self.maxEventsAhead)
            // While it reads at full speed the client's receive buffer grows (Linux autotuning, up to
            // `tcp_rmem`'s maximum), so the lead then is the kernel's choice: printed, not asserted.
        }
    }

    @Test(arguments: ["sse", "jsonl"])
    func cancellingTheReaderMidStreamStopsTheServersProducer(format: String) async throws {
        let tally = ProducerTally()
        let gauge = ConnectionGauge()
        try await TestServer.with(
            TestLoginEvents(tally: tally).makeRouter().handle, basePath: "/api/v2", gauge: gauge
        ) { url in
            let client = LoginEventsClient(baseURL: url, transport: transport)
            let progress = ReaderProgress()
            let reader = Task {
                do {
                    if format == "sse" {
                        guard case .ok(let events) = try await client.loginEvents() else {
                            throw URLError(.badServerResponse)
                        }
                        for try await _ in events { progress.read() }
                    } else {
                        guard case .ok(let events) = try await client.loginEventLog() else {
                            throw URLError(.badServerResponse)
                        }
                        for try await _ in events { progress.read() }
                    }
                    progress.finish(nil)
                } catch {
                    progress.finish(error)
                }
            }
            #expect(await eventually(within: 10) { progress.count >= 100 })
            #expect(gauge.open == 1)
            reader.cancel()
            #expect(await eventually(within: 10) { progress.isFinished }, "the reader's iteration did not end")
            let error = progress.error
            #expect(error is CancellationError, "ended with \(String(describing: error))")
            // The client closes the connection; the server's next write fails and it drops the producer.
            #expect(await eventually(within: 10) { tally.released }, "the server still holds the producer")
            #expect(await eventually(within: 10) { gauge.open == 0 }, "the connection is still open")
            let pulled = tally.pulled
            print("\(format): read \(progress.count) events, cancelled; the producer stopped after \(pulled)")
            #expect(pulled < 100_000)
            // Stopped: released, and nothing more is pulled. How far it had run ahead is the kernel's
            // choice while the reader read at full speed (see above); the paused test bounds the lead.
            try await Task.sleep(for: .milliseconds(300))
            #expect(tally.pulled == pulled)
        }
    }

    @Test func aMalformedEventEndsTheStreamWithATypedError() async throws {
        let tally = ProducerTally()
        let service = TestLoginEvents(tally: tally, broken: 3)
        try await TestServer.with(service.makeRouter().handle, basePath: "/api/v2") { url in
            let client = LoginEventsClient(baseURL: url, transport: transport)
            guard case .ok(let events) = try await client.loginEvents(limit: 10) else {
                Issue.record("no event stream")
                return
            }
            var iterator = events.makeAsyncIterator()
            var received: [Int64] = []
            var failure: EventStreamError?
            do {
                while let event = try await iterator.next() { received.append(event.data.sequence) }
            } catch let error as EventStreamError {
                failure = error
            }
            #expect(received == [0, 1, 2])
            #expect(
                failure
                    == .invalidEvent(
                        index: 3, ValidationErrors([ValidationError(path: "username", reason: "must not be empty")])))
            #expect(try await iterator.next() == nil)
        }
    }
}

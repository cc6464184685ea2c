import APIRuntime
import Foundation
import LoginEventsAPI
import Testing

/// Counts, from the test's side, how many events a handler's feed has made.
final class MadeCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
}

/// Events made on demand: event `i` is made only when the server asks the sequence for it, so a test
/// sees how far ahead of the client the server runs.
struct LoginEventFeed<Element: Sendable>: AsyncSequence, Sendable {
    let sequences: Range<Int64>
    let made: MadeCounter
    /// The sequence number of an event written with an empty `username`, which breaks `minLength: 1`.
    var broken: Int64?
    let make: @Sendable (LoginEvent) -> Element

    func makeAsyncIterator() -> Iterator { Iterator(feed: self, next: sequences.lowerBound) }

    struct Iterator: AsyncIteratorProtocol {
        let feed: LoginEventFeed
        var next: Int64

        mutating func next() async -> Element? {
            guard next < feed.sequences.upperBound else { return nil }
            defer { next += 1 }
            feed.made.increment()
            return feed.make(LoginEventFeed<LoginEvent>.event(next, broken: next == feed.broken))
        }
    }

    /// Login event `sequence`, the same every time.
    static func event(_ sequence: Int64, broken: Bool = false) -> LoginEvent {
        let kinds: [LoginEventKind] = [.login, .logout, .failed, .twoFactorRequired]
        return LoginEvent(
            sequence: sequence, kind: kinds[Int(sequence % 4)],
            username: broken ? "" : "user\(sequence % 97)@example.com",
            at: Date(timeIntervalSince1970: 1_764_522_000 + Double(sequence)),
            ipAddress: sequence.isMultiple(of: 2) ? "192.0.2.\(sequence % 256)" : nil)
    }
}

/// A TeamUp-style login feed of `total` events, made as the client reads them.
struct FakeLoginFeed: LoginEventsHandler {
    var total: Int64 = 100_000
    var broken: Int64?
    let made = MadeCounter()

    func range(after: Int64?, limit: Int?) -> Range<Int64> {
        let start = min((after ?? -1) + 1, total)
        return start..<(limit.map { min(total, start + Int64($0)) } ?? total)
    }

    func loginEvents(_ input: LoginEventsInput) async throws -> LoginEventsOutput {
        if input.after == 999_999 { return .notFound(FeedError(detail: "no login feed for this account")) }
        return .ok(
            EventStream(
                LoginEventFeed(sequences: range(after: input.after, limit: input.limit), made: made, broken: broken) {
                    ServerSentEvent(event: $0.kind.rawValue, id: String($0.sequence), data: $0)
                }))
    }

    func loginEventLog(_ input: LoginEventLogInput) async throws -> LoginEventLogOutput {
        .ok(EventStream(LoginEventFeed(sequences: range(after: nil, limit: input.limit), made: made) { $0 }))
    }

    func loginEventSequence(_ input: LoginEventSequenceInput) async throws -> LoginEventSequenceOutput {
        .ok(EventStream(LoginEventFeed(sequences: range(after: nil, limit: input.limit), made: made) { $0 }))
    }
}

@Suite("Login events: streams end to end, in process")
struct LoginEventsTests {
    func client(_ feed: FakeLoginFeed) -> LoginEventsClient {
        LoginEventsClient(transport: InProcessTransport(router: feed.makeRouter()))
    }

    func events(_ output: LoginEventsOutput) throws -> EventStream<ServerSentEvent<LoginEvent>> {
        guard case .ok(let stream) = output else { throw ServerError.badRequest("expected 200, got \(output)") }
        return stream
    }

    /// 100,000 server-sent events: every one arrives in order, typed, and the server never runs more than
    /// one event ahead of the client (nothing holds the stream: constant memory on both sides).
    @Test func sseStreamOf100000Events() async throws {
        let feed = FakeLoginFeed()
        var received: Int64 = 0
        var wrong: [Int64] = []
        var ahead = 0
        for try await event in try events(await client(feed).loginEvents()) {
            let expected = LoginEventFeed<LoginEvent>.event(received)
            if event.data != expected || event.id != String(received) || event.event != expected.kind.rawValue {
                wrong.append(received)
            }
            ahead = max(ahead, feed.made.value - Int(received))
            received += 1
        }
        #expect(received == 100_000)
        #expect(wrong.isEmpty)
        #expect(ahead <= 2)
    }

    /// The client stops reading after 10 events: the server stops producing.
    @Test func clientStopsMidStream() async throws {
        let feed = FakeLoginFeed()
        var received = 0
        for try await _ in try events(await client(feed).loginEvents()) {
            received += 1
            if received == 10 { break }
        }
        let made = feed.made.value
        #expect(made <= 11)
        try await Task.sleep(for: .milliseconds(50))
        #expect(feed.made.value == made)
    }

    /// The client's task is cancelled mid-stream: the stream throws `CancellationError` and the server
    /// stops producing.
    @Test func clientTaskCancelledMidStream() async throws {
        let feed = FakeLoginFeed()
        let stream = try events(await client(feed).loginEvents())
        let task = Task {
            var received = 0
            for try await _ in stream {
                received += 1
                if received == 10 { withUnsafeCurrentTask { $0?.cancel() } }
            }
            return received
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(feed.made.value <= 11)
    }

    /// Event 3 breaks the definition's `minLength`: the first three arrive, then a typed error naming
    /// the event and the field, then the end of the stream.
    @Test func malformedEventEndsTheStreamWithATypedError() async throws {
        let feed = FakeLoginFeed(total: 10, broken: 3)
        var iterator = try events(await client(feed).loginEvents()).makeAsyncIterator()
        for sequence in 0..<3 { #expect(try await iterator.next()?.data.sequence == Int64(sequence)) }
        await #expect(
            throws: EventStreamError.invalidEvent(
                index: 3, ValidationErrors([ValidationError(path: "username", reason: "must not be empty")]))
        ) {
            try await iterator.next()
        }
        #expect(try await iterator.next() == nil)
    }

    @Test func queryParametersShapeTheStream() async throws {
        var sequences: [Int64] = []
        for try await event in try events(await client(FakeLoginFeed()).loginEvents(after: 41, limit: 3)) {
            sequences.append(event.data.sequence)
        }
        #expect(sequences == [42, 43, 44])
        // A documented JSON answer of the same operation.
        #expect(
            try await client(FakeLoginFeed()).loginEvents(after: 999_999).isNotFound(
                FeedError(detail: "no login feed for this account")))
        // The input is validated before anything is sent.
        await #expect(throws: ClientError.self) { try await client(FakeLoginFeed()).loginEvents(limit: 0) }
    }

    @Test func jsonLinesAndJSONSequencesStream() async throws {
        let expected = (0..<1_000).map { LoginEventFeed<LoginEvent>.event(Int64($0)) }
        guard case .ok(let lines) = try await client(FakeLoginFeed()).loginEventLog(limit: 1_000) else {
            Issue.record("expected 200")
            return
        }
        var values: [LoginEvent] = []
        for try await value in lines { values.append(value) }
        #expect(values == expected)
        guard case .ok(let records) = try await client(FakeLoginFeed()).loginEventSequence(limit: 1_000) else {
            Issue.record("expected 200")
            return
        }
        values = []
        for try await value in records { values.append(value) }
        #expect(values == expected)
    }

    /// What travels: the media type, and each event written as the standard says.
    @Test func theServerWritesEachFormat() async throws {
        let router = FakeLoginFeed().makeRouter()
        func answer(_ path: String) async throws -> (String?, String) {
            let response = await router.handle(
                APIRequest(method: .get, path: "/api/v2" + path, query: [URLQueryItem(name: "limit", value: "2")]))
            #expect(response.status == 200)
            return (
                response.headers["Content-Type"],
                String(decoding: try await response.body.collect(upTo: 1 << 20), as: UTF8.self)
            )
        }
        let sse = try await answer("/login-events")
        #expect(sse.0 == "text/event-stream")
        #expect(
            sse.1
                == "event: login\nid: 0\ndata: {\"sequence\":0,\"kind\":\"login\",\"username\":\"user0@example.com\",\"at\":\"2025-11-30T17:00:00Z\",\"ip_address\":\"192.0.2.0\"}\n\n"
                + "event: logout\nid: 1\ndata: {\"sequence\":1,\"kind\":\"logout\",\"username\":\"user1@example.com\",\"at\":\"2025-11-30T17:00:01Z\"}\n\n"
        )
        let lines = try await answer("/login-events/log")
        #expect(lines.0 == "application/jsonl")
        #expect(lines.1.split(separator: "\n").count == 2 && lines.1.hasSuffix("}\n") && !lines.1.contains("\u{1E}"))
        let records = try await answer("/login-events/sequence")
        #expect(records.0 == "application/json-seq")
        #expect(records.1 == lines.1.split(separator: "\n").map { "\u{1E}\($0)\n" }.joined())
    }
}

extension LoginEventsOutput {
    /// Whether this is `.notFound(error)`.
    func isNotFound(_ error: FeedError) -> Bool {
        if case .notFound(let found) = self { return found == error }
        return false
    }
}

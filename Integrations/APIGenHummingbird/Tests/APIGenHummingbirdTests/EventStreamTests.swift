import APIGenHummingbird
import APIRuntime
import Foundation
import Hummingbird
import LoginEventsAPI
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Login events made on demand: event `i` exists only once the server asks the sequence for it (and
/// `tally`, when there is one, counts each ask and sees the server let go of the iterator).
struct LoginEventsOnDemand<Element: Sendable>: AsyncSequence, Sendable {
    let count: Int64
    /// The sequence number of an event written with an empty `username`, which breaks `minLength: 1`.
    var broken: Int64?
    var tally: ProducerTally?
    let make: @Sendable (LoginEvent) -> Element

    func makeAsyncIterator() -> Iterator { Iterator(source: self, token: ReleaseToken(tally)) }

    struct Iterator: AsyncIteratorProtocol {
        let source: LoginEventsOnDemand
        let token: ReleaseToken
        var next: Int64 = 0

        mutating func next() async -> Element? {
            guard next < source.count else { return nil }
            defer { next += 1 }
            source.tally?.pull()
            return source.make(LoginEventsOnDemand<LoginEvent>.event(next, broken: next == source.broken))
        }
    }

    static func event(_ sequence: Int64, broken: Bool = false) -> LoginEvent {
        LoginEvent(
            sequence: sequence, kind: sequence.isMultiple(of: 2) ? .login : .logout,
            username: broken ? "" : "user\(sequence % 97)@example.com",
            at: Date(timeIntervalSince1970: 1_764_522_000 + Double(sequence)))
    }
}

/// The login feed: `limit` events (100,000 by default), the one numbered `broken` invalid, each pull
/// counted by `tally` when there is one.
struct TestLoginEvents: LoginEventsPartialHandler {
    var broken: Int64?
    var tally: ProducerTally?
    /// How many events a request without `limit` gets.
    var defaultCount: Int64 = 100_000

    func loginEvents(_ input: LoginEventsInput) async throws -> LoginEventsOutput {
        .ok(
            EventStream(
                LoginEventsOnDemand(count: input.limit.map(Int64.init) ?? defaultCount, broken: broken, tally: tally) {
                    ServerSentEvent(event: $0.kind.rawValue, id: String($0.sequence), data: $0)
                }))
    }

    func loginEventLog(_ input: LoginEventLogInput) async throws -> LoginEventLogOutput {
        .ok(EventStream(LoginEventsOnDemand(count: input.limit.map(Int64.init) ?? defaultCount, tally: tally) { $0 }))
    }
}

/// Event streams over a real socket: the generated server's events written through Hummingbird, read by
/// the generated client. (`URLSessionTransport` hands the client the body once it is complete, so these
/// prove the wire format and the typed decoding over HTTP; `ServerStreamStopTests` reads the server's
/// streams with a raw socket that stops or pauses mid-stream.)
@Suite("Hummingbird: event streams", .serialized)
struct EventStreamTests {
    @Test func aStreamOf100000ServerSentEventsOverHTTP() async throws {
        let (count, wrong) = try await LiveServer.run({ $0.mount(TestLoginEvents()) }) {
            (server: URL) async throws -> (Int64, [Int64]) in
            let client = LoginEventsClient(
                baseURL: server.appendingPathComponent("api/v2"), transport: LiveServer.transport())
            guard case .ok(let events) = try await client.loginEvents() else { return (0, [Int64]()) }
            var count: Int64 = 0
            var wrong: [Int64] = []
            for try await event in events {
                if event.data != LoginEventsOnDemand<LoginEvent>.event(count) || event.id != String(count) {
                    wrong.append(count)
                }
                count += 1
            }
            return (count, wrong)
        }
        #expect(count == 100_000)
        #expect(wrong.isEmpty)
    }

    @Test func theWireFormatOverHTTP() async throws {
        let answer = try await LiveServer.run({ $0.mount(TestLoginEvents()) }) { server in
            try await LiveServer.transport().send(
                APIRequest(
                    method: .get, path: "/api/v2/login-events", query: [URLQueryItem(name: "limit", value: "1")],
                    headers: ["Accept": "text/event-stream"]),
                baseURL: server)
        }
        #expect(answer.status == 200)
        #expect(answer.headers["Content-Type"] == "text/event-stream")
        #expect(
            answer.text
                == "event: login\nid: 0\ndata: {\"sequence\":0,\"kind\":\"login\",\"username\":\"user0@example.com\",\"at\":\"2025-11-30T17:00:00Z\"}\n\n"
        )
    }

    @Test func aMalformedEventEndsTheStreamOverHTTP() async throws {
        let (received, failure, afterwards) = try await LiveServer.run({ $0.mount(TestLoginEvents(broken: 3)) }) {
            (server: URL) async throws -> (Int, EventStreamError?, Bool) in
            let client = LoginEventsClient(
                baseURL: server.appendingPathComponent("api/v2"), transport: LiveServer.transport())
            guard case .ok(let events) = try await client.loginEvents(limit: 10) else {
                return (0, EventStreamError?.none, false)
            }
            var iterator = events.makeAsyncIterator()
            var received = 0
            var failure: EventStreamError?
            do {
                while try await iterator.next() != nil { received += 1 }
            } catch let error as EventStreamError {
                failure = error
            }
            return (received, failure, try await iterator.next() != nil)
        }
        #expect(received == 3)
        #expect(
            failure
                == .invalidEvent(
                    index: 3, ValidationErrors([ValidationError(path: "username", reason: "must not be empty")])))
        #expect(!afterwards)
    }

    @Test func jsonLinesOverHTTP() async throws {
        let values = try await LiveServer.run({ $0.mount(TestLoginEvents()) }) {
            (server: URL) async throws -> [LoginEvent] in
            let client = LoginEventsClient(
                baseURL: server.appendingPathComponent("api/v2"), transport: LiveServer.transport())
            guard case .ok(let lines) = try await client.loginEventLog(limit: 1_000) else { return [LoginEvent]() }
            var values: [LoginEvent] = []
            for try await value in lines { values.append(value) }
            return values
        }
        #expect(values == (0..<1_000).map { LoginEventsOnDemand<LoginEvent>.event(Int64($0)) })
    }
}

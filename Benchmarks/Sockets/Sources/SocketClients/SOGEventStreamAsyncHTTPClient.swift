import BenchSupport
import Foundation
import OpenAPIAsyncHTTPClient
import OpenAPIRuntime
import SOGSFOX

/// swift-openapi-generator's side of the event-stream benchmark over a streaming transport: its
/// generated client (`Sources/SOGSFOX`) through swift-openapi-async-http-client, the events decoded with
/// `asDecodedServerSentEventsWithJSONData` as the body's chunks arrive.
enum SOGEventStreamAsyncHTTPClient {
    /// Reads the stream of `count` events from the SOG server at `baseURL` (`…/v1`) and checks every event.
    static func run(baseURL: URL, count: Int) async throws -> RunResult {
        // The transport's default deadline is one minute per exchange; a slow stream must not be cut.
        let transport = AsyncHTTPClientTransport(configuration: .init(timeout: .minutes(30)))
        let client = Client(serverURL: baseURL, transport: transport)
        let start = ContinuousClock.now
        guard case .ok(let answer) = try await client.streamEvents(query: .init(count: count)) else {
            throw UnexpectedStatus()
        }
        var received = 0
        var failures = 0
        let events = try answer.body.text_event_hyphen_stream
            .asDecodedServerSentEventsWithJSONData(of: Components.Schemas.Event.self)
        for try await event in events {
            if event.data?.sequence != received || event.data?.status != Demo.eventStatus(received) { failures += 1 }
            received += 1
        }
        let seconds = RunResult.seconds(since: start)
        return RunResult(count: received, seconds: seconds, failures: failures + abs(count - received))
    }

    /// The stream was not answered 200.
    struct UnexpectedStatus: Error, CustomStringConvertible {
        var description: String { "the event stream was not answered 200" }
    }
}

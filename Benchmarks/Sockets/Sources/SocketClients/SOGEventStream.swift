import BenchSupport
import Foundation
import OpenAPIAsyncHTTPClient
import OpenAPIRuntime
import SOGSFOX

/// swift-openapi-generator's side of the event-stream benchmark: its generated client, over its
/// AsyncHTTPClient transport, reads `count` events from the SOG server and decodes each event's
/// JSON data with `asDecodedServerSentEventsWithJSONData`.
enum SOGEventStream {
    /// Reads the stream of `count` events from the server at `baseURL` (`…/v1`).
    static func run(baseURL: URL, count: Int) async throws -> Measurement {
        let client = Client(serverURL: baseURL, transport: AsyncHTTPClientTransport())
        let start = ContinuousClock.now
        let body = try await client.streamEvents(query: .init(count: count)).ok.body.text_event_hyphen_stream
        var received = 0
        var failures = 0
        for try await event in body.asDecodedServerSentEventsWithJSONData(of: Components.Schemas.Event.self) {
            if event.data?.sequence != received || event.data?.status != Demo.eventStatus(received) { failures += 1 }
            received += 1
        }
        let seconds = Measurement.seconds(since: start)
        return Measurement(count: received, seconds: seconds, failures: failures + abs(count - received))
    }
}

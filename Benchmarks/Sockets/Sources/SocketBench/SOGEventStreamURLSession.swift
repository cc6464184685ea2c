import BenchSupport
import Foundation
import OpenAPIRuntime
import SOGSFOX

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// swift-openapi-generator's side of the event-stream benchmark without AsyncHTTPClient: the stream
/// is fetched with URLSession (which buffers a body on Linux) and its events decoded with
/// `asDecodedServerSentEventsWithJSONData`, as a user of the generated code over URLSession does.
enum SOGEventStreamURLSession {
    /// Reads the stream of `count` events from the SOG server at `baseURL` (`…/v1`).
    static func run(baseURL: URL, count: Int) async throws -> RunResult {
        var request = URLRequest(url: baseURL.appendingPathComponent("events"))
        request.url = URL(string: request.url!.absoluteString + "?count=\(count)")
        request.setValue("text/event-stream", forHTTPHeaderField: "Accept")
        let start = ContinuousClock.now
        let (data, response) = try await URLSession.shared.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else { throw UnexpectedStatus() }
        var received = 0
        var failures = 0
        let events = HTTPBody(data).asDecodedServerSentEventsWithJSONData(of: Components.Schemas.Event.self)
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

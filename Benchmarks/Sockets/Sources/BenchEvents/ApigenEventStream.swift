import APIRuntime
import BenchSupport
import Foundation

/// apigen's side of the event-stream comparison, client half: the generated `BenchEvents` client reads
/// one stream through a transport and checks every event.
public enum ApigenEventStream {
    /// Reads the stream of `count` events from the server at `baseURL` (`…/v1`) through `transport`;
    /// an event with the wrong sequence number or status, and every missing or extra event, counts as
    /// a failure.
    public static func run(transport: any ClientTransport, baseURL: URL, count: Int) async throws -> RunResult {
        var client = BenchEventsClient(baseURL: baseURL, transport: transport)
        // The whole stream may be buffered (URLSessionTransport): let it be larger than any test needs.
        client.maxResponseBodyBytes = max(client.maxResponseBodyBytes, count * 128)
        let start = ContinuousClock.now
        guard case .ok(let events) = try await client.streamEvents(count: count) else { throw UnexpectedAnswer() }
        var received = 0
        var failures = 0
        for try await event in events {
            if event.data.sequence != Int64(received) || event.data.status != Demo.eventStatus(received) {
                failures += 1
            }
            received += 1
        }
        let seconds = RunResult.seconds(since: start)
        return RunResult(count: received, seconds: seconds, failures: failures + abs(count - received))
    }

    /// The stream was not answered 200.
    struct UnexpectedAnswer: Error, CustomStringConvertible {
        var description: String { "the event stream was not answered 200" }
    }
}

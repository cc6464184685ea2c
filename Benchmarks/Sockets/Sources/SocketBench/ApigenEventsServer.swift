import APIGenHummingbird
import APIRuntime
import BenchEvents
import BenchSupport
import Hummingbird

/// apigen's side of the event-stream benchmark: the generated `BenchEvents` handler
/// (`Sources/BenchEvents/benchevents.json`, the same operation as swift-openapi-generator's
/// `streamEvents`) mounted on a Hummingbird router by the adapter (`Integrations/APIGenHummingbird`),
/// which writes the server-sent events as the handler's sequence produces them.
enum ApigenEventsServer {
    /// The stream: `count` events `{"sequence": n, "status": …}`, each produced when the adapter asks for it.
    struct Handler: BenchEventsHandler {
        func streamEvents(_ input: StreamEventsInput) async throws -> StreamEventsOutput {
            let events = EventSource(count: input.count).map { sequence in
                ServerSentEvent(data: Event(sequence: Int64(sequence), status: Demo.eventStatus(sequence)))
            }
            return .ok(EventStream(events))
        }
    }

    /// Serves the generated handler on 127.0.0.1:`port` until the process is stopped.
    static func run(port: Int) async throws {
        let router = Router()
        router.mount(Handler())
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
        try await app.runService()
    }
}

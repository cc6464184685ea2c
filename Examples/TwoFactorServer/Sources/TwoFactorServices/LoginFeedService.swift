import APIRuntime
import Foundation
import LoginEventsAPI
import Synchronization

/// TeamUp's login events, in memory: ``TeamUpService`` records each password login here (a success, a
/// failure, or a login waiting for its second factor), and ``LoginFeedService`` streams them.
public final class LoginLog: Sendable {
    private let events = Mutex<[LoginEvent]>([])
    /// The most events kept; the oldest go first.
    public let capacity: Int

    /// Creates an empty log keeping at most `capacity` events.
    public init(capacity: Int = 10_000) { self.capacity = max(1, capacity) }

    /// Appends an event, numbered after the last one.
    public func record(_ kind: LoginEventKind, username: String, at date: Date) {
        events.withLock { events in
            let sequence = (events.last?.sequence ?? -1) + 1
            events.append(LoginEvent(sequence: sequence, kind: kind, username: String(username.prefix(150)), at: date))
            if events.count > capacity { events.removeFirst(events.count - capacity) }
        }
    }

    /// The events numbered after `after` (all when `nil`), at most `limit` of them.
    public func events(after: Int64?, limit: Int?) -> [LoginEvent] {
        events.withLock { events in
            let newer = events.drop { event in after.map { event.sequence <= $0 } ?? false }
            return Array(limit.map { newer.prefix($0) } ?? newer)
        }
    }
}

/// The LoginEvents service: the events ``LoginLog`` holds, as server-sent events (each with its kind as
/// `event` and its sequence number as `id`), JSON Lines or a JSON Text Sequence. The stream ends after
/// the events recorded so far (a demo: it does not wait for new ones).
public struct LoginFeedService: LoginEventsHandler {
    /// Where the events come from.
    public let log: LoginLog

    /// Creates the service over `log`.
    public init(log: LoginLog) { self.log = log }

    public func loginEvents(_ input: LoginEventsInput) async throws -> LoginEventsOutput {
        let events = log.events(after: input.after, limit: input.limit)
        return .ok(EventStream(events.map { ServerSentEvent(event: $0.kind.rawValue, id: String($0.sequence), data: $0) }))
    }

    public func loginEventLog(_ input: LoginEventLogInput) async throws -> LoginEventLogOutput {
        .ok(EventStream(log.events(after: nil, limit: input.limit)))
    }

    public func loginEventSequence(_ input: LoginEventSequenceInput) async throws -> LoginEventSequenceOutput {
        .ok(EventStream(log.events(after: nil, limit: input.limit)))
    }
}

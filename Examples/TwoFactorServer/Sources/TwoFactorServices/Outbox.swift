import Foundation
import Synchronization

/// Where the in-memory services "send" their text messages and emails, so that a test (or a person
/// reading the server's log) can read the code a user would have received.
public final class Outbox: Sendable {
    /// How a message travels.
    public enum Channel: String, Sendable, Hashable {
        /// A text message to a phone number.
        case sms
        /// An email.
        case email
    }

    /// One message sent to a user.
    public struct Message: Sendable, Hashable {
        /// How it was sent.
        public var channel: Channel
        /// The phone number or email address it was sent to.
        public var recipient: String
        /// The text the user reads.
        public var text: String
        /// The code in the text.
        public var code: String
    }

    private let sent = Mutex<[Message]>([])
    /// The most messages kept; older ones are dropped first, so a long-running server stays bounded.
    public let capacity: Int

    /// Creates an empty outbox that keeps at most `capacity` messages.
    public init(capacity: Int = 1000) { self.capacity = max(1, capacity) }

    /// Every message kept, oldest first.
    public var messages: [Message] { sent.withLock { $0 } }

    /// The newest message sent to `recipient`, if any.
    public func last(to recipient: String) -> Message? {
        sent.withLock { $0.last { $0.recipient == recipient } }
    }

    func deliver(_ message: Message) {
        sent.withLock { messages in
            messages.append(message)
            if messages.count > capacity { messages.removeFirst(messages.count - capacity) }
        }
    }
}

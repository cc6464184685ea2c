/// What every server of the socket benchmarks answers and every client expects, so that the
/// servers do the same work and the clients can check each answer.
public enum Demo {
    /// The bearer credential the clients send (the servers accept any non-empty one).
    public static let apiKey = "bench-key"

    /// The address the code was sent to, for `type` = `email`.
    public static func email(userID: String, type: String) -> String? {
        type == "email" ? "\(userID)@example.com" : nil
    }

    /// The phone number the code was sent to, for `type` = `sms`.
    public static func phoneNumber(type: String) -> String? {
        type == "sms" ? "+15555550100" : nil
    }

    /// The status of the event numbered `sequence` in the benchmark's event streams.
    public static func eventStatus(_ sequence: Int) -> String {
        sequence % 2 == 0 ? "pending" : "verified"
    }
}

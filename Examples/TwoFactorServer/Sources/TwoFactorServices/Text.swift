import Foundation

/// JSON strings written by hand, for the raw bodies the definitions leave undocumented.
enum JSONText {
    static func quote(_ string: String) -> String {
        let data = (try? JSONEncoder().encode(string)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// RFC 3339 timestamps in UTC with seconds.
enum RFC3339 {
    static func string(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

/// What a step decided under a lock: go on with a value, or answer with a refusal.
enum Decision<Value, Refusal> {
    case proceed(Value)
    case refuse(Refusal)
}

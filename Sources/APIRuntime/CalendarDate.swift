import Foundation

/// A calendar date without a time or a time zone (`format: date`, RFC 3339 `full-date`): the
/// day a birthday or a due date names, not an instant. Travels as `YYYY-MM-DD`, read strictly:
/// four-digit year (0000–9999), two-digit month and day, and only days that exist
/// (`2026-02-30` and `2023-02-29` are not dates).
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, 0…9999 (proleptic Gregorian).
    public let year: Int
    /// The month, 1…12.
    public let month: Int
    /// The day of the month, 1…28/29/30/31.
    public let day: Int

    /// The date, or `nil` when it does not exist or its year is outside 0…9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (0...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= Self.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` exactly (ten characters, nothing before or after); `nil` otherwise.
    public init?(_ text: String) {
        let bytes = Array(text.utf8.prefix(11))
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The date `days` days after 1970-01-01 (before it when negative); `nil` outside years 0…9999.
    public init?(daysSince1970 days: Int) {
        // Years 0…9999 span about 3.65 million days each side; anything further is not a date here.
        // (A range check, not `abs`: `abs(Int.min)` traps.)
        guard days > -4_000_000, days < 4_000_000 else { return nil }
        let (year, month, day) = RFC3339.civilFromDays(days)
        self.init(year: year, month: month, day: day)
    }

    /// The days from 1970-01-01 to this date (negative before it).
    public var daysSince1970: Int { RFC3339Seconds.daysFromCivil(year: year, month: month, day: day) }

    /// `YYYY-MM-DD`.
    public var description: String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension CalendarDate: Codable {
    /// Reads a `YYYY-MM-DD` string; anything else fails with a reason that does not quote it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = CalendarDate(text) else {
            throw DecodingError.dataCorrupted(
                RuntimeReason.context(container.codingPath, "not a calendar date (YYYY-MM-DD) that exists"))
        }
        self = value
    }

    /// Writes `YYYY-MM-DD`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension CalendarDate: ParameterValue {
    public init?(parameterValue: String) { self.init(parameterValue) }
    public var parameterValue: String { description }
}

extension CalendarDate: TextTreeCodable {}

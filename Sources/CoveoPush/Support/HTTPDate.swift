import Foundation

/// An HTTP-date (IMF-fixdate, RFC 850 or asctime), reduced to seconds since 1970 UTC.
struct HTTPDate: Hashable {
    /// Seconds since 1970-01-01T00:00:00Z.
    var secondsSince1970: Int64

    private static let shortDays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    private static let longDays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Parses one of the three HTTP-date formats; `now` places a two-digit year within 50 years of it.
    init?(parsing text: String, now: Date) {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { $0.lowercased() }
        let year: Int
        let month: Int
        let day: Int
        let time: String
        switch tokens.count {
        case 6:  // Sun, 06 Nov 1994 08:49:37 GMT
            guard tokens[0].hasSuffix(","), Self.shortDays.contains(String(tokens[0].dropLast())),
                tokens[5] == "gmt",
                let parsedDay = Self.number(tokens[1], digits: 1...2),
                let parsedMonth = Self.month(tokens[2]),
                let parsedYear = Self.number(tokens[3], digits: 4...4)
            else { return nil }
            (day, month, year, time) = (parsedDay, parsedMonth, parsedYear, tokens[4])
        case 4:  // Sunday, 06-Nov-94 08:49:37 GMT
            let dateParts = tokens[1].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            let dayName = String(tokens[0].dropLast())
            guard tokens[0].hasSuffix(","), Self.longDays.contains(dayName) || Self.shortDays.contains(dayName),
                tokens[3] == "gmt", dateParts.count == 3,
                let parsedDay = Self.number(dateParts[0], digits: 1...2),
                let parsedMonth = Self.month(dateParts[1])
            else { return nil }
            if let shortYear = Self.number(dateParts[2], digits: 2...2) {
                year = Self.fullYear(twoDigits: shortYear, now: now)
            } else if let fullYear = Self.number(dateParts[2], digits: 4...4) {
                year = fullYear
            } else {
                return nil
            }
            (day, month, time) = (parsedDay, parsedMonth, tokens[2])
        case 5:  // Sun Nov  6 08:49:37 1994
            guard Self.shortDays.contains(tokens[0]),
                let parsedMonth = Self.month(tokens[1]),
                let parsedDay = Self.number(tokens[2], digits: 1...2),
                let parsedYear = Self.number(tokens[4], digits: 4...4)
            else { return nil }
            (day, month, year, time) = (parsedDay, parsedMonth, parsedYear, tokens[3])
        default:
            return nil
        }
        let clock = time.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard clock.count == 3,
            let hour = Self.number(clock[0], digits: 2...2), hour <= 23,
            let minute = Self.number(clock[1], digits: 2...2), minute <= 59,
            let second = Self.number(clock[2], digits: 2...2), second <= 60,
            year >= 1, day >= 1, day <= Self.daysInMonth(month, year: year)
        else { return nil }
        let days = Self.daysSince1970(year: year, month: month, day: day)
        secondsSince1970 = days * 86_400 + Int64(hour * 3_600 + minute * 60 + second)
    }

    private static func number(_ text: String, digits: ClosedRange<Int>) -> Int? {
        guard digits.contains(text.utf8.count),
            text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        return Int(text)
    }

    private static func month(_ text: String) -> Int? {
        months.firstIndex(of: text).map { $0 + 1 }
    }

    private static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    private static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (the "days from civil" algorithm).
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int64 {
        let shiftedYear = Int64(month <= 2 ? year - 1 : year)
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let shiftedMonth = Int64(month > 2 ? month - 3 : month + 9)
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The UTC calendar year of an instant.
    static func year(of date: Date) -> Int {
        let days = Int64((date.timeIntervalSince1970 / 86_400).rounded(.down)) + 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0))
    }

    /// Places a two-digit year in the century that puts it at most 50 years after `now` (RFC 9110 §5.6.7).
    static func fullYear(twoDigits: Int, now: Date) -> Int {
        let current = year(of: now)
        var candidate = current - current % 100 + twoDigits
        if candidate > current + 50 { candidate -= 100 }
        if candidate <= current - 50 { candidate += 100 }
        return candidate
    }
}

import Foundation

/// Reads the value of an HTTP `Retry-After` header.
///
/// Both forms of RFC 9110 are understood: a number of seconds (`120`; a decimal such as `1.5` is tolerated)
/// and an HTTP-date in any of its three formats (`Sun, 06 Nov 1994 08:49:37 GMT`,
/// `Sunday, 06-Nov-94 08:49:37 GMT`, `Sun Nov  6 08:49:37 1994`). Dates are parsed with fixed English
/// names and UTC arithmetic, so the result never depends on the machine's locale or time zone.
///
/// ```swift
/// RetryAfter.parse("30", now: Date())  // 30 seconds
/// ```
package enum RetryAfter {
    /// The delay a `Retry-After` value asks for.
    ///
    /// Very large values are returned as they are (saturated at `Int64.max` seconds); capping them is
    /// the caller's decision.
    ///
    /// - Parameters:
    ///   - value: The header value.
    ///   - now: The current time, used to turn a date into a delay (and to place two-digit years).
    /// - Returns: The delay; `.zero` for a date already past; `nil` when the value is not understood.
    package static func parse(_ value: String, now: Date) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard let first = trimmed.utf8.first else { return nil }
        if first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") {
            return parseSeconds(trimmed)
        }
        guard let date = HTTPDate(parsing: trimmed, now: now) else { return nil }
        let delay = Double(date.secondsSince1970) - now.timeIntervalSince1970
        guard delay > 0 else { return .zero }
        return .seconds(delay)
    }

    /// `digits` or `digits.digits`, as an exact duration.
    private static func parseSeconds(_ text: String) -> Duration? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let wholePart = parts.first, isDigits(wholePart) else { return nil }
        var seconds: Int64 = 0
        for byte in wholePart.utf8 {
            let (times10, overflow1) = seconds.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            if overflow1 || overflow2 { return Duration(secondsComponent: .max, attosecondsComponent: 0) }
            seconds = sum
        }
        var attoseconds: Int64 = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard isDigits(fraction) else { return nil }
            var scale: Int64 = 100_000_000_000_000_000
            for byte in fraction.utf8.prefix(18) {
                attoseconds += Int64(byte - UInt8(ascii: "0")) * scale
                scale /= 10
            }
        }
        return Duration(secondsComponent: seconds, attosecondsComponent: attoseconds)
    }

    private static func isDigits(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}

import Foundation
import Testing

@testable import CoveoPush

@Suite("W3CDateTime: the Logs API's dates, parsed without a formatter")
struct W3CDateTimeTests {
    static func formatted(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    @Test(
        "agrees with ISO8601DateFormatter",
        arguments: [
            "2026-12-04T00:39:55.451Z", "2026-12-04T00:39:55Z", "1970-01-01T00:00:00Z", "2024-02-29T23:59:59.999Z",
            "2026-12-03T10:00:00+01:00", "2026-12-03T10:00:00.5-05:30", "2000-03-01T00:00:00Z", "1999-12-31T23:59:59Z",
            "2100-02-28T12:00:00.123+00:00",
        ])
    func agrees(_ text: String) throws {
        let expected = try #require(Self.formatted(text))
        let parsed = try #require(W3CDateTime.parse(text))
        #expect(abs(parsed.timeIntervalSince(expected)) < 0.0005, "\(text): \(parsed) vs \(expected)")
        #expect(LogEntry.date(text) == parsed)
    }

    @Test(
        "refuses what is not a W3C date-time",
        arguments: [
            "", "2026-12-04", "2026-12-04T00:39:55", "2026-13-04T00:39:55Z", "2026-12-04T25:00:00Z",
            "2026-12-04T00:39:55.Z", "2026-12-04T00:39:55+0100", "2026-12-04T00:39:55Zjunk", "2026/12/04T00:39:55Z",
        ])
    func refuses(_ text: String) {
        #expect(W3CDateTime.parse(text) == nil, "\(text)")
    }
}

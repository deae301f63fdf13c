import Foundation
import Testing

@testable import CoveoPush

@Suite("RetryAfter")
struct RetryAfterTests {
    /// 1994-11-06T08:49:00Z, 37 seconds before the RFC's example date.
    static let now = Date(timeIntervalSince1970: 784_111_740)

    @Test(
        "delta-seconds are read exactly",
        arguments: [
            ("0", Duration.zero),
            ("1", .seconds(1)),
            ("120", .seconds(120)),
            (" 30 ", .seconds(30)),
            ("1.5", .milliseconds(1_500)),
            ("0.25", .milliseconds(250)),
            ("2.000000001", .nanoseconds(2_000_000_001)),
            ("86400", .seconds(86_400)),
        ]
    )
    func deltaSeconds(text: String, expected: Duration) {
        #expect(RetryAfter.parse(text, now: Self.now) == expected)
    }

    @Test("a huge number is returned saturated, for the caller to cap")
    func huge() throws {
        let value = try #require(RetryAfter.parse("99999999999999999999999", now: Self.now))
        #expect(value >= .seconds(Int64.max))
        #expect(RetryAfter.parse("9999999999", now: Self.now) == .seconds(9_999_999_999))
    }

    @Test(
        "the three HTTP-date formats give the delay from now",
        arguments: [
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
            "sun, 06 nov 1994 08:49:37 gmt",
            "Sun, 6 Nov 1994 08:49:37 GMT",
        ]
    )
    func httpDates(text: String) {
        #expect(RetryAfter.parse(text, now: Self.now) == .seconds(37))
    }

    @Test("a fractional now gives a fractional delay")
    func fractionalNow() throws {
        let now = Date(timeIntervalSince1970: 784_111_776.75)
        let delay = try #require(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", now: now))
        #expect(abs((delay - .milliseconds(250)).timeInterval) < 0.000_01)
    }

    @Test(
        "a date in the past means no wait",
        arguments: ["Sun, 06 Nov 1994 08:48:00 GMT", "Thu, 01 Jan 1970 00:00:00 GMT"])
    func past(text: String) {
        #expect(RetryAfter.parse(text, now: Self.now) == .zero)
    }

    @Test("dates across months, leap days and years convert to the right epoch seconds")
    func epochArithmetic() {
        let reference = Date(timeIntervalSince1970: 0)
        #expect(RetryAfter.parse("Thu, 01 Jan 1970 00:00:10 GMT", now: reference) == .seconds(10))
        // 2000-02-29T12:00:00Z = 951825600; 2024-12-31T23:59:59Z = 1735689599.
        #expect(RetryAfter.parse("Tue, 29 Feb 2000 12:00:00 GMT", now: reference) == .seconds(951_825_600))
        #expect(RetryAfter.parse("Tue, 31 Dec 2024 23:59:59 GMT", now: reference) == .seconds(1_735_689_599))
    }

    @Test("two-digit years are placed within 50 years of now")
    func twoDigitYears() {
        let in2030 = Date(timeIntervalSince1970: 1_893_456_000)  // 2030-01-01T00:00:00Z
        // 2030-01-01T00:01:00Z, the same century.
        #expect(RetryAfter.parse("Tuesday, 01-Jan-30 00:01:00 GMT", now: in2030) == .seconds(60))
        // "99" means 1999 (2099 would be more than 50 years ahead): in the past.
        #expect(RetryAfter.parse("Friday, 31-Dec-99 23:59:59 GMT", now: in2030) == .zero)
        #expect(HTTPDate.fullYear(twoDigits: 99, now: in2030) == 1999)
        #expect(HTTPDate.fullYear(twoDigits: 80, now: in2030) == 2080)
        #expect(HTTPDate.fullYear(twoDigits: 81, now: in2030) == 1981)
        let in2095 = Date(timeIntervalSince1970: 3_944_678_400)  // 2095-01-01T00:00:00Z
        #expect(HTTPDate.year(of: in2095) == 2095)
        #expect(HTTPDate.fullYear(twoDigits: 5, now: in2095) == 2105)
    }

    @Test("the UTC year of an instant")
    func yearOf() {
        #expect(HTTPDate.year(of: Date(timeIntervalSince1970: 0)) == 1970)
        #expect(HTTPDate.year(of: Date(timeIntervalSince1970: -1)) == 1969)
        #expect(HTTPDate.year(of: Date(timeIntervalSince1970: 951_825_600)) == 2000)
        #expect(HTTPDate.year(of: Date(timeIntervalSince1970: 1_735_689_599)) == 2024)
        #expect(HTTPDate.year(of: Date(timeIntervalSince1970: 1_735_689_600)) == 2025)
    }

    @Test(
        "garbage gives nil",
        arguments: [
            "", "   ", "soon", "-5", "+5", "1.", "1.x", "1e3", "0x10", "5 s", ".5",
            "Sun, 31 Feb 1994 08:49:37 GMT",  // no 31 February
            "Sun, 06 Nov 1994 24:00:00 GMT",  // hour out of range
            "Sun, 06 Nov 1994 08:60:00 GMT",  // minute out of range
            "Sun, 06 Foo 1994 08:49:37 GMT",  // unknown month
            "Xyz, 06 Nov 1994 08:49:37 GMT",  // unknown day name
            "Sun, 06 Nov 1994 08:49:37 PST",  // not GMT
            "Sun, 06 Nov 94 08:49:37 GMT",  // two-digit year in IMF-fixdate
            "Sun 06 Nov 1994 08:49:37 GMT",  // missing comma
            "Sunday, 06-Nov-94 8:49:37 GMT",  // one-digit hour
            "Sun Nov  6 08:49:37",  // asctime without year
            "Sun, 06 Nov 1994 08:49:37 GMT extra",
        ]
    )
    func garbage(text: String) {
        #expect(RetryAfter.parse(text, now: Self.now) == nil)
    }
}

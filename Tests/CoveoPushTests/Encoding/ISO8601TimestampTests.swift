import Foundation
import Testing

@testable import CoveoPush

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("ISO 8601 timestamps", .serialized)
struct ISO8601TimestampTests {
    @Test(
        "known instants are written in UTC with milliseconds and Z",
        arguments: [
            (0.0, "1970-01-01T00:00:00.000Z"),
            (951_782_400.5, "2000-02-29T00:00:00.500Z"),
            (1_706_702_400.123, "2024-01-31T12:00:00.123Z"),
            (-1.0, "1969-12-31T23:59:59.000Z"),
            (-62_135_596_800.0, "0001-01-01T00:00:00.000Z"),
            (253_402_300_799.999, "9999-12-31T23:59:59.999Z"),
        ])
    func knownInstants(seconds: Double, expected: String) {
        #expect(ISO8601Timestamp.string(from: Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test("the output is the same under two TZ values and matches Foundation's formatter")
    func independentOfTimeZone() throws {
        let previous = getenv("TZ").map { String(cString: $0) }
        defer {
            if let previous { setenv("TZ", previous, 1) } else { unsetenv("TZ") }
            tzset()
        }
        let reference = ISO8601DateFormatter()
        reference.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        reference.timeZone = TimeZone(identifier: "UTC")
        var outputs: [[String]] = []
        for zone in ["America/St_Johns", "Asia/Kathmandu"] {
            setenv("TZ", zone, 1)
            tzset()
            var strings: [String] = []
            for step in 0..<2000 {
                let seconds = Double(step) * 1_234_567.891 - 1_000_000_000
                let date = Date(timeIntervalSince1970: (seconds * 1000).rounded(.down) / 1000)
                let ours = ISO8601Timestamp.string(from: date)
                #expect(ours == reference.string(from: date))
                strings.append(ours)
            }
            outputs.append(strings)
        }
        #expect(outputs[0] == outputs[1])
    }

    @Test(
        "parsing accepts ISO 8601 forms and reads a missing offset as UTC",
        arguments: [
            ("2024-01-31T12:00:00.123Z", 1_706_702_400.123),
            ("2024-01-31T12:00:00Z", 1_706_702_400.0),
            ("2024-01-31 12:00:00", 1_706_702_400.0),
            ("2024-01-31T13:30:00+01:30", 1_706_702_400.0),
            ("2024-01-31T07:00:00-0500", 1_706_702_400.0),
            ("2024-01-31", 1_706_659_200.0),
            ("2024-01-31T12:00Z", 1_706_702_400.0),
        ])
    func parses(text: String, seconds: Double) throws {
        let date = try #require(ISO8601Timestamp.parse(text))
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.0005)
    }

    @Test("parsing refuses malformed dates", arguments: ["", "2024", "2024-13-01", "2023-02-29", "2024-01-31T25:00", "yesterday", "2024-01-31T12:00:00Zjunk"])
    func refuses(text: String) {
        #expect(ISO8601Timestamp.parse(text) == nil)
    }
}

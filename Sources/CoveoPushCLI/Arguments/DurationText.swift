import Foundation

/// The `DURATION` values of `--verify-timeout` and `--since`: a whole number and a unit, `90s`, `15m`, `2h`, `7d`.
enum DurationText {
    /// The seconds `text` stands for, or `nil` when it is not a positive number followed by `s`, `m`, `h` or `d`.
    static func seconds(_ text: String) -> TimeInterval? {
        guard let unit = text.last, let number = Int(text.dropLast()), number > 0, number <= 1_000_000 else {
            return nil
        }
        switch unit {
        case "s": return TimeInterval(number)
        case "m": return TimeInterval(number) * 60
        case "h": return TimeInterval(number) * 3600
        case "d": return TimeInterval(number) * 86_400
        default: return nil
        }
    }
}

extension ParsedArguments {
    /// A `DURATION` option in seconds (`90s`, `15m`, `2h`, `7d`), at most `maximum`.
    ///
    /// - Throws: ``UsageError`` naming the option and the accepted forms.
    func duration(_ name: String, maximum: TimeInterval) throws(UsageError) -> TimeInterval? {
        guard let text = string(name) else { return nil }
        guard let seconds = DurationText.seconds(text) else {
            throw UsageError("\(name) must be a duration such as 90s, 15m, 2h or 7d, not '\(text)'")
        }
        guard seconds <= maximum else {
            throw UsageError("\(name) '\(text)' is longer than the most allowed (\(Int(maximum / 86_400)) days)")
        }
        return seconds
    }
}

import CoveoPushEmulator
import Foundation

/// Reads the emulator's indexing behaviour (``InMemoryPushService/Indexing``) from `coveo-push emulate
/// --indexing-delay --reject-rate --reject-ids --seed`, or their `--emulator-…` forms on the other subcommands.
struct EmulatorIndexing {
    /// The option names: `emulate`'s own, or the `--emulator-` forms.
    let delay: String
    let rejectRate: String
    let rejectIds: String
    let seed: String

    /// The names `coveo-push emulate` takes.
    static let emulate = EmulatorIndexing(
        delay: "--indexing-delay", rejectRate: "--reject-rate", rejectIds: "--reject-ids", seed: "--seed")
    /// The names the other subcommands take, for the built-in emulator.
    static let builtIn = EmulatorIndexing(
        delay: "--emulator-indexing-delay", rejectRate: "--emulator-reject-rate",
        rejectIds: "--emulator-reject-ids", seed: "--emulator-seed")

    /// Every option name.
    var names: [String] { [delay, rejectRate, rejectIds, seed] }

    /// The `--indexing-delay` spec; `prefix` starts the help line ("built-in emulator only: " elsewhere).
    func delaySpec(prefix: String = "") -> OptionSpec {
        .value(delay, "SECONDS", prefix + "items are indexed (logged INDEXING) this long after they are applied")
    }

    /// The `--reject-rate` spec.
    func rejectRateSpec(prefix: String = "") -> OptionSpec {
        .value(rejectRate, "F", prefix + "the share (0 to 1) of added items refused downstream, still answered 202")
    }

    /// The `--reject-ids` spec.
    func rejectIdsSpec(prefix: String = "") -> OptionSpec {
        .value(rejectIds, "FILE", prefix + "a file of document IDs, one a line, always refused downstream")
    }

    /// The `--seed` spec.
    func seedSpec(prefix: String = "") -> OptionSpec {
        .value(seed, "N", prefix + "the seed of the reject-rate draw (default 0)")
    }

    /// The indexing behaviour the options give, or `nil` when none was given.
    ///
    /// - Throws: ``UsageError`` naming the option and the rule.
    func parse(_ arguments: ParsedArguments) throws(UsageError) -> InMemoryPushService.Indexing? {
        guard names.contains(where: { arguments.string($0) != nil }) else { return nil }
        var indexing = InMemoryPushService.Indexing()
        if let text = arguments.string(delay) {
            guard let seconds = Double(text), seconds.isFinite, seconds >= 0, seconds <= 86_400 else {
                throw UsageError("\(delay) must be a number of seconds from 0 to 86400, not '\(text)'")
            }
            indexing.delay = .milliseconds(Int64((seconds * 1000).rounded()))
        }
        if let text = arguments.string(rejectRate) {
            guard let rate = Double(text), rate.isFinite, (0...1).contains(rate) else {
                throw UsageError("\(rejectRate) must be a number from 0 to 1, not '\(text)'")
            }
            indexing.rejectionRate = rate
        }
        if let path = arguments.string(rejectIds) {
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw UsageError("\(rejectIds): cannot read '\(path)' as UTF-8 text")
            }
            indexing.rejectedDocumentIds = Set(
                text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty })
        }
        if let text = arguments.string(seed) {
            guard let value = UInt64(text) else {
                throw UsageError("\(seed) must be a whole number from 0 to \(UInt64.max), not '\(text)'")
            }
            indexing.seed = value
        }
        return indexing
    }
}

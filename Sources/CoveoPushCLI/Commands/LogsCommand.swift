import CoveoPush
import Foundation

/// `coveo-push logs`: the source's Logs API entries in a time window, every page, as a table or JSON Lines.
struct LogsCommand: Subcommand {
    static let name = "logs"
    static let summary = "List the source's log entries (Logs API): what was indexed, rejected or skipped, and why."
    static let usage =
        "coveo-push logs [--since DURATION | --from TIME --to TIME] [--document-id ID] [--result NAME]... [--json]"
    static let since = "--since"
    static let from = "--from"
    static let to = "--to"
    static let documentId = "--document-id"
    static let result = "--result"
    /// The default window: the last hour.
    static let defaultSince: TimeInterval = 3600
    static let resultNames = ["completed", "warning", "error", "rejected", "skipped"]

    static let specs: [OptionSpec] = [
        .value(since, "DURATION", "the entries of the last 90s, 15m, 2h, ... 7d (default 1h)"),
        .value(from, "TIME", "the window's start, ISO 8601 with Z or an offset (with --to)"),
        .value(to, "TIME", "the window's end, not in the future (with --from)"),
        .value(documentId, "ID", "only the entries of this document ID (exact)"),
        .repeatable(result, "NAME", "only these results, repeatable: completed, warning, error, rejected, skipped"),
    ]
    static let details = [
        "Pages through every entry of the window, oldest first as the service returns them. The window is at most",
        "7 days and may not end in the future; Coveo keeps logs 14 days. --json prints one entry per line with the",
        "Logs API's key names.",
    ]

    func run(_ arguments: ParsedArguments, _ environment: CommandEnvironment) async throws -> ExitStatus {
        guard arguments.positionals.isEmpty else {
            throw UsageError("unexpected argument '\(arguments.positionals[0])'")
        }
        let now = environment.now()
        let (windowStart, windowEnd) = try Self.window(arguments, now: now)
        let results = try Self.results(arguments)
        let target = try TargetResolver(arguments: arguments, environment: environment.variables).resolve(
            needs: .source)
        var query: LogEntryQuery
        do {
            query = try LogEntryQuery(
                sourceId: target.sourceId, from: windowStart, to: windowEnd,
                documentId: arguments.string(Self.documentId), results: results, now: now)
        } catch {
            throw UsageError("the window: \(error.message)")
        }
        let log = try RequestLog(
            console: environment.console, verbose: arguments.flag(ClientOptions.verbose),
            filePath: arguments.string(ClientOptions.logFile))
        let factory = ClientFactory(target: target, arguments: arguments, environment: environment, log: log)
        if factory.dryRun != nil { throw UsageError("--dry-run does not apply to logs: it only reads") }
        let json = arguments.flag(ClientOptions.json)
        let output = Output(console: environment.console, json: json)
        output.announce(factory)
        let client = try factory.makeClient()
        let console = environment.console
        if !json { console.line(Self.header) }
        var count = 0
        while true {
            let page = try await client.logEntries(query)
            for entry in page.entries {
                console.line(json ? Self.jsonLine(entry) : Self.row(entry))
                count += 1
            }
            guard page.hasNextPage else { break }
            if Task.isCancelled { return environment.interruption() }
            query.page += 1
        }
        if !json { console.note("\(count) entr\(count == 1 ? "y" : "ies"), \(query.page + 1) pages") }
        return .success
    }

    /// The window: `--since` before now, `--from`/`--to`, or the last hour.
    ///
    /// - Throws: ``UsageError`` for a bad time or duration, both forms, a window over 7 days or in the future.
    static func window(_ arguments: ParsedArguments, now: Date) throws(UsageError) -> (Date, Date) {
        let sinceSeconds = try arguments.duration(since, maximum: LogEntryQuery.maxWindow)
        let fromText = arguments.string(from)
        let toText = arguments.string(to)
        if sinceSeconds != nil && (fromText != nil || toText != nil) {
            throw UsageError("give either \(since) or \(from) and \(to), not both")
        }
        guard fromText != nil || toText != nil else {
            return (now.addingTimeInterval(-(sinceSeconds ?? defaultSince)), now)
        }
        guard let fromText, let toText else { throw UsageError("\(from) and \(to) go together") }
        let start = try time(fromText, option: from)
        let end = try time(toText, option: to)
        guard start < end else { throw UsageError("\(from) must be before \(to)") }
        guard end <= now.addingTimeInterval(1) else { throw UsageError("\(to) '\(toText)' is in the future") }
        guard end.timeIntervalSince(start) <= LogEntryQuery.maxWindow else {
            throw UsageError("the window from \(fromText) to \(toText) is longer than the Logs API's 7 days")
        }
        return (start, end)
    }

    /// An ISO 8601 date and time with `Z` or an offset, fractional seconds allowed.
    static func time(_ text: String, option: String) throws(UsageError) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        throw UsageError(
            "\(option) must be an ISO 8601 time with Z or an offset, such as 2026-12-03T10:00:00Z, not '\(text)'")
    }

    /// The `--result` filter: every value of the repeated option (a value may also list names with commas).
    static func results(_ arguments: ParsedArguments) throws(UsageError) -> [LogResult] {
        var results: [LogResult] = []
        let names = arguments.strings(result).flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
        for name in names {
            let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
            guard resultNames.contains(trimmed) else {
                throw UsageError(
                    "\(result): '\(trimmed)' is not a result; use one or more of \(resultNames.joined(separator: ", "))"
                )
            }
            let value = LogResult(rawValue: trimmed.uppercased())
            if !results.contains(value) { results.append(value) }
        }
        return results
    }

    static let header = "DATETIME                  RESULT     TASK             OPERATION          ID  REASON"

    /// One table row: the most useful columns first.
    static func row(_ entry: LogEntry) -> String {
        let reason = entry.result == .completed ? "" : "  " + entry.reason
        return [
            timestamp(entry.datetime).padding(toLength: 25, withPad: " ", startingAt: 0),
            entry.result.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0),
            entry.task.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0),
            entry.operation.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0),
        ].joined(separator: " ") + " " + entry.id + reason
    }

    /// One JSON Lines object with the Logs API's key names.
    static func jsonLine(_ entry: LogEntry) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("datetime")
        writer.string(timestamp(entry.datetime))
        for (key, value) in [
            ("id", entry.id), ("task", entry.task.rawValue), ("operation", entry.operation.rawValue),
            ("result", entry.result.rawValue), ("sourceId", entry.sourceId),
        ] {
            writer.key(key)
            writer.string(value)
        }
        writer.key("meta")
        write(.object(entry.meta), into: &writer)
        writer.endObject()
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    private static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    private static func write(_ value: JSONValue, into writer: inout JSONWriter) {
        switch value {
        case .null: writer.null()
        case .bool(let flag): writer.bool(flag)
        case .number(let number): writer.rawValue(Array(number.text.utf8))
        case .string(let text): writer.string(text)
        case .array(let values):
            writer.beginArray()
            for element in values { write(element, into: &writer) }
            writer.endArray()
        case .object(let object):
            writer.beginObject()
            for member in object.members {
                writer.key(member.key)
                write(member.value, into: &writer)
            }
            writer.endObject()
        }
    }
}

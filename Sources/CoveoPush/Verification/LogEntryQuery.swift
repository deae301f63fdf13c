import Foundation

/// Which log entries of a source to read: a time window of at most 7 days, optional filters, and a page.
///
/// ```swift
/// let now = Date()
/// let query = try LogEntryQuery(sourceId: "my-source", from: now - 3600, to: now, results: [.error, .rejected])
/// ```
public struct LogEntryQuery: Sendable, Hashable {
    /// The longest window the Logs API accepts: 7 days.
    public static let maxWindow: TimeInterval = 7 * 24 * 3600
    /// The largest page the Logs API serves.
    public static let maxPerPage = 1000

    /// How ``documentId`` is compared with each entry's item URI.
    public enum Matching: String, Sendable, Hashable {
        /// The same URI.
        case exact = "EXACT"
        /// URIs that contain it.
        case partial = "PARTIAL"
        /// URIs that match it, `*` standing for any characters and `?` for one.
        case wildcard = "WILDCARD"
    }

    /// The source whose entries are read.
    public var sourceId: String
    /// The start of the window (included).
    public var from: Date
    /// The end of the window.
    public var to: Date
    /// Only the entries of this item URI.
    public var documentId: String?
    /// How `documentId` matches.
    public var matching: Matching
    /// Only these tasks (all when empty).
    public var tasks: [LogTask]
    /// Only these operations (all when empty).
    public var operations: [LogOperation]
    /// Only these results (all when empty).
    public var results: [LogResult]
    /// The page, from 0.
    public var page: Int
    /// Entries per page, 1 to 1,000.
    public var perPage: Int

    /// Creates a query.
    ///
    /// - Throws: ``ValidationError`` when the source is empty, the window is empty, longer than 7 days or ends in
    ///   the future (with `now`), or the page is out of range.
    public init(
        sourceId: String, from: Date, to: Date, documentId: String? = nil, matching: Matching = .exact,
        tasks: [LogTask] = [], operations: [LogOperation] = [], results: [LogResult] = [], page: Int = 0,
        perPage: Int = LogEntryQuery.maxPerPage, now: Date = Date()
    ) throws(ValidationError) {
        let subject = ValidationError.Subject.configuration("logs")
        guard !sourceId.isEmpty else { throw ValidationError(.emptyIdentifier, subject, "the source ID is empty") }
        guard from < to else {
            throw ValidationError(.outOfRange, subject, "the window must end after it starts (from \(from), to \(to))")
        }
        guard to.timeIntervalSince(from) <= Self.maxWindow else {
            throw ValidationError(.outOfRange, subject, "the Logs API reads windows of at most 7 days")
        }
        guard to <= now.addingTimeInterval(1) else {
            throw ValidationError(.outOfRange, subject, "the window ends in the future (\(to))")
        }
        guard page >= 0, (1...Self.maxPerPage).contains(perPage) else {
            throw ValidationError(.outOfRange, subject, "page must be 0 or more and perPage 1 to \(Self.maxPerPage)")
        }
        self.sourceId = sourceId
        self.from = from
        self.to = to
        self.documentId = documentId
        self.matching = matching
        self.tasks = tasks
        self.operations = operations
        self.results = results
        self.page = page
        self.perPage = perPage
    }
}

/// One page of log entries.
public struct LogEntryPage: Sendable, Hashable, Decodable {
    /// The entries, oldest first.
    public var entries: [LogEntry]
    /// Whether the next page has more.
    public var hasNextPage: Bool

    /// Creates a page.
    public init(entries: [LogEntry], hasNextPage: Bool) {
        self.entries = entries
        self.hasNextPage = hasNextPage
    }

    private enum CodingKeys: String, CodingKey {
        case entries = "documentLogEntries"
        case hasNextPage
    }

    /// Reads the Logs API's answer (`documentLogEntries`, `hasNextPage`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        entries = try container.decodeIfPresent([LogEntry].self, forKey: .entries) ?? []
        hasNextPage = try container.decodeIfPresent(Bool.self, forKey: .hasNextPage) ?? false
    }
}

/// Something that reads a source's log entries: ``PushClient`` through the Logs API, or a test's fake.
public protocol LogEntryReading: Sendable {
    /// Reads one page of entries.
    ///
    /// - Throws: ``PushError`` when the Logs API could not be read (after the reader's own retries).
    func logEntries(_ query: LogEntryQuery) async throws -> LogEntryPage
}

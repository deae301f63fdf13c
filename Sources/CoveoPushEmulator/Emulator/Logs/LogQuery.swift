import CoveoPush
import Foundation

/// A Logs API request as read: the window, the document filter, the include and exclude lists, and the page.
///
/// Parsing refuses what the service refuses (missing or malformed `from`/`to`, a window over 7 days, unknown enum
/// values, a bad page) with 412 `MISSING_PARAMETER` or `INVALID_PARAMETER` (statuses assumed where the reference
/// gives none; listed in `Documentation/Testing.md`).
struct LogQuery: Sendable, Hashable {
    /// How `documentId` is compared with an entry's `id`.
    enum Matching: String, Sendable {
        case exact = "EXACT"
        case partial = "PARTIAL"
        case wildcard = "WILDCARD"
    }

    /// The longest window the service accepts.
    static let maxWindowMilliseconds: Int64 = 7 * 24 * 3600 * 1000
    /// The largest page the emulator serves; a larger `perPage` is capped.
    static let maxPerPage = 1000
    /// The page size when none is given.
    static let defaultPerPage = 100

    var organizationId: String
    var from: Int64
    var to: Int64
    var documentId: String?
    var matching: Matching = .exact
    var page = 0
    var perPage = defaultPerPage
    var tasks: Set<String>?
    var operations: Set<String>?
    var results: Set<String>?
    var sourceIds: Set<String>?
    var resourceIds: Set<String>?
    var excludedTasks: Set<String> = []
    var excludedOperations: Set<String> = []
    var excludedResults: Set<String> = []
    var excludedSourceIds: Set<String> = []
    var excludedResourceIds: Set<String> = []

    /// Reads the query parameters and the JSON body of a Logs API request.
    init(organizationId: String, query: EmulatorQuery, body: JSONValue) throws(EmulatorRefusal) {
        self.organizationId = organizationId
        from = try Self.date("from", try query.required("from"))
        to = try Self.date("to", try query.required("to"))
        guard from < to else { throw EmulatorRefusal(.invalidParameter("to", "it must be later than 'from'")) }
        guard to - from <= Self.maxWindowMilliseconds else {
            throw EmulatorRefusal(.invalidParameter("from", "the window may not be longer than 7 days"))
        }
        if let text = query.items["documentId"] {
            guard !text.isEmpty else { throw EmulatorRefusal(.invalidParameter("documentId", "it is empty")) }
            documentId = text
        }
        if let text = query.items["documentIdMatching"] {
            guard let matching = Matching(rawValue: text.uppercased()) else {
                throw EmulatorRefusal(.invalidParameter("documentIdMatching", "'\(text)' is not EXACT, PARTIAL or WILDCARD"))
            }
            self.matching = matching
        }
        page = try Self.integer(query, "page", default: 0, minimum: 0)
        perPage = min(try Self.integer(query, "perPage", default: Self.defaultPerPage, minimum: 1), Self.maxPerPage)
        let taskNames = Set(EmulatedLogEntry.TaskKind.allCases.map(\.rawValue))
        let operationNames = Set(EmulatedLogEntry.OperationKind.allCases.map(\.rawValue))
        let resultNames = Set(EmulatedLogEntry.ResultKind.allCases.map(\.rawValue))
        tasks = try Self.list(body, "tasks", allowed: taskNames)
        operations = try Self.list(body, "operations", allowed: operationNames)
        results = try Self.list(body, "results", allowed: resultNames)
        // The reference's spec says `sourcesIds`; Coveo's own TypeScript client says `sourceIds`. Both are read.
        sourceIds = try Self.union(Self.list(body, "sourcesIds"), Self.list(body, "sourceIds"))
        resourceIds = try Self.list(body, "resourceIds")
        excludedTasks = try Self.list(body, "excludeTasks", allowed: taskNames) ?? []
        excludedOperations = try Self.list(body, "excludeOperations", allowed: operationNames) ?? []
        excludedResults = try Self.list(body, "excludeResults", allowed: resultNames) ?? []
        excludedSourceIds = try Self.list(body, "excludeSourceIds") ?? []
        excludedResourceIds = try Self.list(body, "excludeResourceIds") ?? []
    }

    /// Whether an entry passes the window and every filter. Include lists win over exclude lists.
    func matches(_ entry: EmulatedLogEntry) -> Bool {
        guard entry.organizationId == organizationId, entry.milliseconds >= from, entry.milliseconds < to else {
            return false
        }
        if let documentId, !Self.matches(entry.id, documentId, matching) { return false }
        return Self.passes(entry.task.rawValue, tasks, excludedTasks)
            && Self.passes(entry.operation.rawValue, operations, excludedOperations)
            && Self.passes(entry.result.rawValue, results, excludedResults)
            && Self.passes(entry.sourceId, sourceIds, excludedSourceIds)
            && Self.passes(entry.sourceId, resourceIds, excludedResourceIds)
    }

    private static func passes(_ value: String, _ included: Set<String>?, _ excluded: Set<String>) -> Bool {
        if let included { return included.contains(value) }
        return !excluded.contains(value)
    }

    private static func matches(_ id: String, _ pattern: String, _ matching: Matching) -> Bool {
        switch matching {
        case .exact: return id == pattern
        case .partial: return id.contains(pattern)
        case .wildcard: return wildcard(Array(id.unicodeScalars), Array(pattern.unicodeScalars))
        }
    }

    /// `*` matches any run of characters, `?` one character; iterative, linear in practice.
    private static func wildcard(_ text: [Unicode.Scalar], _ pattern: [Unicode.Scalar]) -> Bool {
        var (t, p) = (0, 0)
        var star: Int?
        var resume = 0
        while t < text.count {
            if p < pattern.count && (pattern[p] == "?" || pattern[p] == text[t]) {
                t += 1
                p += 1
            } else if p < pattern.count && pattern[p] == "*" {
                star = p
                resume = t
                p += 1
            } else if let starAt = star {
                p = starAt + 1
                resume += 1
                t = resume
            } else {
                return false
            }
        }
        while p < pattern.count && pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }

    // MARK: - Reading

    /// A W3C date-time (`2026-12-03T10:00:00Z`, fractions and offsets allowed) in milliseconds since 1970.
    static func date(_ name: String, _ text: String) throws(EmulatorRefusal) -> Int64 {
        for options in [
            ISO8601DateFormatter.Options.withInternetDateTime,
            [.withInternetDateTime, .withFractionalSeconds],
        ] {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = options
            if let date = formatter.date(from: text) {
                return Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
            }
        }
        throw EmulatorRefusal(.invalidParameter(name, "'\(text)' is not a W3C date and time such as 2026-01-31T10:00:00Z"))
    }

    private static func integer(
        _ query: EmulatorQuery, _ name: String, default value: Int, minimum: Int
    ) throws(EmulatorRefusal) -> Int {
        guard let text = query.items[name] else { return value }
        guard let number = Int(text), number >= minimum, number <= Int(Int32.max) else {
            throw EmulatorRefusal(.invalidParameter(name, "'\(text)' is not an integer of at least \(minimum)"))
        }
        return number
    }

    /// A body member that must be an array of strings (each one of `allowed`, when given); `nil` when absent or
    /// `null`.
    private static func list(
        _ body: JSONValue, _ name: String, allowed: Set<String>? = nil
    ) throws(EmulatorRefusal) -> Set<String>? {
        guard let value = body.member(name), value != .null else { return nil }
        guard let array = value.arrayValue else {
            throw EmulatorRefusal(.invalidParameter(name, "it must be an array of strings"))
        }
        var names = Set<String>()
        for element in array {
            guard let text = element.stringValue else {
                throw EmulatorRefusal(.invalidParameter(name, "it must be an array of strings"))
            }
            if let allowed, !allowed.contains(text) {
                throw EmulatorRefusal(
                    .invalidParameter(name, "'\(text)' is not one of \(allowed.sorted().joined(separator: ", "))"))
            }
            names.insert(text)
        }
        return names
    }

    private static func union(_ first: Set<String>?, _ second: Set<String>?) -> Set<String>? {
        guard let first else { return second }
        guard let second else { return first }
        return first.union(second)
    }
}

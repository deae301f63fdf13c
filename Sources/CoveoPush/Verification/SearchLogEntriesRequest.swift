import Foundation

/// Reads one page of log entries: `POST {logs}/organizations/{organizationId}?from=&to=[&documentId=
/// &documentIdMatching=]&page=&perPage=` with a body of include lists (`sourcesIds`, `tasks`, `operations`,
/// `results`).
///
/// Success is `200` with a ``LogEntryPage``. A read: safe to repeat. The client gives Logs API requests their own
/// timeout (``PushClient/Configuration/logsRequestTimeout``, 120 s by default): Coveo says a call can take a minute.
public struct SearchLogEntriesRequest: PushRequest, Hashable {
    /// The page of entries.
    public typealias Response = LogEntryPage

    /// The organization ID.
    public let organizationId: String
    /// What to read.
    public let query: LogEntryQuery

    /// Creates the request.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` for an empty organization.
    public init(organizationId: String, query: LogEntryQuery) throws(ValidationError) {
        try RequestValidation.identifier(organizationId, "organizationId")
        self.organizationId = organizationId
        self.query = query
    }

    /// ``PushOperation/searchLogEntries``.
    public var operation: PushOperation { .searchLogEntries }
    /// ``CoveoAPI/logs``.
    public var api: CoveoAPI { .logs }
    /// `POST`.
    public var method: HTTPMethod { .post }
    /// `organizations/{organizationId}`.
    public var pathComponents: [String] { ["organizations", organizationId] }

    /// `from`, `to` (UTC, milliseconds), `documentId` and `documentIdMatching` when a document is given, `page`,
    /// `perPage`.
    public var queryItems: [QueryItem] {
        var items = [
            QueryItem(name: "from", value: ISO8601Timestamp.string(from: query.from)),
            QueryItem(name: "to", value: ISO8601Timestamp.string(from: query.to)),
        ]
        if let documentId = query.documentId {
            items.append(QueryItem(name: "documentId", value: documentId))
            items.append(QueryItem(name: "documentIdMatching", value: query.matching.rawValue))
        }
        items.append(QueryItem(name: "page", value: String(query.page)))
        items.append(QueryItem(name: "perPage", value: String(query.perPage)))
        return items
    }

    /// `{"sourcesIds": [source], "tasks": […], "operations": […], "results": […]}`, the lists left out when empty.
    /// The Logs API's spec spells the source list `sourcesIds`.
    public func makeBody() throws(ValidationError) -> RequestBody? {
        var members: [(key: String, value: JSONValue)] = [("sourcesIds", .array([.string(query.sourceId)]))]
        let lists: [(String, [String])] = [
            ("tasks", query.tasks.map(\.rawValue)), ("operations", query.operations.map(\.rawValue)),
            ("results", query.results.map(\.rawValue)),
        ]
        for (key, names) in lists where !names.isEmpty { members.append((key, .array(names.map(JSONValue.string)))) }
        return PlatformJSON.body(.object(JSONObject(members)))
    }
}

extension PushClient: LogEntryReading {
    /// Reads one page of a source's log entries through the Logs API, with the client's retries, throttle and
    /// credentials; the host follows ``Configuration/logsURL`` (derived from the Push endpoint unless given).
    ///
    /// - Throws: ``PushError``, or `CancellationError`.
    public nonisolated func logEntries(_ query: LogEntryQuery) async throws -> LogEntryPage {
        let request = try checked(.searchLogEntries) { () throws(ValidationError) in
            try SearchLogEntriesRequest(organizationId: organizationId, query: query)
        }
        return try await send(request)
    }
}

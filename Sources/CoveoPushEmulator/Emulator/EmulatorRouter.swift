import Foundation

/// Matches a request's method and URL to an ``EmulatedRoute``: a pure function of the URL and the upload path.
///
/// Push API paths are matched after the first `push/v1` pair of segments, Platform API paths after the first `rest`
/// segment followed by `organizations` or `privilege`, the Logs API's after `logs/v1`, so any host and base path
/// work. Each route is one row of ``table`` or ``platformTable``; adding a route is adding a row.
enum EmulatorRouter {
    /// A matched request.
    struct Match: Sendable {
        var route: EmulatedRoute
        /// The organization (empty for uploads).
        var organizationId: String
        /// The source or provider ID (empty for file-container creation), or the file ID for uploads.
        var targetId: String
        /// The decoded query items, first occurrence of each name.
        var query: [String: String]
        /// The third path identifier, when the route has one: the stream ID of a chunk or close, the cutoff of a
        /// stream delete-older-than.
        var pathParameter = ""
        /// Whether the Stream API route was reached under `data-collections/{id}` rather than `sources/{id}`.
        var isDataCollection = false
    }

    /// The outcome of routing.
    enum Outcome: Sendable {
        case matched(Match)
        /// No route has this path.
        case notFound
        /// The path exists but not with this method.
        case methodNotAllowed(allowed: [String])
    }

    /// One path shape, with the route of each method.
    struct Row {
        /// Literal segments, and `nil` for the identifier placeholders (organization, then source or provider).
        var pattern: [String?]
        var methods: [String: EmulatedRoute]
        /// Whether the row is a Stream API route under `data-collections/{id}`.
        var isDataCollection = false
    }

    /// The Stream API rows, under `sources/{id}` and under `data-collections/{id}`: the same routes and methods.
    private static let streamRows: [Row] = streamRows(under: "sources") + streamRows(under: "data-collections")

    /// The six Stream API rows under `organizations/{o}/<collection>/{id}/stream`.
    private static func streamRows(under collection: String) -> [Row] {
        let base: [String?] = ["organizations", nil, collection, nil, "stream"]
        let routes: [(tail: [String?], method: String, route: EmulatedRoute)] = [
            (["open"], "POST", .openStream),
            (["update"], "PUT", .updateStream),
            (["merge"], "PUT", .mergeStream),
            (["deleteolderthan", nil], "POST", .deleteStreamOlderThan),
            ([nil, "chunk"], "POST", .getStreamChunk),
            ([nil, "close"], "POST", .closeStream),
        ]
        return routes.map {
            Row(pattern: base + $0.tail, methods: [$0.method: $0.route], isDataCollection: collection != "sources")
        }
    }

    private static let table: [Row] =
        [
            Row(pattern: ["organizations", nil, "sources", nil, "status"], methods: ["POST": .setSourceStatus]),
            Row(
                pattern: ["organizations", nil, "sources", nil, "documents"],
                methods: ["PUT": .addOrUpdateDocument, "DELETE": .deleteDocument]),
            Row(
                pattern: ["organizations", nil, "sources", nil, "documents", "olderthan"],
                methods: ["DELETE": .deleteDocumentsOlderThan]),
            Row(
                pattern: ["organizations", nil, "sources", nil, "documents", "batch"],
                methods: ["PUT": .pushDocumentBatch]),
            Row(pattern: ["organizations", nil, "files"], methods: ["POST": .createFileContainer]),
            Row(
                pattern: ["organizations", nil, "providers", nil, "permissions"],
                methods: ["PUT": .addOrUpdateIdentity, "DELETE": .deleteIdentity]),
            Row(pattern: ["organizations", nil, "providers", nil, "mappings"], methods: ["PUT": .addOrUpdateAlias]),
            Row(
                pattern: ["organizations", nil, "providers", nil, "permissions", "batch"],
                methods: ["PUT": .pushIdentityBatch]),
            Row(
                pattern: ["organizations", nil, "providers", nil, "permissions", "olderthan"],
                methods: ["DELETE": .deleteIdentitiesOlderThan]),
        ] + streamRows

    /// The decoded path segments of a URL, without the leading empty one; `nil` when a segment is not valid
    /// percent-encoding.
    static func segments(of url: URL) -> [String]? {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return nil }
        var raw = components.percentEncodedPath.split(separator: "/", omittingEmptySubsequences: false)
        if raw.first?.isEmpty == true { raw.removeFirst() }
        var decoded: [String] = []
        for segment in raw {
            guard let text = String(segment).removingPercentEncoding else { return nil }
            decoded.append(text)
        }
        return decoded
    }

    /// Routes a request.
    ///
    /// - Parameters:
    ///   - method: The request method token.
    ///   - url: The absolute request URL.
    ///   - uploadPath: The decoded path segments of the configured upload base URL.
    static func match(method: String, url: URL, uploadPath: [String]) -> Outcome {
        guard let segments = segments(of: url) else { return .notFound }
        let query = queryItems(of: url)
        if let marker = marker("push", in: segments) {
            return matchRows(table, method: method, segments: Array(segments[(marker + 2)...]), query: query)
        }
        if let marker = platformMarker(in: segments) {
            return matchRows(
                platformTable, method: method, segments: Array(segments[(marker + 1)...]), query: query)
        }
        if let marker = marker("logs", in: segments) {
            let rest = Array(segments[(marker + 2)...])
            guard rest.count == 2, rest[0] == "organizations", !rest[1].isEmpty else { return .notFound }
            guard method == "POST" else { return .methodNotAllowed(allowed: ["POST"]) }
            return .matched(Match(route: .searchLogEntries, organizationId: rest[1], targetId: "", query: query))
        }
        if segments.count == uploadPath.count + 1, Array(segments.prefix(uploadPath.count)) == uploadPath,
            let fileId = segments.last, !fileId.isEmpty
        {
            guard method == "PUT" else { return .methodNotAllowed(allowed: ["PUT"]) }
            return .matched(Match(route: .uploadToFileContainer, organizationId: "", targetId: fileId, query: query))
        }
        return .notFound
    }

    /// The index of the first `name`, `v1` pair of segments (`push/v1`, `logs/v1`).
    private static func marker(_ name: String, in segments: [String]) -> Int? {
        guard segments.count >= 2 else { return nil }
        for index in 0..<(segments.count - 1) where segments[index] == name && segments[index + 1] == "v1" {
            return index
        }
        return nil
    }

    /// The first row fitting the segments that has the method; 405 with every fitting row's methods when none has.
    private static func matchRows(
        _ rows: [Row], method: String, segments: [String], query: [String: String]
    ) -> Outcome {
        var allowed: Set<String> = []
        for row in rows where row.pattern.count == segments.count {
            var identifiers: [String] = []
            var fits = true
            for (expected, actual) in zip(row.pattern, segments) {
                if let expected {
                    if expected != actual {
                        fits = false
                        break
                    }
                } else if actual.isEmpty {
                    fits = false
                    break
                } else {
                    identifiers.append(actual)
                }
            }
            guard fits else { continue }
            guard let route = row.methods[method] else {
                allowed.formUnion(row.methods.keys)
                continue
            }
            let organizationId = identifiers.first ?? ""
            let targetId = identifiers.count > 1 ? identifiers[1] : ""
            var match = Match(route: route, organizationId: organizationId, targetId: targetId, query: query)
            if identifiers.count > 2 { match.pathParameter = identifiers[2] }
            match.isDataCollection = row.isDataCollection
            return .matched(match)
        }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed.sorted())
    }

    private static func queryItems(of url: URL) -> [String: String] {
        guard let items = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems else { return [:] }
        var query: [String: String] = [:]
        for item in items where query[item.name] == nil {
            query[item.name] = item.value ?? ""
        }
        return query
    }
}

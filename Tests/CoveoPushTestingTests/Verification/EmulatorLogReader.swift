import CoveoPushTesting
import Foundation

/// Reads an in-process emulator's Logs API with hand-built requests: a ``LogEntryReading`` for the verifier's
/// tests that shares nothing with the client's request code. A non-200 answer throws.
struct EmulatorLogReader: LogEntryReading {
    struct Refused: Error { var status: Int }

    let service: InMemoryPushService
    let organizationId: String
    let requests = Counter()

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func increment() { lock.withLock { value += 1 } }
        var count: Int { lock.withLock { value } }
    }

    func logEntries(_ query: LogEntryQuery) async throws -> LogEntryPage {
        requests.increment()
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var components = URLComponents(string: "https://api.cloud.coveo.com/logs/v1/organizations/\(organizationId)")
        components?.queryItems = [
            URLQueryItem(name: "from", value: formatter.string(from: query.from)),
            URLQueryItem(name: "to", value: formatter.string(from: query.to)),
            URLQueryItem(name: "page", value: String(query.page)),
            URLQueryItem(name: "perPage", value: String(query.perPage)),
        ]
        let encoded = components?.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        components?.percentEncodedQuery = encoded
        var body: [String: [String]] = ["sourcesIds": [query.sourceId]]
        if !query.tasks.isEmpty { body["tasks"] = query.tasks.map(\.rawValue) }
        if !query.results.isEmpty { body["results"] = query.results.map(\.rawValue) }
        guard let url = components?.url else { throw Refused(status: 0) }
        let response = try await service.send(
            TransportRequest(
                method: .post, url: url,
                headers: ["Authorization": "Bearer xx-key", "Content-Type": "application/json"]),
            body: .data(try JSONEncoder().encode(body)))
        guard response.statusCode == 200 else { throw Refused(status: response.statusCode) }
        return try JSONDecoder().decode(LogEntryPage.self, from: response.body)
    }
}

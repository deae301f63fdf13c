import CoveoPushTesting
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The API key of every reliability test: distinctive, so a leak is easy to find.
let reliabilityKey = "xx-RELIABILITY-SECRET-4242-key"

/// One request as the front of the loopback server saw it (headers summarised, never their values).
struct FrontRecord: Sendable {
    var method: String
    var path: String
    var hasAuthorization: Bool
    var bodyBytes: Int
}

/// A transport in front of the emulator, on the server side of the loopback connection: it records every request
/// and lets a test answer or delay selected ones before (or after) the emulator sees them.
final class FrontTransport: Transport, @unchecked Sendable {
    /// Decides a request's fate: return a response to answer it without the emulator, or call `forward`.
    typealias Rule = @Sendable (TransportRequest, Data, _ forward: () async throws -> TransportResponse) async throws
        -> TransportResponse

    private let lock = NSLock()
    private var target: (any Transport)?
    private var records: [FrontRecord] = []
    private let rule: Rule?

    init(rule: Rule? = nil) {
        self.rule = rule
    }

    func setTarget(_ transport: any Transport) {
        lock.lock()
        target = transport
        lock.unlock()
    }

    private func record(_ record: FrontRecord) -> (any Transport)? {
        lock.lock()
        defer { lock.unlock() }
        records.append(record)
        return target
    }

    var recorded: [FrontRecord] {
        lock.lock()
        defer { lock.unlock() }
        return records
    }

    func send(_ request: TransportRequest, body: RequestBody?) async throws -> TransportResponse {
        let data = (try? body?.loadData()) ?? Data()
        let target = record(
            FrontRecord(
                method: request.method.rawValue, path: request.url.path,
                hasAuthorization: request.headers["authorization"] != nil, bodyBytes: data.count))
        guard let target else { return TransportResponse(statusCode: 503) }
        let forward = { try await target.send(request, body: body) }
        guard let rule else { return try await forward() }
        return try await rule(request, data, forward)
    }
}

/// A loopback server whose requests go through a ``FrontTransport`` to a fresh emulator.
struct ReliabilityRig {
    let server: LoopbackPushServer
    let service: InMemoryPushService
    let front: FrontTransport
    let clock: TestClock

    init(
        faults: FaultPlan = .none, connectionFaults: ConnectionFaults = .none, clock: TestClock = TestClock(),
        rule: FrontTransport.Rule? = nil
    ) throws {
        let front = FrontTransport(rule: rule)
        // With cut connections, a request libcurl resends without its body waits for the idle timeout (then 408).
        let server = try LoopbackPushServer(
            handler: front, idleTimeout: connectionFaults.isActive ? .seconds(2) : .seconds(60),
            connectionFaults: connectionFaults)
        let configuration = InMemoryPushService.Configuration(
            apiKey: reliabilityKey, uploadBaseURL: server.baseURL.appendingPathComponent("upload"), faults: faults)
        let service = InMemoryPushService(configuration: configuration, clock: clock)
        front.setTarget(service)
        self.server = server
        self.service = service
        self.front = front
        self.clock = clock
    }

    /// A client configuration for this rig: small batches, four uploads at once, patient retries.
    func configuration(batchLimit: Int = 30_000) throws -> PushClient.Configuration {
        var configuration = PushClient.Configuration(
            endpoint: try PushEndpoint(baseURL: server.baseURL.appendingPathComponent("push/v1")),
            organizationId: "org", credentials: .apiKey(try APIKey(reliabilityKey)))
        configuration.batchLimit = batchLimit
        configuration.uploadConcurrency = 4
        // The server runs in the test process, whose threads the rest of the suite can keep busy for over a minute;
        // an answer later than the default 60 s would make the client send the request again.
        configuration.requestTimeout = .seconds(240)
        configuration.jitterSeed = 7
        configuration.retryPolicy = try RetryPolicy(maxAttempts: 25)
        configuration.maxRepushes = 10
        configuration.maxContainerRenewals = 10
        return configuration
    }

    func client(_ configuration: PushClient.Configuration, transport: (any Transport)? = nil) throws -> PushClient {
        try PushClient(configuration: configuration, transport: transport ?? URLSessionTransport(), clock: clock)
    }

    func shutdown() async {
        await server.shutdown()
    }
}

/// Documents with seeded binary content, metadata and permissions.
enum ReliabilityCorpus {
    static func document(_ index: Int, seed: UInt64 = 1) -> (document: Document, bytes: Data) {
        var random = SeededRandomNumberGenerator(seed: seed &+ UInt64(index) &* 2_654_435_761)
        let size = 200 + Int.random(in: 0...2_000, using: &random)
        let bytes = Data((0..<size).map { _ in UInt8.random(in: 0...255, using: &random) })
        var document = Document(documentId: "https://example.com/reliability/\(index)?q=a+b&r=%20#x")
        document.title = "Élément \(index) 🚀"
        document.fileExtension = ".bin"
        document.content = .binary(bytes, compression: index % 3 == 0 ? .gzip : .zlib)
        document.metadata["rank"] = .integer(Int64(index))
        document.permissions = .sets([
            PermissionSet(allowed: [.group("g\(index % 5)"), .user("u\(index)@example.com")], denied: [.user("x@y.z")])
        ])
        return (document, bytes)
    }

    static func documents(_ count: Int, seed: UInt64 = 1) -> [Document] {
        (0..<count).map { document($0, seed: seed).document }
    }
}

enum ReliabilityCheck {
    /// Every document present exactly as sent, nothing else present, and the report agreeing with the emulator.
    static func allPresent(
        count: Int, seed: UInt64 = 1, report: PushReport, service: InMemoryPushService,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let items = await service.items(organizationId: "org", sourceId: "src")
        #expect(items.count == count, sourceLocation: sourceLocation)
        #expect(report.accepted == items.count, sourceLocation: sourceLocation)
        #expect(report.failed.isEmpty, "\(report.failed.prefix(3))", sourceLocation: sourceLocation)
        let byId = Dictionary(items.map { ($0.documentId, $0) }, uniquingKeysWith: { first, _ in first })
        var mismatches = 0
        for index in 0..<count {
            let (document, bytes) = ReliabilityCorpus.document(index, seed: seed)
            guard let item = byId[document.documentId] else {
                mismatches += 1
                continue
            }
            if item.content != bytes || item.title != document.title || item.permissions != document.permissions {
                mismatches += 1
            }
        }
        #expect(mismatches == 0, sourceLocation: sourceLocation)
        #expect(await service.droppedItems.isEmpty, sourceLocation: sourceLocation)
    }
}

/// A JSON error body as the Push API sends it.
func coveoError(_ status: Int, _ errorCode: String, retryAfter: String? = nil) -> TransportResponse {
    var headers = HeaderFields()
    headers["content-type"] = "application/json"
    if let retryAfter { headers["retry-after"] = retryAfter }
    let body = "{\"errorCode\":\"\(errorCode)\",\"message\":\"injected \(status)\"}"
    return TransportResponse(statusCode: status, headers: headers, body: Data(body.utf8))
}

/// Counts requests with a lock, for rules that act on the n-th matching request.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    /// Increments and returns the count for `key` (1 for the first).
    func next(_ key: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        counts[key, default: 0] += 1
        return counts[key, default: 0]
    }
}

/// A log handler's events, collected.
final class LogCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [PushLogEvent] = []

    var handler: @Sendable (PushLogEvent) -> Void {
        { [self] event in
            lock.lock()
            stored.append(event)
            lock.unlock()
        }
    }

    var events: [PushLogEvent] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}

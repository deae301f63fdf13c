import CoveoPushTesting
import Foundation
import Testing

@testable import CoveoPush

@Suite("PushClient retries")
struct PushClientRetryTests {
    static func client(
        _ transport: any Transport, clock: TestClock = TestClock(),
        _ adjust: (inout PushClient.Configuration) -> Void = { _ in }
    ) throws -> PushClient {
        try PushClient(configuration: ClientFixtures.configuration(adjust), transport: transport, clock: clock)
    }

    @Test("the retry schedule is exactly the seeded full-jitter backoff")
    func exactSchedule() async throws {
        let transport = RecordingTransport()
        await transport.on(.init(pathContains: "/status"), reply: .response(.empty(503)), .response(.empty(500)),
            .response(.empty(502)), .response(.empty(504)), .response(.empty(201)))
        let clock = TestClock()
        let client = try Self.client(transport, clock: clock)
        try await client.setStatus(.rebuild, sourceId: "src")
        var random = SeededRandomNumberGenerator(seed: 42)
        let expected = (2...5).map { RetryPolicy.default.backoff(beforeAttempt: $0, using: &random) }
        #expect(clock.sleeps == expected)
        #expect(await transport.requests.count == 5)
        for (index, delay) in expected.enumerated() {
            #expect(delay <= RetryPolicy.default.delayBound(beforeAttempt: index + 2))
        }
    }

    @Test("Retry-After is honoured in seconds and as an HTTP date, on 429 and 503")
    func retryAfter() async throws {
        let transport = RecordingTransport()
        await transport.on(
            .init(pathContains: "/status"),
            reply: .response(.tooManyRequests(retryAfter: 7)),
            .response(TransportResponse(statusCode: 503, headers: ["Retry-After": "Tue, 14 Nov 2023 22:13:40 GMT"])),
            .response(.empty(201)))
        let clock = TestClock()
        let client = try Self.client(transport, clock: clock)
        try await client.setStatus(.refresh, sourceId: "src")
        // The wall clock reads 2023-11-14T22:13:20Z, so the HTTP date is 20 seconds away.
        #expect(clock.sleeps == [.seconds(7), .seconds(20)])
    }

    @Test(
        "non-retryable answers fail after one request with Coveo's error code",
        arguments: [
            (400, "INVALID_JSON", PushError.Code.requestRejected), (401, "INVALID_TOKEN", .authenticationFailed),
            (403, "ACCESS_DENIED", .accessDenied), (404, "ORGANIZATION_NOT_FOUND", .requestRejected),
            (412, "SOURCE_DOES_NOT_EXIST", .requestRejected), (413, "REQUEST_TOO_LARGE", .requestRejected),
            (415, "UNSUPPORTED_MEDIA_TYPE", .requestRejected), (412, "DOCUMENT_LIMIT_EXCEEDED", .quotaExceeded),
            (429, "TOO_MANY_DOCUMENTS_DAILY", .quotaExceeded),
        ])
    func failFast(status: Int, errorCode: String, code: PushError.Code) async throws {
        let transport = RecordingTransport(defaultAnswer: .response(.coveoError(status: status, errorCode: errorCode, message: "nope")))
        let client = try Self.client(transport)
        let error = await #expect(throws: PushError.self) { try await client.setStatus(.idle, sourceId: "src") }
        #expect(error?.code == code)
        #expect(error?.errorCode == errorCode)
        #expect(error?.statusCode == status)
        #expect(error?.message == "nope")
        #expect(await transport.requests.count == 1)
    }

    @Test("a token provider is asked again once after a 401, and a second 401 fails")
    func tokenRefresh() async throws {
        let calls = Counter()
        let transport = RecordingTransport()
        await transport.on(.init(pathContains: "/status"), reply: .response(.coveoError(status: 401, errorCode: "INVALID_TOKEN")), .response(.empty(201)))
        let client = try Self.client(transport) {
            $0.credentials = .tokenProvider { refresh in
                let count = await calls.increment()
                return try APIKey("token-\(count)-\(refresh)")
            }
        }
        try await client.setStatus(.idle, sourceId: "src")
        let sent = await transport.requests.map { $0.request.headers["Authorization"] }
        #expect(sent == ["Bearer token-1-false", "Bearer token-2-true"])

        await transport.setDefaultAnswer(.response(.coveoError(status: 401, errorCode: "INVALID_TOKEN")))
        let failing = try Self.client(transport) {
            $0.credentials = .tokenProvider { _ in try APIKey("t-\(await calls.increment())") }
        }
        await transport.clearRecords()
        await #expect(throws: PushError.self) { try await failing.setStatus(.idle, sourceId: "other") }
        #expect(await transport.requests.count == 2)
    }

    @Test("connectivity failures are retried, and give up after the policy's attempts")
    func connectivity() async throws {
        let transport = RecordingTransport(defaultAnswer: .failure(TransportError(.connectionLost, "reset")))
        let client = try Self.client(transport) { $0.retryPolicy = try! RetryPolicy(maxAttempts: 3) }
        let error = await #expect(throws: PushError.self) { try await client.setStatus(.idle, sourceId: "src") }
        #expect(error?.code == .retriesExhausted)
        #expect(error?.attempts == 3)
        #expect(await transport.requests.count == 3)
    }

    @Test("one 429 holds back every concurrent request of the client")
    func sharedThrottle() async throws {
        let transport = RecordingTransport()
        await transport.on(.init(pathContains: "/sources/s0/"), reply: .response(.tooManyRequests(retryAfter: 30)), .response(.empty(201)))
        await transport.setDefaultAnswer(.response(.empty(201)))
        let clock = TestClock()
        let client = try Self.client(transport, clock: clock)
        try await client.setStatus(.idle, sourceId: "s0")
        // The gate stays closed until 30 s after the 429; a request of another source now waits for it too.
        clock.resetRecording()
        let gate = client.throttle
        #expect(await gate.remainingClosedTime == .zero)
        await gate.close(for: .seconds(12))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 1...4 { group.addTask { try await client.setStatus(.idle, sourceId: "s\(index)") } }
            try await group.waitForAll()
        }
        #expect(clock.sleeps.contains(.seconds(12)))
        #expect(await gate.totalThrottled >= .seconds(12))
        #expect(await client.statistics().throttledTime >= .seconds(30))
    }

    @Test("the API key appears in no log event and no error description")
    func secretsStayOut() async throws {
        let events = EventLog()
        let transport = RecordingTransport()
        await transport.on(.init(pathContains: "/status"), reply: .response(.empty(503)), .response(.coveoError(status: 403, errorCode: "ACCESS_DENIED", message: "denied")))
        let client = try Self.client(transport) { configuration in
            configuration.logHandler = { event in events.append(event.description) }
        }
        let error = await #expect(throws: PushError.self) { try await client.setStatus(.idle, sourceId: "src") }
        let secret = ClientFixtures.key.revealedValueForAuthorizationHeader
        #expect(!(error.map { "\($0)" } ?? "").contains(secret))
        #expect(!String(reflecting: error as Any).contains(secret))
        let lines = events.lines
        #expect(lines.count == 4)
        #expect(!lines.joined().contains(secret))
        #expect(lines.contains { $0.contains("503") && $0.contains("retry in") })
        #expect(await transport.requests.allSatisfy { $0.request.headers["Authorization"] == "Bearer \(secret)" })
    }

    @Test("a malformed 2xx answer is a typed error, never a crash")
    func malformedAnswers() async throws {
        for body in ["<html>oops</html>", "", "{\"fileId\": 3}", "{\"uploadUri\": \"https://u\"}"] {
            let transport = RecordingTransport(defaultAnswer: .response(TransportResponse(statusCode: 201, body: Data(body.utf8))))
            let client = try Self.client(transport)
            let error = await #expect(throws: PushError.self) { _ = try await client.createFileContainer() }
            #expect(error?.code == .malformedResponse)
        }
    }
}

/// Counts calls from concurrent code.
actor Counter {
    private(set) var value = 0
    func increment() -> Int {
        value += 1
        return value
    }
}

/// Collects log lines from a `@Sendable` handler.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func append(_ line: String) {
        lock.lock()
        stored.append(line)
        lock.unlock()
    }
    var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}

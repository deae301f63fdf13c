import CoveoPushTesting
import Foundation
import Testing

@testable import CoveoPush

@Suite("PushClient: requests that are not idempotent")
struct IdempotencyRetryTests {
    typealias Answer = RecordingTransport.Answer

    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let answer: Answer
        var description: String { name }
    }

    /// Failures after which the service may or may not have applied the request.
    static let ambiguous: [Case] = [
        Case(name: "timeout", answer: .failure(TransportError(.timedOut, "timed out"))),
        Case(name: "connection lost", answer: .failure(TransportError(.connectionLost, "reset"))),
        Case(name: "unreadable response", answer: .failure(TransportError(.badResponse, "garbled"))),
        Case(name: "other connectivity failure", answer: .failure(TransportError(.other, "unknown"))),
        Case(name: "500", answer: .response(.coveoError(status: 500, errorCode: "INTERNAL_ERROR", message: "boom"))),
        Case(name: "502", answer: .response(.empty(502))),
        Case(name: "504", answer: .response(.empty(504))),
        Case(name: "503 without Retry-After", answer: .response(.empty(503))),
    ]

    /// Failures after which the service surely did not apply the request.
    static let refusals: [Case] = [
        Case(name: "connection refused", answer: .failure(TransportError(.cannotConnect, "refused"))),
        Case(name: "429 with Retry-After", answer: .response(.tooManyRequests(retryAfter: 3))),
        Case(name: "429 without Retry-After", answer: .response(.tooManyRequests())),
        Case(
            name: "503 with Retry-After",
            answer: .response(TransportResponse(statusCode: 503, headers: ["Retry-After": "3"]))),
    ]

    static func client(_ transport: RecordingTransport, clock: TestClock) throws -> PushClient {
        try PushClient(configuration: ClientFixtures.configuration(), transport: transport, clock: clock)
    }

    static let counter = RecordingTransport.RequestPattern(pathContains: "/counter")

    @Test(
        "an ambiguous failure ends a request that is not idempotent at once, with outcomeUnknown", arguments: ambiguous)
    func ambiguousFailsAtOnce(_ failure: Case) async throws {
        let transport = RecordingTransport()
        await transport.on(Self.counter, reply: failure.answer, .response(.empty(201)))
        let clock = TestClock()
        let client = try Self.client(transport, clock: clock)
        let error = await #expect(throws: PushError.self) { try await client.send(NonIdempotentRequest()) }
        #expect(error?.code == .outcomeUnknown)
        #expect(error?.operation == PushOperation(rawValue: "incrementCounter"))
        #expect(error?.attempts == 1)
        #expect(error?.statusCode == failure.answer.response?.statusCode)
        #expect(error?.message.contains("the outcome is unknown") == true)
        #expect(error?.message.contains("not sent again") == true)
        #expect(await transport.requests.count == 1)
        #expect(clock.sleeps.isEmpty)
    }

    @Test("the same failure is retried when the request is idempotent", arguments: ambiguous)
    func ambiguousIsRetriedWhenIdempotent(_ failure: Case) async throws {
        let transport = RecordingTransport()
        await transport.on(Self.counter, reply: failure.answer, .response(.empty(201)))
        let clock = TestClock()
        let client = try Self.client(transport, clock: clock)
        _ = try await client.send(NonIdempotentRequest(isIdempotent: true))
        #expect(await transport.requests.count == 2)
        #expect(clock.sleeps.count == 1)
    }

    @Test("a refusal is retried even when the request is not idempotent", arguments: refusals)
    func refusalIsRetried(_ failure: Case) async throws {
        let transport = RecordingTransport()
        await transport.on(Self.counter, reply: failure.answer, .response(.empty(201)))
        let clock = TestClock()
        let client = try Self.client(transport, clock: clock)
        _ = try await client.send(NonIdempotentRequest())
        #expect(await transport.requests.count == 2)
        #expect(clock.sleeps.count == 1)
        if failure.answer.response?.headers["Retry-After"] != nil {
            #expect(clock.sleeps == [.seconds(3)])
        }
    }

    @Test("after refusals were retried, an ambiguous failure still ends the request with outcomeUnknown")
    func refusalThenAmbiguous() async throws {
        let transport = RecordingTransport()
        await transport.on(
            Self.counter, reply: .response(.tooManyRequests(retryAfter: 2)),
            .failure(TransportError(.cannotConnect, "refused")), .response(.empty(500)), .response(.empty(201)))
        let clock = TestClock()
        let client = try Self.client(transport, clock: clock)
        let error = await #expect(throws: PushError.self) { try await client.send(NonIdempotentRequest()) }
        #expect(error?.code == .outcomeUnknown)
        #expect(error?.attempts == 3)
        #expect(error?.statusCode == 500)
        #expect(await transport.requests.count == 3)
        #expect(
            error?.description.hasPrefix("incrementCounter failed (outcomeUnknown, HTTP 500) after 3 attempts") == true)
    }

    @Test("a permanent error of a request that is not idempotent keeps its own code")
    func permanentErrorUnchanged() async throws {
        let transport = RecordingTransport()
        await transport.on(
            Self.counter, reply: .response(.coveoError(status: 400, errorCode: "INVALID", message: "no")))
        let client = try Self.client(transport, clock: TestClock())
        let error = await #expect(throws: PushError.self) { try await client.send(NonIdempotentRequest()) }
        #expect(error?.code == .requestRejected)
        #expect(await transport.requests.count == 1)
    }
}

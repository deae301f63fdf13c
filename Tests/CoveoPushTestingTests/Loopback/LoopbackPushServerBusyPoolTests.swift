import CoveoPushTestSupport
import Foundation
import Testing

@testable import CoveoPushEmulator
@testable import CoveoPushTesting

/// Tasks that keep threads of Swift's shared pool busy with synchronous work until stopped or a deadline.
private final class PoolHogs: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    private var started = 0
    private var finished = 0

    var startedCount: Int { lock.withLock { started } }
    var finishedCount: Int { lock.withLock { finished } }

    func stop() { lock.withLock { stopped = true } }

    /// Spins (without suspending) until ``stop()`` or `limit` has passed.
    func spin(upTo limit: Duration) {
        lock.withLock { started += 1 }
        let deadline = ContinuousClock.now + limit
        while !lock.withLock({ stopped }) && ContinuousClock.now < deadline {}
        lock.withLock { finished += 1 }
    }
}

@Suite("LoopbackPushServer with a busy concurrency pool", .timeLimit(.minutes(1)))
struct LoopbackPushServerBusyPoolTests {
    /// Executable and loopback tests run their server in the test process beside CPU-bound suites; the handler
    /// (and the actor it calls) must not wait for Swift's shared pool, or their clients time out.
    @Test("a request is answered while every thread of the shared pool is blocked")
    func answersWhilePoolIsBlocked() async throws {
        let echo = EchoTransport()
        let server = try LoopbackPushServer(handler: echo)
        let port = server.port
        let hogs = PoolHogs()
        let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
        for _ in 0..<width {
            Task.detached { hogs.spin(upTo: .seconds(20)) }
        }
        // This test's own thread is one of the pool's; block it too once the other threads are taken.
        let waitLimit = ContinuousClock.now + .seconds(10)
        while hogs.startedCount < width - 1 && ContinuousClock.now < waitLimit { usleep(1_000) }
        let client = try RawHTTPClient(port: port)
        let response = try client.request("GET", "/busy-pool")
        let finishedWhenAnswered = hogs.finishedCount
        hogs.stop()
        client.shutdown()
        #expect(response.statusCode == 200)
        #expect(finishedWhenAnswered == 0, "the answer waited for the pool to free a thread")
        #expect(await echo.log.entries.count == 1)
        await server.shutdown()
    }
}

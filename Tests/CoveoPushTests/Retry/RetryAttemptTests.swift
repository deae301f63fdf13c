import CoveoPushTesting
import Testing

@testable import CoveoPush

@Suite("RetryAttempt")
struct RetryAttemptTests {
    @Test("another attempt fits while attempts are left")
    func attempts() throws {
        var attempt = RetryAttempt(policy: try RetryPolicy(maxAttempts: 3), clock: TestClock())
        attempt.begin()
        #expect(attempt.number == 1 && attempt.lastFailure == nil)
        #expect(attempt.allowsRetry(after: .seconds(1)))
        attempt.retry(after: "HTTP 503")
        attempt.begin()
        #expect(attempt.number == 2 && attempt.lastFailure == "HTTP 503")
        #expect(attempt.allowsRetry(after: .seconds(1)))
        attempt.begin()
        #expect(!attempt.allowsRetry(after: .zero))
    }

    @Test("another attempt fits only if its delay ends within the deadline, measured on the injected clock")
    func deadline() throws {
        let clock = TestClock()
        var attempt = RetryAttempt(policy: try RetryPolicy(maxAttempts: 10, deadline: .seconds(30)), clock: clock)
        attempt.begin()
        #expect(attempt.allowsRetry(after: .seconds(30)))
        #expect(!attempt.allowsRetry(after: .seconds(31)))
        clock.advance(by: .seconds(25))
        #expect(attempt.allowsRetry(after: .seconds(5)))
        #expect(!attempt.allowsRetry(after: .seconds(6)))
    }

    @Test("the token is refreshed once: the next attempt asks for a new one, later ones do not")
    func tokenRefresh() throws {
        var attempt = RetryAttempt(policy: .default, clock: TestClock())
        attempt.begin()
        #expect(!attempt.needsNewToken && !attempt.refreshedToken)
        let first = attempt.refreshToken()
        #expect(first)
        #expect(attempt.needsNewToken && attempt.refreshedToken)
        attempt.begin()
        attempt.tokenObtained()
        #expect(!attempt.needsNewToken)
        let second = attempt.refreshToken()
        #expect(!second)
        #expect(!attempt.needsNewToken)
    }
}

/// Deterministic fault injection for the in-memory Push service: throttling, transient 5xx failures before or after
/// the work is applied, expired upload URLs, and added latency.
///
/// Every per-request decision is a pure function of the seed, the route, the request's key (its document ID or
/// file ID, see ``InMemoryPushService``) and the attempt number for that route and key: two runs with the same
/// seed give the same outcome for the same (route, key, attempt), however many requests run concurrently.
/// ``decision(route:key:attempt:)`` exposes that function so tests can predict outcomes.
///
/// Throttling is the exception: it depends on how many requests arrive within one second of the injected clock.
///
/// ```swift
/// var faults = FaultPlan(seed: 42)
/// faults.failureBeforeRate = 0.2      // 20% of requests fail with 503/504 and change nothing
/// faults.failureAfterRate = 0.1       // 10% apply the work, then fail anyway
/// faults.requestsPerSecond = 50       // beyond 50 requests in a second: 429 with Retry-After
/// faults.routes = [.pushDocumentBatch, .uploadToFileContainer]
/// let service = InMemoryPushService(configuration: .init(faults: faults), clock: testClock)
/// ```
public struct FaultPlan: Sendable, Hashable {
    /// The seed of every per-request decision.
    public var seed: UInt64
    /// The routes faults apply to (all of them by default). Requests to other routes are never faulted.
    public var routes: Set<EmulatedRoute>
    /// The most requests accepted per second of the injected clock, over all faulted Push API routes together;
    /// beyond it the service answers 429 `TOO_MANY_REQUESTS` with `Retry-After` (whole seconds until the next
    /// one-second window). `nil` disables throttling. Uploads are never throttled (S3 is not the Push API).
    public var requestsPerSecond: Int?
    /// The share of requests (0…1) answered with a transient failure before anything is applied.
    public var failureBeforeRate: Double
    /// The share of requests (0…1) whose work is applied and that are then answered with a transient failure,
    /// as when a gateway times out while the service carries on.
    public var failureAfterRate: Double
    /// The status codes of transient failures, one picked per decision (503 and 504 by default).
    public var failureStatusCodes: [Int]
    /// The share of uploads (0…1) refused with 403 as if their URL had expired.
    public var expiredUploadRate: Double
    /// Time added to every answer of a faulted route, slept on the injected clock.
    public var latency: Duration

    /// Creates a plan; by default it injects nothing.
    public init(
        seed: UInt64 = 0, routes: Set<EmulatedRoute> = Set(EmulatedRoute.allCases), requestsPerSecond: Int? = nil,
        failureBeforeRate: Double = 0, failureAfterRate: Double = 0, failureStatusCodes: [Int] = [503, 504],
        expiredUploadRate: Double = 0, latency: Duration = .zero
    ) {
        self.seed = seed
        self.routes = routes
        self.requestsPerSecond = requestsPerSecond
        self.failureBeforeRate = failureBeforeRate
        self.failureAfterRate = failureAfterRate
        self.failureStatusCodes = failureStatusCodes
        self.expiredUploadRate = expiredUploadRate
        self.latency = latency
    }

    /// A plan that injects nothing.
    public static let none = FaultPlan()

    /// Whether any per-request decision can be a fault (so attempts need counting).
    var decidesPerRequest: Bool {
        failureBeforeRate > 0 || failureAfterRate > 0 || expiredUploadRate > 0
    }

    /// What happens to the attempt-th request (1-based) to `route` with `key`: a pure function of the plan's seed
    /// and rates and of its arguments.
    ///
    /// - Parameters:
    ///   - route: The route of the request.
    ///   - key: The request's key (document ID, file ID, …; see ``InMemoryPushService``).
    ///   - attempt: 1 for the first request with this route and key, 2 for the next, and so on.
    /// - Returns: the fault to inject, or ``FaultDecision/none``. Always `.none` for routes not in ``routes``.
    public func decision(route: EmulatedRoute, key: String, attempt: Int) -> FaultDecision {
        guard routes.contains(route) else { return .none }
        let base = FaultHash.combine(seed, route: route.rawValue, key: key, attempt: attempt)
        let expiryDraw = FaultHash.unit(FaultHash.mix(base ^ 0x5EED_0001))
        if route == .uploadToFileContainer, expiredUploadRate > 0, expiryDraw < expiredUploadRate {
            return .expiredUpload
        }
        let draw = FaultHash.unit(FaultHash.mix(base ^ 0x5EED_0002))
        let before = max(0, failureBeforeRate)
        let after = max(0, failureAfterRate)
        guard draw < before + after, !failureStatusCodes.isEmpty else { return .none }
        let pick = Int(FaultHash.mix(base ^ 0x5EED_0003) % UInt64(failureStatusCodes.count))
        let status = failureStatusCodes[pick]
        return draw < before ? .failBefore(statusCode: status) : .failAfter(statusCode: status)
    }
}

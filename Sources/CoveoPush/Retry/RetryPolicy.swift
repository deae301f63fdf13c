import Foundation

/// How often, and how patiently, the client retries a request that failed in a transient way.
///
/// Before attempt *n* (n ≥ 2) the client waits a random delay drawn uniformly from
/// `[0, min(maximumDelay, initialDelay × multiplier^(n−2))]` ("full jitter"), unless the service named a
/// delay with `Retry-After`. It makes at most ``maxAttempts`` attempts in total and, when a ``deadline``
/// is set, gives up once the next wait would end past that budget.
///
/// ```swift
/// let patient = try RetryPolicy(initialDelay: .seconds(5), maxAttempts: 10, deadline: .seconds(900))
/// ```
public struct RetryPolicy: Sendable, Hashable {
    /// The longest delay any value of this type accepts for ``initialDelay`` and ``maximumDelay``: one day.
    public static let longestDelay: Duration = .seconds(86_400)

    /// The upper bound of the wait before the second attempt.
    public let initialDelay: Duration
    /// The factor by which the upper bound grows after each further attempt (at least 1).
    public let multiplier: Double
    /// The cap of the upper bound, however many attempts were made.
    public let maximumDelay: Duration
    /// The total number of attempts, the first one included (at least 1).
    public let maxAttempts: Int
    /// The overall time budget of one operation, attempts and waits included, or `nil` for no budget.
    public let deadline: Duration?

    /// Creates a policy, checking that its values make sense.
    ///
    /// - Parameters:
    ///   - initialDelay: The upper bound of the first wait; zero or more, at most ``longestDelay``.
    ///   - multiplier: How fast the bound grows; finite and at least 1.
    ///   - maximumDelay: The cap of the bound; at least `initialDelay`, at most ``longestDelay``.
    ///   - maxAttempts: The total number of attempts; at least 1.
    ///   - deadline: The overall budget; positive when set.
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/outOfRange`` naming the faulty field.
    public init(
        initialDelay: Duration = .seconds(1),
        multiplier: Double = 2,
        maximumDelay: Duration = .seconds(60),
        maxAttempts: Int = 10,
        deadline: Duration? = nil
    ) throws {
        func fail(_ field: String, _ message: String) -> ValidationError {
            ValidationError(.outOfRange, .configuration("RetryPolicy.\(field)"), message)
        }
        guard initialDelay >= .zero, initialDelay <= Self.longestDelay else {
            throw fail("initialDelay", "must be between zero and one day, got \(initialDelay)")
        }
        guard multiplier.isFinite, multiplier >= 1 else {
            throw fail("multiplier", "must be a finite number of at least 1, got \(multiplier)")
        }
        guard maximumDelay >= initialDelay, maximumDelay <= Self.longestDelay else {
            throw fail("maximumDelay", "must be between initialDelay and one day, got \(maximumDelay)")
        }
        guard maxAttempts >= 1 else {
            throw fail("maxAttempts", "must be at least 1, got \(maxAttempts)")
        }
        if let deadline, deadline <= .zero {
            throw fail("deadline", "must be positive when set, got \(deadline)")
        }
        self.init(
            checkedInitialDelay: initialDelay,
            multiplier: multiplier,
            maximumDelay: maximumDelay,
            maxAttempts: maxAttempts,
            deadline: deadline
        )
    }

    /// Stores values already known to be valid.
    private init(
        checkedInitialDelay initialDelay: Duration,
        multiplier: Double,
        maximumDelay: Duration,
        maxAttempts: Int,
        deadline: Duration?
    ) {
        self.initialDelay = initialDelay
        self.multiplier = multiplier
        self.maximumDelay = maximumDelay
        self.maxAttempts = maxAttempts
        self.deadline = deadline
    }

    /// Up to 10 attempts, waits bounded by 1 s, 2 s, 4 s, … capped at 60 s, no overall budget.
    public static let `default` = RetryPolicy(
        checkedInitialDelay: .seconds(1),
        multiplier: 2,
        maximumDelay: .seconds(60),
        maxAttempts: 10,
        deadline: nil
    )

    /// One attempt and no retry.
    public static let none = RetryPolicy(
        checkedInitialDelay: .zero,
        multiplier: 1,
        maximumDelay: .zero,
        maxAttempts: 1,
        deadline: nil
    )

    /// The upper bound of the wait before an attempt, before jitter: zero for the first attempt, then
    /// `min(maximumDelay, initialDelay × multiplier^(attempt−2))`.
    ///
    /// Computed in whole nanoseconds, so sub-second values are kept, and saturated at ``maximumDelay``, so
    /// huge attempt numbers cannot overflow.
    package func delayBound(beforeAttempt attempt: Int) -> Duration {
        .nanoseconds(boundNanoseconds(beforeAttempt: attempt))
    }

    /// A random wait before an attempt, uniform in `[0, delayBound(beforeAttempt: attempt)]` ("full jitter").
    ///
    /// - Parameters:
    ///   - attempt: The number of the attempt about to be made; 1 is the first attempt, which never waits.
    ///   - random: The source of randomness; pass a ``SeededRandomNumberGenerator`` for reproducible waits.
    /// - Returns: The wait, with nanosecond resolution.
    package func backoff(beforeAttempt attempt: Int, using random: inout some RandomNumberGenerator) -> Duration {
        let bound = boundNanoseconds(beforeAttempt: attempt)
        guard bound > 0 else { return .zero }
        // Map 64 random bits onto [0, bound] by taking the high word of the product: deterministic for a
        // seeded generator (independent of the standard library's own algorithm) and unbiased to 2⁻⁶⁴.
        let (span, spanOverflow) = bound.addingReportingOverflow(1)
        let draw = random.next()
        let value = spanOverflow ? draw : draw.multipliedFullWidth(by: span).high
        return .nanoseconds(value)
    }

    private func boundNanoseconds(beforeAttempt attempt: Int) -> UInt64 {
        guard attempt >= 2 else { return 0 }
        let initial = initialDelay.clampedNanoseconds
        let maximum = maximumDelay.clampedNanoseconds
        guard initial > 0 else { return 0 }
        let growth = pow(multiplier, Double(attempt - 2))
        let scaled = Double(initial) * growth
        guard scaled.isFinite, scaled < Double(maximum) else { return maximum }
        return Swift.min(maximum, UInt64(scaled.rounded(.down)))
    }
}

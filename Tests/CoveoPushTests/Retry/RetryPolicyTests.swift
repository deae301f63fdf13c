import Testing

@testable import CoveoPush

@Suite("RetryPolicy")
struct RetryPolicyTests {
    @Test("the seeded generator follows the SplitMix64 reference sequence")
    func splitMixReference() {
        var random = SeededRandomNumberGenerator(seed: 1_234_567)
        let values = (0..<5).map { _ in random.next() }
        #expect(
            values == [
                6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
                4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
            ]
        )
    }

    @Test("the same seed gives the same sequence, another seed a different one")
    func seedDeterminism() {
        var first = SeededRandomNumberGenerator(seed: 99)
        var second = SeededRandomNumberGenerator(seed: 99)
        var other = SeededRandomNumberGenerator(seed: 100)
        let a = (0..<8).map { _ in first.next() }
        let b = (0..<8).map { _ in second.next() }
        let c = (0..<8).map { _ in other.next() }
        #expect(a == b)
        #expect(a != c)
    }

    @Test("the default policy gives an exact, reproducible schedule for a seeded generator")
    func defaultSchedule() {
        var random = SeededRandomNumberGenerator(seed: 42)
        let policy = RetryPolicy.default
        let waits = (1...12).map { policy.backoff(beforeAttempt: $0, using: &random) }
        let expectedNanoseconds: [Int64] = [
            0, 741_564_879, 319_820_785, 1_114_404_521, 2_753_525_732, 608_482_696,
            27_783_298_450, 13_104_311_622, 48_037_912_603, 20_395_862_335, 37_108_923_981, 12_294_109_908,
        ]
        #expect(waits == expectedNanoseconds.map { .nanoseconds($0) })
        let bounds = (1...12).map { policy.delayBound(beforeAttempt: $0) }
        #expect(
            bounds == [0, 1, 2, 4, 8, 16, 32, 60, 60, 60, 60, 60].map { Duration.seconds($0) }
        )
        for (wait, bound) in zip(waits, bounds) {
            #expect(wait >= .zero && wait <= bound)
        }
    }

    @Test("a generator held as an existential can be passed, as a client actor would")
    func existentialGenerator() {
        var seeded: any RandomNumberGenerator = SeededRandomNumberGenerator(seed: 42)
        #expect(RetryPolicy.default.backoff(beforeAttempt: 2, using: &seeded) == .nanoseconds(741_564_879))
        var system: any RandomNumberGenerator = SystemRandomNumberGenerator()
        let wait = RetryPolicy.default.backoff(beforeAttempt: 4, using: &system)
        #expect(wait >= .zero && wait <= .seconds(4))
    }

    @Test("sub-second delays and fractional multipliers keep nanosecond precision")
    func subSecond() throws {
        let policy = try RetryPolicy(
            initialDelay: .milliseconds(250), multiplier: 1.5, maximumDelay: .seconds(3), maxAttempts: 8)
        #expect(policy.delayBound(beforeAttempt: 2) == .milliseconds(250))
        #expect(policy.delayBound(beforeAttempt: 3) == .milliseconds(375))
        #expect(policy.delayBound(beforeAttempt: 6) == .nanoseconds(1_265_625_000))
        #expect(policy.delayBound(beforeAttempt: 8) == .nanoseconds(2_847_656_250))
        #expect(policy.delayBound(beforeAttempt: 9) == .seconds(3))
        var random = SeededRandomNumberGenerator(seed: 7)
        let waits = (2...7).map { policy.backoff(beforeAttempt: $0, using: &random) }
        let expected: [Int64] = [97_457_437, 6_295_610, 506_677_883, 491_847_435, 572_621_773, 473_530_155]
        #expect(waits == expected.map { .nanoseconds($0) })
        #expect(waits.allSatisfy { $0 > .zero })
    }

    @Test("a one-millisecond bound never truncates to zero")
    func tinyDelays() throws {
        let policy = try RetryPolicy(initialDelay: .milliseconds(1), multiplier: 1, maximumDelay: .milliseconds(1))
        var random = SeededRandomNumberGenerator(seed: 3)
        let waits = (0..<200).map { _ in policy.backoff(beforeAttempt: 2, using: &random) }
        #expect(waits.allSatisfy { $0 >= .zero && $0 <= .milliseconds(1) })
        #expect(waits.filter { $0 > .zero }.count > 190)
    }

    @Test("huge attempt numbers stay at the cap without overflowing", arguments: [40, 64, 1_000, 1 << 40, Int.max])
    func hugeAttempts(attempt: Int) {
        var random = SeededRandomNumberGenerator(seed: 1)
        let policy = RetryPolicy.default
        #expect(policy.delayBound(beforeAttempt: attempt) == .seconds(60))
        let wait = policy.backoff(beforeAttempt: attempt, using: &random)
        #expect(wait >= .zero && wait <= .seconds(60))
    }

    @Test("the first attempt and attempts below it never wait", arguments: [Int.min, -1, 0, 1])
    func noWaitBeforeFirst(attempt: Int) {
        var random = SeededRandomNumberGenerator(seed: 1)
        #expect(RetryPolicy.default.backoff(beforeAttempt: attempt, using: &random) == .zero)
    }

    @Test("the defaults and the presets")
    func presets() throws {
        let made = try RetryPolicy()
        #expect(made == RetryPolicy.default)
        #expect(made.initialDelay == .seconds(1))
        #expect(made.multiplier == 2)
        #expect(made.maximumDelay == .seconds(60))
        #expect(made.maxAttempts == 10)
        #expect(made.deadline == nil)
        #expect(RetryPolicy.none.maxAttempts == 1)
        var random = SeededRandomNumberGenerator(seed: 1)
        #expect(RetryPolicy.none.backoff(beforeAttempt: 2, using: &random) == .zero)
    }

    @Test("a zero initial delay means immediate retries")
    func zeroDelay() throws {
        let policy = try RetryPolicy(initialDelay: .zero, maximumDelay: .zero, maxAttempts: 3)
        var random = SeededRandomNumberGenerator(seed: 5)
        #expect(policy.backoff(beforeAttempt: 3, using: &random) == .zero)
    }

    struct BadPolicy: Sendable, CustomStringConvertible {
        let field: String
        let make: @Sendable () throws -> RetryPolicy
        var description: String { field }
    }

    @Test(
        "nonsense values are refused with outOfRange naming the field",
        arguments: [
            BadPolicy(field: "initialDelay") { try RetryPolicy(initialDelay: .seconds(-1)) },
            BadPolicy(field: "initialDelay") { try RetryPolicy(initialDelay: .seconds(90_000)) },
            BadPolicy(field: "multiplier") { try RetryPolicy(multiplier: 0.5) },
            BadPolicy(field: "multiplier") { try RetryPolicy(multiplier: .nan) },
            BadPolicy(field: "multiplier") { try RetryPolicy(multiplier: .infinity) },
            BadPolicy(field: "maximumDelay") { try RetryPolicy(initialDelay: .seconds(5), maximumDelay: .seconds(2)) },
            BadPolicy(field: "maximumDelay") { try RetryPolicy(maximumDelay: .seconds(86_401)) },
            BadPolicy(field: "maxAttempts") { try RetryPolicy(maxAttempts: 0) },
            BadPolicy(field: "maxAttempts") { try RetryPolicy(maxAttempts: -3) },
            BadPolicy(field: "deadline") { try RetryPolicy(deadline: .zero) },
            BadPolicy(field: "deadline") { try RetryPolicy(deadline: .seconds(-5)) },
        ]
    )
    func validation(bad: BadPolicy) {
        let error = #expect(throws: ValidationError.self) { try bad.make() }
        #expect(error?.rule == .outOfRange)
        #expect(error?.subject == .configuration("RetryPolicy.\(bad.field)"))
    }
}

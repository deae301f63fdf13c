import CoveoPushTesting
import Foundation
import Testing

@Suite("InMemoryPushService: fault injection")
struct EmulatorFaultTests {
    static let plan = FaultPlan(seed: 99, failureBeforeRate: 0.2, failureAfterRate: 0.2)

    /// The status a request gets under a decision when it is otherwise valid.
    static func expectedStatus(_ decision: FaultDecision, success: Int) -> Int {
        switch decision {
        case .none: return success
        case .failBefore(let status), .failAfter(let status): return status
        case .expiredUpload: return 403
        }
    }

    @Test("decisions are a pure function of seed, route, key and attempt, spread as the rates say")
    func decisionFunction() {
        let plan = FaultPlan(seed: 1, failureBeforeRate: 0.3, failureAfterRate: 0.1, expiredUploadRate: 0.5)
        var before = 0
        var after = 0
        var expired = 0
        for index in 0..<10_000 {
            let key = "file://\(index)"
            let decision = plan.decision(route: .addOrUpdateDocument, key: key, attempt: 1)
            #expect(decision == plan.decision(route: .addOrUpdateDocument, key: key, attempt: 1))
            if case .failBefore(let status) = decision {
                before += 1
                #expect(status == 503 || status == 504)
            }
            if case .failAfter = decision { after += 1 }
            if plan.decision(route: .uploadToFileContainer, key: key, attempt: 1) == .expiredUpload { expired += 1 }
        }
        #expect((2_700...3_300).contains(before))
        #expect((800...1_200).contains(after))
        #expect((4_700...5_300).contains(expired))
        var other = plan
        other.seed = 2
        let differing = (0..<100).filter {
            plan.decision(route: .deleteDocument, key: "k\($0)", attempt: 1)
                != other.decision(route: .deleteDocument, key: "k\($0)", attempt: 1)
        }
        #expect(!differing.isEmpty)
        var limited = plan
        limited.routes = [.deleteDocument]
        #expect(
            (0..<100).allSatisfy { limited.decision(route: .addOrUpdateDocument, key: "k\($0)", attempt: 1) == .none })
        #expect(FaultPlan.none.decision(route: .deleteDocument, key: "k", attempt: 1) == .none)
    }

    /// Sends 200 requests (two per document ID), `width` at a time, and returns the statuses by document ID.
    static func run(width: Int) async throws -> (statuses: [String: [Int]], ids: [String], counts: FaultCounts) {
        let harness = EmulatorHarness { $0.faults = plan }
        let keys = (0..<200).map { "file://doc-\($0 % 100)" }
        var statuses: [String: [Int]] = [:]
        try await withThrowingTaskGroup(of: (String, Int).self) { group in
            var next = 0
            func add() {
                let key = keys[next]
                next += 1
                group.addTask { (key, try await harness.putItem(key, #"{"data": "x"}"#).statusCode) }
            }
            while next < min(width, keys.count) { add() }
            for try await (key, status) in group {
                statuses[key, default: []].append(status)
                if next < keys.count { add() }
            }
        }
        return (statuses, await harness.documentIds(), await harness.service.faultCounts)
    }

    @Test("the same 200 requests sent one at a time or 16 at a time get the same outcome per key and attempt")
    func determinismUnderConcurrency() async throws {
        let sequential = try await Self.run(width: 1)
        let concurrent = try await Self.run(width: 16)
        for (key, statuses) in sequential.statuses {
            let predicted = (1...2).map {
                Self.expectedStatus(
                    Self.plan.decision(route: .addOrUpdateDocument, key: key, attempt: $0), success: 202)
            }
            #expect(statuses == predicted, "sequential \(key)")
            #expect(concurrent.statuses[key]?.sorted() == predicted.sorted(), "concurrent \(key)")
        }
        #expect(sequential.ids == concurrent.ids)
        #expect(sequential.counts == concurrent.counts)
        #expect(sequential.counts.failedBefore > 0)
        #expect(sequential.counts.failedAfter > 0)
        let neverApplied = sequential.statuses.keys.filter { key in
            (1...2).allSatisfy {
                if case .failBefore = Self.plan.decision(route: .addOrUpdateDocument, key: key, attempt: $0) {
                    return true
                }
                return false
            }
        }
        #expect(Set(sequential.ids) == Set(sequential.statuses.keys).subtracting(neverApplied))
    }

    /// The first key whose first attempt gets `wanted`.
    static func key(for plan: FaultPlan, route: EmulatedRoute, _ wanted: (FaultDecision) -> Bool) throws -> String {
        try #require(
            (0..<1_000).map { "file://k\($0)" }.first { wanted(plan.decision(route: route, key: $0, attempt: 1)) })
    }

    @Test("a failure before the work changes nothing; a failure after it keeps the work")
    func beforeAndAfter() async throws {
        let harness = EmulatorHarness { $0.faults = Self.plan }
        let beforeKey = try Self.key(for: Self.plan, route: .addOrUpdateDocument) {
            if case .failBefore = $0 { return true } else { return false }
        }
        let afterKey = try Self.key(for: Self.plan, route: .addOrUpdateDocument) {
            if case .failAfter = $0 { return true } else { return false }
        }
        let before = try await harness.putItem(beforeKey, #"{"data": "x"}"#)
        let after = try await harness.putItem(afterKey, #"{"data": "x"}"#)
        #expect([503, 504].contains(before.statusCode))
        #expect([503, 504].contains(after.statusCode))
        #expect(await harness.documentIds() == [afterKey])
        let counts = await harness.service.faultCounts
        #expect(counts.failedBefore == 1)
        #expect(counts.failedAfter == 1)
        #expect(counts.total == 2)
        #expect(await harness.service.requestLog.map(\.fault) == [.failedBefore, .failedAfter])
    }

    @Test("failure statuses can be chosen; 504 has the gateway's body without an errorCode")
    func failureStatuses() async throws {
        let harness = EmulatorHarness {
            $0.faults = FaultPlan(failureBeforeRate: 1, failureStatusCodes: [500])
        }
        let response = try await harness.send(.post, "/sources/src/status?statusType=IDLE")
        #expect(response.statusCode == 500)
        #expect(response.emulatorErrorCode == "INTERNAL_SERVER_ERROR")
        let gateway = EmulatorHarness { $0.faults = FaultPlan(failureBeforeRate: 1, failureStatusCodes: [504]) }
        let timedOut = try await gateway.send(.post, "/sources/src/status?statusType=IDLE")
        #expect(timedOut.statusCode == 504)
        #expect(timedOut.emulatorErrorCode == nil)
        #expect(String(decoding: timedOut.body, as: UTF8.self).contains("timed out"))
    }

    @Test("beyond the request rate the service answers 429 with Retry-After until the next second of the clock")
    func throttling() async throws {
        let harness = EmulatorHarness { $0.faults = FaultPlan(requestsPerSecond: 3) }
        harness.clock.advance(by: .milliseconds(250))
        var statuses: [Int] = []
        var retryAfter: [String?] = []
        for index in 0..<5 {
            let response = try await harness.putItem("file://\(index)", "{}")
            statuses.append(response.statusCode)
            retryAfter.append(response.headers["Retry-After"])
            if response.statusCode == 429 { #expect(response.emulatorErrorCode == "TOO_MANY_REQUESTS") }
        }
        #expect(statuses == [202, 202, 202, 429, 429])
        #expect(retryAfter == [nil, nil, nil, "1", "1"])
        harness.clock.advance(by: .milliseconds(1_000))
        #expect(try await harness.putItem("file://3", "{}").statusCode == 202)
        let container = try await harness.createContainer()
        #expect(try await harness.upload(Data("{}".utf8), to: container).statusCode == 200)
        #expect(await harness.documentIds() == ["file://0", "file://1", "file://2", "file://3"])
        #expect(await harness.service.faultCounts.throttled == 2)
        #expect(await harness.service.requestLog.filter { $0.fault == .throttled }.count == 2)
    }

    @Test("Retry-After rounds the rest of the window up to whole seconds")
    func retryAfterRounding() async throws {
        let harness = EmulatorHarness { $0.faults = FaultPlan(requestsPerSecond: 0) }
        harness.clock.advance(by: .milliseconds(999))
        let response = try await harness.putItem("file://a", "{}")
        #expect(response.statusCode == 429)
        #expect(response.headers["Retry-After"] == "1")
    }

    @Test("throttled requests do not use up attempts: outcomes per attempt stay the same")
    func throttledRequestsAreNotAttempts() async throws {
        var plan = Self.plan
        plan.requestsPerSecond = 1
        let harness = EmulatorHarness { $0.faults = plan }
        let key = "file://doc-7"
        var statuses: [Int] = []
        for _ in 0..<2 {
            #expect(try await harness.putItem("file://other", "{}").statusCode != 429)
            #expect(try await harness.putItem(key, "{}").statusCode == 429)
            harness.clock.advance(by: .seconds(1))
            statuses.append(try await harness.putItem(key, "{}").statusCode)
            harness.clock.advance(by: .seconds(1))
        }
        let predicted = (1...2).map {
            Self.expectedStatus(plan.decision(route: .addOrUpdateDocument, key: key, attempt: $0), success: 202)
        }
        #expect(statuses == predicted)
    }

    @Test("expired upload URLs are injected at the given rate, per file and attempt")
    func expiredUploads() async throws {
        let plan = FaultPlan(seed: 5, expiredUploadRate: 0.5)
        let harness = EmulatorHarness { $0.faults = plan }
        var sawExpired = false
        var sawStored = false
        var expiredCount = 0
        for _ in 0..<20 {
            let container = try await harness.createContainer()
            let response = try await harness.upload(Data("{}".utf8), to: container)
            let expired =
                plan.decision(route: .uploadToFileContainer, key: container.fileId, attempt: 1) == .expiredUpload
            #expect(response.statusCode == (expired ? 403 : 200))
            if expired {
                sawExpired = true
                expiredCount += 1
                #expect(response.emulatorErrorCode == "AccessDenied")
            } else {
                sawStored = true
            }
        }
        #expect(sawExpired && sawStored)
        #expect(await harness.service.faultCounts.expiredUploads == expiredCount)
        #expect(await harness.service.counters.uploads == 20 - expiredCount)
    }

    @Test("latency is slept on the injected clock, only on the routes faults apply to")
    func latency() async throws {
        let harness = EmulatorHarness {
            $0.faults = FaultPlan(routes: [.setSourceStatus], latency: .milliseconds(1_500))
        }
        try await harness.send(.post, "/sources/src/status?statusType=IDLE")
        try await harness.putItem("file://a", "{}")
        #expect(harness.clock.sleeps == [.milliseconds(1_500)])
        #expect(await harness.service.faultCounts.delayed == 1)
    }

    @Test("faults apply only to enabled routes; a failed batch push leaves its container unconsumed")
    func perRoute() async throws {
        let harness = EmulatorHarness {
            $0.faults = FaultPlan(routes: [.pushDocumentBatch], failureBeforeRate: 1)
        }
        #expect(try await harness.putItem("file://single", "{}").statusCode == 202)
        let response = try await harness.pushBatch(#"{"addOrUpdate": [{"documentId": "file://batched"}]}"#)
        #expect([503, 504].contains(response.statusCode))
        #expect(await harness.documentIds() == ["file://single"])
        #expect(await harness.service.openFileContainers.count == 1)
    }

    @Test("a failure after a batch push consumed the container: the retry finds it gone (404)")
    func failAfterBatch() async throws {
        let harness = EmulatorHarness {
            $0.faults = FaultPlan(routes: [.pushDocumentBatch], failureAfterRate: 1)
        }
        let container = try await harness.createContainer()
        try await harness.upload(Data(#"{"addOrUpdate": [{"documentId": "file://a"}]}"#.utf8), to: container)
        let first = try await harness.send(.put, "/sources/src/documents/batch?fileId=\(container.fileId)")
        #expect([503, 504].contains(first.statusCode))
        #expect(await harness.documentIds() == ["file://a"])
        let retry = try await harness.send(.put, "/sources/src/documents/batch?fileId=\(container.fileId)")
        #expect(retry.statusCode == 404)
        #expect(await harness.service.faultCounts.failedAfter == 1)
    }
}

import CoveoPush
import CoveoPushEmulator
import Foundation
import Testing

@testable import CoveoPushCLI

/// `push --verify` in-process against the built-in emulator (short indexing delays, downstream rejections) and a
/// loopback emulator over URLSessionTransport with Logs API faults; the summaries and exit statuses 0, 1, 2, 3.
@Suite("coveo-push push --verify")
struct InProcessVerifyTests {
    /// The repository's `Documentation/Examples`.
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Documentation/Examples").path

    /// A JSONL file of `count` documents `https://example.com/v/N`.
    static func documents(_ folder: InProcessFolder, _ count: Int) throws -> String {
        let lines = (0..<count).map {
            #"{"documentId": "https://example.com/v/\#($0)", "title": "V\#($0)", "data": "v"}"#
        }
        return try folder.write("docs.jsonl", lines.joined(separator: "\n") + "\n")
    }

    static func verification(_ run: InProcessRun) throws -> [String: Any] {
        let summary = try run.summaryJSON()
        return try #require(summary["verification"] as? [String: Any], "\(run.out)")
    }

    @Test("Documentation/Examples --verify on a fresh clone: every document indexed or deleted, exit 0")
    func examplesVerify() async throws {
        let run = await InProcessFixtures.run(["push", Self.examples, "--verify"], variables: [:])
        #expect(run.status == .success, "\(run.out)\n\(run.err)")
        let line = try #require(run.outLines.first { $0.hasPrefix("verification: ") }, "\(run.out)")
        #expect(line.hasPrefix("verification: indexed 14, deleted 1, warnings 0, rejected 0, pending 0; "), "\(line)")
    }

    @Test("downstream rejections after an indexing delay: listed, counted in --json, exit 1")
    func rejectionsJSON() async throws {
        let folder = try InProcessFolder()
        let file = try Self.documents(folder, 30)
        let rejected = try folder.write("rejected.txt", "https://example.com/v/3\n\nhttps://example.com/v/17\n")
        let started = ContinuousClock.now
        let run = await InProcessFixtures.run(
            ["push", file, "--verify", "--json", "--emulator-indexing-delay", "1", "--emulator-reject-ids", rejected],
            variables: [:])
        #expect(run.status == .partialFailure, "\(run.out)\n\(run.err)")
        #expect(ContinuousClock.now - started >= .seconds(1), "the indexing delay must be waited for")
        let summary = try run.summaryJSON()
        #expect(summary["accepted"] as? Int == 30)
        #expect(summary["exitStatus"] as? Int == 1)
        let verification = try Self.verification(run)
        #expect(verification["indexed"] as? Int == 28)
        #expect(verification["rejected"] as? Int == 2)
        #expect(verification["pending"] as? Int == 0)
        #expect(verification["deleted"] as? Int == 0)
        #expect(verification["warnings"] as? Int == 0)
        #expect((verification["logsRequests"] as? Int ?? 0) >= 2)
        let rejections = try #require(verification["rejections"] as? [[String: Any]])
        #expect(
            Set(rejections.compactMap { $0["documentId"] as? String })
                == ["https://example.com/v/3", "https://example.com/v/17"])
        #expect(rejections.allSatisfy { ($0["reason"] as? String)?.isEmpty == false })
    }

    @Test("the text summary lists each downstream rejection and the verification line")
    func rejectionsText() async throws {
        let folder = try InProcessFolder()
        let file = try Self.documents(folder, 5)
        let run = await InProcessFixtures.run(
            ["push", file, "--verify", "--emulator-reject-rate", "1", "--emulator-seed", "7"], variables: [:])
        #expect(run.status == .partialFailure, "\(run.out)\n\(run.err)")
        #expect(run.outLines.filter { $0.hasPrefix("rejected downstream: https://example.com/v/") }.count == 5)
        #expect(run.out.contains("verification: indexed 0, deleted 0, warnings 0, rejected 5, pending 0; "))
    }

    @Test("documents not indexed by --verify-timeout are pending: exit 1")
    func pendingAtDeadline() async throws {
        let folder = try InProcessFolder()
        let file = try Self.documents(folder, 4)
        let started = ContinuousClock.now
        let run = await InProcessFixtures.run(
            ["push", file, "--verify", "--json", "--verify-timeout", "1s", "--emulator-indexing-delay", "600"],
            variables: [:])
        #expect(run.status == .partialFailure, "\(run.out)\n\(run.err)")
        #expect(ContinuousClock.now - started < .seconds(300), "the timeout, not the indexing delay, ends the wait")
        let verification = try Self.verification(run)
        #expect(verification["pending"] as? Int == 4)
        #expect(verification["indexed"] as? Int == 0)
    }

    @Test("a cancelled verification still prints the summary, with what is pending, and the interruption status")
    func interruptedVerification() async throws {
        let folder = try InProcessFolder()
        let file = try Self.documents(folder, 3)
        let output = InProcessOutput()
        let environment = CommandEnvironment(console: output.console, variables: [:])
        let task = Task {
            await CoveoPushCommand(environment: environment).run(
                ["push", file, "--verify", "--json", "--progress", "--emulator-indexing-delay", "600"])
        }
        var waiting = false
        for _ in 0..<1_200 where !waiting {
            waiting = output.err.contains("verifying indexing")
            if !waiting { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(waiting, "the verification must start: \(output.err)")
        task.cancel()
        let run = InProcessRun(status: await task.value, out: output.out, err: output.err)
        #expect(run.status == .interrupted, "\(run.out)\n\(run.err)")
        let summary = try run.summaryJSON()
        #expect(summary["accepted"] as? Int == 3)
        let verification = try Self.verification(run)
        #expect(verification["pending"] as? Int == 3, "\(run.out)")
        #expect((summary["notes"] as? [String])?.contains { $0.hasPrefix("verification interrupted") } == true)
    }

    @Test("a key that cannot read the logs: exit 3 naming the privilege, before anything is pushed")
    func missingLogsPrivilege() async throws {
        let folder = try InProcessFolder()
        let file = try Self.documents(folder, 2)
        let run = await InProcessFixtures.run(
            ["push", file, "--verify", "--emulator-deny-privilege", "SOURCE:VIEW"], variables: [:])
        #expect(run.status == .authentication, "\(run.out)\n\(run.err)")
        #expect(run.err.contains("SOURCE:VIEW"), "\(run.err)")
        #expect(!run.out.contains("push: accepted"), "nothing is pushed: \(run.out)")
        var configuration = InMemoryPushService.Configuration()
        configuration.deniedPrivileges = [try #require(EmulatedPrivilege("SOURCE:VIEW"))]
        let service = InMemoryPushService(configuration: configuration)
        let targeted = await InProcessFixtures.run(
            ["push", "--verify"] + InProcessFixtures.target + [file], transport: service)
        #expect(targeted.status == .authentication, "\(targeted.err)")
        #expect(await service.items(sourceId: "s").isEmpty)
    }

    @Test(
        "usage errors exit 2 naming the option",
        arguments: [
            (["catalog", "update", "--verify"], "--verify is not supported here: verification reads"),
            (["identities", "--verify"], "available on 'coveo-push push' only"),
            (["push", "--verify", "--dry-run"], "--dry-run"),
            (["push", "--verify", "--verify-timeout", "15"], "--verify-timeout"),
            (["push", "--verify", "--verify-timeout", "0s"], "--verify-timeout"),
            (["push", "--verify", "--verify-timeout", "8d"], "--verify-timeout"),
            (["push", "--verify-timeout", "15m"], "--verify-timeout"),
            (["push", "--emulator-indexing-delay", "-1"], "--emulator-indexing-delay"),
            (["push", "--emulator-indexing-delay", "soon"], "--emulator-indexing-delay"),
            (["push", "--emulator-reject-rate", "1.5"], "--emulator-reject-rate"),
            (["push", "--emulator-seed", "-3"], "--emulator-seed"),
            (["push", "--emulator-reject-ids", "/nonexistent/ids.txt"], "--emulator-reject-ids"),
            (
                ["push", "--emulator-indexing-delay", "2", "--organization", "o", "--source", "s"],
                "--emulator-indexing-delay applies only to the built-in emulator"
            ),
            (["emulate", "--indexing-delay", "x"], "--indexing-delay"),
            (["emulate", "--reject-rate", "-0.1"], "--reject-rate"),
            (["emulate", "--seed", "abc"], "--seed"),
        ])
    func usageErrors(_ words: [String], _ named: String) async throws {
        let folder = try InProcessFolder()
        let file = try Self.documents(folder, 1)
        let arguments = words.first == "emulate" ? words : words + [file]
        let run = await InProcessFixtures.run(
            arguments,
            variables: ["COVEO_API_KEY": "k"].filter { _ in
                words.contains("--organization")
            })
        #expect(run.status == .usage, "\(words): \(run.out)\n\(run.err)")
        #expect(run.err.contains(named), "\(words): \(run.err)")
    }

    @Test("URLSessionTransport to a loopback emulator with 20% Logs API faults: every document classified")
    func loopbackWithLogsFaults() async throws {
        let indexing = InMemoryPushService.Indexing(delay: .seconds(3), rejectionRate: 0.2, seed: 11)
        var configuration = InMemoryPushService.Configuration()
        configuration.indexing = indexing
        configuration.faults = FaultPlan(seed: 2, routes: [.searchLogEntries], failureBeforeRate: 0.2)
        let (server, service) = try LoopbackPushServer.emulator(configuration: configuration)
        defer { Task { await server.shutdown() } }
        let folder = try InProcessFolder()
        let count = 200
        let file = try Self.documents(folder, count)
        let run = await InProcessFixtures.run(
            [
                "push", file, "--verify", "--json", "--base-url", server.baseURL.absoluteString + "/push/v1",
                "--organization", "o", "--source", "s", "--verify-timeout", "2m",
            ])
        let expected = Set(
            (0..<count).map { "https://example.com/v/\($0)" }.filter { indexing.rejection(of: $0) != nil })
        #expect(!expected.isEmpty)
        #expect(run.status == .partialFailure, "\(run.out)\n\(run.err)")
        let verification = try Self.verification(run)
        #expect(verification["pending"] as? Int == 0, "\(verification)")
        #expect(verification["rejected"] as? Int == expected.count)
        #expect(verification["indexed"] as? Int == count - expected.count)
        let rejections = try #require(verification["rejections"] as? [[String: Any]])
        #expect(Set(rejections.compactMap { $0["documentId"] as? String }) == expected)
        // The fault draw depends on each query's window, so how many of the few requests failed varies by run.
        let sent = await service.requestLog.filter { $0.route == .searchLogEntries }.count
        #expect(sent >= verification["logsRequests"] as? Int ?? 0)
    }

    @Test("a Logs API that always fails confirms nothing: every document pending, none indexed, exit 1")
    func loopbackLogsAlwaysFailing() async throws {
        var configuration = InMemoryPushService.Configuration()
        configuration.faults = FaultPlan(seed: 1, routes: [.searchLogEntries], failureBeforeRate: 1)
        let (server, service) = try LoopbackPushServer.emulator(configuration: configuration)
        defer { Task { await server.shutdown() } }
        let folder = try InProcessFolder()
        let file = try Self.documents(folder, 20)
        let run = await InProcessFixtures.run(
            [
                "push", file, "--verify", "--json", "--base-url", server.baseURL.absoluteString + "/push/v1",
                "--organization", "o", "--source", "s", "--verify-timeout", "3s", "--max-attempts", "2",
            ])
        #expect(run.status == .partialFailure, "\(run.out)\n\(run.err)")
        let verification = try Self.verification(run)
        #expect(verification["pending"] as? Int == 20, "\(verification)")
        #expect(verification["indexed"] as? Int == 0)
        #expect(verification["logsRequests"] as? Int == 0)
        #expect(await service.requestLog.contains { $0.route == .searchLogEntries })
    }
}

import CoveoPush
import CoveoPushTesting
import Foundation
import Testing

@testable import CoveoPushCLI

/// Forwards to an `InMemoryPushService`, except the requests `refuse` picks, which get its answer instead.
private struct RefusingTransport: Transport {
    let service: InMemoryPushService
    let refuse: @Sendable (TransportRequest) -> TransportResponse?

    func send(_ request: TransportRequest, body: RequestBody?) async throws -> TransportResponse {
        if let answer = refuse(request) { return answer }
        return try await service.send(request, body: body)
    }
}

/// Failures before and after the run itself (the source status, delete older than): the summary is always
/// printed, with what was pushed, and the exit status says what went wrong.
@Suite("push: failures around the run")
struct InProcessAroundFailureTests {
    static let arguments = ["push", "--json", "--max-attempts", "1"] + InProcessFixtures.target

    static func input(_ folder: InProcessFolder) throws -> String {
        try folder.write(
            "a.jsonl",
            [InProcessCommandTests.doc("a"), InProcessCommandTests.doc("b")].joined(separator: "\n") + "\n")
    }

    static func isStatus(_ request: TransportRequest, _ status: String) -> Bool {
        request.url.path.hasSuffix("/status") && request.url.query?.contains(status) == true
    }

    @Test("IDLE refused after a complete push: the counts stay, exit 4, the reason in the notes")
    func idleRefused() async throws {
        let folder = try InProcessFolder()
        let service = InMemoryPushService()
        let transport = RefusingTransport(service: service) {
            Self.isStatus($0, "IDLE") ? .coveoError(status: 503, errorCode: nil, message: "unavailable") : nil
        }
        let run = await InProcessFixtures.run(Self.arguments + [try Self.input(folder)], transport: transport)
        #expect(run.status == .serviceFailure, "\(run.out)\n\(run.err)")
        let summary = try run.summaryJSON()
        #expect(summary["accepted"] as? Int == 2, "what was pushed still counts")
        #expect(summary["exitStatus"] as? Int == 4)
        let notes = try #require(summary["notes"] as? [String])
        #expect(notes.contains { $0.hasPrefix("stopped: ") && $0.contains("503") }, "\(notes)")
        #expect(await service.items(sourceId: "s").count == 2)
    }

    @Test("delete-older-than failing after a complete push: the counts stay, exit 4, IDLE still set")
    func deleteOlderThanFails() async throws {
        let folder = try InProcessFolder()
        let service = InMemoryPushService()
        let transport = RefusingTransport(service: service) {
            $0.url.path.lowercased().contains("olderthan") ? .coveoError(status: 500, errorCode: nil) : nil
        }
        let run = await InProcessFixtures.run(
            Self.arguments + ["--delete-older-than", try Self.input(folder)], transport: transport)
        #expect(run.status == .serviceFailure, "\(run.out)\n\(run.err)")
        let summary = try run.summaryJSON()
        #expect(summary["accepted"] as? Int == 2)
        #expect(await service.statusHistory(sourceId: "s").map(\.status) == [.incremental, .idle])
    }

    @Test("a refused source status: nothing pushed, the summary still printed, exit 3, no IDLE after a 401")
    func statusRefused() async throws {
        let folder = try InProcessFolder()
        let service = InMemoryPushService()
        let transport = RefusingTransport(service: service) {
            Self.isStatus($0, "INCREMENTAL") ? .coveoError(status: 401, errorCode: "UNAUTHORIZED") : nil
        }
        let run = await InProcessFixtures.run(Self.arguments + [try Self.input(folder)], transport: transport)
        #expect(run.status == .authentication, "\(run.out)\n\(run.err)")
        #expect(run.outLines.count == 1, "one JSON summary: \(run.out)")
        let summary = try run.summaryJSON()
        #expect(summary["accepted"] as? Int == 0)
        #expect(summary["exitStatus"] as? Int == 3)
        #expect(run.err.contains("UNAUTHORIZED"), "the reason is also on standard error: \(run.err)")
        #expect(await service.requestLog.isEmpty, "nothing reached the service")
    }

    @Test("an interrupted run ends with the status the environment gives (143 for SIGTERM in the executable)")
    func interruptionStatus() async throws {
        let folder = try InProcessFolder()
        let input = try Self.input(folder)
        let output = InProcessOutput()
        let environment = CommandEnvironment(
            console: output.console, variables: InProcessFixtures.key, transport: InMemoryPushService(),
            interruption: { .terminated })
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await CoveoPushCommand(environment: environment).run(Self.arguments + [input])
        }
        let status = await task.value
        #expect(status == .terminated, "\(output.out)\n\(output.err)")
        let line = try #require(output.out.split(separator: "\n").last)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(summary["exitStatus"] as? Int == 143)
        #expect(summary["accepted"] as? Int == 0)
    }
}

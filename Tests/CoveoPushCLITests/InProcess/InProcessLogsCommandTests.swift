import CoveoPush
import CoveoPushEmulator
import Foundation
import Testing

@testable import CoveoPushCLI

/// `coveo-push logs` in-process against an emulator that a push filled: paging, filters, the table and JSON
/// Lines, and the refusals made before any request.
@Suite("coveo-push logs")
struct InProcessLogsCommandTests {
    /// Pushes `count` documents to source `s` of an emulator refusing `https://example.com/v/1` downstream.
    static func filledService(_ count: Int) async throws -> InMemoryPushService {
        var configuration = InMemoryPushService.Configuration()
        configuration.indexing = .init(rejectedDocumentIds: ["https://example.com/v/1"])
        let service = InMemoryPushService(configuration: configuration)
        let folder = try InProcessFolder()
        let file = try InProcessVerifyTests.documents(folder, count)
        let run = await InProcessFixtures.run(["push"] + InProcessFixtures.target + [file], transport: service)
        #expect(run.status == .success, "\(run.err)")
        return service
    }

    @Test("pages until hasNextPage is false: 600 documents and their batch file, 1,201 entries, two pages")
    func pagesEverything() async throws {
        let service = try await Self.filledService(600)
        let run = await InProcessFixtures.run(["logs", "--json"] + InProcessFixtures.target, transport: service)
        #expect(run.status == .success, "\(run.err)")
        #expect(run.outLines.count == 1_201, "CONSUMING and INDEXING per document, and the batch file's entry")
        let requests = await service.requestLog.filter { $0.route == .searchLogEntries }
        #expect(requests.count == 2)
        let first = try InProcessRun(status: .success, out: run.outLines[0], err: "").summaryJSON()
        #expect(Set(first.keys) == ["datetime", "id", "task", "operation", "result", "sourceId", "meta"])
        #expect(first["sourceId"] as? String == "s")
    }

    @Test("--result and --document-id filter; the table puts date, result, task, operation, ID and reason first")
    func filters() async throws {
        let service = try await Self.filledService(5)
        let rejected = await InProcessFixtures.run(
            ["logs", "--result", "rejected", "--result", "error"] + InProcessFixtures.target, transport: service)
        #expect(rejected.status == .success, "\(rejected.err)")
        #expect(rejected.outLines.first == LogsCommand.header)
        let rows = Array(rejected.outLines.dropFirst())
        #expect(rows.count == 1, "\(rejected.out)")
        let row = try #require(rows.first)
        #expect(row.contains("REJECTED") && row.contains("INDEXING") && row.contains("https://example.com/v/1"))
        #expect(row.hasSuffix("the item is on the list of rejected document IDs"), "\(row)")

        let commas = await InProcessFixtures.run(
            ["logs", "--result", "error,rejected"] + InProcessFixtures.target, transport: service)
        #expect(commas.outLines == rejected.outLines, "a comma-separated list is the same filter")

        let one = await InProcessFixtures.run(
            ["logs", "--json", "--document-id", "https://example.com/v/3", "--result", "completed"]
                + InProcessFixtures.target, transport: service)
        #expect(one.status == .success, "\(one.err)")
        #expect(one.outLines.count == 2, "CONSUMING and INDEXING: \(one.out)")
        #expect(one.outLines.allSatisfy { $0.contains(#""id":"https://example.com/v/3""#) })
    }

    @Test("--from and --to with offsets select a window; nothing outside it")
    func explicitWindow() async throws {
        let service = try await Self.filledService(2)
        let now = Date()
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: 7200)
        let run = await InProcessFixtures.run(
            [
                "logs", "--json", "--from", formatter.string(from: now.addingTimeInterval(-600)), "--to",
                formatter.string(from: now.addingTimeInterval(-300)),
            ] + InProcessFixtures.target, transport: service)
        #expect(run.status == .success, "\(run.err)")
        #expect(run.out.isEmpty, "\(run.out)")
    }

    @Test(
        "refused before any request, exit 2",
        arguments: [
            (["--since", "8d"], "--since"),
            (["--since", "1w"], "--since"),
            (["--from", "2026-01-01T00:00:00Z", "--to", "2026-01-09T00:00:00Z"], "7 days"),
            (["--from", "2026-01-01T00:00:00Z", "--to", "2999-01-01T00:00:00Z"], "future"),
            (["--from", "2026-01-01T00:00:00"], "--from"),
            (["--from", "2026-01-01T00:00:00Z"], "go together"),
            (["--since", "1h", "--from", "2026-01-01T00:00:00Z", "--to", "2026-01-02T00:00:00Z"], "not both"),
            (["--result", "indexed"], "--result"),
            (["--result", "error,,completed"], "--result"),
            (["--result", "error", "--result", "indexed"], "--result"),
        ])
    func refusals(_ words: [String], _ named: String) async throws {
        let service = InMemoryPushService()
        let run = await InProcessFixtures.run(["logs"] + words + InProcessFixtures.target, transport: service)
        #expect(run.status == .usage, "\(words): \(run.err)")
        #expect(run.err.contains(named), "\(words): \(run.err)")
        #expect(await service.requestLog.isEmpty)
    }

    @Test("a target without a source is refused before any request, exit 2")
    func missingSource() async throws {
        let service = InMemoryPushService()
        let run = await InProcessFixtures.run(["logs", "--organization", "o"], transport: service)
        #expect(run.status == .usage)
        #expect(run.err.contains("the source"), "\(run.err)")
        #expect(await service.requestLog.isEmpty)
    }
}

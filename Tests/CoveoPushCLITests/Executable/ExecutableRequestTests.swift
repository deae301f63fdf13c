import CoveoPush
import CoveoPushTesting
import Foundation
import Testing

/// `delete`, `delete-older-than`, `status` and `identities` run as child processes against an emulator.
@Suite("coveo-push delete, status, identities (executable)")
struct ExecutableRequestTests {
    static let key = "exec-test-key-0002"

    @Test("delete ID --children removes the item and its children, and nothing else")
    func deleteWithChildren() async throws {
        let sandbox = try ExecSandbox()
        try await ExecEmulator.with { emulator in
            let client = try emulator.setupClient()
            for document in [
                Document(documentId: "https://example.com/p", title: "Parent", content: .text("p")),
                Document(documentId: "https://example.com/p/att", title: "Attachment", parentId: "https://example.com/p",
                    content: .text("a")),
                Document(documentId: "https://example.com/q", title: "Other", content: .text("q")),
            ] {
                try await client.addOrUpdate(document, sourceId: ExecEmulator.source)
            }
            let before = await emulator.service.requestLog.count
            let result = try await sandbox.run(
                ["delete", "https://example.com/p", "--children"] + emulator.target,
                environment: sandbox.environment(["COVEO_API_KEY": Self.key]))
            #expect(result.exited(with: 0), "\(result)")
            #expect(await emulator.documentIds() == ["https://example.com/q"])
            let sent = await emulator.service.requestLog.dropFirst(before)
            #expect(sent.map(\.route) == [.deleteDocument], "\(sent)")
            #expect(sent.first?.query?.contains("deleteChildren=true") == true, "\(sent)")
            #expect(sent.first?.statusCode == 202)
            #expect(result.stdout.contains("deleted 1 document and their children"), "\(result)")
            let summary = try #require(ExecFixture.summaryLine(result, command: "delete"), "\(result)")
            #expect(summary.contains("accepted 0, deleted 1, failed 0"), "\(summary)")
        }
    }

    @Test("delete-older-than --ordering-id N removes the items pushed with a lower orderingId")
    func deleteOlderThan() async throws {
        let sandbox = try ExecSandbox()
        try await ExecEmulator.with { emulator in
            let client = try emulator.setupClient()
            try await client.addOrUpdate(
                Document(documentId: "https://example.com/ten", content: .text("10")), sourceId: ExecEmulator.source,
                orderingId: 10)
            try await client.addOrUpdate(
                Document(documentId: "https://example.com/thirty", content: .text("30")), sourceId: ExecEmulator.source,
                orderingId: 30)
            let before = await emulator.service.requestLog.count
            let result = try await sandbox.run(
                ["delete-older-than", "--ordering-id", "20"] + emulator.target,
                environment: sandbox.environment(["COVEO_API_KEY": Self.key]))
            #expect(result.exited(with: 0), "\(result)")
            #expect(await emulator.documentIds() == ["https://example.com/thirty"])
            let sent = await emulator.service.requestLog.dropFirst(before)
            #expect(sent.map(\.route) == [.deleteDocumentsOlderThan], "\(sent)")
            #expect(sent.first?.query?.contains("orderingId=20") == true, "\(sent)")
            #expect(result.stdout.contains("older than orderingId 20"), "\(result)")
        }
    }

    @Test("status rebuild sets the source status and nothing else")
    func statusRebuild() async throws {
        let sandbox = try ExecSandbox()
        try await ExecEmulator.with { emulator in
            let result = try await sandbox.run(
                ["status", "rebuild"] + emulator.target, environment: sandbox.environment(["COVEO_API_KEY": Self.key]))
            #expect(result.exited(with: 0), "\(result)")
            #expect(await emulator.service.statusHistory(sourceId: ExecEmulator.source).map(\.status) == [.rebuild])
            let sent = await emulator.service.requestLog
            #expect(sent.map(\.route) == [.setSourceStatus], "\(sent)")
            #expect(sent.first?.query?.contains("statusType=REBUILD") == true, "\(sent)")
            #expect(result.stdout.contains("set the status of source 'src'"), "\(result)")
        }
    }

    static let identityBatch = """
        {
          "members": [
            {"identity": {"name": "staff", "type": "GROUP"},
             "members": [{"name": "ann@example.com", "type": "USER"}, {"name": "bob@example.com", "type": "USER"}]}
          ],
          "mappings": [
            {"identity": {"name": "ann@example.com", "type": "USER"},
             "mappings": [{"name": "ann", "type": "USER", "provider": "Email Security Provider"}]}
          ],
          "deleted": [
            {"identity": {"name": "carl@example.com", "type": "USER"}}
          ]
        }
        """

    @Test("identities pushes members, mappings and deletions; delete-older-than reaches the provider")
    func identities() async throws {
        let sandbox = try ExecSandbox()
        let file = try sandbox.write("identities.json", Self.identityBatch)
        try await ExecEmulator.with { emulator in
            let result = try await sandbox.run(
                ["identities", "--provider", "p", file, "--ordering-id", "10"] + emulator.target,
                environment: sandbox.environment(["COVEO_API_KEY": Self.key]))
            #expect(result.exited(with: 0), "\(result)")
            #expect(result.stdoutLines.contains { $0.hasPrefix("identities: accepted ") && $0.contains("failed 0") }, "\(result)")
            let identities = await emulator.service.identities(provider: "p")
            #expect(identities.organizationId == ExecEmulator.organization)
            let staff = try #require(identities.member(named: "staff"), "\(identities)")
            #expect(staff.members.map(\.name).sorted() == ["ann@example.com", "bob@example.com"])
            let ann = try #require(identities.mapping(named: "ann@example.com"), "\(identities)")
            #expect(ann.mappings.map(\.name) == ["ann"])
            #expect(identities.deleted.map(\.name) == ["carl@example.com"])
            #expect(await emulator.routes().contains(.pushIdentityBatch))
            #expect(sandbox.temporaryEntries().isEmpty)

            let deletion = try await sandbox.run(
                ["identities", "delete-older-than", "--provider", "p", "--ordering-id", "5"] + emulator.target,
                environment: sandbox.environment(["COVEO_API_KEY": Self.key]))
            #expect(deletion.exited(with: 0), "\(deletion)")
            #expect(await emulator.service.identities(provider: "p").olderThanDeletions == [5])
            #expect(await emulator.service.requestLog.last?.route == .deleteIdentitiesOlderThan)
            #expect(deletion.stdout.contains("older than orderingId 5"), "\(deletion)")
        }
    }
}

import CoveoPush
import CoveoPushTesting
import Foundation
import Testing

@testable import CoveoPushCLI

@Suite("Subcommands run in-process against InMemoryPushService")
struct InProcessCommandTests {
    static let target = InProcessFixtures.target

    static func doc(_ id: String, _ extra: String = "") -> String {
        #"{"documentId": "https://example.com/\#(id)"\#(extra)}"#
    }

    static func url(_ id: String) -> String { "https://example.com/\(id)" }

    static func jsonl(_ folder: InProcessFolder, _ name: String, _ lines: [String]) throws -> String {
        try folder.write(name, lines.joined(separator: "\n") + "\n")
    }

    // MARK: - push

    @Test("push: incremental around the push by default; --status none changes no status")
    func statuses() async throws {
        let folder = try InProcessFolder()
        let file = try Self.jsonl(folder, "a.jsonl", [Self.doc("a"), Self.doc("b")])
        let service = InMemoryPushService()
        let plain = await InProcessFixtures.run(["push"] + Self.target + [file], transport: service)
        #expect(plain.status == .success)
        #expect(await service.statusHistory(sourceId: "s").map(\.status) == [.incremental, .idle])

        let quiet = InMemoryPushService()
        let none = await InProcessFixtures.run(["push", "--status", "none"] + Self.target + [file], transport: quiet)
        #expect(none.status == .success)
        #expect(await quiet.statusHistory(sourceId: "s").isEmpty)
        #expect(await quiet.items(sourceId: "s").map(\.documentId) == [Self.url("a"), Self.url("b")])

        let rebuild = InMemoryPushService()
        _ = await InProcessFixtures.run(["push", "--status", "REBUILD"] + Self.target + [file], transport: rebuild)
        #expect(await rebuild.statusHistory(sourceId: "s").map(\.status) == [.rebuild, .idle])
    }

    @Test("push --ordering-id: every item carries it")
    func orderingId() async throws {
        let folder = try InProcessFolder()
        let file = try Self.jsonl(folder, "a.jsonl", [Self.doc("a"), Self.doc("b")])
        let service = InMemoryPushService()
        let run = await InProcessFixtures.run(
            ["push", "--ordering-id", "777", "--status", "none"] + Self.target + [file], transport: service)
        #expect(run.status == .success)
        #expect(await service.items(sourceId: "s").map(\.orderingId) == [777, 777])
    }

    @Test("push --delete-older-than: items not pushed in this run disappear, with the run's orderingId from now")
    func deleteOlderThan() async throws {
        let folder = try InProcessFolder()
        let service = InMemoryPushService()
        let first = try Self.jsonl(folder, "first.jsonl", [Self.doc("a"), Self.doc("b"), Self.doc("c")])
        let setUp = await InProcessFixtures.run(
            ["push", "--ordering-id", "1000", "--status", "none"] + Self.target + [first], transport: service)
        #expect(setUp.status == .success)

        let second = try Self.jsonl(folder, "second.jsonl", [Self.doc("a", #", "title": "again""#)])
        let run = await InProcessFixtures.run(
            ["push", "--delete-older-than"] + Self.target + [second], transport: service,
            now: { Date(timeIntervalSince1970: 2_000) })
        #expect(run.status == .success, "\(run.out)\n\(run.err)")
        let items = await service.items(sourceId: "s")
        #expect(items.map(\.documentId) == [Self.url("a")])
        #expect(items.first?.orderingId == 2_000_000)
        #expect(run.out.contains("deleted the source's items older than orderingId 2000000"))
    }

    @Test("push --delete-older-than is skipped, with a note, when a document failed")
    func deleteOlderThanSkipped() async throws {
        let folder = try InProcessFolder()
        let service = InMemoryPushService()
        let first = try Self.jsonl(folder, "first.jsonl", [Self.doc("a"), Self.doc("b")])
        _ = await InProcessFixtures.run(
            ["push", "--ordering-id", "1000", "--status", "none"] + Self.target + [first], transport: service)
        let second = try Self.jsonl(folder, "second.jsonl", [Self.doc("a"), #"{"title": "no id"}"#])
        let run = await InProcessFixtures.run(
            ["push", "--delete-older-than", "--status", "none", "--json"] + Self.target + [second], transport: service,
            now: { Date(timeIntervalSince1970: 2_000) })
        #expect(run.status == .partialFailure)
        #expect(await service.items(sourceId: "s").map(\.documentId) == [Self.url("a"), Self.url("b")])
        let summary = try run.summaryJSON()
        #expect(
            summary["notes"] as? [String] == ["delete-older-than skipped: some inputs failed, so older items were kept"]
        )
        #expect(!(await service.requestLog.contains { $0.path.lowercased().contains("olderthan") }))
    }

    @Test("push --queue-delay needs --delete-older-than")
    func queueDelayAlone() async throws {
        let folder = try InProcessFolder()
        let file = try Self.jsonl(folder, "a.jsonl", [Self.doc("a")])
        let service = InMemoryPushService()
        let run = await InProcessFixtures.run(
            ["push", "--queue-delay", "5"] + Self.target + [file], transport: service)
        #expect(run.status == .usage)
        #expect(run.err.contains("--queue-delay only applies with --delete-older-than"))
        #expect(await service.requestLog.isEmpty)
    }

    @Test("push --json: one JSON object with the counts, the failures and the last accepted input")
    func jsonSummary() async throws {
        let folder = try InProcessFolder()
        let file = try Self.jsonl(
            folder, "a.jsonl", [Self.doc("a"), #"{"documentId": 5}"#, Self.doc("b"), Self.doc("c")])
        let service = InMemoryPushService()
        let run = await InProcessFixtures.run(["push", "--json"] + Self.target + [file], transport: service)
        #expect(run.status == .partialFailure)
        #expect(run.outLines.count == 1)
        let summary = try run.summaryJSON()
        #expect(summary["command"] as? String == "push")
        #expect(summary["target"] as? String == "service")
        #expect(summary["exitStatus"] as? Int == 1)
        #expect(summary["accepted"] as? Int == 3)
        #expect(summary["deleted"] as? Int == 0)
        #expect(summary["failed"] as? Int == 1)
        #expect(summary["batches"] as? Int == 1)
        #expect((summary["requests"] as? Int ?? 0) >= 5)
        let last = try #require(summary["lastAccepted"] as? [String: Any])
        #expect(last["file"] as? String == file)
        #expect(last["line"] as? Int == 4)
        let failures = try #require(summary["failures"] as? [[String: Any]])
        #expect(failures.count == 1)
        #expect(failures.first?["file"] as? String == file)
        #expect(failures.first?["line"] as? Int == 2)
        #expect((failures.first?["reason"] as? String)?.contains("documentId") == true)
        #expect(await service.items(sourceId: "s").count == 3)
    }

    @Test("the text summary names the last fully accepted input as file:line")
    func lastAccepted() async throws {
        let folder = try InProcessFolder()
        let first = try Self.jsonl(folder, "1.jsonl", [Self.doc("a"), Self.doc("b")])
        let second = try folder.write("2.json", "[\n" + Self.doc("c") + ",\n\n" + Self.doc("d") + "\n]")
        let run = await InProcessFixtures.run(
            ["push"] + Self.target + [first, second], transport: InMemoryPushService())
        #expect(run.status == .success)
        #expect(run.outLines.last == "last fully accepted input: \(second):4")
        #expect(run.out.contains("push: accepted 4, deleted 0, failed 0; 1 batch, "))
    }

    @Test("push with a batch object deletes, with and without children")
    func pushDeletes() async throws {
        let folder = try InProcessFolder()
        let service = InMemoryPushService()
        let setUp = try Self.jsonl(
            folder, "setup.jsonl",
            [
                Self.doc("p"), Self.doc("p/child", #", "parentId": "https://example.com/p""#), Self.doc("q"),
                Self.doc("q/child", #", "parentId": "https://example.com/q""#),
            ])
        _ = await InProcessFixtures.run(["push", "--status", "none"] + Self.target + [setUp], transport: service)
        let batch = try folder.write(
            "batch.json",
            #"{"delete": [{"documentId": "https://example.com/p", "deleteChildren": true}, {"documentId": "https://example.com/q"}]}"#
        )
        let run = await InProcessFixtures.run(["push", "--status", "none"] + Self.target + [batch], transport: service)
        #expect(run.status == .success)
        #expect(await service.items(sourceId: "s").map(\.documentId) == [Self.url("q/child")])
        #expect(run.out.contains("push: accepted 0, deleted 2, failed 0;"))
    }

    // MARK: - catalog

    @Test("catalog load, update (addOrUpdate, delete, partialUpdate), merge, then a load that drops absent items")
    func catalog() async throws {
        let folder = try InProcessFolder()
        let service = InMemoryPushService()
        let load = try Self.jsonl(
            folder, "load.jsonl",
            [
                Self.doc("a", #", "tags": ["x"], "price": 1.5"#), Self.doc("b", #", "price": 2"#),
                Self.doc("c", #", "price": 3"#),
            ])
        let loaded = await InProcessFixtures.run(["catalog", "load"] + Self.target + [load], transport: service)
        #expect(loaded.status == .success, "\(loaded.out)\n\(loaded.err)")
        #expect(await service.items(sourceId: "s").map(\.documentId) == ["a", "b", "c"].map(Self.url))

        let update = try folder.write(
            "update.json",
            """
            {"addOrUpdate": [\(Self.doc("d", #", "price": 4"#))],
             "delete": [{"documentId": "https://example.com/b"}],
             "partialUpdate": [
               {"documentId": "https://example.com/a", "operator": "arrayAppend", "field": "tags", "value": ["z"]},
               {"documentId": "https://example.com/c", "operator": "fieldValueReplace", "field": "price", "value": 9.5}
             ]}
            """)
        let updated = await InProcessFixtures.run(["catalog", "update"] + Self.target + [update], transport: service)
        #expect(updated.status == .success, "\(updated.out)\n\(updated.err)")
        #expect(await service.items(sourceId: "s").map(\.documentId) == ["a", "c", "d"].map(Self.url))
        #expect(
            await service.item(Self.url("a"), sourceId: "s")?.metadataValue("tags")
                == .array([.string("x"), .string("z")]))
        #expect(await service.item(Self.url("c"), sourceId: "s")?.metadataValue("price") == .double(9.5))
        #expect(updated.out.contains("catalog update: accepted 3, deleted 1, failed 0;"))

        let merge = try Self.jsonl(folder, "merge.jsonl", [Self.doc("a", #", "color": "red""#)])
        let merged = await InProcessFixtures.run(["catalog", "MERGE"] + Self.target + [merge], transport: service)
        #expect(merged.status == .success, "\(merged.out)\n\(merged.err)")
        let a = await service.item(Self.url("a"), sourceId: "s")
        #expect(a?.metadataValue("color") == .string("red"))
        #expect(a?.metadataValue("tags") == .array([.string("x"), .string("z")]))

        let reload = try Self.jsonl(folder, "reload.jsonl", [Self.doc("c", #", "price": 10"#)])
        let reloaded = await InProcessFixtures.run(["catalog", "load"] + Self.target + [reload], transport: service)
        #expect(reloaded.status == .success)
        #expect(await service.items(sourceId: "s").map(\.documentId) == [Self.url("c")])
        #expect(await service.openStreams.isEmpty)
    }

    @Test("catalog merge refuses partialUpdate entries and catalog needs a known kind")
    func catalogErrors() async throws {
        let folder = try InProcessFolder()
        let file = try folder.write(
            "p.json",
            #"{"partialUpdate": [{"documentId": "https://example.com/a", "operator": "arrayAppend", "field": "t", "value": ["z"]}]}"#
        )
        let service = InMemoryPushService()
        let merged = await InProcessFixtures.run(["catalog", "merge"] + Self.target + [file], transport: service)
        #expect(merged.status == .partialFailure)
        #expect(merged.out.contains("partialUpdate entries are only accepted by 'catalog update'"))
        let unknown = await InProcessFixtures.run(["catalog", "upsert"] + Self.target + [file], transport: service)
        #expect(unknown.status == .usage)
        #expect(unknown.err.contains("must be update, merge, load or delete-older-than, not 'upsert'"))
        let missing = await InProcessFixtures.run(["catalog"] + Self.target, transport: service)
        #expect(missing.status == .usage)
    }

    // MARK: - identities, status, delete

    @Test("identities: members, mappings and deletions reach the provider")
    func identities() async throws {
        let folder = try InProcessFolder()
        let file = try folder.write(
            "ids.json",
            """
            {"members": [{"identity": {"name": "group-a", "type": "GROUP"}, "members": [{"name": "alice@example.com", "type": "USER"}]}],
             "mappings": [{"identity": {"name": "alice@example.com", "type": "USER"}, "mappings": [{"name": "alice", "type": "USER", "provider": "ldap"}]}],
             "deleted": [{"identity": {"name": "bob@example.com", "type": "USER"}}]}
            """)
        let service = InMemoryPushService()
        let run = await InProcessFixtures.run(
            ["identities", "--provider", "p1", "--organization", "o", file], transport: service)
        #expect(run.status == .success, "\(run.out)\n\(run.err)")
        let identities = await service.identities(provider: "p1")
        #expect(identities.member(named: "group-a")?.members.map(\.name) == ["alice@example.com"])
        #expect(identities.mapping(named: "alice@example.com")?.mappings.map(\.name) == ["alice"])
        #expect(identities.deleted.map(\.name) == ["bob@example.com"])

        let noProvider = await InProcessFixtures.run(["identities", "--organization", "o", file], transport: service)
        #expect(noProvider.status == .usage)
        #expect(noProvider.err.contains("missing the security identity provider (--provider)"))

        let older = await InProcessFixtures.run(
            ["identities", "delete-older-than", "--provider", "p1", "--ordering-id", "55", "--organization", "o"],
            transport: service)
        #expect(older.status == .success, "\(older.out)\n\(older.err)")
        #expect(await service.identities(provider: "p1").olderThanDeletions == [55])
    }

    @Test("status idle sets the source's status and nothing else")
    func statusIdle() async {
        let service = InMemoryPushService()
        let run = await InProcessFixtures.run(["status", "idle"] + Self.target, transport: service)
        #expect(run.status == .success, "\(run.out)\n\(run.err)")
        #expect(await service.statusHistory(sourceId: "s").map(\.status) == [.idle])
        #expect(await service.requestLog.count == 1)
        let bad = await InProcessFixtures.run(["status", "paused"] + Self.target, transport: service)
        #expect(bad.status == .usage)
    }

    @Test("delete removes the documents given, and their children with --children")
    func delete() async throws {
        let folder = try InProcessFolder()
        let service = InMemoryPushService()
        let setUp = try Self.jsonl(
            folder, "setup.jsonl",
            [
                Self.doc("p"), Self.doc("p/child", #", "parentId": "https://example.com/p""#), Self.doc("q"),
                Self.doc("q/child", #", "parentId": "https://example.com/q""#), Self.doc("r"),
            ])
        _ = await InProcessFixtures.run(["push", "--status", "none"] + Self.target + [setUp], transport: service)
        let plain = await InProcessFixtures.run(["delete"] + Self.target + [Self.url("q")], transport: service)
        #expect(plain.status == .success)
        #expect(plain.out.contains("deleted 1 document\n"))
        let children = await InProcessFixtures.run(
            ["delete", "--children", "--json"] + Self.target + [Self.url("p"), Self.url("r")], transport: service)
        #expect(children.status == .success)
        #expect(try children.summaryJSON()["deleted"] as? Int == 2)
        #expect(await service.items(sourceId: "s").map(\.documentId) == [Self.url("q/child")])
        let none = await InProcessFixtures.run(["delete"] + Self.target, transport: service)
        #expect(none.status == .usage)
    }

    @Test("delete: an invalid ID is reported and skipped, the others deleted and counted")
    func deleteInvalidIds() async throws {
        let folder = try InProcessFolder()
        let service = InMemoryPushService()
        let setUp = try Self.jsonl(folder, "setup.jsonl", [Self.doc("a"), Self.doc("b")])
        _ = await InProcessFixtures.run(["push", "--status", "none"] + Self.target + [setUp], transport: service)
        let run = await InProcessFixtures.run(
            ["delete", "--json"] + Self.target + [Self.url("a"), "not a uri", Self.url("b")], transport: service)
        #expect(run.status == .partialFailure, "\(run.out)\n\(run.err)")
        let summary = try run.summaryJSON()
        #expect(summary["deleted"] as? Int == 2)
        #expect(summary["failed"] as? Int == 1)
        let failure = try #require((summary["failures"] as? [[String: Any]])?.first)
        #expect(failure["id"] as? String == "not a uri")
        #expect((failure["reason"] as? String)?.contains("invalidInput") == true, "\(failure)")
        #expect(summary["notes"] as? [String] == ["deleted 2 documents"])
        #expect(await service.items(sourceId: "s").isEmpty)
    }

    @Test("delete: a service failure stops the run; the IDs after it are counted as not sent")
    func deleteServiceFailure() async throws {
        let folder = try InProcessFolder()
        let service = InMemoryPushService()
        let setUp = try Self.jsonl(folder, "setup.jsonl", [Self.doc("a"), Self.doc("b"), Self.doc("c")])
        _ = await InProcessFixtures.run(["push", "--status", "none"] + Self.target + [setUp], transport: service)
        let transport = MockTransport { request, body in
            if request.url.query?.contains("documentId=https%3A%2F%2Fexample.com%2Fb") == true
                || request.url.query?.contains("documentId=https://example.com/b") == true
            {
                return .coveoError(status: 500, errorCode: nil, message: "broken")
            }
            return try await service.send(request, body: body)
        }
        let run = await InProcessFixtures.run(
            ["delete", "--json", "--max-attempts", "1"] + Self.target + [Self.url("a"), Self.url("b"), Self.url("c")],
            transport: transport)
        #expect(run.status == .serviceFailure, "\(run.out)\n\(run.err)")
        let summary = try run.summaryJSON()
        #expect(summary["deleted"] as? Int == 1)
        #expect(summary["failed"] as? Int == 1)
        #expect(summary["notSent"] as? Int == 1)
        #expect(await service.items(sourceId: "s").map(\.documentId) == [Self.url("b"), Self.url("c")])
    }

    // MARK: - dry run

    @Test("--dry-run: nothing reaches the service; one JSON line per request, Authorization redacted")
    func dryRun() async throws {
        let folder = try InProcessFolder()
        let file = try Self.jsonl(folder, "a.jsonl", [Self.doc("a"), Self.doc("b")])
        let service = InMemoryPushService()
        let secret = "xx00000000-dry-run-secret"
        let run = await InProcessFixtures.run(
            ["push", "--dry-run", "--json"] + Self.target + [file], transport: service,
            variables: ["COVEO_API_KEY": secret])
        #expect(run.status == .success, "\(run.out)\n\(run.err)")
        #expect(await service.requestLog.isEmpty)
        #expect(await service.items(sourceId: "s").isEmpty)
        #expect(!run.out.contains(secret) && !run.err.contains(secret))

        let objects = try run.outLines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
        let requests = objects.filter { $0["method"] != nil }
        #expect(requests.count == objects.count - 1)
        #expect(objects.last?["target"] as? String == "dry-run")
        #expect(objects.last?["accepted"] as? Int == 2)
        let methodsAndPaths = requests.map { object -> String in
            let url = URL(string: object["url"] as? String ?? "")
            return "\(object["method"] as? String ?? "") \(url?.host ?? "") \(url?.path ?? "")"
        }
        #expect(methodsAndPaths.contains("POST api.cloud.coveo.com /push/v1/organizations/o/files"))
        #expect(methodsAndPaths.contains("PUT dry-run.invalid /upload/DRY-RUN-FILE-ID-1"))
        let authorizations = requests.compactMap { object -> String? in
            let headers = object["headers"] as? [String: String] ?? [:]
            return headers.first { $0.key.lowercased() == "authorization" }?.value
        }
        #expect(!authorizations.isEmpty)
        #expect(authorizations.allSatisfy { $0 == "Bearer <redacted>" })
        let batchPush = try #require(requests.first { ($0["url"] as? String)?.contains("/documents/batch") == true })
        #expect((batchPush["url"] as? String)?.contains("fileId=DRY-RUN-FILE-ID-1") == true)
        let upload = try #require(requests.first { ($0["method"] as? String) == "PUT" })
        let body = try #require(upload["body"] as? [String: Any])
        #expect(
            (body["addOrUpdate"] as? [[String: Any]])?.compactMap { $0["documentId"] as? String } == [
                Self.url("a"), Self.url("b"),
            ])
    }

    @Test("--dry-run with no target: no emulator banner and no listing, since nothing is sent anywhere")
    func dryRunWithoutTarget() async throws {
        let folder = try InProcessFolder()
        let file = try Self.jsonl(folder, "a.jsonl", [Self.doc("a")])
        let run = await InProcessFixtures.run(["push", "--dry-run", file], variables: [:])
        #expect(run.status == .success, "\(run.out)\n\(run.err)")
        #expect(!run.out.contains(EmulatorReport.banner) && !run.err.contains(EmulatorReport.banner))
        #expect(!run.out.contains("The emulator now holds"))
        #expect(run.out.contains("push: accepted 1,"), "\(run.out)")
    }

    @Test("no target at all: the embedded emulator, its banner, and a listing of what it holds")
    func embeddedEmulator() async throws {
        let folder = try InProcessFolder()
        let file = try Self.jsonl(folder, "a.jsonl", [Self.doc("a", #", "title": "Alpha""#)])
        let run = await InProcessFixtures.run(["push", file], variables: [:])
        #expect(run.status == .success, "\(run.out)\n\(run.err)")
        #expect(run.out.hasPrefix(EmulatorReport.banner))
        #expect(run.out.contains("The emulator now holds 1 item in source 'emulator-source':"))
        #expect(run.out.contains("  https://example.com/a  \"Alpha\""))
    }

    @Test("the embedded emulator's listing shows the count and the first 20 items, not every item")
    func embeddedEmulatorListingIsBounded() async throws {
        let folder = try InProcessFolder()
        let names = (0..<25).map { String(format: "item%02d", $0) }
        let file = try Self.jsonl(folder, "many.jsonl", names.map { Self.doc($0, "") })
        let run = await InProcessFixtures.run(["push", file], variables: [:])
        #expect(run.status == .success, "\(run.out)\n\(run.err)")
        #expect(run.out.contains("The emulator now holds 25 items in source 'emulator-source':"))
        let listed = run.out.split(separator: "\n").filter { $0.hasPrefix("  https://example.com/item") }
        #expect(listed.count == 20)
        #expect(listed.first?.hasPrefix("  https://example.com/item00") == true)
        #expect(listed.last?.hasPrefix("  https://example.com/item19") == true)
        #expect(run.out.contains("  … and 5 more"))
    }
}

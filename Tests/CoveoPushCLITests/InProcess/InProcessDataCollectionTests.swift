import CoveoPush
import CoveoPushTesting
import Foundation
import Testing

@testable import CoveoPushCLI

/// `catalog --data-collection`, `catalog delete-older-than` and `--shard`, run in-process against the emulator.
@Suite("catalog: data collections, delete-older-than and shards")
struct InProcessDataCollectionTests {
    static let collection = ["--organization", "o", "--data-collection", "dc"]
    static let source = InProcessFixtures.target

    static func doc(_ id: String, _ extra: String = "") -> String { InProcessCommandTests.doc(id, extra) }
    static func url(_ id: String) -> String { InProcessCommandTests.url(id) }
    static func file(_ folder: InProcessFolder, _ name: String, _ lines: [String]) throws -> String {
        try InProcessCommandTests.jsonl(folder, name, lines)
    }

    /// The paths and queries of the Stream API requests a recorder saw.
    static func streamRequests(_ recorder: InProcessRecorder) async -> [String] {
        await recorder.requests.map(\.request.url).filter { $0.path.contains("/stream/") }.map {
            $0.path + ($0.query.map { "?" + $0 } ?? "")
        }
    }

    @Test("catalog load, update and merge with --data-collection reach the data collection, not a source")
    func loadUpdateMerge() async throws {
        let folder = try InProcessFolder()
        let recorder = InProcessRecorder()
        let service = recorder.service
        let load = try Self.file(folder, "load.jsonl", [Self.doc("a", #", "price": 1"#), Self.doc("b")])
        let loaded = await InProcessFixtures.run(["catalog", "load"] + Self.collection + [load], transport: recorder)
        #expect(loaded.status == .success, "\(loaded.out)\n\(loaded.err)")
        #expect(await service.items(dataCollectionId: "dc").map(\.documentId) == ["a", "b"].map(Self.url))

        let update = try folder.write(
            "update.json",
            """
            {"delete": [{"documentId": "https://example.com/b"}],
             "partialUpdate": [
               {"documentId": "https://example.com/a", "operator": "fieldValueReplace", "field": "price", "value": 2}
             ]}
            """)
        let updated = await InProcessFixtures.run(
            ["catalog", "update", "--shard", "A1b2"] + Self.collection + [update], transport: recorder)
        #expect(updated.status == .success, "\(updated.out)\n\(updated.err)")
        #expect(updated.out.contains("catalog update: accepted 1, deleted 1, failed 0;"))

        let merge = try Self.file(folder, "merge.jsonl", [Self.doc("a", #", "color": "red""#)])
        let merged = await InProcessFixtures.run(["catalog", "merge"] + Self.collection + [merge], transport: recorder)
        #expect(merged.status == .success, "\(merged.out)\n\(merged.err)")

        let items = await service.items(dataCollectionId: "dc")
        #expect(items.map(\.documentId) == [Self.url("a")])
        #expect(items.first?.metadataValue("price") == .integer(2))
        #expect(items.first?.metadataValue("color") == .string("red"))
        #expect(await service.items(sourceId: "dc").isEmpty)
        let requests = await Self.streamRequests(recorder)
        #expect(!requests.isEmpty)
        #expect(requests.allSatisfy { $0.hasPrefix("/push/v1/organizations/o/data-collections/dc/stream/") })
        let updates = requests.filter { $0.contains("/stream/update?") }
        #expect(updates.count == 1 && updates.allSatisfy { $0.hasSuffix("&shard=A1b2") })
    }

    @Test("catalog delete-older-than sends the Stream API's deleteolderthan to the source or the data collection")
    func deleteOlderThan() async throws {
        let folder = try InProcessFolder()
        let recorder = InProcessRecorder()
        let service = recorder.service
        let input = try Self.file(folder, "load.jsonl", [Self.doc("a")])
        for target in [Self.collection, Self.source] {
            let loaded = await InProcessFixtures.run(["catalog", "load"] + target + [input], transport: recorder)
            #expect(loaded.status == .success, "\(loaded.out)\n\(loaded.err)")
        }
        #expect(await service.items(dataCollectionId: "dc").count == 1)
        #expect(await service.items(sourceId: "s").count == 1)

        let cutoff = Int64(Date().timeIntervalSince1970 * 1000) + 60_000
        let deleted = await InProcessFixtures.run(
            ["catalog", "delete-older-than", "--ordering-id", String(cutoff), "--queue-delay", "5"] + Self.collection,
            transport: recorder)
        #expect(deleted.status == .success, "\(deleted.out)\n\(deleted.err)")
        #expect(deleted.out.contains("data collection 'dc'"))
        #expect(await service.items(dataCollectionId: "dc").isEmpty)
        #expect(await service.items(sourceId: "s").count == 1)
        #expect(
            await Self.streamRequests(recorder).last
                == "/push/v1/organizations/o/data-collections/dc/stream/deleteolderthan/\(cutoff)?queueDelay=5")

        let fromSource = await InProcessFixtures.run(
            ["catalog", "delete-older-than", "--ordering-id", String(cutoff)] + Self.source, transport: recorder)
        #expect(fromSource.status == .success, "\(fromSource.out)\n\(fromSource.err)")
        #expect(await service.items(sourceId: "s").isEmpty)
        #expect(
            await Self.streamRequests(recorder).last
                == "/push/v1/organizations/o/sources/s/stream/deleteolderthan/\(cutoff)")
    }

    @Test("--data-collection wins over a COVEO_SOURCE_ID variable; --dry-run prints the data-collection path")
    func variablesAndDryRun() async throws {
        let folder = try InProcessFolder()
        let input = try Self.file(folder, "load.jsonl", [Self.doc("a")])
        let recorder = InProcessRecorder()
        let variables = ["COVEO_API_KEY": "k", "COVEO_ORGANIZATION_ID": "o", "COVEO_SOURCE_ID": "s"]
        let run = await InProcessFixtures.run(
            ["catalog", "update", "--data-collection", "dc", input], transport: recorder, variables: variables)
        #expect(run.status == .success, "\(run.out)\n\(run.err)")
        #expect(await recorder.service.items(dataCollectionId: "dc").count == 1)
        #expect(await recorder.service.items(sourceId: "s").isEmpty)

        let dry = await InProcessFixtures.run(
            ["catalog", "delete-older-than", "--ordering-id", "5", "--dry-run", "--data-collection", "dc"],
            variables: variables)
        #expect(dry.status == .success, "\(dry.out)\n\(dry.err)")
        #expect(dry.out.contains("/organizations/o/data-collections/dc/stream/deleteolderthan/5"))
    }

    struct Refused: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        /// Words the message must contain.
        var words: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let refused: [Refused] = [
        Refused(
            arguments: ["catalog", "update", "--source", "s", "--organization", "o", "--data-collection", "dc", "x"],
            words: ["--source", "--data-collection", "not both"]),
        Refused(
            arguments: [
                "catalog", "load", "--push-api-url", "https://api.cloud.coveo.com/push/v1/organizations/o/sources/s",
                "--data-collection", "dc", "x",
            ],
            words: ["--push-api-url", "--data-collection", "not both"]),
        Refused(
            arguments: ["push", "--data-collection", "dc", "--organization", "o", "x"],
            words: ["--data-collection", "only applies to the catalog"]),
        Refused(
            arguments: ["catalog", "update", "--shard", "abcdefghijk"] + collection + ["x"],
            words: ["--shard", "'abcdefghijk'", "1 to 10 ASCII letters or digits"]),
        Refused(
            arguments: ["catalog", "update", "--shard", "a-b"] + collection + ["x"],
            words: ["--shard", "1 to 10 ASCII letters or digits"]),
        Refused(
            arguments: ["catalog", "update", "--shard", ""] + collection + ["x"],
            words: ["--shard", "1 to 10 ASCII letters or digits"]),
        Refused(
            arguments: ["catalog", "merge", "--shard", "A1"] + collection + ["x"],
            words: ["--shard", "only applies to 'catalog update'"]),
        Refused(
            arguments: ["catalog", "delete-older-than"] + collection,
            words: ["--ordering-id is required"]),
        Refused(
            arguments: ["catalog", "delete-older-than", "--ordering-id", "-1"] + collection,
            words: ["--ordering-id", "integer from 0"]),
        Refused(
            arguments: ["catalog", "delete-older-than", "--ordering-id", "1", "--shard", "A1"] + collection,
            words: ["--shard", "only applies to 'catalog update'"]),
        Refused(
            arguments: ["catalog", "update", "--ordering-id", "1"] + collection + ["x"],
            words: ["--ordering-id", "only applies to 'catalog delete-older-than'"]),
        Refused(
            arguments: ["catalog", "load", "--queue-delay", "1"] + collection + ["x"],
            words: ["--queue-delay", "only applies to 'catalog delete-older-than'"]),
        Refused(
            arguments: ["catalog", "load", "--organization", "o", "x"],
            words: ["incomplete target", "--data-collection"]),
    ]

    @Test("bad combinations and values exit 2 naming the options and the rule, before any request", arguments: refused)
    func refusedWithUsage(_ refused: Refused) async throws {
        let folder = try InProcessFolder()
        let input = try folder.write("x.jsonl", Self.doc("a") + "\n")
        let arguments = refused.arguments.map { $0 == "x" ? input : $0 }
        let recorder = InProcessRecorder()
        let run = await InProcessFixtures.run(arguments, transport: recorder)
        #expect(run.status == .usage, "\(run.out)\n\(run.err)")
        for word in refused.words {
            #expect(run.err.contains(word), "'\(word)' missing from: \(run.err)")
        }
        #expect(await recorder.requests.isEmpty)
    }

    @Test("catalog help names --data-collection, --shard and delete-older-than")
    func help() async {
        let help = await InProcessFixtures.run(["catalog", "--help"])
        #expect(help.status == .success)
        for word in ["--data-collection", "--shard", "delete-older-than", "--ordering-id", "--queue-delay"] {
            #expect(help.out.contains(word), "\(word) missing from the help")
        }
    }
}

import CoveoPush
import CoveoPushTesting
import Foundation
import Testing

/// `coveo-push push` run as a child process against an emulator served by the test process.
@Suite("coveo-push push (executable)")
struct ExecutablePushTests {
    static let key = "exec-test-key-0001"

    /// A folder with the three kinds of input: a .jsonl file, a .json array and a .json batch object, and a plain
    /// content file. The batch object deletes `https://example.com/old`, which the test adds first.
    static func writeInputs(_ sandbox: ExecSandbox) throws {
        try sandbox.write(
            "articles.jsonl",
            (1...3).map { ExecFixture.line("https://example.com/a/\($0)", title: "Article \($0)", data: "Body \($0)") }
                .joined(separator: "\n") + "\n")
        try sandbox.write(
            "list.json",
            "[" + (1...2).map { ExecFixture.line("https://example.com/l/\($0)", title: "List \($0)", data: "Entry \($0)") }
                .joined(separator: ",\n") + "]\n")
        try sandbox.write(
            "batch.json",
            """
            {
              "addOrUpdate": [\(ExecFixture.line("https://example.com/b/1", title: "Batch 1", data: "Batched"))],
              "delete": [{"documentId": "https://example.com/old"}]
            }
            """)
        try sandbox.write("note.txt", "Hello from a content file")
    }

    static let expectedIds = [
        "https://example.com/a/1", "https://example.com/a/2", "https://example.com/a/3", "https://example.com/b/1",
        "https://example.com/l/1", "https://example.com/l/2",
    ]

    /// Adds the item the batch object deletes.
    static func addOldItem(_ emulator: ExecEmulator) async throws {
        try await emulator.setupClient().addOrUpdate(
            Document(documentId: "https://example.com/old", title: "Old", content: .text("old")),
            sourceId: ExecEmulator.source)
        #expect(await emulator.documentIds() == ["https://example.com/old"])
    }

    /// Checks what the emulator holds after the push of ``writeInputs(_:)``.
    static func expectPushed(_ emulator: ExecEmulator, _ sandbox: ExecSandbox) async throws {
        let items = await emulator.service.items(sourceId: ExecEmulator.source)
        let jsonIds = items.map(\.documentId).filter { $0.hasPrefix("https://") }.sorted()
        #expect(jsonIds == expectedIds)
        #expect(await emulator.service.item("https://example.com/a/2", sourceId: ExecEmulator.source)?.title == "Article 2")
        #expect(await emulator.service.item("https://example.com/a/2", sourceId: ExecEmulator.source)?.text == "Body 2")
        #expect(await emulator.service.item("https://example.com/l/1", sourceId: ExecEmulator.source)?.title == "List 1")
        #expect(await emulator.service.item("https://example.com/b/1", sourceId: ExecEmulator.source)?.text == "Batched")
        let file = try #require(items.first { $0.title == "note.txt" }, "the content file was not pushed: \(items)")
        #expect(file.documentId.hasPrefix("file://") && file.documentId.hasSuffix("/input/note.txt"))
        #expect(file.text == "Hello from a content file")
        #expect(file.contentKind != .data)
        #expect(items.count == 7)
        let statuses = await emulator.service.statusHistory(sourceId: ExecEmulator.source).map(\.status)
        #expect(statuses == [.incremental, .idle])
        #expect(sandbox.temporaryEntries().isEmpty, "left in TMPDIR: \(sandbox.temporaryEntries())")
    }

    @Test("pushes .jsonl, .json arrays, .json batch objects and content files, between INCREMENTAL and IDLE")
    func pushAllInputKinds() async throws {
        let sandbox = try ExecSandbox()
        try Self.writeInputs(sandbox)
        try await ExecEmulator.with { emulator in
            try await Self.addOldItem(emulator)
            let result = try await sandbox.run(
                ["push", sandbox.input.path, "--no-progress"] + emulator.target,
                environment: sandbox.environment(["COVEO_API_KEY": Self.key]))
            #expect(result.exited(with: 0), "\(result)")
            let summary = try #require(ExecFixture.summaryLine(result), "\(result)")
            #expect(summary.contains("accepted 7, deleted 1, failed 0"), "\(summary)")
            #expect(!result.stdout.contains("failed:"), "\(result)")
            #expect(!result.output.contains("emulator"), "an explicit target must not mention the built-in emulator")
            try await Self.expectPushed(emulator, sandbox)
        }
    }

    @Test("--json prints one JSON object with the counts and the exit status")
    func pushJSON() async throws {
        let sandbox = try ExecSandbox()
        try Self.writeInputs(sandbox)
        try await ExecEmulator.with { emulator in
            try await Self.addOldItem(emulator)
            let result = try await sandbox.run(
                ["push", "--json", sandbox.input.path] + emulator.target,
                environment: sandbox.environment(["COVEO_API_KEY": Self.key]))
            #expect(result.exited(with: 0), "\(result)")
            let lines = result.stdoutLines
            #expect(lines.count == 1, "stdout must hold one JSON object: \(result)")
            let object = try ExecFixture.object(try #require(lines.first))
            #expect(object["command"] as? String == "push")
            #expect(object["target"] as? String == "service")
            #expect(object["accepted"] as? Int == 7)
            #expect(object["deleted"] as? Int == 1)
            #expect(object["failed"] as? Int == 0)
            #expect(object["exitStatus"] as? Int == 0)
            #expect((object["failures"] as? [Any])?.isEmpty == true)
            #expect((object["requests"] as? Int ?? 0) >= 4)
            try await Self.expectPushed(emulator, sandbox)
        }
    }

    @Test("--dry-run prints each request as a JSON line with the key redacted and sends nothing")
    func dryRun() async throws {
        let sandbox = try ExecSandbox()
        let key = "dry-run-key-7777"
        try sandbox.write(
            "docs.jsonl",
            ExecFixture.line("https://example.com/d/1", title: "One", data: "first") + "\n"
                + ExecFixture.line("https://example.com/d/2", title: "Two", data: "second") + "\n")
        try await ExecEmulator.with { emulator in
            let result = try await sandbox.run(
                ["push", "--dry-run", sandbox.input.path] + emulator.target,
                environment: sandbox.environment(["COVEO_API_KEY": key]))
            #expect(result.exited(with: 0), "\(result)")
            #expect(!result.output.contains(key), "the key leaked: \(result)")
            let requests = try result.stdoutLines.filter { $0.hasPrefix("{") }.map { try ExecFixture.object($0) }
            #expect(requests.count >= 4, "status, container, upload, batch, status: \(result)")
            for request in requests {
                #expect(request["method"] is String && request["url"] is String, "\(request)")
                #expect(request["headers"] is [String: Any] && request.keys.contains("body"), "\(request)")
            }
            let authorizations = requests.compactMap { request -> String? in
                let headers = request["headers"] as? [String: String] ?? [:]
                return headers.first { $0.key.lowercased() == "authorization" }?.value
            }
            #expect(!authorizations.isEmpty && authorizations.allSatisfy { $0 == "Bearer <redacted>" }, "\(authorizations)")
            let urls = requests.compactMap { $0["url"] as? String }
            #expect(urls.first?.hasPrefix(emulator.baseURL + "/organizations/org/sources/src/status") == true, "\(urls)")
            let upload = try #require(requests.first { ($0["body"] as? [String: Any])?["addOrUpdate"] != nil })
            let documents = (upload["body"] as? [String: Any])?["addOrUpdate"] as? [[String: Any]]
            #expect(documents?.compactMap { $0["documentId"] as? String } == ["https://example.com/d/1", "https://example.com/d/2"])
            let summary = try #require(ExecFixture.summaryLine(result), "\(result)")
            #expect(summary.contains("accepted 2, deleted 0, failed 0"))
            let received = await emulator.service.requestLog
            #expect(received.isEmpty, "the emulator received \(received)")
            #expect(await emulator.documentIds().isEmpty)
        }
    }

    /// Two valid documents around one whose documentId is not a URI, on line 2.
    static func writeMixed(_ sandbox: ExecSandbox) throws -> String {
        try sandbox.write(
            "docs.jsonl",
            [
                ExecFixture.line("https://example.com/m/1", title: "Valid 1", data: "one"),
                ExecFixture.line("not a uri", title: "Invalid", data: "bad"),
                ExecFixture.line("https://example.com/m/3", title: "Valid 3", data: "three"),
            ].joined(separator: "\n") + "\n")
    }

    @Test("--strict with one invalid document sends nothing, exits 1 and names file:line")
    func strictRefusesEverything() async throws {
        let sandbox = try ExecSandbox()
        let path = try Self.writeMixed(sandbox)
        try await ExecEmulator.with { emulator in
            let result = try await sandbox.run(
                ["push", "--strict", sandbox.input.path] + emulator.target,
                environment: sandbox.environment(["COVEO_API_KEY": Self.key]))
            #expect(result.exited(with: 1), "\(result)")
            #expect(result.output.contains("\(path):2"), "the failure must name the file and line: \(result)")
            #expect(result.output.contains("not a uri"), "\(result)")
            #expect(result.output.contains("nothing was sent"), "\(result)")
            let received = await emulator.service.requestLog
            #expect(received.isEmpty, "the emulator received \(received)")
            #expect(await emulator.documentIds().isEmpty)
        }
    }

    @Test("without --strict the valid documents are pushed, the invalid one is listed with file and line, exit 1")
    func invalidDocumentIsSkipped() async throws {
        let sandbox = try ExecSandbox()
        let path = try Self.writeMixed(sandbox)
        try await ExecEmulator.with { emulator in
            let result = try await sandbox.run(
                ["push", sandbox.input.path] + emulator.target,
                environment: sandbox.environment(["COVEO_API_KEY": Self.key]))
            #expect(result.exited(with: 1), "\(result)")
            #expect(await emulator.documentIds() == ["https://example.com/m/1", "https://example.com/m/3"])
            let failure = try #require(result.stdoutLines.first { $0.hasPrefix("failed: ") }, "\(result)")
            #expect(failure.hasPrefix("failed: \(path):2: "), "\(failure)")
            #expect(failure.contains("not a uri"), "\(failure)")
            let summary = try #require(ExecFixture.summaryLine(result), "\(result)")
            #expect(summary.contains("accepted 2, deleted 0, failed 1"), "\(summary)")
            let statuses = await emulator.service.statusHistory(sourceId: ExecEmulator.source).map(\.status)
            #expect(statuses == [.incremental, .idle])

            let json = try await sandbox.run(
                ["push", "--json", sandbox.input.path] + emulator.target,
                environment: sandbox.environment(["COVEO_API_KEY": Self.key]))
            #expect(json.exited(with: 1), "\(json)")
            let object = try ExecFixture.object(try #require(json.stdoutLines.last))
            #expect(object["exitStatus"] as? Int == 1 && object["accepted"] as? Int == 2 && object["failed"] as? Int == 1)
            let failures = try #require(object["failures"] as? [[String: Any]])
            #expect(failures.count == 1)
            #expect(failures.first?["file"] as? String == path)
            #expect(failures.first?["line"] as? Int == 2)
            #expect(failures.first?["id"] as? String == "not a uri")
        }
    }
}

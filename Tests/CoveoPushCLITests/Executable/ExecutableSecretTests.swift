import CoveoPush
import CoveoPushTesting
import Foundation
import Testing

/// The API key never appears in what the executable writes, nor is it sent to upload URLs.
@Suite("coveo-push keeps the API key secret (executable)")
struct ExecutableSecretTests {
    static let key = "secret-key-4242"

    @Test("push --verbose --log-file, delete, status and identities never write the key")
    func keyNeverWritten() async throws {
        let sandbox = try ExecSandbox()
        try sandbox.write(
            "docs/items.jsonl",
            (1...3).map { ExecFixture.line("https://example.com/s/\($0)", title: "S\($0)", data: "secret \($0)") }
                .joined(separator: "\n"))
        try sandbox.write("docs/readme.txt", "a content file")
        let identities = try sandbox.write("identities.json", ExecutableRequestTests.identityBatch)
        let logFile = sandbox.root.appendingPathComponent("requests.log")
        try await ExecEmulator.with(.init(apiKey: Self.key)) { emulator in
            let environment = sandbox.environment(["COVEO_API_KEY": Self.key])
            let docs = sandbox.input.appendingPathComponent("docs").path
            var results: [ExecResult] = []
            results.append(
                try await sandbox.run(
                    ["push", docs, "--verbose", "--log-file", logFile.path] + emulator.target, environment: environment))
            results.append(
                try await sandbox.run(
                    ["delete", "https://example.com/s/1", "--verbose"] + emulator.target, environment: environment))
            results.append(try await sandbox.run(["status", "idle", "--verbose"] + emulator.target, environment: environment))
            results.append(
                try await sandbox.run(
                    ["identities", "--provider", "p", identities, "--verbose", "--log-file", logFile.path]
                        + emulator.target, environment: environment))
            // The key given on the command line instead of the environment.
            results.append(
                try await sandbox.run(
                    ["status", "idle", "--verbose", "--api-key", Self.key] + emulator.target,
                    environment: sandbox.environment()))
            for result in results {
                #expect(result.exited(with: 0), "\(result)")
                #expect(!result.output.contains(Self.key), "the key leaked: \(result)")
                #expect(!result.stderr.isEmpty, "--verbose logs each request on stderr: \(result)")
            }
            let log = try String(contentsOf: logFile, encoding: .utf8)
            #expect(log.split(separator: "\n").count >= 6, "the log file holds one line per request: \(log)")
            #expect(!log.contains(Self.key), "the key leaked into the log file")
            let ids = await emulator.documentIds()
            #expect(ids.filter { $0.hasPrefix("https://") } == ["https://example.com/s/2", "https://example.com/s/3"])
            #expect(ids.contains { $0.hasSuffix("/docs/readme.txt") }, "\(ids)")
            // The emulator refuses (403) an upload that carries an Authorization header; its request log holds
            // no headers, so every upload answered 200 is the proof that the key did not travel to upload URLs.
            let received = await emulator.service.requestLog
            let uploads = received.filter { $0.route == .uploadToFileContainer }
            #expect(uploads.count >= 2, "\(received)")
            #expect(uploads.allSatisfy { $0.statusCode == 200 }, "\(uploads)")
        }
    }

    @Test("catalog update/merge/load, delete-older-than, identities delete-older-than and --dry-run never write the key")
    func keyNeverWrittenByOtherSubcommands() async throws {
        let sandbox = try ExecSandbox()
        let catalog = try sandbox.write(
            "catalog.json",
            #"{"addOrUpdate": [{"documentId": "https://example.com/p/1", "title": "P1", "price": 10}], "#
                + #""partialUpdate": [{"documentId": "https://example.com/p/1", "operator": "fieldValueReplace", "#
                + #""field": "price", "value": 12}]}"#)
        let merge = try sandbox.write(
            "merge.json", #"{"addOrUpdate": [{"documentId": "https://example.com/p/1", "title": "P1 again"}]}"#)
        let docs = try sandbox.write("docs.jsonl", ExecFixture.line("https://example.com/d/1", title: "D1", data: "d"))
        let logFile = sandbox.root.appendingPathComponent("other.log")
        try await ExecEmulator.with(.init(apiKey: Self.key)) { emulator in
            let environment = sandbox.environment(["COVEO_API_KEY": Self.key])
            let verbose = ["--verbose", "--log-file", logFile.path]
            let runs: [[String]] = [
                ["catalog", "update", catalog], ["catalog", "merge", merge], ["catalog", "load", merge],
                ["delete-older-than", "--ordering-id", "1"],
                ["identities", "delete-older-than", "--provider", "p", "--ordering-id", "1"],
                ["push", docs, "--dry-run"],
            ]
            for arguments in runs {
                let result = try await sandbox.run(arguments + verbose + emulator.target, environment: environment)
                #expect(result.exited(with: 0), "\(arguments): \(result)")
                #expect(!result.output.contains(Self.key), "the key leaked: \(arguments): \(result)")
            }
            let log = try String(contentsOf: logFile, encoding: .utf8)
            #expect(log.split(separator: "\n").count >= runs.count, "\(log)")
            #expect(!log.contains(Self.key), "the key leaked into the log file")
            let uploads = await emulator.service.requestLog.filter { $0.route == .uploadToFileContainer }
            #expect(uploads.count >= 3 && uploads.allSatisfy { $0.statusCode == 200 }, "\(uploads)")
        }
    }

    @Test("a malformed key is refused with exit 2 without echoing it")
    func malformedKey() async throws {
        let sandbox = try ExecSandbox()
        let file = try sandbox.write("doc.json", ExecFixture.line("https://example.com/m", title: "M", data: "m"))
        try await ExecEmulator.with { emulator in
            for key in ["s3cr3t-k3y 4242", "s3cr3t-k3y-4242\n"] {
                let result = try await sandbox.run(
                    ["push", file] + emulator.target, environment: sandbox.environment(["COVEO_API_KEY": key]))
                #expect(result.exited(with: 2), "\(result)")
                #expect(result.stderr.contains("API key"), "\(result)")
                #expect(!result.output.contains("s3cr3t"), "the key leaked: \(result)")
            }
            #expect(await emulator.service.requestLog.isEmpty)
        }
    }
}

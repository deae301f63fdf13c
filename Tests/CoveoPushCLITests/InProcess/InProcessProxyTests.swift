import CoveoPush
import CoveoPushTesting
import Foundation
import Testing

@testable import CoveoPushCLI

/// `--proxy` in-process, where no URLSession is made (dry run, the embedded emulator, a malformed value), so the test
/// process's environment is never changed. The routes themselves are tested with the executable
/// (`ExecutableProxyTests`).
@Suite("coveo-push --proxy (in-process)")
struct InProcessProxyTests {
    static let proxy = "http://crawler:pr0xy-s3cret@127.0.0.1:3128"

    @Test(
        "every subcommand that sends requests lists --proxy in its help",
        arguments: [["push"], ["delete"], ["delete-older-than"], ["status"], ["identities"], ["catalog", "update"]])
    func helpListsProxy(words: [String]) async {
        let help = await InProcessFixtures.run(words + ["--help"])
        #expect(help.status == .success)
        #expect(help.out.contains("--proxy URL"), "\(help.out)")
        #expect(help.out.contains("http://[user:password@]host:port"), "\(help.out)")
    }

    @Test("a valid --proxy with a dry run or the embedded emulator changes nothing and prints no credentials")
    func validProxyWithoutNetwork() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("proxy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("docs.jsonl")
        try Data(#"{"documentId": "https://example.com/1", "title": "One", "data": "one"}"#.utf8).write(to: file)
        let dryRun = await InProcessFixtures.run(
            ["push", file.path, "--proxy", Self.proxy, "--dry-run", "--verbose"] + InProcessFixtures.target)
        #expect(dryRun.status == .success, "\(dryRun.err)")
        let emulator = await InProcessFixtures.run(
            ["push", file.path, "--proxy", Self.proxy, "--verbose"], variables: [:])
        #expect(emulator.status == .success, "\(emulator.err)")
        for run in [dryRun, emulator] {
            #expect(!run.out.contains("pr0xy-s3cret") && !run.err.contains("pr0xy-s3cret"))
        }
    }

    @Test("a malformed --proxy is a usage error before anything is sent, also with the embedded emulator")
    func malformedProxy() async {
        let transport = RecordingTransport()
        let refused = await InProcessFixtures.run(
            ["status", "idle", "--proxy", "http://crawler:pr0xy-s3cret@127.0.0.1"] + InProcessFixtures.target,
            transport: transport)
        #expect(refused.status == .usage)
        #expect(refused.err.contains("--proxy: "), "\(refused.err)")
        #expect(refused.err.contains("port"), "\(refused.err)")
        #expect(!refused.err.contains("pr0xy-s3cret"))
        #expect(await transport.requests.isEmpty)
        let noTarget = await InProcessFixtures.run(["status", "idle", "--proxy=ftp://proxy:21"], variables: [:])
        #expect(noTarget.status == .usage)
        #expect(noTarget.err.contains("--proxy: "), "\(noTarget.err)")
    }
}

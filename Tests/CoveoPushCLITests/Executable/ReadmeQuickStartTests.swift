import Foundation
import Testing

/// The README's quick start works as written: its commands, its sample folder, and what the first one prints.
@Suite("README quick start (executable)")
struct ReadmeQuickStartTests {
    /// The lines of the first fenced block under the `## Quick start` heading.
    static func quickStartCommands(_ readme: String) throws -> [String] {
        let lines = readme.components(separatedBy: "\n")
        guard let heading = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "## Quick start" })
        else { throw ExecChildError(description: "README.md has no '## Quick start' section") }
        let rest = lines[(heading + 1)...]
        guard let open = rest.firstIndex(where: { $0.hasPrefix("```") }),
            let close = rest[(open + 1)...].firstIndex(where: { $0.hasPrefix("```") })
        else { throw ExecChildError(description: "the quick start has no fenced block") }
        let nextHeading = rest.firstIndex { $0.hasPrefix("## ") } ?? rest.endIndex
        guard open < nextHeading else { throw ExecChildError(description: "the quick start's block is in another section") }
        return rest[(open + 1)..<close].map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    @Test("the quick start block holds exactly the push of Documentation/Examples and swift test")
    func quickStartBlock() throws {
        let root = ExecFixture.packageRoot()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(try Self.quickStartCommands(readme) == ["swift run coveo-push push Documentation/Examples", "swift test"])
        let examples = root.appendingPathComponent("Documentation/Examples")
        let files = FileManager.default.enumerator(atPath: examples.path)?.allObjects.compactMap { $0 as? String } ?? []
        #expect(files.contains("articles.jsonl") && files.contains("handbook/welcome.md"), "\(files)")
    }

    @Test("push Documentation/Examples from the package root runs against the built-in emulator")
    func quickStartPush() async throws {
        let sandbox = try ExecSandbox()
        let result = try await sandbox.run(
            ["push", "Documentation/Examples"], environment: sandbox.environment(),
            directory: ExecFixture.packageRoot())
        #expect(result.exited(with: 0), "\(result)")
        let first = try #require(result.stdoutLines.first)
        #expect(first.contains("built-in in-memory Push API emulator"), "\(first)")
        let summary = try #require(ExecFixture.summaryLine(result), "\(result)")
        #expect(summary.contains("accepted 14, deleted 1, failed 0"), "\(summary)")
        #expect(result.stdout.contains("The emulator now holds 14 items in source 'emulator-source'"), "\(result)")
        #expect(result.stdout.contains("https://example.com/notes/travel-policy  \"Travel policy\""), "\(result)")
        #expect(!result.stdout.contains("failed: "), "\(result)")
        #expect(sandbox.temporaryEntries().isEmpty)
    }
}

import CoveoPush
import CoveoPushEmulator
import Foundation
import Testing

@testable import CoveoPushCLI

/// The built-in emulator's Platform side from the command line: the unmapped-key line after a push, and the
/// denied privileges of `--emulator-deny-privilege` and `emulate --deny-privilege`.
@Suite("coveo-push and the emulator's Platform API")
struct InProcessEmulatorPlatformTests {
    static func jsonl(_ folder: InProcessFolder, _ lines: [String]) throws -> String {
        try folder.write("docs.jsonl", lines.joined(separator: "\n") + "\n")
    }

    @Test("push to the embedded emulator ends by naming the metadata keys no field maps")
    func unmappedKeysLine() async throws {
        let folder = try InProcessFolder()
        let file = try Self.jsonl(
            folder,
            [
                #"{"documentId": "https://example.com/a", "title": "A", "color": "red", "Weight": 3}"#,
                #"{"documentId": "https://example.com/b", "author": "me", "COLOR": "blue", "Date": "2024-01-01"}"#,
            ])
        let run = await InProcessFixtures.run(["push", file], variables: [:])
        #expect(run.status == .success, "\(run.out)\n\(run.err)")
        #expect(
            run.outLines.last
                == "Coveo would drop these metadata keys: no field named Weight, color; run `coveo-push fields sync`",
            "\(run.out)")
    }

    @Test("no line when every metadata key has a field, and none against a real target")
    func noUnmappedKeysLine() async throws {
        let folder = try InProcessFolder()
        let file = try Self.jsonl(folder, [#"{"documentId": "https://example.com/a", "title": "A", "Author": "me"}"#])
        let run = await InProcessFixtures.run(["push", file], variables: [:])
        #expect(run.status == .success, "\(run.out)\n\(run.err)")
        #expect(!run.out.contains("Coveo would drop"))
        let withColor = try Self.jsonl(folder, [#"{"documentId": "https://example.com/a", "color": "red"}"#])
        let service = InMemoryPushService()
        let targeted = await InProcessFixtures.run(
            ["push"] + InProcessFixtures.target + [withColor], transport: service)
        #expect(targeted.status == .success, "\(targeted.out)\n\(targeted.err)")
        #expect(!targeted.out.contains("Coveo would drop"))
    }

    @Test("--emulator-deny-privilege denies on the embedded emulator: the push is refused 403")
    func denyOnEmbeddedEmulator() async throws {
        let folder = try InProcessFolder()
        let file = try Self.jsonl(folder, [#"{"documentId": "https://example.com/a", "title": "A"}"#])
        let run = await InProcessFixtures.run(
            ["push", "--emulator-deny-privilege", "SOURCE_ITEMS:EDIT", file], variables: [:])
        #expect(run.status != .success && run.status != .usage, "\(run.out)\n\(run.err)")
        #expect((run.out + run.err).contains("403"), "\(run.out)\n\(run.err)")
        let granted = await InProcessFixtures.run(
            ["push", "--emulator-deny-privilege", "FIELD:CREATE,SECURITY_IDENTITY:EDIT", file], variables: [:])
        #expect(granted.status == .success, "\(granted.out)\n\(granted.err)")
    }

    @Test("--emulator-deny-privilege is refused with a target or a name the emulator does not check (exit 2)")
    func denyRefusals() async throws {
        let folder = try InProcessFolder()
        let file = try Self.jsonl(folder, [#"{"documentId": "https://example.com/a"}"#])
        let targeted = await InProcessFixtures.run(
            ["push", "--emulator-deny-privilege", "FIELD:CREATE"] + InProcessFixtures.target + [file],
            transport: InMemoryPushService())
        #expect(targeted.status == .usage)
        #expect(
            targeted.err.contains("--emulator-deny-privilege applies only to the built-in emulator"), "\(targeted.err)")
        let fromEnvironment = await InProcessFixtures.run(
            ["push", "--emulator-deny-privilege", "FIELD:CREATE", file], variables: ["COVEO_API_KEY": "k"])
        #expect(fromEnvironment.status == .usage)
        for bad in ["FIELD", "FIELD:DESTROY", "FIELD:CREATE,,SOURCE:VIEW", "OTHER:FIELD:CREATE"] {
            let run = await InProcessFixtures.run(["push", "--emulator-deny-privilege", bad, file], variables: [:])
            #expect(run.status == .usage, "\(bad)")
            #expect(run.err.contains("--emulator-deny-privilege: '"), "\(bad): \(run.err)")
            #expect(run.err.contains("FIELD:CREATE, FIELD:EDIT") || run.err.contains("FIELD:VIEW"), "\(run.err)")
        }
        let emulate = await InProcessFixtures.run(["emulate", "--deny-privilege", "FIELDS:CREATE"], variables: [:])
        #expect(emulate.status == .usage)
        #expect(emulate.err.contains("--deny-privilege: 'FIELDS:CREATE' is not a privilege"), "\(emulate.err)")
    }

    @Test("the privilege lists parse, in any case, with spaces around commas")
    func parsing() throws {
        let denied = try DeniedPrivileges.parse("field:create, SOURCE_ITEMS:EDIT,PLATFORM:FIELD:VIEW", option: "--x")
        #expect(denied.map(\.description).sorted() == ["FIELD:CREATE", "FIELD:VIEW", "SOURCE_ITEMS:EDIT"])
    }
}

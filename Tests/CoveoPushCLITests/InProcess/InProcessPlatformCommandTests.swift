import CoveoPush
import CoveoPushEmulator
import Foundation
import Testing

@testable import CoveoPushCLI

/// `source create|list`, `provider create` and `check`, in-process against the built-in emulator and against an
/// emulator given as the transport of an explicit target.
@Suite("coveo-push source, provider and check")
struct InProcessPlatformCommandTests {
    static let target = ["--organization", "acme"]

    /// An emulator denying `denied`, for an explicit target.
    static func service(denying denied: [String] = []) -> InMemoryPushService {
        var configuration = InMemoryPushService.Configuration()
        configuration.deniedPrivileges = Set(denied.compactMap(EmulatedPrivilege.init))
        return InMemoryPushService(configuration: configuration)
    }

    static func object(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    static func isSourceId(_ text: String, organization: String) -> Bool {
        let parts = text.split(separator: "-", maxSplits: 1).map(String.init)
        return parts.count == 2 && parts[0].count == 26
            && parts[0].unicodeScalars.allSatisfy { CharacterSet.lowercaseLetters.union(.decimalDigits).contains($0) }
            && parts[1] == organization
    }

    // MARK: - source

    @Test("source create prints the new source's ID, one line; the built-in emulator's banner goes to stderr")
    func sourceCreate() async throws {
        let run = await InProcessFixtures.run(["source", "create", "Tickets"], variables: [:])
        #expect(run.status == .success, "\(run.err)")
        #expect(run.outLines.count == 1, "\(run.out)")
        #expect(Self.isSourceId(run.out.trimmingCharacters(in: .newlines), organization: "emulator-organization"))
        #expect(run.err.contains("built-in in-memory Push API emulator"))
    }

    @Test("source create --json: {id, name, sourceType, sourceVisibility}; --catalog and --visibility are sent")
    func sourceCreateJSON() async throws {
        let recorder = InProcessRecorder()
        let run = await InProcessFixtures.run(
            ["source", "create", "Products", "--catalog", "--visibility", "SHARED", "--json"] + Self.target,
            transport: recorder)
        #expect(run.status == .success, "\(run.err)")
        #expect(run.outLines.count == 1)
        let object = try Self.object(run.out)
        #expect(Set(object.keys) == ["id", "name", "sourceType", "sourceVisibility"])
        #expect(Self.isSourceId(object["id"] as? String ?? "", organization: "acme"))
        #expect(object["name"] as? String == "Products")
        #expect(object["sourceType"] as? String == "CATALOG")
        #expect(object["sourceVisibility"] as? String == "SHARED")
        let requests = await recorder.requests
        // The privilege check (SOURCE: VIEW, CREATE, EDIT) comes before the one write.
        let paths = requests.map { "\($0.request.method.rawValue) \($0.request.url.path)" }
        #expect(paths.filter { $0 == "POST /rest/privilege/evaluate" }.count == 3, "\(paths)")
        #expect(paths.last == "POST /rest/organizations/acme/sources", "\(paths)")
        let body = try #require(requests.last?.body)
        let sent = try Self.object(String(decoding: body, as: UTF8.self))
        #expect(sent["sourceType"] as? String == "CATALOG")
        #expect(sent["sourceVisibility"] as? String == "SHARED")
    }

    @Test(
        "source create refusals, exit 2 before any request: no name, an empty name, an unknown visibility, extra words",
        arguments: [
            (["source", "create"], "give the new source's name"),
            (["source", "create", ""], "the source name is empty"),
            (["source", "create", "  "], "the source name is empty"),
            (["source", "create", "A", "--visibility", "public"], "--visibility: unknown visibility 'public'"),
            (["source", "create", "A", "B"], "give one name"),
            (["source", "list", "--catalog"], "--catalog applies only to source create"),
            (["source", "list", "extra"], "unexpected argument 'extra'"),
            (["source"], "give an action"),
            (["source", "delete", "x"], "unknown action 'delete'"),
            (["source", "create", "A", "--dry-run"], "--dry-run does not apply"),
        ])
    func sourceRefusals(words: [String], message: String) async {
        let recorder = InProcessRecorder()
        let run = await InProcessFixtures.run(words + Self.target, transport: recorder)
        #expect(run.status == .usage, "\(run.out)\n\(run.err)")
        #expect(run.err.contains(message), "\(run.err)")
        #expect(run.out.isEmpty)
        #expect(await recorder.requests.isEmpty)
    }

    @Test("source create without SOURCE:CREATE exits 3 naming it, and creates nothing")
    func sourceCreateDenied() async throws {
        let service = Self.service(denying: ["SOURCE:CREATE"])
        let run = await InProcessFixtures.run(["source", "create", "Tickets"] + Self.target, transport: service)
        #expect(run.status == .authentication, "\(run.err)")
        #expect(run.err.contains("missing SOURCE:CREATE (needed by sources)"), "\(run.err)")
        #expect(run.out.isEmpty)
        let list = await InProcessFixtures.run(["source", "list", "--json"] + Self.target, transport: service)
        #expect(list.status == .success, "\(list.err)")
        #expect(list.out.isEmpty)
        let embedded = await InProcessFixtures.run(
            ["source", "create", "Tickets", "--emulator-deny-privilege", "SOURCE:EDIT"], variables: [:])
        #expect(embedded.status == .authentication)
        #expect(embedded.err.contains("missing SOURCE:EDIT"), "\(embedded.err)")
    }

    @Test("source list: one line a source (ID, type, visibility, name); --json: JSON Lines with the API's keys")
    func sourceList() async throws {
        let service = Self.service()
        let tickets = await InProcessFixtures.run(["source", "create", "Tickets"] + Self.target, transport: service)
        let products = await InProcessFixtures.run(
            ["source", "create", "Products", "--catalog", "--visibility", "private"] + Self.target, transport: service)
        let ticketsId = tickets.out.trimmingCharacters(in: .newlines)
        let productsId = products.out.trimmingCharacters(in: .newlines)
        let text = await InProcessFixtures.run(["source", "list"] + Self.target, transport: service)
        #expect(text.status == .success, "\(text.err)")
        #expect(text.outLines == ["\(ticketsId)\tPUSH\tSECURED\tTickets", "\(productsId)\tCATALOG\tPRIVATE\tProducts"])
        #expect(text.err.contains("2 sources"))
        let json = await InProcessFixtures.run(["source", "list", "--json"] + Self.target, transport: service)
        #expect(json.status == .success, "\(json.err)")
        let objects = try json.outLines.map(Self.object)
        #expect(objects.map { $0["id"] as? String } == [ticketsId, productsId])
        let first = try #require(objects.first)
        #expect(first["name"] as? String == "Tickets")
        #expect(first["sourceType"] as? String == "PUSH")
        #expect(first["sourceVisibility"] as? String == "SECURED")
        #expect(first["pushEnabled"] as? Bool == true)
        let information = try #require(first["information"] as? [String: Any])
        #expect(information["numberOfDocuments"] as? Int == 0)
    }

    @Test("the service's refusals keep their exit status: a duplicate name exits 4, a denied listing 3")
    func serviceRefusals() async throws {
        let service = Self.service(denying: ["SOURCE:VIEW"])
        let shared = Self.service()
        let first = await InProcessFixtures.run(["source", "create", "Tickets"] + Self.target, transport: shared)
        #expect(first.status == .success)
        let duplicate = await InProcessFixtures.run(["source", "create", "tickets"] + Self.target, transport: shared)
        #expect(duplicate.status == .serviceFailure, "\(duplicate.err)")
        #expect(duplicate.err.contains("SOURCE_ALREADY_EXISTS"), "\(duplicate.err)")
        #expect(duplicate.out.isEmpty)
        let list = await InProcessFixtures.run(["source", "list"] + Self.target, transport: service)
        #expect(list.status == .authentication, "\(list.err)")
        #expect(list.err.contains("403") && list.err.contains("ACCESS_DENIED"), "\(list.err)")
    }

    // MARK: - provider

    @Test("provider create against an explicit target: the source from --source or COVEO_SOURCE_ID; --json")
    func providerCreate() async throws {
        let service = Self.service()
        let source = await InProcessFixtures.run(["source", "create", "Tickets"] + Self.target, transport: service)
        let sourceId = source.out.trimmingCharacters(in: .newlines)
        let run = await InProcessFixtures.run(
            ["provider", "create", "tickets-provider", "--source", sourceId] + Self.target, transport: service)
        #expect(run.status == .success, "\(run.err)")
        #expect(run.outLines == ["tickets-provider"])
        let json = await InProcessFixtures.run(
            ["provider", "create", "tickets-provider", "--display-name", "Tickets", "--json"] + Self.target,
            transport: service, variables: ["COVEO_API_KEY": "k", "COVEO_SOURCE_ID": sourceId])
        #expect(json.status == .success, "\(json.err)")
        let object = try Self.object(json.out)
        #expect(object["id"] as? String == "tickets-provider")
        #expect(object["displayName"] as? String == "Tickets")
        #expect(object["type"] as? String == "EXPANDED")
        #expect(object["sourceIds"] as? [String] == [sourceId])
    }

    @Test("provider create against the built-in emulator creates its source first, and says so")
    func providerOnEmbeddedEmulator() async throws {
        let run = await InProcessFixtures.run(["provider", "create", "my-provider"], variables: [:])
        #expect(run.status == .success, "\(run.err)")
        #expect(run.outLines == ["my-provider"])
        #expect(run.err.contains("first created the Push source 'emulator-source'"), "\(run.err)")
        let denied = await InProcessFixtures.run(
            ["provider", "create", "my-provider", "--emulator-deny-privilege", "SECURITY_PROVIDER:CREATE"],
            variables: [:])
        #expect(denied.status == .authentication)
        #expect(denied.err.contains("missing SECURITY_PROVIDER:CREATE (needed by providers)"), "\(denied.err)")
        #expect(!denied.err.contains("first created"), "nothing is written after a failed check")
    }

    @Test(
        "provider create refusals, exit 2 before any request: no source, no ID, an empty ID, another action",
        arguments: [
            (["provider", "create", "p"], "missing the source (--source or COVEO_SOURCE_ID)"),
            (["provider", "create", "--source", "s"], "give the provider ID"),
            (["provider", "create", "", "--source", "s"], "the provider ID is empty"),
            (["provider", "create", "p", "q", "--source", "s"], "give one provider ID"),
            (["provider", "update", "p", "--source", "s"], "unknown action 'update'"),
            (["provider", "create", "p", "--source", "s", "--display-name", ""], "--display-name is empty"),
        ])
    func providerRefusals(words: [String], message: String) async {
        let recorder = InProcessRecorder()
        let run = await InProcessFixtures.run(words + Self.target, transport: recorder)
        #expect(run.status == .usage, "\(run.out)\n\(run.err)")
        #expect(run.err.contains(message), "\(run.err)")
        #expect(await recorder.requests.isEmpty)
    }

    // MARK: - check

    @Test("check: every privilege of push granted on the built-in emulator, exit 0")
    func checkGranted() async throws {
        let run = await InProcessFixtures.run(["check"], variables: [:])
        #expect(run.status == .success, "\(run.err)")
        #expect(
            run.outLines == [
                "granted  ORGANIZATION:VIEW (needed by push; assumed)",
                "granted  SOURCE:VIEW (needed by push; assumed)",
                "granted  SOURCE_ITEMS:EDIT (target emulator-source) (needed by push; assumed)",
                "all 3 privileges granted for push",
            ])
    }

    @Test("check with denied privileges: exit 3, each missing one named, assumed ones labelled")
    func checkMissing() async throws {
        let run = await InProcessFixtures.run(
            ["check", "fields", "push", "sources", "--emulator-deny-privilege", "FIELD:CREATE,SOURCE_ITEMS:EDIT"],
            variables: [:])
        #expect(run.status == .authentication, "\(run.err)")
        #expect(run.out.contains("MISSING  FIELD:CREATE (needed by fields)\n"), "\(run.out)")
        #expect(run.out.contains("MISSING  SOURCE_ITEMS:EDIT (target emulator-source) (needed by push; assumed)"))
        #expect(run.out.contains("granted  SOURCE:VIEW (needed by push, sources)\n"), "\(run.out)")
        #expect(
            run.outLines.last == "2 of 8 privileges missing for fields, push, sources: FIELD:CREATE, SOURCE_ITEMS:EDIT")
        #expect(run.err.contains("assumed: Coveo names these privileges only in the console"))
    }

    @Test("check --json: the needs, whether all are granted, and each privilege with its needs and label")
    func checkJSON() async throws {
        let service = Self.service(denying: ["SECURITY_IDENTITY:EDIT"])
        let run = await InProcessFixtures.run(
            ["check", "identities", "--json"] + Self.target, transport: service)
        #expect(run.status == .authentication, "\(run.err)")
        let object = try Self.object(run.out)
        #expect(object["needs"] as? [String] == ["identities"])
        #expect(object["granted"] as? Bool == false)
        let privileges = try #require(object["privileges"] as? [[String: Any]])
        #expect(
            privileges.map { $0["privilege"] as? String } == [
                "ORGANIZATION:VIEW", "SECURITY_PROVIDER:VIEW", "SECURITY_IDENTITY:EDIT",
            ])
        #expect(privileges.map { $0["granted"] as? Bool } == [true, true, false])
        #expect(privileges.allSatisfy { $0["assumed"] as? Bool == true })
        #expect(privileges.last?["resultCodes"] as? [String] == ["OPERATION_NOT_ALLOWED"])
    }

    @Test("check refusals, exit 2: an unknown need, a dry run, a target that has no Platform URL")
    func checkRefusals() async {
        let unknown = await InProcessFixtures.run(["check", "items"], variables: [:])
        #expect(unknown.status == .usage)
        #expect(unknown.err.contains("'items' is not something to check; use one or more of push, catalog"))
        let dryRun = await InProcessFixtures.run(["check", "--dry-run"], variables: [:])
        #expect(dryRun.status == .usage)
        let recorder = InProcessRecorder()
        let proxy = await InProcessFixtures.run(
            ["check", "--base-url", "https://proxy.example.com/push/v1"] + Self.target, transport: recorder)
        #expect(proxy.status == .usage)
        #expect(proxy.err.contains("give --platform-url (or COVEO_PLATFORM_URL)"), "\(proxy.err)")
        #expect(await recorder.requests.isEmpty)
    }

    @Test("the overview lists the new subcommands, and each has its help")
    func help() async {
        let overview = await InProcessFixtures.run(["--help"], variables: [:])
        for name in ["source", "provider", "check"] { #expect(overview.out.contains("\n  \(name) ")) }
        for name in ["source", "provider", "check"] {
            let help = await InProcessFixtures.run([name, "--help"], variables: [:])
            #expect(help.status == .success)
            #expect(help.out.contains("--platform-url URL"), "\(name)")
        }
    }
}

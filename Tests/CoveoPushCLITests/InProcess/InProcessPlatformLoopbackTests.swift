import CoveoPush
import CoveoPushEmulator
import Foundation
import Testing

@testable import CoveoPushCLI

/// The Platform subcommands over loopback HTTP with `URLSessionTransport`: a `--base-url` on 127.0.0.1 stands for
/// a whole emulated Coveo, so the Platform requests go to the same server's `/rest/…`.
@Suite("coveo-push Platform subcommands over loopback HTTP")
struct InProcessPlatformLoopbackTests {
    @Test("check, source create, provider create and source list against LoopbackPushServer.emulator")
    func overHTTP() async throws {
        var configuration = InMemoryPushService.Configuration()
        configuration.deniedPrivileges = [EmulatedPrivilege(targetDomain: "FIELD", type: "CREATE")]
        let (server, service) = try LoopbackPushServer.emulator(configuration: configuration)
        do {
            try await Self.walkthrough(server: server, service: service)
            await server.shutdown()
        } catch {
            await server.shutdown()
            throw error
        }
    }

    static func walkthrough(server: LoopbackPushServer, service: InMemoryPushService) async throws {
        let target = ["--base-url", server.baseURL.absoluteString + "/push/v1", "--organization", "acme"]
        let key = ["COVEO_API_KEY": "xx-loopback-key"]

        let check = await InProcessFixtures.run(["check", "fields", "push", "--source", "s"] + target, variables: key)
        #expect(check.status == .authentication, "\(check.out)\n\(check.err)")
        #expect(check.out.contains("MISSING  FIELD:CREATE (needed by fields)"), "\(check.out)")
        #expect(check.outLines.last == "1 of 6 privileges missing for fields, push: FIELD:CREATE")
        let granted = await InProcessFixtures.run(["check", "sources", "providers"] + target, variables: key)
        #expect(granted.status == .success, "\(granted.out)\n\(granted.err)")

        let source = await InProcessFixtures.run(["source", "create", "Tickets", "--verbose"] + target, variables: key)
        #expect(source.status == .success, "\(source.err)")
        let sourceId = source.out.trimmingCharacters(in: .newlines)
        #expect(sourceId.hasSuffix("-acme") && sourceId.count == 26 + 5, "\(sourceId)")
        #expect(source.err.contains("/rest/organizations/acme/sources"), "the request log names the route")
        #expect(!source.err.contains("xx-loopback-key"))

        let provider = await InProcessFixtures.run(
            ["provider", "create", "tickets-provider", "--source", sourceId] + target, variables: key)
        #expect(provider.status == .success, "\(provider.err)")
        #expect(provider.outLines == ["tickets-provider"])

        let list = await InProcessFixtures.run(["source", "list", "--json"] + target, variables: key)
        #expect(list.status == .success, "\(list.err)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(list.out.utf8)) as? [String: Any])
        #expect(object["id"] as? String == sourceId)
        #expect(object["name"] as? String == "Tickets")

        let log = await service.requestLog
        #expect(log.contains { $0.method == "PUT" && $0.path.hasSuffix("/securityproviders/tickets-provider") })
    }
}

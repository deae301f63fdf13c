import CoveoPushTesting
import Foundation
import Testing

@Suite("The first lines of a crawler: known endpoints, the convenience client, any batched session")
struct FirstLinesTests {
    @Test(
        "each known endpoint is the one the throwing initializer resolves",
        arguments: [
            (PushEndpoint.us, Region.us, PlatformEnvironment.production),
            (PushEndpoint.ca, Region.ca, PlatformEnvironment.production),
            (PushEndpoint.eu, Region.eu, PlatformEnvironment.production),
            (PushEndpoint.au, Region.au, PlatformEnvironment.production),
            (PushEndpoint.hipaa, Region.us, PlatformEnvironment.hipaa),
        ])
    func knownEndpoints(endpoint: PushEndpoint, region: Region, environment: PlatformEnvironment) throws {
        #expect(endpoint == (try PushEndpoint(region: region, environment: environment)))
    }

    @Test("the known endpoints' URLs")
    func knownURLs() {
        #expect(PushEndpoint.eu.baseURL.absoluteString == "https://api-eu.cloud.coveo.com/push/v1")
        #expect(PushEndpoint.hipaa.baseURL.absoluteString == "https://apihipaa.cloud.coveo.com/push/v1")
        #expect(PushEndpoint.production == PushEndpoint.us)
    }

    @Test("PushClient(organizationId:apiKey:region:) builds the same configuration as the long form")
    func convenienceClient() throws {
        let client = try PushClient(
            organizationId: "acme", apiKey: "xx-key", region: .au, transport: MockTransport(always: .empty(202)))
        #expect(client.configuration.endpoint == .au)
        #expect(client.organizationId == "acme")
        guard case .apiKey(let key) = client.configuration.credentials else {
            Issue.record("expected an API key")
            return
        }
        #expect(key.revealedValueForAuthorizationHeader == "xx-key")
    }

    @Test(
        "PushClient(organizationId:apiKey:region:) still refuses bad input with the rule",
        arguments: [
            ("acme", "", Region.us, PlatformEnvironment.production, ValidationError.Rule.emptyIdentifier),
            (
                "acme", "xx\r\nX-Injected: 1", Region.us, PlatformEnvironment.production,
                ValidationError.Rule.invalidAPIKey
            ),
            ("", "xx-key", Region.us, PlatformEnvironment.production, ValidationError.Rule.emptyIdentifier),
            ("acme", "xx-key", Region.eu, PlatformEnvironment.hipaa, ValidationError.Rule.hipaaRegion),
        ])
    func convenienceClientRefuses(
        organization: String, key: String, region: Region, environment: PlatformEnvironment,
        rule: ValidationError.Rule
    ) {
        #expect {
            _ = try PushClient(
                organizationId: organization, apiKey: key, region: region, environment: environment,
                transport: MockTransport(always: .empty(202)))
        } throws: { error in
            (error as? ValidationError)?.rule == rule
        }
    }

    /// Finishes any session without knowing its kind.
    static func drain(_ session: some BatchedSession) async throws -> PushReport {
        try await session.finish()
    }

    @Test("PushSession, CatalogSession and IdentitySession are driven through BatchedSession alike")
    func sharedProtocol() async throws {
        let service = InMemoryPushService(clock: TestClock())
        let client = try PushClient(organizationId: "org", apiKey: "xx-key", transport: service, clock: TestClock())
        let push = client.session(sourceId: "items")
        try await push.addOrUpdate(Document(documentId: "https://example.com/a", title: "a"))
        let catalog = client.catalogSession(sourceId: "catalog")
        try await catalog.addOrUpdate(Document(documentId: "https://example.com/b", title: "b"))
        try await catalog.delete(documentId: "https://example.com/c")
        let identities = client.identitySession(providerId: "provider")
        try await identities.addOrUpdate(IdentityBody(identity: SecurityIdentity(name: "ann", type: .user)))
        let sessions: [any BatchedSession] = [push, catalog, identities]
        var reports: [PushReport] = []
        for session in sessions { reports.append(try await Self.drain(session)) }
        #expect(reports.map(\.accepted) == [1, 1, 1])
        #expect(reports.map(\.deleted) == [0, 1, 0])
        #expect(await service.items(sourceId: "items").map(\.documentId) == ["https://example.com/a"])
        #expect(await service.items(sourceId: "catalog").map(\.documentId) == ["https://example.com/b"])
    }
}

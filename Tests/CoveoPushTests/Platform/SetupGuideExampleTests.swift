import CoveoPushTesting
import Foundation
import Testing

@testable import CoveoPush

/// The steps of `Documentation/Setup.md`, as written there, against a scripted Platform API.
@Suite("Setup guide example")
struct SetupGuideExampleTests {
    @Test("from an empty organization to a pushed source: privileges, source, provider, fields, push")
    func guideSteps() async throws {
        let service = ScriptedPlatformService()
        await service.deny(["FIELD:CREATE"])
        let client = try PushClient(
            configuration: ClientFixtures.configuration { $0.endpoint = .eu }, transport: service.transport(),
            clock: TestClock())

        // 1. Check the key's privileges.
        let missing = try await client.missingPrivileges(for: [.sources, .providers, .fields, .push])
        #expect(missing.map(\.description) == ["FIELD:CREATE (needed by fields)"])
        await service.deny([])

        // 2. Create the source.
        let source = try await client.createSource(name: "Tickets")
        #expect(source.sourceVisibility == .secured)

        // 3. Create the security identity provider.
        let provider = try await client.createOrUpdateProvider(id: "tickets-provider", sourceId: source.id)
        #expect(provider.sourceIds == [source.id])

        // 4. Create the fields.
        let existing = Set(try await client.listFields().map { $0.name.lowercased() })
        let wanted = [
            FieldDefinition(name: "priority", type: .long),
            FieldDefinition(name: "tags", type: .string, multiValueFacet: true),
            FieldDefinition(name: "resolvedat", type: .date),
            FieldDefinition(name: "title", type: .string),
        ]
        try await client.createFields(wanted.filter { !existing.contains($0.name) })
        #expect(await service.fieldCreations == ["priority", "tags", "resolvedat"])

        // 5. Push.
        try await client.requirePrivileges(for: [.push], sourceId: source.id)
        let documents = [Document(documentId: "https://tickets.example.com/1", title: "Printer on fire")]
        let report = try await client.withStatus(.incremental, sourceId: source.id) {
            try await client.push(documents, sourceId: source.id)
        }
        #expect(report.accepted == 1)
        // INCREMENTAL, the batch push, IDLE.
        #expect(await service.pushRequests == 3)
    }
}

import CoveoPushTesting
import Foundation
import Testing

@Suite("InMemoryPushService: security identities")
struct EmulatorIdentityTests {
    static let staff =
        #"{"identity": {"name": "Staff", "type": "GROUP"}, "members": [{"name": "bob@example.com", "type": "USER"}]}"#

    @Test("an identity is stored with its members, replacing the member list on the next push")
    func addIdentity() async throws {
        let harness = EmulatorHarness()
        let response = try await harness.send(.put, "/providers/prov/permissions", json: Self.staff)
        #expect(response.statusCode == 202)
        let replaced = """
            {"identity": {"name": "Staff", "type": "Group", "additionalInfo": {"k": "v"}},
             "members": [{"name": "amy@example.com", "type": "User"}, {"name": "Interns", "type": "VIRTUAL_GROUP"}],
             "wellKnowns": [{"name": "Everyone", "type": "GROUP"}]}
            """
        try await harness.send(.put, "/providers/prov/permissions", json: replaced)
        let identities = await harness.service.identities(provider: "prov")
        #expect(identities.organizationId == "myorg")
        #expect(identities.members.count == 1)
        let staff = try #require(identities.member(named: "Staff"))
        #expect(staff.identity == SecurityIdentity(name: "Staff", type: .group, additionalInfo: ["k": "v"]))
        #expect(staff.members.map(\.name) == ["amy@example.com", "Interns"])
        #expect(staff.members.map(\.type) == [.user, .virtualGroup])
        #expect(staff.wellKnowns.map(\.name) == ["Everyone"])
        #expect(await harness.service.counters.identitiesUpdated == 2)
    }

    @Test("an alias is stored with its mappings")
    func addAlias() async throws {
        let harness = EmulatorHarness()
        let response = try await harness.send(
            .put, "/providers/prov/mappings",
            json: """
                {"identity": {"name": "bjones", "type": "USER"},
                 "mappings": [{"name": "bjones@example.com", "type": "USER", "provider": "Email Security Provider"}]}
                """)
        #expect(response.statusCode == 202)
        let alias = try #require(await harness.service.identities(provider: "prov").mapping(named: "bjones"))
        #expect(
            alias.mappings == [
                MappedIdentity(name: "bjones@example.com", type: .user, provider: "Email Security Provider")
            ])
    }

    @Test("deleting an identity (DELETE with a JSON body) removes it and lists it as deleted")
    func deleteIdentity() async throws {
        let harness = EmulatorHarness()
        try await harness.send(.put, "/providers/prov/permissions", json: Self.staff)
        let response = try await harness.send(
            .delete, "/providers/prov/permissions", json: #"{"identity": {"name": "Staff", "type": "GROUP"}}"#)
        #expect(response.statusCode == 202)
        let identities = await harness.service.identities(provider: "prov")
        #expect(identities.members.isEmpty)
        #expect(identities.deleted == [SecurityIdentity(name: "Staff", type: .group)])
    }

    @Test("identity orderingIds: lower never overwrites; delete older than removes strictly lower ones")
    func identityOrdering() async throws {
        let harness = EmulatorHarness()
        try await harness.send(.put, "/providers/prov/permissions?orderingId=10", json: Self.staff)
        try await harness.send(
            .put, "/providers/prov/permissions?orderingId=5",
            json: #"{"identity": {"name": "Staff", "type": "GROUP"}, "members": []}"#)
        #expect(await harness.service.identities(provider: "prov").member(named: "Staff")?.members.count == 1)
        try await harness.send(
            .put, "/providers/prov/permissions?orderingId=30", json: #"{"identity": {"name": "New", "type": "USER"}}"#)
        let response = try await harness.send(.delete, "/providers/prov/permissions/olderthan?orderingId=20")
        #expect(response.statusCode == 202)
        let identities = await harness.service.identities(provider: "prov")
        #expect(identities.members.map(\.identity.name) == ["New"])
        #expect(identities.deleted.map(\.name) == ["Staff"])
        #expect(identities.olderThanDeletions == [20])
        #expect(await harness.service.counters.staleEntries == 1)
    }

    @Test(
        "identity request errors",
        arguments: [
            (HTTPMethod.put, "/providers/prov/permissions", "", 412, "MISSING_PARAMETER"),
            (.put, "/providers/prov/permissions", #"{"members": []}"#, 412, "MISSING_PARAMETER"),
            (.put, "/providers/prov/permissions", #"{"identity": {"name": "x"}}"#, 412, "INVALID_PARAMETER"),
            (
                .put, "/providers/prov/permissions", #"{"identity": {"name": "", "type": "USER"}}"#, 412,
                "INVALID_PARAMETER"
            ),
            (
                .put, "/providers/prov/permissions", #"{"identity": {"name": "x", "type": "ROBOT"}}"#, 412,
                "INVALID_PARAMETER"
            ),
            (.put, "/providers/prov/permissions", #"{"identity": "#, 400, "INVALID_JSON"),
            (.put, "/providers/prov/permissions?orderingId=x", #"{}"#, 412, "INVALID_PARAMETER"),
            (.delete, "/providers/prov/permissions", "", 412, "MISSING_PARAMETER"),
            (
                .put, "/providers/prov/mappings", #"{"identity": {"name": "x", "type": "USER"}, "mappings": {}}"#, 412,
                "INVALID_PARAMETER"
            ),
            (.put, "/providers/prov/permissions/batch", "", 412, "MISSING_PARAMETER"),
            (.delete, "/providers/prov/permissions/olderthan", "", 412, "MISSING_PARAMETER"),
        ] as [(HTTPMethod, String, String, Int, String)])
    func identityErrors(method: HTTPMethod, path: String, body: String, status: Int, code: String) async throws {
        let harness = EmulatorHarness()
        let response = try await harness.send(method, path, json: body.isEmpty ? nil : body)
        #expect(response.statusCode == status)
        #expect(response.emulatorErrorCode == code)
        #expect(await harness.service.identities(provider: "prov").members.isEmpty)
    }

    @Test("an identity batch applies members, mappings and deletions, and drops bad entries")
    func identityBatch() async throws {
        let harness = EmulatorHarness()
        try await harness.send(
            .put, "/providers/prov/permissions", json: #"{"identity": {"name": "Old", "type": "USER"}}"#)
        let response = try await harness.pushIdentityBatch(
            """
            {"Members": [\(Self.staff), {"identity": {"name": "NoType"}}],
             "mappings": [{"identity": {"name": "bjones", "type": "USER"},
                           "mappings": [{"name": "bjones@example.com", "type": "USER"}]}],
             "deleted": [{"identity": {"name": "Old", "type": "USER"}}],
             "addOrUpdate": [{"documentId": "file://a"}]}
            """)
        #expect(response.statusCode == 202)
        let identities = await harness.service.identities(provider: "prov")
        #expect(identities.members.map(\.identity.name) == ["Staff"])
        #expect(identities.mappings.map(\.identity.name) == ["bjones"])
        #expect(identities.deleted.map(\.name) == ["Old"])
        let dropped = await harness.service.droppedItems
        #expect(dropped.map(\.reason) == [.invalidIdentity, .unknownSection])
        #expect(dropped.map(\.identifier) == ["NoType", nil])
        #expect(dropped.first?.targetId == "prov")
        let counters = await harness.service.counters
        #expect(counters.identityBatches == 1)
        #expect(counters.identitiesDeleted == 1)
        #expect(counters.aliasesUpdated == 1)
    }
}

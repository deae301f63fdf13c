import CoveoPushTesting
import Foundation
import Testing

/// The crawler under test: pushes open tickets and deletes closed ones.
struct TicketCrawler {
    struct Ticket: Sendable {
        var id: Int
        var subject: String
        var isClosed: Bool
        var team: String
    }

    let client: PushClient
    let sourceId: String

    func sync(_ tickets: [Ticket]) async throws -> PushReport {
        let session = client.session(sourceId: sourceId)
        for ticket in tickets {
            let id = "https://tickets.example.com/\(ticket.id)"
            if ticket.isClosed {
                try await session.delete(documentId: id)
            } else {
                var document = Document(documentId: id, title: ticket.subject)
                document.content = .text(ticket.subject)
                document.permissions = .sets([PermissionSet(allowed: [.group(ticket.team)])])
                try await session.addOrUpdate(document)
            }
        }
        return try await session.finish()
    }
}

@Suite("Testing a crawler with CoveoPushTesting")
struct TicketCrawlerTests {
    @Test("open tickets are indexed with their team's permission; closed ones disappear; throttling is survived")
    func syncsTickets() async throws {
        // One virtual clock for the emulator and the client: throttling and retries take no real time.
        let clock = TestClock()
        let service = InMemoryPushService(
            configuration: .init(faults: FaultPlan(seed: 7, requestsPerSecond: 2, failureBeforeRate: 0.2)),
            clock: clock)
        var configuration = PushClient.Configuration(
            endpoint: try PushEndpoint(region: .us), organizationId: "org", credentials: .apiKey("test-key"))
        configuration.batchLimit = 1_000  // small batches, to exercise batching
        let client = try PushClient(configuration: configuration, transport: service, clock: clock)
        let crawler = TicketCrawler(client: client, sourceId: "tickets")

        _ = try await crawler.sync((1...20).map { .init(id: $0, subject: "Ticket \($0)", isClosed: false, team: "support") })
        let report = try await crawler.sync([
            .init(id: 3, subject: "Ticket 3", isClosed: true, team: "support"),
            .init(id: 21, subject: "Printer on fire", isClosed: false, team: "facilities"),
        ])

        #expect(report.accepted == 1 && report.deleted == 1 && report.failed.isEmpty)
        let items = await service.items(organizationId: "org", sourceId: "tickets")
        #expect(items.count == 20)
        #expect(!items.contains { $0.documentId == "https://tickets.example.com/3" })
        let printer = try #require(await service.item("https://tickets.example.com/21", organizationId: "org", sourceId: "tickets"))
        #expect(printer.text == "Printer on fire")
        #expect(printer.permissions == .sets([PermissionSet(allowed: [.group("facilities")])]))
        #expect(await service.faultCounts.total > 0)
    }
}

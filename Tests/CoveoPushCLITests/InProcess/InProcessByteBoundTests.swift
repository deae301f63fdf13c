import CoveoPush
import CoveoPushTesting
import Foundation
import Testing

@testable import CoveoPushCLI

@Suite("The reader-to-session hand-off is bounded in bytes")
struct InProcessByteBoundTests {
    typealias Counter = InProcessHandOffTests.Counter

    @Test("a reservation waits while the held bytes would pass the limit; a larger one waits until none are held")
    func reservations() async throws {
        let handOff = HandOff<Int>(capacity: 8, byteLimit: 100)
        #expect(await handOff.reserve(60))
        #expect(await handOff.send(1, bytes: 60))
        #expect(await handOff.wouldWait(toReserve: 50))
        #expect(await !handOff.wouldWait(toReserve: 40))
        let reserved = Counter()
        let sender = Task {
            guard await handOff.reserve(50) else { return }
            reserved.increment()
            _ = await handOff.send(2, bytes: 50)
            guard await handOff.reserve(500) else { return }
            reserved.increment()
            _ = await handOff.send(3, bytes: 500)
            await handOff.close()
        }
        try await Task.sleep(for: .milliseconds(30))
        #expect(reserved.value == 0, "60 + 50 bytes would pass the 100-byte limit")
        #expect(await handOff.receive() == 1)
        try await Task.sleep(for: .milliseconds(30))
        #expect(reserved.value == 0, "the received element is held until the receiver asks for the next one")
        #expect(await handOff.receive() == 2)
        #expect(reserved.value == 1)
        try await Task.sleep(for: .milliseconds(30))
        #expect(reserved.value == 1, "500 bytes are over the limit on their own: they wait until nothing is held")
        #expect(await handOff.heldBytes == 50)
        #expect(await handOff.mostHeldBytes == 60)
        #expect(await handOff.receive() == 3)
        #expect(reserved.value == 2)
        #expect(await handOff.receive() == nil)
        #expect(await handOff.heldBytes == 0)
        #expect(await handOff.mostHeldBytes == 500)
        await sender.value
    }

    @Test("closing the hand-off releases a sender waiting for bytes")
    func closeReleasesReservation() async throws {
        let handOff = HandOff<Int>(capacity: 8, byteLimit: 10)
        #expect(await handOff.reserve(10))
        let waiting = Task { await handOff.reserve(5) }
        try await Task.sleep(for: .milliseconds(20))
        await handOff.close()
        #expect(await waiting.value == false)
    }

    /// A run of `file` into a Push session of an in-process emulator whose every apply takes a little time, so an
    /// unbounded reader would run far ahead.
    static func run(_ file: String, bytesInFlight: Int) async throws -> (BatchedRun.Outcome, InMemoryPushService) {
        let service = InMemoryPushService()
        let configuration = PushClient.Configuration(
            endpoint: .production, organizationId: "o", credentials: .apiKey(APIKey("k")))
        let client = try PushClient(configuration: configuration, transport: service)
        let session = client.session(sourceId: "s")
        let feed = SessionFeed(session: session) { operation in
            try await Task.sleep(for: .milliseconds(2))
            guard case .addOrUpdate(let document) = operation else { return }
            try await session.addOrUpdate(document)
        }
        var run = BatchedRun(
            files: [file], reader: InputReader(rules: InputRules(records: .documents)), resume: ResumePoint(),
            progressLine: nil)
        run.bytesInFlight = bytesInFlight
        return (try await run.run(into: feed), service)
    }

    @Test("a run holds at most its byte bound of input between reading and applying; a larger line goes alone")
    func runBound() async throws {
        let folder = try InProcessFolder()
        var lines: [String] = []
        for index in 0..<60 {
            let size = index == 20 || index == 40 ? 30_000 : 2_000
            lines.append(
                "{\"documentId\":\"https://example.com/\(index)\",\"data\":\"\(String(repeating: "x", count: size))\"}")
        }
        let file = try folder.write("docs.jsonl", lines.joined(separator: "\n") + "\n")
        let largest = lines.map(\.utf8.count).max() ?? 0

        let (bounded, service) = try await Self.run(file, bytesInFlight: 10_000)
        #expect(bounded.report.accepted == 60)
        #expect(bounded.mostBytesInFlight <= largest, "\(bounded.mostBytesInFlight) bytes in flight")
        #expect(bounded.mostBytesInFlight >= largest, "the large line was counted")
        #expect(await service.items(sourceId: "s").count == 60)

        // Without the bound, the reader runs ahead of the slow session: the bound above is what held it back.
        let (unbounded, _) = try await Self.run(file, bytesInFlight: .max)
        #expect(unbounded.report.accepted == 60)
        #expect(unbounded.mostBytesInFlight > 10_000 + largest, "\(unbounded.mostBytesInFlight) bytes in flight")
    }

    @Test("push accepts a data value over 5 MB and offloads it; a line over --max-document-size is skipped, named")
    func largeDataValue() async throws {
        let folder = try InProcessFolder()
        let text = String(repeating: "large \"value\"\n ", count: 6_000_000 / 16)
        var escaped = ""
        for character in text {
            switch character {
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        let file = try folder.write(
            "large.jsonl",
            "{\"documentId\":\"https://example.com/large\",\"data\":\"\(escaped)\"}\n"
                + "{\"documentId\":\"https://example.com/small\",\"data\":\"small\"}\n")

        let service = InMemoryPushService()
        let run = await InProcessFixtures.run(
            ["push", "--status", "none"] + InProcessFixtures.target + [file], transport: service)
        #expect(run.status == .success, "\(run.out)\n\(run.err)")
        let item = try #require(await service.item("https://example.com/large", sourceId: "s"))
        #expect(item.contentKind == .fileContainer)
        #expect(item.text == text)
        #expect(await service.item("https://example.com/small", sourceId: "s")?.text == "small")

        let limited = InMemoryPushService()
        let refused = await InProcessFixtures.run(
            ["push", "--status", "none", "--max-document-size", "6000000"] + InProcessFixtures.target + [file],
            transport: limited)
        #expect(refused.status != .success)
        #expect(refused.out.contains("large.jsonl:1"), "\(refused.out)")
        #expect(refused.out.contains("over the 6000000-byte limit (--max-document-size)"), "\(refused.out)")
        #expect(await limited.items(sourceId: "s").map(\.documentId) == ["https://example.com/small"])
    }
}

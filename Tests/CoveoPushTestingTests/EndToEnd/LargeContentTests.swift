import CoveoPushTesting
import Foundation
import Testing

@Suite("Text and binary content over the 5 MB inline limit is offloaded to a file container")
struct LargeContentTests {
    /// Over the 5 MB `data` limit, under the 6 MB request limit: only offloading makes such text an item. Escapes
    /// and non-ASCII text included.
    static let largeText: String = {
        let piece = "alpha beta \"quoted\" gamma\n délta ε zeta\\path eta\t "
        return String(repeating: piece, count: 5_500_000 / piece.utf8.count + 1)
    }()

    /// 6 MB that zlib cannot shrink below the inline limit.
    static let largeBytes: Data = {
        var random = SeededRandomNumberGenerator(seed: 16)
        var data = Data(count: 6_000_000)
        data.withUnsafeMutableBytes { bytes in
            let words = bytes.bindMemory(to: UInt64.self)
            for index in words.indices { words[index] = random.next() }
        }
        return data
    }()

    static func client(_ service: InMemoryPushService) throws -> PushClient {
        let configuration = PushClient.Configuration(
            endpoint: .production, organizationId: "org", credentials: .apiKey(APIKey("key")))
        return try PushClient(configuration: configuration, transport: service)
    }

    static func uploads(_ service: InMemoryPushService) async -> Int {
        await service.requestLog.filter { $0.route == .uploadToFileContainer }.count
    }

    @Test("a session pushes .text and .binary content over 5 MB through their own file containers, intact")
    func sessionOffloads() async throws {
        let service = InMemoryPushService()
        let client = try Self.client(service)
        let session = client.session(sourceId: "src")
        try await session.addOrUpdate(Document(documentId: "https://example.com/text", content: .text(Self.largeText)))
        try await session.addOrUpdate(
            Document(documentId: "https://example.com/binary", content: .binary(Self.largeBytes, compression: .gzip)))
        let report = try await session.finish()
        #expect(report.accepted == 2)
        #expect(report.failed.isEmpty)

        let text = try #require(await service.item("https://example.com/text", sourceId: "src"))
        #expect(text.contentKind == .fileContainer)
        #expect(text.compressionType == .zlib)
        #expect(text.content == Data(Self.largeText.utf8))
        let binary = try #require(await service.item("https://example.com/binary", sourceId: "src"))
        #expect(binary.contentKind == .fileContainer)
        #expect(binary.compressionType == .gzip)
        #expect(binary.content == Self.largeBytes)
        #expect(await Self.uploads(service) == 3, "two content containers and one batch")
    }

    @Test("the single-item push offloads text over 5 MB; the request then fits the 6 MB limit")
    func singleItemOffloads() async throws {
        let service = InMemoryPushService()
        let client = try Self.client(service)
        var document = Document(documentId: "https://example.com/single", content: .text(Self.largeText))
        document.title = "Large"
        try await client.addOrUpdate(document, sourceId: "src")
        let item = try #require(await service.item("https://example.com/single", sourceId: "src"))
        #expect(item.contentKind == .fileContainer)
        #expect(item.text == Self.largeText)
        #expect(item.title == "Large")
        #expect(await Self.uploads(service) == 1)
        let puts = await service.requestLog.filter { $0.route == .addOrUpdateDocument }
        #expect(puts.map(\.statusCode) == [202])
    }

    @Test("the single-item push still refuses an item whose JSON is over 6 MB once the content is offloaded")
    func singleItemLimitAfterOffload() async throws {
        let service = InMemoryPushService()
        let client = try Self.client(service)
        var document = Document(documentId: "https://example.com/heavy", content: .text(Self.largeText))
        document.metadata["notes"] = .string(String(repeating: "n", count: 6_100_000))
        await #expect {
            try await client.addOrUpdate(document, sourceId: "src")
        } throws: { error in
            guard let error = error as? PushError else { return false }
            return error.validation?.rule == .contentTooLarge && error.documentIds == ["https://example.com/heavy"]
                && "\(error)".contains("6000000")
        }
        #expect(await service.items(sourceId: "src").isEmpty)
    }

    @Test("Document(json:) accepts a data value over 5 MB, and a pre-encoded compressedBinaryData one is offloaded")
    func jsonAcceptsLargeValues() async throws {
        let dataItem = try Document(
            json: .object(
                JSONObject([
                    ("documentId", .string("https://example.com/json-text")), ("data", .string(Self.largeText)),
                ])))
        #expect(dataItem.content == .text(Self.largeText))
        let packed = try Compression.compress(Self.largeBytes, as: .zlib)
        let base64Item = try Document(
            json: .object(
                JSONObject([
                    ("documentId", .string("https://example.com/json-binary")),
                    ("compressedBinaryData", .string(packed.base64EncodedString())),
                ])))

        let service = InMemoryPushService()
        let report = try await Self.client(service).push([dataItem, base64Item], sourceId: "src")
        #expect(report.accepted == 2)
        #expect(await service.item("https://example.com/json-text", sourceId: "src")?.text == Self.largeText)
        let binary = try #require(await service.item("https://example.com/json-binary", sourceId: "src"))
        #expect(binary.contentKind == .fileContainer)
        #expect(binary.content == Self.largeBytes)
    }

    @Test("text over the 256 MB a file container holds is refused as contentTooLarge, naming the document")
    func overTheLargestItem() throws {
        let huge = String(repeating: "a", count: PushLimits.maxFileContainerBytes + 1)
        let json = JSONValue.object(
            JSONObject([("documentId", .string("https://example.com/huge")), ("data", .string(huge))]))
        #expect {
            try Document(json: json)
        } throws: { error in
            guard let error = error as? ValidationError else { return false }
            return error.rule == .contentTooLarge && error.subject == .document("https://example.com/huge")
                && error.message.contains("\(PushLimits.maxFileContainerBytes)")
        }
    }
}

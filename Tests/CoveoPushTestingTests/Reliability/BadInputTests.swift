import CoveoPushTesting
import Foundation
import Testing

/// One invalid input and the typed error it must produce.
struct BadInput: Sendable, CustomTestStringConvertible {
    enum Expected: Sendable {
        /// A `ValidationError` (or a `PushError` wrapping one) with this rule.
        case rule(ValidationError.Rule)
        /// A `DecodingError` (the JSON itself is unreadable or of the wrong type).
        case decoding
    }

    var name: String
    var expected: Expected
    var run: @Sendable () async throws -> Void

    var testDescription: String { name }

    init(_ name: String, _ expected: Expected, _ run: @escaping @Sendable () async throws -> Void) {
        self.name = name
        self.expected = expected
        self.run = run
    }

    static func document(_ name: String, _ rule: ValidationError.Rule, _ edit: @escaping @Sendable (inout Document) -> Void)
        -> BadInput
    {
        BadInput(name, .rule(rule)) {
            var document = Document(documentId: "https://example.com/bad")
            edit(&document)
            try document.validate()
        }
    }

    static func json(_ name: String, _ expected: Expected, _ text: String) -> BadInput {
        bytes(name, expected, Data(text.utf8))
    }

    static func bytes(_ name: String, _ expected: Expected, _ data: Data) -> BadInput {
        BadInput(name, expected) { _ = try JSONDecoder().decode(Document.self, from: data) }
    }

    static func configuration(_ name: String, _ rule: ValidationError.Rule, _ edit: @escaping @Sendable (inout PushClient.Configuration) -> Void)
        -> BadInput
    {
        BadInput(name, .rule(rule)) {
            var configuration = PushClient.Configuration(
                endpoint: .production, organizationId: "org", credentials: .apiKey("key"))
            edit(&configuration)
            try configuration.validate()
        }
    }

    static func endpoint(_ name: String, _ rule: ValidationError.Rule, _ text: String) -> BadInput {
        BadInput(name, .rule(rule)) {
            guard let url = URL(string: text) else { throw ValidationError(rule, .configuration("test"), "no URL") }
            _ = try PushEndpoint(baseURL: url)
        }
    }
}

@Suite("Reliability: invalid input gives typed errors")
struct BadInputTests {
    static let missingFile = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/content.bin")

    static let table: [BadInput] = [
        // Documents.
        .document("empty document ID", .invalidDocumentId) { $0.documentId = "" },
        .document("document ID without a scheme", .invalidDocumentId) { $0.documentId = "example.com/page" },
        .document("document ID with a bad scheme", .invalidDocumentId) { $0.documentId = "1ttp://x" },
        .document("document ID with only a scheme", .invalidDocumentId) { $0.documentId = "https:" },
        .document("document ID with a control character", .invalidDocumentId) { $0.documentId = "https://x/\u{7}" },
        .document("document ID with a NUL", .invalidDocumentId) { $0.documentId = "https://x/\u{0}y" },
        .document("parent ID that is not a URI", .invalidDocumentId) { $0.parentId = "parent" },
        .document("file extension without a dot", .invalidFileExtension) { $0.fileExtension = "html" },
        .document("file extension with a space", .invalidFileExtension) { $0.fileExtension = ".ht ml" },
        .document("file extension alone dot", .invalidFileExtension) { $0.fileExtension = "." },
        .document("date after year 9999", .outOfRange) { $0.date = Date(timeIntervalSince1970: 300_000_000_000) },
        .document("modified date before year 1", .outOfRange) {
            $0.modifiedDate = Date(timeIntervalSince1970: -70_000_000_000)
        },
        .document("metadata NaN", .unsupportedMetadataValue) { $0.metadata["score"] = .double(.nan) },
        .document("metadata infinity", .unsupportedMetadataValue) { $0.metadata["score"] = .double(-.infinity) },
        .document("metadata array of arrays", .unsupportedMetadataValue) { $0.metadata["tags"] = [["a"], ["b"]] },
        .document("metadata dictionary of dictionaries", .unsupportedMetadataValue) {
            $0.metadata["nested"] = .dictionary(["a": .dictionary(["b": 1])])
        },
        .document("metadata with a reserved key", .reservedKey) { $0.metadata["documentId"] = "x" },
        .document("metadata named orderingId", .reservedKey) { $0.metadata["orderingId"] = 5 },
        .document("metadata with a typed key", .typedFieldAsMetadata) { $0.metadata["title"] = "t" },
        .document("metadata with an empty key", .emptyKey) { $0.metadata[""] = "v" },
        .document("metadata keys differing in case", .duplicateKey) {
            $0.metadata = Metadata([("Color", .string("red")), ("color", .string("blue"))])
        },
        .document("text content over 256 MB", .contentTooLarge) {
            $0.content = .text(String(repeating: "a", count: PushLimits.maxFileContainerBytes + 1))
        },
        .document("invalid base64", .invalidBase64) { $0.content = .base64("not base64!!", type: .zlib) },
        .document("empty file reference", .emptyIdentifier) { $0.content = .fileReference(fileId: " ", type: .zlib) },
        .document("LZMA the SDK cannot produce", .unsupportedCompression) {
            $0.content = .binary(Data([1, 2, 3]), compression: .lzma)
        },
        .document("5,001 permission identities", .tooManyPermissions) {
            $0.permissions = .sets([PermissionSet(allowed: (0...5_000).map { .user("u\($0)") })])
        },
        // JSON items.
        .json("broken JSON", .decoding, "{\"documentId\": \"https://x\""),
        .json("an array, not an object", .decoding, "[{\"documentId\": \"https://x\"}]"),
        .json("a bare string", .decoding, "\"https://x\""),
        .json("empty input", .decoding, ""),
        .json("documentId as a number", .decoding, "{\"documentId\": 42}"),
        .json("title as an object", .decoding, "{\"documentId\": \"https://x\", \"title\": {\"a\": 1}}"),
        .json("permissions as a string", .decoding, "{\"documentId\": \"https://x\", \"permissions\": \"all\"}"),
        .json("no documentId", .rule(.invalidDocumentId), "{\"title\": \"t\"}"),
        .json("documentId not a URI", .rule(.invalidDocumentId), "{\"documentId\": \"page-1\"}"),
        .json("two spellings of documentId", .rule(.duplicateKey), "{\"documentId\": \"https://x\", \"DocumentId\": \"https://y\"}"),
        .json("orderingId inside the item", .rule(.reservedKey), "{\"documentId\": \"https://x\", \"orderingId\": 5}"),
        .json("null metadata", .rule(.unsupportedMetadataValue), "{\"documentId\": \"https://x\", \"color\": null}"),
        .json(
            "two kinds of content", .rule(.multipleContents),
            "{\"documentId\": \"https://x\", \"data\": \"a\", \"compressedBinaryData\": \"eJw=\"}"),
        .json(
            "unknown compressionType", .rule(.unsupportedCompression),
            "{\"documentId\": \"https://x\", \"compressedBinaryData\": \"eJw=\", \"compressionType\": \"BROTLI\"}"),
        .json("a date that is not a date", .rule(.outOfRange), "{\"documentId\": \"https://x\", \"date\": \"yesterday\"}"),
        .json("invalid base64 content", .rule(.invalidBase64), "{\"documentId\": \"https://x\", \"compressedBinaryData\": \"@@@\"}"),
        .json("NaN-like metadata nested twice", .rule(.unsupportedMetadataValue), "{\"documentId\": \"https://x\", \"m\": [[1]]}"),
        .bytes("binary garbage", .decoding, Data((0..<512).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) })),
        .bytes("invalid UTF-8 in a string", .rule(.invalidDocumentId), Data([0x7B, 0x22, 0x64, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D])),
        .json("deeply nested JSON", .rule(.unsupportedMetadataValue), "{\"documentId\": \"https://x\", \"m\": " + String(repeating: "[", count: 400)
            + String(repeating: "]", count: 400) + "}"),
        .json("data as a number", .decoding, "{\"documentId\": \"https://x\", \"data\": 6}"),
        // Configurations, identities, endpoints.
        .configuration("empty organization", .emptyIdentifier) { $0.organizationId = " " },
        .configuration("zero batch limit", .outOfRange) { $0.batchLimit = 0 },
        .configuration("batch limit over 256 MB", .outOfRange) { $0.batchLimit = PushLimits.maxFileContainerBytes + 1 },
        .configuration("negative upload concurrency", .outOfRange) { $0.uploadConcurrency = -1 },
        .configuration("zero request timeout", .outOfRange) { $0.requestTimeout = .zero },
        .configuration("negative upload timeout", .outOfRange) { $0.uploadTimeout = .seconds(-1) },
        .configuration("negative re-pushes", .outOfRange) { $0.maxRepushes = -1 },
        BadInput("empty API key", .rule(.emptyIdentifier)) {
            let text = "  "
            _ = try APIKey(text)
        },
        BadInput("API key with a line break", .rule(.invalidAPIKey)) {
            let text = "abc\r\nX-Injected: 1"
            _ = try APIKey(text)
        },
        .endpoint("ftp endpoint", .invalidURL, "ftp://api.cloud.coveo.com/push/v1"),
        .endpoint("http to a public host", .insecureURL, "http://api.cloud.coveo.com/push/v1"),
        .endpoint("endpoint with a query", .invalidURL, "https://api.cloud.coveo.com/push/v1?x=1"),
        .endpoint("endpoint with credentials", .invalidURL, "https://user:pass@api.cloud.coveo.com/push/v1"),
        .endpoint("endpoint without a host", .invalidURL, "https:///push/v1"),
        BadInput("HIPAA outside the US", .rule(.hipaaRegion)) { _ = try PushEndpoint(region: .eu, environment: .hipaa) },
        // Through a client.
        BadInput("an orderingId two hours in the future", .rule(.futureOrderingId)) {
            let client = try BadInputTests.client()
            let future = Int64(Date().timeIntervalSince1970 * 1000) + 2 * 3_600_000
            try await client.addOrUpdate(Document(documentId: "https://x/1"), sourceId: "src", orderingId: future)
        },
        BadInput("a content file that does not exist", .rule(.unreadableFile)) {
            let client = try BadInputTests.client()
            var document = Document(documentId: "https://x/file")
            document.content = .file(BadInputTests.missingFile)
            try await client.session(sourceId: "src").addOrUpdate(document)
        },
        BadInput("a content file that is a directory", .rule(.unreadableFile)) {
            let client = try BadInputTests.client()
            var document = Document(documentId: "https://x/dir")
            document.content = .file(FileManager.default.temporaryDirectory)
            try await client.session(sourceId: "src").addOrUpdate(document)
        },
        BadInput("an empty source ID", .rule(.emptyIdentifier)) {
            try await BadInputTests.client().setStatus(.idle, sourceId: "")
        },
        BadInput("a delete with an empty document ID", .rule(.invalidDocumentId)) {
            try await BadInputTests.client().session(sourceId: "src").delete(documentId: "")
        },
    ]

    static func client() throws -> PushClient {
        let service = InMemoryPushService(configuration: .init(apiKey: reliabilityKey), clock: TestClock())
        let configuration = PushClient.Configuration(
            endpoint: .production, organizationId: "org", credentials: .apiKey(try APIKey(reliabilityKey)))
        return try PushClient(configuration: configuration, transport: service, clock: TestClock())
    }

    @Test("the table holds at least 40 distinct invalid inputs")
    func tableSize() {
        #expect(Set(Self.table.map(\.name)).count == Self.table.count)
        #expect(Self.table.count >= 40)
    }

    @Test("each invalid input gives its typed error", arguments: table)
    func typedError(_ input: BadInput) async {
        do {
            try await input.run()
            Issue.record("\(input.name): no error")
        } catch {
            switch input.expected {
            case .decoding:
                #expect(error is DecodingError, "\(input.name): \(error)")
            case .rule(let rule):
                let found = (error as? ValidationError)?.rule ?? (error as? PushError)?.validation?.rule
                #expect(found == rule, "\(input.name): \(error)")
                #expect(!"\(error)".isEmpty)
            }
        }
    }

    @Test("a 300 MB item fails alone with contentTooLarge, before any upload, and the others are pushed")
    func threeHundredMegabyteItem() async throws {
        let service = InMemoryPushService(configuration: .init(apiKey: reliabilityKey), clock: TestClock())
        let configuration = PushClient.Configuration(
            endpoint: .production, organizationId: "org", credentials: .apiKey(try APIKey(reliabilityKey)))
        let client = try PushClient(configuration: configuration, transport: service, clock: TestClock())
        var huge = Document(documentId: "https://example.com/huge")
        // Already compressed, so nothing can make it smaller: 300 MB against the 256 MB container limit.
        huge.content = .compressed(Data(count: 300_000_000), type: .zlib)
        let report = try await client.push(
            [Document(documentId: "https://example.com/before"), huge, Document(documentId: "https://example.com/after")],
            sourceId: "src")
        #expect(report.accepted == 2)
        let failure = try #require(report.failed.first)
        #expect(report.failed.count == 1)
        #expect(failure.documentId == "https://example.com/huge")
        #expect(failure.error.code == .contentTooLarge, "\(failure.error)")
        #expect("\(failure.error)".contains("268435456") || "\(failure.error)".contains("256"), "\(failure.error)")
        let uploads = await service.requestLog.filter { $0.route == .uploadToFileContainer }
        #expect(uploads.count == 1, "only the batch was uploaded, not the huge content")
        #expect(Set(await service.items(sourceId: "src").map(\.documentId)) == [
            "https://example.com/before", "https://example.com/after",
        ])
    }

    @Test("content bytes are opaque: a file of invalid UTF-8 is pushed intact")
    func invalidUTF8FileIsValid() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("invalid-utf8-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let bytes = Data([0xFF, 0xFE, 0xC0, 0x80, 0xED, 0xA0, 0x80, 0x00, 0x41] + (0..<4_000).map { UInt8($0 % 251) })
        try bytes.write(to: url)
        let service = InMemoryPushService(configuration: .init(apiKey: reliabilityKey), clock: TestClock())
        let configuration = PushClient.Configuration(
            endpoint: .production, organizationId: "org", credentials: .apiKey(try APIKey(reliabilityKey)))
        let client = try PushClient(configuration: configuration, transport: service, clock: TestClock())
        var document = Document(documentId: "https://example.com/opaque")
        document.content = .file(url, compression: .gzip)
        let report = try await client.push([document], sourceId: "src")
        #expect(report.accepted == 1)
        #expect(report.failed.isEmpty)
        let item = try #require(await service.item("https://example.com/opaque", sourceId: "src"))
        #expect(item.content == bytes)
    }
}

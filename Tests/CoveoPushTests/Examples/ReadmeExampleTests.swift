import CoveoPushTesting
import Foundation
import Testing

@Suite("README")
struct ReadmeExampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test("the README's crawler example is exactly the code this test target compiles")
    func exampleIsCompiled() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(
            contentsOf: Self.root.appendingPathComponent("Tests/CoveoPushTests/Examples/NotesCrawler.swift"),
            encoding: .utf8)
        let marker = "<!-- compiled by Tests/CoveoPushTests/Examples/NotesCrawler.swift -->\n```swift\n"
        let start = try #require(readme.range(of: marker))
        let end = try #require(readme.range(of: "\n```", range: start.upperBound..<readme.endIndex))
        #expect(String(readme[start.upperBound..<end.lowerBound]) + "\n" == source)
    }

    @Test("the README's crawler rebuilds the source from a folder of notes with their permissions")
    func exampleRuns() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["alpha", "beta", "gamma"] {
            try Data("# \(name)\n\nSome notes.".utf8).write(to: folder.appendingPathComponent("\(name).md"))
        }
        try Data("ignored".utf8).write(to: folder.appendingPathComponent("image.png"))
        let transport = RecordingTransport()
        await transport.on(
            .init(method: .post, pathContains: "/files"),
            reply: .response(.fileContainer(uploadUri: "https://upload.test/f1", fileId: "f1", requiredHeaders: [:])))
        await transport.setDefaultAnswer(.response(.empty(202)))
        var configuration = PushClient.Configuration(
            endpoint: try PushEndpoint(region: .us), organizationId: "org", credentials: .apiKey("key-1"))
        configuration.retryPolicy = .none
        let crawler = NotesCrawler(
            client: try PushClient(configuration: configuration, transport: transport, clock: TestClock()),
            sourceId: "notes")
        let report = try await crawler.crawl(folder: folder)
        #expect(report.accepted == 3 && report.failed.isEmpty)
        let batch = try #require(await transport.uploadedBatches().first)
        #expect(batch.addOrUpdate.compactMap { $0["title"]?.stringValue }.sorted() == ["alpha", "beta", "gamma"])
        let statuses = await transport.requests(matching: .init(pathContains: "/status")).map {
            $0.request.url.query ?? ""
        }
        #expect(statuses == ["statusType=REBUILD", "statusType=IDLE"])
        let olderThan = await transport.requests(matching: .init(method: .delete, pathContains: "/documents/olderthan"))
        #expect(olderThan.count == 1)
        #expect(throws: ValidationError.self) { try NotesCrawler.fromEnvironment([:]) }
        let configured = try NotesCrawler.fromEnvironment([
            "COVEO_ORGANIZATION_ID": "acme", "COVEO_API_KEY": "xx-key", "COVEO_REGION": "eu",
            "COVEO_SOURCE_ID": "notes",
        ])
        #expect(configured.client.configuration.endpoint == .eu && configured.sourceId == "notes")
    }
}

import CoveoPushTesting
import Foundation
import Testing

/// Stream API requests built by hand, decoded with the SDK's response types.
extension EmulatorHarness {
    static let streamPath = "/sources/src/stream"

    /// The container of a stream answer, as the harness uploads to it.
    static func container(_ target: some FileUploadTarget, fileId: String) -> Container {
        Container(fileId: fileId, uploadUri: target.uploadUri.absoluteString, requiredHeaders: target.requiredHeaders)
    }

    /// `POST stream/open`, decoded.
    func openStream() async throws -> StreamOpened {
        let response = try await send(.post, "\(Self.streamPath)/open")
        #expect(response.statusCode == 201)
        return try JSONDecoder().decode(StreamOpened.self, from: response.body)
    }

    /// `POST stream/{id}/chunk`, decoded.
    func streamChunk(_ streamId: String) async throws -> StreamChunk {
        let response = try await send(.post, "\(Self.streamPath)/\(streamId)/chunk")
        #expect(response.statusCode == 200)
        return try JSONDecoder().decode(StreamChunk.self, from: response.body)
    }

    /// `POST stream/{id}/close`.
    @discardableResult
    func closeStream(_ streamId: String) async throws -> TransportResponse {
        try await send(.post, "\(Self.streamPath)/\(streamId)/close")
    }

    /// Uploads JSON text into a container and expects 200.
    func uploadJSON(_ json: String, to container: Container) async throws {
        #expect(try await upload(Data(json.utf8), to: container).statusCode == 200)
    }

    /// Opens a stream, uploads the first file to the open answer's container and each other one to a new chunk,
    /// then closes the stream.
    @discardableResult
    func load(_ files: [String]) async throws -> TransportResponse {
        let opened = try await openStream()
        for (index, json) in files.enumerated() {
            if index == 0 {
                try await uploadJSON(json, to: Self.container(opened, fileId: opened.fileId))
            } else {
                let chunk = try await streamChunk(opened.streamId)
                try await uploadJSON(json, to: Self.container(chunk, fileId: chunk.fileId))
            }
        }
        return try await closeStream(opened.streamId)
    }

    /// Creates a container, uploads `json` and applies it with `stream/update` (or `stream/merge`).
    @discardableResult
    func streamFile(_ json: String, operation: String = "update", query: String = "") async throws
        -> TransportResponse
    {
        let container = try await createContainer()
        try await uploadJSON(json, to: container)
        return try await send(.put, "\(Self.streamPath)/\(operation)?fileId=\(container.fileId)\(query)")
    }
}

extension TransportResponse {
    /// The body decoded as the SDK decodes stream operation answers.
    func streamResult() throws -> StreamOperationResult {
        try JSONDecoder().decode(StreamOperationResult.self, from: body)
    }
}

@Suite("InMemoryPushService: stream loads (open, chunk, close)")
struct EmulatorStreamTests {
    @Test("open answers 201 with a stream ID and a first container that StreamOpened decodes")
    func open() async throws {
        let harness = EmulatorHarness()
        let opened = try await harness.openStream()
        #expect(opened.streamId.count == 36)
        #expect(opened.uploadUri.absoluteString.hasPrefix("https://emulator.invalid/upload/\(opened.fileId)?"))
        #expect(
            opened.requiredHeaders == [
                "x-amz-server-side-encryption": "AES256", "Content-Type": "application/octet-stream",
            ])
        let second = try await harness.openStream()
        #expect(second.streamId != opened.streamId)
        #expect(await harness.service.openStreams == [opened.streamId, second.streamId].sorted())
        #expect(await harness.service.requestLog.last?.route == .openStream)
        let counters = await harness.service.counters
        #expect(counters.streamsOpened == 2)
        #expect(counters.fileContainers == 0)
    }

    @Test("chunk answers 200 with a new container that StreamChunk decodes and that accepts uploads")
    func chunk() async throws {
        let harness = EmulatorHarness()
        let opened = try await harness.openStream()
        let first = try await harness.streamChunk(opened.streamId)
        let second = try await harness.streamChunk(opened.streamId)
        #expect(Set([opened.fileId, first.fileId, second.fileId]).count == 3)
        #expect(first.requiredHeaders == opened.requiredHeaders)
        let target = EmulatorHarness.container(first, fileId: first.fileId)
        #expect(try await harness.upload(Data("{}".utf8), to: target).statusCode == 200)
        #expect(await harness.service.counters.streamChunks == 2)
        let routes = await harness.service.requestLog.map(\.route)
        #expect(routes.suffix(3) == [.getStreamChunk, .getStreamChunk, .uploadToFileContainer])
    }

    @Test("close is a full load: the chunks' items become the catalog and items absent from the load disappear")
    func fullLoad() async throws {
        let harness = EmulatorHarness()
        try await harness.streamFile(
            #"{"addOrUpdate": [{"documentId": "file://old"}, {"documentId": "file://kept", "title": "Before"}]}"#)
        try await harness.putItem("file://pushed", "{}")
        try await harness.putItem("file://future", "{}", query: "&orderingId=\(EmulatorHarness.epochMilliseconds * 2)")
        let response = try await harness.load([
            """
            {"addOrUpdate": [{"documentId": "file://kept", "title": "After", "data": "text"},
                             {"documentId": "file://new1", "price": 3}]}
            """,
            #"{"AddOrUpdate": [{"documentId": "file://new2"}, {"documentId": "file://gone"}]}"#,
            #"{"delete": [{"documentId": "file://gone"}]}"#,
        ])
        #expect(response.statusCode == 200)
        let result = try response.streamResult()
        let orderingId = try #require(result.orderingId)
        #expect(orderingId > EmulatorHarness.epochMilliseconds)
        #expect(result.requestId?.isEmpty == false)
        #expect(
            await harness.documentIds() == ["file://future", "file://kept", "file://new1", "file://new2"])
        let kept = try #require(await harness.item("file://kept"))
        #expect(kept.title == "After")
        #expect(kept.text == "text")
        #expect(kept.orderingId == orderingId)
        #expect(await harness.item("file://new1")?.metadata["price"] == 3)
        let counters = await harness.service.counters
        #expect(counters.streamsClosed == 1)
        #expect(counters.removedItems == 3)
        #expect(await harness.service.openStreams.isEmpty)
        #expect(await harness.service.openFileContainers.isEmpty)
        #expect(await harness.service.droppedItems.isEmpty)
    }

    @Test("the open container may be left empty; chunks never uploaded are ignored and consumed at close")
    func unusedContainers() async throws {
        let harness = EmulatorHarness()
        try await harness.putItem("file://old", "{}")
        let opened = try await harness.openStream()
        let used = try await harness.streamChunk(opened.streamId)
        let unused = try await harness.streamChunk(opened.streamId)
        try await harness.uploadJSON(
            #"{"addOrUpdate": [{"documentId": "file://a"}]}"#, to: EmulatorHarness.container(used, fileId: used.fileId))
        #expect(await harness.service.openFileContainers.count == 3)
        #expect(try await harness.closeStream(opened.streamId).statusCode == 200)
        #expect(await harness.documentIds() == ["file://a"])
        #expect(await harness.service.openFileContainers.isEmpty)
        let late = try await harness.send(.put, "\(EmulatorHarness.streamPath)/update?fileId=\(unused.fileId)")
        #expect(late.statusCode == 404)
    }

    @Test("an empty load (no chunk uploaded) empties the catalog")
    func emptyLoad() async throws {
        let harness = EmulatorHarness()
        try await harness.putItem("file://a", "{}")
        #expect(try await harness.load([]).statusCode == 200)
        #expect(await harness.documentIds().isEmpty)
    }

    @Test("unknown, closed or other-source stream IDs answer 404 STREAM_NOT_FOUND on chunk and close")
    func unknownStreams() async throws {
        let harness = EmulatorHarness()
        let opened = try await harness.openStream()
        let other = try await harness.send(.post, "/sources/other/stream/\(opened.streamId)/chunk")
        #expect(other.statusCode == 404)
        #expect(other.emulatorErrorCode == "STREAM_NOT_FOUND")
        let unknown = try await harness.closeStream("no-such-stream")
        #expect(unknown.statusCode == 404)
        #expect(unknown.emulatorErrorCode == "STREAM_NOT_FOUND")
        #expect(try await harness.closeStream(opened.streamId).statusCode == 200)
        let again = try await harness.closeStream(opened.streamId)
        #expect(again.statusCode == 404)
        #expect(again.emulatorErrorCode == "STREAM_NOT_FOUND")
        let chunk = try await harness.send(.post, "\(EmulatorHarness.streamPath)/\(opened.streamId)/chunk")
        #expect(chunk.statusCode == 404)
        #expect(await harness.service.counters.streamsClosed == 1)
    }

    @Test("a malformed chunk is dropped whole and the rest of the load applies; bad entries are dropped")
    func malformedChunk() async throws {
        let harness = EmulatorHarness()
        try await harness.load([
            #"{"addOrUpdate": [{"documentId": "file://a"}, {"title": "no id"}]}"#,
            #"{"addOrUpdate": [{"documentId": "file://lost"}]"#,
        ])
        #expect(await harness.documentIds() == ["file://a"])
        #expect(await harness.service.droppedItems.map(\.reason) == [.missingDocumentId, .malformedBatchFile])
    }

    @Test("partial updates in a load change only items the load added before them")
    func partialUpdatesInLoad() async throws {
        let harness = EmulatorHarness()
        try await harness.putItem("file://old", #"{"tags": ["x"]}"#)
        try await harness.load([
            """
            {"addOrUpdate": [{"documentId": "file://a", "tags": ["x"]}],
             "partialUpdate": [
                {"documentId": "file://a", "operator": "arrayAppend", "field": "tags", "value": ["y"]},
                {"documentId": "file://old", "operator": "arrayAppend", "field": "tags", "value": ["y"]}]}
            """
        ])
        #expect(await harness.documentIds() == ["file://a"])
        #expect(await harness.item("file://a")?.metadata["tags"] == ["x", "y"])
        let dropped = await harness.service.droppedItems
        #expect(dropped.map(\.reason) == [.missingItem])
        #expect(dropped.first?.identifier == "file://old")
    }

    @Test(
        "stream paths with another method answer 405, unknown ones 404",
        arguments: [
            (HTTPMethod.put, "/sources/src/stream/open", 405),
            (.get, "/sources/src/stream/s1/chunk", 405),
            (.put, "/sources/src/stream/s1/close", 405),
            (.post, "/sources/src/stream/update", 405),
            (.post, "/sources/src/stream/merge", 405),
            (.delete, "/sources/src/stream/deleteolderthan/5", 405),
            (.post, "/sources/src/stream/s1/flush", 404),
            (.post, "/sources/src/stream", 404),
            (.post, "/sources/src/stream/deleteolderthan", 404),
        ] as [(HTTPMethod, String, Int)])
    func methods(method: HTTPMethod, path: String, status: Int) async throws {
        let harness = EmulatorHarness()
        let response = try await harness.send(method, path)
        #expect(response.statusCode == status)
        if status == 405 { #expect(response.headers["Allow"] != nil) }
    }

    @Test("stream routes need authentication like the Push routes")
    func authentication() async throws {
        let harness = EmulatorHarness { $0.apiKey = "xx-key" }
        #expect(try await harness.send(.post, "/sources/src/stream/open", authorization: nil).statusCode == 401)
        #expect(
            try await harness.send(.post, "/sources/src/stream/open", authorization: "Bearer other").statusCode == 403)
        #expect(await harness.service.openStreams.isEmpty)
    }
}

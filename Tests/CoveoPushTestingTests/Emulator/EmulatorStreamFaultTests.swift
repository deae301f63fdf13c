import CoveoPushTesting
import Foundation
import Testing

@Suite("InMemoryPushService: stream faults, discard mode and operation names")
struct EmulatorStreamFaultTests {
    @Test(
        "stream routes carry the raw values of the client's operations",
        arguments: [
            (EmulatedRoute.openStream, PushOperation.openStream), (.getStreamChunk, .getStreamChunk),
            (.closeStream, .closeStream), (.updateStream, .updateStream), (.mergeStream, .mergeStream),
            (.deleteStreamOlderThan, .deleteStreamOlderThan),
        ] as [(EmulatedRoute, PushOperation)])
    func operationNames(route: EmulatedRoute, operation: PushOperation) {
        #expect(route.operation == operation)
        #expect(route.isPushAPI)
        #expect(FaultPlan().routes.contains(route))
    }

    @Test("a close that fails after applying still loads; the retried close answers 404")
    func closeFailsAfter() async throws {
        let harness = EmulatorHarness {
            $0.faults = FaultPlan(routes: [.closeStream], failureAfterRate: 1, failureStatusCodes: [504])
        }
        try await harness.putItem("file://old", "{}")
        let response = try await harness.load([#"{"addOrUpdate": [{"documentId": "file://a"}]}"#])
        #expect(response.statusCode == 504)
        #expect(await harness.documentIds() == ["file://a"])
        let opened = await harness.service.requestLog.first { $0.route == .openStream }
        #expect(opened?.fault == nil)
        let close = try #require(await harness.service.requestLog.last)
        #expect(close.route == .closeStream)
        #expect(close.fault == .failedAfter)
        #expect(await harness.service.faultCounts.failedAfter == 1)
    }

    @Test("an update that fails before applying changes nothing and leaves its container usable")
    func updateFailsBefore() async throws {
        let harness = EmulatorHarness {
            $0.faults = FaultPlan(routes: [.updateStream, .mergeStream], failureBeforeRate: 1)
        }
        let container = try await harness.createContainer()
        try await harness.uploadJSON(#"{"addOrUpdate": [{"documentId": "file://a"}]}"#, to: container)
        for operation in ["update", "merge"] {
            let response = try await harness.send(
                .put, "\(EmulatorHarness.streamPath)/\(operation)?fileId=\(container.fileId)")
            #expect([503, 504].contains(response.statusCode))
        }
        #expect(await harness.documentIds().isEmpty)
        #expect(await harness.service.openFileContainers == [container.fileId])
        #expect(await harness.service.faultCounts.failedBefore == 2)
    }

    @Test("fault decisions on stream routes follow the plan's keys: the stream ID for chunks")
    func chunkDecisions() async throws {
        let plan = FaultPlan(seed: 5, routes: [.getStreamChunk], failureBeforeRate: 0.5)
        let harness = EmulatorHarness { $0.faults = plan }
        let opened = try await harness.openStream()
        for attempt in 1...6 {
            let response = try await harness.send(.post, "\(EmulatorHarness.streamPath)/\(opened.streamId)/chunk")
            let expected: Int
            switch plan.decision(route: .getStreamChunk, key: opened.streamId, attempt: attempt) {
            case .failBefore(let status): expected = status
            default: expected = 200
            }
            #expect(response.statusCode == expected)
        }
    }

    @Test("stream routes are throttled with the Push routes")
    func throttling() async throws {
        let harness = EmulatorHarness { $0.faults = FaultPlan(requestsPerSecond: 1) }
        #expect(try await harness.send(.post, "\(EmulatorHarness.streamPath)/open").statusCode == 201)
        let throttled = try await harness.send(.post, "\(EmulatorHarness.streamPath)/open")
        #expect(throttled.statusCode == 429)
        #expect(throttled.headers["Retry-After"] == "1")
        harness.clock.advance(by: .seconds(1))
        #expect(try await harness.send(.post, "\(EmulatorHarness.streamPath)/deleteolderthan/1").statusCode == 201)
        #expect(await harness.service.faultCounts.throttled == 1)
        #expect(await harness.service.counters.streamsOpened == 1)
    }

    @Test("discard mode validates and counts stream files and stores nothing")
    func discardMode() async throws {
        let harness = EmulatorHarness { $0.discardContent = true }
        let load = try await harness.load([
            #"{"addOrUpdate": [{"documentId": "file://a"}, {"documentId": "file://b"}]}"#,
            #"{"delete": [{"documentId": "file://c"}], "addOrUpdate": [{"data": "no id"}]}"#,
        ])
        #expect(load.statusCode == 200)
        #expect(try load.streamResult().orderingId != nil)
        let update = try await harness.streamFile(
            """
            {"addOrUpdate": [{"documentId": "file://d"}],
             "partialUpdate": [{"documentId": "file://a", "operator": "ARRAYAPPEND", "field": "t", "value": ["x"]},
                               {"documentId": "file://a", "operator": "arrayAppend", "field": "t", "value": "x"}]}
            """)
        #expect(update.statusCode == 202)
        try await harness.streamFile(#"{"addOrUpdate": [{"documentId": "file://e"}]}"#, operation: "merge")
        try await harness.streamFile("not json")
        #expect(try await harness.send(.post, "\(EmulatorHarness.streamPath)/deleteolderthan/5").statusCode == 201)

        let counters = await harness.service.counters
        #expect(counters.acceptedItems == 4)
        #expect(counters.deletedItems == 1)
        #expect(counters.partialUpdates == 1)
        #expect(counters.removedItems == 0)
        #expect(counters.streamsOpened == 1)
        #expect(counters.streamChunks == 1)
        #expect(counters.streamsClosed == 1)
        #expect(counters.streamUpdates == 2)
        #expect(counters.streamMerges == 1)
        #expect(
            await harness.service.droppedItems.map(\.reason) == [
                .missingDocumentId, .invalidPartialUpdate, .malformedBatchFile,
            ])
        #expect(await harness.service.items(sourceId: EmulatorHarness.source).isEmpty)
        #expect(await harness.service.openFileContainers.isEmpty)
        #expect(await harness.service.openStreams.isEmpty)
    }

    @Test("the SDK's typed requests, sent through the emulator, get answers their response types decode")
    func typedRequests() async throws {
        let harness = EmulatorHarness()
        let builder = RequestBuilder(endpoint: .production)
        func send(_ request: some PushRequest) async throws -> TransportResponse {
            let built = try builder.build(request, token: "xx-key", now: EmulatorHarness.epoch)
            return try await harness.service.send(built.head, body: built.body)
        }
        let open = try OpenStreamRequest(organizationId: "myorg", sourceId: "src")
        let opened = try JSONDecoder().decode(OpenStreamRequest.Response.self, from: try await send(open).body)
        let chunkRequest = try GetStreamChunkRequest(
            organizationId: "myorg", sourceId: "src", streamId: opened.streamId)
        let chunk = try JSONDecoder().decode(
            GetStreamChunkRequest.Response.self, from: try await send(chunkRequest).body)
        try await harness.uploadJSON(
            #"{"addOrUpdate": [{"documentId": "file://a"}]}"#,
            to: EmulatorHarness.container(chunk, fileId: chunk.fileId))
        let close = try CloseStreamRequest(organizationId: "myorg", sourceId: "src", streamId: opened.streamId)
        let closed = try JSONDecoder().decode(CloseStreamRequest.Response.self, from: try await send(close).body)
        #expect(await harness.item("file://a")?.orderingId == closed.orderingId)

        let container = try await harness.createContainer()
        try await harness.uploadJSON(#"{"addOrUpdate": [{"documentId": "file://b"}]}"#, to: container)
        let update = try UpdateStreamRequest(
            organizationId: "myorg", sourceId: "src", fileId: container.fileId, shard: "s1")
        let updated = try JSONDecoder().decode(UpdateStreamRequest.Response.self, from: try await send(update).body)
        #expect(await harness.item("file://b")?.orderingId == updated.orderingId)

        let mergeContainer = try await harness.createContainer()
        try await harness.uploadJSON(#"{"addOrUpdate": [{"documentId": "file://b", "x": 1}]}"#, to: mergeContainer)
        let merge = try MergeStreamRequest(organizationId: "myorg", sourceId: "src", fileId: mergeContainer.fileId)
        let merged = try JSONDecoder().decode(MergeStreamRequest.Response.self, from: try await send(merge).body)
        #expect(await harness.item("file://b")?.orderingId == merged.orderingId)

        let cutoff = try #require(merged.orderingId)
        let delete = try DeleteStreamOlderThanRequest(
            organizationId: "myorg", sourceId: "src", epochMilliseconds: cutoff, queueDelay: 0)
        let deleted = try JSONDecoder().decode(
            DeleteStreamOlderThanRequest.Response.self, from: try await send(delete).body)
        #expect(deleted.requestId != nil)
        #expect(await harness.documentIds() == ["file://b"])
        let streamRoutes = await harness.service.requestLog.compactMap(\.route).filter {
            $0 != .uploadToFileContainer && $0 != .createFileContainer
        }
        #expect(
            streamRoutes == [
                .openStream, .getStreamChunk, .closeStream, .updateStream, .mergeStream, .deleteStreamOlderThan,
            ])
    }
}

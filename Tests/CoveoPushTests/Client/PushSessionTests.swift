import CoveoPushTesting
import Foundation
import Testing

@testable import CoveoPush

@Suite("PushSession batching")
struct PushSessionTests {
    static func client(
        _ service: ScriptedPushService, clock: TestClock = TestClock(),
        _ adjust: (inout PushClient.Configuration) -> Void = { _ in }
    ) async throws -> PushClient {
        try PushClient(
            configuration: ClientFixtures.configuration {
                $0.batchLimit = 2_000
                $0.batchMemoryThreshold = 500
                $0.uploadConcurrency = 3
                adjust(&$0)
            }, transport: await service.transport(), clock: clock)
    }

    @Test("batches close before crossing the limit, never split a document, and lose nothing")
    func thresholds() async throws {
        let service = ScriptedPushService()
        let client = try await Self.client(service)
        let documents = (0..<60).map { ClientFixtures.document($0, bytes: 50 + ($0 * 37) % 400) }
        let report = try await client.push(documents, sourceId: "src")
        #expect(report.accepted == 60 && report.failed.isEmpty)
        #expect(await service.committedIds == documents.map(\.documentId))
        let uploads = await service.uploads
        #expect(uploads.count == report.batches)
        #expect(report.batches > 5)
        for data in uploads.values {
            #expect(data.count <= 2_000)
            #expect(RecordedBatch(json: data, requestIndex: 0) != nil)
        }
        #expect(await service.authorizationOnUploads == 0)
        // 3 requests per batch: container, upload, push.
        #expect(report.requests == 3 * report.batches)
    }

    @Test("a document larger than the batch limit travels alone in its own batch")
    func oversizedDocumentAlone() async throws {
        let service = ScriptedPushService()
        let client = try await Self.client(service)
        let report = try await client.push(
            [ClientFixtures.document(1), ClientFixtures.document(2, bytes: 5_000), ClientFixtures.document(3)],
            sourceId: "src")
        #expect(report.accepted == 3)
        #expect(await service.commits.map(\.ids.count) == [1, 1, 1])
    }

    @Test("the crawler's order is kept across batches even when a later upload finishes first")
    func orderAcrossBatches() async throws {
        let service = ScriptedPushService()
        let firstUploadReleased = AsyncGate()
        await service.setFault { route, attempt, request in
            // Hold the first batch's upload until the second batch's upload has arrived.
            if route == .upload, request.url.path == "/file-1" { await firstUploadReleased.wait() }
            if route == .upload, request.url.path == "/file-2" { await firstUploadReleased.open() }
            return nil
        }
        let client = try await Self.client(service) { $0.batchLimit = 600 }
        let session = client.session(sourceId: "src")
        try await session.addOrUpdate(ClientFixtures.document(1, bytes: 400))
        try await session.delete(documentId: "https://example.com/doc/1")
        try await session.addOrUpdate(ClientFixtures.document(1, bytes: 100))
        let report = try await session.finish()
        #expect(report.accepted == 2 && report.deleted == 1)
        let commits = await service.commits
        #expect(commits.map(\.fileId) == ["file-1", "file-2", "file-3"])
        #expect(commits.flatMap(\.ids) == Array(repeating: "https://example.com/doc/1", count: 3))
    }

    @Test("an upload refused with 403 gets a new container; a 413 splits the batch")
    func uploadHostRules() async throws {
        let service = ScriptedPushService()
        await service.setFault { route, attempt, request in
            if route == .upload, request.url.path == "/file-1" { return .empty(403) }
            if route == .upload, request.url.path == "/file-2" {
                return TransportResponse(statusCode: 413, body: Data("<Error>EntityTooLarge</Error>".utf8))
            }
            return nil
        }
        let client = try await Self.client(service) { $0.batchLimit = 100_000 }
        let documents = (0..<5).map { ClientFixtures.document($0) }
        let report = try await client.push(documents, sourceId: "src")
        #expect(report.accepted == 5 && report.failed.isEmpty)
        let commits = await service.commits
        #expect(commits.map(\.ids.count) == [2, 3])
        #expect(commits.flatMap(\.ids) == documents.map(\.documentId))
    }

    @Test("a single document refused with 413 fails with its ID and the others go through")
    func singleOversizedRefused() async throws {
        let service = ScriptedPushService()
        await service.setFault { route, _, request in
            guard route == .upload else { return nil }
            let fileNumber = Int(request.url.path.dropFirst("/file-".count)) ?? 0
            return fileNumber == 2 ? .empty(413) : nil
        }
        let client = try await Self.client(service) { $0.batchLimit = 700 }
        let report = try await client.push((0..<3).map { ClientFixtures.document($0, bytes: 400) }, sourceId: "src")
        #expect(report.accepted == 2)
        #expect(report.failed.map(\.documentId) == ["https://example.com/doc/1"])
        #expect(report.failed.first?.error.statusCode == 413)
    }

    @Test("a push that cannot be confirmed is uploaded to a new container and pushed again")
    func repush() async throws {
        let service = ScriptedPushService()
        await service.setFault { route, _, request in
            route == .commitBatch && request.url.query?.contains("fileId=file-1") == true ? .empty(504) : nil
        }
        let client = try await Self.client(service) {
            $0.batchLimit = 100_000
            $0.retryPolicy = try! RetryPolicy(maxAttempts: 2)
        }
        let report = try await client.push((0..<4).map { ClientFixtures.document($0) }, sourceId: "src")
        #expect(report.accepted == 4 && report.batches == 1)
        #expect(await service.commits.map(\.fileId) == ["file-2"])
        #expect(report.retries == 1)
    }

    @Test("report counts are exact under injected faults, and nothing failed is reported accepted")
    func countsUnderFaults() async throws {
        let service = ScriptedPushService()
        await service.setFault { route, attempt, request in
            // Every third commit keeps failing with 400: those batches fail for good.
            if route == .commitBatch, let query = request.url.query,
                let number = Int(query.split(separator: "-").last ?? ""), number % 3 == 0
            {
                return .coveoError(status: 400, errorCode: "INVALID_JSON")
            }
            // Transient failures everywhere else on first attempts.
            return attempt == 1 && route != .upload ? .empty(503) : nil
        }
        let client = try await Self.client(service) { $0.batchLimit = 900 }
        let documents = (0..<40).map { ClientFixtures.document($0, bytes: 300) }
        let report = try await client.push(documents, sourceId: "src")
        let committed = await service.committedIds
        #expect(report.accepted == committed.count)
        #expect(report.accepted + report.failed.count == 40)
        #expect(Set(report.failed.map(\.documentId)).isDisjoint(with: committed))
        #expect(Set(report.failed.map(\.documentId)).union(committed) == Set(documents.map(\.documentId)))
        #expect(report.failed.allSatisfy { $0.error.errorCode == "INVALID_JSON" })
    }

    @Test("invalid documents are reported with their rule and skipped; the rest is pushed")
    func invalidDocuments() async throws {
        let service = ScriptedPushService()
        let client = try await Self.client(service)
        var bad = ClientFixtures.document(2)
        bad.metadata["data"] = "reserved"
        let report = try await client.push(
            [ClientFixtures.document(1), bad, Document(documentId: "nope")], sourceId: "src")
        #expect(report.accepted == 1)
        #expect(report.failed.map(\.documentId) == ["https://example.com/doc/2", "nope"])
        #expect(report.failed.map(\.error.validation?.rule) == [.reservedKey, .invalidDocumentId])

        let session = client.session(sourceId: "src")
        let error = await #expect(throws: PushError.self) { try await session.addOrUpdate(bad) }
        #expect(error?.code == .invalidInput)
    }

    @Test("content beyond the inline limits is offloaded to its own container, from memory and from a file")
    func largeItems() async throws {
        let service = ScriptedPushService()
        let client = try await Self.client(service) { $0.batchLimit = 100_000 }
        var random = SeededRandomNumberGenerator(seed: 7)
        let noise = Data((0..<(4 * PushLimits.megabyte)).map { _ in UInt8.random(in: 0...255, using: &random) })
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("large-\(UUID().uuidString).bin")
        try noise.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let fromMemory = Document(documentId: "https://example.com/big-memory", content: .binary(noise))
        let fromFile = Document(documentId: "https://example.com/big-file", content: .file(file, compression: .gzip))
        let report = try await client.push([fromMemory, fromFile], sourceId: "src")
        #expect(report.accepted == 2)
        let uploads = await service.uploads
        let batchData = try #require(uploads.values.first { RecordedBatch(json: $0, requestIndex: 0) != nil })
        let batch = try #require(RecordedBatch(json: batchData, requestIndex: 0))
        #expect(batch.addOrUpdate.map { $0["compressionType"] } == ["ZLIB", "GZIP"])
        for item in batch.addOrUpdate {
            let fileId = try #require(item["compressedBinaryDataFileId"]?.stringValue)
            let content = try #require(uploads[fileId])
            let type = try #require(CompressionType(rawValue: item["compressionType"]?.stringValue ?? ""))
            #expect(try Decompression.decompress(content, as: type, maxOutputBytes: 10 * PushLimits.megabyte) == noise)
        }
    }

    @Test("withStatus attempts IDLE after an error and after cancellation")
    func idleAlways() async throws {
        let service = ScriptedPushService()
        let client = try await Self.client(service)
        struct Failure: Error {}
        await #expect(throws: Failure.self) {
            try await client.withStatus(.rebuild, sourceId: "src") { throw Failure() }
        }
        let task = Task {
            try await client.withStatus(.incremental, sourceId: "src") {
                withUnsafeCurrentTask { $0?.cancel() }
                try Task.checkCancellation()
            }
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        let statuses = await service.log.filter { $0.route == .status }.count
        #expect(statuses == 4)
    }

    @Test("a status request that fails without a 4xx answer is followed by an IDLE attempt; a 4xx is not")
    func idleAfterUncertainStatus() async throws {
        for (answer, idleExpected) in [(503, true), (401, false)] {
            let service = ScriptedPushService()
            await service.setFault { route, _, request in
                route == .status && request.url.query?.contains("INCREMENTAL") == true ? .empty(answer) : nil
            }
            let client = try await Self.client(service) { $0.retryPolicy = try! RetryPolicy(maxAttempts: 1) }
            var bodyRan = false
            do {
                try await client.withStatus(.incremental, sourceId: "src") { bodyRan = true }
                Issue.record("the status request failed, so withStatus must throw")
            } catch {
                #expect((error as? PushError)?.statusCode == answer)
            }
            #expect(!bodyRan)
            let statuses = await service.log.filter { $0.route == .status }.map(\.status)
            #expect(statuses == (idleExpected ? [answer, 201] : [answer]), "after \(answer)")
        }
    }

    @Test("cancelling a session reports every unconfirmed document as cancelled, the open batch's included")
    func cancelledReport() async throws {
        let service = ScriptedPushService()
        let client = try await Self.client(service) { $0.batchLimit = 1_000_000 }
        let session = client.session(sourceId: "src")
        for index in 0..<5 { try await session.addOrUpdate(ClientFixtures.document(index)) }
        try await session.delete(documentId: "https://example.com/gone")
        await session.cancel()
        let report = try await session.finish()
        #expect(report.accepted == 0 && report.deleted == 0)
        #expect(
            report.failed.map(\.documentId) == (0..<5).map { ClientFixtures.document($0).documentId } + [
                "https://example.com/gone"
            ])
        #expect(report.failed.allSatisfy { $0.error.code == .cancelled })
        #expect(await service.log.isEmpty, "nothing was sent")
    }

    @Test("cancelling a push stops requests, finishes every batch task and deletes temporary files")
    func cancellation() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cancel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let service = ScriptedPushService()
        let started = AsyncGate()
        await service.setFault { route, _, _ in
            if route == .upload {
                await started.open()
                // Stall every upload until the test cancels the push.
                while !Task.isCancelled { await Task.yield() }
            }
            return nil
        }
        let client = try await Self.client(service) {
            $0.temporaryDirectory = directory
            $0.batchMemoryThreshold = 100
        }
        let documents = (0..<100_000).lazy.map { ClientFixtures.document($0) }
        let push = Task { try await client.push(documents, sourceId: "src") }
        await started.wait()
        push.cancel()
        await #expect(throws: CancellationError.self) { _ = try await push.value }
        // Every batch task has ended when the push returns: no request is left to start.
        let requestsAfterCancel = await service.log.count
        for _ in 0..<100 { await Task.yield() }
        #expect(await service.log.count == requestsAfterCancel)
        #expect(await service.log.filter { $0.route == .upload }.count <= 3)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        #expect(await service.commits.isEmpty)
    }

    @Test("identity batches go through file containers to permissions/batch")
    func identities() async throws {
        let service = ScriptedPushService()
        let client = try await Self.client(service)
        let session = client.identitySession(providerId: "prov")
        try await session.addOrUpdate(
            IdentityBody(
                identity: SecurityIdentity(name: "g", type: .group), members: [SecurityIdentity(name: "u", type: .user)]
            ))
        try await session.addOrUpdate(
            AliasBody(
                identity: SecurityIdentity(name: "u", type: .user),
                mappings: [MappedIdentity(name: "u@e.com", type: .user)]))
        try await session.delete(IdentityDeleteBody(identity: SecurityIdentity(name: "old", type: .user)))
        let report = try await session.finish()
        #expect(report.accepted == 2 && report.deleted == 1 && report.batches == 1)
        #expect(await service.log.contains { $0.path.hasSuffix("/providers/prov/permissions/batch") })
    }

    @Test("uploadConcurrency bounds the batches in flight: a new batch starts only once one of them has ended")
    func uploadConcurrencyIsABound() async throws {
        let transport = await ClientFixtures.acceptingTransport()
        let client = try PushClient(
            configuration: ClientFixtures.configuration {
                $0.batchLimit = 1_000
                $0.uploadConcurrency = 2
            }, transport: transport, clock: TestClock())
        let session = client.session(sourceId: "src")
        for index in 0..<40 { try await session.addOrUpdate(ClientFixtures.document(index)) }
        let report = try await session.finish()
        #expect(report.accepted == 40 && report.batches > 4)
        #expect(await session.pipeline.peakDeliveries == 2)
    }
}

/// A one-shot signal between tasks: `wait()` returns once `open()` was called.
actor AsyncGate {
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func open() {
        isOpen = true
        for waiter in waiters { waiter.resume() }
        waiters = []
    }

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiters.append($0) }
    }
}

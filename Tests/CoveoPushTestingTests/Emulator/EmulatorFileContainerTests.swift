import CoveoPushTesting
import Foundation
import Testing

@Suite("InMemoryPushService: file containers and uploads")
struct EmulatorFileContainerTests {
    @Test("POST /files answers 201 with an upload URL under the upload base, a fileId and the required headers")
    func createContainer() async throws {
        let harness = EmulatorHarness()
        let container = try await harness.createContainer()
        #expect(container.uploadUri.hasPrefix("https://emulator.invalid/upload/\(container.fileId)?"))
        #expect(container.uploadUri.contains("X-Amz-Signature="))
        #expect(container.fileId.count == 36)
        #expect(
            container.requiredHeaders == [
                "x-amz-server-side-encryption": "AES256", "Content-Type": "application/octet-stream",
            ])
        let second = try await harness.createContainer()
        #expect(second.fileId != container.fileId)
        #expect(await harness.service.openFileContainers.count == 2)
        let bad = try await harness.send(.post, "/files?useVirtualHostedStyleUrl=maybe")
        #expect(bad.statusCode == 412)
    }

    @Test("file IDs depend only on the seed and the order of creation")
    func deterministicFileIds() async throws {
        var ids: [[String]] = []
        for _ in 0..<2 {
            let harness = EmulatorHarness { $0.faults.seed = 7 }
            var run: [String] = []
            for _ in 0..<3 { run.append(try await harness.createContainer().fileId) }
            ids.append(run)
        }
        #expect(ids[0] == ids[1])
        #expect(Set(ids[0]).count == 3)
    }

    @Test("an upload with exactly the required headers is stored and answered 200")
    func uploadSucceeds() async throws {
        let harness = EmulatorHarness()
        let container = try await harness.createContainer()
        let response = try await harness.upload(Data("payload".utf8), to: container)
        #expect(response.statusCode == 200)
        #expect(response.headers["ETag"] != nil)
        let counters = await harness.service.counters
        #expect(counters.uploads == 1)
        #expect(counters.uploadedBytes == 7)
        #expect(await harness.service.requestLog.last?.route == .uploadToFileContainer)
    }

    @Test("upload URLs are matched by path, whatever the host: a loopback base URL works")
    func loopbackUploadBase() async throws {
        let base = try #require(URL(string: "http://127.0.0.1:8123/uploads/here"))
        let harness = EmulatorHarness { $0.uploadBaseURL = base }
        let container = try await harness.createContainer()
        #expect(container.uploadUri.hasPrefix("http://127.0.0.1:8123/uploads/here/"))
        #expect(try await harness.upload(Data("x".utf8), to: container).statusCode == 200)
    }

    @Test(
        "uploads must carry exactly the required headers, no Authorization, and the URL's query intact",
        arguments: [
            ("no headers", [:], 403, "SignatureDoesNotMatch"),
            ("missing encryption", ["Content-Type": "application/octet-stream"], 403, "SignatureDoesNotMatch"),
            (
                "wrong content type",
                ["x-amz-server-side-encryption": "AES256", "Content-Type": "application/json"], 403,
                "SignatureDoesNotMatch"
            ),
            (
                "wrong encryption value",
                ["x-amz-server-side-encryption": "aws:kms", "Content-Type": "application/octet-stream"], 403,
                "SignatureDoesNotMatch"
            ),
            (
                "Authorization",
                [
                    "x-amz-server-side-encryption": "AES256", "Content-Type": "application/octet-stream",
                    "Authorization": "Bearer xx-key",
                ], 403, "AccessDenied"
            ),
            (
                "unsigned x-amz header",
                [
                    "x-amz-server-side-encryption": "AES256", "Content-Type": "application/octet-stream",
                    "x-amz-acl": "public-read",
                ], 403, "SignatureDoesNotMatch"
            ),
            (
                "names in another case, extra ordinary headers",
                [
                    "X-AMZ-SERVER-SIDE-ENCRYPTION": "AES256", "content-type": "application/octet-stream",
                    "User-Agent": "test", "Content-Length": "1",
                ], 200, ""
            ),
        ] as [(String, [String: String], Int, String)])
    func uploadHeaderRules(label: String, headers: [String: String], status: Int, code: String) async throws {
        let harness = EmulatorHarness()
        let container = try await harness.createContainer()
        var sent = HeaderFields()
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { sent[name] = value }
        let response = try await harness.upload(Data("x".utf8), to: container, headers: sent)
        #expect(response.statusCode == status, "\(label)")
        if status != 200 {
            #expect(response.emulatorErrorCode == code, "\(label)")
            #expect(response.headers["Content-Type"] == "application/xml")
            #expect(await harness.service.counters.uploads == 0)
        }
    }

    @Test("an upload URL whose query was dropped or altered is refused")
    func alteredQuery() async throws {
        let harness = EmulatorHarness()
        let container = try await harness.createContainer()
        let bare = EmulatorHarness.Container(
            fileId: container.fileId,
            uploadUri: String(container.uploadUri.prefix { $0 != "?" }),
            requiredHeaders: container.requiredHeaders)
        #expect(try await harness.upload(Data("x".utf8), to: bare).statusCode == 403)
        var altered = container
        altered.uploadUri = container.uploadUri.replacingOccurrences(of: "X-Amz-Signature=", with: "X-Amz-Signature=0")
        #expect(try await harness.upload(Data("x".utf8), to: altered).statusCode == 403)
    }

    @Test("an upload more than 60 minutes after creation is refused as expired")
    func expiry() async throws {
        let harness = EmulatorHarness()
        let container = try await harness.createContainer()
        harness.clock.advance(by: .seconds(3600))
        #expect(try await harness.upload(Data("x".utf8), to: container).statusCode == 200)
        harness.clock.advance(by: .seconds(1))
        let late = try await harness.upload(Data("x".utf8), to: container)
        #expect(late.statusCode == 403)
        #expect(String(decoding: late.body, as: UTF8.self).contains("Request has expired"))
    }

    @Test("an upload over the container limit is 413; other methods are 405; unknown files are 403")
    func uploadLimits() async throws {
        let harness = EmulatorHarness { $0.limits.maxFileContainerBytes = 10 }
        let container = try await harness.createContainer()
        let big = try await harness.upload(Data(count: 11), to: container)
        #expect(big.statusCode == 413)
        #expect(big.emulatorErrorCode == "EntityTooLarge")
        #expect(try await harness.upload(Data(count: 10), to: container).statusCode == 200)
        let get = try await harness.send(.get, container.uploadUri, authorization: nil)
        #expect(get.statusCode == 405)
        var unknown = container
        unknown.uploadUri = container.uploadUri.replacingOccurrences(of: container.fileId, with: "nope")
        #expect(try await harness.upload(Data(count: 1), to: unknown).statusCode == 403)
    }

    @Test("compressedBinaryDataFileId reads the container's raw bytes, decoded per compressionType, once")
    func contentFromContainer() async throws {
        let harness = EmulatorHarness()
        let html = Data(String(repeating: "<b>big</b>", count: 100).utf8)
        let container = try await harness.createContainer()
        try await harness.upload(try Compression.compress(html, as: .gzip), to: container)
        try await harness.putItem(
            "file://big", #"{"compressedBinaryDataFileId": "\#(container.fileId)", "fileExtension": ".html"}"#,
            query: "&compressionType=GZIP")
        let item = try #require(await harness.item("file://big"))
        #expect(item.contentKind == .fileContainer)
        #expect(item.compressionType == .gzip)
        #expect(item.content == html)
        try await harness.putItem(
            "file://again", #"{"compressedBinaryDataFileId": "\#(container.fileId)"}"#,
            query: "&compressionType=GZIP")
        #expect(await harness.item("file://again") == nil)
        #expect(await harness.service.droppedItems.map(\.reason) == [.unknownFileContainer])
        #expect(await harness.service.openFileContainers.isEmpty)
    }

    @Test("a container is consumed by its batch push: pushing it again, or one never uploaded, answers 404")
    func consumedOnce() async throws {
        let harness = EmulatorHarness()
        let container = try await harness.createContainer()
        let early = try await harness.send(.put, "/sources/src/documents/batch?fileId=\(container.fileId)")
        #expect(early.statusCode == 404)
        #expect(early.emulatorErrorCode == "FILE_CONTAINER_NOT_FOUND")
        try await harness.upload(Data(#"{"addOrUpdate": [{"documentId": "file://a"}]}"#.utf8), to: container)
        let first = try await harness.send(.put, "/sources/src/documents/batch?fileId=\(container.fileId)")
        #expect(first.statusCode == 202)
        let second = try await harness.send(.put, "/sources/src/documents/batch?fileId=\(container.fileId)")
        #expect(second.statusCode == 404)
        #expect(second.emulatorErrorCode == "FILE_CONTAINER_NOT_FOUND")
        #expect(await harness.documentIds() == ["file://a"])
        let reupload = try await harness.upload(Data("{}".utf8), to: container)
        #expect(reupload.statusCode == 403)
    }

    @Test("a container belongs to its organization")
    func containerOrganization() async throws {
        let harness = EmulatorHarness()
        let container = try await harness.createContainer()
        try await harness.upload(Data(#"{"addOrUpdate": []}"#.utf8), to: container)
        let other = try await harness.send(
            .put,
            "https://api.cloud.coveo.com/push/v1/organizations/other/sources/src/documents/batch"
                + "?fileId=\(container.fileId)")
        #expect(other.statusCode == 404)
        let missing = try await harness.send(.put, "/sources/src/documents/batch")
        #expect(missing.statusCode == 412)
        #expect(missing.emulatorErrorCode == "MISSING_PARAMETER")
    }
}

import CoveoPushTesting
import Foundation
import Testing

@Suite("RecordingTransport")
struct RecordingTransportTests {
    typealias Pattern = RecordingTransport.RequestPattern

    func request(_ method: HTTPMethod, _ address: String) throws -> TransportRequest {
        TransportRequest(method: method, url: try #require(URL(string: address)))
    }

    static let api = "https://api.cloud.coveo.com/push/v1/organizations/org"

    @Test("with no script every request gets the default answer and is recorded")
    func defaultAnswer() async throws {
        let transport = RecordingTransport()
        let response = try await transport.send(try request(.get, "\(Self.api)/status"), body: nil)
        #expect(response.statusCode == 200)
        await transport.setDefaultAnswer(.response(.empty(503)))
        #expect(try await transport.send(try request(.get, "\(Self.api)/x"), body: nil).statusCode == 503)
        let records = await transport.requests
        #expect(records.map(\.index) == [0, 1])
        #expect(records.map(\.response?.statusCode) == [200, 503])
        #expect(records[0].request.url.path.hasSuffix("/status"))
        #expect(records[0].body == nil)
    }

    @Test("a rule's answers are given in order, then the rule stops applying")
    func order() async throws {
        let transport = RecordingTransport(defaultAnswer: .response(.empty(404)))
        await transport.on(
            Pattern(method: .post, pathContains: "/files"),
            reply: .response(.fileContainer(uploadUri: "https://up.test/1", fileId: "f1")),
            .response(.fileContainer(uploadUri: "https://up.test/2", fileId: "f2"))
        )
        let files = try request(.post, "\(Self.api)/files")
        let first = try await transport.send(files, body: nil)
        let second = try await transport.send(files, body: nil)
        let third = try await transport.send(files, body: nil)
        #expect(String(decoding: first.body, as: UTF8.self).contains("\"f1\""))
        #expect(String(decoding: second.body, as: UTF8.self).contains("\"f2\""))
        #expect(third.statusCode == 404)
    }

    @Test("repeatingLast and .always keep answering with the last answer")
    func repeating() async throws {
        let transport = RecordingTransport(
            rules: [.always(Pattern(pathContains: "/status"), .response(.empty(201)))])
        await transport.on(
            Pattern(method: .put), reply: .response(.empty(429)), .response(.empty(202)), repeatingLast: true)
        let put = try request(.put, "\(Self.api)/sources/s/documents")
        var codes: [Int] = []
        for _ in 0..<4 { codes.append(try await transport.send(put, body: nil).statusCode) }
        #expect(codes == [429, 202, 202, 202])
        for _ in 0..<3 {
            #expect(
                try await transport.send(try request(.post, "\(Self.api)/sources/s/status"), body: nil).statusCode
                    == 201)
        }
    }

    @Test("the first matching rule wins; method, path, host and predicate all have to match")
    func predicates() async throws {
        let transport = RecordingTransport(defaultAnswer: .response(.empty(599)))
        await transport.add(.always(Pattern(host: "UPLOAD.test"), .response(.empty(200))))
        await transport.add(.always(Pattern(method: .delete, pathContains: "/documents"), .response(.empty(202))))
        await transport.add(
            .always(
                Pattern(method: .put, where: { $0.url.query?.contains("fileId=") == true }), .response(.empty(203))))
        await transport.add(.always(Pattern(method: .put), .response(.empty(204))))

        func status(_ method: HTTPMethod, _ address: String) async throws -> Int {
            try await transport.send(try request(method, address), body: nil).statusCode
        }
        #expect(try await status(.put, "https://upload.test/bucket/key") == 200)
        #expect(try await status(.delete, "\(Self.api)/sources/s/documents?documentId=a") == 202)
        #expect(try await status(.delete, "\(Self.api)/providers/p/permissions") == 599)
        #expect(try await status(.put, "\(Self.api)/sources/s/documents/batch?fileId=f") == 203)
        #expect(try await status(.put, "\(Self.api)/sources/s/documents?documentId=a") == 204)
        #expect(try await status(.get, "https://other.test/") == 599)

        let deletes = await transport.requests(matching: Pattern(method: .delete))
        #expect(deletes.map(\.index) == [1, 2])
        #expect(await transport.requests(matching: Pattern(host: "upload.test")).count == 1)
    }

    @Test("scripted errors are thrown and recorded")
    func errors() async throws {
        let transport = RecordingTransport()
        await transport.on(
            .any, reply: .failure(TransportError(.connectionLost, "reset")), .response(.empty(200)))
        let put = try request(.put, "https://upload.test/k")
        let error = await #expect(throws: TransportError.self) { try await transport.send(put, body: nil) }
        #expect(error?.kind == .connectionLost)
        #expect(try await transport.send(put, body: nil).statusCode == 200)
        let records = await transport.requests
        #expect(records[0].error?.kind == .connectionLost)
        #expect(records[0].response == nil)
        #expect(records[1].error == nil)
    }

    @Test("file bodies are read at send time, so deleting the file afterwards keeps the record")
    func fileBodies() async throws {
        let transport = RecordingTransport()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rec-\(UUID().uuidString).json")
        try Data("{\"addOrUpdate\":[]}".utf8).write(to: file)
        _ = try await transport.send(try request(.put, "https://upload.test/k"), body: .file(file))
        try FileManager.default.removeItem(at: file)
        _ = try await transport.send(try request(.post, "\(Self.api)/x"), body: .data(Data("[1,2]".utf8)))
        let records = await transport.requests
        #expect(records[0].bodyWasFile)
        #expect(records[0].bodyText == "{\"addOrUpdate\":[]}")
        #expect(!records[1].bodyWasFile)
        let array = try await transport.recordedBodyJSON(1) as? [Int]
        #expect(array == [1, 2])
    }

    @Test("an unreadable body file is answered with bodyUnreadable without using a scripted answer")
    func unreadableFile() async throws {
        let transport = RecordingTransport()
        await transport.on(.any, reply: .response(.empty(202)))
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("missing-\(UUID().uuidString)")
        let put = try request(.put, "https://upload.test/k")
        let error = await #expect(throws: TransportError.self) { try await transport.send(put, body: .file(missing)) }
        #expect(error?.kind == .bodyUnreadable)
        #expect(try await transport.send(put, body: nil).statusCode == 202)
        #expect(await transport.requests.first?.error?.kind == .bodyUnreadable)
    }

    @Test("recordedBodyJSON explains a missing request or body")
    func bodyJSONErrors() async throws {
        let transport = RecordingTransport()
        _ = try await transport.send(try request(.get, "\(Self.api)/x"), body: nil)
        await #expect(throws: RecordingTransport.RecordingError.self) { try await transport.recordedBodyJSON(5) }
        await #expect(throws: RecordingTransport.RecordingError.self) { try await transport.recordedBodyJSON(0) }
    }

    @Test("a cancelled caller gets CancellationError and nothing is recorded")
    func cancellation() async throws {
        let transport = RecordingTransport()
        let get = try request(.get, "\(Self.api)/x")
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await transport.send(get, body: nil)
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(await transport.requests.isEmpty)
    }

    @Test("uploaded batch files are decoded into documents and deletions")
    func batches() async throws {
        let transport = RecordingTransport()
        let batch = """
            {"AddOrUpdate":[{"documentId":"https://a.test/1","title":"One","size":42,"ratio":0.5,"draft":false,
            "tags":["x","y"],"permissions":[{"allowAnonymous":true}],"nothing":null},
            {"documentId":"https://a.test/2","data":"two \\"quoted\\""}],
            "delete":[{"documentId":"https://a.test/3","deleteChildren":true}]}
            """
        _ = try await transport.send(try request(.post, "\(Self.api)/files"), body: nil)
        _ = try await transport.send(try request(.put, "https://upload.test/k"), body: .data(Data(batch.utf8)))
        _ = try await transport.send(
            try request(.put, "https://upload.test/m"), body: .data(Data("{\"members\":[]}".utf8)))
        _ = try await transport.send(
            try request(.put, "https://upload.test/n"), body: .data(Data("{\"delete\":[{\"documentId\":\"u\"}]}".utf8)))

        let batches = await transport.uploadedBatches()
        #expect(batches.map(\.requestIndex) == [1, 3])
        let first = try #require(batches.first)
        #expect(first.addOrUpdateIds == ["https://a.test/1", "https://a.test/2"])
        #expect(first.deleteIds == ["https://a.test/3"])
        #expect(first.partialUpdate.isEmpty)
        let one = first.addOrUpdate[0]
        #expect(one["title"] == "One")
        #expect(one["size"] == 42)
        #expect(one["size"]?.jsonText == "42")
        #expect(one["ratio"] == 0.5)
        #expect(one["ratio"]?.jsonText == "0.5")
        #expect(one["draft"] == false)
        #expect(one["tags"] == ["x", "y"])
        #expect(one["tags"]?.jsonText == "[\"x\",\"y\"]")
        #expect(one["permissions"] == [["allowAnonymous": true]])
        #expect(one["permissions"]?.jsonText == "[{\"allowAnonymous\":true}]")
        #expect(one["nothing"] == .null)
        #expect(first.addOrUpdate[1]["data"] == "two \"quoted\"")
        #expect(first.delete[0]["deleteChildren"] == true)
        #expect(batches[1].addOrUpdate.isEmpty)
        #expect(batches[1].deleteIds == ["u"])

        let documents = await transport.batchDocuments()
        #expect(documents.compactMap { $0["documentId"]?.stringValue } == ["https://a.test/1", "https://a.test/2"])
    }

    @Test("RecordedBatch refuses bodies that are not batches")
    func notBatches() {
        for text in ["[]", "{}", "{\"addOrUpdate\":5}", "{\"addOrUpdate\":[1]}", "not json", "{\"members\":[]}"] {
            #expect(RecordedBatch(json: Data(text.utf8), requestIndex: 0) == nil, "\(text)")
        }
        #expect(RecordedBatch(json: Data("{\"partialUpdate\":[{\"documentId\":\"a\"}]}".utf8), requestIndex: 0) != nil)
    }

    @Test("clearRecords forgets requests but keeps the script")
    func clear() async throws {
        let transport = RecordingTransport()
        await transport.on(.any, reply: .response(.empty(202)), .response(.empty(201)))
        _ = try await transport.send(try request(.get, "\(Self.api)/x"), body: nil)
        await transport.clearRecords()
        #expect(await transport.requests.isEmpty)
        #expect(try await transport.send(try request(.get, "\(Self.api)/x"), body: nil).statusCode == 201)
        #expect(await transport.requests.map(\.index) == [0])
    }
}

import CoveoPushTesting
import Foundation
import Testing

@Suite("MockTransport")
struct MockTransportTests {
    var request: TransportRequest {
        get throws {
            let url = try #require(URL(string: "https://api.cloud.coveo.com/push/v1/organizations/org/files"))
            return TransportRequest(method: .post, url: url)
        }
    }

    func object(_ response: TransportResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
    }

    @Test("the closure answers and sees the request and body")
    func closure() async throws {
        let transport = MockTransport { request, body in
            let size = body?.byteCount ?? -1
            return .json(200, "{\"method\":\"\(request.method)\",\"size\":\(size)}")
        }
        let response = try await transport.send(try request, body: .data(Data("abc".utf8)))
        let json = try object(response)
        #expect(json["method"] as? String == "POST")
        #expect((json["size"] as? NSNumber)?.intValue == 3)
    }

    @Test("fixed responses and fixed failures")
    func fixed() async throws {
        let always = MockTransport(always: .empty(202))
        #expect(try await always.send(try request, body: nil).statusCode == 202)
        let failing = MockTransport(failingWith: TransportError(.timedOut, "slow"))
        let error = await #expect(throws: TransportError.self) { try await failing.send(try request, body: nil) }
        #expect(error?.kind == .timedOut)
    }

    @Test("a cancelled caller gets CancellationError before the handler runs")
    func cancellation() async {
        let transport = MockTransport { _, _ in
            Issue.record("handler should not run")
            return .empty(200)
        }
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await transport.send(try request, body: nil)
        }
        await #expect(throws: CancellationError.self) { try await task.value }
    }

    @Test(".json keeps the text and sets the content type")
    func json() {
        let response = TransportResponse.json(200, "{\"a\":1}")
        #expect(response.statusCode == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "{\"a\":1}")
        #expect(response.headers["content-type"] == "application/json")
    }

    @Test(".coveoError produces Coveo's error body, escaping the text")
    func coveoError() throws {
        let response = TransportResponse.coveoError(
            status: 412, errorCode: "SOURCE_DOES_NOT_EXIST", message: "Source \"x\"\nis gone \\")
        #expect(response.statusCode == 412)
        let json = try object(response)
        #expect(json["errorCode"] as? String == "SOURCE_DOES_NOT_EXIST")
        #expect(json["message"] as? String == "Source \"x\"\nis gone \\")
        let noCode = TransportResponse.coveoError(status: 403, errorCode: nil, message: "Forbidden")
        #expect(String(decoding: noCode.body, as: UTF8.self) == "{\"message\":\"Forbidden\"}")
    }

    @Test(".empty has the status and no body")
    func empty() {
        let response = TransportResponse.empty(204)
        #expect(response.statusCode == 204)
        #expect(response.body.isEmpty)
        #expect(response.headers.count == 0)
    }

    @Test(".fileContainer is a 201 with uploadUri, fileId and requiredHeaders")
    func fileContainer() throws {
        let response = TransportResponse.fileContainer(uploadUri: "https://s3.example.com/b/k?X-Amz=1", fileId: "f-1")
        #expect(response.statusCode == 201)
        let json = try object(response)
        #expect(json["uploadUri"] as? String == "https://s3.example.com/b/k?X-Amz=1")
        #expect(json["fileId"] as? String == "f-1")
        let headers = try #require(json["requiredHeaders"] as? [String: String])
        #expect(headers == ["x-amz-server-side-encryption": "AES256", "Content-Type": "application/octet-stream"])
        let custom = TransportResponse.fileContainer(uploadUri: "u", fileId: "f", requiredHeaders: ["X-A": "1"])
        #expect(try object(custom)["requiredHeaders"] as? [String: String] == ["X-A": "1"])
    }

    @Test(".tooManyRequests is a 429 TOO_MANY_REQUESTS with an optional Retry-After")
    func tooManyRequests() throws {
        let response = TransportResponse.tooManyRequests(retryAfter: 30)
        #expect(response.statusCode == 429)
        #expect(response.headers["Retry-After"] == "30")
        #expect(try object(response)["errorCode"] as? String == "TOO_MANY_REQUESTS")
        #expect(TransportResponse.tooManyRequests().headers["Retry-After"] == nil)
    }
}

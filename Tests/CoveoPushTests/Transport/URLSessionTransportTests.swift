import CoveoPushTestSupport
import Foundation
import Testing

@testable import CoveoPush

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("URLSessionTransport")
struct URLSessionTransportTests {
    func request(
        _ method: HTTPMethod, _ responder: TinyResponder, _ path: String, headers: HeaderFields = HeaderFields(),
        timeout: Duration? = nil
    ) throws -> TransportRequest {
        let url = try #require(URL(string: "http://127.0.0.1:\(responder.port)\(path)"))
        return TransportRequest(method: method, url: url, headers: headers, timeout: timeout)
    }

    @Test(
        "every status comes back as a value, with its headers and body",
        arguments: [
            (202, [:], "{}"),
            (429, ["Retry-After": "7"], "{\"errorCode\":\"TOO_MANY_REQUESTS\"}"),
            (500, [:], "{\"errorCode\":\"INTERNAL_SERVER_ERROR\"}"),
            (404, ["X-Request-Id": "req-1"], ""),
        ] as [(Int, [String: String], String)]
    )
    func statusCodes(status: Int, headers: [String: String], body: String) async throws {
        let responder = try TinyResponder { _ in .respond(status: status, headers: headers, body: Data(body.utf8)) }
        defer { responder.stop() }
        let transport = URLSessionTransport()
        let response = try await transport.send(try request(.put, responder, "/documents?id=1"), body: nil)
        #expect(response.statusCode == status)
        #expect(String(decoding: response.body, as: UTF8.self) == body)
        for (name, value) in headers {
            #expect(response.headers[name] == value)
        }
    }

    @Test("method, path, query, headers and an in-memory body arrive as sent", arguments: ["POST", "PUT", "DELETE"])
    func requestArrives(method: String) async throws {
        let responder = try TinyResponder { _ in .respond(status: 201) }
        defer { responder.stop() }
        let transport = URLSessionTransport()
        let headers: HeaderFields = [
            "Content-Type": "application/json", "Authorization": "Bearer secret-key", "X-Custom": "a b",
        ]
        let body = Data("{\"documentId\":\"https://a.test/1\"}".utf8)
        let sent = try request(HTTPMethod(rawValue: method), responder, "/push/v1/x?documentId=a%2Fb", headers: headers)
        let response = try await transport.send(sent, body: .data(body))
        #expect(response.statusCode == 201)
        let received = try #require(responder.received.first)
        #expect(received.method == method)
        #expect(received.target == "/push/v1/x?documentId=a%2Fb")
        #expect(received.headers["content-type"] == "application/json")
        #expect(received.headers["authorization"] == "Bearer secret-key")
        #expect(received.headers["x-custom"] == "a b")
        #expect(received.body == body)
        #expect(received.headers["cookie"] == nil)
    }

    @Test("a request without a body is sent without one")
    func noBody() async throws {
        let responder = try TinyResponder { _ in .respond(status: 200, body: Data("ok".utf8)) }
        defer { responder.stop() }
        let response = try await URLSessionTransport().send(try request(.get, responder, "/status"), body: nil)
        #expect(String(decoding: response.body, as: UTF8.self) == "ok")
        let received = try #require(responder.received.first)
        #expect(received.method == "GET")
        #expect(received.body.isEmpty)
    }

    @Test("a file body of several megabytes is streamed and arrives intact, with its length")
    func fileBody() async throws {
        let responder = try TinyResponder { _ in .respond(status: 200) }
        defer { responder.stop() }
        var random = SeededRandomNumberGenerator(seed: 11)
        let size = 3 * 1_048_576 + 123
        var bytes = [UInt8](repeating: 0, count: size)
        for index in stride(from: 0, to: size, by: 8) {
            withUnsafeBytes(of: random.next()) { word in
                for offset in 0..<min(8, size - index) { bytes[index + offset] = word[offset] }
            }
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("transport-\(UUID().uuidString).bin")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let headers: HeaderFields = [
            "Content-Type": "application/octet-stream", "x-amz-server-side-encryption": "AES256",
        ]
        let response = try await URLSessionTransport().send(
            try request(.put, responder, "/bucket/key?X-Amz-Signature=abc", headers: headers), body: .file(file))
        #expect(response.statusCode == 200)
        let received = try #require(responder.received.first)
        #expect(received.method == "PUT")
        #expect(received.body.count == size)
        #expect(received.body == Data(bytes))
        #expect(received.headers["content-length"] == String(size))
        #expect(received.headers["transfer-encoding"] == nil)
        #expect(received.headers["x-amz-server-side-encryption"] == "AES256")
    }

    @Test("an unreadable body file fails with bodyUnreadable before anything is sent")
    func unreadableFile() async throws {
        let responder = try TinyResponder { _ in .respond(status: 200) }
        defer { responder.stop() }
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("missing-\(UUID().uuidString)")
        let transport = URLSessionTransport()
        let put = try request(.put, responder, "/k")
        let error = await #expect(throws: TransportError.self) { try await transport.send(put, body: .file(missing)) }
        #expect(error?.kind == .bodyUnreadable)
        let directory = await #expect(throws: TransportError.self) {
            try await transport.send(put, body: .file(FileManager.default.temporaryDirectory))
        }
        #expect(directory?.kind == .bodyUnreadable)
        #expect(responder.received.isEmpty)
    }

    @Test("a refused connection is cannotConnect")
    func refused() async throws {
        let port = try closedLoopbackPort()
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/x"))
        let error = await #expect(throws: TransportError.self) {
            try await URLSessionTransport().send(TransportRequest(method: .get, url: url), body: nil)
        }
        #expect(error?.kind == .cannotConnect)
    }

    @Test("a server that never answers makes the request time out with timedOut")
    func timeout() async throws {
        let responder = try TinyResponder { _ in .hang }
        defer { responder.stop() }
        let sent = try request(
            .post, responder, "/files?token=hidden", headers: ["Authorization": "Bearer secret-key"],
            timeout: .milliseconds(300))
        let error = await #expect(throws: TransportError.self) {
            try await URLSessionTransport().send(sent, body: .data(Data("{}".utf8)))
        }
        #expect(error?.kind == .timedOut)
        let description = error.map(String.init(describing:)) ?? ""
        #expect(!description.contains("secret-key"))
        #expect(!description.contains("hidden"))
        #expect(description.contains("POST to 127.0.0.1:\(responder.port) timed out"))
        // The timed-out request is cancelled, so its connection closes (the watchdog only ends a hung run).
        let watchdog = Task {
            try? await Task.sleep(for: .seconds(20))
            responder.stop()
        }
        defer { watchdog.cancel() }
        var ends = responder.hangEnds.makeAsyncIterator()
        #expect(await ends.next() == true)
    }

    @Test("a connection closed without an answer is a connectivity failure")
    func dropped() async throws {
        let responder = try TinyResponder { _ in .drop }
        defer { responder.stop() }
        let error = await #expect(throws: TransportError.self) {
            try await URLSessionTransport().send(try request(.get, responder, "/x"), body: nil)
        }
        #expect(error.map { [.connectionLost, .badResponse].contains($0.kind) } == true)
    }

    @Test("cancelling the calling task stops the request in flight with CancellationError")
    func cancelInFlight() async throws {
        let responder = try TinyResponder { _ in .hang }
        defer { responder.stop() }
        let transport = URLSessionTransport()
        let sent = try request(.put, responder, "/slow", timeout: .seconds(30))
        let task = Task { try await transport.send(sent, body: .data(Data("x".utf8))) }
        var arrivals = responder.arrivals.makeAsyncIterator()
        _ = await arrivals.next()
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        // The client must also close the connection. The watchdog only guards against a hung test run;
        // if it fires, the stream ends and the expectation below fails.
        let watchdog = Task {
            try? await Task.sleep(for: .seconds(20))
            responder.stop()
        }
        defer { watchdog.cancel() }
        var ends = responder.hangEnds.makeAsyncIterator()
        #expect(await ends.next() == true)
    }

    @Test("cancelling a file upload throws CancellationError at once; on Linux the upload is abandoned, not cancelled")
    func cancelFileUpload() async throws {
        let responder = try TinyResponder { _ in .hang }
        defer { responder.stop() }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cancel-\(UUID().uuidString).bin")
        try Data(repeating: 7, count: 3_000_000).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let transport = URLSessionTransport()
        let sent = try request(.put, responder, "/upload", timeout: .seconds(30))
        let task = Task { try await transport.send(sent, body: .file(file)) }
        var arrivals = responder.arrivals.makeAsyncIterator()
        _ = await arrivals.next()
        // Removing the file as the pipeline does after a cancellation must not disturb anything either.
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        try FileManager.default.removeItem(at: file)
        #if canImport(FoundationNetworking)
            #expect(!URLSessionTransport.canStop(.file(file)))
        #else
            #expect(URLSessionTransport.canStop(.file(file)))
        #endif
        #expect(URLSessionTransport.canStop(.data(Data())) && URLSessionTransport.canStop(nil))
    }

    @Test("a task cancelled before sending gets CancellationError and nothing is sent")
    func cancelBefore() async throws {
        let responder = try TinyResponder { _ in .respond(status: 200) }
        defer { responder.stop() }
        let transport = URLSessionTransport()
        let sent = try request(.get, responder, "/x")
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await transport.send(sent, body: nil)
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(responder.received.isEmpty)
    }

    @Test("more concurrent requests than connections per host all complete")
    func concurrent() async throws {
        let responder = try TinyResponder { received in .respond(status: 200, body: Data(received.target.utf8)) }
        defer { responder.stop() }
        let transport = URLSessionTransport(maximumConnectionsPerHost: 2)
        let targets = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<10 {
                let sent = try request(.get, responder, "/r\(index)")
                group.addTask { String(decoding: try await transport.send(sent, body: nil).body, as: UTF8.self) }
            }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(targets == Set((0..<10).map { "/r\($0)" }))
    }

    @Test("the URLRequest carries method, headers and the timeout, 60 s by default")
    func urlRequest() throws {
        let url = try #require(URL(string: "https://api.cloud.coveo.com/push/v1/x"))
        let head = TransportRequest(
            method: .delete, url: url, headers: ["X-A": "1", "Content-Type": "application/json"])
        let plain = URLSessionTransport.makeURLRequest(head)
        #expect(plain.httpMethod == "DELETE")
        #expect(plain.url == url)
        #expect(plain.timeoutInterval == 60)
        #expect(plain.value(forHTTPHeaderField: "x-a") == "1")
        #expect(plain.value(forHTTPHeaderField: "content-type") == "application/json")
        #expect(plain.httpShouldHandleCookies == false)
        var timed = head
        timed.timeout = .milliseconds(1_500)
        #expect(URLSessionTransport.makeURLRequest(timed).timeoutInterval == 2)
        timed.timeout = .milliseconds(300)
        #expect(URLSessionTransport.makeURLRequest(timed).timeoutInterval == 1)
        timed.timeout = .zero
        #expect(URLSessionTransport.makeURLRequest(timed).timeoutInterval == 60)
    }

    @Test(
        "URLSession errors map to transport error kinds",
        arguments: [
            (URLError.Code.timedOut, TransportError.Kind.timedOut),
            (.cannotConnectToHost, .cannotConnect), (.cannotFindHost, .cannotConnect),
            (.dnsLookupFailed, .cannotConnect), (.notConnectedToInternet, .cannotConnect),
            (.networkConnectionLost, .connectionLost),
            (.badServerResponse, .badResponse), (.cannotParseResponse, .badResponse),
            (.secureConnectionFailed, .badResponse), (.serverCertificateUntrusted, .badResponse),
            (.fileDoesNotExist, .bodyUnreadable), (.noPermissionsToReadFile, .bodyUnreadable),
            (.unsupportedURL, .other), (.unknown, .other),
        ]
    )
    func errorMapping(code: URLError.Code, kind: TransportError.Kind) throws {
        let mapped = URLSessionTransport.mapError(URLError(code), summary: "PUT to upload.test")
        let error = try #require(mapped as? TransportError)
        #expect(error.kind == kind)
        #expect(error.message.hasPrefix("PUT to upload.test "))
        #expect(error.message.contains("URLError \(code.rawValue)"))
    }

    @Test("a cancelled URLSession task maps to CancellationError; other errors to .other")
    func errorMappingSpecial() {
        #expect(URLSessionTransport.mapError(URLError(.cancelled), summary: "GET to x") is CancellationError)
        let other = URLSessionTransport.mapError(NSError(domain: "Elsewhere", code: 3), summary: "GET to x")
        #expect((other as? TransportError)?.kind == .other)
    }
}

import CoveoPushTestSupport
import Foundation
import Testing

@testable import CoveoPushEmulator
@testable import CoveoPushTesting

@Suite("LoopbackPushServer over raw sockets", .timeLimit(.minutes(1)))
struct LoopbackPushServerRawSocketTests {
    typealias Response = RawHTTPClient.Response

    @Test("two requests share one kept-alive connection")
    func keepAlive() async throws {
        let echo = EchoTransport()
        let server = try LoopbackPushServer(handler: echo)
        let port = server.port
        let responses = try await onDedicatedThread { () -> [Response] in
            let client = try RawHTTPClient(port: port)
            try client.send("GET /first HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            let first = try client.readResponse()
            try client.send("PUT /second HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\n\r\nabc")
            return [first, try client.readResponse()]
        }
        #expect(responses.map(\.statusCode) == [200, 200])
        #expect(responses.map { $0.headers["Connection"] } == [nil, nil])
        #expect(responses[1].body == Data("abc".utf8))
        let urls = await echo.log.entries.map(\.request.url.absoluteString)
        #expect(urls == ["\(server.baseURL.absoluteString)/first", "\(server.baseURL.absoluteString)/second"])
        await server.shutdown()
    }

    @Test("pipelined requests are answered in order")
    func pipelined() async throws {
        let server = try LoopbackPushServer(handler: EchoTransport())
        let port = server.port
        let responses = try await onDedicatedThread { () -> [Response] in
            let client = try RawHTTPClient(port: port)
            try client.send(
                "PUT /1 HTTP/1.1\r\nContent-Length: 1\r\n\r\naPUT /2 HTTP/1.1\r\nContent-Length: 1\r\n\r\nb"
                    + "PUT /3 HTTP/1.1\r\nContent-Length: 1\r\nConnection: close\r\n\r\nc")
            return try (0..<3).map { _ in try client.readResponse() }
        }
        #expect(responses.map(\.body) == ["a", "b", "c"].map { Data($0.utf8) })
        let base = server.baseURL.absoluteString
        #expect(responses.map { $0.headers["X-Echo-URL"] } == ["\(base)/1", "\(base)/2", "\(base)/3"])
        #expect(responses.last?.headers["Connection"] == "close")
        await server.shutdown()
    }

    @Test("a chunked body is decoded before it reaches the handler")
    func chunked() async throws {
        let echo = EchoTransport()
        let server = try LoopbackPushServer(handler: echo)
        let port = server.port
        let response = try await onDedicatedThread { () -> Response in
            let client = try RawHTTPClient(port: port)
            try client.send("POST /stream HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n")
            try client.send("7\r\n{\"a\":1,\r\n")
            try client.send("A;note=yes\r\n\"b\":[1,2]}\r\n0\r\nX-Checksum: 1\r\n\r\n")
            return try client.readResponse()
        }
        #expect(response.statusCode == 200)
        #expect(response.body == Data("{\"a\":1,\"b\":[1,2]}".utf8))
        #expect(await echo.log.entries.first?.body == .data(Data("{\"a\":1,\"b\":[1,2]}".utf8)))
        await server.shutdown()
    }

    @Test("Expect: 100-continue is answered before the body is sent")
    func expectContinue() async throws {
        let server = try LoopbackPushServer(handler: EchoTransport())
        let port = server.port
        let responses = try await onDedicatedThread { () -> [Response] in
            let client = try RawHTTPClient(port: port)
            try client.send("PUT /file HTTP/1.1\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
            let interim = try client.readResponse()
            try client.send("hello")
            return [interim, try client.readResponse()]
        }
        #expect(responses.map(\.statusCode) == [100, 200])
        #expect(responses[1].body == Data("hello".utf8))
        await server.shutdown()
    }

    @Test("a body over the limit gets 413 without 100 Continue, and the connection closes")
    func tooLargeWithExpect() async throws {
        let echo = EchoTransport()
        let server = try LoopbackPushServer(handler: echo, maxRequestBodyBytes: 1024)
        let port = server.port
        let (response, rest) = try await onDedicatedThread { () -> (Response, Data) in
            let client = try RawHTTPClient(port: port)
            try client.send("PUT /file HTTP/1.1\r\nContent-Length: 1025\r\nExpect: 100-continue\r\n\r\n")
            return (try client.readResponse(), try client.readUntilClosed())
        }
        #expect(response.statusCode == 413)
        #expect(response.headers["Connection"] == "close")
        #expect(rest.isEmpty)
        #expect(await echo.log.entries.isEmpty)
        await server.shutdown()
    }

    @Test("a chunked body growing over the limit gets 413 and the connection closes")
    func tooLargeChunked() async throws {
        let server = try LoopbackPushServer(handler: EchoTransport(), maxRequestBodyBytes: 1024)
        let port = server.port
        let response = try await onDedicatedThread { () -> Response in
            let client = try RawHTTPClient(port: port)
            let chunk = "200\r\n" + String(repeating: "x", count: 512) + "\r\n"
            try client.send("PUT /f HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk + chunk + chunk)
            let response = try client.readResponse()
            _ = try client.readUntilClosed()
            return response
        }
        #expect(response.statusCode == 413)
        #expect(response.headers["Connection"] == "close")
        await server.shutdown()
    }

    @Test("a head over the limit gets 431")
    func headTooLarge() async throws {
        let server = try LoopbackPushServer(handler: EchoTransport(), maxHeaderBytes: 512)
        let port = server.port
        let response = try await onDedicatedThread { () -> Response in
            let client = try RawHTTPClient(port: port)
            try client.send("GET / HTTP/1.1\r\nX-Big: \(String(repeating: "b", count: 600))\r\n\r\n")
            return try client.readResponse()
        }
        #expect(response.statusCode == 431)
        #expect(response.headers["Connection"] == "close")
        await server.shutdown()
    }

    static let garbageInputs: [[UInt8]] = [
        Array("HELLO\r\n\r\n".utf8),
        [0x00, 0x01, 0xFF, 0xFE, 0x0D, 0x0A, 0x0D, 0x0A],
        Array("GET / HTTP/1.1\r\nBad Header\r\n\r\n".utf8),
        Array("PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nnot-hex\r\n".utf8),
        Array("PUT / HTTP/1.1\r\nContent-Length: twelve\r\n\r\n".utf8),
        Array("\u{16}\u{03}\u{01}\u{02}\u{00}\u{01}\u{00}\u{01}\u{FC}\u{03}\u{03}\r\n\r\n".utf8),
    ]

    @Test("garbage gets 400 and a closed connection, and the next client is served", arguments: garbageInputs)
    func garbage(_ input: [UInt8]) async throws {
        let echo = EchoTransport()
        let server = try LoopbackPushServer(handler: echo)
        let port = server.port
        let (rejected, next) = try await onDedicatedThread { () -> (Response, Response) in
            let bad = try RawHTTPClient(port: port)
            try bad.send(input)
            let rejected = try bad.readResponse()
            _ = try bad.readUntilClosed()
            let good = try RawHTTPClient(port: port)
            try good.send("GET /ok HTTP/1.1\r\n\r\n")
            return (rejected, try good.readResponse())
        }
        #expect(rejected.statusCode == 400)
        #expect(rejected.headers["Connection"] == "close")
        #expect(rejected.headers["Content-Type"] == "application/json")
        #expect(next.statusCode == 200)
        #expect(await echo.log.entries.count == 1)
        await server.shutdown()
    }

    @Test("a client that leaves in the middle of a body does not disturb the next one")
    func disconnectMidBody() async throws {
        let echo = EchoTransport()
        let server = try LoopbackPushServer(handler: echo)
        let port = server.port
        let response = try await onDedicatedThread { () -> Response in
            do {
                let leaving = try RawHTTPClient(port: port)
                try leaving.send("PUT /partial HTTP/1.1\r\nContent-Length: 1000\r\n\r\n0123456789")
                leaving.shutdown(readToo: true)
            }
            let next = try RawHTTPClient(port: port)
            try next.send("PUT /whole HTTP/1.1\r\nContent-Length: 2\r\n\r\nok")
            return try next.readResponse()
        }
        #expect(response.statusCode == 200)
        #expect(response.body == Data("ok".utf8))
        #expect(await echo.log.entries.map(\.request.url.path) == ["/whole"])
        await server.shutdown()
    }

    @Test(
        "Connection: close is honoured, and HTTP/1.0 closes by default",
        arguments: [
            "GET / HTTP/1.1\r\nConnection: close\r\n\r\n", "GET / HTTP/1.0\r\n\r\n",
        ])
    func closes(request: String) async throws {
        let server = try LoopbackPushServer(handler: EchoTransport())
        let port = server.port
        let (response, rest) = try await onDedicatedThread { () -> (Response, Data) in
            let client = try RawHTTPClient(port: port)
            try client.send(request)
            return (try client.readResponse(), try client.readUntilClosed())
        }
        #expect(response.statusCode == 200)
        #expect(response.headers["Connection"] == "close")
        #expect(rest.isEmpty)
        await server.shutdown()
    }

    @Test("HTTP/1.0 with keep-alive keeps the connection and says so")
    func http10KeepAlive() async throws {
        let server = try LoopbackPushServer(handler: EchoTransport())
        let port = server.port
        let responses = try await onDedicatedThread { () -> [Response] in
            let client = try RawHTTPClient(port: port)
            try client.send("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            let first = try client.readResponse()
            try client.send("GET /b HTTP/1.0\r\n\r\n")
            return [first, try client.readResponse()]
        }
        #expect(responses.map { $0.headers["Connection"] } == ["keep-alive", "close"])
        await server.shutdown()
    }

    @Test("idle connections are closed, and one stuck mid-request gets 408")
    func idleTimeout() async throws {
        let server = try LoopbackPushServer(handler: EchoTransport(), idleTimeout: .milliseconds(50))
        let port = server.port
        let (silent, partial) = try await onDedicatedThread { () -> (Data, Response) in
            let idle = try RawHTTPClient(port: port)
            let silent = try idle.readUntilClosed()
            let stuck = try RawHTTPClient(port: port)
            try stuck.send("GET / HTTP/1.1\r\nHost: 127.")
            return (silent, try stuck.readResponse())
        }
        #expect(silent.isEmpty)
        #expect(partial.statusCode == 408)
        await server.shutdown()
    }

    @Test("16 clients are served at the same time")
    func concurrentClients() async throws {
        let clients = 16
        let transport = BarrierTransport(count: clients)
        let server = try LoopbackPushServer(handler: transport)
        let port = server.port
        // The handler answers only once all 16 requests are inside it, so this finishes only if they are
        // served concurrently.
        let bodies = try await withThrowingTaskGroup(of: (Int, Data).self) { group in
            for index in 0..<clients {
                group.addTask {
                    try await onDedicatedThread {
                        let client = try RawHTTPClient(port: port)
                        try client.send(
                            "PUT /c/\(index) HTTP/1.1\r\nContent-Length: \("\(index)".utf8.count)\r\n\r\n\(index)")
                        return (index, try client.readResponse().body)
                    }
                }
            }
            var bodies: [Int: Data] = [:]
            for try await (index, body) in group { bodies[index] = body }
            return bodies
        }
        #expect(bodies.count == clients)
        #expect(bodies.allSatisfy { $0.value == Data("\($0.key)".utf8) })
        #expect(await transport.echo.log.entries.count == clients)
        await server.shutdown()
        #expect(server.liveThreadCount == 0)
    }
}

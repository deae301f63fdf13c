import Foundation
import Testing

@testable import CoveoPushEmulator
@testable import CoveoPushTesting

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("LoopbackPushServer with URLSession", .timeLimit(.minutes(1)))
struct LoopbackPushServerURLSessionTests {
    func makeSession() -> URLSession {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.connectionProxyDictionary = [:]
        return URLSession(configuration: configuration)
    }

    func httpResponse(_ response: URLResponse) throws -> HTTPURLResponse {
        try #require(response as? HTTPURLResponse)
    }

    @Test("a GET reaches the handler with its URL, method and headers, and the response comes back")
    func getRoundTrip() async throws {
        let echo = EchoTransport()
        let server = try LoopbackPushServer(handler: echo)
        let path = "/push/v1/organizations/org1/sources/src%201/documents?documentId=a%26b&x=1"
        let url = try #require(URL(string: server.baseURL.absoluteString + path))
        var request = URLRequest(url: url)
        request.setValue("hello there", forHTTPHeaderField: "X-Test")
        let session = makeSession()

        let (data, response) = try await session.data(for: request)

        let http = try httpResponse(response)
        #expect(http.statusCode == 200)
        #expect(http.value(forHTTPHeaderField: "X-Echo-Method") == "GET")
        #expect(http.value(forHTTPHeaderField: "X-Echo-URL") == url.absoluteString)
        #expect(http.value(forHTTPHeaderField: "X-Echo-Test") == "hello there")
        #expect(http.value(forHTTPHeaderField: "X-Echo-Body") == "none")
        #expect(data.isEmpty)
        let entries = await echo.log.entries
        #expect(entries.count == 1)
        #expect(entries.first?.request.url == url)
        #expect(entries.first?.request.method == .get)
        #expect(entries.first?.request.headers["x-test"] == "hello there")
        #expect(entries.first?.body == nil)
        session.invalidateAndCancel()
        await server.shutdown()
        #expect(server.liveThreadCount == 0)
    }

    @Test("a PUT body reaches the handler and the handler's status and body come back")
    func putRoundTrip() async throws {
        let echo = EchoTransport(statusCode: 202)
        let server = try LoopbackPushServer(handler: echo)
        var request = URLRequest(url: server.baseURL.appendingPathComponent("upload"))
        request.httpMethod = "PUT"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let body = Data("{\"documentId\":\"file://a\"}".utf8)
        let session = makeSession()

        let (data, response) = try await session.upload(for: request, from: body)

        #expect(try httpResponse(response).statusCode == 202)
        #expect(data == body)
        let entries = await echo.log.entries
        #expect(entries.first?.request.method == .put)
        #expect(entries.first?.request.headers["Content-Type"] == "application/json")
        #expect(entries.first?.body == .data(body))
        session.invalidateAndCancel()
        await server.shutdown()
    }

    @Test("a 2 MB body arrives intact")
    func largeBody() async throws {
        let echo = EchoTransport()
        let server = try LoopbackPushServer(handler: echo)
        var request = URLRequest(url: server.baseURL.appendingPathComponent("big"))
        request.httpMethod = "PUT"
        let body = Data.seeded(count: 2_000_000, seed: 42)
        let session = makeSession()

        let (data, response) = try await session.upload(for: request, from: body)

        #expect(try httpResponse(response).statusCode == 200)
        #expect(data == body)
        #expect(await echo.log.entries.first?.body == .data(body))
        session.invalidateAndCancel()
        await server.shutdown()
    }

    @Test("a handler that throws gives 500 with a JSON error body")
    func handlerFailure() async throws {
        let server = try LoopbackPushServer(handler: FailingTransport())
        var request = URLRequest(url: server.baseURL.appendingPathComponent("x"))
        request.httpMethod = "DELETE"
        let session = makeSession()

        let (data, response) = try await session.data(for: request)

        #expect(try httpResponse(response).statusCode == 500)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: String])
        #expect(object["errorCode"] == "INTERNAL_SERVER_ERROR")
        #expect(object["message"]?.contains("the test handler refuses \"DELETE\"") == true)
        session.invalidateAndCancel()
        await server.shutdown()
    }

    @Test("a body over the configured limit gives 413")
    func tooLarge() async throws {
        let echo = EchoTransport()
        let server = try LoopbackPushServer(handler: echo, maxRequestBodyBytes: 1000)
        var request = URLRequest(url: server.baseURL.appendingPathComponent("big"))
        request.httpMethod = "PUT"
        let session = makeSession()

        let (data, response) = try await session.upload(for: request, from: Data(count: 5000))

        #expect(try httpResponse(response).statusCode == 413)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: String])
        #expect(object["errorCode"] == "REQUEST_TOO_LARGE")
        #expect(await echo.log.entries.isEmpty)
        session.invalidateAndCancel()
        await server.shutdown()
    }

    @Test("sequential requests from one session all succeed")
    func sequential() async throws {
        let echo = EchoTransport()
        let server = try LoopbackPushServer(handler: echo)
        let session = makeSession()
        for index in 0..<5 {
            var request = URLRequest(url: server.baseURL.appendingPathComponent("item/\(index)"))
            request.httpMethod = "POST"
            let (data, response) = try await session.upload(for: request, from: Data("body \(index)".utf8))
            #expect(try httpResponse(response).statusCode == 200)
            #expect(data == Data("body \(index)".utf8))
        }
        #expect(await echo.log.entries.map(\.request.url.path) == (0..<5).map { "/item/\($0)" })
        session.invalidateAndCancel()
        await server.shutdown()
    }
}

import Foundation
import Testing

@testable import CoveoPushEmulator
@testable import CoveoPushTesting

@Suite("HTTPResponseWriter")
struct HTTPResponseWriterTests {
    func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test("a response has its status line, fields, Content-Length and body")
    func basic() {
        let bytes = HTTPResponseWriter.serialize(
            statusCode: 202, headers: ["X-A": "1"], body: Data("ok".utf8), persistence: .keepAlive)
        #expect(text(bytes) == "HTTP/1.1 202 Accepted\r\nX-A: 1\r\nContent-Length: 2\r\n\r\nok")
    }

    @Test("closing and HTTP/1.0 keep-alive are announced")
    func persistence() {
        let closing = HTTPResponseWriter.serialize(statusCode: 200, headers: [:], body: Data(), persistence: .close)
        #expect(text(closing) == "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        let explicit = HTTPResponseWriter.serialize(
            statusCode: 200, headers: [:], body: Data(), persistence: .explicitKeepAlive)
        #expect(text(explicit).contains("\r\nConnection: keep-alive\r\n"))
    }

    @Test("framing fields from the handler are replaced and unsafe fields dropped")
    func sanitized() {
        let headers: HeaderFields = [
            "Content-Length": "999", "Transfer-Encoding": "chunked", "Connection": "keep-alive",
            "X-Injected": "a\r\nSet-Cookie: b", "Bad Name": "x", "X-Fine": "caf\u{E9}",
        ]
        let result = text(
            HTTPResponseWriter.serialize(
                statusCode: 200, headers: headers, body: Data("abc".utf8), persistence: .close))
        #expect(result == "HTTP/1.1 200 OK\r\nX-Fine: caf\u{E9}\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc")
    }

    @Test("204 and 304 carry no body and no Content-Length", arguments: [204, 304])
    func bodiless(status: Int) {
        let result = text(
            HTTPResponseWriter.serialize(
                statusCode: status, headers: [:], body: Data("x".utf8), persistence: .keepAlive))
        #expect(!result.contains("Content-Length"))
        #expect(result.hasSuffix("\r\n\r\n"))
    }

    @Test("error bodies are valid JSON whatever the message")
    func errorBody() throws {
        let message = "quote \" backslash \\ newline \n tab \t bell \u{7} snowman \u{2603}"
        let data = HTTPResponseWriter.errorBody(errorCode: "BAD_REQUEST", message: message)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: String])
        #expect(object == ["errorCode": "BAD_REQUEST", "message": message])
    }

    @Test("unknown status codes still get a reason phrase")
    func reasonPhrase() {
        #expect(HTTPResponseWriter.reasonPhrase(for: 429) == "Too Many Requests")
        #expect(HTTPResponseWriter.reasonPhrase(for: 299) == "Status")
    }
}

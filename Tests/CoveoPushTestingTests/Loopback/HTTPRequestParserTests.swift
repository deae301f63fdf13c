import Testing

@testable import CoveoPushEmulator
@testable import CoveoPushTesting

@Suite("HTTPRequestParser")
struct HTTPRequestParserTests {
    /// What one input should produce.
    enum Outcome: Sendable, CustomStringConvertible {
        /// Nothing yet: the parser waits for more bytes.
        case needsMore
        /// Exactly one complete request with this method, target and body.
        case request(method: String, target: String, body: String)
        /// A failure of this kind.
        case failure(HTTPParseError.Kind)

        var description: String {
            switch self {
            case .needsMore: return "needs more"
            case .request(let method, let target, _): return "request \(method) \(target)"
            case .failure(let kind): return "failure \(kind)"
            }
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var input: String
        var outcome: Outcome
        var testDescription: String { name }
    }

    static let head = "Host: 127.0.0.1\r\n"

    static let cases: [Case] = [
        Case(name: "a GET", input: "GET /a?b=c HTTP/1.1\r\n\(head)\r\n", outcome: .request("GET", "/a?b=c", "")),
        Case(name: "bare LF line ends", input: "GET / HTTP/1.1\nHost: x\n\n", outcome: .request("GET", "/", "")),
        Case(
            name: "empty lines before the request line", input: "\r\n\r\nGET / HTTP/1.1\r\n\r\n",
            outcome: .request("GET", "/", "")),
        Case(name: "HTTP/1.0", input: "GET / HTTP/1.0\r\n\r\n", outcome: .request("GET", "/", "")),
        Case(
            name: "a Content-Length body", input: "PUT /f HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello",
            outcome: .request("PUT", "/f", "hello")),
        Case(
            name: "Content-Length 0", input: "POST /f HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
            outcome: .request("POST", "/f", "")),
        Case(
            name: "repeated equal Content-Length", input: "PUT / HTTP/1.1\r\nContent-Length: 2, 2\r\n\r\nok",
            outcome: .request("PUT", "/", "ok")),
        Case(
            name: "a chunked body with extensions and trailers",
            input: "PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5;a=b\r\nhello\r\n6 \r\n world\r\n0\r\n"
                + "X-Trailer: 1\r\n\r\n",
            outcome: .request("PUT", "/", "hello world")),
        Case(
            name: "an absolute-form target", input: "GET http://example.com:80/x?y HTTP/1.1\r\n\r\n",
            outcome: .request("GET", "http://example.com:80/x?y", "")),
        Case(
            name: "obs-text in a header value", input: "GET / HTTP/1.1\r\nX-Name: caf\u{E9}\r\n\r\n",
            outcome: .request("GET", "/", "")),

        Case(name: "nothing", input: "", outcome: .needsMore),
        Case(name: "a truncated request line", input: "GET /a HT", outcome: .needsMore),
        Case(name: "a head without its blank line", input: "GET / HTTP/1.1\r\nHost: x\r\n", outcome: .needsMore),
        Case(name: "a head ending in CR", input: "GET / HTTP/1.1\r\nHost: x\r\n\r", outcome: .needsMore),
        Case(name: "a truncated body", input: "PUT / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc", outcome: .needsMore),
        Case(
            name: "a truncated chunk", input: "PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhe",
            outcome: .needsMore),
        Case(
            name: "a chunked body without its last chunk",
            input: "PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n", outcome: .needsMore),
        Case(
            name: "a chunked body without its final blank line",
            input: "PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n", outcome: .needsMore),

        Case(name: "garbage", input: "HELLO\r\n\r\n", outcome: .failure(.badRequest)),
        Case(name: "binary garbage", input: "\u{0}\u{1}\u{7F}\r\n\r\n", outcome: .failure(.badRequest)),
        Case(name: "a missing method", input: " / HTTP/1.1\r\n\r\n", outcome: .failure(.badRequest)),
        Case(name: "two spaces in the request line", input: "GET  / HTTP/1.1\r\n\r\n", outcome: .failure(.badRequest)),
        Case(name: "four parts in the request line", input: "GET / HTTP/1.1 x\r\n\r\n", outcome: .failure(.badRequest)),
        Case(name: "a lowercase version", input: "GET / http/1.1\r\n\r\n", outcome: .failure(.badRequest)),
        Case(name: "a two-digit minor version", input: "GET / HTTP/1.10\r\n\r\n", outcome: .failure(.badRequest)),
        Case(name: "HTTP/2.0", input: "GET / HTTP/2.0\r\n\r\n", outcome: .failure(.unsupportedVersion)),
        Case(name: "a relative target", input: "GET foo HTTP/1.1\r\n\r\n", outcome: .failure(.badRequest)),
        Case(
            name: "a target with a control character", input: "GET /a\u{1}b HTTP/1.1\r\n\r\n",
            outcome: .failure(.badRequest)),
        Case(name: "a bare CR in the request line", input: "GET /\r HTTP/1.1\r\n\r\n", outcome: .failure(.badRequest)),
        Case(name: "a header without a colon", input: "GET / HTTP/1.1\r\nHost\r\n\r\n", outcome: .failure(.badRequest)),
        Case(
            name: "a space before the colon", input: "GET / HTTP/1.1\r\nHost : x\r\n\r\n",
            outcome: .failure(.badRequest)),
        Case(
            name: "an obsolete folded line", input: "GET / HTTP/1.1\r\nX-A: a\r\n  b\r\n\r\n",
            outcome: .failure(.badRequest)),
        Case(
            name: "a control character in a value", input: "GET / HTTP/1.1\r\nX-A: a\u{1}b\r\n\r\n",
            outcome: .failure(.badRequest)),
        Case(
            name: "a bare CR in a value", input: "GET / HTTP/1.1\r\nX-A: a\rb\r\n\r\n", outcome: .failure(.badRequest)),
        Case(
            name: "a non-numeric Content-Length", input: "PUT / HTTP/1.1\r\nContent-Length: abc\r\n\r\n",
            outcome: .failure(.badRequest)),
        Case(
            name: "a negative Content-Length", input: "PUT / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
            outcome: .failure(.badRequest)),
        Case(
            name: "a signed Content-Length", input: "PUT / HTTP/1.1\r\nContent-Length: +1\r\n\r\nx",
            outcome: .failure(.badRequest)),
        Case(
            name: "conflicting Content-Lengths",
            input: "PUT / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
            outcome: .failure(.badRequest)),
        Case(
            name: "a huge Content-Length", input: "PUT / HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n",
            outcome: .failure(.badRequest)),
        Case(
            name: "Content-Length with Transfer-Encoding",
            input: "PUT / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n",
            outcome: .failure(.badRequest)),
        Case(
            name: "an unsupported transfer coding", input: "PUT / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n",
            outcome: .failure(.unsupportedTransferEncoding)),
        Case(
            name: "chunked not last", input: "PUT / HTTP/1.1\r\nTransfer-Encoding: chunked, gzip\r\n\r\n",
            outcome: .failure(.badRequest)),
        Case(
            name: "an empty Transfer-Encoding", input: "PUT / HTTP/1.1\r\nTransfer-Encoding: \r\n\r\n",
            outcome: .failure(.badRequest)),
        Case(
            name: "a non-hex chunk size", input: "PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
            outcome: .failure(.badRequest)),
        Case(
            name: "an empty chunk size", input: "PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n\r\n",
            outcome: .failure(.badRequest)),
        Case(
            name: "a 16-digit chunk size",
            input: "PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "1000000000000000\r\n", outcome: .failure(.badRequest)),
        Case(
            name: "chunk data longer than its size",
            input: "PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n", outcome: .failure(.badRequest)),
        Case(
            name: "a bad chunk extension", input: "PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2 x\r\n",
            outcome: .failure(.badRequest)),
        Case(
            name: "a bad trailer", input: "PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nbad\r\n\r\n",
            outcome: .failure(.badRequest)),
        Case(
            name: "an unknown expectation", input: "PUT / HTTP/1.1\r\nExpect: magic\r\n\r\n",
            outcome: .failure(.expectationFailed)),
        Case(
            name: "a Content-Length over the limit", input: "PUT / HTTP/1.1\r\nContent-Length: 4097\r\n\r\n",
            outcome: .failure(.bodyTooLarge)),
        Case(
            name: "chunks over the limit",
            input: "PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n800\r\n" + String(repeating: "a", count: 2048)
                + "\r\n801\r\n", outcome: .failure(.bodyTooLarge)),
        Case(
            name: "a head over the limit", input: "GET / HTTP/1.1\r\nX-A: " + String(repeating: "a", count: 1100),
            outcome: .failure(.headersTooLarge)),
        Case(
            name: "a request line over the limit", input: "GET /" + String(repeating: "a", count: 1100),
            outcome: .failure(.headersTooLarge)),
        Case(
            name: "too many empty lines", input: String(repeating: "\r\n", count: 9) + "GET / HTTP/1.1\r\n\r\n",
            outcome: .failure(.badRequest)),
    ]

    @Test("parses complete, truncated and malformed inputs as expected", arguments: cases)
    func table(_ testCase: Case) {
        let trace = parse(testCase.input)
        switch testCase.outcome {
        case .needsMore:
            #expect(trace.messages.isEmpty)
            #expect(trace.error == nil)
        case .request(let method, let target, let body):
            #expect(trace.error == nil)
            #expect(trace.messages.count == 1)
            #expect(trace.messages.first?.head.method == method)
            #expect(trace.messages.first?.head.target == target)
            #expect(trace.messages.first.map { String(decoding: $0.body, as: UTF8.self) } == body)
        case .failure(let kind):
            #expect(trace.messages.isEmpty)
            #expect(trace.error?.kind == kind)
        }
    }

    @Test("every input gives the same result whole and byte by byte", arguments: cases)
    func byteByByte(_ testCase: Case) {
        let bytes = Array(testCase.input.utf8)
        #expect(parse(pieces: bytes.map { [$0] }) == parse(pieces: [bytes]))
    }

    @Test("the head is reported before the body arrives")
    func headFirst() throws {
        var parser = HTTPRequestParser(limits: .testing)
        parser.append(Array("PUT /x HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n".utf8))
        let event = try parser.nextEvent()
        guard case .head(let head) = event else {
            Issue.record("expected a head, got \(String(describing: event))")
            return
        }
        #expect(head.expectsContinue)
        #expect(parser.isAwaitingBody)
        #expect(try parser.nextEvent() == nil)
        parser.append(Array("abc".utf8))
        let message = try #require(try parser.nextEvent())
        #expect(message == .message(HTTPRequestMessage(head: head, body: Array("abc".utf8))))
        #expect(parser.isIdle)
    }

    @Test("pipelined requests come out one after another")
    func pipelined() {
        let trace = parse("GET /1 HTTP/1.1\r\n\r\nPUT /2 HTTP/1.1\r\nContent-Length: 1\r\n\r\nxGET /3 HTTP/1.1\r\n\r\n")
        #expect(trace.error == nil)
        #expect(trace.messages.map(\.head.target) == ["/1", "/2", "/3"])
        #expect(trace.messages.map(\.body) == [[], Array("x".utf8), []])
    }

    @Test("header fields keep their order, case and trimmed values")
    func fields() throws {
        let trace = parse("GET / HTTP/1.1\r\nHost: h\r\nX-Key:\t value \t\r\nx-key: second\r\n\r\n")
        let head = try #require(trace.messages.first?.head)
        #expect(Array(head.headers).map(\.name) == ["Host", "X-Key", "x-key"])
        #expect(Array(head.headers).map(\.value) == ["h", "value", "second"])
    }

    @Test("after an error every call throws the same error")
    func sticky() {
        var parser = HTTPRequestParser(limits: .testing)
        parser.append(Array("BAD\r\n".utf8))
        #expect(throws: HTTPParseError.self) { try parser.nextEvent() }
        parser.append(Array("GET / HTTP/1.1\r\n\r\n".utf8))
        #expect(throws: HTTPParseError.self) { try parser.nextEvent() }
    }

    @Test(
        "keep-alive follows the version and the Connection field",
        arguments: [
            ("HTTP/1.1", nil, true), ("HTTP/1.1", "close", false), ("HTTP/1.1", "Keep-Alive, Close", false),
            ("HTTP/1.0", nil, false), ("HTTP/1.0", "keep-alive", true), ("HTTP/1.1", "upgrade", true),
        ] as [(String, String?, Bool)])
    func keepAlive(version: String, connection: String?, expected: Bool) throws {
        let field = connection.map { "Connection: \($0)\r\n" } ?? ""
        let trace = parse("GET / \(version)\r\n\(field)\r\n")
        let head = try #require(trace.messages.first?.head)
        #expect(head.keepAlive == expected)
    }

    @Test(
        "targets become a path and query",
        arguments: [
            ("/a/b?c=d", "/a/b?c=d"), ("http://h", "/"), ("http://h:1?q=1", "/?q=1"), ("HTTPS://h/x", "/x"),
            ("*", "/"),
        ])
    func pathAndQuery(target: String, expected: String) {
        #expect(HTTPRequestHead.pathAndQuery(of: target) == expected)
    }

    @Test("targets in other forms are refused", arguments: ["a/b", "ftp://h/x", "http://", "http:///x", "h:80"])
    func unsupportedTargets(target: String) {
        #expect(HTTPRequestHead.pathAndQuery(of: target) == nil)
    }

    @Test("a head exactly at the limit is accepted and one byte more is refused")
    func headLimitBoundary() {
        let base = "GET / HTTP/1.1\r\nX: \r\n\r\n"
        let filler = String(repeating: "a", count: 64 - base.utf8.count)
        let exact = "GET / HTTP/1.1\r\nX: \(filler)\r\n\r\n"
        let limits = HTTPRequestParser.Limits(maxHeaderBytes: 64, maxBodyBytes: 0)
        #expect(exact.utf8.count == 64)
        #expect(parse(exact, limits: limits).messages.count == 1)
        #expect(parse("GET / HTTP/1.1\r\nX: \(filler)a\r\n\r\n", limits: limits).error?.kind == .headersTooLarge)
    }

    @Test("a body exactly at the limit is accepted, chunked or not")
    func bodyLimitBoundary() {
        let limits = HTTPRequestParser.Limits(maxHeaderBytes: 1024, maxBodyBytes: 4)
        #expect(parse("PUT / HTTP/1.1\r\nContent-Length: 4\r\n\r\nabcd", limits: limits).messages.count == 1)
        let chunked = "PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n2\r\ncd\r\n0\r\n\r\n"
        #expect(parse(chunked, limits: limits).messages.first?.body == Array("abcd".utf8))
        let over = "PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n3\r\n"
        #expect(parse(over, limits: limits).error?.kind == .bodyTooLarge)
    }
}

extension HTTPRequestParserTests.Outcome {
    static func request(_ method: String, _ target: String, _ body: String) -> Self {
        .request(method: method, target: target, body: body)
    }
}

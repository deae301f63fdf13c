/// An incremental, allocation-bounded reader of HTTP/1.x requests.
///
/// Feed it bytes as they arrive with ``append(_:)``, then call ``nextEvent()`` until it returns `nil` (it needs
/// more bytes). For each request it reports the head first (so the caller can answer `Expect: 100-continue`),
/// then the complete message with its body decoded (`Content-Length` or `Transfer-Encoding: chunked`). Bytes
/// after a message stay buffered for the next one, so pipelined requests work.
///
/// It is a pure value: no I/O, no clock. It never traps on any input; malformed input makes ``nextEvent()``
/// throw an ``HTTPParseError``, and every later call throws the same error. Decisions depend only on the bytes
/// seen so far, never on how they were split into ``append(_:)`` calls.
struct HTTPRequestParser {
    /// The bounds that keep memory use proportional to the configured limits.
    struct Limits: Sendable, Hashable {
        /// The most bytes the request line and header fields (and, separately, a chunked trailer) may take.
        var maxHeaderBytes: Int
        /// The most bytes a decoded body may have.
        var maxBodyBytes: Int
        /// The most bytes a chunk-size line may have.
        var maxChunkLineBytes = 1024
        /// How many empty lines may precede a request line.
        var maxLeadingEmptyLines = 8
    }

    /// What the parser found.
    enum Event: Sendable, Hashable {
        /// A request head is complete; its body (if any) follows.
        case head(HTTPRequestHead)
        /// A request is complete.
        case message(HTTPRequestMessage)
    }

    /// How the body of the current request is delimited.
    enum Framing: Sendable, Hashable {
        case none
        case length(Int)
        case chunked
    }

    private enum State: Hashable {
        case requestLine
        case headerFields
        case headComplete(Framing)
        case fixedBody(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkEnd
        case trailers
        case failed(HTTPParseError)
    }

    /// The limits this parser enforces.
    let limits: Limits

    private var buffer: [UInt8] = []
    /// Where the unread bytes of `buffer` begin.
    private var readIndex = 0
    /// How many unread bytes are already known to hold no line feed.
    private var lineScanned = 0
    private var state = State.requestLine
    private var requestLine: RequestLine?
    private var fields: [HeaderFields.Field] = []
    private var head: HTTPRequestHead?
    /// Bytes taken so far by the current head (or trailer section).
    private var sectionBytes = 0
    private var leadingEmptyLines = 0
    private var body: [UInt8] = []

    /// Creates a parser.
    init(limits: Limits) {
        self.limits = limits
    }

    /// Bytes received but not yet consumed.
    var bufferedByteCount: Int { buffer.count - readIndex }

    /// Whether no part of a request has been received since the last complete one.
    var isIdle: Bool { state == .requestLine && bufferedByteCount == 0 && sectionBytes == 0 }

    /// Whether the last reported head announced a body that has not been read yet.
    var isAwaitingBody: Bool {
        switch state {
        case .headComplete(let framing): return framing != .none
        case .fixedBody, .chunkSize, .chunkData, .chunkEnd, .trailers: return true
        case .requestLine, .headerFields, .failed: return false
        }
    }

    /// Adds received bytes.
    mutating func append(_ bytes: some Collection<UInt8>) {
        if readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            readIndex = 0
        } else if readIndex >= 64 * 1024 {
            buffer.removeFirst(readIndex)
            readIndex = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// Reads as far as the buffered bytes allow.
    ///
    /// - Returns: The next event, or `nil` when more bytes are needed.
    /// - Throws: ``HTTPParseError`` for malformed or oversized input; the parser then stays failed.
    mutating func nextEvent() throws(HTTPParseError) -> Event? {
        do throws(HTTPParseError) {
            return try advance()
        } catch {
            state = .failed(error)
            throw error
        }
    }

    private mutating func advance() throws(HTTPParseError) -> Event? {
        while true {
            switch state {
            case .failed(let error):
                throw error
            case .requestLine:
                guard let line = try takeHeadLine() else { return nil }
                if line.isEmpty {
                    leadingEmptyLines += 1
                    guard leadingEmptyLines <= limits.maxLeadingEmptyLines else {
                        throw HTTPParseError(.badRequest, "too many empty lines before the request line")
                    }
                    continue
                }
                requestLine = try RequestLine(parsing: line)
                state = .headerFields
            case .headerFields:
                guard let line = try takeHeadLine() else { return nil }
                if !line.isEmpty {
                    fields.append(try Self.parseField(line))
                    continue
                }
                guard let requestLine else { throw HTTPParseError(.badRequest, "missing request line") }
                let completed = HTTPRequestHead(
                    method: requestLine.method, target: requestLine.target,
                    minorVersion: requestLine.minorVersion, headers: HeaderFields(fields))
                let framing = try framing(of: completed)
                head = completed
                fields = []
                state = .headComplete(framing)
                return .head(completed)
            case .headComplete(let framing):
                switch framing {
                case .none:
                    return try finishMessage()
                case .length(let length):
                    body.reserveCapacity(min(length, 4 * 1024 * 1024))
                    state = .fixedBody(remaining: length)
                case .chunked:
                    state = .chunkSize
                }
            case .fixedBody(let remaining):
                let left = remaining - takeBodyBytes(upTo: remaining)
                guard left == 0 else {
                    state = .fixedBody(remaining: left)
                    return nil
                }
                return try finishMessage()
            case .chunkSize:
                let tooLong = HTTPParseError(.badRequest, "chunk-size line too long")
                guard let line = try takeLine(limit: limits.maxChunkLineBytes, tooLong: tooLong) else { return nil }
                let size = try Self.parseChunkSize(line)
                guard size <= limits.maxBodyBytes - body.count else {
                    throw HTTPParseError(.bodyTooLarge, "the body exceeds \(limits.maxBodyBytes) bytes")
                }
                if size == 0 {
                    sectionBytes = 0
                    state = .trailers
                } else {
                    state = .chunkData(remaining: size)
                }
            case .chunkData(let remaining):
                let left = remaining - takeBodyBytes(upTo: remaining)
                state = left == 0 ? .chunkEnd : .chunkData(remaining: left)
                if left > 0 { return nil }
            case .chunkEnd:
                guard let first = byte(at: 0) else { return nil }
                if first == .carriageReturn {
                    guard let second = byte(at: 1) else { return nil }
                    guard second == .lineFeed else { throw HTTPParseError(.badRequest, "chunk not ended by CRLF") }
                    readIndex += 2
                } else {
                    guard first == .lineFeed else { throw HTTPParseError(.badRequest, "chunk not ended by CRLF") }
                    readIndex += 1
                }
                lineScanned = 0
                state = .chunkSize
            case .trailers:
                guard let line = try takeHeadLine() else { return nil }
                if line.isEmpty { return try finishMessage() }
                _ = try Self.parseField(line)
            }
        }
    }

    // MARK: - Lines

    /// Takes one line of a head or trailer section, counting it against `maxHeaderBytes`.
    private mutating func takeHeadLine() throws(HTTPParseError) -> ArraySlice<UInt8>? {
        let start = readIndex
        let tooLarge = HTTPParseError(.headersTooLarge, "the request head exceeds \(limits.maxHeaderBytes) bytes")
        guard let line = try takeLine(limit: limits.maxHeaderBytes - sectionBytes, tooLong: tooLarge) else {
            return nil
        }
        sectionBytes += readIndex - start
        return line
    }

    /// Takes one line ended by LF (an optional CR before it is dropped), of at most `limit` bytes with its ending.
    ///
    /// - Returns: The line's content, or `nil` when its end has not arrived.
    private mutating func takeLine(limit: Int, tooLong: HTTPParseError) throws(HTTPParseError) -> ArraySlice<UInt8>? {
        let start = readIndex
        let scanEnd = min(buffer.count, start + max(limit, 0))
        var index = start + lineScanned
        while index < scanEnd {
            if buffer[index] == .lineFeed {
                var contentEnd = index
                if contentEnd > start, buffer[contentEnd - 1] == .carriageReturn { contentEnd -= 1 }
                readIndex = index + 1
                lineScanned = 0
                return buffer[start..<contentEnd]
            }
            index += 1
        }
        lineScanned = index - start
        if buffer.count - start >= limit { throw tooLong }
        return nil
    }

    private func byte(at offset: Int) -> UInt8? {
        readIndex + offset < buffer.count ? buffer[readIndex + offset] : nil
    }

    // MARK: - Body

    private mutating func takeBodyBytes(upTo count: Int) -> Int {
        let taken = min(count, bufferedByteCount)
        body.append(contentsOf: buffer[readIndex..<(readIndex + taken)])
        readIndex += taken
        return taken
    }

    private mutating func finishMessage() throws(HTTPParseError) -> Event {
        guard let head else { throw HTTPParseError(.badRequest, "body without a head") }
        let message = HTTPRequestMessage(head: head, body: body)
        self.head = nil
        requestLine = nil
        body = []
        sectionBytes = 0
        leadingEmptyLines = 0
        state = .requestLine
        return .message(message)
    }
}

/// Reads HTTP/1.1 requests from a connection through one reused buffer: heads, then `Content-Length` or chunked
/// bodies, kept or only counted. Shared by `TinyResponder` and `DiscardingPushServer`.
struct HTTPRequestReader {
    /// A request head.
    struct Head {
        var method: String
        var target: String
        /// Header values as sent, by lowercased name (the last one wins).
        var headers: [String: String]

        /// The `Content-Length`, 0 when absent.
        var contentLength: Int { Int(headers["content-length"] ?? "") ?? 0 }
        /// Whether the body is sent in chunks.
        var isChunked: Bool { headers["transfer-encoding"]?.lowercased().contains("chunked") == true }
        /// Whether the client waits for `100 Continue` before the body.
        var expectsContinue: Bool { headers["expect"]?.lowercased() == "100-continue" }
        /// Whether the client asked to close the connection after this request.
        var closesConnection: Bool { headers["connection"]?.lowercased() == "close" }
    }

    let descriptor: Int32
    /// Asked while waiting for bytes; reading gives up once it answers `true` (`nil`: wait as long as it takes).
    private let shouldStop: (() -> Bool)?
    private var buffer = [UInt8](repeating: 0, count: 256 * 1024)
    private var start = 0
    private var end = 0

    init(descriptor: Int32, shouldStop: (() -> Bool)? = nil) {
        self.descriptor = descriptor
        self.shouldStop = shouldStop
    }

    /// The next request head; `nil` when the connection ended or the head is malformed.
    mutating func readHead() -> Head? {
        guard let text = readThrough(Array("\r\n\r\n".utf8)) else { return nil }
        let lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
        let requestLine = lines[0].split(separator: " ")
        guard requestLine.count == 3 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        return Head(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers)
    }

    /// Reads the body of `head`: its size, and its bytes when `keeping` (otherwise they are dropped as they come);
    /// `nil` when the connection ended inside it or a chunk size is malformed.
    mutating func readBody(of head: Head, keeping: Bool) -> (count: Int, bytes: [UInt8])? {
        var bytes: [UInt8] = []
        guard head.isChunked else {
            guard take(head.contentLength, keeping: keeping, into: &bytes) else { return nil }
            return (head.contentLength, bytes)
        }
        var total = 0
        while true {
            guard let line = readThrough(Array("\r\n".utf8)),
                let sizeText = line.split(separator: ";", omittingEmptySubsequences: false).first,
                let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16)
            else { return nil }
            if size == 0 {
                while let trailer = readThrough(Array("\r\n".utf8)), !trailer.isEmpty {}
                return (total, bytes)
            }
            guard take(size, keeping: keeping, into: &bytes), readThrough(Array("\r\n".utf8)) != nil else { return nil }
            total += size
        }
    }

    /// Consumes `count` bytes, appending them to `kept` when `keeping`.
    private mutating func take(_ count: Int, keeping: Bool, into kept: inout [UInt8]) -> Bool {
        var left = count
        while left > 0 {
            if start == end, !fill() { return false }
            let taken = min(left, end - start)
            if keeping { kept.append(contentsOf: buffer[start..<(start + taken)]) }
            start += taken
            left -= taken
        }
        return true
    }

    /// The text before the next `marker`, consumed with it; `nil` when the connection ended first.
    private mutating func readThrough(_ marker: [UInt8]) -> String? {
        var scanned = 0  // bytes after `start` known not to begin the marker (`fill` may move `start`)
        while true {
            if let found = find(marker, from: start + scanned) {
                let text = String(decoding: buffer[start..<found], as: UTF8.self)
                start = found + marker.count
                return text
            }
            scanned = max(0, end - start - (marker.count - 1))
            guard fill() else { return nil }
        }
    }

    private func find(_ marker: [UInt8], from: Int) -> Int? {
        guard end - from >= marker.count else { return nil }
        var index = from
        while index <= end - marker.count {
            if buffer[index] == marker[0] && buffer[index..<(index + marker.count)].elementsEqual(marker) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// Reads more bytes after the unread ones (moved to the front first); `false` at end of stream, on an error,
    /// or once ``shouldStop`` says so.
    private mutating func fill() -> Bool {
        if start > 0 {
            if start < end {
                buffer.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
            }
            end -= start
            start = 0
        }
        if end == buffer.count { buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count)) }
        if let shouldStop {
            while !PlainSocket.isReadable(descriptor, waitingAtMost: 50) {
                if shouldStop() { return false }
            }
        }
        let count = buffer.withUnsafeMutableBytes {
            PlainSocket.read(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: $0[end...]))
        }
        guard count > 0 else { return false }
        end += count
        return true
    }
}

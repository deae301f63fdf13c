import CoveoPush
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A minimal blocking HTTP/1.1 client over a raw socket, to send exactly the bytes a test wants.
///
/// Use it only on a dedicated thread (see `onDedicatedThread`). Reads give up after a safety timeout, so a
/// broken server fails the test instead of hanging it.
package final class RawHTTPClient {
    package struct ClientError: Error, CustomStringConvertible {
        package var description: String
    }

    /// A parsed response.
    package struct Response: Sendable {
        package var statusCode: Int
        package var headers: HeaderFields
        package var body: Data
    }

    private let descriptor: Int32
    private var buffer: [UInt8] = []

    /// Connects to 127.0.0.1:port; reads and writes give up after 30 seconds.
    package init(port: UInt16) throws {
        do {
            descriptor = try PlainSocket.connect(port: port)
        } catch {
            throw ClientError(description: "\(error)")
        }
        PlainSocket.setTimeouts(descriptor, seconds: 30)
    }

    deinit { PlainSocket.close(descriptor) }

    /// Sends text as UTF-8.
    package func send(_ text: String) throws { try send(Array(text.utf8)) }

    /// Sends bytes.
    package func send(_ bytes: [UInt8]) throws {
        guard bytes.withUnsafeBytes({ PlainSocket.writeAll(descriptor, $0) }) else {
            throw ClientError(description: "send failed: errno \(errno)")
        }
    }

    /// Sends one request on this (kept-alive) connection and reads its response: the head, then the body from
    /// `bodyFile` in 1 MB slices, or `body`, with its `Content-Length`.
    package func request(
        _ method: String, _ target: String, headers: [String: String] = [:], body: [UInt8] = [], bodyFile: URL? = nil
    ) throws -> Response {
        let length: Int
        if let bodyFile {
            let attributes = try FileManager.default.attributesOfItem(atPath: bodyFile.path)
            length = (attributes[.size] as? NSNumber)?.intValue ?? 0
        } else {
            length = body.count
        }
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \(length)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        try send(head + "\r\n")
        if let bodyFile {
            let handle = try FileHandle(forReadingFrom: bodyFile)
            defer { try? handle.close() }
            while let slice = try handle.read(upToCount: 1 << 20), !slice.isEmpty {
                guard slice.withUnsafeBytes({ PlainSocket.writeAll(descriptor, $0) }) else {
                    throw ClientError(description: "send failed: errno \(errno)")
                }
            }
        } else if !body.isEmpty {
            try send(body)
        }
        return try readResponse()
    }

    /// Reads one response (an interim `100 Continue` counts as one), honouring `Content-Length`.
    package func readResponse() throws -> Response {
        let headEnd = try readUntil(Array("\r\n\r\n".utf8))
        let headText = String(decoding: buffer[0..<headEnd], as: UTF8.self)
        buffer.removeFirst(headEnd + 4)
        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, statusLine[0] == "HTTP/1.1", let status = Int(statusLine[1]) else {
            throw ClientError(description: "bad status line in \(headText)")
        }
        var fields: [HeaderFields.Field] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw ClientError(description: "bad header \(line)") }
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            fields.append(HeaderFields.Field(name: name, value: value))
        }
        let headers = HeaderFields(fields)
        let length = Int(headers["Content-Length"] ?? "0") ?? 0
        try fill(atLeast: length)
        let body = Data(buffer[0..<length])
        buffer.removeFirst(length)
        return Response(statusCode: status, headers: headers, body: body)
    }

    /// Reads until the server closes the connection (or resets it) and returns what arrived.
    package func readUntilClosed() throws -> Data {
        while try receive() {}
        defer { buffer = [] }
        return Data(buffer)
    }

    /// Half-closes the connection, or fully closes it with `shutdown(SHUT_RDWR)`.
    package func shutdown(readToo: Bool = false) {
        #if canImport(Darwin)
            _ = Darwin.shutdown(descriptor, readToo ? Int32(SHUT_RDWR) : Int32(SHUT_WR))
        #else
            _ = Glibc.shutdown(descriptor, readToo ? Int32(SHUT_RDWR) : Int32(SHUT_WR))
        #endif
    }

    private func readUntil(_ marker: [UInt8]) throws -> Int {
        var searchFrom = 0
        while true {
            if buffer.count >= marker.count {
                for start in searchFrom...(buffer.count - marker.count)
                where buffer[start..<(start + marker.count)].elementsEqual(marker) {
                    return start
                }
                searchFrom = buffer.count - marker.count + 1
            }
            guard try receive() else { throw ClientError(description: "connection closed before a response head") }
        }
    }

    private func fill(atLeast count: Int) throws {
        while buffer.count < count {
            guard try receive() else { throw ClientError(description: "connection closed inside a body") }
        }
    }

    /// Receives once; `false` at end of stream or on a reset.
    private func receive() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let count = chunk.withUnsafeMutableBytes { PlainSocket.read(descriptor, into: $0) }
        if count > 0 {
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }
        if count == 0 || errno == ECONNRESET { return false }
        throw ClientError(description: "recv failed: errno \(errno)")
    }
}

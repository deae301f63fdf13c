import Foundation

import CoveoPush
import CoveoPushEmulator

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

    /// Connects to 127.0.0.1:port.
    package init(port: UInt16) throws {
        #if canImport(Darwin)
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #else
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard fd >= 0 else { throw ClientError(description: "socket failed") }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        #if canImport(Darwin)
            var one: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
        var address = SocketAPI.loopbackAddress(port: port)
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            SocketAPI.close(fd)
            throw ClientError(description: "connect failed: errno \(errno)")
        }
        descriptor = fd
    }

    deinit { SocketAPI.close(descriptor) }

    /// Sends text as UTF-8.
    package func send(_ text: String) throws { try send(Array(text.utf8)) }

    /// Sends bytes.
    package func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                return SocketAPI.send(descriptor, from: base + offset, count: buffer.count - offset)
            }
            guard sent > 0 else { throw ClientError(description: "send failed: errno \(errno)") }
            offset += sent
        }
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
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count > 0 {
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }
        if count == 0 || errno == ECONNRESET { return false }
        throw ClientError(description: "recv failed: errno \(errno)")
    }
}

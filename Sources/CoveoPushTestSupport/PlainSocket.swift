import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Blocking POSIX TCP sockets on 127.0.0.1, written for the benchmark's floor client and discarding server and for
/// raw-socket tests. Deliberately independent of the emulator's socket code: a reference must not share the code
/// it judges.
package enum PlainSocket {
    /// A socket call failed.
    package struct Failure: Error, CustomStringConvertible {
        package let description: String

        init(_ call: String) { description = "\(call) failed: errno \(errno)" }
    }

    /// A listening socket on 127.0.0.1 and the port it got (`port` 0: any free one).
    package static func listen(port: UInt16 = 0, backlog: Int32 = 128) throws -> (descriptor: Int32, port: UInt16) {
        let descriptor = try newSocket()
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = loopback(port: port)
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0, systemListen(descriptor, backlog) == 0 else {
            let failure = Failure("bind/listen")
            close(descriptor)
            throw failure
        }
        var actual = sockaddr_in()
        var actualLength = length
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &actualLength) }
        }
        return (descriptor, UInt16(bigEndian: actual.sin_port))
    }

    /// A connected socket to 127.0.0.1:`port`, with Nagle's algorithm off.
    package static func connect(port: UInt16) throws -> Int32 {
        let descriptor = try newSocket()
        var address = loopback(port: port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                systemConnect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let failure = Failure("connect")
            close(descriptor)
            throw failure
        }
        noDelay(descriptor)
        return descriptor
    }

    /// Accepts one connection, waiting at most `milliseconds`; `nil` when none came.
    package static func accept(_ listener: Int32, waitingAtMost milliseconds: Int32) -> Int32? {
        guard isReadable(listener, waitingAtMost: milliseconds) else { return nil }
        let connection = systemAccept(listener, nil, nil)
        guard connection >= 0 else { return nil }
        noDelay(connection)
        #if canImport(Darwin)
            var one: Int32 = 1
            setsockopt(connection, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
        return connection
    }

    /// Accepts connections on `listener` until `isStopped` says so (checked every 50 ms), serving each on a thread of
    /// its own, then closes the listener: the accept loop of every test server here.
    package static func acceptConnections(
        on listener: Int32, until isStopped: () -> Bool, serve: @escaping @Sendable (Int32) -> Void
    ) {
        defer { close(listener) }
        while !isStopped() {
            guard let connection = accept(listener, waitingAtMost: 50) else { continue }
            Thread.detachNewThread { serve(connection) }
        }
    }

    /// Whether `descriptor` has bytes to read (or a connection to accept, or an end of stream) within `milliseconds`.
    package static func isReadable(_ descriptor: Int32, waitingAtMost milliseconds: Int32) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, milliseconds) > 0
    }

    /// Writes every byte; `false` when the peer went away.
    package static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var offset = 0
        while offset < bytes.count {
            #if canImport(Darwin)
                let sent = send(descriptor, base + offset, bytes.count - offset, 0)
            #else
                let sent = send(descriptor, base + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            #endif
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    /// Writes the UTF-8 bytes of `text`; `false` when the peer went away.
    package static func writeAll(_ descriptor: Int32, _ text: String) -> Bool {
        Array(text.utf8).withUnsafeBytes { writeAll(descriptor, $0) }
    }

    /// Reads at most `buffer.count` bytes: the count, 0 at end of stream, -1 on an error (a reset included).
    package static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        while true {
            let count = recv(descriptor, buffer.baseAddress, buffer.count, 0)
            if count < 0 && errno == EINTR { continue }
            return count
        }
    }

    /// Closes a descriptor.
    package static func close(_ descriptor: Int32) {
        #if canImport(Darwin)
            _ = Darwin.close(descriptor)
        #else
            _ = Glibc.close(descriptor)
        #endif
    }

    /// Sets send and receive timeouts, so a broken peer fails a test instead of hanging it.
    package static func setTimeouts(_ descriptor: Int32, seconds: Int) {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    private static func newSocket() throws -> Int32 {
        #if canImport(Darwin)
            let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #else
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard descriptor >= 0 else { throw Failure("socket") }
        #if canImport(Darwin)
            var one: Int32 = 1
            setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
        return descriptor
    }

    private static func noDelay(_ descriptor: Int32) {
        var yes: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        #if canImport(Darwin)
            address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        return address
    }
}

// The C functions whose names the static methods above shadow, named by their module on each platform.
#if canImport(Glibc)
    private let systemListen = Glibc.listen
    private let systemConnect = Glibc.connect
    private let systemAccept = Glibc.accept
#elseif canImport(Darwin)
    private let systemListen = Darwin.listen
    private let systemConnect = Darwin.connect
    private let systemAccept = Darwin.accept
#endif

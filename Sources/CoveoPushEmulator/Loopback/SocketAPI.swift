#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few POSIX socket calls the loopback server needs, with the Glibc/Darwin differences hidden.
///
/// Every function returns the raw result of the system call (or a small outcome value) and never traps.
enum SocketAPI {
    /// The `type` argument of `socket(2)` for a TCP stream.
    static var streamType: Int32 {
        #if canImport(Darwin)
            return SOCK_STREAM
        #else
            return Int32(SOCK_STREAM.rawValue)
        #endif
    }

    /// Flags for `send(2)`: Linux suppresses `SIGPIPE` per call, Darwin per socket (`SO_NOSIGPIPE`).
    static var sendFlags: Int32 {
        #if canImport(Darwin)
            return 0
        #else
            return Int32(MSG_NOSIGNAL)
        #endif
    }

    /// The calling thread's `errno`.
    static var lastError: Int32 { errno }

    /// Whether an error only means "try again".
    static func isTransient(_ code: Int32) -> Bool {
        code == EAGAIN || code == EWOULDBLOCK || code == EINTR
    }

    /// Whether an `accept(2)` error means the process or system ran out of descriptors or memory.
    static func isResourceExhaustion(_ code: Int32) -> Bool {
        code == EMFILE || code == ENFILE || code == ENOBUFS || code == ENOMEM
    }

    /// Creates a TCP socket bound to 127.0.0.1 and listening.
    ///
    /// - Returns: The listening descriptor (non-blocking, close-on-exec) and the port it is bound to.
    static func makeListener(port: UInt16, backlog: Int32) throws(LoopbackServerError) -> (fd: Int32, port: UInt16) {
        let fd = socket(AF_INET, streamType, 0)
        guard fd >= 0 else { throw .system(.socketFailure, operation: "socket", code: lastError, port: port) }
        var succeeded = false
        defer { if !succeeded { close(fd) } }

        setCloseOnExec(fd)
        guard setOption(fd, level: SOL_SOCKET, name: SO_REUSEADDR, value: 1) else {
            throw .system(.socketFailure, operation: "setsockopt(SO_REUSEADDR)", code: lastError, port: port)
        }
        var address = loopbackAddress(port: port)
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            let code = lastError
            let kind: LoopbackServerError.Code =
                code == EADDRINUSE ? .portInUse : code == EACCES ? .permissionDenied : .socketFailure
            throw .system(kind, operation: "bind", code: code, port: port)
        }
        guard listen(fd, backlog) == 0 else {
            throw .system(.socketFailure, operation: "listen", code: lastError, port: port)
        }
        guard let boundPort = localPort(of: fd) else {
            throw .system(.socketFailure, operation: "getsockname", code: lastError, port: port)
        }
        guard setNonBlocking(fd) else {
            throw .system(.socketFailure, operation: "fcntl(O_NONBLOCK)", code: lastError, port: port)
        }
        succeeded = true
        return (fd, boundPort)
    }

    /// `sockaddr_in` for 127.0.0.1 and a port.
    static func loopbackAddress(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        #if canImport(Darwin)
            address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr = in_addr(s_addr: UInt32(0x7F00_0001).bigEndian)
        return address
    }

    /// The local port a socket is bound to.
    static func localPort(of fd: Int32) -> UInt16? {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return result == 0 ? UInt16(bigEndian: address.sin_port) : nil
    }

    /// Accepts one pending connection; `nil` with `errno` set when there is none or it failed.
    static func accept(_ listener: Int32) -> Int32? {
        #if canImport(Darwin)
            let fd = Darwin.accept(listener, nil, nil)
        #else
            let fd = Glibc.accept(listener, nil, nil)
        #endif
        return fd >= 0 ? fd : nil
    }

    /// Prepares an accepted connection: non-blocking, close-on-exec, no Nagle delay, no `SIGPIPE`.
    static func configureConnection(_ fd: Int32) -> Bool {
        setCloseOnExec(fd)
        _ = setOption(fd, level: Int32(IPPROTO_TCP), name: TCP_NODELAY, value: 1)
        #if canImport(Darwin)
            guard setOption(fd, level: SOL_SOCKET, name: SO_NOSIGPIPE, value: 1) else { return false }
        #endif
        return setNonBlocking(fd)
    }

    /// Sets an integer socket option.
    @discardableResult
    static func setOption(_ fd: Int32, level: Int32, name: Int32, value: Int32) -> Bool {
        var value = value
        return setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) == 0
    }

    /// Makes a descriptor non-blocking.
    static func setNonBlocking(_ fd: Int32) -> Bool {
        let flags = fcntl(fd, F_GETFL)
        return flags >= 0 && fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0
    }

    /// Keeps a descriptor out of child processes.
    @discardableResult
    static func setCloseOnExec(_ fd: Int32) -> Bool {
        let flags = fcntl(fd, F_GETFD)
        return flags >= 0 && fcntl(fd, F_SETFD, flags | FD_CLOEXEC) == 0
    }

    /// Creates a pipe whose two ends are close-on-exec; the write end is non-blocking.
    static func makePipe() -> (read: Int32, write: Int32)? {
        var fds: [Int32] = [-1, -1]
        let result = fds.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return pipe(base)
        }
        guard result == 0 else { return nil }
        setCloseOnExec(fds[0])
        setCloseOnExec(fds[1])
        _ = setNonBlocking(fds[1])
        return (fds[0], fds[1])
    }

    /// Waits until one of the descriptors is ready.
    ///
    /// - Returns: The `revents` of each descriptor, in order, or `nil` on timeout; retried on `EINTR`.
    static func poll(_ requests: [(fd: Int32, events: Int16)], timeoutMilliseconds: Int32) -> [Int16]? {
        var fds = requests.map { pollfd(fd: $0.fd, events: $0.events, revents: 0) }
        while true {
            let count = fds.withUnsafeMutableBufferPointer { buffer -> Int32 in
                guard let base = buffer.baseAddress else { return -1 }
                #if canImport(Darwin)
                    return Darwin.poll(base, nfds_t(buffer.count), timeoutMilliseconds)
                #else
                    return Glibc.poll(base, nfds_t(buffer.count), timeoutMilliseconds)
                #endif
            }
            if count > 0 { return fds.map(\.revents) }
            if count == 0 { return nil }
            if lastError != EINTR { return fds.map { _ in Int16(POLLERR) } }
        }
    }

    /// `POLLIN` as the `events` field type.
    static var readable: Int16 { Int16(POLLIN) }
    /// `POLLOUT` as the `events` field type.
    static var writable: Int16 { Int16(POLLOUT) }
    /// The `revents` bits that mean an error or hang-up.
    static var failed: Int16 { Int16(POLLERR) | Int16(POLLHUP) | Int16(POLLNVAL) }

    /// Reads up to `count` bytes; returns the `recv(2)` result.
    static func receive(_ fd: Int32, into pointer: UnsafeMutableRawPointer, count: Int) -> Int {
        recv(fd, pointer, count, 0)
    }

    /// Writes up to `count` bytes without raising `SIGPIPE`; returns the `send(2)` result.
    static func send(_ fd: Int32, from pointer: UnsafeRawPointer, count: Int) -> Int {
        #if canImport(Darwin)
            return Darwin.send(fd, pointer, count, sendFlags)
        #else
            return Glibc.send(fd, pointer, count, sendFlags)
        #endif
    }

    /// Writes one byte to a (non-blocking) descriptor, ignoring the outcome.
    static func writeByte(_ fd: Int32) {
        var byte: UInt8 = 1
        _ = write(fd, &byte, 1)
    }

    /// Shuts down the sending side of a connection.
    static func shutdownWrite(_ fd: Int32) {
        #if canImport(Darwin)
            _ = Darwin.shutdown(fd, Int32(SHUT_WR))
        #else
            _ = Glibc.shutdown(fd, Int32(SHUT_WR))
        #endif
    }

    /// Closes a descriptor.
    static func close(_ fd: Int32) {
        #if canImport(Darwin)
            _ = Darwin.close(fd)
        #else
            _ = Glibc.close(fd)
        #endif
    }

    /// The system's message for an error number.
    static func message(for code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

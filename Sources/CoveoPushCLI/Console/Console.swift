import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the command writes: standard output for results, standard error for banners, progress, logs and
/// failures. Tests capture both; the executable writes to the file descriptors.
package struct Console: Sendable {
    /// Writes to standard output.
    package var out: @Sendable (String) -> Void
    /// Writes to standard error.
    package var err: @Sendable (String) -> Void
    /// Whether standard error is a terminal (turns the live progress line on by default).
    package var errIsTerminal: Bool

    /// Creates a console from two writers.
    package init(
        out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void, errIsTerminal: Bool
    ) {
        self.out = out
        self.err = err
        self.errIsTerminal = errIsTerminal
    }

    /// The process's standard output and standard error.
    package static var standard: Console {
        Console(
            out: { write(fd: 1, $0) },
            err: { write(fd: 2, $0) },
            errIsTerminal: isatty(2) == 1)
    }

    /// Writes a line to standard output.
    func line(_ text: String) { out(text + "\n") }

    /// Writes a line to standard error.
    func note(_ text: String) { err(text + "\n") }

    private static func write(fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)  // mutable for withUnsafeMutableBytes
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                #if canImport(Glibc)
                    return Glibc.write(fd, base + offset, buffer.count - offset)
                #else
                    return Darwin.write(fd, base + offset, buffer.count - offset)
                #endif
            }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }
}

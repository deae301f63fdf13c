import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A new owner-only (mode 0600) file, written sequentially through a raw descriptor.
///
/// Used for batch files and offloaded content: nothing else on the machine can read what a crawler pushes.
/// The file is closed by ``close()`` (or on deinit) and removed by ``remove()``.
final class TemporaryFile {
    /// Where the file is.
    let url: URL
    private var descriptor: Int32

    /// Creates a uniquely named file in `directory`, failing if it exists (`O_EXCL`).
    ///
    /// - Throws: ``TemporaryFileError`` when the file cannot be created.
    init(in directory: URL, prefix: String = "coveo-push-", suffix: String = ".tmp") throws {
        let url = directory.appendingPathComponent("\(prefix)\(UUID().uuidString.lowercased())\(suffix)")
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw TemporaryFileError(path: url.path, operation: "create", code: errno)
        }
        self.url = url
        self.descriptor = descriptor
    }

    deinit {
        if descriptor >= 0 { _ = Self.closeDescriptor(descriptor) }
    }

    /// Appends bytes, retrying partial writes and interruptions.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard descriptor >= 0 else { throw TemporaryFileError(path: url.path, operation: "write", code: EBADF) }
        var offset = 0
        while offset < bytes.count {
            guard let base = bytes.baseAddress else { return }
            let written = Self.writeDescriptor(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw TemporaryFileError(path: url.path, operation: "write", code: errno)
            }
            offset += written
        }
    }

    /// Appends bytes.
    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Closes the descriptor; the file stays on disk.
    func close() throws {
        guard descriptor >= 0 else { return }
        let result = Self.closeDescriptor(descriptor)
        descriptor = -1
        if result != 0 { throw TemporaryFileError(path: url.path, operation: "close", code: errno) }
    }

    /// Closes the descriptor (if open) and deletes the file, ignoring a file already gone.
    func remove() {
        try? close()
        unlink(url.path)
    }

    private static func writeDescriptor(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            return Glibc.write(fd, pointer, count)
        #else
            return Darwin.write(fd, pointer, count)
        #endif
    }

    private static func closeDescriptor(_ fd: Int32) -> Int32 {
        #if canImport(Glibc)
            return Glibc.close(fd)
        #else
            return Darwin.close(fd)
        #endif
    }
}

/// A temporary file could not be created or written.
package struct TemporaryFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's path.
    package var path: String
    /// What was being done: `create`, `write` or `close`.
    package var operation: String
    /// The `errno` value.
    package var code: Int32

    /// `cannot OPERATION temporary file PATH: REASON`.
    package var description: String {
        "cannot \(operation) temporary file \(path): \(String(cString: strerror(code)))"
    }
}

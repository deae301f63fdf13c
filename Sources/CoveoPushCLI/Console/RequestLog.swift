import CoveoPush
import Foundation

/// Writes one line per answered request (with its response code) to standard error with `--verbose`, and to the
/// `--log-file`. Lines come from ``PushLogEvent``, which never holds the API key.
final class RequestLog: @unchecked Sendable {
    private let console: Console
    private let verbose: Bool
    private let file: FileHandle?
    private let lock = NSLock()

    /// Opens the log; the file is created if needed (owner-only) and appended to.
    init(console: Console, verbose: Bool, filePath: String?) throws(UsageError) {
        self.console = console
        self.verbose = verbose
        if let filePath {
            if !FileManager.default.fileExists(atPath: filePath) {
                _ = FileManager.default.createFile(atPath: filePath, contents: nil, attributes: [.posixPermissions: 0o600])
            }
            guard let handle = FileHandle(forWritingAtPath: filePath) else {
                throw UsageError("--log-file: cannot write to \(filePath)")
            }
            handle.seekToEndOfFile()
            file = handle
        } else {
            file = nil
        }
    }

    deinit {
        try? file?.close()
    }

    /// Whether any line is written at all.
    var isActive: Bool { verbose || file != nil }

    /// Records an event: responses and failures only, so each request gives one line.
    func record(_ event: PushLogEvent) {
        guard event.phase != .request else { return }
        let line = Self.timestamp() + " " + event.description + "\n"
        if verbose { console.err(line) }
        if let file {
            lock.lock()
            file.write(Data(line.utf8))
            lock.unlock()
        }
    }

    private static func timestamp() -> String {
        ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC") ?? .current,
            formatOptions: [.withInternetDateTime, .withFractionalSeconds])
    }
}

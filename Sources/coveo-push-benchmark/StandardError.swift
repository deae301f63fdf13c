import Foundation

/// Standard error, where progress, the human table and diagnostics go (standard output is for results).
enum StandardError {
    /// Writes `line` and a newline.
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

import CoveoPush

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file the streaming JSON readers could not open or read.
///
/// ```swift
/// do {
///     var reader = try JSONLinesReader(path: "documents.jsonl")
///     while let line = try reader.next() { … }
/// } catch let error as JSONFileError {
///     print(error)  // cannot open 'documents.jsonl': No such file or directory
/// }
/// ```
package struct JSONFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was being done.
    package enum Operation: String, Sendable, Hashable {
        /// Opening the file.
        case open
        /// Reading from it.
        case read
    }

    /// The file's path, or a description of the descriptor read from.
    package var path: String
    /// What failed.
    package var operation: Operation
    /// The system's error number (`errno`).
    package var code: Int32

    /// Creates an error.
    package init(path: String, operation: Operation, code: Int32) {
        self.path = path
        self.operation = operation
        self.code = code
    }

    /// `cannot open 'PATH': REASON`, on one line.
    package var description: String {
        "cannot \(operation.rawValue) '\(path)': \(String(cString: strerror(code)))"
    }
}

import Foundation

/// The body of a transport request: bytes in memory, or a file streamed from disk.
///
/// Large batch files are sent as `.file` so they never have to be read into memory
/// (`URLSession.upload(for:fromFile:)` streams them).
public enum RequestBody: Sendable, Hashable {
    /// Bytes already in memory.
    case data(Data)
    /// A regular file on disk, sent as is.
    case file(URL)

    /// The body's length in bytes, or `nil` when a file's size cannot be read.
    public var byteCount: Int? {
        switch self {
        case .data(let data):
            return data.count
        case .file(let url):
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
            return (attributes?[.size] as? NSNumber)?.intValue
        }
    }

    /// The body's bytes, read from disk for `.file`. Meant for tests and small bodies.
    public func loadData() throws -> Data {
        switch self {
        case .data(let data): return data
        case .file(let url): return try Data(contentsOf: url)
        }
    }
}

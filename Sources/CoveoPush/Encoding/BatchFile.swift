import Foundation

/// A finished batch file: its body (in memory, or an owner-only temporary file) and what it holds.
public struct BatchFile: Sendable, Hashable {
    /// The bytes to upload: `.data` for small batches, `.file` for batches past the memory threshold.
    public var body: RequestBody
    /// The file's exact size in bytes.
    public var byteCount: Int
    /// The number of entries in each section that has any.
    public var entriesBySection: [BatchSection: Int]

    /// Creates a batch file description.
    public init(body: RequestBody, byteCount: Int, entriesBySection: [BatchSection: Int]) {
        self.body = body
        self.byteCount = byteCount
        self.entriesBySection = entriesBySection
    }

    /// The number of entries, over all sections.
    public var entryCount: Int { entriesBySection.values.reduce(0, +) }

    /// Deletes the temporary file behind the batch, if there is one. Safe to call more than once.
    public func remove() {
        if case .file(let url) = body { try? FileManager.default.removeItem(at: url) }
    }
}

import Foundation

/// A finished batch file: its body (in memory, or an owner-only temporary file) and what it holds.
package struct BatchFile: Sendable, Hashable {
    /// The bytes to upload: `.data` for small batches, `.file` for batches past the memory threshold.
    package var body: RequestBody
    /// The file's exact size in bytes.
    package var byteCount: Int
    /// The number of entries in each section that has any.
    package var entriesBySection: [BatchSection: Int]

    /// Creates a batch file description.
    package init(body: RequestBody, byteCount: Int, entriesBySection: [BatchSection: Int]) {
        self.body = body
        self.byteCount = byteCount
        self.entriesBySection = entriesBySection
    }

    /// The number of entries, over all sections.
    package var entryCount: Int { entriesBySection.values.reduce(0, +) }

    /// Deletes the temporary file behind the batch, if there is one. Safe to call more than once.
    package func remove() {
        if case .file(let url) = body { try? FileManager.default.removeItem(at: url) }
    }
}

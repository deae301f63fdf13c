import Foundation

extension BatchFile {
    /// Splits the batch into two batches of about half the entries each, keeping their order (the first half's
    /// entries come first), for when the upload host refuses the batch as too large.
    ///
    /// - Returns: `nil` when the batch holds a single entry and cannot be split.
    func split(format: BatchFormat, temporaryDirectory: URL, memoryThreshold: Int) throws -> (BatchFile, BatchFile)? {
        guard entryCount > 1 else { return nil }
        let first = BatchFileWriter(format: format, temporaryDirectory: temporaryDirectory, memoryThreshold: memoryThreshold)
        let second = BatchFileWriter(format: format, temporaryDirectory: temporaryDirectory, memoryThreshold: memoryThreshold)
        let half = entryCount / 2
        var index = 0
        do {
            try BatchScanner.forEachEntry(in: body) { section, entry in
                try (index < half ? first : second).append(entry, to: section)
                index += 1
            }
            return (try first.finish(), try second.finish())
        } catch {
            first.discard()
            second.discard()
            throw error
        }
    }
}

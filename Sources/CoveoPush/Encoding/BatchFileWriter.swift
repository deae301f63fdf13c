import Foundation

/// Streams a batch file, `{"addOrUpdate":[…],"delete":[…]}` or another ``BatchFormat``, entry by entry.
///
/// Entries arrive already encoded (from ``DocumentEncoder`` or an identity body), so each document is encoded
/// exactly once. The first section is written as entries arrive: in memory up to `memoryThreshold`, then to an
/// owner-only temporary file, so a 256 MB batch never sits in memory. The other sections are kept in memory
/// until ``finish()``; callers bound them with ``bufferedByteCount``.
///
/// ``byteCount`` is always the exact size the file would have if finished now, and
/// ``byteCount(afterAppending:to:)`` tells whether the next entry still fits a limit, so a batch can be closed
/// before it crosses one.
///
/// ```swift
/// let writer = BatchFileWriter(format: .items, temporaryDirectory: FileManager.default.temporaryDirectory)
/// let entry = try DocumentEncoder().encode(document, for: .batchItem)
/// if writer.byteCount(afterAppending: entry.json.count, to: .addOrUpdate) > limit { /* finish this batch first */ }
/// try writer.append(entry.json, to: .addOrUpdate)
/// let batch = try writer.finish()
/// defer { batch.remove() }
/// ```
///
/// A writer has one owner; it is not `Sendable`.
package final class BatchFileWriter {
    /// The layout being written.
    package let format: BatchFormat
    private let temporaryDirectory: URL
    private let memoryThreshold: Int

    private var streamed: [UInt8] = []
    private var streamedEntries = 0
    private var spilled: TemporaryFile?
    private var spilledBytes = 0
    private var buffered: [BatchSection: (bytes: [UInt8], entries: Int)] = [:]
    private var finished = false

    /// The exact size, in bytes, of the batch file if it were finished now.
    package private(set) var byteCount: Int
    /// The number of entries appended, over all sections.
    package private(set) var entryCount = 0
    /// The bytes held in memory for the sections after the first.
    package private(set) var bufferedByteCount = 0

    /// Creates a writer.
    ///
    /// - Parameters:
    ///   - format: The batch layout.
    ///   - temporaryDirectory: Where a batch past `memoryThreshold` is spilled, as an owner-only file.
    ///   - memoryThreshold: The size up to which the first section stays in memory (default 1 MB).
    package init(format: BatchFormat, temporaryDirectory: URL, memoryThreshold: Int = 1_000_000) {
        self.format = format
        self.temporaryDirectory = temporaryDirectory
        self.memoryThreshold = max(0, memoryThreshold)
        // `{"first":[` … `]` then `,"other":[` … `]` for each further section, then `}`.
        byteCount = format.sections.reduce(1) { $0 + $1.rawValue.utf8.count + 6 }
        streamed.reserveCapacity(min(self.memoryThreshold, 1 << 16) + 64)
        streamed.append(contentsOf: "{\"\(format.sections.first?.rawValue ?? "")\":[".utf8)
    }

    deinit {
        spilled?.remove()
    }

    /// Whether nothing has been appended.
    package var isEmpty: Bool { entryCount == 0 }

    /// The size the file would have after appending an entry of `length` bytes to `section`.
    package func byteCount(afterAppending length: Int, to section: BatchSection) -> Int {
        byteCount + length + (entries(in: section) > 0 ? 1 : 0)
    }

    /// The number of entries in one section.
    package func entries(in section: BatchSection) -> Int {
        section == format.sections.first ? streamedEntries : buffered[section]?.entries ?? 0
    }

    /// Appends one encoded JSON value to a section.
    ///
    /// - Throws: ``BatchFileWriterError`` for a section the format does not have or a finished writer;
    ///   ``TemporaryFileError`` when the spill file cannot be written.
    package func append(_ entry: some Collection<UInt8>, to section: BatchSection) throws {
        guard !finished else { throw BatchFileWriterError.finished }
        guard format.sections.contains(section) else { throw BatchFileWriterError.unknownSection(section) }
        let separator = entries(in: section) > 0
        if section == format.sections.first {
            if separator { streamed.append(UInt8(ascii: ",")) }
            streamed.append(contentsOf: entry)
            streamedEntries += 1
            // In memory up to the threshold; once spilled, flushed to the file in 64 KiB writes.
            if streamed.count > (spilled == nil ? memoryThreshold : 1 << 16) { try spill() }
        } else {
            var slot = buffered[section] ?? (bytes: [], entries: 0)
            if separator { slot.bytes.append(UInt8(ascii: ",")) }
            slot.bytes.append(contentsOf: entry)
            slot.entries += 1
            buffered[section] = slot
            bufferedByteCount += entry.count + (separator ? 1 : 0)
        }
        byteCount += entry.count + (separator ? 1 : 0)
        entryCount += 1
    }

    /// Closes the arrays and returns the batch: in memory when it stayed under the threshold, otherwise the
    /// temporary file (which the caller removes with ``BatchFile/remove()`` after use).
    package func finish() throws -> BatchFile {
        guard !finished else { throw BatchFileWriterError.finished }
        finished = true
        streamed.append(UInt8(ascii: "]"))
        for section in format.sections.dropFirst() {
            streamed.append(contentsOf: ",\"\(section.rawValue)\":[".utf8)
            if let slot = buffered[section] { streamed.append(contentsOf: slot.bytes) }
            streamed.append(UInt8(ascii: "]"))
        }
        streamed.append(UInt8(ascii: "}"))
        var counts: [BatchSection: Int] = [:]
        if let first = format.sections.first, streamedEntries > 0 { counts[first] = streamedEntries }
        for (section, slot) in buffered where slot.entries > 0 { counts[section] = slot.entries }
        buffered = [:]
        bufferedByteCount = 0
        let total = spilledBytes + streamed.count
        guard let spilled else {
            return BatchFile(body: .data(Data(streamed)), byteCount: total, entriesBySection: counts)
        }
        do {
            try spilled.write(streamed)
            try spilled.close()
        } catch {
            spilled.remove()
            self.spilled = nil
            throw error
        }
        self.spilled = nil
        streamed = []
        return BatchFile(body: .file(spilled.url), byteCount: total, entriesBySection: counts)
    }

    /// Abandons the batch and deletes its temporary file, if any.
    package func discard() {
        finished = true
        spilled?.remove()
        spilled = nil
        streamed = []
        buffered = [:]
    }

    private func spill() throws {
        let file = try spilled ?? TemporaryFile(in: temporaryDirectory, prefix: "coveo-push-batch-", suffix: ".json")
        spilled = file
        try file.write(streamed)
        spilledBytes += streamed.count
        streamed.removeAll(keepingCapacity: true)
    }
}

/// A misuse of a ``BatchFileWriter``.
package enum BatchFileWriterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The writer was already finished or discarded.
    case finished
    /// The format has no such section.
    case unknownSection(BatchSection)

    /// A one-line explanation.
    package var description: String {
        switch self {
        case .finished: return "the batch file was already finished"
        case .unknownSection(let section): return "this batch format has no '\(section)' section"
        }
    }
}

import Foundation

/// The documents a verification still waits for: in memory up to a bound, the rest spilled to an owner-only
/// temporary file and read back, a bound's worth at a time, once those in memory have settled.
///
/// A document recorded again while it is in memory is judged by its last operation. One recorded again after
/// it was spilled is judged once per recording (its verdicts arrive in order, the last one counting).
struct UnsettledDocuments {
    /// What is known of a document still waiting.
    struct Waiting: Sendable, Hashable {
        var operation: CommittedBatch.Operation
        var committedAt: Date
        /// A warning seen before the document settled.
        var warning: String?
    }

    private(set) var inMemory: [String: Waiting] = [:]
    let bound: Int
    let directory: URL
    private var spill: TemporaryFile?
    private var spilledBytes = 0
    private var readOffset = 0
    /// Documents written to the spill file and not read back yet.
    private(set) var spilledCount = 0

    init(bound: Int, directory: URL) {
        self.bound = max(1, bound)
        self.directory = directory
    }

    /// Whether nothing is waiting, in memory or spilled.
    var isEmpty: Bool { inMemory.isEmpty && spilledCount == 0 }

    /// How many documents are waiting.
    var count: Int { inMemory.count + spilledCount }

    /// The earliest commit among the documents in memory.
    var earliestCommit: Date? { inMemory.values.lazy.map(\.committedAt).min() }

    subscript(documentId: String) -> Waiting? {
        get { inMemory[documentId] }
        set { inMemory[documentId] = newValue }
    }

    /// Records a committed operation: replaces the one in memory, else keeps it in memory while there is room,
    /// else spills it.
    ///
    /// - Throws: ``TemporaryFileError`` when the spill file cannot be written.
    mutating func record(_ documentId: String, _ operation: CommittedBatch.Operation, at date: Date) throws {
        if inMemory[documentId] != nil || (inMemory.count < bound && spilledCount == 0) {
            inMemory[documentId] = Waiting(operation: operation, committedAt: date)
            return
        }
        let file = try spill ?? TemporaryFile(in: directory, prefix: "coveo-push-verify-")
        spill = file
        var record: [UInt8] = [operation == .delete ? 1 : 0]
        var millis = Int64((date.timeIntervalSince1970 * 1000).rounded()).littleEndian
        withUnsafeBytes(of: &millis) { record.append(contentsOf: $0) }
        let id = Array(documentId.utf8)
        var length = UInt32(id.count).littleEndian
        withUnsafeBytes(of: &length) { record.append(contentsOf: $0) }
        record.append(contentsOf: id)
        try file.write(record)
        spilledBytes += record.count
        spilledCount += 1
    }

    /// Removes a settled document.
    mutating func remove(_ documentId: String) -> Waiting? {
        inMemory.removeValue(forKey: documentId)
    }

    /// Moves up to a bound's worth of spilled documents into memory, once memory is empty.
    ///
    /// - Returns: whether documents were read back.
    mutating func refill() throws -> Bool {
        guard inMemory.isEmpty, spilledCount > 0, let spill else { return false }
        let handle = try FileHandle(forReadingFrom: spill.url)
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(readOffset))
        var buffer = [UInt8]()
        var position = 0
        func need(_ count: Int) throws -> Bool {
            while buffer.count - position < count {
                guard let chunk = try handle.read(upToCount: 1 << 16), !chunk.isEmpty else { return false }
                buffer.removeFirst(position)
                position = 0
                buffer.append(contentsOf: chunk)
            }
            return true
        }
        while inMemory.count < bound, spilledCount > 0, try need(13) {
            let operation: CommittedBatch.Operation = buffer[position] == 1 ? .delete : .addOrUpdate
            var millis: Int64 = 0
            var length: UInt32 = 0
            withUnsafeMutableBytes(of: &millis) { $0.copyBytes(from: buffer[(position + 1)..<(position + 9)]) }
            withUnsafeMutableBytes(of: &length) { $0.copyBytes(from: buffer[(position + 9)..<(position + 13)]) }
            let size = Int(UInt32(littleEndian: length))
            guard try need(13 + size) else { break }
            let id = String(decoding: buffer[(position + 13)..<(position + 13 + size)], as: UTF8.self)
            let date = Date(timeIntervalSince1970: Double(Int64(littleEndian: millis)) / 1000)
            inMemory[id] = Waiting(operation: operation, committedAt: date)
            position += 13 + size
            readOffset += 13 + size
            spilledCount -= 1
        }
        if spilledCount == 0 { discardSpill() }
        return !inMemory.isEmpty
    }

    /// Deletes the spill file.
    mutating func discardSpill() {
        spill?.remove()
        spill = nil
        spilledCount = 0
        spilledBytes = 0
        readOffset = 0
    }

    /// Empties memory and the spill, calling `visit` with every document left (the spill read back in bound-sized
    /// parts).
    mutating func drain(_ visit: (String, Waiting) -> Void) {
        repeat {
            for (id, waiting) in inMemory { visit(id, waiting) }
            inMemory.removeAll()
        } while (try? refill()) == true
        discardSpill()
    }
}

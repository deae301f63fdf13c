import Foundation
import Testing

@testable import CoveoPush

@Suite("BatchScanner and splitting")
struct BatchScannerTests {
    static func makeBatch(adds: Int, deletes: Int, threshold: Int) throws -> BatchFile {
        let writer = BatchFileWriter(format: .items, temporaryDirectory: FileManager.default.temporaryDirectory, memoryThreshold: threshold)
        for index in 0..<adds {
            let document = Document(documentId: "https://e.com/\(index)", content: .text("text with \"quotes\", [brackets] and {braces} \(index)"))
            try writer.append(DocumentEncoder().encode(document, for: .batchItem).json, to: .addOrUpdate)
        }
        for index in 0..<deletes {
            try writer.append(DocumentEncoder().encodeDelete(documentId: "https://e.com/d\(index)", deleteChildren: true), to: .delete)
        }
        return try writer.finish()
    }

    @Test("every entry is read back in order, from memory and from a file", arguments: [1_000_000, 64])
    func readsEntries(threshold: Int) throws {
        let batch = try Self.makeBatch(adds: 30, deletes: 5, threshold: threshold)
        defer { batch.remove() }
        var seen: [(BatchSection, String?)] = []
        try BatchScanner.forEachEntry(in: batch.body) { section, entry in
            seen.append((section, BatchScanner.entryIdentifier(entry)))
        }
        #expect(seen.map(\.0) == Array(repeating: .addOrUpdate, count: 30) + Array(repeating: .delete, count: 5))
        #expect(seen.map(\.1) == (0..<30).map { "https://e.com/\($0)" } + (0..<5).map { "https://e.com/d\($0)" })
        #expect(BatchScanner.identifiers(in: batch.body).count == 35)
    }

    @Test("splitting keeps every entry once, in order, in two valid batches")
    func splits() throws {
        let batch = try Self.makeBatch(adds: 7, deletes: 2, threshold: 64)
        defer { batch.remove() }
        let halves = try #require(try batch.split(format: .items, temporaryDirectory: FileManager.default.temporaryDirectory, memoryThreshold: 64))
        defer {
            halves.0.remove()
            halves.1.remove()
        }
        #expect(halves.0.entryCount == 4 && halves.1.entryCount == 5)
        let ids = BatchScanner.identifiers(in: halves.0.body) + BatchScanner.identifiers(in: halves.1.body)
        #expect(ids == BatchScanner.identifiers(in: batch.body))
        for half in [halves.0, halves.1] {
            #expect(try JSONSerialization.jsonObject(with: half.body.loadData()) is [String: Any])
        }
    }

    @Test("a single entry cannot be split, and garbage is refused")
    func edges() throws {
        let single = try Self.makeBatch(adds: 1, deletes: 0, threshold: 1_000_000)
        #expect(try single.split(format: .items, temporaryDirectory: FileManager.default.temporaryDirectory, memoryThreshold: 1000) == nil)
        #expect(throws: (any Error).self) { try BatchScanner.forEachEntry(in: .data(Data("]]]".utf8))) { _, _ in } }
        #expect(throws: (any Error).self) { try BatchScanner.forEachEntry(in: .data(Data())) { _, _ in } }
    }
}

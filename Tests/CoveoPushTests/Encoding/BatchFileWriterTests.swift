import Foundation
import Testing

@testable import CoveoPush

@Suite("BatchFileWriter")
struct BatchFileWriterTests {
    static let directory = FileManager.default.temporaryDirectory

    static func entry(_ index: Int, padding: Int = 0) throws -> [UInt8] {
        let document = Document(
            documentId: "https://e.com/\(index)", permanentId: "p", content: .text(String(repeating: "x", count: padding)))
        return try DocumentEncoder().encode(document, for: .batchItem).json
    }

    @Test("an empty batch is valid JSON of the exact announced size", arguments: [BatchFormat.items, .identities, .stream])
    func empty(format: BatchFormat) throws {
        let writer = BatchFileWriter(format: format, temporaryDirectory: Self.directory)
        let announced = writer.byteCount
        let batch = try writer.finish()
        let data = try batch.body.loadData()
        #expect(data.count == announced && batch.byteCount == announced)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [Any]])
        #expect(Set(object.keys) == Set(format.sections.map(\.rawValue)))
    }

    @Test("byteCount predicts the finished size exactly, in memory and after spilling to a file")
    func exactSize() throws {
        for threshold in [1_000_000, 100] {
            let writer = BatchFileWriter(format: .items, temporaryDirectory: Self.directory, memoryThreshold: threshold)
            for index in 0..<50 {
                let json = try Self.entry(index, padding: index)
                let predicted = writer.byteCount(afterAppending: json.count, to: .addOrUpdate)
                try writer.append(json, to: .addOrUpdate)
                #expect(writer.byteCount == predicted)
                if index % 7 == 0 {
                    let delete = try DocumentEncoder().encodeDelete(documentId: "https://e.com/d\(index)", deleteChildren: false)
                    let predictedDelete = writer.byteCount(afterAppending: delete.count, to: .delete)
                    try writer.append(delete, to: .delete)
                    #expect(writer.byteCount == predictedDelete)
                }
            }
            let announced = writer.byteCount
            let batch = try writer.finish()
            defer { batch.remove() }
            let data = try batch.body.loadData()
            #expect(data.count == announced)
            #expect(batch.entryCount == 58)
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [[String: Any]]])
            #expect(object["addOrUpdate"]?.count == 50)
            #expect(object["delete"]?.count == 8)
            #expect(object["addOrUpdate"]?.map { $0["documentId"] as? String } == (0..<50).map { "https://e.com/\($0)" })
            if threshold == 100 {
                guard case .file(let url) = batch.body else {
                    Issue.record("a batch past the threshold should be a file")
                    continue
                }
                let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
                #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
                batch.remove()
                #expect(!FileManager.default.fileExists(atPath: url.path))
            } else {
                guard case .data = batch.body else {
                    Issue.record("a small batch should stay in memory")
                    continue
                }
            }
        }
    }

    @Test("buffered sections are counted, and misuse is refused")
    func bufferedAndMisuse() throws {
        let writer = BatchFileWriter(format: .identities, temporaryDirectory: Self.directory)
        let body = IdentityBody(identity: SecurityIdentity(name: "g", type: .group), members: [SecurityIdentity(name: "u", type: .user)])
        try writer.append(body.jsonBytes(), to: .members)
        let deleted = IdentityDeleteBody(identity: SecurityIdentity(name: "old", type: .user)).jsonBytes()
        try writer.append(deleted, to: .deleted)
        #expect(writer.bufferedByteCount == deleted.count)
        #expect(throws: BatchFileWriterError.self) { try writer.append(deleted, to: .addOrUpdate) }
        let batch = try writer.finish()
        #expect(
            String(decoding: try batch.body.loadData(), as: UTF8.self)
                == #"{"members":[{"identity":{"name":"g","type":"GROUP","additionalInfo":{}},"members":[{"name":"u","type":"USER","additionalInfo":{}}],"wellKnowns":[]}],"mappings":[],"deleted":[{"identity":{"name":"old","type":"USER","additionalInfo":{}}}]}"#
        )
        #expect(throws: BatchFileWriterError.self) { try writer.finish() }
    }

    @Test("discarding a spilled batch deletes its file")
    func discard() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bfw-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let writer = BatchFileWriter(format: .items, temporaryDirectory: directory, memoryThreshold: 10)
        try writer.append(try Self.entry(1, padding: 100), to: .addOrUpdate)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).count == 1)
        writer.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test("alias bodies carry their provider")
    func aliasJSON() {
        let alias = AliasBody(
            identity: SecurityIdentity(name: "a", type: .user, additionalInfo: ["z": "1", "a": "2"]),
            mappings: [MappedIdentity(name: "a@e.com", type: .user, provider: "Email Security Provider")])
        #expect(
            String(decoding: alias.jsonBytes(), as: UTF8.self)
                == #"{"identity":{"name":"a","type":"USER","additionalInfo":{"a":"2","z":"1"}},"mappings":[{"name":"a@e.com","type":"USER","additionalInfo":{},"provider":"Email Security Provider"}],"wellKnowns":[]}"#
        )
    }
}

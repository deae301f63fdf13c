import Foundation
import Testing

@testable import CoveoPush

@Suite("DocumentEncoder")
struct DocumentEncoderTests {
    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test("a full document encodes to the exact item JSON, keys in a fixed order")
    func exactOutput() throws {
        var document = Document(documentId: "https://example.com/a?b=1&c=2")
        document.title = "Title \"quoted\""
        document.author = "Ann"
        document.clickableUri = "https://example.com/view/a"
        document.date = Date(timeIntervalSince1970: 1_706_702_400.5)
        document.modifiedDate = Date(timeIntervalSince1970: 0)
        document.fileExtension = ".html"
        document.parentId = "https://example.com/"
        document.metadata["views"] = 42
        document.metadata["ratio"] = 0.5
        document.metadata["flag"] = true
        document.metadata["tags"] = .strings(["x", "y"])
        document.metadata["dict"] = ["b": 2, "a": "1"]
        document.permissions = .sets([PermissionSet(allowed: [.group("Staff", securityProvider: "P")], denied: [.user("u")])])
        document.content = .text("<p>hi</p>")
        let encoded = try DocumentEncoder().encode(document, for: .batchItem)
        let expected =
            #"{"documentId":"https://example.com/a?b=1&c=2","permanentid":"\#(PermanentId.make(for: document.documentId))","#
            + #""title":"Title \"quoted\"","author":"Ann","clickableUri":"https://example.com/view/a","#
            + #""date":"2024-01-31T12:00:00.500Z","modifiedDate":"1970-01-01T00:00:00.000Z","fileExtension":".html","#
            + #""parentId":"https://example.com/","views":42,"ratio":0.5,"flag":true,"tags":["x","y"],"#
            + #""dict":{"a":"1","b":2},"permissions":[{"allowAnonymous":false,"allowedPermissions":"#
            + #"[{"identity":"Staff","identityType":"Group","securityProvider":"P"}],"deniedPermissions":"#
            + #"[{"identity":"u","identityType":"User"}]}],"data":"<p>hi</p>"}"#
        #expect(Self.text(encoded.json) == expected)
        #expect(encoded.compressionType == nil)
        #expect(try JSONSerialization.jsonObject(with: Data(encoded.json)) is [String: Any])
    }

    @Test("no permissions key unless set, and an explicit permanent ID overrides the computed one")
    func minimal() throws {
        let encoded = try DocumentEncoder().encode(
            Document(documentId: "file:///a.txt", permanentId: "mine"), for: .singlePush)
        #expect(Self.text(encoded.json) == #"{"documentId":"file:///a.txt","permanentid":"mine"}"#)
    }

    @Test("the complete permission model encodes ordered, named levels")
    func levels() throws {
        var document = Document(documentId: "https://e.com/x", permanentId: "p")
        document.permissions = .levels([
            PermissionLevel(name: "L1", sets: [PermissionSet(allowAnonymous: true)]),
            PermissionLevel(sets: [PermissionSet(allowed: [.virtualGroup("v")])]),
        ])
        let json = Self.text(try DocumentEncoder().encode(document, for: .batchItem).json)
        #expect(
            json.contains(
                #""permissions":[{"name":"L1","permissionSets":[{"allowAnonymous":true,"allowedPermissions":[],"deniedPermissions":[]}]},"#
                    + #"{"permissionSets":[{"allowAnonymous":false,"allowedPermissions":[{"identity":"v","identityType":"VirtualGroup"}],"deniedPermissions":[]}]}]"#
            ))
    }

    @Test("compressionType goes in the item for batches and in the query (not the body) for single pushes")
    func compressionTypePlacement() throws {
        let document = Document(documentId: "https://e.com/x", permanentId: "p", content: .base64("AAAA", type: .gzip))
        let batch = try DocumentEncoder().encode(document, for: .batchItem)
        let single = try DocumentEncoder().encode(document, for: .singlePush)
        #expect(Self.text(batch.json).hasSuffix(#""compressedBinaryData":"AAAA","compressionType":"GZIP"}"#))
        #expect(Self.text(single.json).hasSuffix(#""compressedBinaryData":"AAAA"}"#))
        #expect(batch.compressionType == .gzip && single.compressionType == .gzip)

        let reference = Document(documentId: "https://e.com/x", permanentId: "p", content: .fileReference(fileId: "f-1", type: .lzma))
        #expect(
            Self.text(try DocumentEncoder().encode(reference, for: .batchItem).json)
                .hasSuffix(#""compressedBinaryDataFileId":"f-1","compressionType":"LZMA"}"#))
    }

    @Test("pre-compressed bytes of any type, LZMA included, pass through as base64")
    func passThrough() throws {
        let bytes = Data([0x5D, 0x00, 0x00, 0x80, 0x00, 0xFF])
        let document = Document(documentId: "https://e.com/x", content: .compressed(bytes, type: .lzma))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(DocumentEncoder().encode(document, for: .batchItem).json))
                as? [String: Any])
        #expect(object["compressedBinaryData"] as? String == bytes.base64EncodedString())
        #expect(object["compressionType"] as? String == "LZMA")
    }

    @Test("binary content over the inline limit is refused as contentTooLarge, for the client to offload")
    func tooLarge() {
        let big = Data(count: DocumentEncoder.maxInlineBinaryBytes + 1)
        let document = Document(documentId: "https://e.com/x", content: .compressed(big, type: .uncompressed))
        #expect {
            try DocumentEncoder().encode(document, for: .batchItem)
        } throws: { error in
            (error as? ValidationError)?.rule == .contentTooLarge
        }
        let fits = Document(documentId: "https://e.com/x", content: .compressed(Data(count: DocumentEncoder.maxInlineBinaryBytes), type: .uncompressed))
        #expect(throws: Never.self) { try DocumentEncoder().encode(fits, for: .batchItem) }
    }

    @Test("encoding validates first")
    func validates() {
        #expect(throws: ValidationError.self) { try DocumentEncoder().encode(Document(documentId: "bad"), for: .batchItem) }
        #expect(throws: ValidationError.self) { try DocumentEncoder().encodeDelete(documentId: "bad", deleteChildren: false) }
    }

    @Test("delete entries carry the ID and deleteChildren")
    func deleteEntry() throws {
        let bytes = try DocumentEncoder().encodeDelete(documentId: "https://e.com/x", deleteChildren: true)
        #expect(Self.text(bytes) == #"{"documentId":"https://e.com/x","deleteChildren":true}"#)
    }

    @Test("what the encoder writes decodes back to the same document")
    func roundTrip() throws {
        var document = Document(documentId: "https://e.com/ü?q=a b", title: "t", author: "a", clickableUri: "https://c")
        document.date = Date(timeIntervalSince1970: 1_600_000_000.25)
        document.fileExtension = ".md"
        document.metadata["n"] = 7
        document.metadata["d"] = 2.5
        document.metadata["s"] = .strings(["x"])
        document.metadata["dict"] = ["k": "v"]
        document.permissions = .sets([PermissionSet(allowed: [.user("u", securityProvider: "p")])])
        document.content = .text("body \u{1F600}\n\t\"")
        let encoded = try DocumentEncoder().encode(document, for: .batchItem)
        var decoded = try JSONDecoder().decode(Document.self, from: Data(encoded.json))
        #expect(decoded.permanentId == document.resolvedPermanentId)
        decoded.permanentId = nil
        #expect(decoded.metadata.map(\.name).sorted() == document.metadata.map(\.name).sorted())
        for entry in document.metadata { #expect(decoded.metadata[entry.name] == entry.value) }
        decoded.metadata = document.metadata
        #expect(decoded == document)
    }

    @Test("the Codable encoding carries the same values as the fast encoder")
    func codableMatches() throws {
        var document = Document(documentId: "https://e.com/x", title: "t")
        document.metadata["n"] = 7
        document.content = .base64("AAAA", type: .zlib)
        let fast = try JSONSerialization.jsonObject(with: Data(DocumentEncoder().encode(document, for: .batchItem).json)) as? NSDictionary
        let codable = try JSONSerialization.jsonObject(with: JSONEncoder().encode(document)) as? NSDictionary
        #expect(fast != nil && fast == codable)
    }
}

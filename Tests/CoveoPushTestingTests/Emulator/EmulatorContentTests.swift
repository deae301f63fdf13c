import CoveoPushTesting
import Foundation
import Testing

@Suite("InMemoryPushService: content decoding")
struct EmulatorContentTests {
    static let html = Data(String(repeating: "<p>Hello, Coveo!</p>", count: 50).utf8)

    /// The bytes to send for each declared type, and whether the emulator can decode them.
    static func encoded(_ label: String) throws -> (type: String, bytes: Data, opaque: Bool) {
        switch label {
        case "UNCOMPRESSED": return ("UNCOMPRESSED", html, false)
        case "ZLIB": return ("ZLIB", try Compression.compress(html, as: .zlib), false)
        case "GZIP": return ("GZIP", try Compression.compress(html, as: .gzip), false)
        case "DEFLATE raw": return ("DEFLATE", try Compression.compress(html, as: .deflate), false)
        case "DEFLATE zlib-wrapped": return ("DEFLATE", try Compression.compress(html, as: .zlib), false)
        default: return ("LZMA", Data([0x5D, 0x00, 0x00, 0x80, 0x00, 0x01, 0x02]), true)
        }
    }

    static let labels = ["UNCOMPRESSED", "ZLIB", "GZIP", "DEFLATE raw", "DEFLATE zlib-wrapped", "LZMA"]

    @Test("compressedBinaryData is decoded per compressionType given in the query", arguments: labels)
    func queryCompression(label: String) async throws {
        let harness = EmulatorHarness()
        let (type, bytes, opaque) = try Self.encoded(label)
        try await harness.putItem(
            "file://a", #"{"compressedBinaryData": "\#(bytes.base64EncodedString())"}"#,
            query: "&compressionType=\(type)")
        let item = try #require(await harness.item("file://a"))
        #expect(item.contentKind == .compressedBinaryData)
        #expect(item.compressionType?.rawValue == type)
        #expect(item.isContentOpaque == opaque)
        #expect(item.content == (opaque ? bytes : Self.html))
        #expect(item.text == (opaque ? nil : String(decoding: Self.html, as: UTF8.self)))
    }

    @Test("compressionType in the body is honoured (and any case), and the query wins over it", arguments: labels)
    func bodyCompression(label: String) async throws {
        let harness = EmulatorHarness()
        let (type, bytes, opaque) = try Self.encoded(label)
        try await harness.putItem(
            "file://a",
            #"{"compressedBinaryData": "\#(bytes.base64EncodedString())", "compressionType": "\#(type.lowercased())"}"#
        )
        #expect(await harness.item("file://a")?.content == (opaque ? bytes : Self.html))
        try await harness.putItem(
            "file://b", #"{"compressedBinaryData": "\#(bytes.base64EncodedString())", "compressionType": "GZIP"}"#,
            query: "&compressionType=\(type)")
        #expect(await harness.item("file://b")?.content == (opaque ? bytes : Self.html))
    }

    @Test("without a compressionType, binary data is read as ZLIB, the service's default")
    func defaultIsZlib() async throws {
        let harness = EmulatorHarness()
        let zlib = try Compression.compress(Self.html, as: .zlib)
        try await harness.putItem("file://z", #"{"compressedBinaryData": "\#(zlib.base64EncodedString())"}"#)
        #expect(await harness.item("file://z")?.compressionType == .zlib)
        #expect(await harness.item("file://z")?.content == Self.html)
        let gzip = try Compression.compress(Self.html, as: .gzip)
        try await harness.putItem("file://g", #"{"compressedBinaryData": "\#(gzip.base64EncodedString())"}"#)
        #expect(await harness.item("file://g") == nil)
        #expect(await harness.service.droppedItems.map(\.reason) == [.undecodableContent])
    }

    @Test("content that inflates beyond the decoded-content limit is dropped")
    func inflateLimit() async throws {
        let harness = EmulatorHarness { $0.limits.maxDecodedContentBytes = 100 }
        let bomb = try Compression.compress(Data(count: 10_000), as: .gzip)
        try await harness.putItem(
            "file://bomb", #"{"compressedBinaryData": "\#(bomb.base64EncodedString())"}"#,
            query: "&compressionType=GZIP")
        #expect(await harness.documentIds().isEmpty)
        #expect(await harness.service.droppedItems.map(\.reason) == [.contentTooLarge])
    }

    @Test("compressedBinaryData over its limit is dropped as too large")
    func base64Limit() async throws {
        let harness = EmulatorHarness { $0.limits.maxCompressedBinaryDataBytes = 8 }
        try await harness.putItem(
            "file://a", #"{"compressedBinaryData": "QUJDREVGR0hJSktM"}"#, query: "&compressionType=UNCOMPRESSED")
        #expect(await harness.service.droppedItems.map(\.reason) == [.contentTooLarge])
    }
}

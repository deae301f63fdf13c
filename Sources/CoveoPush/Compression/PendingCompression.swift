// TRANSITIONAL: stands in for the compression and digest code being written on branch h1, so that `main`
// builds while it is under way. It is deleted by the merge of h1; nothing may depend on its behaviour.
import Foundation

/// The compression of an item's binary content (replaced by the h1 branch's definition).
public enum CompressionType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Not compressed.
    case uncompressed = "UNCOMPRESSED"
    /// Raw deflate.
    case deflate = "DEFLATE"
    /// Gzip.
    case gzip = "GZIP"
    /// LZMA.
    case lzma = "LZMA"
    /// Zlib.
    case zlib = "ZLIB"
    /// Whether the SDK can produce this type.
    public var isProducibleBySDK: Bool { self != .lzma }
}

/// Transitional stand-in; throws until the real compressor is merged.
enum Compression {
    struct Unavailable: Error {}
    static func compress(_ data: Data, as type: CompressionType, level: Int = 6) throws -> Data {
        throw Unavailable()
    }
    static func compressFile(
        at url: URL, as type: CompressionType, level: Int = 6, into sink: (UnsafeRawBufferPointer) throws -> Void
    ) throws -> Int {
        throw Unavailable()
    }
}

/// Transitional stand-in for the permanent ID algorithm.
public enum PermanentId {
    /// Placeholder until the real digests are merged.
    public static func make(for documentId: String) -> String { "pending-h1" }
}

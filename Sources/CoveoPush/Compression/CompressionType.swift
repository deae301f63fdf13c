/// How item content is compressed, as the Push API's `compressionType` names it.
///
/// The values are sent verbatim (uppercase) in item JSON and in the `compressionType` query parameter.
///
/// - ``zlib`` is zlib-wrapped deflate (RFC 1950): a two-byte header whose first byte is `0x78`, the deflate
///   data, then an Adler-32 checksum. The service's default, and the SDK's.
/// - ``gzip`` is gzip (RFC 1952): a header starting `1F 8B 08`, the deflate data, then CRC-32 and length.
/// - ``deflate`` is raw deflate (RFC 1951) when the SDK produces it: no header, no checksum. Coveo never
///   says which framing `DEFLATE` means, and its own samples labelled "Deflate" are zlib-wrapped streams,
///   so prefer ``zlib``, which is unambiguous. (``Decompression`` accepts both framings for `DEFLATE`.)
/// - ``lzma`` cannot be produced by the SDK: supply LZMA content already compressed.
/// - ``uncompressed`` sends the bytes as they are.
///
/// ```swift
/// let packed = try Compression.compress(Data(html.utf8), as: .zlib)
/// packed.first  // 0x78
/// ```
public enum CompressionType: String, Sendable, Hashable, Codable, CaseIterable {
    /// The bytes as they are.
    case uncompressed = "UNCOMPRESSED"
    /// Deflate data; raw RFC 1951 when the SDK produces it.
    case deflate = "DEFLATE"
    /// Gzip, RFC 1952.
    case gzip = "GZIP"
    /// LZMA; the SDK cannot produce it, so callers supply it pre-compressed.
    case lzma = "LZMA"
    /// Zlib-wrapped deflate, RFC 1950; the service's default.
    case zlib = "ZLIB"

    /// Whether ``StreamingCompressor`` and ``Compression`` can produce this type (all but ``lzma``).
    public var isProducibleBySDK: Bool { self != .lzma }

    /// zlib's `windowBits` for this framing: raw −15, zlib 15, gzip 31; `nil` when zlib does not apply.
    var windowBits: Int32? {
        switch self {
        case .deflate: return -15
        case .zlib: return 15
        case .gzip: return 31
        case .uncompressed, .lzma: return nil
        }
    }
}

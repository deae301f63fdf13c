/// A failure to compress or decompress content.
///
/// ```swift
/// do {
///     _ = try Decompression.decompress(body, as: .gzip, maxOutputBytes: 10_000_000)
/// } catch let error as CompressionError where error.kind == .outputLimitExceeded {
///     print(error)  // GZIP decompression: output limit exceeded: more than 10000000 bytes
/// }
/// ```
package struct CompressionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    package enum Kind: Sendable, Hashable, CustomStringConvertible {
        /// The SDK cannot produce or read this compression type (LZMA).
        case unsupportedType
        /// A compression level outside 0...9.
        case invalidLevel
        /// The compressed input is not valid for its declared type.
        case corruptInput
        /// The compressed input ends before its stream does.
        case truncatedInput
        /// Decompressed output would exceed the caller's limit (a decompression bomb, or simply too large).
        case outputLimitExceeded
        /// A file to compress cannot be opened or read.
        case unreadableFile
        /// The compressor or decompressor was already finished, or failed earlier, and cannot be used again.
        case streamEnded
        /// zlib reported an internal failure, such as running out of memory; see ``CompressionError/zlibCode``.
        case zlibFailure

        /// The kind, in words.
        package var description: String {
            switch self {
            case .unsupportedType: return "unsupported compression type"
            case .invalidLevel: return "invalid compression level"
            case .corruptInput: return "corrupt input"
            case .truncatedInput: return "truncated input"
            case .outputLimitExceeded: return "output limit exceeded"
            case .unreadableFile: return "unreadable file"
            case .streamEnded: return "stream already ended"
            case .zlibFailure: return "zlib failure"
            }
        }
    }

    /// What went wrong.
    package var kind: Kind
    /// The compression type being produced or read.
    package var compressionType: CompressionType
    /// Whether the failure happened while decompressing (`true`) or compressing (`false`).
    package var isDecompressing: Bool
    /// zlib's return code (such as `Z_DATA_ERROR`, -3) when zlib reported the failure.
    package var zlibCode: Int?
    /// A one-line explanation (a file path, a limit, zlib's own message).
    package var message: String

    /// Creates a compression error.
    package init(
        _ kind: Kind,
        compressionType: CompressionType,
        isDecompressing: Bool,
        zlibCode: Int? = nil,
        message: String
    ) {
        self.kind = kind
        self.compressionType = compressionType
        self.isDecompressing = isDecompressing
        self.zlibCode = zlibCode
        self.message = message
    }

    /// `TYPE compression|decompression: KIND: MESSAGE (zlib CODE)`, on one line.
    package var description: String {
        let operation = isDecompressing ? "decompression" : "compression"
        let code = zlibCode.map { " (zlib \($0))" } ?? ""
        return "\(compressionType.rawValue) \(operation): \(kind): \(message)\(code)"
    }
}

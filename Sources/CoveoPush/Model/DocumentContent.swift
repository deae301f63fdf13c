import Foundation

/// The content of an item: exactly one of text, bytes, a file, pre-compressed bytes or a file-container reference.
///
/// - `text` is sent as `data` (5 MB of UTF-8 inline).
/// - `binary` and `file` are compressed by the SDK (ZLIB by default) and sent as base64 `compressedBinaryData`.
///   A file is read as a stream, never whole.
/// - Content too large to send inline (text included) is offloaded by `PushClient` to a file container
///   automatically (up to 256 MB), compressed as a stream from where it already is.
/// - `compressed` passes bytes you compressed yourself (any of the five types, LZMA included) through as is;
///   `base64` passes text that is already base64 of such bytes.
/// - `fileReference` points at a file container you filled yourself (`compressedBinaryDataFileId`).
public enum DocumentContent: Sendable, Hashable {
    /// Text content, sent as `data`.
    case text(String)
    /// Raw bytes for the SDK to compress with the given type.
    case binary(Data, compression: CompressionType = .zlib)
    /// A file for the SDK to compress, as a stream, with the given type.
    case file(URL, compression: CompressionType = .zlib)
    /// Bytes already compressed with the declared type (`uncompressed` for raw bytes), sent base64-encoded.
    case compressed(Data, type: CompressionType)
    /// The base64 text of bytes already compressed with the declared type, sent as is.
    case base64(String, type: CompressionType)
    /// The `fileId` of a file container holding the raw (not base64) compressed bytes.
    case fileReference(fileId: String, type: CompressionType)

    /// A short name of the kind of content, for messages.
    package var kind: String {
        switch self {
        case .text: return "text"
        case .binary: return "binary"
        case .file: return "file"
        case .compressed: return "compressed"
        case .base64: return "base64"
        case .fileReference: return "file reference"
        }
    }
}

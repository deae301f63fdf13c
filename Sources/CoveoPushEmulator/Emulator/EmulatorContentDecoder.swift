import Foundation

/// Decodes item content the way the service does: inflates ZLIB, GZIP and DEFLATE (raw or zlib-wrapped), keeps
/// UNCOMPRESSED as is, and keeps LZMA opaque (the emulator cannot inflate it).
enum EmulatorContentDecoder {
    /// The decoded bytes, and whether they are opaque (LZMA).
    static func decode(
        _ bytes: Data, as type: CompressionType, maxOutputBytes: Int
    ) throws(EntryRejection) -> (content: Data, opaque: Bool) {
        switch type {
        case .uncompressed:
            guard bytes.count <= maxOutputBytes else {
                throw EntryRejection(.contentTooLarge, "the content is larger than \(maxOutputBytes) bytes")
            }
            return (bytes, false)
        case .lzma:
            return (bytes, true)
        default:
            do {
                let content = try Decompression.decompress(bytes, as: type, maxOutputBytes: maxOutputBytes)
                return (content, false)
            } catch let error as CompressionError where error.kind == .outputLimitExceeded {
                throw EntryRejection(.contentTooLarge, "the content inflates to more than \(maxOutputBytes) bytes")
            } catch {
                throw EntryRejection(
                    .undecodableContent, "the content does not inflate as \(type.rawValue): \(error)")
            }
        }
    }

    /// Parses a `compressionType` value, ignoring case (older documentation spells them `ZLib`, `GZip`, …).
    static func compressionType(_ text: String) -> CompressionType? {
        CompressionType(rawValue: text.uppercased())
    }
}

import Foundation

/// Decodes canonical base64 text (as ``Base64Check`` accepts it) a piece at a time, so a large
/// `compressedBinaryData` value is never decoded into one second buffer (a string without contiguous UTF-8, such
/// as a bridged `NSString`, is first copied as UTF-8).
enum Base64Pieces {
    /// Base64 characters decoded at a time: a multiple of four, so only the last piece may hold padding.
    static let pieceCharacters = 256 * 1024

    /// Hands the decoded bytes of `text` to `sink`, in order, a piece of at most 192 KiB at a time.
    ///
    /// - Returns: `false` when the text is not canonical base64 (nothing is handed over then).
    /// - Throws: what the sink throws.
    static func decode(_ text: String, into sink: (UnsafeRawBufferPointer) throws -> Void) throws -> Bool {
        guard Base64Check.isValid(text) else { return false }
        if let decoded = try text.utf8.withContiguousStorageIfAvailable({ try decode($0, into: sink) }) {
            return decoded
        }
        return try Array(text.utf8).withUnsafeBufferPointer { try decode($0, into: sink) }
    }

    private static func decode(
        _ characters: UnsafeBufferPointer<UInt8>, into sink: (UnsafeRawBufferPointer) throws -> Void
    ) throws -> Bool {
        var start = 0
        while start < characters.count {
            let end = min(characters.count, start + pieceCharacters)
            let piece = Data(UnsafeBufferPointer(rebasing: characters[start..<end]))
            guard let bytes = Data(base64Encoded: piece) else { return false }
            try bytes.withUnsafeBytes { try sink($0) }
            start = end
        }
        return true
    }
}

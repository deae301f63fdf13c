/// The one rule for item keys, shared by the SDK's `Document` and the command-line tool.
///
/// Keys are compared case-insensitively, as the service does:
/// - **reserved** keys are never metadata: the service gives them a meaning of their own;
/// - **typed** keys are set through their `Document` property, so a metadata entry with the same name is an error;
/// - every other key is metadata. Two keys that differ only in case are an error.
///
/// The table is written out in `Documentation/Documents.md`.
package enum DocumentKeys {
    /// Keys the service reserves: `documentId`, `data`, `compressedBinaryData`, `compressedBinaryDataFileId`,
    /// `compressionType`, `fileExtension`, `parentId`, `permissions`, `orderingId`, `deleteChildren`.
    package static let reserved: [String] = [
        "documentId", "data", "compressedBinaryData", "compressedBinaryDataFileId", "compressionType",
        "fileExtension", "parentId", "permissions", "orderingId", "deleteChildren",
    ]

    /// Keys set through a typed `Document` property: `title`, `author`, `clickableUri`, `date`, `modifiedDate`,
    /// `permanentId`.
    package static let typed: [String] = ["title", "author", "clickableUri", "date", "modifiedDate", "permanentId"]

    /// What a key is.
    package enum Kind: Sendable, Hashable {
        /// A reserved key, in its canonical spelling.
        case reserved(String)
        /// A typed field, in its canonical spelling.
        case typed(String)
        /// A metadata name.
        case metadata
    }

    /// Every canonical key, reserved then typed; a key's slot is its position here.
    package static let canonical: [String] = reserved + typed

    /// The canonical keys' lowercased UTF-8 bytes, by slot.
    private static let canonicalFolded: [[UInt8]] = canonical.map { Array($0.lowercased().utf8) }

    /// The ``asciiSignature(_:)`` of each canonical key, by slot: a key with another signature is not that key.
    private static let canonicalSignatures: [UInt64] = canonical.map { key in
        var key = key
        return key.withUTF8(asciiSignature)
    }

    /// The slot of `documentId` in ``canonical``.
    package static let documentIdSlot = 0

    /// The position in ``canonical`` of the key that `key` spells in any case, or `nil` for a metadata name.
    package static func slot(of key: String) -> Int? {
        classify(key).slot
    }

    /// The slot of `key` in ``canonical`` (`nil` for a metadata name) and, for an ASCII key, its
    /// ``asciiSignature(_:)``, equal for keys that are ``equalIgnoringCase(_:_:)`` (keys with equal signatures must
    /// still be compared in full), reading an ASCII key's bytes once. A key that is not ASCII has no signature.
    static func classify(_ key: String) -> (slot: Int?, signature: UInt64?) {
        var key = key
        let ascii = key.withUTF8 { bytes -> (slot: Int?, signature: UInt64?)? in
            guard isASCII(bytes) else { return nil }
            let signature = asciiSignature(bytes)
            return (asciiSlot(bytes, signature: signature), signature)
        }
        if let ascii { return ascii }
        let folded = key.lowercased()
        return (canonical.firstIndex { $0.lowercased() == folded }, nil)
    }

    /// Classifies a key, ignoring case.
    package static func kind(of key: String) -> Kind {
        guard let slot = slot(of: key) else { return .metadata }
        return slot < reserved.count ? .reserved(canonical[slot]) : .typed(canonical[slot])
    }

    /// Whether two keys are equal ignoring case: byte by byte for ASCII (no allocation, the common case), by
    /// their lowercased forms otherwise.
    static func equalIgnoringCase(_ lhs: String, _ rhs: String) -> Bool {
        var lhs = lhs
        var rhs = rhs
        let ascii = lhs.withUTF8 { left in
            rhs.withUTF8 { right -> Bool? in
                guard isASCII(left), isASCII(right) else { return nil }
                return left.count == right.count && foldedEqual(left, right)
            }
        }
        if let ascii { return ascii }
        return lhs.lowercased() == rhs.lowercased()
    }

    /// A hash of a key that is equal for keys that are ``equalIgnoringCase(_:_:)`` (FNV-1a over the ASCII-folded
    /// bytes, or over the lowercased form of a key that is not ASCII).
    static func foldedHash(_ key: String) -> UInt64 {
        var key = key
        let ascii = key.withUTF8 { bytes -> UInt64? in
            guard isASCII(bytes) else { return nil }
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(folded(byte))) &* 0x100_0000_01B3 }
            return hash
        }
        if let ascii { return ascii }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key.lowercased().utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }

    /// The slot of an ASCII key (see ``classify(_:)``), given its ``asciiSignature(_:)``.
    private static func asciiSlot(_ bytes: UnsafeBufferPointer<UInt8>, signature: UInt64) -> Int? {
        for (slot, candidate) in canonicalSignatures.enumerated() where candidate == signature {
            // The signature keeps only the low byte of the length: compare the lengths too.
            let folded = canonicalFolded[slot]
            if folded.count == bytes.count, folded.withUnsafeBufferPointer({ foldedEqual($0, bytes) }) { return slot }
        }
        return nil
    }

    /// The length of an ASCII key and its first seven bytes with bit `0x20` set: equal for keys equal ignoring
    /// case, since that bit folds `A`–`Z`, but also for a few other pairs (`@` and `` ` ``, say).
    private static func asciiSignature(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var signature = UInt64(truncatingIfNeeded: bytes.count) << 56
        for index in 0..<min(bytes.count, 7) { signature |= UInt64(bytes[index] | 0x20) << (8 * index) }
        return signature
    }

    /// Whether every byte is below `0x80`, read eight at a time.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(bytes)
        var index = 0
        while index + 8 <= raw.count {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < raw.count {
            if raw[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    private static func folded(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }

    /// Compares two ASCII byte sequences of equal length, folding `A`–`Z` to `a`–`z`.
    private static func foldedEqual(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in 0..<lhs.count where lhs[index] != rhs[index] {
            if folded(lhs[index]) != folded(rhs[index]) { return false }
        }
        return true
    }

    /// Checks metadata names against the table: not empty, not reserved, not typed, no two equal ignoring case.
    ///
    /// - Parameters:
    ///   - names: The metadata names, in order.
    ///   - documentId: The document they belong to, for the error.
    /// - Throws: ``ValidationError`` naming the document, the key and the rule.
    package static func validateMetadataNames(_ names: some Sequence<String>, documentId: String)
        throws(ValidationError)
    {
        var seen = FoldedKeySet()
        for name in names {
            if name.isEmpty {
                throw ValidationError(.emptyKey, .document(documentId), "a metadata name cannot be empty")
            }
            if let slot = slot(of: name) {
                let canonicalName = canonical[slot]
                if slot < reserved.count {
                    throw ValidationError(
                        .reservedKey, .document(documentId),
                        "'\(name)' is reserved ('\(canonicalName)') and cannot be metadata")
                }
                throw ValidationError(
                    .typedFieldAsMetadata, .document(documentId),
                    "'\(name)' must be set through the '\(canonicalName)' property, not as metadata")
            }
            if let earlier = seen.insert(name) {
                throw ValidationError(
                    .duplicateKey, .document(documentId), "'\(earlier)' and '\(name)' differ only in case")
            }
        }
    }
}

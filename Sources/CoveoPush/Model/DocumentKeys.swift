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

    /// Classifies a key, ignoring case.
    package static func kind(of key: String) -> Kind {
        if key.utf8.allSatisfy({ $0 < 0x80 }) {
            // The common case: compare ASCII bytes, skipping names of another length, without allocating.
            let count = key.utf8.count
            if let canonical = reserved.first(where: { $0.utf8.count == count && asciiEqualIgnoringCase($0, key) }) {
                return .reserved(canonical)
            }
            if let canonical = typed.first(where: { $0.utf8.count == count && asciiEqualIgnoringCase($0, key) }) {
                return .typed(canonical)
            }
            return .metadata
        }
        let folded = key.lowercased()
        if let canonical = reserved.first(where: { $0.lowercased() == folded }) { return .reserved(canonical) }
        if let canonical = typed.first(where: { $0.lowercased() == folded }) { return .typed(canonical) }
        return .metadata
    }

    /// Whether two keys are equal ignoring case: byte by byte for ASCII (no allocation, the common case), by
    /// their lowercased forms otherwise.
    static func equalIgnoringCase(_ lhs: String, _ rhs: String) -> Bool {
        let lhsIsASCII = lhs.utf8.allSatisfy { $0 < 0x80 }
        let rhsIsASCII = rhs.utf8.allSatisfy { $0 < 0x80 }
        if lhsIsASCII && rhsIsASCII {
            return lhs.utf8.count == rhs.utf8.count && asciiEqualIgnoringCase(lhs, rhs)
        }
        return lhs.lowercased() == rhs.lowercased()
    }

    /// Compares two ASCII strings of equal length, folding `A`–`Z` to `a`–`z`.
    private static func asciiEqualIgnoringCase(_ lhs: String, _ rhs: String) -> Bool {
        for (a, b) in zip(lhs.utf8, rhs.utf8) where a != b {
            let foldedA = (0x41...0x5A).contains(a) ? a | 0x20 : a
            let foldedB = (0x41...0x5A).contains(b) ? b | 0x20 : b
            if foldedA != foldedB { return false }
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
        var checked: [String] = []
        var byFolded: [String: String]?
        for name in names {
            if name.isEmpty {
                throw ValidationError(.emptyKey, .document(documentId), "a metadata name cannot be empty")
            }
            switch kind(of: name) {
            case .reserved(let canonical):
                throw ValidationError(
                    .reservedKey, .document(documentId), "'\(name)' is reserved ('\(canonical)') and cannot be metadata"
                )
            case .typed(let canonical):
                throw ValidationError(
                    .typedFieldAsMetadata, .document(documentId),
                    "'\(name)' must be set through the '\(canonical)' property, not as metadata")
            case .metadata:
                break
            }
            // Most documents carry a few dozen metadata at most: comparing pairwise beats hashing lowercased
            // copies; past 32 names, a dictionary keeps the check linear.
            let earlier: String?
            if let byFolded {
                earlier = byFolded[name.lowercased()]
            } else {
                earlier = checked.first { equalIgnoringCase($0, name) }
            }
            if let earlier {
                throw ValidationError(
                    .duplicateKey, .document(documentId), "'\(earlier)' and '\(name)' differ only in case")
            }
            checked.append(name)
            if byFolded != nil {
                byFolded?[name.lowercased()] = name
            } else if checked.count > 32 {
                byFolded = Dictionary(checked.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
            }
        }
    }
}

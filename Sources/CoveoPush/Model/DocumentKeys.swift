/// The one rule for item keys, shared by the SDK's `Document` and the command-line tool.
///
/// Keys are compared case-insensitively, as the service does:
/// - **reserved** keys are never metadata: the service gives them a meaning of their own;
/// - **typed** keys are set through their `Document` property, so a metadata entry with the same name is an error;
/// - every other key is metadata. Two keys that differ only in case are an error.
///
/// The table is written out in `Documentation/Documents.md`.
public enum DocumentKeys {
    /// Keys the service reserves: `documentId`, `data`, `compressedBinaryData`, `compressedBinaryDataFileId`,
    /// `compressionType`, `fileExtension`, `parentId`, `permissions`, `orderingId`, `deleteChildren`.
    public static let reserved: [String] = [
        "documentId", "data", "compressedBinaryData", "compressedBinaryDataFileId", "compressionType",
        "fileExtension", "parentId", "permissions", "orderingId", "deleteChildren",
    ]

    /// Keys set through a typed `Document` property: `title`, `author`, `clickableUri`, `date`, `modifiedDate`,
    /// `permanentId`.
    public static let typed: [String] = ["title", "author", "clickableUri", "date", "modifiedDate", "permanentId"]

    /// What a key is.
    public enum Kind: Sendable, Hashable {
        /// A reserved key, in its canonical spelling.
        case reserved(String)
        /// A typed field, in its canonical spelling.
        case typed(String)
        /// A metadata name.
        case metadata
    }

    private static let reservedByFolded = Dictionary(uniqueKeysWithValues: reserved.map { ($0.lowercased(), $0) })
    private static let typedByFolded = Dictionary(uniqueKeysWithValues: typed.map { ($0.lowercased(), $0) })

    /// Classifies a key, ignoring case.
    public static func kind(of key: String) -> Kind {
        let folded = key.lowercased()
        if let canonical = reservedByFolded[folded] { return .reserved(canonical) }
        if let canonical = typedByFolded[folded] { return .typed(canonical) }
        return .metadata
    }

    /// Checks metadata names against the table: not empty, not reserved, not typed, no two equal ignoring case.
    ///
    /// - Parameters:
    ///   - names: The metadata names, in order.
    ///   - documentId: The document they belong to, for the error.
    /// - Throws: ``ValidationError`` naming the document, the key and the rule.
    public static func validateMetadataNames(_ names: some Sequence<String>, documentId: String) throws(ValidationError) {
        var seen: [String: String] = [:]
        for name in names {
            if name.isEmpty {
                throw ValidationError(.emptyKey, .document(documentId), "a metadata name cannot be empty")
            }
            switch kind(of: name) {
            case .reserved(let canonical):
                throw ValidationError(
                    .reservedKey, .document(documentId), "'\(name)' is reserved ('\(canonical)') and cannot be metadata")
            case .typed(let canonical):
                throw ValidationError(
                    .typedFieldAsMetadata, .document(documentId),
                    "'\(name)' must be set through the '\(canonical)' property, not as metadata")
            case .metadata:
                break
            }
            let folded = name.lowercased()
            if let earlier = seen[folded] {
                throw ValidationError(
                    .duplicateKey, .document(documentId), "'\(earlier)' and '\(name)' differ only in case")
            }
            seen[folded] = name
        }
    }
}

extension Document {
    /// The document with every metadata key rewritten by `normalization` (values, and the keys inside
    /// dictionary values, are kept as they are). Properties such as ``title`` are not metadata and not touched.
    ///
    /// ```swift
    /// var document = Document(documentId: "https://example.com/a", metadata: ["Product Name": "Lamp"])
    /// document = try document.normalizingMetadataKeys(.snakeCase)   // metadata["product_name"]
    /// ```
    ///
    /// - Throws: ``ValidationError`` naming the document and the key(s): ``ValidationError/Rule/keyCollision``
    ///   when two keys normalise to one name (both named); ``ValidationError/Rule/emptyKey`` when a key
    ///   normalises to nothing (`123`, `--`); ``ValidationError/Rule/reservedKey`` or
    ///   ``ValidationError/Rule/typedFieldAsMetadata`` when it normalises to a reserved key or a typed
    ///   property's key (`Data!` → `data`, `Title` → `title`).
    public func normalizingMetadataKeys(_ normalization: MetadataKeyNormalization) throws(ValidationError)
        -> Document
    {
        var copy = self
        copy.metadata = try Self.normalizedMetadata(
            metadata, normalization: normalization, documentId: documentId, normalize: normalization.normalize)
        return copy
    }

    /// The metadata with its keys normalised by `normalize`, checked as ``normalizingMetadataKeys(_:)`` says.
    static func normalizedMetadata(
        _ metadata: Metadata, normalization: MetadataKeyNormalization, documentId: String,
        normalize: (String) -> String
    ) throws(ValidationError) -> Metadata {
        let subject = ValidationError.Subject.document(documentId)
        var originals: [String: String] = [:]
        originals.reserveCapacity(metadata.count)
        var pairs: [(String, MetadataValue)] = []
        pairs.reserveCapacity(metadata.count)
        for entry in metadata {
            let name = normalize(entry.name)
            if name.isEmpty {
                throw ValidationError(
                    .emptyKey, subject, "metadata '\(entry.name)' is empty once normalised (\(normalization.rawValue))")
            }
            switch DocumentKeys.kind(of: name) {
            case .reserved(let canonical):
                throw ValidationError(
                    .reservedKey, subject,
                    "metadata '\(entry.name)' normalises to '\(name)', which is reserved ('\(canonical)')")
            case .typed(let canonical):
                throw ValidationError(
                    .typedFieldAsMetadata, subject,
                    "metadata '\(entry.name)' normalises to '\(name)', which is set through the '\(canonical)' property")
            case .metadata:
                break
            }
            if let earlier = originals[name] {
                throw ValidationError(
                    .keyCollision, subject,
                    "metadata '\(earlier)' and '\(entry.name)' both normalise to '\(name)' (\(normalization.rawValue))")
            }
            originals[name] = entry.name
            pairs.append((name, entry.value))
        }
        return Metadata(pairs)
    }
}

/// Normalises the metadata keys of many documents with one ``MetadataKeyNormalization``, remembering each
/// distinct key's normal form, so a key seen before costs a dictionary lookup. For the command-line tool.
package struct MetadataKeyNormalizer: Sendable {
    /// The normalisation applied.
    package let normalization: MetadataKeyNormalization
    /// Keys → normal forms, up to `cacheLimit` keys.
    private var cache: [String: String] = [:]
    private let cacheLimit: Int

    /// Creates a normaliser that remembers at most `cacheLimit` distinct keys (beyond, keys are normalised
    /// each time, so memory stays bounded).
    package init(_ normalization: MetadataKeyNormalization, cacheLimit: Int = 10_000) {
        self.normalization = normalization
        self.cacheLimit = cacheLimit
    }

    /// The document with its metadata keys normalised; see ``Document/normalizingMetadataKeys(_:)``.
    package mutating func normalize(_ document: Document) throws(ValidationError) -> Document {
        var copy = document
        copy.metadata = try Document.normalizedMetadata(
            document.metadata, normalization: normalization, documentId: document.documentId
        ) { key in
            if let known = cache[key] { return known }
            let normal = normalization.normalize(key)
            if cache.count < cacheLimit { cache[key] = normal }
            return normal
        }
        return copy
    }
}

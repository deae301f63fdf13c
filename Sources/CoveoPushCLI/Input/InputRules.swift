import CoveoPush

/// What a subcommand accepts from its input files.
struct InputRules: Sendable {
    /// The kind of records the subcommand pushes.
    enum Records: Sendable, Hashable {
        /// Push-source documents and deletions; other files are pushed as content.
        case documents
        /// Catalog documents and deletions, and partial updates when allowed.
        case catalog(partialUpdates: Bool)
        /// Security identities in the identity batch format.
        case identities
    }

    var records: Records
    /// The compression of content files.
    var compression: CompressionType = .zlib
    /// The largest document, element or line read; larger ones are reported and skipped unread.
    var maxDocumentBytes: Int = JSONLinesReader.defaultMaxLineBytes
    /// After this many invalid records in a row without a valid one, the rest of a file is skipped.
    var maxProblemsBeforeGivingUp = 100
    /// The normalisation of metadata keys (`--normalize-keys`) applied to every document read, or `nil`.
    var normalizeKeys: MetadataKeyNormalization?
    /// Whether each document read from JSON is reduced to its ID and metadata once its rules are checked (what
    /// `fields sync` analyses). The reduction happens on the task that parsed the document, so its content and
    /// permissions are freed there rather than on the task that consumes the record: on two cores, freeing a
    /// document's blocks on the other thread made the sync about 15% slower.
    var keepsOnlyIdAndMetadata = false
}

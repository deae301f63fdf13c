import CoveoPush

/// What the emulator's Platform API holds, by organization (created on first use, with the standard fields and
/// the Email Security Provider).
struct PlatformState: Sendable {
    /// A source created through `POST /sources`.
    struct SourceRecord: Sendable {
        var id: String
        var draft: SourceDraft
        /// Milliseconds since 1970.
        var createdDate: Int64
    }

    /// One organization's fields, sources, providers and the metadata keys of its items.
    struct Organization: Sendable {
        var fields: [String: EmulatedField] = StandardFields.byName
        var sources: [String: SourceRecord] = [:]
        /// Source IDs in creation order.
        var sourceOrder: [String] = []
        var sourceSequence: UInt64 = 0
        var providers: [String: JSONObject] = [StandardFields.emailProviderId: StandardFields.emailProvider]
        /// Provider IDs in creation order.
        var providerOrder: [String] = [StandardFields.emailProviderId]
        /// Every spelling of a metadata key seen in a stored item (so each spelling is folded once).
        var keySpellings: Set<String> = []
        /// The metadata keys seen, by lower-cased name: the first spelling.
        var metadataKeys: [String: String] = [:]
    }

    var organizations: [String: Organization] = [:]
}

/// A source, data collection or provider, named within its organization.
struct ScopedKey: Hashable, Sendable {
    var organizationId: String
    var id: String
    /// Whether ``id`` names a data collection (Stream API `data-collections/{id}` routes) rather than a source or
    /// provider: a data collection and a source of the same ID are two stores.
    var isDataCollection = false

    /// `source 'ID'` or `data collection 'ID'`, for messages.
    var targetDescription: String {
        isDataCollection ? "data collection '\(id)'" : "source '\(id)'"
    }
}

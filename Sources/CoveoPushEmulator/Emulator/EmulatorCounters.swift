/// What the in-memory Push service received and did, counted in both normal and discard mode.
public struct EmulatorCounters: Sendable, Hashable {
    /// Requests answered, whatever their status.
    public var requests = 0
    /// Bytes of request bodies received (uploads included).
    public var requestBytes = 0
    /// Add-or-update entries applied (single pushes, batch and stream entries); in discard mode, every valid one.
    public var acceptedItems = 0
    /// Delete entries applied (single deletes and batch entries), whether or not the item existed.
    public var deletedItems = 0
    /// Items actually removed from sources (by deletes, `deleteChildren` and delete-older-than); always 0 in
    /// discard mode, which stores nothing.
    public var removedItems = 0
    /// Entries (items and identities) ignored because their orderingId was lower than the stored one, the
    /// deletion's, or the last delete-older-than's. Always 0 in discard mode.
    public var staleEntries = 0
    /// Entries (items and identities) refused (see ``InMemoryPushService/droppedItems``).
    public var droppedItems = 0
    /// Items accepted, then refused downstream (``InMemoryPushService/Indexing``): not stored, logged `REJECTED`.
    public var rejectedItems = 0
    /// Item batches pushed (`documents/batch`).
    public var itemBatches = 0
    /// Identity batches pushed (`permissions/batch`).
    public var identityBatches = 0
    /// File containers created.
    public var fileContainers = 0
    /// Successful uploads into file containers.
    public var uploads = 0
    /// Bytes stored by successful uploads.
    public var uploadedBytes = 0
    /// Identities added or updated (single requests and `members` entries).
    public var identitiesUpdated = 0
    /// Aliases added or updated (single requests and `mappings` entries).
    public var aliasesUpdated = 0
    /// Identities deleted (single requests and `deleted` entries).
    public var identitiesDeleted = 0
    /// Status changes.
    public var statusChanges = 0
    /// Streams opened (`stream/open`).
    public var streamsOpened = 0
    /// Stream chunks handed out (`stream/{streamId}/chunk`; the container of `stream/open` not included).
    public var streamChunks = 0
    /// Streams closed, each a full load of its source (`stream/{streamId}/close`).
    public var streamsClosed = 0
    /// Stream update files applied (`stream/update`).
    public var streamUpdates = 0
    /// Stream merge files applied (`stream/merge`).
    public var streamMerges = 0
    /// `partialUpdate` entries applied; in discard mode, every valid one.
    public var partialUpdates = 0

    /// Creates counters, all zero.
    public init() {}
}

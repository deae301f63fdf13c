/// A request read and checked, ready to be applied to the emulator's state.
enum PreparedWork: Sendable {
    case status(SourceStatus)
    /// A single add or update: the validated item, or why it is dropped (the request still gets 202).
    case upsertItem(documentId: String, draft: Result<ItemDraft, EntryRejection>, orderingId: Int64?)
    case deleteItem(documentId: String, deleteChildren: Bool, orderingId: Int64?)
    case deleteItemsOlderThan(orderingId: Int64)
    case itemBatch(fileId: String, orderingId: Int64?)
    case createFileContainer
    case upload(fileId: String, payload: FileContainerState.Payload, byteCount: Int)
    case upsertIdentity(IdentityBody, orderingId: Int64?)
    case deleteIdentity(SecurityIdentity, orderingId: Int64?)
    case upsertAlias(AliasBody, orderingId: Int64?)
    case identityBatch(fileId: String, orderingId: Int64?)
    case deleteIdentitiesOlderThan(orderingId: Int64)
    /// A Stream API operation.
    case stream(StreamWork)
    /// A Logs API query.
    case searchLogs(LogQuery)
    /// A Platform API operation.
    case platform(PlatformWork)
}

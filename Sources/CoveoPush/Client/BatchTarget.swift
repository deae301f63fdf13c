/// Where a batch file goes once it is in a file container.
enum BatchTarget: Sendable {
    /// `PUT …/sources/{sourceId}/documents/batch?fileId=`.
    case items(sourceId: String, orderingId: Int64?)
    /// `PUT …/providers/{providerId}/permissions/batch?fileId=`.
    case identities(providerId: String, orderingId: Int64?)
    /// `PUT …/stream/update?fileId=` of a catalog source or a data collection.
    case streamUpdate(StreamTarget, shard: String?)
    /// `PUT …/stream/merge?fileId=` of a catalog source or a data collection.
    case streamMerge(StreamTarget)
    /// A chunk of a full load: uploaded into `POST …/stream/{streamId}/chunk` containers, applied by the close.
    case streamLoad(StreamTarget, stream: StreamHandle)

    /// The batch file's layout.
    var format: BatchFormat {
        switch self {
        case .items, .streamMerge, .streamLoad: return .items
        case .identities: return .identities
        case .streamUpdate: return .stream
        }
    }

    /// Whether batches are applied one by one as they are pushed (`false` for a full load, applied at close).
    var commitsEachBatch: Bool {
        if case .streamLoad = self { return false }
        return true
    }
}

/// A Stream API request read and checked, ready to be applied (see ``PreparedWork/stream(_:)``).
enum StreamWork: Sendable {
    /// `stream/open`.
    case open
    /// `stream/{streamId}/chunk`.
    case chunk(streamId: String)
    /// `stream/{streamId}/close`: the full load.
    case close(streamId: String)
    /// `stream/update?fileId=[&shard=]`.
    case update(fileId: String, shard: String?)
    /// `stream/merge?fileId=`.
    case merge(fileId: String)
    /// `stream/deleteolderthan/{epochMilliseconds}`.
    case deleteOlderThan(epochMilliseconds: Int64)
}

/// What the emulator holds for one source.
struct SourceState: Sendable {
    /// Stored items by document ID.
    var items: [String: EmulatedItem] = [:]
    /// The orderingId of the last delete of each document ID, so older updates cannot bring it back.
    var deletions: [String: Int64] = [:]
    /// The highest delete-older-than orderingId: updates below it are ignored.
    var watermark: Int64 = .min
    /// Status changes, in order.
    var statusHistory: [EmulatedStatusChange] = []
}

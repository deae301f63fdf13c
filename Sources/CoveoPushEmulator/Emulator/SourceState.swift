/// What the emulator holds for one source.
struct SourceState: Sendable {
    /// Stored items by document ID, with the orderingId of each deletion, so older updates cannot bring it back.
    var items = ItemTable()
    /// The highest delete-older-than orderingId: updates below it are ignored.
    var watermark: Int64 = .min
    /// Status changes, in order.
    var statusHistory: [EmulatedStatusChange] = []
}

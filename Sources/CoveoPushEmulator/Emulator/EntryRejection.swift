/// Why an entry is refused: the reason and a one-line message.
struct EntryRejection: Error, Sendable {
    var reason: DroppedItem.Reason
    var message: String

    init(_ reason: DroppedItem.Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }
}

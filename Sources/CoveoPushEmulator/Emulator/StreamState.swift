/// A stream the emulator opened: where it loads, and the file containers of its chunks.
struct StreamState: Sendable {
    /// The organization and source the stream loads.
    var scope: ScopedKey
    /// The chunk containers in the order they were handed out, the open answer's container first.
    var fileIds: [String]
    /// Whether the stream was closed (its ID then answers 404).
    var isClosed = false
}

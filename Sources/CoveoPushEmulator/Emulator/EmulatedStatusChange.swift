/// One status change of a source received by the in-memory Push service.
public struct EmulatedStatusChange: Sendable, Hashable {
    /// The status set.
    public var status: SourceStatus
    /// When it was received: the time elapsed on the service's injected clock since the service was created.
    public var elapsed: Duration

    /// Creates a status change record.
    public init(status: SourceStatus, elapsed: Duration) {
        self.status = status
        self.elapsed = elapsed
    }
}

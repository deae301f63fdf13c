extension InMemoryPushService {
    /// What happens to accepted items after the Push API answered, as on the service: indexing takes time, and an
    /// item can still be refused downstream (the Push API answered 202 all the same).
    ///
    /// A refused item is not stored (an earlier version of it stays) and its Logs API entry says `REJECTED`.
    /// Refusals are a pure function of the seed and the document ID, so a run can be repeated.
    ///
    /// ```swift
    /// let indexing = InMemoryPushService.Indexing(delay: .seconds(2), rejectionRate: 0.1, seed: 7)
    /// let service = InMemoryPushService(configuration: .init(indexing: indexing), clock: testClock)
    /// ```
    public struct Indexing: Sendable, Hashable {
        /// How long after an item is applied its `INDEXING` entry is dated (on the injected clock).
        public var delay: Duration
        /// The share of added or updated items (0…1) refused downstream.
        public var rejectionRate: Double
        /// Document IDs always refused downstream.
        public var rejectedDocumentIds: Set<String>
        /// The seed of the refusal draw.
        public var seed: UInt64

        /// Creates an indexing behaviour; by default items are indexed at once and none is refused.
        public init(
            delay: Duration = .zero, rejectionRate: Double = 0, rejectedDocumentIds: Set<String> = [],
            seed: UInt64 = 0
        ) {
            self.delay = delay
            self.rejectionRate = rejectionRate
            self.rejectedDocumentIds = rejectedDocumentIds
            self.seed = seed
        }

        /// Items are indexed at once and none is refused.
        public static let immediate = Indexing()

        /// Why `documentId` is refused downstream, or `nil` when it is indexed.
        public func rejection(of documentId: String) -> String? {
            if rejectedDocumentIds.contains(documentId) { return "the item is on the list of rejected document IDs" }
            guard rejectionRate > 0 else { return nil }
            let draw = FaultHash.unit(FaultHash.mix(FaultHash.fnv1a(documentId) ^ FaultHash.mix(seed ^ 0x1DE7)))
            return draw < rejectionRate ? "the item was refused downstream (simulated rejection)" : nil
        }
    }
}

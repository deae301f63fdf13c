/// How many faults the in-memory Push service injected, by kind.
public struct FaultCounts: Sendable, Hashable {
    /// Requests answered 429.
    public var throttled = 0
    /// Requests answered a transient failure without applying anything.
    public var failedBefore = 0
    /// Requests applied and then answered a transient failure.
    public var failedAfter = 0
    /// Uploads refused as if their URL had expired.
    public var expiredUploads = 0
    /// Answers delayed by the plan's latency.
    public var delayed = 0

    /// Creates counts, all zero by default.
    public init(
        throttled: Int = 0, failedBefore: Int = 0, failedAfter: Int = 0, expiredUploads: Int = 0, delayed: Int = 0
    ) {
        self.throttled = throttled
        self.failedBefore = failedBefore
        self.failedAfter = failedAfter
        self.expiredUploads = expiredUploads
        self.delayed = delayed
    }

    /// Every fault that changed an answer (latency not included).
    public var total: Int { throttled + failedBefore + failedAfter + expiredUploads }

    /// The count of one kind.
    public subscript(fault: InjectedFault) -> Int {
        switch fault {
        case .throttled: return throttled
        case .failedBefore: return failedBefore
        case .failedAfter: return failedAfter
        case .expiredUpload: return expiredUploads
        }
    }

    mutating func record(_ fault: InjectedFault) {
        switch fault {
        case .throttled: throttled += 1
        case .failedBefore: failedBefore += 1
        case .failedAfter: failedAfter += 1
        case .expiredUpload: expiredUploads += 1
        }
    }
}

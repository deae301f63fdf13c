/// Connections a ``LoopbackPushServer`` cuts on purpose, to test a client against a network that drops them.
///
/// Each decision is a function of the seed, the request's method and target, and how many times that same
/// request was received before, never of a shared random stream: a retry is decided afresh, and the same run
/// cuts the same requests whatever the concurrency.
///
/// ```swift
/// let faults = ConnectionFaults(seed: 7, midRequestRate: 0.1, midResponseRate: 0.1)
/// let server = try LoopbackPushServer(handler: service, connectionFaults: faults)
/// ```
public struct ConnectionFaults: Sendable, Hashable {
    /// Where a connection is cut.
    public enum Cut: String, Sendable, Hashable, CaseIterable {
        /// As soon as the request's head was read: the handler never sees the request (the work is not done),
        /// and a body still on its way is refused. (libcurl may resend the request on a new connection by
        /// itself; FoundationNetworking then sends the head without the body, which the server answers 408
        /// after its idle timeout.)
        case midRequest
        /// After the handler answered (the work is done), once the response's head and half of its body were
        /// written. (Never inside the head: FoundationNetworking on Linux crashes the client then,
        /// swift-corelibs-foundation issue 5285, fixed after Swift 6.3.)
        case midResponse
    }

    /// No connection is ever cut.
    public static let none = ConnectionFaults()

    /// Varies which requests are cut.
    public var seed: UInt64
    /// The share of requests, from 0 to 1, whose connection is cut before the handler sees them.
    public var midRequestRate: Double
    /// The share of requests, from 0 to 1, whose connection is cut while their response is being written.
    public var midResponseRate: Double

    /// Creates a plan; rates are clamped to 0...1 and together to at most 1.
    public init(seed: UInt64 = 0, midRequestRate: Double = 0, midResponseRate: Double = 0) {
        self.seed = seed
        self.midRequestRate = min(1, max(0, midRequestRate.isNaN ? 0 : midRequestRate))
        self.midResponseRate = min(1 - self.midRequestRate, max(0, midResponseRate.isNaN ? 0 : midResponseRate))
    }

    /// Whether any connection can be cut.
    public var isActive: Bool { midRequestRate > 0 || midResponseRate > 0 }

    /// The cut for the `occurrence`-th receipt (counting from 1) of `method target`, if any.
    public func cut(method: String, target: String, occurrence: Int) -> Cut? {
        guard isActive else { return nil }
        let draw = FaultHash.unit(FaultHash.combine(seed, route: method, key: target, attempt: occurrence))
        if draw < midRequestRate { return .midRequest }
        if draw < midRequestRate + midResponseRate { return .midResponse }
        return nil
    }
}

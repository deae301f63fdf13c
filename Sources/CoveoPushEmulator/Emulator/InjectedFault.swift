/// A fault the in-memory Push service injected into an answer.
public enum InjectedFault: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Answered 429 `TOO_MANY_REQUESTS` with `Retry-After`.
    case throttled
    /// Answered a transient failure without applying anything.
    case failedBefore
    /// Applied the work, then answered a transient failure.
    case failedAfter
    /// Refused an upload with 403 as if its URL had expired.
    case expiredUpload

    /// The case name.
    public var description: String { rawValue }
}

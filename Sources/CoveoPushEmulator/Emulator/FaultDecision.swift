/// The fault chosen for one request by ``FaultPlan/decision(route:key:attempt:)``.
public enum FaultDecision: Sendable, Hashable {
    /// Answer normally.
    case none
    /// Answer with this transient status without applying anything.
    case failBefore(statusCode: Int)
    /// Apply the work, then answer with this transient status instead of the real answer.
    case failAfter(statusCode: Int)
    /// Refuse the upload with 403 as if its URL had expired (uploads only).
    case expiredUpload
}

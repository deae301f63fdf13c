/// What every batched session has in common: ``PushSession`` (items of a Push source), ``CatalogSession``
/// (items of a catalog through the Stream API) and ``IdentitySession`` (security identities of a provider).
///
/// Operations differ by session and stay on the concrete types; the life cycle is shared, so code that drives
/// any session (a progress display, a command that reads operations from a file) can take `some BatchedSession`.
///
/// ```swift
/// func drain(_ session: some BatchedSession) async throws -> PushReport {
///     Task { for await step in session.progress { print(step.documentsDone) } }
///     return try await session.finish()
/// }
/// ```
public protocol BatchedSession: Sendable {
    /// Progress events: documents done, bytes uploaded, batches committed, failures.
    var progress: AsyncStream<PushProgress> { get }

    /// Pushes the last batch, waits for every push to be answered, and returns the report.
    ///
    /// - Throws: ``PushError`` when the session stopped for good (a quota, a refused key), or `CancellationError`.
    func finish() async throws -> PushReport

    /// Cancels every batch in flight, deletes their temporary files, and returns once every batch task has ended.
    /// The documents of cancelled batches are reported as failed with code ``PushError/Code/cancelled``.
    func cancel() async
}

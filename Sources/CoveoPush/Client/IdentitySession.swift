/// A batched push of security identities to one security provider: members, aliases and deletions go into
/// identity batch files (`members`, `mappings`, `deleted`), uploaded through file containers and pushed in order.
///
/// ```swift
/// let session = client.identitySession(providerId: "my-provider")
/// try await session.addOrUpdate(IdentityBody(identity: staff, members: people))
/// try await session.delete(IdentityDeleteBody(identity: formerEmployee))
/// let report = try await session.finish()
/// ```
public struct IdentitySession: BatchedSession {
    /// The client the session pushes through.
    public let client: PushClient
    /// The security provider pushed to.
    public let providerId: String
    let pipeline: BatchPipeline

    init(client: PushClient, providerId: String, orderingId: Int64?) {
        self.client = client
        self.providerId = providerId
        self.pipeline = BatchPipeline(
            client: client, target: .identities(providerId: providerId, orderingId: orderingId))
    }

    /// Progress events.
    public var progress: AsyncStream<PushProgress> { pipeline.progress }

    /// Adds or updates an identity with its members.
    public func addOrUpdate(_ body: IdentityBody) async throws {
        try await append(body.identity.name, to: .members, validate: body.validate, json: body.jsonBytes())
    }

    /// Adds or updates an alias.
    public func addOrUpdate(_ body: AliasBody) async throws {
        try await append(body.identity.name, to: .mappings, validate: body.validate, json: body.jsonBytes())
    }

    /// Deletes (disables) an identity.
    public func delete(_ body: IdentityDeleteBody) async throws {
        try await append(body.identity.name, to: .deleted, validate: body.validate, json: body.jsonBytes())
    }

    /// Pushes the last batch, waits for every push to be answered, and returns the report.
    public func finish() async throws -> PushReport {
        try await pipeline.finish()
    }

    /// Cancels every batch in flight, deletes their temporary files, and returns once every batch task has ended.
    public func cancel() async {
        await pipeline.cancel()
    }

    private func append(
        _ name: String, to section: BatchSection, validate: () throws(ValidationError) -> Void,
        json: @autoclosure () -> [UInt8]
    ) async throws {
        do {
            try validate()
        } catch {
            let pushError = PushError(error, operation: .pushIdentityBatch)
            await pipeline.recordRejected(name, pushError)
            throw pushError
        }
        try await pipeline.append(json(), to: section, key: name, parentKey: nil, cascades: false)
    }
}

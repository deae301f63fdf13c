import Foundation

extension PushClient {
    /// Adds or updates one security identity (a group replaces its whole member list).
    public nonisolated func addOrUpdate(identity body: IdentityBody, providerId: String, orderingId: Int64? = nil)
        async throws
    {
        try await sendIdentityRequest(.addOrUpdateIdentity, about: body.identity) { () throws(ValidationError) in
            try AddOrUpdateIdentityRequest(
                organizationId: organizationId, providerId: providerId, body: body, orderingId: orderingId)
        }
    }

    /// Adds or updates an alias: an identity and the identities it maps to.
    public nonisolated func addOrUpdate(alias body: AliasBody, providerId: String, orderingId: Int64? = nil)
        async throws
    {
        try await sendIdentityRequest(.addOrUpdateAlias, about: body.identity) { () throws(ValidationError) in
            try AddOrUpdateAliasRequest(
                organizationId: organizationId, providerId: providerId, body: body, orderingId: orderingId)
        }
    }

    /// Deletes (disables) one security identity.
    public nonisolated func delete(identity body: IdentityDeleteBody, providerId: String, orderingId: Int64? = nil)
        async throws
    {
        try await sendIdentityRequest(.deleteIdentity, about: body.identity) { () throws(ValidationError) in
            try DeleteIdentityRequest(
                organizationId: organizationId, providerId: providerId, body: body, orderingId: orderingId)
        }
    }

    /// Deletes (disables) the provider's identities last updated with an orderingId strictly lower than `orderingId`.
    public nonisolated func deleteIdentitiesOlderThan(orderingId: Int64, providerId: String, queueDelay: Int? = nil)
        async throws
    {
        let request = try checked(.deleteIdentitiesOlderThan) { () throws(ValidationError) in
            try DeleteIdentitiesOlderThanRequest(
                organizationId: organizationId, providerId: providerId, orderingId: orderingId, queueDelay: queueDelay)
        }
        _ = try await execute(request, counter: nil)
    }

    /// Starts a batched push of security identities to a provider, through file containers like items.
    public nonisolated func identitySession(providerId: String, orderingId: Int64? = nil) -> IdentitySession {
        IdentitySession(client: self, providerId: providerId, orderingId: orderingId)
    }

    /// Makes one identity's request (a validation error becomes a ``PushError``) and sends it, naming the identity
    /// in a failure.
    private nonisolated func sendIdentityRequest<R: PushRequest>(
        _ operation: PushOperation, about identity: SecurityIdentity, _ make: () throws(ValidationError) -> R
    ) async throws {
        let request = try checked(operation, make)
        _ = try await execute(request, counter: nil, documentIds: [identity.name])
    }
}

import Foundation

extension PushClient {
    /// Adds or updates one security identity (a group replaces its whole member list).
    public nonisolated func addOrUpdate(identity body: IdentityBody, providerId: String, orderingId: Int64? = nil)
        async throws
    {
        let request = try checked(.addOrUpdateIdentity) { () throws(ValidationError) in
            try AddOrUpdateIdentityRequest(
                organizationId: organizationId, providerId: providerId, body: body, orderingId: orderingId)
        }
        _ = try await execute(request, counter: nil, documentIds: [body.identity.name])
    }

    /// Adds or updates an alias: an identity and the identities it maps to.
    public nonisolated func addOrUpdate(alias body: AliasBody, providerId: String, orderingId: Int64? = nil) async throws {
        let request = try checked(.addOrUpdateAlias) { () throws(ValidationError) in
            try AddOrUpdateAliasRequest(
                organizationId: organizationId, providerId: providerId, body: body, orderingId: orderingId)
        }
        _ = try await execute(request, counter: nil, documentIds: [body.identity.name])
    }

    /// Deletes (disables) one security identity.
    public nonisolated func delete(identity body: IdentityDeleteBody, providerId: String, orderingId: Int64? = nil)
        async throws
    {
        let request = try checked(.deleteIdentity) { () throws(ValidationError) in
            try DeleteIdentityRequest(
                organizationId: organizationId, providerId: providerId, body: body, orderingId: orderingId)
        }
        _ = try await execute(request, counter: nil, documentIds: [body.identity.name])
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
}

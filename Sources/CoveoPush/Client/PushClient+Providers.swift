extension PushClient {
    /// Creates or updates the `EXPANDED` security identity provider that holds a source's identities (Platform
    /// API), cascading to Coveo's Email Security Provider.
    ///
    /// ```swift
    /// let source = try await client.createSource(name: "Tickets")
    /// try await client.createOrUpdateProvider(id: "tickets-provider", sourceId: source.id)
    /// // then push identities with providerId "tickets-provider"
    /// ```
    ///
    /// Safe to call again: the provider is replaced by the same definition.
    ///
    /// - Parameters:
    ///   - providerId: The provider ID, used by the Push API's identity routes.
    ///   - sourceId: The source whose items the provider secures.
    ///   - displayName: The name shown in the console; the provider ID by default.
    /// - Returns: The provider as stored.
    /// - Throws: ``PushError`` with code ``PushError/Code/invalidInput`` for an empty provider or source ID (before
    ///   any request); the service's refusal; or `CancellationError`.
    @discardableResult
    public nonisolated func createOrUpdateProvider(id providerId: String, sourceId: String, displayName: String? = nil)
        async throws -> SecurityProviderModel
    {
        let request = try checked(.createOrUpdateSecurityProvider) { () throws(ValidationError) in
            try CreateOrUpdateSecurityProviderRequest(
                organizationId: organizationId, providerId: providerId, sourceId: sourceId, displayName: displayName)
        }
        return try await send(request)
    }
}

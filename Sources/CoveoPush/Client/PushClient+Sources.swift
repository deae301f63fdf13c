extension PushClient {
    /// Creates a Push or Catalog source (Platform API) and returns it, with its new ID.
    ///
    /// ```swift
    /// let source = try await client.createSource(name: "Tickets")          // a secured Push source
    /// let catalog = try await client.createSource(name: "Products", type: .catalog, visibility: .shared)
    /// ```
    ///
    /// Never creates a second source: when the request fails in a way that leaves unknown whether the service
    /// created it (``PushError/Code/outcomeUnknown``), the client looks the source up by its exact name and returns
    /// it when it exists; only when it does not is the create sent again (at most 3 times). A source of that name
    /// that existed before the call is returned the same way after such a failure.
    ///
    /// - Parameters:
    ///   - name: The source name, unique in the organization; not empty.
    ///   - type: ``SourceType/push`` (the default) or ``SourceType/catalog``.
    ///   - visibility: ``SourceVisibility/secured`` (the default), ``SourceVisibility/private`` or
    ///     ``SourceVisibility/shared``.
    /// - Returns: The source, as the service answered (or as the look-up found it).
    /// - Throws: ``PushError`` with code ``PushError/Code/invalidInput`` for an empty name or an unknown visibility
    ///   (before any request); the service's refusal (such as a name already used); or `CancellationError`.
    public nonisolated func createSource(
        name: String, type: SourceType = .push, visibility: SourceVisibility = .secured
    ) async throws -> SourceModel {
        let request = try checked(.createSource) { () throws(ValidationError) in
            try CreateSourceRequest(organizationId: organizationId, name: name, type: type, visibility: visibility)
        }
        var recoveries = 0
        while true {
            do {
                return try await send(request)
            } catch let error as PushError
                where error.code == .outcomeUnknown && recoveries < Self.maxAmbiguousCreateRecoveries
            {
                recoveries += 1
                if let existing = try await source(named: request.name) { return existing }
            }
        }
    }

    /// Gets a source by ID (Platform API).
    ///
    /// - Throws: ``PushError`` (`requestRejected` with HTTP 404 for an unknown ID), or `CancellationError`.
    public nonisolated func source(id sourceId: String) async throws -> SourceModel {
        let request = try checked(.getSource) { () throws(ValidationError) in
            try GetSourceRequest(organizationId: organizationId, sourceId: sourceId)
        }
        return try await send(request)
    }

    /// Finds the source with exactly this name (case-sensitive), or `nil` (Platform API).
    ///
    /// Asks the service to filter by the exact name, and checks the names itself in case the filter is looser.
    ///
    /// - Throws: ``PushError``, or `CancellationError`.
    public nonisolated func source(named name: String) async throws -> SourceModel? {
        try await allSources(exactName: name).first { $0.name == name }
    }

    /// Lists every source of the organization (Platform API), page after page.
    ///
    /// - Throws: ``PushError``, or `CancellationError`.
    public nonisolated func listSources() async throws -> [SourceModel] {
        try await allSources(exactName: nil)
    }

    private nonisolated func allSources(exactName: String?) async throws -> [SourceModel] {
        try await allPages(.listSources) { page throws(ValidationError) in
            try ListSourcesRequest(organizationId: organizationId, page: page, exactName: exactName)
        }
    }
}

extension PushClient {
    /// Asks the service whether the client's key or token has one privilege (Platform API).
    ///
    /// - Throws: ``PushError``, or `CancellationError`.
    public nonisolated func evaluate(_ privilege: Privilege) async throws -> PrivilegeEvaluation {
        let request = try checked(.evaluatePrivilege) { () throws(ValidationError) in
            try EvaluatePrivilegeRequest(organizationId: organizationId, privilege: privilege)
        }
        return try await send(request)
    }

    /// Every privilege that the needs require and the key or token lacks, by name, before any work starts.
    ///
    /// ```swift
    /// let missing = try await client.missingPrivileges(for: [.push, .fields], sourceId: "acme-src")
    /// for privilege in missing { print("missing:", privilege) }  // FIELD:CREATE (needed by fields)
    /// ```
    ///
    /// Each distinct privilege of ``PrivilegeNeed/privileges(sourceId:)`` is evaluated once, all in parallel. Some
    /// privilege models are assumed (``MissingPrivilege/isAssumed``): see ``PrivilegeNeed``.
    ///
    /// - Parameters:
    ///   - needs: What is about to be done.
    ///   - sourceId: The source that ``PrivilegeNeed/push`` and ``PrivilegeNeed/catalog`` write to, or `nil`.
    /// - Returns: The missing privileges, in the order of the needs and of their privileges; empty when every one
    ///   is granted.
    /// - Throws: ``PushError`` when an evaluation itself fails, or `CancellationError`.
    public nonisolated func missingPrivileges(for needs: [PrivilegeNeed], sourceId: String? = nil) async throws
        -> [MissingPrivilege]
    {
        var privileges: [Privilege] = []
        var neededBy: [Privilege: [PrivilegeNeed]] = [:]
        for need in needs {
            for privilege in need.privileges(sourceId: sourceId) {
                if neededBy[privilege] == nil { privileges.append(privilege) }
                if neededBy[privilege]?.contains(need) != true { neededBy[privilege, default: []].append(need) }
            }
        }
        let evaluations = try await withThrowingTaskGroup(of: (Int, PrivilegeEvaluation).self) { group in
            for (index, privilege) in privileges.enumerated() {
                group.addTask { (index, try await self.evaluate(privilege)) }
            }
            var results: [Int: PrivilegeEvaluation] = [:]
            for try await (index, evaluation) in group { results[index] = evaluation }
            return results
        }
        return privileges.enumerated().compactMap { index, privilege in
            guard let evaluation = evaluations[index], !evaluation.approved else { return nil }
            return MissingPrivilege(
                privilege: privilege, neededBy: neededBy[privilege] ?? [], resultCodes: evaluation.resultCodes)
        }
    }
}

extension PushClient {
    /// Checks that the key or token has every privilege the needs require, before any work starts.
    ///
    /// ```swift
    /// try await client.requirePrivileges(for: [.push, .fields], sourceId: "acme-src")
    /// ```
    ///
    /// - Parameters:
    ///   - needs: What is about to be done.
    ///   - sourceId: The source that ``PrivilegeNeed/push`` and ``PrivilegeNeed/catalog`` write to, or `nil`.
    /// - Throws: ``PushError`` with code ``PushError/Code/accessDenied`` and operation
    ///   ``PushOperation/evaluatePrivilege`` whose message names every missing privilege (and says which are
    ///   assumed); ``PushError`` when an evaluation itself fails; or `CancellationError`.
    public nonisolated func requirePrivileges(for needs: [PrivilegeNeed], sourceId: String? = nil) async throws {
        let missing = try await missingPrivileges(for: needs, sourceId: sourceId)
        guard !missing.isEmpty else { return }
        throw PushError(
            .accessDenied, operation: .evaluatePrivilege,
            message: "the API key lacks " + missing.map(\.description).joined(separator: ", "))
    }
}

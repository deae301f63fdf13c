extension InMemoryPushService {
    /// Whether an identity update with this orderingId comes too late to change anything.
    private func isStale(_ key: IdentityKey, _ scope: ScopedKey, orderingId: Int64) -> Bool {
        guard let provider = providers[scope] else { return false }
        return orderingId < provider.watermark || (provider.members[key]?.orderingId ?? .min) > orderingId
            || (provider.mappings[key]?.orderingId ?? .min) > orderingId
            || (provider.deleted[key]?.orderingId ?? .min) > orderingId
    }

    /// Applies one identity change to the provider's state in place (never to a copy, which would copy every
    /// identity it holds), unless a change with a higher orderingId came first; counts it under `counter`.
    private func changeIdentity(
        _ key: IdentityKey, _ scope: ScopedKey, orderingId: Int64, counter: WritableKeyPath<EmulatorCounters, Int>,
        _ change: (inout ProviderState) -> Void
    ) {
        if !configuration.discardContent {
            guard !isStale(key, scope, orderingId: orderingId) else {
                counts.staleEntries += 1
                return
            }
            change(&providers[scope, default: ProviderState()])
        }
        counts[keyPath: counter] += 1
    }

    /// Adds or updates an identity with its members (replacing its member list).
    func upsertIdentity(_ body: IdentityBody, _ scope: ScopedKey, orderingId: Int64) {
        let key = IdentityKey(body.identity)
        changeIdentity(key, scope, orderingId: orderingId, counter: \.identitiesUpdated) { provider in
            provider.members[key] = (body, orderingId)
            provider.deleted[key] = nil
        }
    }

    /// Adds or updates an alias.
    func upsertAlias(_ body: AliasBody, _ scope: ScopedKey, orderingId: Int64) {
        let key = IdentityKey(body.identity)
        changeIdentity(key, scope, orderingId: orderingId, counter: \.aliasesUpdated) { provider in
            provider.mappings[key] = (body, orderingId)
            provider.deleted[key] = nil
        }
    }

    /// Deletes (disables) an identity: its members entry and alias go, and it is listed as deleted.
    func deleteIdentity(_ identity: SecurityIdentity, _ scope: ScopedKey, orderingId: Int64) {
        let key = IdentityKey(identity)
        changeIdentity(key, scope, orderingId: orderingId, counter: \.identitiesDeleted) { provider in
            provider.members[key] = nil
            provider.mappings[key] = nil
            provider.deleted[key] = (identity, orderingId)
        }
    }

    /// Deletes every identity and alias whose orderingId is strictly lower, and ignores later updates below it.
    func deleteIdentitiesOlderThan(_ orderingId: Int64, _ scope: ScopedKey) {
        if configuration.discardContent { return }
        change(&providers[scope, default: ProviderState()])

        func change(_ provider: inout ProviderState) {
            for (key, entry) in provider.members where entry.orderingId < orderingId {
                provider.members[key] = nil
                provider.deleted[key] = (entry.body.identity, orderingId)
            }
            for (key, entry) in provider.mappings where entry.orderingId < orderingId {
                provider.mappings[key] = nil
                provider.deleted[key] = (entry.body.identity, orderingId)
            }
            provider.watermark = max(provider.watermark, orderingId)
            provider.olderThanDeletions.append(orderingId)
        }
    }

    /// `PUT permissions/batch`: consumes the container, reads it outside the actor, applies it.
    nonisolated func pushIdentityBatch(
        _ scope: ScopedKey, fileId: String, orderingId: Int64?
    ) async -> EmulatorAnswer {
        await pushBatch(
            scope, fileId: fileId,
            scan: { data, visit in EmulatorBatchScanner.scanIdentities(data, visit) },
            applySummary: { service, summary in
                service.applyIdentitySummary(summary.asIdentities, scope, fileId: fileId)
            },
            apply: { service, entries, malformed in
                service.applyIdentityBatch(entries, malformed: malformed, scope, fileId: fileId, orderingId: orderingId)
            })
    }

    func applyIdentityBatch(
        _ entries: [EmulatorBatchScanner.IdentityEntry], malformed: String?, _ scope: ScopedKey, fileId: String,
        orderingId: Int64?
    ) {
        guard admitBatch(counting: \.identityBatches, malformed: malformed, scope, fileId: fileId) else { return }
        let time = orderingId ?? receiptTime()
        for entry in entries {
            switch entry {
            case .member(let body): upsertIdentity(body, scope, orderingId: time)
            case .alias(let body): upsertAlias(body, scope, orderingId: time)
            case .deleted(let identity): deleteIdentity(identity, scope, orderingId: time)
            case .dropped(let section, let identifier, let rejection):
                recordDrops([(section, identifier, rejection)], scope, fileId: fileId)
            }
        }
    }

    func applyIdentitySummary(_ tally: ContainerSummary.Tally, _ scope: ScopedKey, fileId: String) {
        guard admitBatch(counting: \.identityBatches, malformed: tally.malformed, scope, fileId: fileId) else { return }
        counts.identitiesUpdated += tally.members
        counts.aliasesUpdated += tally.mappings
        counts.identitiesDeleted += tally.deletedIdentities
        recordDrops(tally.dropped, scope, fileId: fileId)
    }
}

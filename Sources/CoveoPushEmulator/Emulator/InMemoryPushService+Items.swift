import Foundation

extension InMemoryPushService {
    /// Stores an item unless an update or delete with a higher orderingId came first.
    ///
    /// - Returns: whether the item was stored (in discard mode: counted).
    @discardableResult
    func upsertItem(
        _ draft: ItemDraft, _ scope: ScopedKey, orderingId: Int64, fileId: String?, section: String?
    ) -> Bool {
        if configuration.discardContent {
            if case .fileReference(let containerId) = draft.content {
                _ = try? takeContentContainer(containerId, organizationId: scope.organizationId)
            }
            counts.acceptedItems += 1
            return true
        }
        if isStale(draft.documentId, scope, orderingId: orderingId, deletionsCount: true) {
            counts.staleEntries += 1
            logEnded(scope, id: draft.documentId, .add, .skipped, meta: ["reason": "staleOrderingId"])
            return false
        }
        let resolved: (kind: EmulatedItem.ContentKind, content: Data?, opaque: Bool)
        switch draft.content {
        case .none:
            resolved = (.none, nil, false)
        case .data:
            // The item keeps the text once, as `data`.
            resolved = (.data, nil, false)
        case .binary(let bytes, let opaque):
            resolved = (.compressedBinaryData, bytes, opaque)
        case .fileReference(let containerId):
            do throws(EntryRejection) {
                let bytes = try takeContentContainer(containerId, organizationId: scope.organizationId)
                let decoded = try EmulatorContentDecoder.decode(
                    bytes, as: draft.compressionType ?? .zlib,
                    maxOutputBytes: configuration.limits.maxDecodedContentBytes)
                resolved = (.fileContainer, decoded.content, decoded.opaque)
            } catch {
                recordDrop(
                    DroppedItem(
                        organizationId: scope.organizationId, targetId: scope.id, fileId: fileId, section: section,
                        identifier: draft.documentId, reason: error.reason, message: error.message))
                return false
            }
        }
        if let reason = configuration.indexing.rejection(of: draft.documentId) {
            counts.rejectedItems += 1
            logRejectedDownstream(scope, id: draft.documentId, reason: reason)
            return false
        }
        sources[scope, default: SourceState()].items.store(
            draft.item(
                organizationId: scope.organizationId, sourceId: scope.id, orderingId: orderingId, kind: resolved.kind,
                content: resolved.content, opaque: resolved.opaque))
        noteMetadataKeys(draft.metadata, organizationId: scope.organizationId)
        counts.acceptedItems += 1
        logApplied(scope, id: draft.documentId, .add)
        return true
    }

    /// Deletes an item (and its children) unless it was updated with a higher orderingId.
    func deleteItem(_ documentId: String, deleteChildren: Bool, _ scope: ScopedKey, orderingId: Int64) {
        if configuration.discardContent {
            counts.deletedItems += 1
            return
        }
        if isStale(documentId, scope, orderingId: orderingId, deletionsCount: false) {
            counts.staleEntries += 1
            logEnded(scope, id: documentId, .delete, .skipped, meta: ["reason": "staleOrderingId"])
            return
        }
        counts.deletedItems += 1
        logApplied(scope, id: documentId, deleteChildren ? .deleteAndChildren : .delete)
        let children = withItems(of: scope) { items in
            let found = items.remove(documentId, deletedAt: orderingId) != nil
            counts.removedItems += found ? 1 : 0
            guard deleteChildren else { return [String]() }
            var removed: [String] = []
            for child in items.children(of: documentId) where child.orderingId <= orderingId {
                items.remove(child.documentId, deletedAt: orderingId)
                removed.append(child.documentId)
            }
            return removed
        }
        counts.removedItems += children.count
        for child in children { logRemoved(scope, id: child) }
    }

    /// Removes every item whose orderingId is strictly lower, and ignores later updates below it.
    func deleteItemsOlderThan(_ orderingId: Int64, _ scope: ScopedKey) {
        if configuration.discardContent { return }
        logOperation(scope, id: "", .consuming, .deleteOlderThan, .completed, meta: ["orderingId": String(orderingId)])
        let removed = withItems(of: scope) { items in
            items.removeAll(deletedAt: nil) { $0.orderingId < orderingId }
        }
        counts.removedItems += removed.count
        for documentId in removed { logRemoved(scope, id: documentId) }
        sources[scope, default: SourceState()].watermark = max(sources[scope]?.watermark ?? .min, orderingId)
    }

    /// Whether an update (or, with `deletionsCount` false, a delete) at `orderingId` comes too late: below the
    /// source's delete-older-than watermark, or older than the stored item (or its last deletion).
    func isStale(_ documentId: String, _ scope: ScopedKey, orderingId: Int64, deletionsCount: Bool) -> Bool {
        guard let source = sources[scope] else { return false }
        return orderingId < source.watermark || (source.items[documentId]?.orderingId ?? .min) > orderingId
            || (deletionsCount && (source.items.deletion(of: documentId) ?? .min) > orderingId)
    }

    /// Changes a source's item table in place (a copy of the source's state kept while changing it would copy the
    /// whole table, see ``ItemTable``).
    func withItems<Result>(of scope: ScopedKey, _ change: (inout ItemTable) -> Result) -> Result {
        change(&sources[scope, default: SourceState()].items)
    }

    /// `PUT documents/batch`: consumes the container, reads it outside the actor, applies it.
    nonisolated func pushItemBatch(_ scope: ScopedKey, fileId: String, orderingId: Int64?) async -> EmulatorAnswer {
        await pushBatch(
            scope, fileId: fileId,
            scan: { [limits = configuration.limits] data, visit in
                EmulatorBatchScanner.scanItems(data, limits: limits, visit)
            },
            applySummary: { service, summary in service.applyItemSummary(summary.asItems, scope, fileId: fileId) },
            apply: { service, entries, malformed in
                service.applyItemBatch(entries, malformed: malformed, scope, fileId: fileId, orderingId: orderingId)
            })
    }

    /// A batch push: consumes the container; in discard mode applies its counted summary, otherwise scans its
    /// entries outside the actor and applies them on it.
    nonisolated func pushBatch<Entry: Sendable>(
        _ scope: ScopedKey, fileId: String,
        scan: (Data, (Entry) -> Void) -> String?,
        applySummary: @Sendable (isolated InMemoryPushService, ContainerSummary) -> Void,
        apply: @Sendable (isolated InMemoryPushService, [Entry], String?) -> Void
    ) async -> EmulatorAnswer {
        let payload: FileContainerState.Payload
        switch await takeBatchContainer(fileId, organizationId: scope.organizationId) {
        case .failure(let refusal): return refusal.answer
        case .success(let taken): payload = taken
        }
        switch payload {
        case .summary(let summary):
            await applyOnService { applySummary($0, summary) }
        case .content(let data):
            var entries: [Entry] = []
            let malformed = scan(data) { entries.append($0) }
            let scanned = entries
            await applyOnService { apply($0, scanned, malformed) }
        }
        return .accepted
    }

    /// Runs `change` on the actor.
    private func applyOnService(_ change: @Sendable (isolated InMemoryPushService) -> Void) {
        change(self)
    }

    func applyItemBatch(
        _ entries: [EmulatorBatchScanner.ItemEntry], malformed: String?, _ scope: ScopedKey, fileId: String,
        orderingId: Int64?
    ) {
        guard admitBatch(counting: \.itemBatches, malformed: malformed, scope, fileId: fileId) else { return }
        let time = orderingId ?? receiptTime()
        for entry in entries {
            switch entry {
            case .upsert(let draft):
                upsertItem(draft, scope, orderingId: time, fileId: fileId, section: "addOrUpdate")
            case .delete(let documentId, let deleteChildren):
                deleteItem(documentId, deleteChildren: deleteChildren, scope, orderingId: time)
            case .dropped(let section, let identifier, let rejection):
                recordDrop(
                    DroppedItem(
                        organizationId: scope.organizationId, targetId: scope.id, fileId: fileId, section: section,
                        identifier: identifier, reason: rejection.reason, message: rejection.message))
            }
        }
    }

    func applyItemSummary(_ tally: ContainerSummary.Tally, _ scope: ScopedKey, fileId: String) {
        guard admitBatch(counting: \.itemBatches, malformed: tally.malformed, scope, fileId: fileId) else { return }
        counts.acceptedItems += tally.upserts
        counts.deletedItems += tally.deletes
        recordDrops(tally.dropped, scope, fileId: fileId)
    }

    /// Counts a batch under `counter`; a malformed one is recorded as dropped and is not applied (`false`).
    func admitBatch(
        counting counter: WritableKeyPath<EmulatorCounters, Int>, malformed: String?, _ scope: ScopedKey,
        fileId: String
    ) -> Bool {
        counts[keyPath: counter] += 1
        if counter == \.itemBatches {
            logOperation(scope, id: fileId, .consumingBatch, .batchFile, malformed == nil ? .completed : .rejected)
        }
        guard let malformed else { return true }
        recordMalformedBatch(malformed, scope, fileId: fileId)
        return false
    }

    func recordMalformedBatch(_ reason: String, _ scope: ScopedKey, fileId: String) {
        recordDrop(
            DroppedItem(
                organizationId: scope.organizationId, targetId: scope.id, fileId: fileId,
                reason: .malformedBatchFile, message: "the batch file is not a JSON object of arrays: \(reason)"))
    }

    func recordDrops(
        _ drops: [(section: String, identifier: String?, rejection: EntryRejection)], _ scope: ScopedKey,
        fileId: String
    ) {
        for drop in drops {
            recordDrop(
                DroppedItem(
                    organizationId: scope.organizationId, targetId: scope.id, fileId: fileId, section: drop.section,
                    identifier: drop.identifier, reason: drop.rejection.reason, message: drop.rejection.message))
        }
    }
}

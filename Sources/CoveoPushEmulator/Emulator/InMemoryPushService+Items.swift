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
        var source = sources[scope, default: SourceState()]
        defer { sources[scope] = source }
        if orderingId < source.watermark || (source.items[draft.documentId]?.orderingId ?? .min) > orderingId
            || (source.deletions[draft.documentId] ?? .min) > orderingId
        {
            counts.staleEntries += 1
            return false
        }
        let resolved: (kind: EmulatedItem.ContentKind, content: Data?, opaque: Bool)
        switch draft.content {
        case .none:
            resolved = (.none, nil, false)
        case .data(let text):
            resolved = (.data, Data(text.utf8), false)
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
        source.items[draft.documentId] = draft.item(
            organizationId: scope.organizationId, sourceId: scope.id, orderingId: orderingId, kind: resolved.kind,
            content: resolved.content, opaque: resolved.opaque)
        source.deletions[draft.documentId] = nil
        counts.acceptedItems += 1
        return true
    }

    /// Deletes an item (and its children) unless it was updated with a higher orderingId.
    func deleteItem(_ documentId: String, deleteChildren: Bool, _ scope: ScopedKey, orderingId: Int64) {
        if configuration.discardContent {
            counts.deletedItems += 1
            return
        }
        var source = sources[scope, default: SourceState()]
        defer { sources[scope] = source }
        if orderingId < source.watermark || (source.items[documentId]?.orderingId ?? .min) > orderingId {
            counts.staleEntries += 1
            return
        }
        counts.deletedItems += 1
        if source.items.removeValue(forKey: documentId) != nil { counts.removedItems += 1 }
        source.deletions[documentId] = max(source.deletions[documentId] ?? .min, orderingId)
        guard deleteChildren else { return }
        let children = source.items.values.filter { $0.parentId == documentId && $0.orderingId <= orderingId }
        for child in children {
            source.items[child.documentId] = nil
            source.deletions[child.documentId] = max(source.deletions[child.documentId] ?? .min, orderingId)
            counts.removedItems += 1
        }
    }

    /// Removes every item whose orderingId is strictly lower, and ignores later updates below it.
    func deleteItemsOlderThan(_ orderingId: Int64, _ scope: ScopedKey) {
        if configuration.discardContent { return }
        var source = sources[scope, default: SourceState()]
        let stale = source.items.values.filter { $0.orderingId < orderingId }
        for item in stale { source.items[item.documentId] = nil }
        counts.removedItems += stale.count
        source.watermark = max(source.watermark, orderingId)
        sources[scope] = source
    }

    /// `PUT documents/batch`: consumes the container, reads it outside the actor, applies it.
    nonisolated func pushItemBatch(_ scope: ScopedKey, fileId: String, orderingId: Int64?) async -> EmulatorAnswer {
        let payload: FileContainerState.Payload
        switch await takeBatchContainer(fileId, organizationId: scope.organizationId) {
        case .failure(let refusal): return refusal.answer
        case .success(let taken): payload = taken
        }
        switch payload {
        case .summary(let summary):
            await applyItemSummary(summary.asItems, scope, fileId: fileId)
        case .content(let data):
            var entries: [EmulatorBatchScanner.ItemEntry] = []
            let malformed = EmulatorBatchScanner.scanItems(data, limits: configuration.limits) { entries.append($0) }
            await applyItemBatch(entries, malformed: malformed, scope, fileId: fileId, orderingId: orderingId)
        }
        return .accepted
    }

    func applyItemBatch(
        _ entries: [EmulatorBatchScanner.ItemEntry], malformed: String?, _ scope: ScopedKey, fileId: String,
        orderingId: Int64?
    ) {
        counts.itemBatches += 1
        if let malformed {
            recordMalformedBatch(malformed, scope, fileId: fileId)
            return
        }
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
        counts.itemBatches += 1
        if let malformed = tally.malformed {
            recordMalformedBatch(malformed, scope, fileId: fileId)
            return
        }
        counts.acceptedItems += tally.upserts
        counts.deletedItems += tally.deletes
        recordDrops(tally.dropped, scope, fileId: fileId)
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

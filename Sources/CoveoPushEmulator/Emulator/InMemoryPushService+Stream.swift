import Foundation

/// The Stream API of Catalog sources and data collections. Items of a source land in the same store as pushed
/// items, so ``InMemoryPushService/items(organizationId:sourceId:)`` shows a catalog the same way; each data
/// collection has a store of its own (``InMemoryPushService/items(organizationId:dataCollectionId:)``), separate
/// from any source of the same ID, and its six routes behave exactly as the source routes below. That the service
/// applies data-collection streams like source streams is an assumption: Coveo's reference gives their paths and
/// parameters only.
///
/// - `stream/open` answers 201 with a stream ID and a first file container; `stream/{id}/chunk` answers 200 with
///   another. Both containers are uploaded to like those of `POST /files` (they do not count in
///   ``EmulatorCounters/fileContainers``). A stream ID unknown in that source, or closed, answers 404
///   `STREAM_NOT_FOUND`.
/// - `stream/{id}/close` (200) is a full load: the entries of the stream's uploaded containers are applied in the
///   order the containers were handed out, all with the close's receipt time as orderingId, then every item of the
///   source with a lower orderingId is removed (so items absent from the load disappear, and items pushed with a
///   higher explicit orderingId stay). A container never uploaded (or consumed by another request in between) is
///   ignored, and every container of the stream is consumed. A chunk that is not a JSON object of arrays is dropped
///   whole (``DroppedItem/Reason/malformedBatchFile``) and the load goes on without it. `partialUpdate` entries of a
///   load change only items the load added before them.
/// - `stream/update` (202) replaces whole items (`addOrUpdate`), deletes (`delete`) and applies `partialUpdate`
///   entries to existing items; a partial update of a missing item is dropped (``DroppedItem/Reason/missingItem``).
/// - `stream/merge` (202) is a shallow merge: a missing item is created; an existing one gets the entry's metadata,
///   content, permissions, `parentId` and `fileExtension` where the entry has them and keeps the rest.
/// - `stream/deleteolderthan/{cutoff}` (201) works as `documents/olderthan`: items with a lower orderingId are
///   removed and later updates below the cutoff are ignored.
///
/// Close, update, merge and delete-older-than answer `{"orderingId", "requestId"}`, the orderingId being the
/// receipt time they used. In discard mode, stream files are validated and counted and nothing is stored.
extension InMemoryPushService {
    /// A stream file as read outside the actor.
    enum StreamFile: Sendable {
        /// The entries of an uploaded file (normal mode), or why it is not a stream file.
        case entries([EmulatorStreamScanner.Entry], malformed: String?)
        /// What validating the upload found (discard mode).
        case tally(ContainerSummary.Tally)
    }

    /// How the `addOrUpdate` entries of a stream file apply.
    enum StreamApplication: Sendable {
        /// Full-document replacement (`stream/update`).
        case update
        /// Shallow merge (`stream/merge`).
        case merge
        /// Part of a full load (`stream/{id}/close`).
        case load
    }

    /// The IDs of the streams opened and not yet closed, sorted.
    public var openStreams: [String] { streams.filter { !$0.value.isClosed }.keys.sorted() }

    /// Applies a Stream API request. Files are read outside the actor.
    nonisolated func performStream(_ work: StreamWork, _ scope: ScopedKey) async -> EmulatorAnswer {
        let limits = configuration.limits
        switch work {
        case .open:
            return await openStream(scope)
        case .chunk(let streamId):
            return await streamChunk(streamId, scope)
        case .close(let streamId):
            let taken: [(fileId: String, payload: FileContainerState.Payload)]
            switch await takeStreamContainers(streamId, scope) {
            case .failure(let refusal): return refusal.answer
            case .success(let containers): taken = containers
            }
            let files = taken.map { (fileId: $0.fileId, file: Self.read($0.payload, limits: limits)) }
            return await applyLoad(files, scope)
        case .update(let fileId, _), .merge(let fileId):
            let payload: FileContainerState.Payload
            switch await takeBatchContainer(fileId, organizationId: scope.organizationId) {
            case .failure(let refusal): return refusal.answer
            case .success(let taken): payload = taken
            }
            let application: StreamApplication
            if case .merge = work { application = .merge } else { application = .update }
            return await applyStreamFile(Self.read(payload, limits: limits), application, scope, fileId: fileId)
        case .deleteOlderThan(let cutoff):
            return await deleteStreamOlderThan(cutoff, scope)
        }
    }

    static func read(_ payload: FileContainerState.Payload, limits: Limits) -> StreamFile {
        switch payload {
        case .summary(let summary):
            return .tally(summary.asStream)
        case .content(let data):
            var entries: [EmulatorStreamScanner.Entry] = []
            let malformed = EmulatorStreamScanner.scan(data, limits: limits) { entries.append($0) }
            return .entries(entries, malformed: malformed)
        }
    }

    // MARK: - Streams

    /// `stream/open`: a new stream and its first container.
    func openStream(_ scope: ScopedKey) -> EmulatorAnswer {
        let streamId = nextStreamIdentifier(salt: 0x5354_524D)
        let container = newFileContainer(organizationId: scope.organizationId)
        streams[streamId] = StreamState(scope: scope, fileIds: [container.fileId])
        counts.streamsOpened += 1
        return .success(
            201, json: Self.containerJSON(fileId: container.fileId, uploadUri: container.uploadUri, streamId: streamId))
    }

    /// `stream/{id}/chunk`: another container for an open stream.
    func streamChunk(_ streamId: String, _ scope: ScopedKey) -> EmulatorAnswer {
        guard var stream = streams[streamId], stream.scope == scope, !stream.isClosed else {
            return streamNotFound(streamId, scope)
        }
        let container = newFileContainer(organizationId: scope.organizationId)
        stream.fileIds.append(container.fileId)
        streams[streamId] = stream
        counts.streamChunks += 1
        return .success(200, json: Self.containerJSON(fileId: container.fileId, uploadUri: container.uploadUri))
    }

    /// Closes a stream and consumes its containers, returning the uploaded ones in order.
    func takeStreamContainers(
        _ streamId: String, _ scope: ScopedKey
    ) -> Result<[(fileId: String, payload: FileContainerState.Payload)], EmulatorRefusal> {
        guard var stream = streams[streamId], stream.scope == scope, !stream.isClosed else {
            return .failure(EmulatorRefusal(streamNotFound(streamId, scope)))
        }
        var taken: [(fileId: String, payload: FileContainerState.Payload)] = []
        for fileId in stream.fileIds where !consumedFileIds.contains(fileId) {
            guard let container = containers.removeValue(forKey: fileId) else { continue }
            consumedFileIds.insert(fileId)
            if let payload = container.payload { taken.append((fileId, payload)) }
        }
        stream.isClosed = true
        stream.fileIds = []
        streams[streamId] = stream
        return .success(taken)
    }

    /// Applies the files of a closed stream as the source's whole content.
    func applyLoad(_ files: [(fileId: String, file: StreamFile)], _ scope: ScopedKey) -> EmulatorAnswer {
        counts.streamsClosed += 1
        let time = receiptTime()
        for (fileId, file) in files {
            applyStreamEntries(file, .load, scope, fileId: fileId, orderingId: time)
        }
        if !configuration.discardContent, sources[scope] != nil {
            let removed = withItems(of: scope) { items in
                items.removeAll(deletedAt: time) { $0.orderingId < time }
            }
            counts.removedItems += removed.count
            for documentId in removed { logRemoved(scope, id: documentId) }
        }
        return streamResult(200, orderingId: time)
    }

    func streamNotFound(_ streamId: String, _ scope: ScopedKey) -> EmulatorAnswer {
        let detail = streams[streamId]?.isClosed == true ? "was closed" : "is not open"
        return .error(
            404, "STREAM_NOT_FOUND",
            "Stream '\(streamId)' of \(scope.targetDescription) in organization '\(scope.organizationId)' \(detail).")
    }

    // MARK: - Update, merge, delete older than

    /// `stream/update` and `stream/merge`: applies one file with the receipt time as orderingId.
    func applyStreamFile(
        _ file: StreamFile, _ application: StreamApplication, _ scope: ScopedKey, fileId: String
    ) -> EmulatorAnswer {
        if application == .merge { counts.streamMerges += 1 } else { counts.streamUpdates += 1 }
        let time = receiptTime()
        applyStreamEntries(file, application, scope, fileId: fileId, orderingId: time)
        return streamResult(202, orderingId: time)
    }

    /// `stream/deleteolderthan/{cutoff}`.
    func deleteStreamOlderThan(_ cutoff: Int64, _ scope: ScopedKey) -> EmulatorAnswer {
        let time = receiptTime()
        deleteItemsOlderThan(cutoff, scope)
        return streamResult(201, orderingId: time)
    }

    private func applyStreamEntries(
        _ file: StreamFile, _ application: StreamApplication, _ scope: ScopedKey, fileId: String, orderingId: Int64
    ) {
        switch file {
        case .tally(let tally):
            if let malformed = tally.malformed {
                recordMalformedBatch(malformed, scope, fileId: fileId)
                return
            }
            counts.acceptedItems += tally.upserts
            counts.deletedItems += tally.deletes
            counts.partialUpdates += tally.partialUpdates
            recordDrops(tally.dropped, scope, fileId: fileId)
        case .entries(let entries, let malformed):
            if let malformed {
                recordMalformedBatch(malformed, scope, fileId: fileId)
                return
            }
            for entry in entries {
                switch entry {
                case .upsert(let draft):
                    if application == .merge {
                        mergeItem(draft, scope, orderingId: orderingId, fileId: fileId)
                    } else {
                        upsertItem(draft, scope, orderingId: orderingId, fileId: fileId, section: "addOrUpdate")
                    }
                case .delete(let documentId, let deleteChildren):
                    deleteItem(documentId, deleteChildren: deleteChildren, scope, orderingId: orderingId)
                case .partialUpdate(let update):
                    applyPartialUpdate(
                        update, scope, orderingId: orderingId, fileId: fileId, loadedOnly: application == .load)
                case .dropped(let section, let identifier, let rejection):
                    recordDrops([(section, identifier, rejection)], scope, fileId: fileId)
                }
            }
        }
    }

    /// Shallow merge: creates the item, or sets the entry's fields on the stored one and keeps the others.
    private func mergeItem(_ draft: ItemDraft, _ scope: ScopedKey, orderingId: Int64, fileId: String) {
        let existing = sources[scope]?.items[draft.documentId]
        guard upsertItem(draft, scope, orderingId: orderingId, fileId: fileId, section: "addOrUpdate"),
            let existing, var merged = sources[scope]?.items[draft.documentId]
        else { return }
        if case .none = draft.content {
            merged.contentKind = existing.contentKind
            merged.compressionType = existing.compressionType
            merged.content = existing.content
            merged.isContentOpaque = existing.isContentOpaque
            merged.data = existing.data
        }
        var metadata = existing.metadata
        for (key, value) in draft.metadata {
            let folded = key.lowercased()
            for stored in Array(metadata.keys) where stored.lowercased() == folded { metadata[stored] = nil }
            metadata[key] = value
        }
        merged.metadata = metadata
        noteMetadataKeys(draft.metadata, organizationId: scope.organizationId)
        merged.permissionsJSON = draft.permissions ?? existing.permissionsJSON
        merged.parentId = draft.parentId ?? existing.parentId
        merged.fileExtension = draft.fileExtension ?? existing.fileExtension
        sources[scope]?.items.store(merged)
    }

    /// Applies a partial update to an existing item (in a load, to an item the load added).
    private func applyPartialUpdate(
        _ update: EmulatedPartialUpdate, _ scope: ScopedKey, orderingId: Int64, fileId: String, loadedOnly: Bool
    ) {
        if configuration.discardContent {
            counts.partialUpdates += 1
            return
        }
        func drop(_ rejection: EntryRejection) {
            recordDrop(
                DroppedItem(
                    organizationId: scope.organizationId, targetId: scope.id, fileId: fileId, section: "partialUpdate",
                    identifier: update.documentId, reason: rejection.reason, message: rejection.message))
        }
        guard orderingId >= sources[scope]?.watermark ?? .min else {
            counts.staleEntries += 1
            logEnded(scope, id: update.documentId, .update, .skipped, meta: ["reason": "staleOrderingId"])
            return
        }
        guard var item = sources[scope]?.items[update.documentId] else {
            drop(EntryRejection(.missingItem, "the source holds no item '\(update.documentId)'"))
            return
        }
        if loadedOnly, item.orderingId < orderingId {
            drop(EntryRejection(.missingItem, "the load added no item '\(update.documentId)' before this update"))
            return
        }
        guard item.orderingId <= orderingId else {
            counts.staleEntries += 1
            logEnded(scope, id: update.documentId, .update, .skipped, meta: ["reason": "staleOrderingId"])
            return
        }
        do throws(EntryRejection) {
            try update.apply(to: &item.metadata)
        } catch {
            drop(error)
            return
        }
        item.orderingId = orderingId
        withItems(of: scope) { $0.store(item) }
        counts.partialUpdates += 1
        logApplied(scope, id: update.documentId, .update)
    }

    // MARK: - Answers

    /// `{"orderingId": …, "requestId": "…"}`.
    private func streamResult(_ status: Int, orderingId: Int64) -> EmulatorAnswer {
        var writer = JSONWriter(capacity: 96)
        writer.beginObject()
        writer.key("orderingId")
        writer.integer(orderingId)
        writer.key("requestId")
        writer.string(nextStreamIdentifier(salt: 0x5245_5155))
        writer.endObject()
        return .success(status, json: String(decoding: writer.bytes, as: UTF8.self))
    }

    /// A UUID-shaped identifier derived from the seed, a salt and a counter, so runs are reproducible.
    private func nextStreamIdentifier(salt: UInt64) -> String {
        streamSequence += 1
        return Self.fileId(seed: configuration.faults.seed ^ FaultHash.mix(salt), sequence: streamSequence)
    }
}

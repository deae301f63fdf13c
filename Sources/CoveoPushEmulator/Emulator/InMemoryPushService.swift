import Foundation

/// An in-memory emulator of the Coveo Push API, usable as the ``Transport`` of a client: test a crawler offline,
/// then assert what the source holds.
///
/// It answers the Push API's item, file-container, upload, identity and status routes and the Stream API's routes
/// for Catalog sources and data collections (matched after `/push/v1` in the URL, whatever the host), validates
/// requests as the service does (`INVALID_JSON`, `MISSING_PARAMETER`, `INVALID_PARAMETER`, 413, 415, 401/403),
/// stores items with their decoded content, metadata, permissions and orderingId, and can inject deterministic
/// faults (``FaultPlan``).
/// Organizations, sources and providers are created on first use.
///
/// ```swift
/// let service = InMemoryPushService(configuration: .init(apiKey: "xx-key"), clock: testClock)
/// let client = PushClient(configuration: config, transport: service, clock: testClock)
/// try await crawler.run(with: client)
/// let items = await service.items(organizationId: "myorg", sourceId: "src")
/// #expect(items.map(\.documentId) == ["https://example.com/a", "https://example.com/b"])
/// #expect(await service.droppedItems.isEmpty)
/// ```
///
/// Behaviour worth knowing:
/// - **orderingId.** An update carries the orderingId sent, or the service's receipt time (milliseconds since
///   1970, see ``Configuration/currentDate``). An update or delete with a lower orderingId than the item's stored
///   one (or its deletion's) is ignored. Delete-older-than removes items whose orderingId is strictly lower, and,
///   as on the service, later updates below that orderingId are ignored too (a future value blocks the source).
///   `queueDelay` is checked but the delete is immediate. `deleteChildren` removes the items whose `parentId` is
///   the deleted ID.
/// - **Items refused downstream.** A bad item in an accepted request (no `documentId`, two kinds of content,
///   content that does not decode, over 5,000 permissions, nested metadata…) gets 202 like on the service, is not
///   stored, and is listed in ``droppedItems``. A batch file that is not a JSON object of arrays is dropped whole.
/// - **File containers.** `POST /files` answers 201 with an upload URL under ``Configuration/uploadBaseURL``
///   that carries a signature in its query. The upload must be a `PUT` with exactly the `requiredHeaders`, no
///   `Authorization` and no other `x-amz-` header, and the query intact, else 403 (S3-style XML); over
///   ``Limits/maxFileContainerBytes`` 413; more than ``Limits/fileContainerLifetime`` after creation 403. A
///   container is consumed by the first batch push or item that uses it: pushing the same `fileId` again answers
///   404 `FILE_CONTAINER_NOT_FOUND` (the service's behaviour is undocumented; this choice makes a client that
///   re-sends a consumed container find out). Pushing a container that was never uploaded also answers 404.
/// - **Faults.** Per-request decisions are keyed by route, by a key, and by the attempt number for that route and
///   key (throttled requests do not count as attempts). The key is the `documentId` for single item routes, the
///   `fileId` for batch pushes and uploads, `providerId/identityName` for single identity routes,
///   `organizationId/sourceId` (or `/providerId`) for status, delete-older-than, `stream/open` and
///   `stream/deleteolderthan`, the stream ID for `stream/{id}/chunk` and `close`, the `fileId` for `stream/update`
///   and `stream/merge`, and the organization for `POST /files`.
/// - **Stream API.** Items land in the same store as pushed items (``items(organizationId:sourceId:)``). Update,
///   merge and close answer the receipt time they used as `orderingId`. Closing a stream is a full load: the
///   entries of its uploaded chunks (the open answer's container counts as the first) are applied, then every item
///   of the source with a lower orderingId is removed; a chunk never uploaded is ignored. `stream/update` replaces
///   whole items and applies `partialUpdate` entries (operators compared ignoring case) to existing items only;
///   `stream/merge` sets the given fields of existing items and keeps the others. See
///   `InMemoryPushService+Stream.swift` for the details.
/// - **Data collections.** The six `data-collections/{dataCollectionId}/stream/…` routes behave as the source
///   routes (an assumption: Coveo documents their paths, not their semantics), on one store per data collection
///   (``items(organizationId:dataCollectionId:)``), never shared with a source of the same ID. They share the
///   source routes' ``EmulatedRoute`` cases, so a ``FaultPlan`` for `.updateStream` covers both.
/// - **Logs API.** `POST /logs/v1/organizations/{o}` serves the entries the emulator writes as it applies items
///   (see `InMemoryPushService+Logs.swift`); ``Configuration/indexing`` delays indexing and refuses items
///   downstream while the Push API still answers 202.
/// - **Platform API.** Fields (starting with an organization's standard ones), Push and Catalog sources, security
///   providers and privilege evaluation, at `/rest/…` (see `InMemoryPushService+Platform.swift`). A source created
///   there is the source the Push routes push to; pushing to a source never created still works.
///   ``Configuration/deniedPrivileges`` makes privileges evaluate false and the routes needing them answer 403.
/// - **Unsupported.** The legacy `push.cloud.coveo.com/v1` paths (no `/push` segment) answer 404.
public actor InMemoryPushService: Transport {
    /// The configuration the service was created with.
    public nonisolated let configuration: Configuration

    nonisolated let clock: EmulatorClock
    nonisolated let preparer: RequestPreparer
    nonisolated let uploadPath: [String]
    let originMilliseconds: Int64

    var sources: [ScopedKey: SourceState] = [:]
    var providers: [ScopedKey: ProviderState] = [:]
    var containers: [String: FileContainerState] = [:]
    var consumedFileIds: Set<String> = []
    var attempts: [String: Int] = [:]
    var throttleWindow: Int64 = -1
    var throttleCount = 0
    var lastReceipt: Int64 = .min
    var containerSequence: UInt64 = 0
    var streams: [String: StreamState] = [:]
    var streamSequence: UInt64 = 0
    var log: [EmulatedRequest] = []
    var dropped: [DroppedItem] = []
    var logBook = LogBook()
    var counts = EmulatorCounters()
    var faultTally = FaultCounts()
    /// The Platform API's fields, sources and providers, and the metadata keys seen (`+Platform.swift`).
    var platform = PlatformState()

    /// Creates an empty service.
    ///
    /// - Parameters:
    ///   - configuration: Authentication, upload URL base, faults, discard mode and limits.
    ///   - clock: The clock for throttling windows, latency, container expiry and receipt times; pass a test clock
    ///     so nothing waits in real time.
    public init(configuration: Configuration = Configuration(), clock: any Clock<Duration> = ContinuousClock()) {
        self.configuration = configuration
        self.clock = EmulatorClock(clock)
        preparer = RequestPreparer(configuration: configuration)
        uploadPath = EmulatorRouter.segments(of: configuration.uploadBaseURL)?.filter { !$0.isEmpty } ?? []
        originMilliseconds = Self.epochMilliseconds(configuration.currentDate())
    }

    // MARK: - Inspection

    /// The items of a source, sorted by document ID.
    ///
    /// - Parameters:
    ///   - organizationId: The organization, or `nil` for the source of that ID in every organization.
    ///   - sourceId: The source.
    public func items(organizationId: String? = nil, sourceId: String) -> [EmulatedItem] {
        items(organizationId: organizationId, id: sourceId, isDataCollection: false)
    }

    /// One item of a source, or `nil` when the source does not hold it.
    public func item(_ documentId: String, organizationId: String? = nil, sourceId: String) -> EmulatedItem? {
        item(documentId, organizationId: organizationId, id: sourceId, isDataCollection: false)
    }

    /// The items of a data collection (loaded through its Stream API routes), sorted by document ID. An item's
    /// ``EmulatedItem/sourceId`` is then the data collection's ID.
    ///
    /// - Parameters:
    ///   - organizationId: The organization, or `nil` for the data collection of that ID in every organization.
    ///   - dataCollectionId: The data collection.
    public func items(organizationId: String? = nil, dataCollectionId: String) -> [EmulatedItem] {
        items(organizationId: organizationId, id: dataCollectionId, isDataCollection: true)
    }

    /// One item of a data collection, or `nil` when the data collection does not hold it.
    public func item(_ documentId: String, organizationId: String? = nil, dataCollectionId: String) -> EmulatedItem? {
        item(documentId, organizationId: organizationId, id: dataCollectionId, isDataCollection: true)
    }

    /// How many items a source holds and the first `limit` of them by document ID, without sorting or copying
    /// them all (a source may hold millions).
    package func itemSample(sourceId: String, limit: Int) -> (count: Int, first: [EmulatedItem]) {
        var count = 0
        var first: [EmulatedItem] = []
        for (key, state) in sources where key.id == sourceId && !key.isDataCollection {
            count += state.items.count
            for item in state.items.values
            where first.count < limit || first.last.map({ item.documentId < $0.documentId }) == true {
                let position = first.firstIndex { item.documentId < $0.documentId } ?? first.count
                first.insert(item, at: position)
                if first.count > limit { first.removeLast() }
            }
        }
        return (count, first)
    }

    /// One item looked up by ID in the matching sources or data collections (the lowest organization ID first).
    private func item(_ documentId: String, organizationId: String?, id: String, isDataCollection: Bool)
        -> EmulatedItem?
    {
        sources.filter {
            $0.key.id == id && $0.key.isDataCollection == isDataCollection
                && (organizationId == nil || $0.key.organizationId == organizationId)
        }
        .compactMap { $0.value.items[documentId] }
        .min { $0.organizationId < $1.organizationId }
    }

    private func items(organizationId: String?, id: String, isDataCollection: Bool) -> [EmulatedItem] {
        sources.filter {
            $0.key.id == id && $0.key.isDataCollection == isDataCollection
                && (organizationId == nil || $0.key.organizationId == organizationId)
        }
        .flatMap { $0.value.items.values }
        .sorted { ($0.documentId, $0.organizationId) < ($1.documentId, $1.organizationId) }
    }

    /// The security identities of a provider (empty when the provider was never used).
    ///
    /// - Parameters:
    ///   - provider: The security provider.
    ///   - organizationId: The organization, or `nil` for the first organization (by ID) using that provider.
    public func identities(provider: String, organizationId: String? = nil) -> EmulatedIdentities {
        let key = providers.keys.filter {
            $0.id == provider && (organizationId == nil || $0.organizationId == organizationId)
        }
        .min { $0.organizationId < $1.organizationId }
        guard let key, let state = providers[key] else {
            return EmulatedIdentities(organizationId: organizationId ?? "", providerId: provider)
        }
        return EmulatedIdentities(
            organizationId: key.organizationId, providerId: provider,
            members: state.members.sorted { $0.key < $1.key }.map(\.value.body),
            mappings: state.mappings.sorted { $0.key < $1.key }.map(\.value.body),
            deleted: state.deleted.sorted { $0.key < $1.key }.map(\.value.identity),
            olderThanDeletions: state.olderThanDeletions)
    }

    /// The status changes of a source, in the order received.
    public func statusHistory(sourceId: String, organizationId: String? = nil) -> [EmulatedStatusChange] {
        sources.filter {
            $0.key.id == sourceId && !$0.key.isDataCollection
                && (organizationId == nil || $0.key.organizationId == organizationId)
        }
        .sorted { $0.key.organizationId < $1.key.organizationId }
        .flatMap(\.value.statusHistory)
    }

    /// The most recent requests answered (at most ``Configuration/requestLogLimit``), oldest first. Holds no
    /// header and no body.
    public var requestLog: [EmulatedRequest] { Array(log.suffix(max(configuration.requestLogLimit, 0))) }

    /// The faults injected so far.
    public var faultCounts: FaultCounts { faultTally }

    /// The entries accepted with their request and then refused (at most ``Configuration/requestLogLimit``,
    /// oldest first; ``EmulatorCounters/droppedItems`` counts them all).
    public var droppedItems: [DroppedItem] { Array(dropped.suffix(max(configuration.requestLogLimit, 0))) }

    /// What the service received and did.
    public var counters: EmulatorCounters { counts }

    /// How many times a source's item table had to be copied whole (see ``ItemTable``); 0 unless storage leaks.
    package var itemTableCopies: Int { sources.values.reduce(0) { $0 + $1.items.copies } }

    /// The IDs of the file containers created and not yet consumed, sorted.
    public var openFileContainers: [String] { containers.keys.sorted() }

    // MARK: - Time

    static func epochMilliseconds(_ date: Date) -> Int64 {
        let value = (date.timeIntervalSince1970 * 1000).rounded(.down)
        guard value.isFinite else { return 0 }
        return Int64(max(Double(Int64.min / 2), min(Double(Int64.max / 2), value)))
    }

    /// The service's receipt time: the orderingId of updates sent without one. Always increases.
    func receiptTime() -> Int64 {
        let wall = Self.epochMilliseconds(configuration.currentDate())
        let (shifted, overflow) = originMilliseconds.addingReportingOverflow(
            EmulatorClock.milliseconds(clock.elapsed()))
        var time = max(wall, overflow ? wall : shifted)
        if lastReceipt != .min, time <= lastReceipt { time = lastReceipt &+ 1 }
        lastReceipt = time
        return time
    }

    func recordDrop(_ item: DroppedItem) {
        counts.droppedItems += 1
        dropped.append(item)
        logDrop(item)
        let limit = max(configuration.requestLogLimit, 1)
        if dropped.count > 2 * limit { dropped.removeFirst(dropped.count - limit) }
    }
}

import Foundation

extension InMemoryPushService {
    /// How the in-memory Push service behaves: authentication, where its upload URLs point, faults, discard mode
    /// and limits.
    ///
    /// Its description never shows the API key.
    public struct Configuration: Sendable, CustomStringConvertible, CustomDebugStringConvertible,
        CustomReflectable
    {
        /// The upload base URL used when none is given: `https://emulator.invalid/upload`.
        public static let defaultUploadBaseURL =
            URL(string: "https://emulator.invalid/upload") ?? URL(fileURLWithPath: "/emulator/upload")

        /// The only API key accepted, or `nil` to accept any `Bearer` token. A request without a well-formed
        /// `Authorization: Bearer …` header is always answered 401 `INVALID_TOKEN`; with a set key, another token
        /// is answered 403 `ACCESS_DENIED`.
        public var apiKey: String?
        /// Where the upload URLs of file containers point: `<uploadBaseURL>/<fileId>`. Uploads are recognised by
        /// the path of this URL, whatever the host (a loopback server sets it to its own base URL).
        public var uploadBaseURL: URL
        /// The faults to inject.
        public var faults: FaultPlan
        /// Discard mode: validate and count everything, store nothing (for benchmarks). Item, identity and
        /// container inspection then return nothing; counters, dropped entries and the request log still work.
        public var discardContent: Bool
        /// The size and time limits enforced.
        public var limits: Limits
        /// The wall clock, for the receipt time that becomes the orderingId of updates sent without one.
        ///
        /// The receipt time, in milliseconds since 1970, is the later of this clock and its reading at start-up
        /// plus the time elapsed on the injected clock; it always increases by at least 1 ms per request, like the
        /// service's. Pass a fixed date for fully deterministic orderingIds.
        public var currentDate: @Sendable () -> Date
        /// How many of the most recent requests the request log keeps.
        public var requestLogLimit: Int
        /// What happens to accepted items downstream: the indexing delay and refusals the Logs API reports.
        public var indexing: Indexing
        /// The privileges the key lacks: they evaluate `approved: false` (`OPERATION_NOT_ALLOWED`) and every route
        /// requiring one answers 403 `ACCESS_DENIED` (see ``EmulatedPrivilege``). Empty by default.
        public var deniedPrivileges: Set<EmulatedPrivilege> = []

        /// Creates a configuration.
        public init(
            apiKey: String? = nil, uploadBaseURL: URL = Configuration.defaultUploadBaseURL, faults: FaultPlan = .none,
            discardContent: Bool = false, limits: Limits = Limits(),
            currentDate: @escaping @Sendable () -> Date = { Date() }, requestLogLimit: Int = 100_000,
            indexing: Indexing = .immediate
        ) {
            self.apiKey = apiKey
            self.uploadBaseURL = uploadBaseURL
            self.faults = faults
            self.discardContent = discardContent
            self.limits = limits
            self.currentDate = currentDate
            self.requestLogLimit = requestLogLimit
            self.indexing = indexing
        }

        /// A summary with the API key redacted.
        public var description: String {
            let key = apiKey == nil ? "any" : "<redacted>"
            return "Configuration(apiKey: \(key), uploadBaseURL: \(uploadBaseURL.absoluteString), "
                + "discardContent: \(discardContent), faults: \(faults))"
        }

        /// Same as `description`.
        public var debugDescription: String { description }

        /// A mirror without the API key.
        public var customMirror: Mirror {
            Mirror(
                self,
                children: [
                    "apiKey": apiKey == nil ? "any" : "<redacted>", "uploadBaseURL": uploadBaseURL,
                    "faults": faults, "discardContent": discardContent, "limits": limits, "indexing": indexing,
                ])
        }
    }

    /// The limits the in-memory Push service enforces. Defaults are the service's (``PushLimits``); tests may
    /// lower them to exercise the limits with small payloads.
    public struct Limits: Sendable, Hashable {
        /// The largest single request body (items, identities, aliases); beyond it 413.
        public var maxRequestBytes: Int
        /// The largest `data` text, in UTF-8 bytes; beyond it the item is dropped.
        public var maxDataBytes: Int
        /// The largest `compressedBinaryData`, counted as base64 text; beyond it the item is dropped.
        public var maxCompressedBinaryDataBytes: Int
        /// The largest upload into a file container; beyond it 413.
        public var maxFileContainerBytes: Int
        /// The largest decoded (inflated) content kept for one item; beyond it the item is dropped.
        public var maxDecodedContentBytes: Int
        /// The most permission identities one item may carry; beyond it the item is dropped.
        public var maxPermissionsPerItem: Int
        /// How long an upload URL stays valid after its container is created (on the injected clock).
        public var fileContainerLifetime: Duration

        /// Creates limits; every default is the real service's.
        public init(
            maxRequestBytes: Int = PushLimits.maxRequestBytes, maxDataBytes: Int = PushLimits.maxDataBytes,
            maxCompressedBinaryDataBytes: Int = PushLimits.maxCompressedBinaryDataBytes,
            maxFileContainerBytes: Int = PushLimits.maxFileContainerBytes,
            maxDecodedContentBytes: Int = PushLimits.maxFileContainerBytes,
            maxPermissionsPerItem: Int = PushLimits.maxPermissionsPerItem,
            fileContainerLifetime: Duration = .seconds(3600)
        ) {
            self.maxRequestBytes = maxRequestBytes
            self.maxDataBytes = maxDataBytes
            self.maxCompressedBinaryDataBytes = maxCompressedBinaryDataBytes
            self.maxFileContainerBytes = maxFileContainerBytes
            self.maxDecodedContentBytes = maxDecodedContentBytes
            self.maxPermissionsPerItem = maxPermissionsPerItem
            self.fileContainerLifetime = fileContainerLifetime
        }
    }
}

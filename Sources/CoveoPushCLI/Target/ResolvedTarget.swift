import CoveoPush
import CoveoPushEmulator
import Foundation

/// Where a subcommand sends its requests, once options and environment are resolved.
struct ResolvedTarget: Sendable {
    /// The organization and source the built-in emulator uses when no target is given.
    static let emulatorOrganization = "emulator-organization"
    static let emulatorSource = "emulator-source"
    static let emulatorProvider = "emulator-provider"

    let endpoint: PushEndpoint
    let organizationId: String
    /// The source, when the subcommand needs one.
    let sourceId: String
    /// The security identity provider, when the subcommand needs one.
    let providerId: String
    /// The data collection, when a catalog subcommand was given `--data-collection` (then ``sourceId`` is empty).
    var dataCollectionId = ""
    let apiKey: APIKey
    /// The in-process emulator when no target was given at all.
    let embeddedEmulator: InMemoryPushService?
    /// The Platform API base URL given by `--platform-url` or `COVEO_PLATFORM_URL`; `nil` lets the SDK derive it.
    var platformURL: URL? = nil
    /// The Logs API base URL given by `--logs-url` or `COVEO_LOGS_URL`; `nil` lets the SDK derive it.
    var logsURL: URL? = nil

    /// What a catalog subcommand's Stream API requests address: the data collection when one was given, else the
    /// source.
    var streamTarget: StreamTarget {
        dataCollectionId.isEmpty ? .source(sourceId) : .dataCollection(dataCollectionId)
    }
}

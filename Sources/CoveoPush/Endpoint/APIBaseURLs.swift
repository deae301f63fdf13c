import Foundation

/// The base URL of each Coveo API for one configuration: the Push endpoint, and the Platform and Logs URLs, given
/// or derived from it. A URL that can be neither given nor derived is kept as the error that names the setting, so
/// only the requests that need it fail.
///
/// The rule, for the Platform API (the Logs API follows the same rule with ``PushClient/Configuration/logsURL``):
///
/// 1. an explicit ``PushClient/Configuration/platformURL``;
/// 2. else derived from the Push endpoint (``PushEndpoint/derivedPlatformBaseURL``): a Coveo host of the same
///    region and environment, or the origin of a loopback URL;
/// 3. else ``ValidationError/Rule/missingSetting`` naming `platformURL`.
///
/// The Logs API can also be derived from an explicit Platform URL of a Coveo host or a loopback host.
package struct APIBaseURLs: Sendable {
    /// The Push API endpoint.
    let endpoint: PushEndpoint
    let platform: Result<URL, ValidationError>
    let logs: Result<URL, ValidationError>

    /// Resolves the three base URLs.
    ///
    /// - Throws: ``ValidationError`` when an explicit URL is not acceptable (`http` to a non-loopback host, a query,
    ///   credentials), or when an explicit Platform or Logs URL of a Coveo host names another region or
    ///   environment than the Push endpoint (``ValidationError/Rule/conflictingSettings``).
    init(endpoint: PushEndpoint, platformURL: URL?, logsURL: URL?) throws(ValidationError) {
        let explicitPlatform = try platformURL.map { url throws(ValidationError) in
            try PushEndpoint.checkedCustomURL(url, setting: "platformURL")
        }
        let explicitLogs = try logsURL.map { url throws(ValidationError) in
            try PushEndpoint.checkedCustomURL(url, setting: "logsURL")
        }
        for (setting, url) in [("platformURL", explicitPlatform), ("logsURL", explicitLogs)] {
            guard let url, let given = url.host.flatMap(CoveoHost.init), url.scheme?.lowercased() == "https",
                let derived = endpoint.coveoHost
            else { continue }
            if given.environment != derived.environment || given.region != derived.region {
                throw ValidationError(
                    .conflictingSettings, .configuration(setting),
                    "\(setting) '\(url.absoluteString)' is in \(given.placeDescription), but the Push API endpoint "
                        + "'\(endpoint.baseURL.absoluteString)' is in \(derived.placeDescription)")
            }
        }
        self.init(endpoint: endpoint, checkedPlatformURL: explicitPlatform, checkedLogsURL: explicitLogs)
    }

    /// The base URLs derived from the Push endpoint alone.
    init(endpoint: PushEndpoint) {
        self.init(endpoint: endpoint, checkedPlatformURL: nil, checkedLogsURL: nil)
    }

    private init(endpoint: PushEndpoint, checkedPlatformURL explicitPlatform: URL?, checkedLogsURL explicitLogs: URL?) {
        self.endpoint = endpoint
        if let explicitPlatform {
            platform = .success(explicitPlatform)
        } else if let derived = endpoint.derivedPlatformBaseURL {
            platform = .success(derived)
        } else {
            platform = .failure(Self.missing("platformURL", "Platform", endpoint: endpoint))
        }
        if let explicitLogs {
            logs = .success(explicitLogs)
        } else if let derived = endpoint.derivedLogsBaseURL {
            logs = .success(derived)
        } else if let explicitPlatform, let derived = Self.logsURL(fromPlatformURL: explicitPlatform) {
            logs = .success(derived)
        } else {
            logs = .failure(Self.missing("logsURL", "Logs", endpoint: endpoint))
        }
    }

    /// The base URL of `api`.
    ///
    /// - Throws: ``ValidationError/Rule/missingSetting`` when it can be neither given nor derived.
    func baseURL(for api: CoveoAPI) throws(ValidationError) -> URL {
        switch api {
        case .push: return endpoint.baseURL
        case .platform: return try platform.get()
        case .logs: return try logs.get()
        }
    }

    /// The Logs URL that goes with a Platform URL of a Coveo host (`api…/logs/v1`) or a loopback host (its origin's
    /// `/logs/v1`).
    private static func logsURL(fromPlatformURL url: URL) -> URL? {
        if url.scheme?.lowercased() == "https", let host = url.host.flatMap(CoveoHost.init) { return host.logsBaseURL }
        return CoveoHost.loopbackOrigin(of: url)?.appendingPathComponent("logs").appendingPathComponent("v1")
    }

    private static func missing(_ setting: String, _ api: String, endpoint: PushEndpoint) -> ValidationError {
        ValidationError(
            .missingSetting, .configuration(setting),
            "the \(api) API URL cannot be derived from the custom Push API endpoint '\(endpoint.baseURL.absoluteString)' "
                + "(neither a Coveo host nor a loopback host); set \(setting)")
    }
}

import Foundation

extension PushEndpoint {
    /// The Platform API base URL that goes with this Push endpoint, or `nil` when it cannot be derived.
    ///
    /// | Push endpoint | Platform API base URL |
    /// |---|---|
    /// | `https://api[-ca\|-eu\|-au].cloud.coveo.com/push/v1` | `https://platform[-ca\|-eu\|-au].cloud.coveo.com` |
    /// | `https://apihipaa.cloud.coveo.com/push/v1` | `https://platformhipaa.cloud.coveo.com` |
    /// | a loopback URL, `http://127.0.0.1:PORT/push/v1` (an emulated Coveo) | its origin, `http://127.0.0.1:PORT` |
    /// | any other custom URL | `nil`: set ``PushClient/Configuration/platformURL`` |
    ///
    /// Platform request paths start with `/rest/…` and are appended to this URL.
    public var derivedPlatformBaseURL: URL? {
        if let coveoHost { return coveoHost.platformBaseURL }
        return CoveoHost.loopbackOrigin(of: baseURL)
    }

    /// The Logs API base URL that goes with this Push endpoint, or `nil` when it cannot be derived.
    ///
    /// | Push endpoint | Logs API base URL |
    /// |---|---|
    /// | `https://api[-ca\|-eu\|-au].cloud.coveo.com/push/v1` | `https://api[-ca\|-eu\|-au].cloud.coveo.com/logs/v1` |
    /// | `https://apihipaa.cloud.coveo.com/push/v1` | `https://apihipaa.cloud.coveo.com/logs/v1` |
    /// | a loopback URL, `http://127.0.0.1:PORT/push/v1` | `http://127.0.0.1:PORT/logs/v1` |
    /// | any other custom URL | `nil`: set ``PushClient/Configuration/logsURL`` |
    public var derivedLogsBaseURL: URL? {
        if let coveoHost { return coveoHost.logsBaseURL }
        return CoveoHost.loopbackOrigin(of: baseURL)?.appendingPathComponent("logs").appendingPathComponent("v1")
    }

    /// The Coveo host of this endpoint, when it is one of Coveo's cloud hosts.
    var coveoHost: CoveoHost? {
        guard baseURL.scheme?.lowercased() == "https", let host = baseURL.host else { return nil }
        return CoveoHost(host)
    }
}

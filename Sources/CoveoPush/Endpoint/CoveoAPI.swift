/// Which Coveo API a request goes to; each has its own base URL (see ``PushClient/Configuration/baseURL(for:)``).
///
/// | API | Base URL (US production) | Paths |
/// |---|---|---|
/// | ``push`` | `https://api.cloud.coveo.com/push/v1` | `/organizations/{org}/…` (Push and Stream APIs) |
/// | ``platform`` | `https://platform.cloud.coveo.com` | `/rest/organizations/{org}/…`, `/rest/privilege/evaluate` |
/// | ``logs`` | `https://api.cloud.coveo.com/logs/v1` | `/organizations/{org}…` |
public enum CoveoAPI: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The Push API and the Stream API.
    case push
    /// The Platform API: fields, sources, security identity providers, privilege evaluation.
    case platform
    /// The Logs API: what happened to pushed items.
    case logs

    /// `push`, `platform` or `logs`.
    public var description: String { rawValue }
}

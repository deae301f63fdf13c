import Foundation

/// The "Push API URL" shown in the Coveo console for a Push source, taken apart.
///
/// The console shows `https://api[-region].cloud.coveo.com/push/v1/organizations/{org}/sources/{source}/documents`
/// (with `apihipaa` on the HIPAA platform). Parsing it gives the organization and source IDs and the endpoint to
/// use, so a crawler can be configured with one copied value. A query string and any path after the source ID
/// (such as `/documents/batch`) are ignored.
///
/// ```swift
/// let url = try PushAPIURL(
///     "https://api-eu.cloud.coveo.com/push/v1/organizations/acme/sources/acme-x1y2z3/documents?documentId=a")
/// url.organizationId  // "acme"
/// url.sourceId        // "acme-x1y2z3"
/// url.region          // .eu
/// url.endpoint        // https://api-eu.cloud.coveo.com/push/v1
/// ```
public struct PushAPIURL: Sendable, Hashable {
    /// The organization ID.
    public let organizationId: String
    /// The source ID.
    public let sourceId: String
    /// The region named by the host.
    public let region: Region
    /// The environment named by the host.
    public let environment: PlatformEnvironment
    /// The endpoint of that region and environment.
    public let endpoint: PushEndpoint

    /// Parses a "Push API URL". Surrounding whitespace is ignored.
    ///
    /// - Parameter string: The URL copied from the console.
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/foreignHost`` when the host is not a Coveo
    ///   Push API host (`api…​.cloud.coveo.com`), ``ValidationError/Rule/insecureURL`` for `http`,
    ///   ``ValidationError/Rule/hipaaRegion`` for a HIPAA host with a region, and
    ///   ``ValidationError/Rule/invalidURL`` when the URL does not have the expected shape.
    public init(_ string: String) throws(ValidationError) {
        let subject = ValidationError.Subject.configuration("pushAPIURL")
        let text = string.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            let rawHost = components.host, !rawHost.isEmpty
        else {
            throw ValidationError(.invalidURL, subject, "'\(text)' is not an absolute URL")
        }
        if scheme == "http" {
            throw ValidationError(.insecureURL, subject, "the Push API URL must use https")
        }
        guard scheme == "https" else {
            throw ValidationError(.invalidURL, subject, "the scheme '\(scheme)' is not https")
        }
        guard components.port == nil || components.port == 443,
            let (environment, region) = Self.parseHost(rawHost.lowercased())
        else {
            throw ValidationError(
                .foreignHost, subject,
                "'\(rawHost)' is not a Coveo Push API host (api[-region].cloud.coveo.com)")
        }
        let (organizationId, sourceId) = try Self.parsePath(components.percentEncodedPath, subject: subject)
        self.organizationId = organizationId
        self.sourceId = sourceId
        self.region = region
        self.environment = environment
        endpoint = try PushEndpoint(region: region, environment: environment)
    }

    /// Reads `api` + environment + optional `-region` + `.cloud.coveo.com` (``CoveoHost``); `-us` is not written
    /// for production, so a host that has it is not one the console shows.
    private static func parseHost(_ host: String) -> (PlatformEnvironment, Region)? {
        guard let parsed = CoveoHost(host), parsed.family == .api else { return nil }
        if parsed.environment == .production && parsed.hasRegionSuffix && parsed.region == .us { return nil }
        return (parsed.environment, parsed.region)
    }

    /// Reads `/push/v1/organizations/{org}/sources/{source}[/…]`.
    private static func parsePath(_ path: String, subject: ValidationError.Subject) throws(ValidationError)
        -> (String, String)
    {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        let expected = "/push/v1/organizations/{organizationId}/sources/{sourceId}"
        guard segments.count >= 6,
            segments[0].lowercased() == "push", segments[1].lowercased() == "v1",
            segments[2].lowercased() == "organizations", segments[4].lowercased() == "sources"
        else {
            throw ValidationError(.invalidURL, subject, "the path '\(path)' does not start with \(expected)")
        }
        guard let organizationId = PercentEncoding.decode(segments[3]),
            let sourceId = PercentEncoding.decode(segments[5])
        else {
            throw ValidationError(.invalidURL, subject, "the path '\(path)' has malformed percent-escapes")
        }
        if organizationId.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(.invalidURL, subject, "the path '\(path)' has an empty organization ID")
        }
        if sourceId.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(.invalidURL, subject, "the path '\(path)' has an empty source ID")
        }
        return (organizationId, sourceId)
    }
}

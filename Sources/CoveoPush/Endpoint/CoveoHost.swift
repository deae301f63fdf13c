import Foundation

/// A host name of Coveo's cloud taken apart: `api[env][-region].cloud.coveo.com` (Push and Logs) or
/// `platform[env][-region].cloud.coveo.com` (Platform), and the hosts of the other APIs of the same place.
struct CoveoHost: Sendable, Hashable {
    /// Which family of host: the serverless `api` hosts or the `platform` hosts.
    enum Family: String, Sendable { case api, platform }

    var family: Family
    var environment: PlatformEnvironment
    var region: Region
    /// Whether the host names its region (`api-us…` does, `api…` does not).
    var hasRegionSuffix: Bool

    /// Reads a host name; `nil` when it is not one of Coveo's cloud hosts.
    init?(_ host: String) {
        let domain = ".cloud.coveo.com"
        var name = host.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        guard name.hasSuffix(domain) else { return nil }
        let label = String(name.dropLast(domain.count))
        guard !label.isEmpty, !label.contains(".") else { return nil }
        guard let family = [Family.platform, .api].first(where: { label.hasPrefix($0.rawValue) }) else { return nil }
        let pieces = label.dropFirst(family.rawValue.count)
            .split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let environmentPart = pieces.first ?? ""
        let regionPart = pieces.count > 1 ? pieces[1] : nil
        guard environmentPart.utf8.allSatisfy({ (0x61...0x7A).contains($0) }) else { return nil }
        if let regionPart {
            guard !regionPart.isEmpty,
                regionPart.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) })
            else { return nil }
        }
        self.family = family
        environment = environmentPart.isEmpty ? .production : PlatformEnvironment(rawValue: environmentPart)
        region = regionPart.map { Region(rawValue: $0) } ?? .us
        hasRegionSuffix = regionPart != nil
    }

    /// The host of `family` in this host's environment and region.
    func host(of family: Family) -> String {
        let environmentPart = environment == .production ? "" : environment.rawValue
        let regionPart = region == .us ? "" : "-" + region.rawValue
        return family.rawValue + environmentPart + regionPart + ".cloud.coveo.com"
    }

    /// `https://platform….cloud.coveo.com`, with no path.
    var platformBaseURL: URL? { URL(string: "https://" + host(of: .platform)) }

    /// `https://api….cloud.coveo.com/logs/v1`.
    var logsBaseURL: URL? { URL(string: "https://" + host(of: .api) + "/logs/v1") }

    /// `region`, plus the environment when it is not production: how errors name a place.
    var placeDescription: String {
        environment == .production ? "region \(region)" : "region \(region), environment \(environment)"
    }

    /// The origin (`scheme://host[:port]`) of a URL whose host is a loopback host, or `nil`.
    static func loopbackOrigin(of url: URL) -> URL? {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: true),
            let host = components.host, PushEndpoint.isLoopback(host: host)
        else { return nil }
        components.percentEncodedPath = ""
        components.percentEncodedQuery = nil
        components.percentEncodedFragment = nil
        components.user = nil
        components.password = nil
        return components.url
    }
}

import Foundation

/// The base URL every Push API and Stream API request starts from, such as `https://api.cloud.coveo.com/push/v1`.
///
/// Take a known region as is (``us``, ``ca``, ``eu``, ``au``, ``hipaa``: no `try`), resolve one from a region and
/// environment read at run time, parse it from the console's "Push API URL" (``PushAPIURL``), or give a custom
/// base URL (the `CoveoPushEmulator`'s loopback server, a proxy). Plain `http` is refused except for loopback
/// hosts, so an API key never travels unencrypted over a network.
///
/// ```swift
/// let eu = PushEndpoint.eu                                  // https://api-eu.cloud.coveo.com/push/v1
/// let ca = try PushEndpoint(region: Region(rawValue: name)) // https://api-ca.cloud.coveo.com/push/v1 for "ca"
/// let local = try PushEndpoint(baseURL: emulator.baseURL)   // http://127.0.0.1:PORT/push/v1
/// ```
public struct PushEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The base URL, without a trailing slash; request paths are appended to it.
    public let baseURL: URL

    /// The US production endpoint, `https://api.cloud.coveo.com/push/v1` (the same as ``us``).
    public static let production = PushEndpoint.us
    /// The US region, `https://api.cloud.coveo.com/push/v1`.
    public static let us = PushEndpoint(known: .us, .production)
    /// The Canada region, `https://api-ca.cloud.coveo.com/push/v1`.
    public static let ca = PushEndpoint(known: .ca, .production)
    /// The Europe region, `https://api-eu.cloud.coveo.com/push/v1`.
    public static let eu = PushEndpoint(known: .eu, .production)
    /// The Australia region, `https://api-au.cloud.coveo.com/push/v1`.
    public static let au = PushEndpoint(known: .au, .production)
    /// The HIPAA environment (US only), `https://apihipaa.cloud.coveo.com/push/v1`.
    public static let hipaa = PushEndpoint(known: .us, .hipaa)

    /// Resolves the endpoint of a region in an environment.
    ///
    /// The host is `api` + environment + (`-` + region, unless US) + `.cloud.coveo.com`, followed by `/push/v1`:
    ///
    /// | region | production | HIPAA |
    /// |---|---|---|
    /// | `.us` | `api.cloud.coveo.com` | `apihipaa.cloud.coveo.com` |
    /// | `.ca`, `.eu`, `.au` | `api-ca.cloud.coveo.com`, … | refused |
    ///
    /// - Parameters:
    ///   - region: The organization's region; US by default.
    ///   - environment: The platform; production by default.
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/hipaaRegion`` for HIPAA outside the US, or
    ///   ``ValidationError/Rule/invalidURL`` when a region or environment identifier is not made of letters and
    ///   digits.
    public init(region: Region = .us, environment: PlatformEnvironment = .production) throws(ValidationError) {
        for (name, identifier) in [("region", region.rawValue), ("environment", environment.rawValue)]
        where !Self.isHostLabelPart(identifier) {
            throw ValidationError(
                .invalidURL, .configuration(name),
                "'\(identifier)' is not a valid \(name) identifier (letters and digits only)")
        }
        if environment == .hipaa && region != .us {
            throw ValidationError(
                .hipaaRegion, .configuration("region"),
                "the HIPAA environment exists in the US region only, not '\(region.rawValue)'")
        }
        self.init(known: region, environment)
    }

    /// The endpoint of a region and environment already checked (letters and digits, HIPAA only in the US).
    private init(known region: Region, _ environment: PlatformEnvironment) {
        let suffix = region == .us ? "" : "-" + region.rawValue
        self.init(checkedBaseURL: Self.url(host: environment.hostPrefix + suffix + ".cloud.coveo.com"))
    }

    /// Uses a custom base URL, such as an emulator's or a proxy's.
    ///
    /// `https` is accepted for any host; plain `http` only for loopback hosts (`localhost`, `127.0.0.0/8`, `::1`).
    /// A trailing slash is removed. The URL may not carry a query, a fragment or user credentials.
    ///
    /// - Parameter baseURL: The URL that request paths (`/organizations/…`) are appended to.
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/insecureURL`` for `http` to a non-loopback
    ///   host, or ``ValidationError/Rule/invalidURL`` for another scheme, a missing host, a query, a fragment or
    ///   credentials.
    public init(baseURL: URL) throws(ValidationError) {
        self.init(checkedBaseURL: try Self.checkedCustomURL(baseURL, setting: "baseURL"))
    }

    /// Checks a custom base URL (`https`, or `http` to a loopback host; no credentials, query or fragment) and
    /// removes its trailing slashes. Shared by the Push endpoint and the Platform and Logs URLs of the configuration.
    ///
    /// - Parameters:
    ///   - baseURL: The URL to check.
    ///   - setting: The configuration setting it comes from, named in the errors.
    static func checkedCustomURL(_ baseURL: URL, setting: String) throws(ValidationError) -> URL {
        let subject = ValidationError.Subject.configuration(setting)
        guard let components = URLComponents(url: baseURL, resolvingAgainstBaseURL: true),
            let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty
        else {
            throw ValidationError(
                .invalidURL, subject, "'\(baseURL.absoluteString)' is not an absolute URL with a host")
        }
        guard scheme == "https" || scheme == "http" else {
            throw ValidationError(.invalidURL, subject, "the scheme '\(scheme)' is not supported; use https")
        }
        if scheme == "http" && !Self.isLoopback(host: host) {
            throw ValidationError(
                .insecureURL, subject,
                "plain http is only allowed to loopback hosts (localhost, 127.0.0.0/8, ::1), not '\(host)'; use https")
        }
        if components.user != nil || components.password != nil {
            throw ValidationError(.invalidURL, subject, "the \(setting) may not contain credentials")
        }
        if components.percentEncodedQuery != nil || components.percentEncodedFragment != nil {
            throw ValidationError(.invalidURL, subject, "the \(setting) may not have a query or a fragment")
        }
        var text = baseURL.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        guard let normalized = URL(string: text) else {
            throw ValidationError(.invalidURL, subject, "'\(baseURL.absoluteString)' is not a valid URL")
        }
        return normalized
    }

    private init(checkedBaseURL: URL) {
        baseURL = checkedBaseURL
    }

    /// The base URL as text.
    public var description: String { baseURL.absoluteString }

    /// `https://HOST/push/v1`, for a host made only of letters, digits, dots and hyphens.
    private static func url(host: String) -> URL {
        let text = "https://" + host + "/push/v1"
        // The host is validated by the callers, so parsing cannot fail; the fallback only keeps this total.
        return URL(string: text) ?? URL(fileURLWithPath: "/invalid-push-endpoint")
    }

    /// Whether an identifier can be part of a host label: ASCII letters and digits, at least one.
    private static func isHostLabelPart(_ text: String) -> Bool {
        !text.isEmpty
            && text.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte)
            }
    }

    /// Whether a host is a loopback host: `localhost`, an IPv4 address in `127.0.0.0/8`, or `::1`.
    package static func isLoopback(host: String) -> Bool {
        var name = host.lowercased()
        if name.hasPrefix("[") && name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if name.hasSuffix(".") { name.removeLast() }
        if name == "localhost" || name == "::1" || name == "0:0:0:0:0:0:0:1" { return true }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        var octets: [Int] = []
        for part in parts {
            guard (1...3).contains(part.count), part.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
                let value = Int(part), value <= 255
            else { return false }
            octets.append(value)
        }
        return octets.first == 127
    }
}

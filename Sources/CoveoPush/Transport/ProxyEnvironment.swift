import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The proxy variables libcurl reads from the process environment, and the changes the SDK and the command make to
/// them: on Linux, swift-corelibs-foundation leaves libcurl's proxy options unset, so these variables are the only
/// way to give `URLSession` a proxy there.
///
/// libcurl reads them each time it sets up a connection: `http_proxy` (lowercase only) for `http` URLs,
/// `https_proxy` then `HTTPS_PROXY` for `https` URLs, then `all_proxy` and `ALL_PROXY`; `no_proxy`, or `NO_PROXY`
/// when `no_proxy` is unset or empty, lists the hosts that never use a proxy. Every change is process-wide (every
/// session, every library of the process), and `setenv` is not safe while another thread reads the environment:
/// change them before requests start. Apple's URLSession ignores these variables.
package enum ProxyEnvironment {
    /// `no_proxy` entries for the loopback interface: `localhost`, `127.0.0.1`, `::1`, and `127.0.0.0/8` (libcurl
    /// matches addresses in that block from 7.86 on; earlier ones skip the entry). `localhost` does not match
    /// `127.0.0.1` in libcurl: names and addresses are compared as written.
    package static let loopbackHosts = ["localhost", "127.0.0.1", "::1", "127.0.0.0/8"]

    /// Sends `http` and `https` requests through `proxy`: sets `http_proxy` and `https_proxy` (the lowercase names
    /// win over `HTTPS_PROXY`, `all_proxy` and `ALL_PROXY`). Hosts listed in `no_proxy` or `NO_PROXY` still bypass it.
    package static func route(through proxy: HTTPProxy) {
        let value = proxy.revealedURLForEnvironment
        setenv("http_proxy", value, 1)
        setenv("https_proxy", value, 1)
    }

    /// Removes `no_proxy` and `NO_PROXY`, so that every host uses the proxy set.
    package static func removeExemptions() {
        unsetenv("no_proxy")
        unsetenv("NO_PROXY")
    }

    /// Adds `hosts` to the hosts that never use a proxy: writes `no_proxy` as the list libcurl reads now (`no_proxy`,
    /// or `NO_PROXY` when that is unset or empty) followed by the hosts it does not hold yet.
    package static func exempt(_ hosts: [String]) {
        let current = exemptions
        let listed = Set(current.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        let added = hosts.filter { !listed.contains($0.lowercased()) }
        guard !added.isEmpty else { return }
        let entries = current.split(separator: ",").map(String.init).filter { !$0.isEmpty } + added
        setenv("no_proxy", entries.joined(separator: ","), 1)
    }

    /// The `no_proxy` list libcurl uses now: `no_proxy`, or `NO_PROXY` when that is unset or empty; `""` for none.
    package static var exemptions: String {
        if let lower = variable("no_proxy"), !lower.isEmpty { return lower }
        return variable("NO_PROXY") ?? ""
    }

    private static func variable(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}

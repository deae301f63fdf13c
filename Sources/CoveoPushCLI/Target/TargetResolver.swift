import CoveoPush
import CoveoPushEmulator
import Foundation

/// Resolves the target of a subcommand from its options and the environment.
///
/// With no target option and no `COVEO_*` variable at all, the target is the built-in in-memory emulator. A
/// target that is given but incomplete is a ``UsageError`` naming what is missing, so a scheduled job with a
/// typo never "succeeds" against the emulator. Options win over environment variables.
struct TargetResolver {
    /// What the subcommand addresses besides the organization.
    enum Needs {
        case source
        /// A catalog source or a data collection (`--source` or `--data-collection`, not both).
        case sourceOrDataCollection
        case provider
        case organizationOnly
    }

    /// A target value and where it came from.
    private struct Given {
        /// The value, never empty.
        let value: String
        /// The option or environment variable that gave it, as the user wrote it: `--region`, `COVEO_REGION`.
        let origin: String
        /// Whether it came from the command line rather than from the environment.
        let isOption: Bool
    }

    let arguments: ParsedArguments
    let environment: [String: String]

    /// The target: the embedded emulator when nothing names one, otherwise the complete target given.
    ///
    /// The Platform and Logs URLs are given (`--platform-url`, `--logs-url` or their variables) or derived by the
    /// SDK from the Push endpoint (``PushClient/Configuration/baseURL(for:)``); `api` names the API the subcommand
    /// needs, so a subcommand that needs the Platform API refuses a target whose Platform URL cannot be derived.
    ///
    /// - Throws: ``UsageError`` for an incomplete target, an unusable value (naming the option or variable that
    ///   gave it), or values that disagree (naming where each came from).
    func resolve(needs: Needs, api: CoveoAPI = .push) throws(UsageError) -> ResolvedTarget {
        let dataCollection = try dataCollectionOption(needs: needs)
        if isEmpty {
            return try embeddedEmulator()
        }
        for option in TargetOptions.emulatorOptions where arguments.string(option) != nil {
            throw UsageError(
                "\(option) applies only to the built-in emulator, used when no target "
                    + "option and no COVEO_* variable is given")
        }
        var missing: [String] = []
        var organization = value(TargetOptions.organization)
        var source = value(TargetOptions.source)
        let endpoint: PushEndpoint
        // Where the endpoint came from, for the errors that name it.
        var endpointOrigin = "the default region us"
        let pushAPIURL = given(TargetOptions.pushAPIURL)
        let baseURL = given(TargetOptions.baseURL)
        if pushAPIURL != nil && arguments.string(TargetOptions.baseURL) != nil {
            throw UsageError("give either --push-api-url or --base-url, not both")
        }
        if let pushAPIURL {
            let parsed: PushAPIURL
            do {
                parsed = try PushAPIURL(pushAPIURL.value)
            } catch {
                throw UsageError("\(pushAPIURL.origin): \(error.message)")
            }
            try checkRegionAndEnvironment(against: parsed, from: pushAPIURL)
            organization = try reconcile(TargetOptions.organization, with: parsed.organizationId, from: pushAPIURL)
            source = try reconcile(TargetOptions.source, with: parsed.sourceId, from: pushAPIURL)
            endpoint = parsed.endpoint
            endpointOrigin = pushAPIURL.origin
        } else if let baseURL {
            guard let url = URL(string: baseURL.value) else {
                throw UsageError("\(baseURL.origin): '\(baseURL.value)' is not a URL")
            }
            do {
                endpoint = try PushEndpoint(baseURL: url)
            } catch {
                throw UsageError("\(baseURL.origin): \(error.message)")
            }
            try refuseRegionAndEnvironment(with: baseURL)
            endpointOrigin = baseURL.origin
        } else {
            endpoint = try regionalEndpoint()
            if let regionGiven = given(TargetOptions.region) {
                endpointOrigin = "\(regionGiven.origin) '\(regionGiven.value)'"
            } else if let environmentGiven = given(TargetOptions.environment) {
                endpointOrigin = "\(environmentGiven.origin) '\(environmentGiven.value)'"
            }
        }
        let platformURL = try url(TargetOptions.platformURL)
        let logsURL = try url(TargetOptions.logsURL)
        if organization == nil { missing.append("the organization (--organization or COVEO_ORGANIZATION_ID)") }
        let keyText = value(TargetOptions.apiKey)
        if keyText == nil { missing.append("the API key (COVEO_API_KEY or --api-key)") }
        let provider = value(TargetOptions.provider)
        if dataCollection != nil { source = nil }
        switch needs {
        case .source where source == nil:
            missing.append("the source (--source or COVEO_SOURCE_ID)")
        case .sourceOrDataCollection where source == nil && dataCollection == nil:
            missing.append("the source or data collection (--source, COVEO_SOURCE_ID or --data-collection)")
        case .provider where provider == nil:
            missing.append("the security identity provider (--provider)")
        default:
            break
        }
        guard missing.isEmpty, let organization, let keyText else {
            throw UsageError("incomplete target: missing " + missing.joined(separator: ", "))
        }
        let apiKey: APIKey
        do {
            apiKey = try APIKey(keyText)
        } catch {
            throw UsageError("the API key is not usable: \(error.message)")
        }
        var configuration = PushClient.Configuration(
            endpoint: endpoint, organizationId: organization, credentials: .apiKey(apiKey))
        configuration.platformURL = platformURL?.url
        configuration.logsURL = logsURL?.url
        try checkBaseURLs(
            configuration, api: api, platform: platformURL?.given, logs: logsURL?.given, endpointOrigin: endpointOrigin)
        return ResolvedTarget(
            endpoint: endpoint, organizationId: organization, sourceId: source ?? "", providerId: provider ?? "",
            dataCollectionId: dataCollection ?? "", apiKey: apiKey, embeddedEmulator: nil,
            platformURL: platformURL?.url, logsURL: logsURL?.url)
    }

    /// A `--platform-url` or `--logs-url` option (or its variable) read as a URL; its scheme and host are checked
    /// by the SDK in ``checkBaseURLs(_:api:platform:logs:endpointOrigin:)``.
    private func url(_ option: String) throws(UsageError) -> (url: URL, given: Given)? {
        guard let found = given(option) else { return nil }
        guard let url = URL(string: found.value), url.scheme != nil, url.host != nil else {
            // The value is not echoed: a mistyped URL may hold credentials.
            throw UsageError("\(found.origin) is not an absolute URL such as https://host[:port]")
        }
        return (url, found)
    }

    /// Checks the base URLs with the SDK's own rule (``PushClient/Configuration/baseURL(for:)``): the explicit
    /// Platform and Logs URLs always (`http` only to loopback, no contradiction with the Push endpoint's region),
    /// and that the URL of `api` can be given or derived.
    ///
    /// The SDK's ``ValidationError`` names its settings (`platformURL`); this names the options and variables.
    private func checkBaseURLs(
        _ configuration: PushClient.Configuration, api: CoveoAPI, platform: Given?, logs: Given?,
        endpointOrigin: String
    ) throws(UsageError) {
        do {
            _ = try configuration.baseURL(for: api)
        } catch {
            let isLogs: Bool
            if case .configuration(let setting) = error.subject {
                isLogs = setting == "logsURL"
            } else {
                isLogs = false
            }
            let option = isLogs ? TargetOptions.logsURL : TargetOptions.platformURL
            let given = isLogs ? logs : platform
            let origin = given?.origin ?? option
            let message = error.message.replacingOccurrences(of: isLogs ? "logsURL" : "platformURL", with: origin)
            switch error.rule {
            case .missingSetting:
                let variable = TargetOptions.variables[option] ?? option
                throw UsageError(
                    "this command needs the \(isLogs ? "Logs" : "Platform") API, whose URL cannot be derived from "
                        + "\(endpointOrigin) '\(configuration.endpoint.baseURL.absoluteString)' (neither a Coveo nor "
                        + "a loopback host): give \(option) (or \(variable))")
            case .conflictingSettings:
                throw UsageError("\(origin) disagrees with \(endpointOrigin): \(message)")
            default:
                throw UsageError("\(origin): \(message)")
            }
        }
    }

    /// The `--data-collection` option, which only catalog subcommands take and which replaces `--source`.
    ///
    /// A source given as an option or by `--push-api-url` next to it is refused, naming both; a `COVEO_SOURCE_ID`
    /// variable is ignored (options win over the environment).
    private func dataCollectionOption(needs: Needs) throws(UsageError) -> String? {
        guard let text = arguments.string(TargetOptions.dataCollection) else { return nil }
        guard needs == .sourceOrDataCollection else {
            throw UsageError("\(TargetOptions.dataCollection) only applies to the catalog subcommand")
        }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw UsageError("\(TargetOptions.dataCollection) needs a data collection ID, not an empty value")
        }
        for option in [TargetOptions.source, TargetOptions.pushAPIURL] where arguments.string(option) != nil {
            throw UsageError(
                "give either \(option) or \(TargetOptions.dataCollection), not both: "
                    + "\(TargetOptions.dataCollection) replaces the source")
        }
        return text
    }

    /// Whether no target option and no `COVEO_` variable was given (a provider alone names what to push, not
    /// where).
    var isEmpty: Bool {
        let options = TargetOptions.specs.map(\.name).filter {
            $0 != TargetOptions.provider && !TargetOptions.emulatorOptions.contains($0)
        }
        if options.contains(where: { arguments.string($0) != nil }) { return false }
        return !environment.keys.contains { $0.hasPrefix("COVEO_") }
    }

    /// The built-in in-memory emulator, with the `--provider` option if one was given and the privileges
    /// `--emulator-deny-privilege` denies.
    private func embeddedEmulator() throws(UsageError) -> ResolvedTarget {
        var configuration = InMemoryPushService.Configuration()
        if let denied = arguments.string(TargetOptions.emulatorDenyPrivilege) {
            configuration.deniedPrivileges = try DeniedPrivileges.parse(
                denied, option: TargetOptions.emulatorDenyPrivilege)
        }
        if let indexing = try EmulatorIndexing.builtIn.parse(arguments) { configuration.indexing = indexing }
        return ResolvedTarget(
            endpoint: .production, organizationId: ResolvedTarget.emulatorOrganization,
            sourceId: ResolvedTarget.emulatorSource,
            providerId: arguments.string(TargetOptions.provider) ?? ResolvedTarget.emulatorProvider,
            apiKey: "emulator-key", embeddedEmulator: InMemoryPushService(configuration: configuration))
    }

    /// The endpoint of the region (`--region` or `COVEO_REGION`, default US) and `--environment` (default
    /// production).
    private func regionalEndpoint() throws(UsageError) -> PushEndpoint {
        let regionGiven = given(TargetOptions.region)
        var region = Region.us
        if let regionGiven { region = try self.region(regionGiven) }
        var platform = PlatformEnvironment.production
        if let environmentGiven = given(TargetOptions.environment) { platform = try self.platform(environmentGiven) }
        do {
            return try PushEndpoint(region: region, environment: platform)
        } catch {
            throw UsageError("\(regionGiven?.origin ?? TargetOptions.region)/--environment: \(error.message)")
        }
    }

    /// Checks `--region` and `--environment` options against the region and environment a Push API URL names.
    ///
    /// A `COVEO_REGION` variable is ignored: the URL is more specific.
    private func checkRegionAndEnvironment(against parsed: PushAPIURL, from url: Given) throws(UsageError) {
        if let regionGiven = given(TargetOptions.region), regionGiven.isOption {
            let region = try self.region(regionGiven)
            if region != parsed.region {
                throw UsageError(
                    "\(regionGiven.origin) '\(region)' disagrees with \(url.origin), "
                        + "which names region '\(parsed.region)'")
            }
        }
        if let environmentGiven = given(TargetOptions.environment), environmentGiven.isOption {
            let platform = try self.platform(environmentGiven)
            if platform != parsed.environment {
                throw UsageError(
                    "\(environmentGiven.origin) '\(Self.name(platform))' disagrees with \(url.origin), "
                        + "which names environment '\(Self.name(parsed.environment))'")
            }
        }
    }

    /// Refuses `--region` and `--environment` options next to a base URL, which replaces both.
    ///
    /// A `COVEO_REGION` variable is ignored: the URL is more specific.
    private func refuseRegionAndEnvironment(with url: Given) throws(UsageError) {
        for option in [TargetOptions.region, TargetOptions.environment] {
            if let optionGiven = given(option), optionGiven.isOption {
                throw UsageError("\(option) does not apply with \(url.origin), which replaces region and environment")
            }
        }
    }

    /// The region a `--region` option or `COVEO_REGION` variable names; errors name where the value came from.
    private func region(_ regionGiven: Given) throws(UsageError) -> Region {
        let name = regionGiven.value.lowercased()
        guard ["us", "ca", "eu", "au"].contains(name) else {
            throw UsageError("\(regionGiven.origin) must be one of us, ca, eu, au, not '\(name)'")
        }
        return Region(rawValue: name)
    }

    /// The platform an `--environment` option names; errors name where the value came from.
    private func platform(_ environmentGiven: Given) throws(UsageError) -> PlatformEnvironment {
        switch environmentGiven.value.lowercased() {
        case "production": return .production
        case "hipaa": return .hipaa
        case let other: throw UsageError("\(environmentGiven.origin) must be production or hipaa, not '\(other)'")
        }
    }

    /// A platform as `--environment` spells it (`production` rather than the host's `prod`).
    private static func name(_ platform: PlatformEnvironment) -> String {
        platform == .production ? "production" : platform.rawValue
    }

    /// An option's value, or its environment variable's; empty values count as absent.
    private func value(_ option: String) -> String? {
        given(option)?.value
    }

    /// An option's value, or its environment variable's, with where it came from; empty values count as absent.
    private func given(_ option: String) -> Given? {
        if let text = arguments.string(option), !text.isEmpty {
            return Given(value: text, origin: option, isOption: true)
        }
        if let name = TargetOptions.variables[option], let text = environment[name], !text.isEmpty {
            return Given(value: text, origin: name, isOption: false)
        }
        return nil
    }

    /// The organization or source ID a Push API URL names, checked against `option` or its variable.
    ///
    /// A URL given as an option wins over a disagreeing variable (options win over the environment). Any other
    /// disagreement is refused, naming where each value came from: both given as options, both taken from the
    /// environment, or an option against a URL taken from the environment (a mixed target is almost surely wrong).
    private func reconcile(_ option: String, with named: String, from url: Given) throws(UsageError) -> String {
        guard let found = given(option), found.value != named else { return named }
        if url.isOption && !found.isOption { return named }
        throw UsageError("\(found.origin) '\(found.value)' disagrees with \(url.origin), which names '\(named)'")
    }
}

import CoveoPush
import CoveoPushTesting
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
        case provider
        case organizationOnly
    }

    let arguments: ParsedArguments
    let environment: [String: String]

    func resolve(needs: Needs) throws(UsageError) -> ResolvedTarget {
        if isEmpty {
            return try embeddedEmulator(needs: needs)
        }
        var missing: [String] = []
        var organization = value(TargetOptions.organization)
        var source = value(TargetOptions.source)
        let endpoint: PushEndpoint
        let pushAPIURL = value(TargetOptions.pushAPIURL)
        let baseURL = value(TargetOptions.baseURL)
        if pushAPIURL != nil && arguments.string(TargetOptions.baseURL) != nil {
            throw UsageError("give either --push-api-url or --base-url, not both")
        }
        if let pushAPIURL {
            let parsed: PushAPIURL
            do {
                parsed = try PushAPIURL(pushAPIURL)
            } catch {
                throw UsageError("--push-api-url: \(error.message)")
            }
            organization = try agreeing(organization, parsed.organizationId, TargetOptions.organization)
            source = try agreeing(source, parsed.sourceId, TargetOptions.source)
            endpoint = parsed.endpoint
        } else if let baseURL {
            guard let url = URL(string: baseURL) else { throw UsageError("--base-url: '\(baseURL)' is not a URL") }
            do {
                endpoint = try PushEndpoint(baseURL: url)
            } catch {
                throw UsageError("--base-url: \(error.message)")
            }
        } else {
            endpoint = try regionalEndpoint()
        }
        if organization == nil { missing.append("the organization (--organization or COVEO_ORGANIZATION_ID)") }
        let keyText = value(TargetOptions.apiKey)
        if keyText == nil { missing.append("the API key (COVEO_API_KEY or --api-key)") }
        let provider = value(TargetOptions.provider)
        switch needs {
        case .source where source == nil:
            missing.append("the source (--source or COVEO_SOURCE_ID)")
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
        return ResolvedTarget(
            endpoint: endpoint, organizationId: organization, sourceId: source ?? "", providerId: provider ?? "",
            apiKey: apiKey, embeddedEmulator: nil)
    }

    /// Whether no target option and no `COVEO_` variable was given (a provider alone names what to push, not
    /// where).
    var isEmpty: Bool {
        let options = TargetOptions.specs.map(\.name).filter { $0 != TargetOptions.provider }
        if options.contains(where: { arguments.string($0) != nil }) { return false }
        return !environment.keys.contains { $0.hasPrefix("COVEO_") }
    }

    private func embeddedEmulator(needs: Needs) throws(UsageError) -> ResolvedTarget {
        ResolvedTarget(
            endpoint: .production, organizationId: ResolvedTarget.emulatorOrganization,
            sourceId: ResolvedTarget.emulatorSource,
            providerId: arguments.string(TargetOptions.provider) ?? ResolvedTarget.emulatorProvider,
            apiKey: "emulator-key", embeddedEmulator: InMemoryPushService())
    }

    private func regionalEndpoint() throws(UsageError) -> PushEndpoint {
        let region = value(TargetOptions.region)?.lowercased() ?? "us"
        guard ["us", "ca", "eu", "au"].contains(region) else {
            throw UsageError("--region must be one of us, ca, eu, au, not '\(region)'")
        }
        let environmentName = arguments.string(TargetOptions.environment)?.lowercased() ?? "production"
        let platform: PlatformEnvironment
        switch environmentName {
        case "production": platform = .production
        case "hipaa": platform = .hipaa
        default: throw UsageError("--environment must be production or hipaa, not '\(environmentName)'")
        }
        do {
            return try PushEndpoint(region: Region(rawValue: region), environment: platform)
        } catch {
            throw UsageError("--region/--environment: \(error.message)")
        }
    }

    /// An option's value, or its environment variable's; empty values count as absent.
    private func value(_ option: String) -> String? {
        if let given = arguments.string(option), !given.isEmpty { return given }
        if let name = TargetOptions.variables[option], let given = environment[name], !given.isEmpty { return given }
        return nil
    }

    private func agreeing(_ given: String?, _ parsed: String, _ option: String) throws(UsageError) -> String {
        if let given, given != parsed {
            throw UsageError("\(option) '\(given)' disagrees with --push-api-url, which names '\(parsed)'")
        }
        return parsed
    }
}

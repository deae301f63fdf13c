import CoveoPush
import Testing

@testable import CoveoPushCLI

@Suite("TargetResolver")
struct InProcessTargetTests {
    static func resolve(_ words: [String], _ variables: [String: String] = [:], needs: TargetResolver.Needs = .source)
        throws(UsageError) -> ResolvedTarget
    {
        let arguments = try InProcessFixtures.parse(PushCommand.self, words)
        return try TargetResolver(arguments: arguments, environment: variables).resolve(needs: needs)
    }

    static func message(_ words: [String], _ variables: [String: String] = [:], needs: TargetResolver.Needs = .source)
        -> String?
    {
        do {
            _ = try resolve(words, variables, needs: needs)
            return nil
        } catch {
            return error.message
        }
    }

    static let euURL = "https://api-eu.cloud.coveo.com/push/v1/organizations/acme/sources/acme-src/documents"

    @Test("no target option and no COVEO_ variable: the embedded emulator; --provider alone keeps it")
    func embedded() throws {
        let target = try Self.resolve([], ["HOME": "/root", "PATH": "/bin"])
        #expect(target.embeddedEmulator != nil)
        #expect(target.organizationId == ResolvedTarget.emulatorOrganization)
        #expect(target.sourceId == ResolvedTarget.emulatorSource)
        let identities = try Self.resolve(["--provider", "ldap"], needs: .provider)
        #expect(identities.embeddedEmulator != nil)
        #expect(identities.providerId == "ldap")
    }

    @Test("any COVEO_ variable, even a misspelt or empty one, turns the emulator off")
    func anyVariable() {
        for variables in [["COVEO_ORGANISATION_ID": "acme"], ["COVEO_SOURCE_ID": ""], ["COVEO_": "x"]] {
            let message = Self.message([], variables)
            #expect(
                message
                    == "incomplete target: missing the organization (--organization or COVEO_ORGANIZATION_ID), "
                    + "the API key (COVEO_API_KEY or --api-key), the source (--source or COVEO_SOURCE_ID)")
        }
    }

    @Test("any target option turns the emulator off", arguments: [
        ["--region", "us"], ["--environment", "production"], ["--api-key", "k"], ["--source", "s"],
        ["--base-url", "https://proxy.example.com/push/v1"],
    ])
    func anyOption(words: [String]) {
        #expect(Self.message(words)?.hasPrefix("incomplete target: missing the organization") == true)
    }

    @Test("an incomplete target names exactly what is missing")
    func incomplete() {
        #expect(
            Self.message([], ["COVEO_API_KEY": "k", "COVEO_SOURCE_ID": "s"])
                == "incomplete target: missing the organization (--organization or COVEO_ORGANIZATION_ID)")
        #expect(
            Self.message(["--organization", "o", "--source", "s"])
                == "incomplete target: missing the API key (COVEO_API_KEY or --api-key)")
        #expect(
            Self.message(["--organization", "o"], ["COVEO_API_KEY": "k"])
                == "incomplete target: missing the source (--source or COVEO_SOURCE_ID)")
        #expect(
            Self.message(["--organization", "o"], ["COVEO_API_KEY": "k"], needs: .provider)
                == "incomplete target: missing the security identity provider (--provider)")
        // An empty value counts as absent.
        #expect(
            Self.message(["--organization="], ["COVEO_API_KEY": "k", "COVEO_SOURCE_ID": "s", "COVEO_ORGANIZATION_ID": ""])
                == "incomplete target: missing the organization (--organization or COVEO_ORGANIZATION_ID)")
    }

    @Test("--push-api-url gives the organization, the source and the region's endpoint")
    func pushAPIURL() throws {
        let target = try Self.resolve(["--push-api-url", Self.euURL], ["COVEO_API_KEY": "k"])
        #expect(target.organizationId == "acme")
        #expect(target.sourceId == "acme-src")
        #expect(target.endpoint.baseURL.absoluteString == "https://api-eu.cloud.coveo.com/push/v1")
        #expect(target.embeddedEmulator == nil)
        // Agreeing options are fine.
        let agreeing = try Self.resolve(
            ["--push-api-url", Self.euURL, "--organization", "acme", "--source", "acme-src"], ["COVEO_API_KEY": "k"])
        #expect(agreeing.organizationId == "acme")
    }

    @Test("--push-api-url disagreeing with --organization or --source, or not a Push API URL, is refused")
    func pushAPIURLErrors() {
        #expect(
            Self.message(["--push-api-url", Self.euURL, "--organization", "other"], ["COVEO_API_KEY": "k"])
                == "--organization 'other' disagrees with --push-api-url, which names 'acme'")
        #expect(
            Self.message(["--push-api-url", Self.euURL, "--source", "other"], ["COVEO_API_KEY": "k"])
                == "--source 'other' disagrees with --push-api-url, which names 'acme-src'")
        #expect(
            Self.message(["--push-api-url", "https://example.com/push/v1/organizations/a/sources/b"], ["COVEO_API_KEY": "k"])?
                .hasPrefix("--push-api-url: ") == true)
        #expect(
            Self.message(["--push-api-url", Self.euURL.replacingOccurrences(of: "https", with: "http")], ["COVEO_API_KEY": "k"])
                == "--push-api-url: the Push API URL must use https")
    }

    @Test("--base-url: https anywhere, http only to loopback, never together with --push-api-url")
    func baseURL() throws {
        let proxy = try Self.resolve(
            ["--base-url", "https://proxy.example.com/push/v1/", "--organization", "o", "--source", "s"], ["COVEO_API_KEY": "k"])
        #expect(proxy.endpoint.baseURL.absoluteString == "https://proxy.example.com/push/v1")
        let loopback = try Self.resolve(
            ["--organization", "o", "--source", "s"], ["COVEO_API_KEY": "k", "COVEO_PUSH_BASE_URL": "http://127.0.0.1:8080/push/v1"])
        #expect(loopback.endpoint.baseURL.absoluteString == "http://127.0.0.1:8080/push/v1")

        let insecure = Self.message(
            ["--base-url", "http://push.example.com/push/v1", "--organization", "o", "--source", "s"], ["COVEO_API_KEY": "k"])
        #expect(insecure?.hasPrefix("--base-url: plain http is only allowed to loopback hosts") == true)
        #expect(
            Self.message(["--base-url", "https://proxy.example.com", "--push-api-url", Self.euURL], ["COVEO_API_KEY": "k"])
                == "give either --push-api-url or --base-url, not both")
    }

    @Test("options win over the environment")
    func optionsWin() throws {
        let variables = [
            "COVEO_ORGANIZATION_ID": "env-org", "COVEO_SOURCE_ID": "env-src", "COVEO_API_KEY": "env-key",
            "COVEO_REGION": "au",
        ]
        let fromEnvironment = try Self.resolve([], variables)
        #expect(fromEnvironment.organizationId == "env-org")
        #expect(fromEnvironment.sourceId == "env-src")
        #expect(fromEnvironment.apiKey.revealedValueForAuthorizationHeader == "env-key")
        #expect(fromEnvironment.endpoint.baseURL.host == "api-au.cloud.coveo.com")

        let fromOptions = try Self.resolve(
            ["--organization", "opt-org", "--source", "opt-src", "--api-key", "opt-key", "--region", "CA"], variables)
        #expect(fromOptions.organizationId == "opt-org")
        #expect(fromOptions.sourceId == "opt-src")
        #expect(fromOptions.apiKey.revealedValueForAuthorizationHeader == "opt-key")
        #expect(fromOptions.endpoint.baseURL.host == "api-ca.cloud.coveo.com")
    }

    @Test("regions and environments: us by default, hipaa in the US only, anything else refused")
    func regions() throws {
        let full = ["--organization", "o", "--source", "s"]
        let variables = ["COVEO_API_KEY": "k"]
        #expect(try Self.resolve(full, variables).endpoint.baseURL.host == "api.cloud.coveo.com")
        #expect(try Self.resolve(full + ["--environment", "HIPAA"], variables).endpoint.baseURL.host == "apihipaa.cloud.coveo.com")
        #expect(Self.message(full + ["--region", "mars"], variables) == "--region must be one of us, ca, eu, au, not 'mars'")
        #expect(
            Self.message(full + ["--environment", "staging"], variables)
                == "--environment must be production or hipaa, not 'staging'")
        #expect(Self.message(full + ["--environment", "hipaa", "--region", "eu"], variables)?.hasPrefix("--region/--environment: ") == true)
        #expect(Self.message(full + ["--api-key", "two words"], [:])?.hasPrefix("the API key is not usable: ") == true)
    }

    static let hipaaURL = "https://apihipaa.cloud.coveo.com/push/v1/organizations/acme/sources/acme-src/documents"

    @Test("--push-api-url given as an option wins over disagreeing COVEO_ORGANIZATION_ID and COVEO_SOURCE_ID")
    func pushAPIURLWinsOverVariables() throws {
        let organizationOnly = try Self.resolve(
            ["--push-api-url", Self.euURL], ["COVEO_API_KEY": "k", "COVEO_ORGANIZATION_ID": "env-org"])
        #expect(organizationOnly.organizationId == "acme")
        #expect(organizationOnly.sourceId == "acme-src")
        let sourceOnly = try Self.resolve(
            ["--push-api-url", Self.euURL], ["COVEO_API_KEY": "k", "COVEO_SOURCE_ID": "env-src"])
        #expect(sourceOnly.organizationId == "acme")
        #expect(sourceOnly.sourceId == "acme-src")
        let both = try Self.resolve(
            ["--push-api-url", Self.euURL],
            ["COVEO_API_KEY": "k", "COVEO_ORGANIZATION_ID": "env-org", "COVEO_SOURCE_ID": "env-src"])
        #expect(both.organizationId == "acme")
        #expect(both.sourceId == "acme-src")
        #expect(both.endpoint.baseURL.absoluteString == "https://api-eu.cloud.coveo.com/push/v1")
        // An agreeing option beside a disagreeing variable: the option is what counts, and it agrees.
        let agreeingOption = try Self.resolve(
            ["--push-api-url", Self.euURL, "--organization", "acme"],
            ["COVEO_API_KEY": "k", "COVEO_ORGANIZATION_ID": "env-org"])
        #expect(agreeingOption.organizationId == "acme")
    }

    @Test("a disagreeing --organization or --source option is refused even when its variable agrees")
    func disagreeingOptionBesideAgreeingVariable() {
        let variables = ["COVEO_API_KEY": "k", "COVEO_ORGANIZATION_ID": "acme", "COVEO_SOURCE_ID": "acme-src"]
        #expect(
            Self.message(["--push-api-url", Self.euURL, "--organization", "other"], variables)
                == "--organization 'other' disagrees with --push-api-url, which names 'acme'")
        #expect(
            Self.message(["--push-api-url", Self.euURL, "--source", "other"], variables)
                == "--source 'other' disagrees with --push-api-url, which names 'acme-src'")
    }

    @Test("--region with --push-api-url: accepted when it names the URL's region, else refused naming both")
    func regionWithPushAPIURL() throws {
        let key = ["COVEO_API_KEY": "k"]
        for region in ["eu", "EU"] {
            let target = try Self.resolve(["--push-api-url", Self.euURL, "--region", region], key)
            #expect(target.endpoint.baseURL.absoluteString == "https://api-eu.cloud.coveo.com/push/v1")
            #expect(target.organizationId == "acme")
        }
        let hipaa = try Self.resolve(["--push-api-url", Self.hipaaURL, "--region", "us"], key)
        #expect(hipaa.endpoint.baseURL.absoluteString == "https://apihipaa.cloud.coveo.com/push/v1")
        #expect(
            Self.message(["--push-api-url", Self.euURL, "--region", "ca"], key)
                == "--region 'ca' disagrees with --push-api-url, which names region 'eu'")
        #expect(
            Self.message(["--push-api-url", Self.hipaaURL, "--region", "au"], key)
                == "--region 'au' disagrees with --push-api-url, which names region 'us'")
        #expect(
            Self.message(["--push-api-url", Self.euURL, "--region", "mars"], key)
                == "--region must be one of us, ca, eu, au, not 'mars'")
        // The option is checked even when COVEO_REGION agrees with the URL.
        #expect(
            Self.message(
                ["--push-api-url", Self.euURL, "--region", "ca"], ["COVEO_API_KEY": "k", "COVEO_REGION": "eu"])
                == "--region 'ca' disagrees with --push-api-url, which names region 'eu'")
    }

    @Test("--environment with --push-api-url: accepted when it names the URL's platform, else refused naming both")
    func environmentWithPushAPIURL() throws {
        let key = ["COVEO_API_KEY": "k"]
        let production = try Self.resolve(["--push-api-url", Self.euURL, "--environment", "production"], key)
        #expect(production.endpoint.baseURL.absoluteString == "https://api-eu.cloud.coveo.com/push/v1")
        let hipaa = try Self.resolve(["--push-api-url", Self.hipaaURL, "--environment", "HIPAA"], key)
        #expect(hipaa.endpoint.baseURL.absoluteString == "https://apihipaa.cloud.coveo.com/push/v1")
        #expect(hipaa.organizationId == "acme")
        #expect(
            Self.message(["--push-api-url", Self.euURL, "--environment", "hipaa"], key)
                == "--environment 'hipaa' disagrees with --push-api-url, which names environment 'production'")
        #expect(
            Self.message(["--push-api-url", Self.hipaaURL, "--environment", "production"], key)
                == "--environment 'production' disagrees with --push-api-url, which names environment 'hipaa'")
        #expect(
            Self.message(["--push-api-url", Self.euURL, "--environment", "staging"], key)
                == "--environment must be production or hipaa, not 'staging'")
    }

    @Test("--region or --environment with a base URL, option or COVEO_PUSH_BASE_URL, is refused")
    func regionWithBaseURL() {
        let full = ["--organization", "o", "--source", "s"]
        let key = ["COVEO_API_KEY": "k"]
        let baseURL = ["--base-url", "https://proxy.example.com/push/v1"]
        #expect(
            Self.message(full + baseURL + ["--region", "eu"], key)
                == "--region does not apply with --base-url, which replaces region and environment")
        #expect(
            Self.message(full + baseURL + ["--environment", "hipaa"], key)
                == "--environment does not apply with --base-url, which replaces region and environment")
        let fromVariable = ["COVEO_API_KEY": "k", "COVEO_PUSH_BASE_URL": "http://127.0.0.1:8080/push/v1"]
        #expect(
            Self.message(full + ["--region", "us"], fromVariable)
                == "--region does not apply with COVEO_PUSH_BASE_URL, which replaces region and environment")
        #expect(
            Self.message(full + ["--environment", "production"], fromVariable)
                == "--environment does not apply with COVEO_PUSH_BASE_URL, which replaces region and environment")
    }

    @Test("COVEO_REGION is ignored, even when not a region, once a URL is given")
    func regionVariableIgnoredWithURL() throws {
        for region in ["ca", "mars"] {
            let fromPushAPIURL = try Self.resolve(
                ["--push-api-url", Self.euURL], ["COVEO_API_KEY": "k", "COVEO_REGION": region])
            #expect(fromPushAPIURL.endpoint.baseURL.absoluteString == "https://api-eu.cloud.coveo.com/push/v1")
            let fromBaseOption = try Self.resolve(
                ["--base-url", "https://proxy.example.com/push/v1", "--organization", "o", "--source", "s"],
                ["COVEO_API_KEY": "k", "COVEO_REGION": region])
            #expect(fromBaseOption.endpoint.baseURL.absoluteString == "https://proxy.example.com/push/v1")
            let fromBaseVariable = try Self.resolve(
                ["--organization", "o", "--source", "s"],
                ["COVEO_API_KEY": "k", "COVEO_REGION": region, "COVEO_PUSH_BASE_URL": "http://127.0.0.1:8080/push/v1"])
            #expect(fromBaseVariable.endpoint.baseURL.absoluteString == "http://127.0.0.1:8080/push/v1")
        }
    }

    @Test("a bad value from the environment is reported under its variable's name, from an option under the option's")
    func badValueNamesItsOrigin() {
        let full = ["--organization", "o", "--source", "s"]
        #expect(
            Self.message(full, ["COVEO_API_KEY": "k", "COVEO_REGION": "Mars"])
                == "COVEO_REGION must be one of us, ca, eu, au, not 'mars'")
        #expect(
            Self.message(full + ["--region", "mars"], ["COVEO_API_KEY": "k", "COVEO_REGION": "eu"])
                == "--region must be one of us, ca, eu, au, not 'mars'")
        let hipaaInEurope = Self.message(
            full + ["--environment", "hipaa"], ["COVEO_API_KEY": "k", "COVEO_REGION": "eu"])
        #expect(hipaaInEurope?.hasPrefix("COVEO_REGION/--environment: ") == true)
        let insecure = Self.message(
            full, ["COVEO_API_KEY": "k", "COVEO_PUSH_BASE_URL": "http://push.example.com/push/v1"])
        #expect(insecure?.hasPrefix("COVEO_PUSH_BASE_URL: plain http is only allowed to loopback hosts") == true)
    }

    @Test("the command exits 2 on an incomplete target, naming it, and sends nothing")
    func commandIncomplete() async throws {
        let folder = try InProcessFolder()
        let file = try folder.write("a.jsonl", #"{"documentId": "https://example.com/a"}"# + "\n")
        let run = await InProcessFixtures.run(["push", file], variables: ["COVEO_ORGANISATION_ID": "o"])
        #expect(run.status == .usage)
        #expect(run.err.contains("incomplete target: missing the organization"))
        #expect(!run.out.contains("emulator"))
    }
}

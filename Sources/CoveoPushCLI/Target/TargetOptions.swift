/// The options and environment variables that say where to push, shared by every subcommand.
enum TargetOptions {
    static let organization = "--organization"
    static let source = "--source"
    static let dataCollection = "--data-collection"
    static let provider = "--provider"
    static let region = "--region"
    static let environment = "--environment"
    static let pushAPIURL = "--push-api-url"
    static let baseURL = "--base-url"
    static let apiKey = "--api-key"
    static let platformURL = "--platform-url"
    static let logsURL = "--logs-url"
    static let emulatorDenyPrivilege = "--emulator-deny-privilege"

    /// The environment variables read, by option.
    static let variables: [String: String] = [
        organization: "COVEO_ORGANIZATION_ID",
        source: "COVEO_SOURCE_ID",
        apiKey: "COVEO_API_KEY",
        region: "COVEO_REGION",
        baseURL: "COVEO_PUSH_BASE_URL",
        platformURL: "COVEO_PLATFORM_URL",
        logsURL: "COVEO_LOGS_URL",
    ]

    /// The option specs, for every subcommand's parser and help.
    static let specs: [OptionSpec] = [
        .value(organization, "ID", "organization ID (or COVEO_ORGANIZATION_ID)"),
        .value(source, "ID", "Push or catalog source ID (or COVEO_SOURCE_ID)"),
        .value(dataCollection, "ID", "catalog only: a data collection ID, instead of --source"),
        .value(provider, "ID", "security identity provider ID"),
        .value(region, "us|ca|eu|au", "the organization's region (or COVEO_REGION; default us)"),
        .value(environment, "production|hipaa", "the platform (default production)"),
        .value(pushAPIURL, "URL", "the console's Push API URL (gives organization, source and region)"),
        .value(baseURL, "URL", "any Push API base URL (or COVEO_PUSH_BASE_URL); plain http only to loopback"),
        .value(
            platformURL, "URL",
            "the Platform API base (or COVEO_PLATFORM_URL); default: derived from the Push API URL"),
        .value(logsURL, "URL", "the Logs API base (or COVEO_LOGS_URL); default: derived like --platform-url"),
        .value(apiKey, "KEY", "the API key; prefer COVEO_API_KEY, command lines are visible to other users"),
        .value(
            emulatorDenyPrivilege, "NAME[,NAME...]",
            "built-in emulator only: deny these privileges (FIELD:CREATE, ...); their routes answer 403"),
        EmulatorIndexing.builtIn.delaySpec(prefix: "built-in emulator only: "),
        EmulatorIndexing.builtIn.rejectRateSpec(prefix: "built-in emulator only: "),
        EmulatorIndexing.builtIn.rejectIdsSpec(prefix: "built-in emulator only: "),
        EmulatorIndexing.builtIn.seedSpec(prefix: "built-in emulator only: "),
    ]

    /// The options that configure the built-in emulator, valid only without a target.
    static let emulatorOptions = [emulatorDenyPrivilege] + EmulatorIndexing.builtIn.names
}

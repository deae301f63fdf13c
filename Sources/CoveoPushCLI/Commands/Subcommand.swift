/// One subcommand of `coveo-push`.
protocol Subcommand: Sendable {
    static var name: String { get }
    static var summary: String { get }
    static var usage: String { get }
    static var details: [String] { get }
    /// The subcommand's own options (target and client options are added for every subcommand that sends).
    static var specs: [OptionSpec] { get }
    /// Whether the subcommand takes the target and client options.
    static var sendsRequests: Bool { get }

    init()
    func run(_ arguments: ParsedArguments, _ environment: CommandEnvironment) async throws -> ExitStatus
}

extension Subcommand {
    static var details: [String] { [] }
    static var sendsRequests: Bool { true }

    static var allSpecs: [OptionSpec] {
        sendsRequests ? specs + ClientOptions.specs + TargetOptions.specs : specs
    }

    static var help: String {
        var sections: [(String, [OptionSpec])] = [("options", specs)]
        if sendsRequests {
            sections.append(("requests and output", ClientOptions.specs))
            sections.append(("target (default: the built-in emulator when none is given)", TargetOptions.specs))
        }
        return HelpText.render(usage: usage, summary: summary, details: details, sections: sections)
    }
}

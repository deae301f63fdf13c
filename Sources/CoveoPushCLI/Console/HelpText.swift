/// Renders `--help` for a subcommand.
enum HelpText {
    static func render(usage: String, summary: String, details: [String] = [], sections: [(String, [OptionSpec])])
        -> String
    {
        var lines = ["usage: \(usage)", "", summary]
        if !details.isEmpty { lines += [""] + details }
        for (title, all) in sections {
            let options = all.filter(\.isListed)
            guard !options.isEmpty else { continue }
            lines += ["", "\(title):"]
            let width = min(34, (options.map(\.synopsis.count).max() ?? 0) + 2)
            for option in options {
                let synopsis = option.synopsis
                let padding = String(repeating: " ", count: max(2, width - synopsis.count))
                lines.append("  \(synopsis)\(padding)\(option.help)")
            }
        }
        lines += ["", "  -h, --help" + String(repeating: " ", count: 24) + "show this help"]
        return lines.joined(separator: "\n")
    }
}

/// Parses a subcommand's arguments against the options it declares: `--name value`, `--name=value`, flags,
/// positionals, and `--` to end the options. Foundation-free and strict: an unknown option, a missing value, a
/// value given to a flag or a single-value option given twice is a ``UsageError``; a repeatable option collects
/// its values in order.
struct ArgumentParser: Sendable {
    /// The options the subcommand accepts.
    let options: [OptionSpec]

    /// Parses `arguments` (the words after the subcommand's name).
    func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            if optionsEnded || !word.hasPrefix("-") || word == "-" {
                parsed.positionals.append(word)
                continue
            }
            if word == "--" {
                optionsEnded = true
                continue
            }
            if word == "-h" || word == "--help" {
                parsed.wantsHelp = true
                continue
            }
            let (name, inlineValue) = Self.split(word)
            guard let spec = options.first(where: { $0.name == name }) else {
                throw UsageError("unknown option \(name)")
            }
            switch spec.kind {
            case .unsupported(let reason):
                throw UsageError("\(name) is not supported here: \(reason)")
            case .flag:
                if inlineValue != nil { throw UsageError("\(name) takes no value") }
                parsed.flags.insert(spec.name)
            case .value, .repeatable:
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard index < arguments.count else { throw UsageError("\(name) needs a value") }
                    value = arguments[index]
                    index += 1
                }
                if case .repeatable = spec.kind {
                    parsed.repeated[spec.name, default: []].append(value)
                    continue
                }
                if parsed.values[spec.name] != nil {
                    throw UsageError("\(name) is given more than once")
                }
                parsed.values[spec.name] = value
            }
        }
        return parsed
    }

    private static func split(_ word: String) -> (name: String, value: String?) {
        guard let equals = word.firstIndex(of: "=") else { return (word, nil) }
        return (String(word[..<equals]), String(word[word.index(after: equals)...]))
    }
}

/// One option a subcommand accepts.
struct OptionSpec: Sendable, Hashable {
    /// Whether the option takes a value.
    enum Kind: Sendable, Hashable {
        case flag
        case value(placeholder: String)
        /// A value option that may be given several times.
        case repeatable(placeholder: String)
        /// An option another subcommand has, refused here with a reason; not shown in `--help`.
        case unsupported(reason: String)
    }

    /// The option's name with its dashes, such as `--batch-size`.
    let name: String
    let kind: Kind
    /// One line for `--help`.
    let help: String

    static func flag(_ name: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, kind: .flag, help: help)
    }

    static func value(_ name: String, _ placeholder: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, kind: .value(placeholder: placeholder), help: help)
    }

    static func repeatable(_ name: String, _ placeholder: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, kind: .repeatable(placeholder: placeholder), help: help)
    }

    static func unsupported(_ name: String, _ reason: String) -> OptionSpec {
        OptionSpec(name: name, kind: .unsupported(reason: reason), help: "")
    }

    /// Whether `--help` lists the option.
    var isListed: Bool {
        if case .unsupported = kind { return false }
        return true
    }

    /// `--name VALUE` or `--name`, for help text.
    var synopsis: String {
        switch kind {
        case .flag, .unsupported: return name
        case .value(let placeholder): return "\(name) \(placeholder)"
        case .repeatable(let placeholder): return "\(name) \(placeholder)..."
        }
    }
}

/// The options, flags and positionals of one command line, with typed accessors that throw ``UsageError``.
struct ParsedArguments: Sendable {
    var values: [String: String] = [:]
    /// The values of repeatable options, in the order given.
    var repeated: [String: [String]] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []
    var wantsHelp = false

    /// Whether a flag was given.
    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// An option's value as given.
    func string(_ name: String) -> String? { values[name] }

    /// Every value of a repeatable option, in the order given (empty when it was not given).
    func strings(_ name: String) -> [String] { repeated[name] ?? [] }

    /// An integer option within `range`.
    func integer(_ name: String, in range: ClosedRange<Int64>) throws(UsageError) -> Int64? {
        guard let text = values[name] else { return nil }
        guard let value = Int64(text), range.contains(value) else {
            throw UsageError("\(name) must be an integer from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
        }
        return value
    }

    /// An `Int` option within `range`.
    func int(_ name: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
        guard let value = try integer(name, in: Int64(range.lowerBound)...Int64(range.upperBound)) else { return nil }
        return Int(value)
    }

    /// A positive number of seconds (fractions allowed).
    func seconds(_ name: String) throws(UsageError) -> Double? {
        guard let text = values[name] else { return nil }
        guard let value = Double(text), value.isFinite, value > 0, value <= 86_400 else {
            throw UsageError("\(name) must be a number of seconds above 0 and at most 86400, not '\(text)'")
        }
        return value
    }

    /// One of a fixed set of words, compared case-insensitively.
    func choice(_ name: String, from allowed: [String]) throws(UsageError) -> String? {
        guard let text = values[name] else { return nil }
        guard let match = allowed.first(where: { $0 == text.lowercased() }) else {
            throw UsageError("\(name) must be one of \(allowed.joined(separator: ", ")), not '\(text)'")
        }
        return match
    }
}

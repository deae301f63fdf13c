import Testing

@testable import CoveoPushCLI

@Suite("ArgumentParser and ParsedArguments")
struct InProcessArgumentTests {
    static let specs: [OptionSpec] = [
        .value("--size", "N", "a number"),
        .value("--mode", "a|b", "a choice"),
        .value("--wait", "SECONDS", "seconds"),
        .flag("--fast", "a flag"),
        .repeatable("--tag", "NAME", "repeatable"),
    ]

    static func parse(_ words: [String]) throws(UsageError) -> ParsedArguments {
        try ArgumentParser(options: specs).parse(words)
    }

    static func usageMessage(_ words: [String]) -> String? {
        do {
            _ = try parse(words)
            return nil
        } catch {
            return error.message
        }
    }

    @Test("--name value, --name=value, flags and positionals in any order")
    func forms() throws {
        let parsed = try Self.parse(["a.json", "--size", "12", "--mode=b", "--fast", "dir/", "-"])
        #expect(parsed.string("--size") == "12")
        #expect(parsed.string("--mode") == "b")
        #expect(parsed.flag("--fast"))
        #expect(!parsed.wantsHelp)
        #expect(parsed.positionals == ["a.json", "dir/", "-"])
    }

    @Test("--name= gives an empty value, and a value may itself contain '=' or start with a dash")
    func valueEdges() throws {
        let parsed = try Self.parse(["--mode=", "--size", "-5", "--wait=a=b"])
        #expect(parsed.string("--mode") == "")
        #expect(parsed.string("--size") == "-5")
        #expect(parsed.string("--wait") == "a=b")
    }

    @Test("a repeatable option collects every value in order; a single-value option given twice is refused")
    func repeatable() throws {
        let parsed = try Self.parse(["--tag", "b", "x", "--tag=a", "--size", "1", "--tag", "b"])
        #expect(parsed.strings("--tag") == ["b", "a", "b"])
        #expect(parsed.strings("--size").isEmpty, "a single-value option is not a repeated one")
        #expect(parsed.string("--tag") == nil)
        #expect(try Self.parse(["x"]).strings("--tag").isEmpty)
        #expect(Self.usageMessage(["--tag"]) == "--tag needs a value")
        #expect(OptionSpec.repeatable("--tag", "NAME", "").synopsis == "--tag NAME...")
    }

    @Test("-- ends the options: later words are positionals even when they look like options")
    func doubleDash() throws {
        let parsed = try Self.parse(["--fast", "--", "--size", "--help", "-x", "--"])
        #expect(parsed.positionals == ["--size", "--help", "-x", "--"])
        #expect(parsed.string("--size") == nil)
        #expect(!parsed.wantsHelp)
    }

    @Test("usage errors: unknown option, missing value, value on a flag, repeated option")
    func errors() {
        #expect(Self.usageMessage(["--nope"]) == "unknown option --nope")
        #expect(Self.usageMessage(["--nope=3"]) == "unknown option --nope")
        #expect(Self.usageMessage(["-x"]) == "unknown option -x")
        #expect(Self.usageMessage(["a", "--size"]) == "--size needs a value")
        #expect(Self.usageMessage(["--fast=yes"]) == "--fast takes no value")
        #expect(Self.usageMessage(["--size", "1", "--size=2"]) == "--size is given more than once")
    }

    @Test("-h and --help ask for help")
    func help() throws {
        #expect(try Self.parse(["-h"]).wantsHelp)
        #expect(try Self.parse(["x", "--help"]).wantsHelp)
    }

    @Test("integers must parse and lie in the range, bounds included")
    func integers() throws {
        #expect(try Self.parse(["--size", "10"]).int("--size", in: 10...20) == 10)
        #expect(try Self.parse(["--size", "20"]).int("--size", in: 10...20) == 20)
        #expect(try Self.parse([]).int("--size", in: 10...20) == nil)
        for bad in ["9", "21", "1.5", "ten", "", "99999999999999999999", " 12"] {
            #expect(throws: UsageError("--size must be an integer from 10 to 20, not '\(bad)'")) {
                try Self.parse(["--size", bad]).int("--size", in: 10...20)
            }
        }
        #expect(try Self.parse(["--size", "9223372036854775807"]).integer("--size", in: 0...Int64.max) == .max)
    }

    @Test("seconds are positive, finite and at most a day")
    func seconds() throws {
        #expect(try Self.parse(["--wait", "0.25"]).seconds("--wait") == 0.25)
        #expect(try Self.parse(["--wait", "86400"]).seconds("--wait") == 86_400)
        for bad in ["0", "-1", "86400.5", "inf", "nan", "soon"] {
            #expect(throws: UsageError.self) { try Self.parse(["--wait", bad]).seconds("--wait") }
        }
    }

    @Test("choices compare case-insensitively and name the allowed words when wrong")
    func choices() throws {
        #expect(try Self.parse(["--mode", "B"]).choice("--mode", from: ["a", "b"]) == "b")
        #expect(throws: UsageError("--mode must be one of a, b, not 'c'")) {
            try Self.parse(["--mode", "c"]).choice("--mode", from: ["a", "b"])
        }
    }

    @Test("the command: usage errors exit 2 naming the option, --help exits 0 with the options")
    func command() async throws {
        let folder = try InProcessFolder()
        let unknown = await InProcessFixtures.run(["push", "--bogus", "x.json"])
        #expect(unknown.status == .usage)
        #expect(unknown.err.contains("coveo-push push: unknown option --bogus"))
        #expect(unknown.out.isEmpty)

        let badChoice = await InProcessFixtures.run(["push", "--status", "sometimes", folder.path], variables: [:])
        #expect(badChoice.status == .usage)
        #expect(badChoice.err.contains("--status must be one of rebuild, refresh, incremental, none, not 'sometimes'"))

        let badRange = await InProcessFixtures.run(["push", "--concurrency", "0", folder.path], variables: [:])
        #expect(badRange.status == .usage)
        #expect(badRange.err.contains("--concurrency must be an integer from 1 to 64, not '0'"))

        let help = await InProcessFixtures.run(["push", "--help"])
        #expect(help.status == .success)
        #expect(help.out.hasPrefix("usage: coveo-push push"))
        #expect(help.out.contains("--delete-older-than"))
        #expect(help.out.contains("--push-api-url URL"))

        let subcommand = await InProcessFixtures.run(["pusj"])
        #expect(subcommand.status == .usage)
        #expect(subcommand.err.contains("unknown subcommand 'pusj'"))

        let none = await InProcessFixtures.run([])
        #expect(none.status == .usage)
        #expect(none.err.contains("usage: coveo-push <subcommand>"))
    }
}

/// Every scenario the benchmark knows, in the order they run. Add a new scenario here, one line each.
enum BenchmarkRegistry {
    static let scenarios: [any BenchmarkScenario] = [
        CompressionScenario(type: .zlib),
        CompressionScenario(type: .gzip),
        CompressionScenario(type: .deflate),
        EncodeScenario(),
        JSONParseScenario(),
        PushScenario(count: 100_000),
        PushScenario(count: 1_000_000),
        ThrottledScenario(),
        HTTPPushScenario(),
        ConnectionsScenario(),
        ResponseWaitScenario(),
        CLIPushScenario(count: 100_000),
        CLIPushScenario(count: 1_000_000),
        EmulatorPushScenario(count: 100_000),
        EmulatorPushScenario(count: 1_000_000),
        InterruptScenario(),
        CLILargeDataScenario(),
        FieldsSyncScenario(),
        VerifyScenario(),
    ]

    /// The scenario called `name`, if any.
    static func scenario(named name: String) -> (any BenchmarkScenario)? {
        scenarios.first { $0.name == name }
    }
}

/// A scenario run at two sizes (100,000 and 1,000,000 documents), named after its size; the large run compares
/// itself with the small one.
protocol SizedScenario: BenchmarkScenario {
    /// The number of documents.
    var count: Int { get }
    /// The name before the size, such as `push` for `push-100k`.
    var baseName: String { get }
}

extension SizedScenario {
    var name: String { isLarge ? "\(baseName)-\(count / 1_000_000)m" : "\(baseName)-\(count / 1000)k" }

    /// Whether this is the large run.
    var isLarge: Bool { count >= 1_000_000 }
}

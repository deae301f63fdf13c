/// A bound a scenario's figure should meet, such as `vs_zlib >= 0.9`.
struct BenchmarkTarget: Sendable, CustomStringConvertible {
    /// Whether the figure must be at least or at most the bound.
    enum Comparison: String, Sendable {
        case atLeast = ">="
        case atMost = "<="
    }

    /// The figure's name.
    let figure: String
    /// How the figure compares with the bound.
    let comparison: Comparison
    /// The bound.
    let bound: Double

    /// The figure must be at least `bound`.
    static func atLeast(_ figure: String, _ bound: Double) -> BenchmarkTarget {
        BenchmarkTarget(figure: figure, comparison: .atLeast, bound: bound)
    }

    /// The figure must be at most `bound`.
    static func atMost(_ figure: String, _ bound: Double) -> BenchmarkTarget {
        BenchmarkTarget(figure: figure, comparison: .atMost, bound: bound)
    }

    /// Whether `figures` meet the target; `nil` when the figure is missing.
    func isMet(by figures: [String: Double]) -> Bool? {
        guard let value = figures[figure], value.isFinite else { return nil }
        switch comparison {
        case .atLeast: return value >= bound
        case .atMost: return value <= bound
        }
    }

    var description: String { "\(figure) \(comparison.rawValue) \(bound)" }
}

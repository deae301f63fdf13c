import Foundation

/// How figures are written: compact numbers for people, one JSON object per line for machines.
enum FigureFormat {
    /// A number for a table: three significant digits below 10, fewer decimals above.
    static func human(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        let magnitude = abs(value)
        if magnitude >= 100 { return String(format: "%.0f", value) }
        if magnitude >= 10 { return String(format: "%.1f", value) }
        if value == value.rounded() { return String(format: "%.1f", value) }
        return String(format: "%.3f", value)
    }

    /// Figures as `name value` pairs in name order, separated by commas.
    static func human(_ figures: [String: Double]) -> String {
        figures.keys.sorted().map { "\($0) \(human(figures[$0] ?? .nan))" }.joined(separator: ", ")
    }

    /// `{"scenario": NAME, "figure": value, ...}` on one line, figures in name order, six significant digits.
    static func jsonLine(scenario: String, figures: [String: Double]) -> String {
        var fields = ["\"scenario\": \(jsonString(scenario))"]
        for name in figures.keys.sorted() {
            let value = figures[name] ?? .nan
            fields.append("\(jsonString(name)): \(value.isFinite ? String(format: "%.6g", value) : "null")")
        }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// Reads a line written by ``jsonLine(scenario:figures:)``: the scenario name and its numeric figures.
    static func parseJSONLine(_ line: String) -> (scenario: String, figures: [String: Double])? {
        guard let data = line.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let scenario = object["scenario"] as? String
        else { return nil }
        var figures: [String: Double] = [:]
        for (name, value) in object where name != "scenario" {
            if let number = value as? NSNumber {
                figures[name] = number.doubleValue
            } else if value is NSNull {
                figures[name] = .nan
            }
        }
        return (scenario, figures)
    }

    private static func jsonString(_ text: String) -> String {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case _ where scalar.value < 0x20: escaped += String(format: "\\u%04x", scalar.value)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped + "\""
    }
}

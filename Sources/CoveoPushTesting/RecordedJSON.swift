/// A decoded JSON value that keeps the difference between booleans, integers and other numbers.
enum RecordedJSON: Decodable, Hashable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([RecordedJSON])
    case object([String: RecordedJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([RecordedJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: RecordedJSON].self))
        }
    }

    /// A string as is; anything else as compact JSON text with sorted keys.
    var flatText: String {
        if case .string(let text) = self { return text }
        return jsonText
    }

    /// Compact JSON text with sorted object keys.
    var jsonText: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .integer(let value): return String(value)
        case .number(let value): return String(value)
        case .string(let text): return MockJSON.quoted(text)
        case .array(let items): return "[" + items.map(\.jsonText).joined(separator: ",") + "]"
        case .object(let members):
            let sorted = members.sorted { $0.key < $1.key }
            return "{" + sorted.map { MockJSON.quoted($0.key) + ":" + $0.value.jsonText }.joined(separator: ",") + "}"
        }
    }
}

/// Reads and checks the query parameters of a request, answering 412 as the service does.
struct EmulatorQuery: Sendable {
    let items: [String: String]

    /// A required, non-empty parameter.
    func required(_ name: String) throws(EmulatorRefusal) -> String {
        guard let value = items[name] else { throw EmulatorRefusal(.missingParameter(name)) }
        guard !value.isEmpty else { throw EmulatorRefusal(.invalidParameter(name, "it is empty")) }
        return value
    }

    /// An optional orderingId: a non-negative 64-bit integer.
    func orderingId() throws(EmulatorRefusal) -> Int64? {
        guard let text = items["orderingId"] else { return nil }
        return try nonNegative("orderingId", text, max: .max)
    }

    /// A required orderingId.
    func requiredOrderingId() throws(EmulatorRefusal) -> Int64 {
        try nonNegative("orderingId", try required("orderingId"), max: .max)
    }

    /// An optional `queueDelay`: minutes, a non-negative 32-bit integer.
    func queueDelay() throws(EmulatorRefusal) -> Int64? {
        guard let text = items["queueDelay"] else { return nil }
        return try nonNegative("queueDelay", text, max: Int64(Int32.max))
    }

    /// An optional boolean (`true` or `false`, any case).
    func bool(_ name: String) throws(EmulatorRefusal) -> Bool? {
        guard let text = items[name] else { return nil }
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default: throw EmulatorRefusal(.invalidParameter(name, "'\(text)' is not true or false"))
        }
    }

    private func nonNegative(_ name: String, _ text: String, max: Int64) throws(EmulatorRefusal) -> Int64 {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let value = Int64(text), value <= max
        else {
            throw EmulatorRefusal(.invalidParameter(name, "'\(text)' is not an integer between 0 and \(max)"))
        }
        return value
    }
}

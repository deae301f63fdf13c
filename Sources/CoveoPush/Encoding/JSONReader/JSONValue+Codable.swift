extension JSONValue: Codable {
    /// Decodes any value a decoder can present as JSON.
    ///
    /// Numbers that decode as `Int64` become integers (so `1.0` from `JSONDecoder` is the integer 1), other
    /// numbers doubles. A keyed container has no order and no duplicates, so object members come out sorted by
    /// key; parse with ``JSONParser`` to keep the document's order and its duplicates.
    public init(from decoder: any Decoder) throws {
        if let container = try? decoder.singleValueContainer() {
            if container.decodeNil() {
                self = .null
                return
            }
            if let value = try? container.decode(Bool.self) {
                self = .bool(value)
                return
            }
            if let value = try? container.decode(Int64.self) {
                self = .number(JSONNumber(value))
                return
            }
            if let value = try? container.decode(Double.self) {
                guard let number = JSONNumber(value) else {
                    throw DecodingError.dataCorruptedError(
                        in: container, debugDescription: "\(value) is not a JSON number")
                }
                self = .number(number)
                return
            }
            if let value = try? container.decode(String.self) {
                self = .string(value)
                return
            }
        }
        if var container = try? decoder.unkeyedContainer() {
            var elements: [JSONValue] = []
            if let count = container.count { elements.reserveCapacity(count) }
            while !container.isAtEnd {
                elements.append(try container.decode(JSONValue.self))
            }
            self = .array(elements)
            return
        }
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        var members: [(key: String, value: JSONValue)] = []
        for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            members.append(
                (key: key.stringValue, value: try container.decode(JSONValue.self, forKey: key)))
        }
        self = .object(JSONObject(members))
    }

    /// Encodes the value; object members in order (an encoder may reorder them or drop duplicates).
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .number(let number):
            var container = encoder.singleValueContainer()
            if number.isIntegerLiteral, let integer = number.int64Value {
                try container.encode(integer)
            } else {
                try container.encode(number.doubleValue)
            }
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .array(let elements):
            var container = encoder.unkeyedContainer()
            for element in elements { try container.encode(element) }
        case .object(let object):
            var container = encoder.container(keyedBy: AnyCodingKey.self)
            for member in object.members { try container.encode(member.value, forKey: AnyCodingKey(member.key)) }
        }
    }
}

/// How the emulated service looks at JSON values: keys compared ignoring case, and which values a field can hold.
extension JSONValue {
    /// The member of an object whose key equals `key`, else the first whose key equals it ignoring case (the Push
    /// API compares keys that way); `nil` for a value that is not an object.
    package func member(_ key: String) -> JSONValue? {
        guard case .object(let object) = self else { return nil }
        if let exact = object[key] { return exact }
        let folded = key.lowercased()
        return object.members.first { $0.key.lowercased() == folded }?.value
    }

    /// Whether the value is a string, number, boolean or `null`.
    var isPrimitive: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }
}

extension JSONObject {
    /// Whether every member's value is a string, number, boolean or `null`.
    var holdsOnlyPrimitives: Bool { members.allSatisfy { $0.value.isPrimitive } }

    /// Sets the value of `key`: in place when the key is present, else as a new last member.
    mutating func put(_ key: String, _ value: JSONValue) {
        if let position = members.firstIndex(where: { $0.key == key }) {
            members[position].value = value
        } else {
            members.append((key: key, value: value))
        }
    }

    /// Removes every member whose key is `key`.
    mutating func remove(_ key: String) {
        members.removeAll { $0.key == key }
    }
}

extension JSONValue {
    /// The value with the members of every object sorted by key, so its text does not depend on the order sent.
    package var sortingKeys: JSONValue {
        switch self {
        case .array(let elements):
            return .array(elements.map(\.sortingKeys))
        case .object(let object):
            let sorted = object.members.enumerated().sorted {
                $0.element.key != $1.element.key ? $0.element.key < $1.element.key : $0.offset < $1.offset
            }
            return .object(JSONObject(sorted.map { (key: $0.element.key, value: $0.element.value.sortingKeys) }))
        default:
            return self
        }
    }
}

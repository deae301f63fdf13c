/// A JSON object: its members in document order, duplicates kept.
///
/// JSON leaves the meaning of duplicate keys open; the reader keeps every member so callers can refuse
/// duplicates (``duplicateKeys``) rather than silently pick one. Lookups by key return the first match.
///
/// ```swift
/// let object: JSONObject = ["name": "Staff", "type": "GROUP"]
/// object["name"]?.stringValue  // "Staff"
/// ```
package struct JSONObject: Sendable, Hashable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
    /// One `key: value` member.
    package struct Member: Sendable, Hashable {
        /// The key, unescaped.
        package var key: String
        /// The value.
        package var value: JSONValue

        /// Creates a member.
        package init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The members, in document order.
    package var members: [Member]

    /// Creates an object from its members, in order.
    package init(_ members: [Member] = []) {
        self.members = members
    }

    /// Creates an object from a literal, keeping its order.
    package init(dictionaryLiteral elements: (String, JSONValue)...) {
        members = elements.map { Member(key: $0.0, value: $0.1) }
    }

    /// The first position.
    package var startIndex: Int { members.startIndex }
    /// The position past the last member.
    package var endIndex: Int { members.endIndex }
    /// The member at a position.
    package subscript(position: Int) -> Member { members[position] }

    /// The value of the first member with exactly this key, or `nil`.
    package subscript(key: String) -> JSONValue? {
        for member in members where member.key == key { return member.value }
        return nil
    }

    /// The keys, in order (duplicates included).
    package var keys: [String] { members.map(\.key) }

    /// Whether some key appears more than once (compared exactly).
    package var hasDuplicateKeys: Bool {
        let count = members.count
        if count < 2 { return false }
        if count <= 12 {
            for first in 0..<(count - 1) {
                let key = members[first].key
                for second in (first + 1)..<count where members[second].key == key { return true }
            }
            return false
        }
        var seen = Set<String>(minimumCapacity: count)
        for member in members where !seen.insert(member.key).inserted { return true }
        return false
    }

    /// Keys that appear more than once (compared exactly), each listed once, in order of first repetition.
    package var duplicateKeys: [String] {
        var seen = Set<String>()
        var repeated: [String] = []
        for member in members where !seen.insert(member.key).inserted && !repeated.contains(member.key) {
            repeated.append(member.key)
        }
        return repeated
    }
}

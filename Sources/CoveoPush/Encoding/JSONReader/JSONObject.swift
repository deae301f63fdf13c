/// A JSON object: its members in document order, duplicates kept.
///
/// JSON leaves the meaning of duplicate keys open; the reader keeps every member so callers can refuse
/// duplicates rather than silently pick one. Lookups by key return the first match.
///
/// Two objects are equal when they hold the same members in any order (JSON objects are unordered); members
/// that share a key are compared in their relative order. ``keys`` and iteration keep the document's order.
///
/// ```swift
/// let object: JSONObject = ["name": "Staff", "type": "GROUP"]
/// object["name"]?.stringValue  // "Staff"
/// ```
public struct JSONObject: Sendable, Hashable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
    /// The members, in document order.
    public var members: [(key: String, value: JSONValue)]

    /// Creates an object from its members, in order.
    public init(_ members: [(key: String, value: JSONValue)] = []) {
        self.members = members
    }

    /// Creates an object from a literal, keeping its order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        members = elements.map { (key: $0.0, value: $0.1) }
    }

    /// The first position.
    public var startIndex: Int { members.startIndex }
    /// The position past the last member.
    public var endIndex: Int { members.endIndex }
    /// The member at a position.
    public subscript(position: Int) -> (key: String, value: JSONValue) { members[position] }

    /// The value of the first member with exactly this key, or `nil`.
    public subscript(key: String) -> JSONValue? {
        for member in members where member.key == key { return member.value }
        return nil
    }

    /// The keys, in order (duplicates included).
    public var keys: [String] { members.map(\.key) }

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

    /// Whether two objects hold the same members, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.members.count == rhs.members.count else { return false }
        if lhs.members.elementsEqual(rhs.members, by: { $0.key == $1.key && $0.value == $1.value }) { return true }
        let left = lhs.sortedByKey
        let right = rhs.sortedByKey
        return left.elementsEqual(right, by: { $0.key == $1.key && $0.value == $1.value })
    }

    /// Hashes the members without regard to their order, consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for member in members {
            var memberHasher = Hasher()
            memberHasher.combine(member.key)
            memberHasher.combine(member.value)
            combined = combined &+ memberHasher.finalize()
        }
        hasher.combine(members.count)
        hasher.combine(combined)
    }

    /// The members ordered by key; members that share a key keep their relative order.
    private var sortedByKey: [(key: String, value: JSONValue)] {
        members.enumerated()
            .sorted { $0.element.key != $1.element.key ? $0.element.key < $1.element.key : $0.offset < $1.offset }
            .map(\.element)
    }
}

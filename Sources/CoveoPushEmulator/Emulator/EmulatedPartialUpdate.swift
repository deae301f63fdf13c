/// A validated `partialUpdate` entry of a Stream API file: one operator applied to one metadata field of an
/// existing item.
struct EmulatedPartialUpdate: Sendable, Hashable {
    /// The partial update operators, named as the Stream API documents them.
    enum Operator: String, Sendable, Hashable, CaseIterable {
        /// Appends the values (an array) to the field's values.
        case arrayAppend
        /// Removes every occurrence of the values (an array) from the field's values.
        case arrayRemove
        /// Sets the field to the value (any value a field can hold); `null` removes the field.
        case fieldValueReplace
        /// Adds or replaces the keys of the value (an object) in the dictionary field.
        case dictionaryPut
        /// Removes the keys (a string or an array of strings) from the dictionary field.
        case dictionaryRemove

        /// The operator named `text`, compared ignoring case (clients send `arrayAppend` or `ARRAYAPPEND`).
        init?(name text: String) {
            let folded = text.lowercased()
            guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == folded }) else { return nil }
            self = match
        }
    }

    var documentId: String
    var operation: Operator
    /// The field name as sent.
    var field: String
    /// The value, checked against the operator's shape.
    var value: JSONValue

    /// Applies the update to an item's metadata. The field is found ignoring case and keeps its stored spelling.
    ///
    /// - Throws: ``EntryRejection`` with ``DroppedItem/Reason/invalidPartialUpdate`` when the stored value has a
    ///   shape the operator cannot change.
    func apply(to metadata: inout [String: JSONValue]) throws(EntryRejection) {
        let folded = field.lowercased()
        let key = metadata.keys.first { $0 == field } ?? metadata.keys.first { $0.lowercased() == folded } ?? field
        let current = metadata[key] ?? .null
        switch operation {
        case .arrayAppend, .arrayRemove:
            let values = value.arrayValue ?? []
            let existing: [JSONValue]
            switch current {
            case .null: existing = []
            case .array(let elements): existing = elements
            case .object: throw refusal("holds a dictionary")
            default: existing = [current]
            }
            if operation == .arrayAppend {
                metadata[key] = .array(existing + values)
            } else if current != .null {
                metadata[key] = .array(existing.filter { !values.contains($0) })
            }
        case .fieldValueReplace:
            if value == .null {
                metadata.removeValue(forKey: key)
            } else {
                metadata[key] = value
            }
        case .dictionaryPut, .dictionaryRemove:
            var entries: JSONObject
            switch current {
            case .null: entries = JSONObject()
            case .object(let members): entries = members
            default: throw refusal("does not hold a dictionary")
            }
            if operation == .dictionaryPut {
                for member in value.objectValue ?? JSONObject() { entries.put(member.key, member.value) }
                metadata[key] = .object(entries)
            } else if current != .null {
                let names = value.stringValue.map { [$0] } ?? (value.arrayValue ?? []).compactMap(\.stringValue)
                for name in names { entries.remove(name) }
                metadata[key] = .object(entries)
            }
        }
    }

    private func refusal(_ state: String) -> EntryRejection {
        EntryRejection(.invalidPartialUpdate, "field '\(field)' \(state), which \(operation.rawValue) cannot change")
    }
}

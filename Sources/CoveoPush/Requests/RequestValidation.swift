import Foundation

/// The input checks shared by the request structs.
package enum RequestValidation {
    /// Throws ``ValidationError/Rule/emptyIdentifier`` when an identifier is empty or only whitespace.
    static func identifier(_ value: String, _ name: String) throws(ValidationError) {
        if value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError(.emptyIdentifier, .configuration(name), "the \(name) is empty")
        }
    }

    /// Throws ``ValidationError/Rule/invalidParameter`` unless a Stream API shard name is 1 to 10 ASCII letters and
    /// digits.
    package static func shard(_ shard: String) throws(ValidationError) {
        let isAlphanumeric = shard.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
        guard (1...10).contains(shard.utf8.count), isAlphanumeric else {
            throw ValidationError(
                .invalidParameter, .configuration("shard"),
                "the shard '\(shard)' must be 1 to 10 ASCII letters and digits")
        }
    }

    /// Throws ``ValidationError/Rule/outOfRange`` unless a queue delay is between 0 and `Int32.max` minutes.
    static func queueDelay(_ minutes: Int?) throws(ValidationError) {
        guard let minutes else { return }
        guard minutes >= 0, minutes <= Int(Int32.max) else {
            throw ValidationError(
                .outOfRange, .configuration("queueDelay"), "queueDelay must be 0 or more minutes, not \(minutes)")
        }
    }

    /// Throws ``ValidationError/Rule/futureOrderingId`` when an orderingId is more than
    /// ``PushLimits/maxOrderingIdLeadMilliseconds`` after `now`.
    static func orderingId(_ orderingId: Int64?, now: Date) throws(ValidationError) {
        guard let orderingId else { return }
        // Doubles hold every millisecond count below 2⁵³ exactly (about 285,000 years), and cannot overflow.
        let limit = (now.timeIntervalSince1970 * 1000).rounded(.down) + Double(PushLimits.maxOrderingIdLeadMilliseconds)
        if Double(orderingId) > limit {
            throw ValidationError(
                .futureOrderingId, .configuration("orderingId"),
                "orderingId \(orderingId) is more than one hour ahead of the current time in milliseconds since "
                    + "1970; a future orderingId makes the source refuse every push until that time")
        }
    }
}

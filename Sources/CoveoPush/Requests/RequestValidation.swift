import Foundation

/// The input checks shared by the request structs.
enum RequestValidation {
    /// Throws ``ValidationError/Rule/emptyIdentifier`` when an identifier is empty or only whitespace.
    static func identifier(_ value: String, _ name: String) throws(ValidationError) {
        if value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError(.emptyIdentifier, .configuration(name), "the \(name) is empty")
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

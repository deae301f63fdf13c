/// Why an entry is refused: the reason and a one-line message.
///
/// `parameter` says where the rejection is found. When it names a parameter, the service finds the problem while
/// reading the request (the body does not bind to the Push API's model, or a value breaks a rule the API checks),
/// so a single-item request is refused at once with 412 `INVALID_PARAMETER` naming it. When it is `nil`, the
/// service finds the problem only while processing the item (content that does not inflate, limits, what fields
/// can hold), so a single-item request still gets 202 and the item is dropped. Inside batch and stream files every
/// rejection is a drop: the request only names the file.
struct EntryRejection: Error, Sendable {
    var reason: DroppedItem.Reason
    var message: String
    /// The parameter a single-item request is refused for, or `nil` for a downstream drop.
    var parameter: String?

    init(_ reason: DroppedItem.Reason, _ message: String, parameter: String? = nil) {
        self.reason = reason
        self.message = message
        self.parameter = parameter
    }
}

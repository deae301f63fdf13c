import Foundation

/// A file container of the emulator.
struct FileContainerState: Sendable {
    /// What was uploaded into the container.
    enum Payload: Sendable {
        /// The bytes (normal mode).
        case content(Data)
        /// What validating the bytes found (discard mode, which keeps no bytes).
        case summary(ContainerSummary)
    }

    var organizationId: String
    /// When the container was created, on the injected clock.
    var createdAt: Duration
    /// The last upload, if any.
    var payload: Payload?
}

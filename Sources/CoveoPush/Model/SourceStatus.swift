/// The status of a Push source, as shown in the Coveo console's activity log.
///
/// Setting an active status (`rebuild`, `refresh`, `incremental`) opens an activity; `idle` closes it. Without a
/// final `idle` the console keeps showing the source as busy.
public enum SourceStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// A full rebuild ("Rebuild" in the console).
    case rebuild = "REBUILD"
    /// A rescan of every item ("Rescan" in the console).
    case refresh = "REFRESH"
    /// An incremental update ("Refresh" in the console).
    case incremental = "INCREMENTAL"
    /// No activity.
    case idle = "IDLE"
}

/// Which kind of host a request went to; the same status code means different things on each.
package enum RequestHost: Sendable, Hashable {
    /// A Coveo API host: the Push API (or Stream API), the Platform API or the Logs API. They answer with Coveo's JSON
    /// errors and share the same classification; the request's ``PushRequest/api`` picks the base URL.
    case pushAPI
    /// The storage host behind a file container's `uploadUri` (Amazon S3), which answers with its own errors.
    case uploadHost
}

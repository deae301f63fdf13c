/// Which kind of host a request went to; the same status code means different things on each.
package enum RequestHost: Sendable, Hashable {
    /// The Coveo Push API (or Stream API) host, which answers with Coveo's JSON errors.
    case pushAPI
    /// The storage host behind a file container's `uploadUri` (Amazon S3), which answers with its own errors.
    case uploadHost
}

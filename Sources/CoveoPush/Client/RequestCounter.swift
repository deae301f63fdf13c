/// Counts the requests, retries and throttled time spent on behalf of one session (or the whole client).
actor RequestCounter {
    private(set) var requests = 0
    private(set) var retries = 0
    private(set) var throttled: Duration = .zero
    private(set) var bytesUploaded = 0

    /// Records one request; `attempt` above 1 is a retry.
    func recordRequest(attempt: Int) {
        requests += 1
        if attempt > 1 { retries += 1 }
    }

    /// Records time spent waiting for the throttle.
    func recordThrottled(_ duration: Duration) {
        throttled += duration
    }

    /// Records bytes uploaded to a file container.
    func recordUpload(bytes: Int) {
        bytesUploaded += bytes
    }

    /// Copies the counts into a report.
    func fill(_ report: inout PushReport) {
        report.requests = requests
        report.retries = retries
        report.throttledTime = throttled
        report.bytesUploaded = bytesUploaded
    }
}

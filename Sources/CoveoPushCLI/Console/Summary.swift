import CoveoPush
import Foundation

/// The closing summary of a run: counts, costs, where to resume, and every failure with its reason.
struct Summary: Sendable {
    /// A failed or skipped input, with where it is when known.
    struct Failure: Sendable {
        var position: InputPosition?
        var subject: String?
        var reason: String
    }

    var command: String
    var target: String
    var report = PushReport()
    var failures: [Failure] = []
    /// Operations never answered because the run was interrupted: counted, not listed one by one.
    var notSent = 0
    var seconds: Double = 0
    var lastAccepted: InputPosition?
    /// What happened after the push (delete older than, status), one note each.
    var notes: [String] = []
    var exitStatus: ExitStatus = .success
    /// What `push --verify` found, when it ran.
    var verification: VerificationReport?

    /// Failures from the input problems, the operations refused while appending, and the report.
    mutating func collect(report: PushReport, problems: [InputProblem], rejected: [InputProblem]) {
        self.report = report
        failures = problems.map { Failure(position: $0.position, subject: $0.subject, reason: $0.reason) }
        failures += rejected.map { Failure(position: $0.position, subject: $0.subject, reason: $0.reason) }
        var alreadyListed: [String: Int] = [:]
        for problem in rejected { alreadyListed[problem.subject ?? "", default: 0] += 1 }
        notSent = 0
        for failure in report.failed {
            if failure.error.code == .cancelled {
                notSent += 1
                continue
            }
            if failure.error.code == .invalidInput, let count = alreadyListed[failure.documentId], count > 0 {
                alreadyListed[failure.documentId] = count - 1
                continue
            }
            failures.append(Failure(position: nil, subject: failure.documentId, reason: Self.reason(failure.error)))
        }
    }

    /// Takes the request counts of the whole client (status and delete requests included, not only the session's).
    mutating func countRequests(of client: PushClient) async {
        let statistics = await client.statistics()
        report.requests = max(report.requests, statistics.requests)
        report.retries = max(report.retries, statistics.retries)
        report.throttledTime = max(report.throttledTime, statistics.throttledTime)
    }

    /// A failure's reason, with Coveo's error code and the status when the service gave them.
    static func reason(_ error: PushError) -> String {
        var text = error.code.rawValue
        if let status = error.statusCode { text += " (HTTP \(status)" + (error.errorCode.map { " \($0)" } ?? "") + ")" }
        if let validation = error.validation {
            return text + ": \(validation.rule): \(validation.message)"
        }
        return text + ": " + error.message
    }

    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f", Double(bytes) / 1_000_000)
    }

    /// The human-readable form.
    var text: String {
        var lines: [String] = []
        for failure in failures {
            var line = "failed: "
            if let position = failure.position { line += "\(position): " }
            if let subject = failure.subject { line += "\(subject): " }
            lines.append(line + failure.reason)
        }
        for rejection in verification?.rejections ?? [] {
            lines.append("rejected downstream: \(rejection.documentId): \(rejection.reason)")
        }
        lines.append(contentsOf: notes)
        lines.append(
            "\(command): accepted \(report.accepted), deleted \(report.deleted), failed \(failures.count)"
                + (notSent > 0 ? ", not sent \(notSent)" : "") + "; "
                + "\(report.batches) batch\(report.batches == 1 ? "" : "es"), \(report.requests) requests, \(report.retries) retries, "
                + "\(report.bytesUploaded) bytes, \(String(format: "%.2f", seconds)) s")
        lines.append("last fully accepted input: \(lastAccepted.map(\.description) ?? "none")")
        if let verification {
            lines.append(
                "verification: indexed \(verification.indexed), deleted \(verification.deleted), "
                    + "warnings \(verification.warnings), rejected \(verification.rejected), "
                    + "pending \(verification.pending); \(verification.logsRequests) Logs API requests"
                    + (verification.failedLogsRequests > 0 ? " (\(verification.failedLogsRequests) failed)" : ""))
        }
        return lines.joined(separator: "\n")
    }

    /// The `--json` form: one object.
    var json: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("command")
        writer.string(command)
        writer.key("target")
        writer.string(target)
        writer.key("exitStatus")
        writer.integer(Int64(exitStatus.rawValue))
        for (key, value) in [
            ("accepted", report.accepted), ("deleted", report.deleted), ("failed", failures.count), ("notSent", notSent),
            ("batches", report.batches), ("requests", report.requests), ("retries", report.retries),
            ("bytesUploaded", report.bytesUploaded),
        ] {
            writer.key(key)
            writer.integer(Int64(value))
        }
        writer.key("seconds")
        writer.double((seconds * 1000).rounded() / 1000)
        writer.key("lastAccepted")
        if let lastAccepted {
            Self.write(lastAccepted, into: &writer)
        } else {
            writer.null()
        }
        writer.key("failures")
        writer.beginArray()
        for failure in failures {
            writer.beginObject()
            writer.key("file")
            if let file = failure.position?.file { writer.string(file) } else { writer.null() }
            writer.key("line")
            if let line = failure.position?.line { writer.integer(Int64(line)) } else { writer.null() }
            writer.key("id")
            if let subject = failure.subject { writer.string(subject) } else { writer.null() }
            writer.key("reason")
            writer.string(failure.reason)
            writer.endObject()
        }
        writer.endArray()
        writer.key("notes")
        writer.beginArray()
        for note in notes { writer.string(note) }
        writer.endArray()
        if let verification { Self.write(verification, into: &writer) }
        writer.endObject()
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// The `"verification"` object of the `--json` form.
    private static func write(_ verification: VerificationReport, into writer: inout JSONWriter) {
        writer.key("verification")
        writer.beginObject()
        for (key, value) in [
            ("indexed", verification.indexed), ("deleted", verification.deleted), ("warnings", verification.warnings),
            ("rejected", verification.rejected), ("pending", verification.pending),
            ("logsRequests", verification.logsRequests),
        ] {
            writer.key(key)
            writer.integer(Int64(value))
        }
        writer.key("rejections")
        writer.beginArray()
        for rejection in verification.rejections {
            writer.beginObject()
            writer.key("documentId")
            writer.string(rejection.documentId)
            writer.key("reason")
            writer.string(rejection.reason)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }

    private static func write(_ position: InputPosition, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("file")
        writer.string(position.file)
        writer.key("line")
        if let line = position.line { writer.integer(Int64(line)) } else { writer.null() }
        writer.endObject()
    }
}

import CoveoPush
import Foundation

extension ExitStatus {
    /// The exit status an error ends the command with.
    static func `for`(_ error: any Error) -> ExitStatus {
        switch error {
        case let interrupted as BatchedRun.Interrupted:
            return .for(interrupted.underlying)
        case is UsageError:
            return .usage
        case is MissingLogsPrivileges:
            return .authentication
        case is CancellationError:
            return .interrupted
        case let error as PushError:
            return .for(error.code)
        case let error as URLError where error.code == .cancelled:
            return .interrupted
        default:
            return .serviceFailure
        }
    }

    /// The exit status a push error code maps to.
    static func `for`(_ code: PushError.Code) -> ExitStatus {
        switch code {
        case .authenticationFailed, .accessDenied: return .authentication
        case .cancelled: return .interrupted
        case .invalidInput: return .partialFailure
        default: return .serviceFailure
        }
    }

    /// The status of a run that ended normally with these failures: the most severe one wins.
    static func `for`(failures report: PushReport, otherFailures: Int) -> ExitStatus {
        let statuses = report.failed.map { ExitStatus.for($0.error.code) }
        if statuses.contains(.authentication) { return .authentication }
        if statuses.contains(.serviceFailure) || statuses.contains(.interrupted) { return .serviceFailure }
        return statuses.isEmpty && otherFailures == 0 ? .success : .partialFailure
    }
}

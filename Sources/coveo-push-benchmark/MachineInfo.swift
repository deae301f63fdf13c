import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where and when the benchmark ran, for the top of a Markdown report.
struct MachineInfo: Sendable {
    /// Kernel name, release and architecture, as `uname` reports them.
    let system: String
    /// The processor model, when the system says.
    let processor: String?
    /// Cores available to this process.
    let cores: Int
    /// The date and time, UTC, ISO 8601.
    let date: String
    /// `git rev-parse --short HEAD` of the working directory (with `+dirty` for uncommitted changes), if any.
    let commit: String?

    /// Collects the information now.
    static func current() -> MachineInfo {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        var commit = run("git", "rev-parse", "--short", "HEAD")
        if commit != nil, let status = run("git", "status", "--porcelain", "--untracked-files=no"), !status.isEmpty {
            commit? += "+dirty"
        }
        return MachineInfo(
            system: unameSummary(),
            processor: processorModel(),
            cores: ProcessInfo.processInfo.activeProcessorCount,
            date: formatter.string(from: Date()),
            commit: commit)
    }

    private static func unameSummary() -> String {
        var names = utsname()
        guard uname(&names) == 0 else { return "unknown" }
        func field<T>(_ value: inout T) -> String {
            withUnsafeBytes(of: &value) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
        }
        return "\(field(&names.sysname)) \(field(&names.release)) \(field(&names.machine))"
    }

    private static func processorModel() -> String? {
        #if os(Linux)
            guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
            for line in text.split(separator: "\n") where line.hasPrefix("model name") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            return nil
        #else
            return run("sysctl", "-n", "machdep.cpu.brand_string")
        #endif
    }

    /// Runs a command through `/usr/bin/env` and returns its trimmed standard output, or `nil` on failure.
    private static func run(_ arguments: String...) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
